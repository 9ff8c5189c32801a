"""The email pre-send check: a draft in, the protocol's findings out.

Pure: no I/O, no logging, nothing kept. A finding names a recipient by
field and position and domain ("Cc 2 (gmail.com)") and personal data by
kind ("an NHS number"), never by the text the user pasted, so the answer
can be shown, rendered and tested without repeating a child's details.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from email.utils import getaddresses
from fnmatch import fnmatchcase
from typing import Any
from collections.abc import Mapping

from knowledge.emailcheck_data import EmailCheckData, FindingText as Finding  # a finding: its text, blanks filled
from knowledge.model import ChecklistSection, Policy, Verdict

from .personal_data import Hit, domain_in, find_names_in_file_name, find_personal_data, kinds_said
from .reply import Reply

MAX_FIELD = 100_000  # characters read from any one field: a draft, not a mailbox
FIELDS = ("to", "cc", "bcc", "subject", "body", "attachments")
_FIELD_NAMES = {"to": "To", "cc": "Cc", "bcc": "Bcc"}
_PASSWORD = re.compile(r"(?i)\bpass(?:word|code|phrase|key)\b\s*(?:is|:|=|-|will be)\s*\S{4,}")
_WORD = re.compile(r"[a-z0-9']+")


# What a recipient's address says about where the email goes.
INTERNAL, SECURE, PARTNER, WEBMAIL, EXTERNAL, UNREADABLE = (
    "internal", "secure", "partner", "webmail", "external", "unreadable")


CONFIDENTIAL = "confidential"  # the word the protocol asks for in the subject line


@dataclass(frozen=True, slots=True)
class Draft:
    """An email as the practitioner is about to send it. Never stored, never logged."""

    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    subject: str = ""
    body: str = ""
    attachments: tuple[str, ...] = ()  # file names only; the check never opens a file

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any]) -> Draft:
        """From a card's inputs or the command line: address lists split on , and ; (Outlook's separators)."""
        def text(name: str) -> str:
            value = fields.get(name)
            if isinstance(value, (list, tuple)):
                value = "\n".join(str(v) for v in value if isinstance(v, str))
            return value[:MAX_FIELD] if isinstance(value, str) else ""

        return cls(split_addresses(text("to")), split_addresses(text("cc")), split_addresses(text("bcc")),
                   text("subject"), text("body"), split_names(text("attachments")))

    @property
    def empty(self) -> bool:
        return not (self.to or self.cc or self.bcc)


def split_addresses(text: str) -> tuple[str, ...]:
    """ "Jane <jane@x.org>; bob@y.org" -> ("jane@x.org", "bob@y.org"); anything unreadable kept as typed."""
    out = []
    for part in re.split(r"[;,\n]", text):
        part = part.strip()
        if not part:
            continue
        parsed = [addr for _, addr in getaddresses([part]) if addr]
        out.append(parsed[0].strip() if len(parsed) == 1 else part)
    return tuple(out)


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("\u2019", "'")))


def split_names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in re.split(r"[;\n]", text) if n.strip())


@dataclass(frozen=True, slots=True)
class EmailCheck:
    """The check's answer: findings in the order a sender fixes them, and counts of recipients by kind."""

    verdict: Verdict
    findings: tuple[Finding, ...]
    recipients: Mapping[str, int]
    offer_package: bool = False  # an attachment to outside mail is not an encrypted package: offer to make one
    checked: tuple[str, ...] = ()  # the sections a clean draft was checked against (from email_check.yaml)

    @property
    def summary(self) -> str:
        if self.verdict is Verdict.NOT_ALLOWED:
            return "Do not send this draft as it is: it goes where the protocol does not allow personal information."
        if self.findings:
            n = len(self.findings)
            return f"Fix {n} thing{'s' if n != 1 else ''} before sending."
        return "SafeShare found nothing to fix. Check the recipients once more before you send."

    def fixes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.fix for f in self.findings))

    def to_reply(self, policy: Policy) -> Reply:
        cites = [c for f in self.findings for c in f.cites] or list(self.checked)
        checklist = (ChecklistSection("Before you send", self.fixes()),) if self.findings else ()
        return Reply(self.verdict, self.summary, reasons=tuple(f.says for f in self.findings), checklist=checklist,
                     citations=tuple(policy.sections[c] for c in dict.fromkeys(cites)), rule_id="email-check")

    def to_json(self, policy: Policy) -> dict[str, Any]:
        reply = self.to_reply(policy)
        return {
            "verdict": self.verdict.value,
            "summary": self.summary,
            "findings": [{"id": f.id, "verdict": f.verdict.value, "says": f.says, "fix": f.fix,
                          "citations": [{"id": c, "section": policy.sections[c].title} for c in f.cites]}
                         for f in self.findings],
            "fixes": list(self.fixes()),
            "recipients": dict(self.recipients),
            "offer_package": self.offer_package,
            "answer": reply.text(),
        }


class EmailChecker:
    """Checks drafts against one policy's email check data. Build once."""

    def __init__(self, policy: Policy, data: EmailCheckData):
        self.policy = policy
        self.data = data
        self.work_domains = data.internal_domains + data.secure_domains + data.partner_domains

    def kind_of(self, address: str) -> str:
        if address.count("@") != 1:
            return UNREADABLE
        local, domain = address.lower().rsplit("@", 1)
        if not local or "." not in domain or not re.fullmatch(r"[a-z0-9.-]+", domain):
            return UNREADABLE
        for kind, domains in ((INTERNAL, self.data.internal_domains), (SECURE, self.data.secure_domains),
                              (PARTNER, self.data.partner_domains), (WEBMAIL, self.data.webmail_domains)):
            if domain_in(domain, domains):
                return kind
        return EXTERNAL

    def is_generic(self, address: str) -> bool:
        return address.lower().split("@", 1)[0] in self.data.generic_mailboxes

    def is_list(self, address: str) -> bool:
        address = address.lower()
        local = address.split("@", 1)[0]
        return address in self.data.list_addresses or any(fnmatchcase(local, p) for p in self.data.list_patterns)

    def personal(self, text: str) -> list[Hit]:
        return find_personal_data(text, work_domains=self.work_domains, public_numbers=self.data.public_numbers)

    def without_signature(self, body: str) -> str:
        """The body up to the last sign-off line ("Kind regards"): what follows is the sender's own details."""
        lines = body.splitlines()
        for i in range(len(lines) - 1, -1, -1):
            words = _words(lines[i])
            if lines[i].strip() == "--" or (words and words in self.data.sign_offs):
                return "\n".join(lines[:i])
        return body

    def has_deletion_statement(self, body: str) -> bool:
        """The protocol's own statement, or a paragraph that says to delete and when ("after use")."""
        if _words(self.data.wording) in _words(body):
            return True
        for paragraph in re.split(r"\n\s*\n", body):
            padded = f" {_words(paragraph)} "
            if any(f" {d} " in padded for d in self.data.delete_words) and \
                    any(f" {w} " in padded for w in self.data.when_words):
                return True
        return False

    def check(self, draft: Draft) -> EmailCheck:
        findings: list[Finding] = []
        texts = self.data.findings

        def add(fid: str, **values: str | int) -> None:
            text = texts[fid]
            fill = {"where": "", "count": "", "limit": "", "what": "", "wording": self.data.wording, **values}
            findings.append(replace(text, says=text.says.format(**fill), fix=text.fix.format(**fill)))

        kinds: dict[str, int] = {}
        secure: list[str] = []  # where the secure addresses are: "To 1 (cjsm.net)"
        outside = False
        for field, addresses in (("to", draft.to), ("cc", draft.cc), ("bcc", draft.bcc)):
            for n, address in enumerate(addresses, 1):
                kind = self.kind_of(address)
                kinds[kind] = kinds.get(kind, 0) + 1
                domain = address.rsplit("@", 1)[-1].lower() if kind != UNREADABLE else ""
                where = f"{_FIELD_NAMES[field]} {n}" + (f" ({domain})" if domain else "")
                if kind == UNREADABLE:
                    add("unreadable", where=where)
                    continue
                outside = outside or kind != INTERNAL
                if kind == SECURE:
                    secure.append(where)
                if kind == WEBMAIL:
                    add("webmail", where=where)
                elif self.is_generic(address):
                    add("generic", where=where)
                if self.is_list(address):
                    add("distribution_list", where=where)
                if kind == EXTERNAL and not self.is_generic(address):
                    add("no_agreement", where=where)
        seen = len(draft.to) + len(draft.cc)
        if seen > self.data.max_recipients:
            add("many_recipients", count=seen, limit=self.data.max_recipients)
        if len(draft.cc) >= self.data.long_cc:
            add("long_cc", count=len(draft.cc), limit=self.data.long_cc)

        subject_hits = self.personal(draft.subject)
        body = self.without_signature(draft.body)
        body_hits = self.personal(body)
        name_hits = [h for name in draft.attachments for h in self.personal(name) or find_names_in_file_name(name)]
        carries_pid = bool(subject_hits or body_hits or draft.attachments)
        insecure_outside = kinds.get(EXTERNAL, 0) + kinds.get(PARTNER, 0) + kinds.get(WEBMAIL, 0) > 0
        if carries_pid and CONFIDENTIAL not in draft.subject.lower():
            add("subject_not_confidential")
        if subject_hits:
            add("subject_personal", what=kinds_said(subject_hits))
        if body_hits:
            add("body_external" if insecure_outside else "body_internal", what=kinds_said(body_hits))
        if carries_pid and not self.has_deletion_statement(draft.body):
            add("no_deletion_statement")
        if _PASSWORD.search(draft.body):
            add("password_in_email")
        plain = [a for a in draft.attachments if not a.lower().endswith(self.data.package_extensions)]
        if secure and (plain or body_hits) and not insecure_outside:  # SafeShare cannot see the sending account
            add("secure_own_account", where=", ".join(secure))
        # a personal webmail account may not have it at all, packaged or not (Internet Email 2): the package is
        # offered only where some outside recipient could take one
        packageable = kinds.get(EXTERNAL, 0) + kinds.get(PARTNER, 0) > 0
        offer = bool(plain) and insecure_outside and packageable
        if offer:
            add("attachment_not_encrypted", count=len(plain))
        if name_hits:
            add("attachment_name_personal", what=kinds_said(name_hits))
        verdict = max((f.verdict for f in findings), key=lambda v: v.severity, default=Verdict.ALLOWED)
        order = {v: i for i, v in enumerate(sorted({f.verdict for f in findings}, key=lambda v: -v.severity))}
        findings.sort(key=lambda f: order[f.verdict])  # stable: what stops the email first, then the fixes
        checked = tuple(dict.fromkeys(c for name in ("many_recipients", "subject_not_confidential")
                                      for c in self.data.findings[name].cites))
        return EmailCheck(verdict, tuple(findings), kinds, offer, checked)


def check_fields(checker: EmailChecker, fields: Mapping[str, Any]) -> EmailCheck | None:
    """A card's or the command line's fields checked, or None when there is no recipient to check."""
    draft = Draft.from_fields(fields)
    return None if draft.empty else checker.check(draft)


@dataclass(frozen=True, slots=True)
class FormField:
    """One box of a form (the email draft, the fax cover sheet): a card's Input.Text, or an Input.ChoiceSet
    when it has choices; a prompt in the terminal chat."""

    id: str
    label: str
    multiline: bool = False
    required: bool = False
    placeholder: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, title)
    value: str = ""  # the choice selected at first (or the date shown at first)
    date: bool = False  # a date picker (Input.Date), YYYY-MM-DD


DRAFT_FORM = (
    FormField("to", "To", required=True, placeholder="Addresses, separated by ; or ,"),
    FormField("cc", "Cc"),
    FormField("bcc", "Bcc"),
    FormField("subject", "Subject"),
    FormField("body", "Body", multiline=True, placeholder="Paste the text of the email"),
    FormField("attachments", "Attachment names", multiline=True, placeholder="One file name per line"),
)
