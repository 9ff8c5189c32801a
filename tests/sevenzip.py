"""The real 7-Zip command-line tool (Debian package `7zip`: `7zz`, or `7z` in older releases)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SEVEN_ZIP = shutil.which("7zz") or shutil.which("7z")
needs_7zip = pytest.mark.skipif(
    SEVEN_ZIP is None and not __import__("os").environ.get("CI"),
    reason="7-Zip is not installed (apt-get install 7zip; .ci/run installs it)")


def seven(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    assert SEVEN_ZIP, "7-Zip is required in CI: .ci/run installs the Debian package 7zip"
    return subprocess.run([SEVEN_ZIP, *args], capture_output=True, text=True, cwd=cwd,
                          stdin=subprocess.DEVNULL, timeout=120)


def extract(archive: Path, password: str, into: Path) -> subprocess.CompletedProcess:
    return seven("x", "-y", f"-p{password}", f"-o{into}", str(archive))


def listing(archive: Path, *password: str) -> subprocess.CompletedProcess:
    return seven("l", "-slt", *(f"-p{p}" for p in password), str(archive))
