"""`safeshare fax-cover` and `safeshare fax-log`: the command-line shells over dialogs/fax.py and bot/faxlog.py.

Messages name the box to fix, never what was typed: a recipient's name
or number appears only in the PDF and the log, which are the user's own.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from knowledge.errors import EXIT_FAILURE, EXIT_OK, EXIT_USAGE


def _default_out(today: date) -> Path:
    """fax-cover-20261201.pdf, or -2, -3 ... if taken: a name that identifies no one."""
    base = f"fax-cover-{today:%Y%m%d}"
    path = Path(f"{base}.pdf")
    n = 1
    while path.exists():
        n += 1
        path = Path(f"{base}-{n}.pdf")
    return path


def fax_cover(policy, args) -> int:
    """Exit 0 with the PDF; 1 when the protocol does not allow this fax (the reason and the safer way); 2 usage."""
    from dialogs.fax import CoverRequest, FaxError, decide
    from knowledge.fax_data import load_fax_data
    from knowledge.loader import KnowledgeError

    from .faxcover import write_pdf

    try:
        data = load_fax_data(policy)
    except KnowledgeError as exc:
        print(f"safeshare: cannot make a cover sheet: {exc}", file=sys.stderr)
        return exc.exit_code
    try:
        request = CoverRequest.build(
            policy, to_name=args.to_name, to_org=args.to_org, to_number=args.to_number, from_name=args.from_name,
            from_phone=args.from_phone, from_address="\n".join(args.from_address.split(";")),
            from_email=args.from_email, pages=args.pages, kind=args.kind, urgent=args.urgent,
            other_identifier=True if args.identifier else None)
    except FaxError as exc:
        print(f"safeshare: {exc}", file=sys.stderr)
        return EXIT_USAGE
    decision = decide(policy, data, request)
    if decision.sheet is None:  # not allowed: decision.allowed, spelt out so mypy narrows the sheet
        reply = decision.refusal()
        if args.json:
            print(json.dumps({**reply.to_json(), "pdf": None}, ensure_ascii=False))
        else:
            print("No cover sheet: " + reply.text())
            if reply.asks == "urgent":
                print("\nIf it is urgent and absolutely necessary, run this again with --urgent.")
        return EXIT_FAILURE
    sheet = decision.sheet
    out = Path(args.out) if args.out else _default_out(date.today())
    try:
        write_pdf(sheet, out)
    except FileExistsError:
        print("safeshare: the --out file exists already; SafeShare never overwrites it", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # names no path: a file name may name a child
        print(f"safeshare: cannot write the cover sheet ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_FAILURE
    except ValueError as exc:
        print(f"safeshare: {exc}: shorten the address", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps({"pdf": str(out), "verdict": decision.advice.verdict.value, "rule": decision.advice.rule_id,
                          "checklist": list(sheet.checklist), "citations": list(sheet.cites)}, ensure_ascii=False))
        return EXIT_OK
    print(f"Cover sheet: {out}")
    print(f"{decision.advice.verdict.label}: {decision.advice.summary}")
    print(f"\nBefore you send ({sheet.checklist_title}):")
    print("\n".join(f"{n}. {item}" for n, item in enumerate(sheet.checklist, 1)))
    print("\nThen log it: safeshare fax-log add (Faxes 10).")
    return EXIT_OK


def _confirm(saved, typed: str | None) -> bool:
    """The confirm-the-number step (Faxes 5, 8): a saved number is used only once typed again to match."""
    from dialogs.fax import fax_digits

    if typed is None:
        if not sys.stdin.isatty():
            print("safeshare: confirm the saved number first: phone the recipient, check it, and pass it again "
                  "with --confirm-number", file=sys.stderr)
            return False
        print(f"Saved number '{saved.label}': {saved.fax_number} for {saved.receiver}.", file=sys.stderr)
        print("Phone the recipient, check the number is still right, then type it again: ", end="", file=sys.stderr,
              flush=True)
        typed = sys.stdin.readline()
    if fax_digits(typed or "") != fax_digits(saved.fax_number):
        print("safeshare: the number typed does not match the saved number: check it with the recipient; "
              "nothing was logged", file=sys.stderr)
        return False
    return True


def fax_log(args) -> int:
    """Exit 0 done; 1 the log cannot be used, or a saved number was not confirmed; 2 usage."""

    from dialogs.fax import FaxError, check_number, clean

    from .faxlog import FaxLog, FaxLogError, SavedNumber, iter_lines, now

    try:
        log = FaxLog()
    except FaxLogError as exc:
        print(f"safeshare: {exc}", file=sys.stderr)
        return exc.exit_code
    with log:
        try:
            if args.fax_log_command == "add":
                return _add(args, log)
            if args.fax_log_command == "list":
                entries = log.entries(max(1, args.limit))
                if args.json:
                    from dataclasses import asdict

                    print(json.dumps([asdict(e) for e in entries], ensure_ascii=False))
                else:
                    print("\n".join(iter_lines(entries)) or "No faxes logged yet.")
                return EXIT_OK
            if args.fax_log_command == "export":
                if args.out:
                    import os

                    try:
                        fd = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                    except OSError as exc:
                        print(f"safeshare: cannot write the --out file ({exc.strerror})", file=sys.stderr)
                        return EXIT_USAGE
                    with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
                        count = log.export_csv(handle)
                    print(f"{count} fax(es) exported", file=sys.stderr)
                else:
                    log.export_csv(sys.stdout)
                return EXIT_OK
            # numbers
            if args.action == "list":
                saved = log.numbers()
                print("\n".join(f"{s.label}: {s.fax_number}  {s.receiver}" + (f" ({s.receiver_org})"
                                if s.receiver_org else "") for s in saved) or "No saved numbers.")
                return EXIT_OK
            if not args.label:
                print(f"safeshare: fax-log numbers {args.action} needs a LABEL", file=sys.stderr)
                return EXIT_USAGE
            if args.action == "remove":
                return EXIT_OK if log.remove_number(args.label) else EXIT_FAILURE
            if not (args.to_name and args.to_number):
                print("safeshare: saving a number needs --to-name and --to-number", file=sys.stderr)
                return EXIT_USAGE
            label = clean(args.label)
            before = log.number(label)
            org = clean(args.to_org) if args.to_org is not None else (before.receiver_org if before else "")
            log.save_number(SavedNumber(label, clean(args.to_name), org, check_number(args.to_number), now()))
            print(("Replaced the number saved as that label. " if before else "Saved. ")
                  + "Each use asks you to confirm the number with the recipient first (Faxes 5).")
            return EXIT_OK
        except FaxError as exc:
            print(f"safeshare: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except FaxLogError as exc:
            print(f"safeshare: {exc}", file=sys.stderr)
            return exc.exit_code


def _add(args, log) -> int:
    from datetime import datetime

    from dialogs.fax import MAX_PAGES, FaxError, check_number, clean

    from .faxlog import FaxEntry, SavedNumber, now

    receiver, org, number = clean(args.to_name), clean(args.to_org or ""), args.to_number
    if args.saved:
        saved = log.number(args.saved)
        if saved is None:
            print("safeshare: no saved number has that label (see: safeshare fax-log numbers list)", file=sys.stderr)
            return EXIT_USAGE
        if number and not args.confirm_number:
            args.confirm_number = number
        if not _confirm(saved, args.confirm_number):
            return EXIT_FAILURE
        receiver, number = receiver or saved.receiver, saved.fax_number
        org = org if args.to_org is not None else saved.receiver_org
    if not receiver or not number:
        print("safeshare: fax-log add needs --to-name and --to-number, or --saved LABEL", file=sys.stderr)
        return EXIT_USAGE
    number = check_number(number)
    sender = clean(args.from_name)
    if not sender:
        raise FaxError("Say who sent it (--from).")
    if not 1 <= args.pages <= MAX_PAGES + 1:
        raise FaxError(f"--pages should be 1 to {MAX_PAGES + 1}.")
    sent_at = now()
    if args.date:
        try:
            given = datetime.fromisoformat(args.date)
            # a time without a zone is this computer's local time, stored with its offset like every other entry
            sent_at = (given if given.tzinfo else given.astimezone()).isoformat(timespec="seconds")
        except ValueError:
            raise FaxError("--date should be ISO 8601, e.g. 2026-03-01T14:30") from None
    entry_id = log.add(FaxEntry(sent_at, sender, receiver, org, number, args.pages, args.receipt_confirmed,
                                args.transmission_record))
    if args.save_as:
        log.save_number(SavedNumber(clean(args.save_as), receiver, org, number, now()))
    print(f"Logged as fax {entry_id}." + ("" if args.receipt_confirmed else
                                          " Check the right person received it (Faxes 6)."))
    return EXIT_OK
