"""Where SafeShare keeps its own files on this computer, and how they are made private.

The conversation state, the fax log and the breach and near-miss register are
SQLite files in the user's data folder (unless a setting names another path).
Each is created 0600 before SQLite opens it, in a folder made 0700: SQLite
gives its -wal and -shm files the database file's own mode, so they are
private from their first byte too. No heavy imports: `safeshare fax-log`
starts fast.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def data_folder() -> Path:
    """SafeShare's folder in the user's data folder (XDG, Application Support, or LOCALAPPDATA)."""
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "SafeShare"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "SafeShare"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "safeshare"


def private_file(path: str | Path) -> None:
    """Make `path`'s folder (0700, if it is missing: an existing folder is left as it is) and the file (0600, if
    it is missing), before SQLite opens it. OSError if either cannot be made."""
    path = Path(path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
