"""The command line's exit codes: one per kind of SafeShareError, documented in --help, one line, no traceback."""
from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.errors import EXIT_CODES, SafeShareError

ROOT = Path(__file__).resolve().parent.parent
NAME = "Julia Smith"  # stands for personal data in a path: it must reach no message


def safeshare(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT), **env})


def _all_errors() -> list[type[SafeShareError]]:
    for package in ("knowledge", "dialogs", "packager", "bot"):
        for module in pkgutil.iter_modules([str(ROOT / package)]):
            importlib.import_module(f"{package}.{module.name}")
    found, todo = [], [SafeShareError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_error_the_user_sees_is_a_safeshare_error_with_a_documented_code():
    errors = {cls.__name__: cls for cls in _all_errors()}
    for name in ("KnowledgeError", "ConfigError", "PackageError", "FileRefused", "StorageUnavailable",
                 "StateConflict", "ReportStoreError", "FaxLogError", "ReportError", "FaxError", "ManifestError"):
        assert name in errors, name
    assert all(cls.exit_code in EXIT_CODES for cls in errors.values())
    assert errors["KnowledgeError"].exit_code == 3 and errors["StorageUnavailable"].exit_code == 4
    assert errors["ConfigError"].exit_code == 5 and errors["PackageError"].exit_code == 6
    assert errors["ReportError"].exit_code == errors["ManifestError"].exit_code == 2


def test_help_lists_every_exit_code(tmp_path):
    done = safeshare(tmp_path, "--help")
    assert done.returncode == 0
    listed = done.stdout.split("exit codes:")[1]
    for code, meaning in EXIT_CODES.items():
        assert f"{code}  {meaning}" in listed


@pytest.mark.parametrize("args, env, code, says", [
    (("fax-log", "list"), {"SAFESHARE_FAX_LOG": "{tmp}/" + NAME}, 4, "the fax log cannot be opened"),
    (("reports", "export", "--csv"), {"SAFESHARE_REPORTS": "{tmp}/" + NAME}, 4, "register cannot be opened"),
    (("purge",), {"SAFESHARE_STORAGE": "disk"}, 5, "SAFESHARE_STORAGE must be file or blob"),
    (("purge",), {"SAFESHARE_STORAGE": "blob"}, 5, "needs AZURE_STORAGE_CONNECTION_STRING"),
    (("--knowledge", "{tmp}/empty", "ask", "hello"), {}, 3, "cannot start"),  # names the files, to fix them
    (("encrypt", "{tmp}/" + NAME + ".docx"), {}, 6, "empty"),
    (("manifest", "--app-id", "not-a-guid"), {}, 2, "--app-id must be"),
    (("ask", "--nope"), {}, 2, "unrecognized arguments"),
])
def test_each_kind_of_error_exits_with_its_code_in_one_line_naming_no_one(tmp_path, args, env, code, says):
    (tmp_path / NAME).mkdir()  # a folder where a file is wanted, named like a child
    (tmp_path / "empty").mkdir()
    (tmp_path / f"{NAME}.docx").write_bytes(b"")
    args = tuple(a.replace("{tmp}", str(tmp_path)) for a in args)
    done = safeshare(tmp_path, *args, **{k: v.replace("{tmp}", str(tmp_path)) for k, v in env.items()})
    assert done.returncode == code, done.stderr
    assert says in done.stderr and "Traceback" not in done.stderr
    assert NAME not in done.stderr + done.stdout
    if code != 2 and code != 3:  # usage prints the usage line first; knowledge problems are listed one per line
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
