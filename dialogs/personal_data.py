"""Find personal data in a draft: NHS numbers, postcodes, phone numbers, dates of birth, email addresses.

Each finder says what it found and where, never keeps the text. They look
for shapes the protocol names as personal identifiable information
("name, address, post code, date of birth, NHS number"); names themselves
cannot be told from other words by shape in running text, so the check says
so instead of guessing. A file's name is shorter and plainer: two capitalised
words together that are no document's words ("Julia Smith CP plan.docx") are
read as a person's name there (Appendix A: rename it so it identifies no one).

Phone numbers come from `phonenumbers` (Google's libphonenumber): UK
numbers take too many valid shapes (01228 606060, 020 7946 0000, +44 (0)7700
900123, 0800 ...) for a regular expression to accept them all without also
taking reference numbers and dates, and libphonenumber knows which ranges
are really allocated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from collections.abc import Iterable


class DataKind(StrEnum):
    NHS_NUMBER = "nhs_number"
    POSTCODE = "postcode"
    PHONE = "phone"
    DATE_OF_BIRTH = "date_of_birth"
    EMAIL = "email"
    NAME = "name"  # in a file's name only (find_names_in_file_name)

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {DataKind.NHS_NUMBER: "an NHS number", DataKind.POSTCODE: "a postcode", DataKind.PHONE: "a phone number",
           DataKind.DATE_OF_BIRTH: "a date of birth", DataKind.EMAIL: "an email address",
           DataKind.NAME: "what looks like a person's name"}


@dataclass(frozen=True, slots=True)
class Hit:
    """One piece of personal data: its kind and where it is (never the text itself)."""

    kind: DataKind
    start: int
    end: int


_NHS = re.compile(r"(?<![\d+])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])")
_NHS_CUE = re.compile(r"(?i)\b(?:nhs|chi)\b[a-z\s.:#-]{0,15}$")  # "NHS", "NHS no:", "NHS number is"
# Numbers issued in England and Wales (400-499, 600-799) and Northern Ireland (320-399): without "NHS" just
# before it, a 10-digit number passing the check must also start like one (a random one passes 1 time in 11).
_ISSUED_FIRST = frozenset("3467")
_POSTCODE = re.compile(r"(?i)(?<![\w])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![\w])")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    r"(?i)(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})(?!\d)")
_BIRTH_CUE = re.compile(r"(?i)\b(?:d\.?o\.?b|date of birth|born|birthday|birth date|b\.)\W{0,3}(?:\w+\W+){0,2}$")


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number's modulus 11 check: weights 10..2 on the first nine digits."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def find_nhs_numbers(text: str) -> list[Hit]:
    hits = []
    for m in _NHS.finditer(text):
        digits = "".join(m.groups())
        if not nhs_check_digit_ok(digits) or len(set(digits)) == 1:
            continue
        cued = _NHS_CUE.search(text[max(0, m.start() - 20):m.start()])
        if cued or digits[0] in _ISSUED_FIRST:
            hits.append(Hit(DataKind.NHS_NUMBER, m.start(), m.end()))
    return hits


def find_postcodes(text: str) -> list[Hit]:
    return [Hit(DataKind.POSTCODE, m.start(), m.end()) for m in _POSTCODE.finditer(text)]


def find_emails(text: str) -> list[tuple[Hit, str]]:
    """Email addresses, each with its domain (lower case) so the caller can leave out work addresses."""
    return [(Hit(DataKind.EMAIL, m.start(), m.end()), m.group(0).rsplit("@", 1)[1].lower().rstrip("."))
            for m in _EMAIL.finditer(text)]


def find_dates_of_birth(text: str) -> list[Hit]:
    """Dates said to be a birth date ("DOB 12/03/2015", "born 3 March 2015"): any other date may be a meeting's."""
    return [Hit(DataKind.DATE_OF_BIRTH, m.start(), m.end()) for m in _DATE.finditer(text)
            if _BIRTH_CUE.search(text[max(0, m.start() - 40):m.start()])]


def find_phones(text: str, region: str = "GB") -> list[Hit]:
    import phonenumbers  # about 30 ms on first use; `ask` never needs it

    valid = {(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID)}
    hits = []
    for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
        # Allocated numbers written as numbers are (VALID wants the 0 or +44), and anything written as a UK
        # mobile or landline (07..., 01..., 02..., 03... or +44 ...): Ofcom's ranges kept for drama and examples
        # (07700 900xxx, 01632 960xxx) are not allocated, but are written like real ones.
        if (m.start, m.end) in valid or _UK_NUMBER.fullmatch(re.sub(r"[\s()-]", "", m.raw_string)):
            hits.append(Hit(DataKind.PHONE, m.start, m.end))
    return hits


_UK_NUMBER = re.compile(r"(?:0|\+44|\+44\(0\)|\+440)(?:7\d{9}|[123]\d{8,9})")


def _outside(hit: Hit, taken: Iterable[Hit]) -> bool:
    return all(hit.end <= t.start or hit.start >= t.end for t in taken)


def find_personal_data(text: str, *, work_domains: Iterable[str] = (), public_numbers: Iterable[str] = ()) -> list[Hit]:
    """Every piece of personal data in `text`, in order, each span once.

    Email addresses at `work_domains` (the council's, secure mail, partners)
    are professionals' addresses, not a child's or family's; numbers in
    `public_numbers` (the Hub's) are nobody's personal data.
    """
    work = tuple(d.lower() for d in work_domains)
    digits_public = {re.sub(r"\D", "", n) for n in public_numbers}
    hits: list[Hit] = []
    emails = find_emails(text)
    hits += [h for h, domain in emails if not domain_in(domain, work)]
    taken = [h for h, _ in emails]  # a work address's digits are not a phone number either
    for finder in (find_nhs_numbers, find_dates_of_birth, find_postcodes, find_phones):
        for hit in finder(text):
            if _outside(hit, taken + hits) and re.sub(r"\D", "", text[hit.start:hit.end]) not in digits_public:
                hits.append(hit)
    return sorted(hits, key=lambda h: h.start)


# Words a document's own file name is made of, which name no one: read here in an attachment's name, and by
# dialogs/understand.py in a file named in a question ("cin_plan_final.docx" names no one)
DOCUMENT_NAME_WORDS = frozenset(
    "report reports assessment plan doc document final draft minutes notes review referral chronology statement copy "
    "scan form letter case file summary care child in need protection core group meeting pathway placement court "
    "bundle order safety contact record records new old version updated the and of for".split())
# ... and, capitalised in an attachment's name, more words no one is called ("Initial Child Protection Conference
# Minutes.docx")
_DOCUMENT_WORDS = DOCUMENT_NAME_WORDS | frozenset(
    "assessments plans documents reviews referrals statements forms letters files children meetings conference "
    "initial to from with by on at "
    "health education school schools family families support early help team service services council county "
    "monthly weekly annual quarterly training agenda action actions update updates personal education "
    "looked after strategy discussion transfer application consent request response social work worker panel "
    "adoption fostering foster carer carers leaving visit visits home parenting capacity risk parent parents "
    "signed redacted anonymised encrypted package confidential medical report information sharing agreement "
    "january february march april may june july august september october november december".split())
_PARTS = re.compile(r"[A-Za-z]+")


def find_names_in_file_name(name: str) -> list[Hit]:
    """Two capitalised words side by side in a file's name, neither a document's own word ("Julia Smith CP
    plan.docx", "Smith_Julia_LAC.pdf"): read as a person's name. Never in running text, where sentences begin with
    capitals and places and teams are named."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    parts = list(_PARTS.finditer(stem))
    for a, b in zip(parts, parts[1:], strict=False):
        if all(len(p.group()) > 1 and p.group()[0].isupper() and not p.group().isupper()
               and p.group().lower() not in _DOCUMENT_WORDS for p in (a, b)):
            return [Hit(DataKind.NAME, a.start(), b.end())]
    return []


def domain_in(domain: str, domains: Iterable[str]) -> bool:
    """True if `domain` is one of `domains` or a subdomain of one."""
    domain = domain.lower().rstrip(".")
    return any(domain == d or domain.endswith("." + d) for d in domains)


def kinds_said(hits: Iterable[Hit]) -> str:
    """ "an NHS number, a postcode": each kind once, in the order found."""
    return ", ".join(k.label for k in dict.fromkeys(h.kind for h in hits))
