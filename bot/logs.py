"""Logs an information-governance officer would accept.

`safeshare serve` writes one JSON object per line on stdout: time, level,
event, logger, and only the fields listed in FIELDS (counts, durations,
kinds, reference ids, exception type names), plus a salted hash of the
conversation id. Nothing else a record carries is written. SafeShare's own
code never puts free text, names or file names in a record; as a second
line of defence every string that is written goes through scrub(), which
removes e-mail addresses, NHS numbers (10 digits passing the mod-11 check),
UK postcodes, phone numbers, dates (of birth), SafeShare passwords and
anything after "password". Records from other libraries keep only their
scrubbed message, cut to 300 characters; their tracebacks are dropped.
`safeshare chat` logs the same way as readable text on stderr.
"""
from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
import json
import logging
import re
import secrets
import sys
from typing import Any

FIELDS = ("reference", "error", "kinds", "ms", "saved", "attempt", "files", "format", "bytes", "status",
          "delay_s", "operation")
conversation_ref: contextvars.ContextVar[str | None] = contextvars.ContextVar("conversation_ref", default=None)
_salt = secrets.token_bytes(16)

_NHS = re.compile(r"(?<!\d)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)")
_PATTERNS = [
    (re.compile(r"(?i)\bpass(?:word|code|phrase)?\b\W{0,3}\S+"), "password [removed]"),
    (re.compile(r"\b[a-hjkmnp-z2-9]{4}(?:-[a-hjkmnp-z2-9]{4}){2,}\b"), "[password]"),
    (re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    (re.compile(r"(?i)\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"), "[postcode]"),
    (re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"), "[date]"),
    (re.compile(r"(?i)\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b"),
     "[date]"),
    (re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?|0)\d(?:[\s-]?\d){8,10}(?!\d)"), "[phone]"),
]


def _nhs_valid(digits: str) -> bool:
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def scrub(text: str) -> str:
    """The text with personal data patterns replaced."""
    text = _NHS.sub(lambda m: "[nhs-number]" if _nhs_valid("".join(m.groups())) else m.group(0), text)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return scrub(value)[:300]
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value[:20]]
    return scrub(str(value))[:300]


def hash_conversation(conversation_id: str, salt: bytes | None = None) -> str:
    return hashlib.sha256((salt or _salt) + conversation_id.encode("utf-8", "replace")).hexdigest()[:16]


def set_salt(salt: str) -> None:
    """A fixed salt makes hashes comparable across instances and restarts; the default is per process."""
    global _salt
    if salt:
        _salt = salt.encode()


def _fields(record: logging.LogRecord) -> dict:
    own = record.name.split(".")[0] in ("bot", "dialogs", "knowledge", "packager")
    out: dict[str, Any] = {"event": _clean(record.getMessage())}  # scrubbed and cut to 300 characters
    ref = conversation_ref.get()
    if ref:
        out["conversation"] = ref
    if own:
        for name in FIELDS:
            if name in record.__dict__:
                out[name] = _clean(record.__dict__[name])
    if record.exc_info and record.exc_info[0] is not None:
        out["exception"] = record.exc_info[0].__name__  # the type only: messages may quote user data
    return out


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        stamp = dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds")
        return json.dumps({"time": stamp, "level": record.levelname.lower(), "logger": record.name,
                           **_fields(record)}, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = _fields(record)
        extra = " ".join(f"{k}={v}" for k, v in fields.items() if k != "event")
        return f"safeshare: {record.levelname.lower()} {fields['event']}" + (f" ({extra})" if extra else "")


def configure(json_lines: bool = True, level: int = logging.INFO, stream=None) -> None:
    """Route every log record through the scrubbing formatter."""
    handler = logging.StreamHandler(stream or (sys.stdout if json_lines else sys.stderr))
    handler.setFormatter(JsonFormatter() if json_lines else TextFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # Libraries that log request URLs and headers (blob names are conversation ids) stay at warnings.
    for noisy in ("azure", "msal", "urllib3", "aiohttp.access", "botbuilder", "botframework", "msrest"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
