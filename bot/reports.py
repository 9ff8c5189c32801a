"""The breach and near-miss register the protocol's monitoring needs ("Monitoring Information Breaches and near misses").

One SQLite file holds each report's choices (ids from near_miss.yaml), the
date it happened and the date it was reported: never a name, a recipient,
a device or anything typed. `safeshare reports export --csv` gives the
spreadsheet for the monitoring. Created 0600 in a 0700 folder, one short
`BEGIN IMMEDIATE` transaction per report, as the fax log (bot/faxlog.py).
"""
from __future__ import annotations

import csv
import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import TextIO

from dialogs.near_miss import NearMissReport
from knowledge.errors import EXIT_STORAGE, SafeShareError

from .datafiles import data_folder, private_file
from .faxlog import BUSY_TIMEOUT_S

ENV = "SAFESHARE_REPORTS"
COLUMNS = ("incident", "happened_on", "data_left", "child_at_risk", "done")
CSV_HEADER = ("id", "reported on", "happened on", "what happened", "personal data left", "child at risk",
              "done so far")
_SCHEMA = """CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reported_on TEXT NOT NULL,
    incident TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    data_left TEXT NOT NULL,
    child_at_risk TEXT NOT NULL,
    done TEXT NOT NULL
)"""


class ReportStoreError(SafeShareError):
    """The register cannot be used."""

    exit_code = EXIT_STORAGE


def default_path() -> Path:
    """SAFESHARE_REPORTS, else reports.sqlite3 in the user's data folder (beside the fax log)."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    return data_folder() / "reports.sqlite3"


class ReportStore:
    """The register; open one per report or export, close it after."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else default_path()
        try:
            private_file(self.path)
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.db.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ReportStoreError(f"the report register cannot be opened ({type(exc).__name__}: "
                                   f"{getattr(exc, 'strerror', None) or exc})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ReportStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def add(self, report: NearMissReport, reported_on: date) -> int:
        values = (reported_on.isoformat(), report.incident, report.happened_on.isoformat(), report.data_left,
                  report.child_at_risk, report.done)
        try:
            self.db.execute("BEGIN IMMEDIATE")
            cursor = self.db.execute(f"INSERT INTO reports (reported_on, {', '.join(COLUMNS)}) "
                                     "VALUES (?, ?, ?, ?, ?, ?)", values)
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise ReportStoreError(f"the report could not be recorded ({exc})") from None
        assert cursor.lastrowid is not None  # sqlite3 sets it after every INSERT
        return cursor.lastrowid

    def export_csv(self, out: TextIO) -> int:
        """Every report, oldest first; the cells are ids and dates, so none can be a formula."""
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        rows = self.db.execute("SELECT id, reported_on, happened_on, incident, data_left, child_at_risk, done "
                               "FROM reports ORDER BY id").fetchall()
        writer.writerows(rows)
        return len(rows)


def record(report: NearMissReport, reported_on: date, path: Path | str | None = None) -> int:
    with ReportStore(path) as store:
        return store.add(report, reported_on)
