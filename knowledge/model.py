"""The types that cross layers: the protocol as loaded, facts in, advice out.

Everything here is immutable, so a loaded policy can be shared by every
conversation without locks, and advice can be cached or compared.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, TypeAlias
from collections.abc import Mapping

FactValues: TypeAlias = frozenset[str | bool | None]  # the values a condition allows for one fact

class Verdict(StrEnum):
    """What the protocol allows. Ordered from most to least permissive."""

    ALLOWED = "allowed"
    ALLOWED_WITH_CONDITIONS = "allowed_with_conditions"
    NEED_MORE_INFO = "need_more_info"
    NOT_ALLOWED = "not_allowed"
    ESCALATE = "escalate"

    @property
    def severity(self) -> int:
        """Higher is more restrictive; the safest of several answers wins."""
        return _SEVERITY[self]

    @property
    def label(self) -> str:
        return _LABELS[self]


_SEVERITY = {
    Verdict.ALLOWED: 0,
    Verdict.ALLOWED_WITH_CONDITIONS: 1,
    Verdict.NEED_MORE_INFO: 2,
    Verdict.NOT_ALLOWED: 3,
    Verdict.ESCALATE: 4,
}
_LABELS = {
    Verdict.ALLOWED: "Allowed",
    Verdict.ALLOWED_WITH_CONDITIONS: "Allowed, with conditions",
    Verdict.NEED_MORE_INFO: "SafeShare needs more information",
    Verdict.NOT_ALLOWED: "Not allowed",
    Verdict.ESCALATE: "Ring the Safeguarding Hub now",
}

HUB_PHONE = "0333 240 1727"


@dataclass(frozen=True, slots=True)
class Section:
    """One numbered item or bulleted instruction of the protocol, or a source outside it."""

    id: str
    section: str
    item: str
    text: str
    external: bool = False  # national guidance the council's protocol relies on but does not contain

    @property
    def title(self) -> str:
        return f"{self.section}, {self.item}"


@dataclass(frozen=True, slots=True)
class Term:
    """A kind of information, a recipient or a channel, with its words."""

    id: str
    label: str
    words: tuple[str, ...]
    cites: tuple[str, ...]
    rank: int = 0
    covered: bool = True
    channel: str | None = None  # recipients: the channel naming them implies ("her Hotmail": email)
    recipient: str | None = None  # channels: the recipient they imply ("the school portal": a school)
    choice: bool = True  # offered as a button in the guided check (False: read from text only)
    claims: tuple[str, ...] = ()  # kinds: words of another kind this one takes over next to it ("contact centre address")
    domains: tuple[str, ...] = ()  # recipients: parts of an address's domain that name this recipient ("hotmail")
    platform: bool = False  # channels: the route when named with email ("email it via Objective Connect")
    how_to: str | None = None  # channels: the FAQ for a how-to question about it that the rules cannot place yet


@dataclass(frozen=True, slots=True)
class Choice:
    value: str | bool
    label: str
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """A question the advisor may need answered, with its choices."""

    id: str
    question: str
    choices: tuple[Choice, ...]
    cites: tuple[str, ...]
    help: str = ""
    optional: bool = False
    asked: bool = True  # False: only a question that says so sets it; the guided check never asks


@dataclass(frozen=True, slots=True)
class Cited:
    """A sentence of advice and the protocol sections it rests on."""

    text: str
    cites: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    text: str
    cites: tuple[str, ...]
    when: Mapping[str, FactValues] | None = None


@dataclass(frozen=True, slots=True)
class Checklist:
    id: str
    title: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True, slots=True)
class Alternative:
    id: str
    text: str
    cites: tuple[str, ...]
    when: Mapping[str, FactValues] | None = None  # offered only where these facts hold ("for schools")


@dataclass(frozen=True, slots=True)
class Example:
    """A question a rule must answer, and the verdict it must give (rules.yaml `examples`)."""

    question: str
    verdict: Verdict
    line: int = 0  # where it is written, for `safeshare check`
    rule: str = ""  # the rule (or "ask-<fact>") that must answer; "" for the rule that carries it


@dataclass(frozen=True, slots=True)
class PackageOffer:
    """When an answer offers to make an encrypted package (rules.yaml `package_offer`)."""

    when: Mapping[str, FactValues]
    verdicts: frozenset[Verdict]


@dataclass(frozen=True, slots=True)
class Happened:
    """rules.yaml `happened`: what a refusing rule answers when the user tells it has already been done.

    "I put the child's name in the subject line yesterday, does that matter?" answered "No" reads as "it does not
    matter": the answer is what to do now, with the rule's own reasons for next time."""

    when: Mapping[str, FactValues]
    verdicts: frozenset[Verdict]  # the rules' verdicts it replaces
    verdict: Verdict
    summary: str  # put before the rule's own summary
    reasons: tuple[Cited, ...]  # added after the rule's own
    follow_up: str = ""
    not_for: frozenset[str] = frozenset()  # rules about what is done after a sending ("my sent items?"): as they are


@dataclass(frozen=True, slots=True)
class Rule:
    """If the facts match any of `when`, the protocol says `verdict`."""

    id: str
    when: tuple[Mapping[str, FactValues], ...]
    verdict: Verdict
    summary: str
    reasons: tuple[Cited, ...]
    checklists: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    follow_up: str = ""
    examples: tuple[Example, ...] = ()
    line: int = 0  # where the rule starts in rules.yaml
    # Asked as a yes/no question proposing it ("should I send the whole file?"): this verdict and summary
    # instead ("No: ..."); a how or what question keeps `verdict` and gets the steps.
    proposed: Proposed | None = None
    # the facts `follow_up` asks the user for: once all are known ("email" told), the follow-up is not shown
    follow_up_asks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Proposed:
    """rules.yaml `proposed`: the answer to a yes/no question that proposes what the rule is about."""

    verdict: Verdict
    summary: str


@dataclass(frozen=True, slots=True)
class AskPolicy:
    """How a `need_more_info` answer that asks a question is put together."""

    summary: str
    checklists: tuple[str, ...]
    alternatives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Faq:
    id: str
    question: str
    paraphrases: tuple[str, ...]
    verdict: Verdict
    answer: str
    cites: tuple[str, ...]
    checklist: str | None = None
    follow_ups: tuple[str, ...] = ()
    also: tuple[str, ...] = ()  # looser wordings, tried only when no FAQ's paraphrase matches
    needs: tuple[str, ...] = ()  # a question answered by this FAQ uses one of these words ("file", "zip")
    unless_sent: bool = False  # answers only a question naming no way of sending (the rules answer one that does)
    # the protocol's silence on what its `needs` name: said first, whatever else the question carries, unless the
    # rules say No or ring the Hub ("the rules for sending the child's details overseas")
    unsettled: bool = False
    # ... and one of these too: the FAQ's own act ("name", "call" for naming a file: "can I save it to the child's
    # file?" names a file, not a file's name)
    needs_too: tuple[str, ...] = ()
    # its "No" answers the premise of a duty asked ("the disclaimer is at the bottom anyway, so do I still need to
    # encrypt?"): it stands, where another FAQ's "No" to "do I need to ...?" gives way to the steps
    refutes: bool = False
    unsettled_by: tuple[str, ...] = ()  # only these of its needs say the silence first (all of them where empty)
    # a question using one of these words is another FAQ's, unless the paraphrase matched uses it too ("how do I
    # open the password protected file I was sent?" is not "how to password protect a file")
    not_with: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FaqTopic:
    """A heading of the common-questions menu and the FAQs under it, in the order shown."""

    id: str
    title: str
    faqs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Near:
    """An act and a target close together, in either order ("hurt the kids", "the baby was shaken")."""

    acts: tuple[str, ...]
    targets: tuple[str, ...]
    within: int = 2


@dataclass(frozen=True, slots=True)
class Signal:
    """Words that set a yes/no fact, unless a negation comes just before."""

    words: tuple[str, ...]
    negations: tuple[str, ...]
    near: Near | None = None
    opposites: tuple[str, ...] = ()  # words that say the fact is false ("unencrypted")


@dataclass(frozen=True, slots=True)
class PasswordCheck:
    """How a password proposed in a question is found and judged (signals.yaml `password_check`)."""

    words: tuple[str, ...]  # what a password is called ("password", "passcode")
    not_passwords: tuple[str, ...]  # words that follow "password" but are not one ("strong", "separately")
    min_length: int = 8
    cites: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()  # the protocol's own example passwords: known to every reader, never to be used


@dataclass(frozen=True, slots=True)
class HarmCategory:
    """One group of signs of significant harm, as national guidance groups them (harm.yaml)."""

    id: str
    title: str
    cites: tuple[str, ...]
    clear: tuple[str, ...]  # phrases that say on their own that a child is harmed or at risk
    acts: tuple[str, ...]  # words for hurting someone, counted with a person close by
    signs: tuple[str, ...]  # worrying but not clear: ask the harm question first
    weak: tuple[str, ...] = ()  # everyday words that only add up with other signs
    resolved: tuple[str, ...] = ()  # this kind of harm is over now ("found", "turned up" for a missing child)
    timeless: bool = False  # a past event is the risk now (an offender's convictions): no "past" reading
    # signs told as now only with one of these in the message: an adult's record is a child's risk where the
    # adult is in the child's life ("moved in with", "picks her up"), not where he is only charged
    linked_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LearnedHarm:
    """harm.yaml `learned`: the model of dialogs/learned.py and when it may move a doubtful case."""

    idf: Mapping[str, float]  # each word or pair of words the model knows, with its inverse document frequency
    weights: Mapping[str, float]
    bias: float
    ask_above: float  # nothing read by the words, the message reads like harm: ask the harm question first
    quiet_below: float  # a worrying sign read, the message reads like an everyday question: answer it
    # The second head: how like a clear disclosure (ring the Hub, not only ask) the message reads
    clear_weights: Mapping[str, float] = field(default_factory=dict)
    clear_bias: float = 0.0
    escalate_above: float = 1.0  # a doubtful sign read, the message reads like a clear disclosure: ring the Hub


@dataclass(frozen=True, slots=True)
class HarmWords:
    """Everything harm.yaml says about reading a description of a child at risk."""

    categories: tuple[HarmCategory, ...]
    people: tuple[str, ...]
    fillers: tuple[str, ...]
    negations: tuple[str, ...]
    terminators: tuple[str, ...]
    reporters: tuple[str, ...]
    documents: tuple[str, ...]
    history: tuple[str, ...]
    immediate: tuple[str, ...]
    no_harm: tuple[str, ...]
    not_harm: tuple[str, ...]
    managed: tuple[str, ...] = ()
    explained: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()  # explained by a condition: a sign asked about, never dropped
    recent: tuple[str, ...] = ()
    resolved: tuple[str, ...] = ()
    not_real: tuple[str, ...] = ()
    current: tuple[str, ...] = ()
    soon: tuple[str, ...] = ()
    children: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()  # children in general ("the kids on our caseload"), not one child
    adults: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()  # a service or a piece of guidance named after a harm ("the self-harm policy")
    topic_of: tuple[str, ...] = ()  # words that make the harm after them a subject ("a book that deals with suicide")
    history_written: tuple[str, ...] = ()  # history words whose stem says something else ("closed" is "close")
    child_data: tuple[str, ...] = ()  # a child named only as the owner of data ("the child's name and DOB")
    unsure: tuple[str, ...] = ()  # the user unsure it is a worry at all ("not sure if this is even safeguarding")
    ongoing: tuple[str, ...] = ()  # the child still with the harm now ("she's still living with him")
    hedges: tuple[str, ...] = ()  # a sign put as a possibility just before it ("maybe self harming")
    seem_fine: tuple[str, ...] = ()  # the children all right, as the user sees them now ("the kids seem fine")
    handover: tuple[str, ...] = ()  # the child handed to a parent now ("at pickup"), counted as recent too
    unactioned: tuple[str, ...] = ()  # a disclosure written down that nobody acted on ("nothing's been actioned")
    cues_written: tuple[str, ...] = ()  # cue words matched as written: "injecting" is a cue, "injections" is not
    window: int = 4
    gap: int = 3
    scope: int = 5
    corroborate: int = 2
    story: int = 20
    age_gap: int = 5
    learned: LearnedHarm | None = None


@dataclass(frozen=True, slots=True)
class Policy:
    """The whole protocol as data, validated."""

    sections: Mapping[str, Section]
    kinds: Mapping[str, Term]
    groups: Mapping[str, frozenset[str]]
    recipients: Mapping[str, Term]
    channels: Mapping[str, Term]
    facts: Mapping[str, Fact]
    checklists: Mapping[str, Checklist]
    alternatives: Mapping[str, Alternative]
    ask: AskPolicy
    rules: tuple[Rule, ...]
    faq: Mapping[str, Faq]
    signals: Mapping[str, Signal]
    harm: HarmWords
    known_words: frozenset[str] = frozenset()
    source: str = ""
    password_check: PasswordCheck | None = None
    everyday_words: frozenset[str] = frozenset()  # never corrected (everyday_words.txt)
    package_offer: PackageOffer | None = None
    happened: Happened | None = None
    faq_topics: tuple[FaqTopic, ...] = ()  # the common-questions menu by topic; () shows every FAQ in one list

    def terms(self, fact_id: str) -> Mapping[str, Term]:
        """The vocabulary a fact's choices come from, or an empty mapping."""
        return {"kind": self.kinds, "recipient": self.recipients, "channel": self.channels}.get(fact_id, {})


FACT_NAMES = ("harm", "kind", "recipient", "channel", "urgent", "other_identifier", "agreement", "encrypted",
              "aes", "password", "password_emailed", "password_missing", "received", "already", "down", "passed_over", "everything",
              "in_body", "in_subject",
              "borrowed_account", "group_address", "file_named", "kept_in_mailbox", "misdirected", "to_hub",
              "name_removed",
              "cc_many", "not_intended", "opening", "self_made_account", "off_record", "autocomplete",
              "process_asked", "unrecorded", "no_agreement", "copies_reversed", "addresses_shown", "name_over_identifier",
              "no_secure_account", "unsaved", "media_handover", "list_stale", "follow_up_by", "aftermath",
              "password_relayed", "public_office", "unattended", "thread_holds", "sent_in", "secure_unnamed")


@dataclass(frozen=True, slots=True)
class Facts:
    """What we know about one sharing question. None means not known yet."""

    harm: bool | None = None
    kind: str | None = None
    recipient: str | None = None
    channel: str | None = None
    urgent: bool | None = None
    other_identifier: bool | None = None
    agreement: bool | None = None
    encrypted: bool | None = None
    aes: bool | None = None  # the encryption named is AES-256 (True) or something weaker (False)
    password: str | None = None  # how a password the question proposes measures up (never the password)
    password_emailed: bool | None = None  # the password travels (or travelled) by email
    password_missing: bool | None = None  # an encrypted file received without its password ("no password came")
    received: bool | None = None  # sent to the user: "a SW has emailed me", "I received", "the school sent me"
    already: bool | None = None  # it has happened: received, saved, sent
    down: str | None = None  # a channel that is not working ("the portal is down")
    passed_over: str | None = None  # a working channel the user means not to use ("quicker than the portal")
    everything: bool | None = None  # asked for, or about to send, everything on file
    in_body: bool | None = None  # the personal information goes in the email's body, not an attachment
    in_subject: bool | None = None  # personal details go in the email's subject line
    borrowed_account: bool | None = None  # sending from someone else's account or login
    group_address: bool | None = None  # to a distribution list, contact group or address list
    file_named: bool | None = None  # a document or zip named for someone ("Callum_Bryce_CIN_plan.docx")
    kept_in_mailbox: bool | None = None  # what was sent kept in the mailbox (sent items, an Outlook folder)
    misdirected: bool | None = None  # it went to the wrong person or place: a breach or near miss
    to_hub: bool | None = None  # the Safeguarding Hub is who is told (a call, its written follow-up)
    name_removed: bool | None = None  # the name taken off, the rest kept ("no name, just DOB and postcode")
    cc_many: bool | None = None  # copying in a whole team, everyone, every email "to keep them in the loop"
    not_intended: bool | None = None  # an email received that was not meant for the user
    opening: bool | None = None  # opening, or about to open, an attachment received
    self_made_account: bool | None = None  # a secure email account set up without a senior manager's say
    off_record: bool | None = None  # an email written as if no one else, least of all its subject, will read it
    public_office: bool | None = None  # an MP, a councillor or the press is who asks or is to be told
    autocomplete: bool | None = None  # the address the email software suggests, taken or asked about
    process_asked: bool | None = None  # how authorising and recording is done asked about (who, which form)
    unrecorded: bool | None = None  # sent, or to be sent, without being authorised and recorded
    # the copies the wrong way round once an encrypted file has gone: the unencrypted one deleted, the protected kept
    copies_reversed: bool | None = None
    addresses_shown: bool | None = None  # many addresses in To or CC, where each sees the others'
    name_over_identifier: bool | None = None  # a name or date of birth to go though another identifier would do
    no_secure_account: bool | None = None  # the sender has no cjsm or gsx account of their own (ordinary Outlook)
    unsaved: bool | None = None  # a file received, to be opened where it lands, not saved to a shared drive first
    media_handover: bool | None = None  # a disc or a stick handed over or posted, not a file saved onto one
    password_relayed: bool | None = None  # the password left with a go-between (switchboard, colleague) to pass on
    list_stale: bool | None = None  # a distribution list not kept up to date (people on it who have left)
    unattended: bool | None = None  # a fax that came in left on the machine or in a tray for whoever collects it
    thread_holds: bool | None = None  # earlier messages in the thread, which a reply or forward carries, hold something
    sent_in: bool | None = None  # others send to the user's end ("can partners send PID into our team inbox?")
    secure_unnamed: bool | None = None  # an address the protocol does not name taken for secure email (nhs.net)
    # when the written follow-up to a Hub call is sent, against the 48 hours: in_time, weekend (later in hours,
    # within two working days) or late
    follow_up_by: str | None = None
    no_agreement: bool | None = None  # the question says no information sharing agreement covers it (never asked)
    aftermath: bool | None = None  # asks what to do now, or whether it matters ("what now?", "is that a breach?")

    def get(self, name: str) -> Any:
        return getattr(self, name)

    def with_(self, **changes: Any) -> Facts:
        return replace(self, **changes)

    def known(self) -> dict[str, object]:
        return {n: getattr(self, n) for n in FACT_NAMES if getattr(self, n) is not None}


@dataclass(frozen=True, slots=True)
class ChecklistSection:
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Advice:
    """What the advisor decided, with everything needed to show it."""

    rule_id: str
    verdict: Verdict
    summary: str
    reasons: tuple[str, ...]
    checklist: tuple[ChecklistSection, ...]
    citations: tuple[Section, ...]
    alternatives: tuple[str, ...] = ()
    question: Fact | None = None
    follow_up: str = ""
    facts: Facts = field(default_factory=Facts)

    @property
    def checklist_items(self) -> tuple[str, ...]:
        return tuple(item for part in self.checklist for item in part.items)

