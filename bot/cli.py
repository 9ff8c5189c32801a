"""The `safeshare` command line.

Each subcommand imports only what it uses: `ask` must start and answer in
well under half a second, and botbuilder alone takes longer than that to
import, so nothing here imports it at module level.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Sequence

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2, as click does
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"safeshare: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="safeshare", description="Share information about children safely and lawfully.")
    parser.add_argument("--knowledge", metavar="DIR", default=os.environ.get("SAFESHARE_KNOWLEDGE"),
                        help="knowledge files to use instead of the built-in protocol (env SAFESHARE_KNOWLEDGE)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    ask = sub.add_parser("ask", help="answer one question, or one per line from stdin")
    ask.add_argument("question", nargs="*", help="the question; none or '-' reads stdin, one per line")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    sub.add_parser("check", help="validate the knowledge files and list protocol items nothing cites")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from knowledge.loader import KnowledgeError, load_policy

    try:
        policy = load_policy(args.knowledge)
    except KnowledgeError as exc:
        print(f"safeshare: cannot start: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    if args.command == "ask":
        return _ask(policy, args)
    if args.command == "check":
        return _check(policy)
    parser.error(f"unknown command {args.command!r}")
    return EXIT_USAGE


def _ask(policy, args) -> int:
    from dialogs.answer import Assistant

    assistant = Assistant(policy)
    if args.question and args.question != ["-"]:
        questions = [" ".join(args.question)]
    else:
        questions = (line.rstrip("\n") for line in sys.stdin)
    for question in questions:
        if args.json:
            if not question.strip():
                print(json.dumps({"verdict": None, "answer": "", "error": "empty question"}), flush=True)
                continue
            print(json.dumps(assistant.answer(question).to_json(), ensure_ascii=False), flush=True)
        elif question.strip():
            print(assistant.answer(question).text())
            print()
    return EXIT_OK


def _check(policy) -> int:
    from knowledge.loader import uncited_sections

    missing = uncited_sections(policy)
    print(f"{policy.source}: {len(policy.sections)} protocol items, {len(policy.rules)} rules, "
          f"{len(policy.checklists)} checklists, {len(policy.faq)} FAQ entries")
    for sid in missing:
        print(f"not cited by anything: {sid} ({policy.sections[sid].title})")
    return EXIT_FAILURE if missing else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
