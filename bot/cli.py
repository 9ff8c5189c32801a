"""The `safeshare` command line.

Each subcommand imports only what it uses: `ask` must start and answer in
well under half a second, and botbuilder alone takes longer than that to
import, so nothing here imports it at module level.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from knowledge.errors import EXIT_CODES, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, SafeShareError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2, as click does
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"safeshare: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="safeshare", description="Share information about children safely and lawfully.",
                     epilog=_EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--knowledge", metavar="DIR", default=os.environ.get("SAFESHARE_KNOWLEDGE"),
                        help="knowledge files to use instead of the built-in protocol (env SAFESHARE_KNOWLEDGE)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    ask = sub.add_parser("ask", help="answer one question, or one per line from stdin")
    ask.add_argument("question", nargs="*", help="the question; none or '-' reads stdin, one per line")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question (short and full)")
    ask.add_argument("--full", action="store_true", help="print every step and citation, not the short answer")
    ask.add_argument("--record", action="store_true",
                     help="add a decision record for the case file (the facts understood, never the question's words)")
    check = sub.add_parser("check", help="validate the knowledge files, run every rule's examples and list "
                                         "protocol items nothing cites")
    check.add_argument("--compare", metavar="DIR", help="preview an edited copy of the knowledge files: the answers "
                       "and typo corrections that change against the knowledge in use")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    serve = sub.add_parser("serve", help="run the Teams bot (Bot Framework endpoint POST /api/messages; "
                                          "without an app id, also a browser chat at /)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=3978)
    serve.add_argument("--allow-anonymous-remote", action="store_true",
                       help="allow a non-loopback address with no MicrosoftAppId (no authentication!)")
    chat = sub.add_parser("chat", help="talk to the bot in this terminal")
    chat.add_argument("--out", metavar="DIR", default=".", help="where the chat saves the packages `encrypt PATH` makes and the fax cover "
                      "sheets it fills in")
    sub.add_parser("purge", help="remove conversation state older than SAFESHARE_STATE_MAX_AGE_HOURS (default 24)")
    encrypt = sub.add_parser("encrypt", help="make an AES-256 encrypted package with a new password")
    encrypt.add_argument("files", nargs="+", metavar="FILE")
    encrypt.add_argument("--out", metavar="DIR", default=".", help="where to put the package (default: here)")
    encrypt.add_argument("--format", choices=("7z", "zip"), default="zip",
                         help="zip (default: AES-256 ZIP, as the protocol's appendix) or 7z (names inside encrypted too)")
    encrypt.add_argument("--max-mb", type=int, default=100, help="size limit for the files together (MB)")
    encrypt.add_argument("--json", action="store_true", help="print one JSON object")
    email = sub.add_parser("check-email", help="check a draft email against the protocol before you send it")
    email.add_argument("--to", action="append", default=[], metavar="ADDRESS", help="a recipient (repeatable; "
                       "or several separated by , or ;)")
    email.add_argument("--cc", action="append", default=[], metavar="ADDRESS")
    email.add_argument("--bcc", action="append", default=[], metavar="ADDRESS")
    email.add_argument("--subject", default="")
    email.add_argument("--body-file", metavar="FILE", help="the body as text; '-' reads stdin")
    email.add_argument("--attachment", action="extend", nargs="+", default=[], metavar="NAME",
                       help="an attachment's file name (the file is not opened)")
    email.add_argument("--json", action="store_true", help="print one JSON object")
    fax = sub.add_parser("fax-cover", help="make a fax cover sheet (PDF), if the protocol allows this fax")
    fax.add_argument("--to-name", required=True, help="who the fax is for")
    fax.add_argument("--to-org", default="", help="the recipient's organisation")
    fax.add_argument("--to-number", required=True, help="the recipient's fax number (check it with them by phone)")
    fax.add_argument("--from", dest="from_name", required=True, help="your name (and role)")
    fax.add_argument("--from-phone", required=True,
                     help="your telephone number: the protocol's message asks a wrong recipient to ring it")
    fax.add_argument("--from-address", default="", help="your address, lines separated by ';' (misdirected faxes "
                     "are returned there)")
    fax.add_argument("--from-email", default="")
    fax.add_argument("--pages", required=True, type=int, metavar="N", help="pages after the cover sheet")
    fax.add_argument("--kind", default="pid", metavar="KIND", help="what the information is (default pid): pid, "
                     "sensitive, confidential, anonymised, mental_health, safeguarding, ... (refused for the last two)")
    fax.add_argument("--urgent", action=argparse.BooleanOptionalAction, default=None,
                     help="you have confirmed it is urgent and absolutely necessary to fax it (Faxes 1)")
    fax.add_argument("--identifier", action="store_true",
                     help="an IAS number (or similar) is used instead of names and addresses (Faxes 2)")
    fax.add_argument("--out", metavar="FILE", help="the PDF to write (default fax-cover-DATE.pdf here; never "
                     "overwritten)")
    fax.add_argument("--json", action="store_true", help="print one JSON object")
    reports = sub.add_parser("reports", help="breach and near-miss reports: who to tell now, and the register")
    repsub = reports.add_subparsers(dest="reports_command", metavar="ACTION", parser_class=_Parser, required=True)
    radd = repsub.add_parser("add", help="report a breach or near miss (choice ids only, never names or details)")
    radd.add_argument("--what", required=True, metavar="ID", help="what happened: an incident id in near_miss.yaml "
                      "(email_wrong_recipient, email_unencrypted, personal_webmail, fax_misdialled, text_message, "
                      "lost_device, lost_papers, other)")
    radd.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="when it happened (or was noticed)")
    radd.add_argument("--data-left", required=True, metavar="ID", help="did personal data leave: yes, no, not_sure")
    radd.add_argument("--child-at-risk", required=True, metavar="ID", help="could a child be at risk: yes, "
                      "not_sure, no (no default: a child's safety is never assumed)")
    radd.add_argument("--done", default="nothing_yet", metavar="ID", help="what has been done: nothing_yet "
                      "(default), recall_asked, confirmed_deleted, device_reported, manager_told")
    rexport = repsub.add_parser("export", help="every report, for the monitoring of breaches and near misses")
    rexport.add_argument("--csv", action="store_true", required=True, help="CSV (the only format)")
    rexport.add_argument("--out", metavar="FILE", help="write here (created 0600) instead of stdout")
    faxlog = sub.add_parser("fax-log", help="the log of confidential faxes sent (Faxes 10) and saved fax numbers")
    logsub = faxlog.add_subparsers(dest="fax_log_command", metavar="ACTION", parser_class=_Parser, required=True)
    add = logsub.add_parser("add", help="log a fax sent: date, sender, receiver, number, pages (never its content)")
    add.add_argument("--to-name", help="the receiver (or from --saved)")
    add.add_argument("--to-org", default=None)
    add.add_argument("--to-number", help="the fax number dialled (or --saved LABEL)")
    add.add_argument("--saved", metavar="LABEL", help="use a saved number; you confirm it first")
    add.add_argument("--confirm-number", metavar="NUMBER", help="the saved number typed again, as checked with the "
                     "recipient (asked for when not given)")
    add.add_argument("--from", dest="from_name", required=True, help="the sender")
    add.add_argument("--pages", required=True, type=int, metavar="N")
    add.add_argument("--date", help="when it was sent, ISO 8601 (default now)")
    add.add_argument("--receipt-confirmed", action="store_true", help="the right person confirmed receipt (Faxes 6)")
    add.add_argument("--transmission-record", action="store_true",
                     help="a printed record of transmission was obtained (Faxes 9)")
    add.add_argument("--save-as", metavar="LABEL", help="also save this number for next time (Faxes 8)")
    show = logsub.add_parser("list", help="the latest faxes logged")
    show.add_argument("--limit", type=int, default=20)
    show.add_argument("--json", action="store_true")
    export = logsub.add_parser("export", help="the whole log as the team spreadsheet")
    export.add_argument("--csv", action="store_true", required=True, help="CSV (the only format)")
    export.add_argument("--out", metavar="FILE", help="write here (created 0600) instead of stdout")
    numbers = logsub.add_parser("numbers", help="saved fax numbers: list, save LABEL, remove LABEL")
    numbers.add_argument("action", choices=("list", "save", "remove"))
    numbers.add_argument("label", nargs="?")
    numbers.add_argument("--to-name")
    numbers.add_argument("--to-org", default=None, help="the organisation (kept from the saved number if not given)")
    numbers.add_argument("--to-number")
    manifest = sub.add_parser("manifest", help="build the Teams app package (zip)")
    manifest.add_argument("--app-id", required=True, help="the bot's Microsoft App ID (a GUID)")
    manifest.add_argument("--out", default="safeshare-teams-app.zip")
    manifest.add_argument("--domain", action="append", default=[], help="an extra valid domain (repeatable)")
    manifest.add_argument("--privacy-url", default=os.environ.get("SAFESHARE_PRIVACY_URL"),
                          help="the council's privacy notice for SafeShare, https (env SAFESHARE_PRIVACY_URL)")
    manifest.add_argument("--terms-url", default=os.environ.get("SAFESHARE_TERMS_URL"),
                          help="the terms of use, https (env SAFESHARE_TERMS_URL)")
    manifest.add_argument("--website-url", default=os.environ.get("SAFESHARE_WEBSITE_URL"),
                          help="the support page, https (env SAFESHARE_WEBSITE_URL; default the privacy URL)")
    return parser


_EXIT_CODES_HELP = "exit codes:\n" + "\n".join(f"  {code}  {meaning}" for code, meaning in EXIT_CODES.items())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; an error SafeShare can explain exits with its code and one line, never a traceback."""
    try:
        return _main(argv)
    except SafeShareError as exc:
        print(f"safeshare: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # "safeshare encrypt notes.txt | head -1": the reader has had enough; say no more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nor at exit, when stdout is flushed
        return EXIT_OK


def _main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    # Neither needs the protocol: a broken knowledge folder must not stop the daily purge or a manifest.
    if args.command == "purge":
        return _purge()
    if args.command == "manifest":
        return _manifest(args)
    if args.command == "fax-log":  # needs no protocol either: the log must open when the knowledge is broken
        from .faxtools import fax_log

        return fax_log(args)
    if args.command == "reports" and args.reports_command == "export":  # the register opens with broken knowledge
        return _reports_export(args)
    if args.command == "ask":  # a new process per question: what the files build is kept between runs
        return _ask(args)
    from knowledge.loader import KnowledgeError, load_policy

    assistant = None
    try:
        if args.command == "chat":  # started by hand, often: the checked protocol and its indexes kept, as for `ask`
            from dialogs.kept import kept_assistant

            assistant = kept_assistant(args.knowledge)
            policy = assistant.policy
        else:
            policy = load_policy(args.knowledge)
    except KnowledgeError as exc:
        print(f"safeshare: cannot start: {exc}", file=sys.stderr)
        return exc.exit_code
    if args.command in ("serve", "chat"):  # the bot's `check email` needs email_check.yaml: refuse to start without it
        from knowledge.emailcheck_data import load_email_check

        try:
            load_email_check(policy)
        except KnowledgeError as exc:
            print(f"safeshare: cannot start: {exc}", file=sys.stderr)
            return exc.exit_code
    if args.command == "check":
        return _check(policy, args)
    if args.command == "serve":
        return _serve(policy, args)
    if args.command == "chat":
        return _chat(policy, args, assistant)
    if args.command == "encrypt":
        return _encrypt(policy, args)
    if args.command == "check-email":
        return _check_email(policy, args)
    if args.command == "reports":
        return _reports_add(policy, args)
    if args.command == "fax-cover":
        from .faxtools import fax_cover

        return fax_cover(policy, args)
    parser.error(f"unknown command {args.command!r}")
    return EXIT_USAGE


_BARE_NUMBER = ("A number on its own answers a numbered question in safeshare chat, which remembers the question; "
                "safeshare ask answers each question on its own. Ask again with the choice in words (for example: "
                "\"can I email the report to the school?\"), or use safeshare chat.")


def _ask(args) -> int:
    from dialogs.kept import kept_assistant

    try:
        assistant = kept_assistant(args.knowledge)
    except SafeShareError as exc:  # KnowledgeError: every problem, by file and line
        print(f"safeshare: cannot start: {exc}", file=sys.stderr)
        return exc.exit_code
    if hasattr(signal, "SIGPIPE"):  # `safeshare ask ... | head -3`: stop quietly when the reader has had enough
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if args.question and args.question != ["-"]:
        question = " ".join(args.question)
        if not question.strip():
            print("safeshare ask: give a question, or pipe questions one per line", file=sys.stderr)
            return EXIT_USAGE
        questions: Iterable[str] = [question]
    else:
        questions = (line.rstrip("\n") for line in sys.stdin)
    asked = 0
    for question in questions:
        asked += bool(question.strip())
        if args.json:
            if not question.strip():
                print(json.dumps({"verdict": None, "answer": "", "error": "empty question"}), flush=True)
                continue
            reply = assistant.answer(question)
            out = reply.to_json()
            if args.record:
                record = _record(assistant, reply)
                out["record"] = record.to_json() if record else None
            print(json.dumps(out, ensure_ascii=False), flush=True)
        elif question.strip().isdigit():
            # "safeshare ask 2" after a numbered question: a one-shot command remembers no earlier question
            print(_BARE_NUMBER)
            print()
        elif question.strip():
            reply = assistant.answer(question)
            full = reply.text()
            print(full if args.full else reply.brief() + "\n(All steps: safeshare ask --full)")
            if "type report" in full.lower():  # the chat's command, by its terminal name here
                print("In a terminal, the report is: safeshare reports add")
            if reply.options:  # a one-shot command cannot take the answer: say how to give it
                print("To answer it: ask again with that detail in your question, or use safeshare chat, "
                      "where you can type the number.")
            if args.record:
                record = _record(assistant, reply)
                print("\n" + (record.text() if record else _NO_RECORD_ASKED if reply.options or reply.asks
                              else _NO_RECORD_UNSETTLED))
            print()
    if not asked:
        print("safeshare ask: no question was given (one per line on stdin, or as arguments)", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _out_dir(raw: str) -> Path | None:
    """The --out folder, made (readable by you only) if it does not exist yet; None after saying why not."""
    out = Path(raw).expanduser()
    try:
        out.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        print(f"safeshare: cannot use --out {raw!r}: {error.strerror or 'not a folder'}", file=sys.stderr)
        return None
    if not out.is_dir():
        print(f"safeshare: --out {raw!r} is not a folder", file=sys.stderr)
        return None
    return out


_NO_RECORD_ASKED = ("No decision to record yet: ask again with the detail asked for above in your question, or use "
                    "safeshare chat.")
_NO_RECORD_UNSETTLED = ("No decision to record: the protocol does not decide this one. Ask your manager, or for a "
                        "child's safety ring the Safeguarding Hub on 0333 240 1727.")


def _record(assistant, reply):
    from dialogs.record import decision_record, london_now, record_data

    data = record_data(reply)
    return decision_record(assistant, data["facts"], data["rule"], london_now())


def _check(policy, args) -> int:
    """Validation passed (load_policy); now the examples, the coverage, and the preview of an edit."""
    from bot.policycheck import compare, example_failures
    from knowledge.loader import KnowledgeError, load_policy, uncited_sections

    edited, problems = policy, []
    if args.compare:
        try:
            edited = load_policy(args.compare)
        except KnowledgeError as exc:
            problems = [str(p) for p in exc.problems]
    findings = problems or [str(f) for f in example_failures(edited)]
    missing = [] if problems else uncited_sections(edited)
    preview = compare(policy, edited) if args.compare and not problems else None
    if args.json:
        out = {"knowledge": edited.source if not problems else args.compare, "problems": findings,
               "uncited": missing, "ok": not (findings or missing)}
        if preview is not None:
            out["preview"] = preview.to_json()
        print(json.dumps(out, ensure_ascii=False, indent=1))
        if problems:
            return KnowledgeError.exit_code
        return EXIT_FAILURE if findings or missing else EXIT_OK
    if problems:
        print(f"safeshare: {args.compare}: knowledge files have {len(problems)} problem(s):", file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return KnowledgeError.exit_code
    print(f"{edited.source}: {len(edited.sections)} protocol items, {len(edited.rules)} rules "
          f"({sum(len(r.examples) for r in edited.rules)} examples), {len(edited.checklists)} checklists, "
          f"{len(edited.faq)} FAQ entries")
    for finding in findings:
        print(finding)
    for sid in missing:
        print(f"not cited by anything: {sid} ({edited.sections[sid].title})")
    if not findings and not missing:
        print("All checks pass: every rule can apply and gets its examples right.")
    if preview is not None:
        print()
        print(preview.text())
    return EXIT_FAILURE if findings or missing else EXIT_OK


def _serve(policy, args) -> int:
    import ipaddress
    import sqlite3

    from aiohttp import web

    from .app import create_app
    from .storage import StorageUnavailable

    config = _config()
    try:
        loopback = ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        loopback = args.host == "localhost"
    if config.anonymous and not loopback and not args.allow_anonymous_remote:
        print(f"safeshare: refusing to serve {args.host} without authentication: set MicrosoftAppId and "
              "MicrosoftAppPassword (environment or .env), or pass --allow-anonymous-remote", file=sys.stderr)
        return EXIT_USAGE
    if args.allow_anonymous_remote:
        import dataclasses

        config = dataclasses.replace(config, ANONYMOUS_REMOTE=True)
    from . import logs

    logs.configure(json_lines=True)
    logs.set_salt(config.LOG_SALT)
    mode = "anonymous local mode (no MicrosoftAppId)" if config.anonymous else "authenticated"
    try:
        app = create_app(config, policy)
    except SafeShareError as exc:
        print(f"safeshare: cannot start: {exc}", file=sys.stderr)
        return exc.exit_code
    except (OSError, sqlite3.Error, ImportError) as exc:  # the state store cannot be set up
        print(f"safeshare: cannot start: the conversation state store: {type(exc).__name__}: {exc}", file=sys.stderr)
        return StorageUnavailable.exit_code
    try:  # bound here, so that --port 0 can say which port it got (and a taken port is reported plainly)
        sock = _listen(args.host, args.port)
    except OSError as exc:
        print(f"safeshare: cannot serve on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    port = sock.getsockname()[1]
    local_chat = config.anonymous and not config.ANONYMOUS_REMOTE  # the browser chat exists (bot/webchat.py)
    browser = f"Open http://{args.host}:{port}/ in a browser to chat, or try" if local_chat else "Try"
    print(f"SafeShare on http://{args.host}:{port}/api/messages, {mode}. "
          f"{browser} it with: npx @microsoft/m365agentsplayground -e "
          f"http://{args.host}:{port}/api/messages -c msteams", file=sys.stderr, flush=True)
    # SIGTERM/SIGINT: stop accepting; turns in flight get a few seconds, then are stopped with a message to
    # the user and their files removed (bot/turns.py); then the store is closed. Well inside 30 s.
    from .turns import SHUTDOWN_SECONDS

    web.run_app(app, sock=sock, print=None, shutdown_timeout=SHUTDOWN_SECONDS, access_log=None)
    return EXIT_OK


def _listen(host: str, port: int):
    """A listening socket on host:port (0: any free port), as aiohttp's own would be set up."""
    import socket

    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                         flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(False)
    return sock


def _config():
    """The configuration from the environment and .env; a ConfigError reaches main(), which exits 5."""
    from .config import Config

    return Config.from_env()


def _purge() -> int:
    import asyncio

    from .storage import StorageUnavailable, storage_from

    config = _config()

    async def run() -> int:
        storage = storage_from(config)
        try:
            return await storage.purge()
        finally:
            await storage.close()

    try:
        removed = asyncio.run(run())
    except StorageUnavailable as exc:
        print("safeshare: the state store cannot be reached", file=sys.stderr)
        return exc.exit_code
    print(f"removed {removed} conversation state item(s) older than {config.STATE_MAX_AGE_HOURS} hours")
    return EXIT_OK


def _chat(policy, args, assistant=None) -> int:
    import asyncio
    import logging

    from .app import create_bot
    from .chat import run_chat
    from .files import FileTransfer

    out = _out_dir(args.out)
    if out is None:
        return EXIT_USAGE
    from . import logs

    logs.configure(json_lines=False, level=logging.WARNING)
    from .reminders import SqliteReminders

    # Reminders set here last as long as the chat: they can be listed and cancelled; only `serve` sends them.
    bot = create_bot(policy, transfer=FileTransfer(allow_local=True), local_out=out,
                     reminders=SqliteReminders(":memory:"), assistant=assistant)
    return asyncio.run(run_chat(bot))


def _encrypt(policy, args) -> int:
    import logging
    import os

    from dialogs.packaging import describe
    from packager.package import PackageError, Source, build, private_dir

    from . import logs

    logs.configure(json_lines=False, level=logging.WARNING)
    out = _out_dir(args.out)
    if out is None:
        return EXIT_USAGE
    sources = [Source(Path(f), Path(f).name) for f in args.files]  # the file's own name, not the path typed to it
    try:
        with private_dir(out) as work:
            package = build(sources, work, fmt=args.format, max_bytes=args.max_mb * 1024 * 1024)
            final = out / package.name
            os.replace(package.path, final)
    except PackageError as error:
        print(f"safeshare: {error}", file=sys.stderr)
        return error.exit_code
    text = describe(policy, package)
    if args.json:
        print(json.dumps({"archive": str(final), "name": package.name, "format": package.format,
                          "size": package.size, "password": package.password, "files": package.mapping,
                          **text.to_json()}, ensure_ascii=False))
        return EXIT_OK
    print(f"Package: {final}")
    print("\n".join(text.ready_lines))
    print()
    print("\n".join(text.password_lines(in_chat=False)))
    return EXIT_OK


def _check_email(policy, args) -> int:
    """Exit 0 when there is nothing to fix, 1 with findings (or a broken email_check.yaml), 2 for usage."""
    from dialogs.emailcheck import Draft, EmailChecker
    from knowledge.emailcheck_data import load_email_check
    from knowledge.loader import KnowledgeError

    try:
        checker = EmailChecker(policy, load_email_check(policy))
    except KnowledgeError as exc:
        print(f"safeshare: cannot check: {exc}", file=sys.stderr)
        return exc.exit_code
    body = ""
    if args.body_file == "-":
        body = sys.stdin.read()
    elif args.body_file:
        try:
            with open(args.body_file, encoding="utf-8", errors="replace") as handle:
                body = handle.read()
        except OSError as exc:  # the message names no file: its name may name a child
            print(f"safeshare: cannot read the --body-file ({exc.strerror})", file=sys.stderr)
            return EXIT_USAGE
    draft = Draft.from_fields({"to": ";".join(args.to), "cc": ";".join(args.cc), "bcc": ";".join(args.bcc),
                               "subject": args.subject, "body": body, "attachments": "\n".join(args.attachment)})
    if draft.empty:
        print("safeshare: check-email needs at least one recipient (--to, --cc or --bcc)", file=sys.stderr)
        return EXIT_USAGE
    result = checker.check(draft)
    if args.json:
        print(json.dumps(result.to_json(policy), ensure_ascii=False))
    else:
        print(result.to_reply(policy).text())
        if result.offer_package:
            print("\nMake the encrypted package: safeshare encrypt FILE... (a new password, for the phone call)")
    return EXIT_OK if not result.findings else EXIT_FAILURE


def _manifest(args) -> int:
    from .manifest import ManifestError, build_package

    try:
        path = build_package(args.app_id, args.out, extra_domains=args.domain, privacy_url=args.privacy_url,
                             terms_url=args.terms_url, website_url=args.website_url)
    except ManifestError as exc:
        print(f"safeshare: {exc}", file=sys.stderr)
        return exc.exit_code
    print(path)
    return EXIT_OK



def _reports_add(policy, args) -> int:
    """Exit 0: who to tell, and the report recorded; 1: it could not be recorded; 2: a value to fix."""
    from dialogs.near_miss import ReportError, advise_report, report_from_fields
    from dialogs.record import london_now
    from knowledge.loader import KnowledgeError
    from knowledge.near_miss_data import load_near_miss

    from .reports import ReportStoreError, record

    try:
        data = load_near_miss(policy)
    except KnowledgeError as exc:
        print(f"safeshare: cannot report: {exc}", file=sys.stderr)
        return exc.exit_code
    today = london_now().date()
    fields = {"incident": args.what, "happened_on": args.date, "data_left": args.data_left,
              "child_at_risk": args.child_at_risk, "done": args.done}
    try:
        report = report_from_fields(data, fields, today)
    except ReportError as exc:
        print(f"safeshare: {exc}", file=sys.stderr)
        choices = {"--what": tuple(i.id for i in data.incidents), "--data-left": tuple(c for c, _ in data.data_left),
                   "--child-at-risk": tuple(c for c, _ in data.child_at_risk), "--done": tuple(c for c, _ in data.done)}
        print("  " + "\n  ".join(f"{flag}: {', '.join(ids)}" for flag, ids in choices.items()), file=sys.stderr)
        return exc.exit_code
    advice = advise_report(policy, data, report)
    print(advice.title)
    print("\n".join(advice.lines))
    try:
        number = record(report, today)
    except ReportStoreError as exc:
        print(f"safeshare: {exc}; tell your manager and the information governance team anyway", file=sys.stderr)
        return exc.exit_code
    print(f"\nReport {number} recorded (your choices and the date only).")
    return EXIT_OK


def _reports_export(args) -> int:
    from .reports import ReportStore, ReportStoreError

    try:
        with ReportStore() as store:
            if not args.out:
                store.export_csv(sys.stdout)
                return EXIT_OK
            try:
                fd = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except OSError as exc:
                print(f"safeshare: cannot write the --out file ({exc.strerror})", file=sys.stderr)
                return EXIT_USAGE
            with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
                count = store.export_csv(handle)
            print(f"{count} report(s) exported", file=sys.stderr)
            return EXIT_OK
    except ReportStoreError as exc:
        print(f"safeshare: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
