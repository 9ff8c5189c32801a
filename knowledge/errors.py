"""SafeShareError: the one base of every error SafeShare explains to its user.

It lives in knowledge/, the innermost package, so that every layer can
subclass it without an import pointing outward. Each subclass says which
exit code the command line gives for it (as click's `ClickException.exit_code`);
its message is one plain sentence that names no person, file or password,
so the command line can print it as it is, without a traceback.
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1  # findings, a refusal, or another failure
EXIT_USAGE = 2  # a missing or wrong argument
EXIT_KNOWLEDGE = 3  # the knowledge files cannot be used
EXIT_STORAGE = 4  # the state store, the report register or the fax log cannot be reached or written
EXIT_CONFIG = 5  # the configuration (environment or .env) is wrong
EXIT_PACKAGE = 6  # the files could not be packaged

EXIT_CODES = {
    EXIT_OK: "done",
    EXIT_FAILURE: "findings, a refusal, or another failure",
    EXIT_USAGE: "usage: a missing or wrong argument",
    EXIT_KNOWLEDGE: "the knowledge files cannot be used",
    EXIT_STORAGE: "the state store, the report register or the fax log cannot be reached or written",
    EXIT_CONFIG: "the configuration (environment or .env) is wrong",
    EXIT_PACKAGE: "the files could not be packaged",
}


class SafeShareError(Exception):
    """An error SafeShare can show its user in plain words; callers catch the narrowest subclass."""

    exit_code: int = EXIT_FAILURE
