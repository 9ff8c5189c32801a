"""Fax cover sheets: the advisor decides whether to fax, the protocol's words fill the sheet.

Pure: no I/O, no logging, nothing kept. The sheet carries the sender's
and recipient's contact details and a page count, never anything of the
fax's content: no child's name, no subject line (Faxes 2: an identifier a
third party cannot easily recognise, not a name, wherever one will do).
Whether a fax may be sent at all is `knowledge.advisor.advise`'s answer
for Facts(channel="fax", kind=...), so the sheet and a question typed in
words ("can I fax the mental health assessment?") can never disagree.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any
from collections.abc import Mapping

from knowledge.advisor import advise, checklist_advice
from knowledge.errors import EXIT_USAGE, SafeShareError
from knowledge.fax_data import FaxData
from knowledge.model import Advice, Facts, Policy, Verdict

from .emailcheck import FormField
from .reply import Reply

MAX_FIELD = 200  # characters of any one box: a name, a number, an address line
MAX_ADDRESS = 400
MAX_PAGES = 500
DEFAULT_KIND = "pid"  # a confidential fax is about someone; mental health or safeguarding must be said
SENDABLE = (Verdict.ALLOWED, Verdict.ALLOWED_WITH_CONDITIONS)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NUMBER = re.compile(r"^\+?[0-9 ()\-.]{6,30}$")


class FaxError(SafeShareError, ValueError):
    """A cover sheet cannot be made from what was given; the message names the box, never its value."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, box: str = "") -> None:
        super().__init__(message)
        self.box = box  # the field to fix, emptied when the card comes back: a bad value is never shown again


def clean(value: Any, limit: int = MAX_FIELD) -> str:
    """One box's text: no control characters, single-spaced lines, at most `limit` characters."""
    if not isinstance(value, str):
        return ""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", value)).replace("\r\n", "\n").replace("\r", "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)[:limit]


def fax_digits(number: str) -> str:
    """What a fax machine dials: the digits, with a leading + kept. Compares two ways of writing a number."""
    number = number.strip()
    digits = re.sub(r"\D", "", number)
    return ("+" + digits) if number.startswith("+") else digits


def check_number(number: str, box: str = "The fax number") -> str:
    """The number as typed, if it looks like a fax number; FaxError otherwise."""
    number = clean(number, 40)
    if not _NUMBER.match(number) or not 6 <= len(re.sub(r"\D", "", number)) <= 15:
        raise FaxError(f"{box} should be 6 to 15 digits (spaces, brackets, dashes and a leading + allowed).")
    return number


@dataclass(frozen=True, slots=True)
class CoverRequest:
    """What goes on the sheet. Never stored, never logged."""

    to_name: str
    to_number: str
    from_name: str
    from_phone: str
    pages: int  # the pages that follow the cover sheet
    kind: str = DEFAULT_KIND
    urgent: bool | None = None  # Faxes 1: confirmed urgent and absolutely necessary
    other_identifier: bool | None = None  # Faxes 2: an IAS number (or similar) in place of name and address
    to_org: str = ""
    from_address: str = ""  # "return the fax to the above address": the sender's address
    from_email: str = ""
    sent_on: date | None = None

    @classmethod
    def build(cls, policy: Policy, **fields: Any) -> CoverRequest:
        """Checked and cleaned; FaxError names the first box to fix."""
        to_name, from_name = clean(fields.get("to_name")), clean(fields.get("from_name"))
        if not to_name:
            raise FaxError("Say who the fax is for (the recipient's name).")
        if not from_name:
            raise FaxError("Say who is sending it (your name).")
        to_number = check_number(str(fields.get("to_number") or ""))
        from_phone = clean(fields.get("from_phone"), 40)
        if not from_phone or len(re.sub(r"\D", "", from_phone)) < 6:
            raise FaxError("Give your telephone number: the protocol's message asks the wrong recipient to ring it.")
        try:
            pages = int(str(fields.get("pages", "")).strip())
        except ValueError:
            raise FaxError("The number of pages should be a whole number.") from None
        if not 1 <= pages <= MAX_PAGES:
            raise FaxError(f"The number of pages (after the cover sheet) should be 1 to {MAX_PAGES}.")
        kind = str(fields.get("kind") or DEFAULT_KIND)
        if kind not in policy.kinds:
            raise FaxError(f"Unknown kind of information; choose one of: {', '.join(policy.kinds)}.")
        return cls(to_name, to_number, from_name, from_phone, pages, kind, fields.get("urgent"),
                   fields.get("other_identifier"), clean(fields.get("to_org")),
                   clean(fields.get("from_address"), MAX_ADDRESS), clean(fields.get("from_email")),
                   fields.get("sent_on"))


def kind_choices(policy: Policy) -> dict[str, str]:
    """The kinds of information the guided check offers, id -> label."""
    return {str(c.value): c.label for c in policy.facts["kind"].choices}


@dataclass(frozen=True, slots=True)
class CoverSheet:
    """The sheet's text, in the order it is printed, and the checklist that goes with it."""

    marking: str
    date: str
    to: tuple[str, ...]  # name, organisation, fax number
    sender: tuple[str, ...]  # name, telephone, address lines, email
    pages: str
    disclaimer: str
    every_page: str
    checklist_title: str
    checklist: tuple[str, ...]
    cites: tuple[str, ...]

    def lines(self) -> tuple[str, ...]:
        """The sheet as text: the card in Teams, the terminal, and the PDF all print these words."""
        return (self.marking, f"Date: {self.date}", "To:", *(f"  {x}" for x in self.to), "From:",
                *(f"  {x}" for x in self.sender), self.pages, self.disclaimer, self.every_page)


@dataclass(frozen=True, slots=True)
class FaxDecision:
    """The advisor's answer for this fax, and the sheet when it may be sent."""

    advice: Advice
    sheet: CoverSheet | None

    @property
    def allowed(self) -> bool:
        return self.sheet is not None

    def refusal(self) -> Reply:
        """Why there is no sheet, with the safer channel and the sections it rests on (the advisor's words)."""
        return Reply.from_advice(self.advice)


def decide(policy: Policy, data: FaxData, request: CoverRequest) -> FaxDecision:
    """The advisor's verdict on faxing this kind of information; a sheet only when it allows it.

    "Not allowed" (mental health, safeguarding, not urgent) and "need more
    information" (is it urgent?) both give no sheet: a sheet in hand reads
    as permission.
    """
    facts = Facts(channel="fax", kind=request.kind, urgent=request.urgent, other_identifier=request.other_identifier)
    advice = advise(policy, facts)
    if advice.verdict not in SENDABLE:
        return FaxDecision(advice, None)
    return FaxDecision(advice, cover_sheet(policy, data, request))


def cover_sheet(policy: Policy, data: FaxData, request: CoverRequest) -> CoverSheet:
    to = tuple(x for x in (request.to_name, request.to_org, f"Fax: {request.to_number}") if x)
    sender = (request.from_name, f"Telephone: {request.from_phone}", *request.from_address.split("\n"),
              *((f"Email: {request.from_email}",) if request.from_email else ()))
    n = request.pages
    pages = f"Pages: this cover sheet and {n} more page{'s' if n != 1 else ''} ({n + 1} in all)"
    checklist = checklist_advice(policy, [data.checklist], Facts(channel="fax", kind=request.kind))
    sent_on = request.sent_on or date.today()
    return CoverSheet(
        marking=data.marking, date=f"{sent_on.day} {sent_on:%B %Y}", to=to,
        sender=tuple(x for x in sender if x), pages=pages,
        disclaimer=data.disclaimer_for(request.from_phone),
        every_page=f"Sender: mark every page of this fax {data.marking}, as this sheet is.",
        checklist_title=checklist[0].title if checklist else "Sending a fax",
        checklist=checklist[0].items if checklist else (), cites=data.cover_cites)


# -- the form in Teams and the terminal chat ------------------------------

URGENT_CHOICES = (("yes", "Yes: urgent and absolutely necessary"), ("no", "No, it can wait"))
IDENTIFIER_CHOICES = (("no", "No: it has to name the person"), ("yes", "Yes: an IAS number or initials instead"))


def fax_form(policy: Policy) -> tuple[FormField, ...]:
    kinds = tuple(kind_choices(policy).items())
    return (
        FormField("kind", "What information is it?", required=True, choices=kinds, value=DEFAULT_KIND),
        FormField("urgent", "Is it urgent and absolutely necessary to fax it?", required=True,
                 choices=URGENT_CHOICES, value="yes"),
        FormField("other_identifier", "Will an identifier (IAS number) be used instead of the name?", required=True,
                 choices=IDENTIFIER_CHOICES, value="no"),
        FormField("to_name", "Recipient's name", required=True),
        FormField("to_org", "Recipient's organisation"),
        FormField("to_number", "Recipient's fax number", required=True, placeholder="Check it with them by phone"),
        FormField("from_name", "Your name", required=True),
        FormField("from_phone", "Your telephone number", required=True),
        FormField("from_address", "Your address", multiline=True, placeholder="Where a misdirected fax is returned"),
        FormField("pages", "Pages after the cover sheet", required=True, placeholder="e.g. 3"),
    )


def request_from_fields(policy: Policy, fields: Mapping[str, Any]) -> CoverRequest:
    """A card's submitted boxes (or the terminal's answers) as a request; FaxError for a box to fix."""
    def yes(name: str) -> bool | None:
        value = str(fields.get(name) or "").strip().lower()
        return True if value == "yes" else False if value == "no" else None

    names = ("to_name", "to_org", "to_number", "from_name", "from_phone", "from_address", "pages", "kind")
    values = {n: fields.get(n) if isinstance(fields.get(n), str) else "" for n in names}
    return CoverRequest.build(policy, **values, urgent=yes("urgent"), other_identifier=yes("other_identifier"))


# -- the fax log (Faxes 10): a card to record a fax after sending; the host writes it (bot/faxlog.py) --------

@dataclass(frozen=True, slots=True)
class FaxRecord:
    """What Faxes 10 asks to log: numbers, sender, receiver (and the date, which the host adds). Never content."""

    sender: str
    receiver: str
    receiver_org: str
    fax_number: str
    pages: int
    receipt_confirmed: bool
    transmission_record: bool


_YES_NO = (("yes", "Yes"), ("no", "Not yet"))


def fax_log_form(prefill: Mapping[str, Any] | None = None) -> tuple[FormField, ...]:
    """The boxes of the fax log card; a cover sheet just made, or a card sent back to be fixed, fills them in."""
    given = prefill or {}

    def text(name: str) -> str:
        value = given.get(name)
        return clean(value) if isinstance(value, str) else ""

    def yes_no(name: str) -> str:
        return "yes" if given.get(name) == "yes" else "no"

    return (
        FormField("to_name", "Sent to (name)", required=True, value=text("to_name")),
        FormField("to_org", "Their organisation", value=text("to_org")),
        FormField("to_number", "Fax number used", required=True, value=text("to_number")),
        FormField("from_name", "Sent by", required=True, value=text("from_name")),
        FormField("pages", "Pages, with the cover sheet", required=True, placeholder="e.g. 4", value=text("pages")),
        FormField("receipt_confirmed", "Has the right person confirmed they received it? (Faxes 6)", required=True,
                  choices=_YES_NO, value=yes_no("receipt_confirmed")),
        FormField("transmission_record", "Do you have the printed transmission record? (Faxes 9)", required=True,
                  choices=_YES_NO, value=yes_no("transmission_record")),
    )


def fax_record_from_fields(data: Mapping[str, Any]) -> FaxRecord:
    """The card's boxes as a log entry; FaxError naming the box (never its value) when one will not do."""
    receiver, sender = clean(data.get("to_name")), clean(data.get("from_name"))
    if not receiver:
        raise FaxError("Say who the fax was sent to.", "to_name")
    if not sender:
        raise FaxError("Say who sent it.", "from_name")
    try:
        number = check_number(data.get("to_number") or "")
    except FaxError as error:
        raise FaxError(str(error), "to_number") from None
    pages_text = clean(data.get("pages"), 6)
    if not pages_text.isdigit() or not 1 <= int(pages_text) <= MAX_PAGES + 1:
        raise FaxError(f"Give the number of pages, with the cover sheet, as 1 to {MAX_PAGES + 1}.", "pages")
    return FaxRecord(sender, receiver, clean(data.get("to_org")), number, int(pages_text),
                     data.get("receipt_confirmed") == "yes", data.get("transmission_record") == "yes")
