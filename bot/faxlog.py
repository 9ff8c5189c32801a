"""The fax log the protocol asks for (Faxes 10), and saved fax numbers (Faxes 8).

"All confidential faxes sent should be logged for future reference (i.e. a
team spread sheet with details of numbers, sender, receiver, date etc.)".
An SQLite file keeps exactly that: the date, the sender, the receiver and
their organisation, the fax number, the page count, and whether receipt was
confirmed (Faxes 6) and a transmission record obtained (Faxes 9). Nothing of
the fax's content: no child's name, no subject, no document. `export --csv`
gives the team spreadsheet.

Each write is one short `BEGIN IMMEDIATE` transaction with a busy timeout,
so several people (processes) logging at once queue rather than lose an
entry. The file is created 0600 in a 0700 folder: it names professionals
and their numbers.
"""
from __future__ import annotations

import csv
import os
import sqlite3
from dataclasses import astuple, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import TextIO
from collections.abc import Iterator

from knowledge.errors import EXIT_STORAGE, SafeShareError

from .datafiles import data_folder, private_file

ENV = "SAFESHARE_FAX_LOG"
BUSY_TIMEOUT_S = 30.0
_SCHEMA = """
CREATE TABLE IF NOT EXISTS faxes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sent_at TEXT NOT NULL,
    sender TEXT NOT NULL,
    receiver TEXT NOT NULL,
    receiver_org TEXT NOT NULL DEFAULT '',
    fax_number TEXT NOT NULL,
    pages INTEGER NOT NULL,
    receipt_confirmed INTEGER NOT NULL DEFAULT 0,
    transmission_record INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS numbers (
    label TEXT PRIMARY KEY,
    receiver TEXT NOT NULL,
    receiver_org TEXT NOT NULL DEFAULT '',
    fax_number TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
"""


class FaxLogError(SafeShareError):
    """The fax log cannot be used; the message names no one and no number."""

    exit_code = EXIT_STORAGE


def default_path() -> Path:
    """SAFESHARE_FAX_LOG, else the user's data folder (XDG, Application Support, or LOCALAPPDATA)."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    return data_folder() / "fax-log.sqlite3"


@dataclass(frozen=True, slots=True)
class FaxEntry:
    """One fax sent: Faxes 10's "numbers, sender, receiver, date", never its content."""

    sent_at: str  # ISO 8601, local time with offset
    sender: str
    receiver: str
    receiver_org: str
    fax_number: str
    pages: int
    receipt_confirmed: bool = False
    transmission_record: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class SavedNumber:
    label: str
    receiver: str
    receiver_org: str
    fax_number: str
    saved_at: str


COLUMNS = tuple(f.name for f in fields(FaxEntry) if f.name != "id")
CSV_HEADER = ("id", "date and time", "sender", "receiver", "receiver's organisation", "fax number", "pages",
              "receipt confirmed", "transmission record")


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class FaxLog:
    """The log file; open one per command, close it after."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else default_path()
        try:
            private_file(self.path)
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            with self._write():
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
        except (OSError, sqlite3.Error) as exc:
            raise FaxLogError(f"the fax log cannot be opened ({type(exc).__name__}: "
                              f"{getattr(exc, 'strerror', None) or exc})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> FaxLog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _write(self):
        log = self

        class _Tx:
            def __enter__(self):
                log.db.execute("BEGIN IMMEDIATE")  # takes the write lock now: writers queue, none is lost

            def __exit__(self, kind, *_):
                log.db.execute("COMMIT" if kind is None else "ROLLBACK")

        return _Tx()

    def add(self, entry: FaxEntry) -> int:
        values = astuple(entry)[:len(COLUMNS)]
        with self._write():
            cursor = self.db.execute(f"INSERT INTO faxes ({', '.join(COLUMNS)}) VALUES "
                                     f"({', '.join('?' * len(COLUMNS))})",
                                     tuple(int(v) if isinstance(v, bool) else v for v in values))
        assert cursor.lastrowid is not None  # sqlite3 sets it after every INSERT
        return cursor.lastrowid

    def entries(self, limit: int | None = None) -> list[FaxEntry]:
        sql = f"SELECT {', '.join(COLUMNS)}, id FROM faxes ORDER BY id DESC"
        rows = self.db.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ()).fetchall()
        return [FaxEntry(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), bool(r[7]), r[8]) for r in rows]

    def export_csv(self, out: TextIO) -> int:
        """The team spreadsheet, oldest first; a cell that a spreadsheet would run as a formula is quoted."""
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        rows = self.db.execute(f"SELECT id, {', '.join(COLUMNS)} FROM faxes ORDER BY id").fetchall()
        for row in rows:
            writer.writerow([_cell(v) for v in row[:7]] + ["yes" if row[7] else "no", "yes" if row[8] else "no"])
        return len(rows)

    # -- saved numbers (Faxes 8), each checked before use (Faxes 5) ----------
    def save_number(self, number: SavedNumber) -> None:
        with self._write():
            self.db.execute("INSERT OR REPLACE INTO numbers VALUES (?, ?, ?, ?, ?)", astuple(number))

    def number(self, label: str) -> SavedNumber | None:
        row = self.db.execute("SELECT * FROM numbers WHERE label = ?", (label,)).fetchone()
        return SavedNumber(*row) if row else None

    def numbers(self) -> list[SavedNumber]:
        return [SavedNumber(*r) for r in self.db.execute("SELECT * FROM numbers ORDER BY label")]

    def remove_number(self, label: str) -> bool:
        with self._write():
            return self.db.execute("DELETE FROM numbers WHERE label = ?", (label,)).rowcount > 0


def _cell(value):
    """OWASP's CSV injection advice: a leading = + - @ (or tab, CR) makes Excel run the cell; prefix a '."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def iter_lines(entries: list[FaxEntry]) -> Iterator[str]:
    for e in entries:
        checks = ", ".join(x for x, on in (("receipt confirmed", e.receipt_confirmed),
                                           ("transmission record", e.transmission_record)) if on) or "unchecked"
        org = f" ({e.receiver_org})" if e.receiver_org else ""
        yield f"{e.id}. {e.sent_at}  {e.sender} -> {e.receiver}{org}, fax {e.fax_number}, {e.pages} page(s); {checks}"
