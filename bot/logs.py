"""Logs an information-governance officer would accept.

`safeshare serve` writes one JSON object per line on stdout: time, level,
event, logger, and only the fields listed in FIELDS (counts, durations,
kinds, reference ids, exception type names), plus a salted hash of the
conversation id. Nothing else a record carries is written. SafeShare's own
code never puts free text, names or file names in a record; as a second
line of defence every string that is written goes through scrub(), which
removes e-mail addresses, NHS numbers (10 digits passing the mod-11 check,
however spaced or dotted), UK postcodes, phone numbers, dates (of birth,
in figures or words), SafeShare passwords and whatever follows "password",
"pw", "passwd" or "PIN". Records from other libraries keep only their
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
          "delay_s", "operation", "action", "outcome", "late", "state")
conversation_ref: contextvars.ContextVar[str | None] = contextvars.ContextVar("conversation_ref", default=None)
_salt = secrets.token_bytes(16)

# Ten digits, each pair separated by at most two spaces, dots, dashes or no-break spaces ("943.476.5919").
_NHS = re.compile(r"(?<!\d)\d(?:[ \t.\u00a0-]{0,2}\d){9}(?!\d)")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ORDINAL_WORDS = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                  r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
                  r"twenty[- ]\w+|thirtieth|thirty[- ]first)")
_PATTERNS = [
    # "password: x", "my password is x", "pw:x", "passwd=x", "PIN - 1234"
    (re.compile(r"(?i)\b(?:pass(?:word|code|phrase)?|passwd|pwd|pw|pin)\b"
                r"(?:\s*(?:is|was|will be|[:=-])\s*|\W{1,3})\S+"), "password [removed]"),
    (re.compile(r"\b[a-hjkmnp-z2-9]{4}(?:-[a-hjkmnp-z2-9]{4}){2,}\b"), "[password]"),
    (re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    (re.compile(r"(?i)\b[A-Z]{1,2}\d[A-Z\d]?[\s-]*\d[A-Z]{2}\b"), "[postcode]"),
    (re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"), "[date]"),
    # "3 March 2015", "3rd of March, 2015", "the third of March", "March 3rd, 2015", "12 Mar"
    (re.compile(rf"(?i)\b(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL_WORDS})\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{2,4}})?\b"),
     "[date]"),
    (re.compile(rf"(?i)\b{_MONTH}\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"), "[date]"),
    # 07700 900123, +44 (0)7700 900123, 0044 7700 900123, (01632) 960001
    (re.compile(r"(?<![\w+])(?:(?:\+|00)\s?44[\s.-]*(?:\(0\)[\s.-]*)?|\(?0)\d(?:[\s.()-]{0,3}\d){8,10}(?!\d)"),
     "[phone]"),
]


def _nhs_valid(digits: str) -> bool:
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def scrub(text: str) -> str:
    """The text with personal data patterns replaced."""
    text = _NHS.sub(lambda m: "[nhs-number]" if _nhs_valid(re.sub(r"\D", "", m.group(0))) else m.group(0), text)
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
