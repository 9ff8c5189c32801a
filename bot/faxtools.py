"""`safeshare fax-cover` and `safeshare fax-log`: the command-line shells over dialogs/fax.py and bot/faxlog.py.

Messages name the box to fix, never what was typed: a recipient's name
or number appears only in the PDF and the log, which are the user's own.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


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
        return EXIT_FAILURE
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
    if not decision.allowed:
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
