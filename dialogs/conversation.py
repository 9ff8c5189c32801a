"""The conversation: commands, one-shot answers and the guided check.

Plain Python over plain data. The host (bot/ for Teams, the terminal chat)
loads the conversation's state as a dict, calls `Conversation.turn`, saves
the state it gets back and renders the messages. State holds only ids and
facts (never the user's free text, a password or a file), so it can be
stored anywhere and read by any instance.
"""
from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeAlias
from collections.abc import Callable, Iterable, Mapping

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.advisor import advise, next_question, offers_package, outcome
from knowledge.model import FACT_NAMES, HUB_PHONE, Fact, Facts, FaqTopic, Verdict

from .answer import Assistant, question_form
from .emailcheck import DRAFT_FORM, EmailChecker, FormField, check_fields
from .fax import CoverSheet, FaxRecord
from .record import decision_record, london_now, record_data, recordable
from .harm import HarmAssessment, HarmLevel
from .near_miss import NearMissReport
from . import reminder as reminders
from . import unsure
from .reply import Option, Reply
from .text import normalise
from .understand import Understanding

if TYPE_CHECKING:
    from packager.package import Package

STATE_VERSION = 1
# faq.yaml's common questions about a slip already made: the report is offered beside them
_SLIP_FAQS = frozenset({"wrong-recipient", "breach-consequences"})
_COVER_SHEET_FAQ = "fax-cover-sheet"  # faq.yaml: what goes on a fax cover sheet (the fax walkthrough makes one)
ChoiceValue: TypeAlias = str | bool  # a Choice's value: a vocabulary id, or yes/no
MARK = "safeshare"  # the key every card button's data carries


class Kind(StrEnum):
    WELCOME = "welcome"
    HELP = "help"
    ADVICE = "advice"
    QUESTION = "question"
    FAQ_MENU = "faq_menu"
    NOTICE = "notice"
    PACKAGE = "package"  # an encrypted package is ready (the host attaches or offers the file)
    PASSWORD = "password"  # its password, always a message of its own
    EMAIL_FORM = "email_form"  # the draft to check: a card with input boxes (`inputs`)
    RECORD = "record"  # a decision record to paste into the case file
    FAX_FORM = "fax_form"  # the fax cover sheet's boxes (`inputs`)
    FAX_COVER = "fax_cover"  # the cover sheet's words, when the advisor allows the fax
    FAX_LOG_FORM = "fax_log_form"  # the fax log's boxes (`inputs`): a fax just sent, for Faxes 10
    FAX_LOGGED = "fax_logged"  # `fax_record` carries the entry for the host to write to the fax log
    REPORT_FORM = "report_form"  # a breach or near-miss report's choices (`inputs`)
    REPORT = "report"  # who to tell now; `report` carries the record for the host to keep
    REMINDER = "reminder"  # the Hub follow-up reminder; `reminder` carries what the host does with its store


class Command(StrEnum):
    HELP = "help"
    CHECK = "check"
    FAQ = "faq"
    HUB = "hub"
    ENCRYPT = "encrypt"
    CANCEL = "cancel"
    START_OVER = "start over"
    BACK = "back"
    CHECK_EMAIL = "check email"
    FAX = "fax"
    FAX_LOG = "fax log"
    REPORT = "report"
    REMINDERS = "reminders"
    REMIND_ME = "remind me"


COMMAND_WORDS: Mapping[str, Command] = {
    "help": Command.HELP, "?": Command.HELP, "menu": Command.HELP,
    "check": Command.CHECK, "guided check": Command.CHECK, "start check": Command.CHECK, "start": Command.CHECK,
    "new check": Command.CHECK, "start a check": Command.CHECK, "start a new check": Command.CHECK,
    "faq": Command.FAQ, "faqs": Command.FAQ, "questions": Command.FAQ,
    "hub": Command.HUB, "safeguarding hub": Command.HUB,
    "encrypt": Command.ENCRYPT, "package": Command.ENCRYPT,
    "cancel": Command.CANCEL, "stop": Command.CANCEL, "quit": Command.CANCEL,
    "start over": Command.START_OVER, "restart": Command.START_OVER, "reset": Command.START_OVER,
    "start again": Command.START_OVER, "begin again": Command.START_OVER, "start from the beginning": Command.START_OVER,
    "back": Command.BACK, "go back": Command.BACK, "undo": Command.BACK,
    "check email": Command.CHECK_EMAIL, "email check": Command.CHECK_EMAIL, "check an email": Command.CHECK_EMAIL,
    "check my email": Command.CHECK_EMAIL, "check emails": Command.CHECK_EMAIL, "check draft": Command.CHECK_EMAIL,
    "fax": Command.FAX, "fax cover": Command.FAX, "fax cover sheet": Command.FAX, "cover sheet": Command.FAX,
    "fax log": Command.FAX_LOG, "log a fax": Command.FAX_LOG, "log fax": Command.FAX_LOG, "log the fax": Command.FAX_LOG,
    "record a fax": Command.FAX_LOG, "record the fax": Command.FAX_LOG, "log a fax i sent": Command.FAX_LOG,
    "report": Command.REPORT, "report a breach": Command.REPORT, "report a near miss": Command.REPORT,
    "near miss": Command.REPORT, "breach": Command.REPORT, "data breach": Command.REPORT,
    "report breach": Command.REPORT, "report near miss": Command.REPORT,
    "reminders": Command.REMINDERS, "reminder": Command.REMINDERS, "my reminders": Command.REMINDERS,
    "show reminders": Command.REMINDERS, "cancel reminder": Command.REMINDERS, "cancel reminders": Command.REMINDERS,
    "cancel my reminder": Command.REMINDERS, "cancel a reminder": Command.REMINDERS,
    "remind me": Command.REMIND_ME, "set a reminder": Command.REMIND_ME, "set reminder": Command.REMIND_ME,
}
COMMAND_LIST = (
    (Command.HELP, "What SafeShare can do"),
    (Command.CHECK, "Guided check: can I share this, and how?"),
    (Command.FAQ, "Common questions"),
    (Command.HUB, "Ring the Safeguarding Hub"),
    (Command.ENCRYPT, "Make an encrypted package"),
    (Command.CHECK_EMAIL, "Check an email before you send it"),
    (Command.FAX, "Make a fax cover sheet (if the fax is allowed); fax log records a fax you sent"),
    (Command.REPORT, "Report a breach or near miss: who to tell now"),
    (Command.REMINDERS, "Your reminders to follow up a Hub call in writing"),
    (Command.CANCEL, "Stop the current check"),
)


FORMATS = ("7z", "zip")
FIRST_STEP = "This is the check's first question, so there is no step to go back to."
DEFAULT_FORMAT = "zip"  # the protocol's appendix: zip the document with AES-256 (7-Zip)
FORMAT_LABELS = {"7z": "7z: even the names inside encrypted (needs 7-Zip)",
                 "zip": "ZIP with AES-256, as the protocol's appendix asks"}
FORMAT_WORDS = {"zip": "zip", "use zip": "zip", "encrypt zip": "zip", "zip format": "zip",
                "7z": "7z", "use 7z": "7z", "encrypt 7z": "7z", "7zip": "7z", "7 zip": "7z"}


def package_format(state: Mapping[str, Any] | None) -> str:
    chosen = (state or {}).get("package_format")
    return chosen if chosen in FORMATS else DEFAULT_FORMAT


MAX_TEXT = 4000  # characters of any user text read, typed or carried by a card button: the rest is ignored


@dataclass(frozen=True, slots=True)
class Incoming:
    """One user turn: typed text, a card button's data, or both."""

    text: str = ""
    data: Mapping[str, Any] | None = None
    personal: bool = True  # a one-to-one chat with SafeShare; packages and passwords are made only there
    files: bool = True  # the chat can carry a file to SafeShare (the local web chat cannot)


@dataclass(frozen=True, slots=True)
class Message:
    """Something to show. `options` become buttons and suggested actions."""

    kind: Kind
    title: str
    lines: tuple[str, ...] = ()
    reply: Reply | None = None
    options: tuple[Option, ...] = ()
    fact: Fact | None = None
    step: int = 0
    total_known: int = 0
    changes: tuple[Option, ...] = ()  # "Not right? Change it": one guided check per part understood
    inputs: tuple[FormField, ...] = ()  # boxes to fill in (the draft email, the fax form); their values come back with the button
    report: NearMissReport | None = None  # a breach or near-miss report for the host to record (ids and a date)
    cover: CoverSheet | None = None  # a fax cover sheet for the host to send as a PDF (personal chats only)
    fax_record: FaxRecord | None = None  # a fax to write to the fax log (the host does it: bot/faxlog.py)
    reminder: reminders.ReminderRequest | None = None  # set, list or cancel a Hub follow-up reminder (the host does it)
    topic: str | None = None  # a common-questions menu: its topic's id, "" for the list of topics

    def text(self) -> str:
        if self.reply is not None:
            return self.reply.text()
        parts = [self.title, *self.lines]
        return "\n".join(p for p in parts if p)


FAX_PDF_FOLLOWS = ("SafeShare gives you this cover sheet as a PDF too: print it, put it on top of the pages, and log "
                   "the fax afterwards (type fax log).",)
FAX_PDF_PERSONAL_ONLY = (
    "The PDF is sent only in your personal chat with SafeShare: everyone in this chat would get a copy, with the "
    "recipient's details. Type fax in your own chat with SafeShare (Chat, then SafeShare) for the PDF, or print "
    "this on letter headed paper.",
    "Log the fax afterwards: type fax log.")


def command_data(command: Command, **extra: object) -> dict[str, object]:
    return {MARK: "command", "command": command.value, **extra}


def _command_option(title: str, command: Command, **extra: object) -> Option:
    return Option(title, command.value, command_data(command, **extra))


def _ask_option(question: str) -> Option:
    return Option(question, question, {MARK: "ask", "text": question})


@dataclass
class _Check:
    id: str
    facts: dict[str, Any] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)
    rechecked: bool = False  # a "No" to harm was asked once more after a clear sign; not again
    asking: str = ""  # a one-shot answer's follow-up question, answerable by number or word
    unsure_at: list[str] = field(default_factory=list)  # steps where "Not sure" was chosen: not offered again
    done: bool = False  # the advice was given; `back` reopens the last step
    guessed: list[str] = field(default_factory=list)  # facts set by "Not sure" to their safest reading
    proposed: str = ""  # the rule whose No answered what the question proposed ("initials in the subject?"): kept
    was: dict[str, Any] = field(default_factory=dict)  # "Change: Email": the part asked again, as it was; `back` keeps it

    @classmethod
    def load(cls, raw: Any) -> _Check | None:
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            return None
        facts = {k: v for k, v in (raw.get("facts") or {}).items() if k in FACT_NAMES and isinstance(v, (str, bool))}
        history = [h for h in raw.get("history") or [] if h in facts]
        asking = raw.get("asking")
        if not isinstance(asking, str) or asking not in FACT_NAMES:
            asking = ""
        unsure_at = [f for f in raw.get("unsure_at") or [] if f in FACT_NAMES]
        if raw.get("unsure") is True and "harm" not in unsure_at:  # state saved before "unsure_at"
            unsure_at.append("harm")
        guessed = [f for f in raw.get("guessed") or [] if f in facts]
        proposed = raw.get("proposed")
        was = {k: v for k, v in (raw.get("was") or {}).items() if k in FACT_NAMES and isinstance(v, (str, bool))}
        return cls(raw["id"], facts, history, raw.get("rechecked") is True, asking, unsure_at,
                   raw.get("done") is True, guessed, proposed if isinstance(proposed, str) else "", was)

    def dump(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "facts": dict(self.facts), "history": list(self.history)}
        for flag in ("rechecked", "done"):
            if getattr(self, flag):
                out[flag] = True
        for name in ("asking", "proposed"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        for name in ("unsure_at", "guessed"):
            if getattr(self, name):
                out[name] = list(getattr(self, name))
        if self.was:
            out["was"] = dict(self.was)
        return out

    @property
    def open(self) -> bool:
        """A check the user is in the middle of: a step asked, or a one-shot answer's follow-up."""
        return bool(self.asking) or not self.done

    @property
    def step(self) -> int:
        return len(self.history)


_Turn: TypeAlias = tuple[_Check | None, list[Message]]  # the check after a turn (None: none in progress), what to send


class Conversation:
    """Decides every turn. One instance serves every conversation."""

    def __init__(self, assistant: Assistant, package_limit_mb: int = 100,
                 clock: Callable[[], dt.datetime] = london_now):
        self.assistant = assistant
        self.clock = clock  # the time a decision record gives
        self.package_limit_mb = package_limit_mb
        self._phrases: dict[str, dict[str, ChoiceValue]] = {}
        self.policy = assistant.policy
        from knowledge.emailcheck_data import load_email_check  # KnowledgeError if email_check.yaml is broken

        self.email_checker = EmailChecker(self.policy, load_email_check(self.policy))
        from knowledge.fax_data import load_fax_data  # KnowledgeError if fax.yaml is broken

        self.fax_data = load_fax_data(self.policy)
        from knowledge.near_miss_data import load_near_miss  # KnowledgeError if near_miss.yaml is broken

        self.near_miss = load_near_miss(self.policy)

    # -- entry points -----------------------------------------------------
    def welcome(self) -> list[Message]:
        return [Message(
            Kind.WELCOME, "SafeShare helps you share information about children safely and lawfully.",
            ("Ask me a question in your own words, such as \"can I fax this mental health assessment to the GP?\", "
             "or run a guided check. Answers come from the Children's Services Information Sharing Protocol.",
             f"If a child is suffering or likely to imminently suffer significant harm, ring the Safeguarding Hub now on {HUB_PHONE}.",
             "Something went wrong, or nearly did (a wrong recipient, a lost device)? Type report.",
             "After a call to the Hub, SafeShare can remind you to follow it up in writing within 48 hours: "
             "type reminders to see yours."),
            options=self._start_options())]

    def turn(self, state: Mapping[str, Any] | None, incoming: Incoming) -> tuple[dict[str, Any], list[Message]]:
        """Handle one turn; returns the new state and the messages to send."""
        check = _Check.load((state or {}).get("check"))
        fmt = package_format(state)
        data = incoming.data if isinstance(incoming.data, Mapping) else None
        encrypt = self._encrypt_request(incoming, data)
        if encrypt is not None and not incoming.personal:
            messages = [self.personal_only()]
        elif encrypt is not None and not incoming.files:
            messages = [self.no_files()]
        elif encrypt is not None:  # the package prompt; a check in progress stays where it was
            fmt = encrypt or fmt
            messages = [self.encrypt_prompt(fmt)]
        elif (back_to := self._back_to_menu(state, check, incoming, data)) is not None:
            # "back" while reading the common questions: the menu the user came from, not "no check in progress"
            messages = [self._faq_menu(back_to or None)]
        elif data is not None and data.get(MARK):
            check, messages = self._on_button(check, data, incoming.personal)
        else:
            check, messages = self._on_text(check, (incoming.text or "")[:MAX_TEXT].strip())
        new_state: dict[str, Any] = {"version": STATE_VERSION, "check": check.dump() if check else None}
        menu = self._menu_behind(messages)
        if menu is not None:
            new_state["faq_back"] = menu
        if fmt != DEFAULT_FORMAT:
            new_state["package_format"] = fmt
        return new_state, messages

    def _back_to_menu(self, state: Mapping[str, Any] | None, check: _Check | None, incoming: Incoming,
                      data: Mapping[str, Any] | None) -> str | None:
        """The common-questions menu "back" returns to ("" for the topics), where the last turn showed a menu or a
        common question's answer and no check is waiting for an answer; None otherwise."""
        back_to = (state or {}).get("faq_back")
        if not isinstance(back_to, str) or (back_to and back_to not in {t.id for t in self.policy.faq_topics}) \
                or (check is not None and check.open):
            return None
        if data is not None and data.get(MARK):
            pressed = data.get(MARK) == "command" and data.get("command") == Command.BACK.value
        else:
            pressed = match_command((incoming.text or "")[:MAX_TEXT].strip()) is Command.BACK
        return back_to if pressed else None

    def _menu_behind(self, messages: list[Message]) -> str | None:
        """Where "back" goes after these messages: a topic's questions go back to the topics (""), a common
        question's answer to its topic's questions; None where "back" keeps its usual meaning."""
        last = messages[-1] if messages else None
        if last is None:
            return None
        if last.kind is Kind.FAQ_MENU:
            return "" if last.topic else None
        reply = last.reply
        if reply is not None and _by_faq(reply):
            topic = self._topic_of(reply.faq_id)
            return topic.id if topic is not None else None
        return None

    def _topic_of(self, faq_id: str | None) -> FaqTopic | None:
        """The common-questions menu heading a common question is under, if any."""
        return next((t for t in self.policy.faq_topics if faq_id in t.faqs), None)

    @staticmethod
    def _encrypt_request(incoming: Incoming, data: Mapping[str, Any] | None) -> str | None:
        """'' for the encrypt command, a format if one was chosen, None for anything else."""
        if data is not None and data.get(MARK):
            if data.get(MARK) == "command" and data.get("command") == Command.ENCRYPT.value:
                chosen = data.get("format")
                return chosen if isinstance(chosen, str) and chosen in FORMATS else ""
            return None
        text = (incoming.text or "").strip()
        if not text:
            return None
        if match_command(text) is Command.ENCRYPT:
            return ""
        return FORMAT_WORDS.get(normalise(text))

    # -- buttons ----------------------------------------------------------
    def _on_button(self, check: _Check | None, data: Mapping[str, Any], personal: bool = True) -> _Turn:
        action = data.get(MARK)
        if action == "command":
            try:
                command = Command(str(data.get("command")))
            except ValueError:
                return check, [self._unknown()]
            if command is Command.FAQ and data.get("topic") is not None:  # a heading of the menu: its questions
                return check, [self._faq_menu(data.get("topic"))]
            prefill, changing = (data.get(k) if isinstance(data.get(k), Mapping) else None for k in ("prefill", "change"))
            return self._command(check, command, prefill, changing)
        if action == "record":  # rebuilt from the button's fact ids; the state does not change
            return check, [self._decision_record(data)]
        if action == "email_check":  # the draft's boxes: checked and forgotten; the state does not change
            return check, self._email_checked(data)
        if action == "fax_cover":  # the fax form's boxes: decided and forgotten; the state does not change
            return check, self._fax_cover(data, personal)
        if action == "fax_log":  # the fax log card: the host writes the entry; the state does not change
            return check, self._fax_logged(data)
        if action == "report":  # a breach or near-miss report: the host records its ids; the state does not change
            return check, self._reported(data)
        if action in ("remind_offer", "remind", "remind_cancel"):  # the state does not change
            return check, [self._reminder(action, data)]
        if action == "ask":
            text = data.get("text")  # a button's data comes from the client, not from us: capped like typed text
            return check, self._answer(text[:MAX_TEXT]) if isinstance(text, str) and text.strip() else [self._unknown()]
        if action == "unsure":
            if check is None or data.get("check") != check.id:
                return check, [self._stale(check)]
            return self._unsure(check, str(data.get("fact") or "harm"))
        if action == "resume":  # "Continue the check" (after help, or the Hub's card): the step it was at
            if check is None or data.get("check") != check.id or not check.open:
                return check, [self._stale(check)]
            return check, self._current(check)
        if action == "answer":
            if check is None or data.get("check") != check.id:
                return check, [self._stale(check)]
            if data.get("step") != check.step:
                return check, [Message(Kind.NOTICE, "That button is from an earlier question in this check.",
                                       ("Here is where you are now.",))] + self._next(check)
            fact = self.policy.facts.get(str(data.get("fact")))
            value = self._choice_value(fact, data.get("value")) if fact else None
            if fact is None or value is None:
                return check, [self._unknown()]
            check.asking = ""
            return self._record(check, fact, value)
        return check, [self._unknown()]

    # -- typed text -------------------------------------------------------
    def _on_text(self, check: _Check | None, text: str) -> _Turn:
        if not text:
            return check, [self._unknown()]
        command = match_command(text)
        if command in (Command.FAX, Command.REPORT) and check is not None and (check.asking or not check.done) \
                and normalise(text) == command.value:
            command = None  # "fax" answers "How do you plan to send it?", "report" what it is; "fax cover" still opens the form
        if command is not None:
            return self._command(check, command, None)
        when = reminders.typed_choice(text)  # "remind me in 24 hours": a reminder's quick reply
        if when is not None:
            return check, [self._reminder("remind", {"when": when.value}, typed=True)]
        if check is not None and check.asking:  # a one-shot answer's question: "2", "email", or a new question
            asked = self.policy.facts[check.asking]
            if normalise(text) in UNSURE:  # "dunno": Not sure, at the step the answer asked about
                return self._unsure(check, asked.id)
            shown = tuple(o.value for o in self._choices(check, asked))
            if normalise(text).isdigit():  # the numbers of the answer's list, which are its first buttons
                number = int(normalise(text))
                if not 1 <= number <= len(shown):
                    return check, self._out_of_range(len(shown), self._asked_again(check, asked))
                chosen = self._choice_value(asked, shown[number - 1])  # "false" is the choice False
                check.asking = ""
                return self._record(check, asked, shown[number - 1] if chosen is None else chosen)
            # "can I email the LAC review to the school?" typed where the answer asked how it goes: a new question,
            # not "email" alone (its school and its review would be lost)
            understood = self.assistant.reader.read(text)  # read once, for both
            new = self._new_question(text, asked, understood)
            value = None if new else self.match_choice(asked, text)
            if value is not None:  # "by email to the school": the school kept too (README trial)
                check.asking = ""
                for name, given in self._also_said(check, text, understood).items():
                    if name != asked.id:
                        self._keep(check, name, given)
                return self._record(check, asked, value)
            said = {} if new else self._also_said(check, text, understood)
            if said:  # "GP" where the answer asked how it goes: kept with what the answer read, then the next step
                return self._changed(check, said)
            check = None
        if check is not None and check.done:
            if normalise(text) in UNSURE:  # "dunno" after the advice: the protocol's words, not a new question
                return check, [Message(Kind.NOTICE, "If you are not sure", (unsure.protocol_words(self.policy),),
                                       options=(_command_option("Back to the last step", Command.BACK),
                                                _command_option("Ring the Safeguarding Hub", Command.HUB)))]
            said = self._also_said(check, text)
            if said:  # "what about the GP?" after the advice: the same question, changed
                return self._changed(check, said)
            check = None  # the check was finished: this is a new question
        if check is not None:
            fact = next_question(self.policy, Facts(**check.facts))
            if fact is not None:
                if normalise(text).isdigit():  # a number typed (Teams): the button at that place
                    options = self._question_options(check, fact)
                    number = int(normalise(text))
                    if not 1 <= number <= len(options):
                        return check, self._out_of_range(len(options), self._next(check))
                    pressed = options[number - 1].data
                    return self._on_button(check, pressed) if pressed is not None else (check, self._next(check))
                understood = self.assistant.reader.read(text)
                harm = understood.harm
                if fact.id in UNSURE_AT and normalise(text) in UNSURE:
                    return self._unsure(check, fact.id)
                if fact.id == "harm" and harm.level in (HarmLevel.YES, HarmLevel.NO):
                    return self._record(check, fact, harm.level is HarmLevel.YES)  # "she said dad hit her"
                if fact.id != "harm" and harm.level is HarmLevel.YES:
                    if check.facts.get("harm") is not False:
                        return self._record(check, self.policy.facts["harm"], True)
                    if not check.rechecked:  # a "No" earlier: ask once more, never escalate silently
                        return check, self._ask_again(check, harm)
                if self._new_question(text, fact, understood):
                    check = None  # "can I fax the assessment to the GP?" asked mid-check: answered on its own
                else:
                    value = self.match_choice(fact, text)
                    if value is None and fact.id in ("kind", "recipient", "channel"):
                        value = understood.facts.get(fact.id)  # "his medical reports": read as a question is
                    if value is None:
                        return check, [Message(Kind.NOTICE, "Sorry, I could not match that to one of the choices.",
                                               ("Pick one of these, or type back, start over or cancel.",))
                                       ] + self._next(check)
                    return self._record(check, fact, value)
        if check is None and self._nonsense(text):
            return check, [self._unknown()]
        reply = self.assistant.answer(text)
        if reply.asks == "harm":  # maybe: the harm card first; the rest of the question is kept
            fresh = _Check(secrets.token_hex(6))
            fresh.facts.update({k: v for k, v in reply.facts.known().items() if k != "harm"})
            return fresh, self._with_lead(self._next(fresh), self.assistant.mentioned(reply.harm))
        if reply.asks and reply.verdict is Verdict.NEED_MORE_INFO and not _by_faq(reply):
            pending = self._prefilled(self._read_facts(reply), asking=reply.asks)  # "2" or "email" answers it
            pending.proposed = self._proposal_of(reply)
            return pending, self._advice(reply, pending)
        return self._answered(reply), self._advice(reply)

    def _read_facts(self, reply: Reply) -> dict[str, ChoiceValue]:
        """What an answer went on, to carry into a guided check: a harm "No", or no sign of harm read in a
        one-shot question, is kept as No, so the check does not ask it again."""
        known: dict[str, ChoiceValue] = {k: v for k, v in reply.facts.known().items() if isinstance(v, (str, bool))}
        if known.get("harm") is not False:
            known.pop("harm", None)
            if reply.verdict is not Verdict.ESCALATE and reply.asks != "harm" and \
                    reply.harm.level in (None, HarmLevel.NO):
                known["harm"] = False
        return known

    def _prefilled(self, facts: Mapping[str, ChoiceValue], asking: str = "", done: bool = False) -> _Check:
        """A check holding these facts, its history in the order the check asks them, so `back` steps back."""
        check = _Check(secrets.token_hex(6), dict(facts), asking=asking, done=done)
        acc: dict[str, Any] = {}
        order: list[str] = []
        while True:
            fact = next_question(self.policy, Facts(**acc))
            if fact is None or fact.id not in facts or fact.id in order:
                break
            acc[fact.id] = facts[fact.id]
            order.append(fact.id)
        rest = [name for name in self.policy.facts if name in facts and name not in order
                and self.policy.facts[name].asked]
        check.history = rest + order  # `back` undoes the step just before the one asked now
        return check

    def _answered(self, reply: Reply) -> _Check | None:
        """After a one-shot answer, a finished check with what it read: `back` reopens its last step."""
        if reply.verdict is Verdict.ESCALATE or _by_faq(reply) or not (
                {"channel", "kind", "recipient"} & set(reply.facts.known())):
            return None
        check = self._prefilled(self._read_facts(reply), done=True)
        check.proposed = self._proposal_of(reply)
        return check

    def _proposal_of(self, reply: Reply) -> str:
        """The rule, where the answer was its No to what the question proposed; "" otherwise."""
        proposed = self.assistant.proposed(reply.rule_id)
        return reply.rule_id if proposed is not None and reply.summary == proposed.summary else ""

    def _new_question(self, text: str, fact: Fact, understood: Understanding | None = None) -> bool:
        """A whole question typed at a step, naming something other than what the step asks: asked as a question,
        or naming two things of its own however typed ("cna i emial teh assesment to the helth visitor"). Read here
        only when it is long enough to be one, where the caller has not read it."""
        if len(text.split()) < 4:
            return False
        if understood is None:
            understood = self.assistant.reader.read(text)
        named = {name for name in ("channel", "kind", "recipient") if understood.facts.get(name)} - {fact.id}
        asked = text.rstrip().endswith("?") or bool(question_form(text))
        return bool(named) and (asked or len(named) >= 2)

    def _nonsense(self, text: str) -> bool:
        """A word or two SafeShare reads nothing in ("foobar", "/foo", "asdf qwerty"): say so, point to help."""
        if len(text.split()) > 3 and not text.startswith("/"):
            return False
        understood = self.assistant.reader.read(text)
        return not understood.anything and understood.harm.level is None and self.assistant.faq_match(text) is None

    def _with_lead(self, messages: list[Message], lead: tuple[str, ...]) -> list[Message]:
        """The question card, with a first line saying why it is asked."""
        if not lead or not messages:
            return messages
        first = messages[0]
        return [replace(first, lines=lead + first.lines)] + messages[1:]

    def _ask_again(self, check: _Check, harm: HarmAssessment) -> list[Message]:
        """A clear sign of harm after a "No": the harm question once more, with what was read."""
        check.rechecked = True
        check.facts.pop("harm", None)
        if "harm" in check.history:
            check.history.remove("harm")
        lead = self.assistant.mentioned(harm, " Is a child at risk of significant harm now?")
        return self._with_lead(self._next(check), lead)

    def _unsure(self, check: _Check, fact_id: str = "harm") -> _Turn:
        """Not sure: never the same question again (dialogs/unsure.py). At the harm question, the protocol's
        words and the question once more without "Not sure" (typed again: the Hub's card, and a way back);
        at the channel, the safer ways; elsewhere the check goes on with the safest reading."""
        check.asking = ""
        if fact_id == "harm":
            if "harm" in check.unsure_at:
                hub = self._hub()
                return check, [replace(hub, options=(self._resume_option(check),) + hub.options)]
            check.unsure_at.append("harm")
            return check, [Message(Kind.NOTICE, "If you are not sure", unsure.harm_lines(self.policy))] + self._next(check)
        if fact_id == "channel" or fact_id not in unsure.READINGS:
            again = fact_id in check.unsure_at
            if not again:
                check.unsure_at.append(fact_id)
            lines = unsure.channel_lines(self.policy, Facts(**check.facts)) if fact_id == "channel" \
                else (unsure.protocol_words(self.policy),)
            if again:
                lines = ("Pick one of the choices, or ask your manager before you send anything.",)
            return check, [Message(Kind.NOTICE, "If you are not sure", lines)] + self._next(check)
        reading = unsure.reading_for(fact_id, check.facts)
        notice = Message(Kind.NOTICE, "If you are not sure", unsure.reading_lines(self.policy, fact_id, check.facts))
        after, messages = self._record(check, self.policy.facts[fact_id], reading.value, guessed=True)
        return after, [notice] + messages

    def _resume_option(self, check: _Check) -> Option:
        return Option("Continue the check", "continue", {MARK: "resume", "check": check.id})

    def _current(self, check: _Check) -> list[Message]:
        """Where the check is: the question asked (a one-shot answer's follow-up too)."""
        if check.asking:
            return self._asked_again(check, self.policy.facts[check.asking])
        return self._next(check)

    def _asked_again(self, check: _Check, fact: Fact) -> list[Message]:
        """A one-shot answer's follow-up as a question of its own, its choices numbered as the answer's were."""
        return [Message(Kind.QUESTION, fact.question, (fact.help,) if fact.help else (),
                        options=self._choices(check, fact), fact=fact, step=check.step, total_known=len(check.facts))]

    @staticmethod
    def _out_of_range(count: int, again: list[Message]) -> list[Message]:
        return [Message(Kind.NOTICE, choose_between(count), ("Here are the same choices again.",))] + again

    # -- actions ----------------------------------------------------------
    def _command(self, check: _Check | None, command: Command, prefill: Mapping[str, Any] | None,
                 changing: Mapping[str, Any] | None = None) -> _Turn:
        if command is Command.HELP:
            return check, [self._help(check)]
        if command is Command.FAQ:
            return check, [self._faq_menu()]
        if command is Command.HUB:
            return check, [self._hub()]
        if command is Command.CHECK_EMAIL:  # a check in progress stays where it was
            return check, [self.email_form()]
        if command is Command.FAX:  # a check in progress stays where it was
            return check, [self.fax_form()]
        if command is Command.FAX_LOG:  # a check in progress stays where it was
            return check, [self.fax_log_form(prefill=prefill)]
        if command is Command.REPORT:  # a check in progress stays where it was
            return check, [self.report_form()]
        if command is Command.REMINDERS:  # a check in progress stays where it was
            return check, [reminders.request_message(reminders.ReminderRequest(reminders.Action.LIST))]
        if command is Command.REMIND_ME:  # typed: the 48 hours are counted from now
            return check, [self._reminder("remind_offer", {}, typed=True)]
        if command is Command.ENCRYPT:  # handled in turn(), which knows the chosen format
            return check, [self.encrypt_prompt(DEFAULT_FORMAT)]
        if command is Command.CANCEL:
            note = "Check stopped. Nothing was kept." if check is not None and check.open else \
                "There is no check in progress, so there is nothing to stop."
            return None, [Message(Kind.NOTICE, note, options=self._start_options())]
        if command is Command.BACK:
            if check is None:
                return None, [Message(Kind.NOTICE, "There is no check in progress.", options=self._start_options())]
            if check.asking:  # a one-shot answer's follow-up: the guided check at that step, with the facts read
                check.asking = ""
                return check, self._next(check)
            if check.was and not check.was.keys() & check.facts.keys():
                # "Change: Email", then back before choosing: the answer changed from, as it was
                restored = self._prefilled({**check.facts, **check.was}, done=True)
                return restored, self._next(restored)
            if not check.history:  # at the first step: said, not the question silently asked again
                check.done = False
                return check, [Message(Kind.NOTICE, FIRST_STEP), *self._next(check)]
            name = check.history.pop()
            check.facts.pop(name, None)
            if name in check.guessed:
                check.guessed.remove(name)
            check.done = False
            return check, self._next(check)
        # check / start over: a fresh check, pre-filled from a one-shot answer or "Change: ..." if given
        chosen_facts = self._chosen(prefill) if command is Command.CHECK else {}
        fresh = self._prefilled(chosen_facts)
        if command is Command.CHECK:  # "Change: Email": back before choosing returns to the answer as it was
            fresh.was = {k: v for k, v in self._chosen(changing).items() if k not in chosen_facts}
        return fresh, self._next(fresh)

    def _chosen(self, given: Mapping[str, Any] | None) -> dict[str, ChoiceValue]:
        """A button's facts that are choices of the policy's facts; a harm "No" is kept, never a yes."""
        chosen_facts: dict[str, ChoiceValue] = {}
        for name, value in (given or {}).items():
            fact = self.policy.facts.get(str(name))
            chosen = self._choice_value(fact, value) if fact else None
            if chosen is not None and (name != "harm" or chosen is False):
                chosen_facts[str(name)] = chosen
        return chosen_facts

    def _record(self, check: _Check, fact: Fact, value: ChoiceValue, guessed: bool = False) -> _Turn:
        self._keep(check, fact.id, value)
        if guessed and fact.id not in check.guessed:
            check.guessed.append(fact.id)
        elif not guessed and fact.id in check.guessed:
            check.guessed.remove(fact.id)
        return self._continue(check)

    @staticmethod
    def _keep(check: _Check, name: str, value: ChoiceValue) -> None:
        check.facts[name] = value
        if name in check.history:
            check.history.remove(name)
        check.history.append(name)

    def _also_said(self, check: _Check, text: str, understood: Understanding | None = None) -> dict[str, ChoiceValue]:
        """What a short reply after an answer changes: "GP" where the answer asked how it goes, or "what about by
        post?" after the advice. A channel or recipient replaces the one read; a kind is only filled in, so "the
        health visitor" (health read as sensitive) never lowers a child-protection plan. Not for a question of its
        own, a common question's words ("whatsapp"), a sign of harm, or more than twelve words: those are answered as new
        questions. "it's going to a social worker at another council", after an answer that asked who it is for, is the
        same question's recipient (README trial). `understood`: the reply as read already, where it was read whole."""
        if not check.asking:
            text, understood = _FOLLOW_ON.sub("", text.strip()), None  # the words after "what about" are read
            if len(text.split()) > 12:
                return {}
        if not text or text.endswith("?") or question_form(text) or self.assistant.faq_match(text) is not None:
            return {}
        if understood is None:
            understood = self.assistant.reader.read(text)
        if understood.harm.level is not None:
            return {}
        said: dict[str, ChoiceValue] = {name: value for name in ("kind", "recipient", "channel")
                                        if isinstance(value := understood.facts.get(name), str)}
        # a yes or no the check asks, told in reply: "it is urgent" after a fax was refused is the same fax, urgent
        said.update({name: value for name in _TOLD_IN_REPLY if isinstance(value := understood.facts.get(name), bool)})
        if "kind" in check.facts:
            if not check.asking and len(text.split()) > 6 and said.get("kind") not in (None, check.facts["kind"]):
                return {}  # a longer statement about other information ("I also need to send dad's mental health
                # report"): a question of its own
            said.pop("kind", None)
        return said if any(check.facts.get(name) != value for name, value in said.items()) else {}

    def _changed(self, check: _Check, said: Mapping[str, ChoiceValue]) -> _Turn:
        check.asking = ""
        for name, given in said.items():
            self._keep(check, name, given)
        after, messages = self._continue(check)
        if messages and messages[0].kind is Kind.QUESTION:  # the advice card says what it went on
            noted = " · ".join(label for name, label in self.assistant.recap(Facts(**check.facts)) if name in said)
            return after, self._with_lead(messages, (f"Noted: {noted}.",))
        return after, messages

    def _continue(self, check: _Check) -> _Turn:
        messages = self._next(check)
        check.done = bool(messages) and messages[-1].kind is Kind.ADVICE  # finished: `back` reopens the last step
        return check, messages

    def _next(self, check: _Check) -> list[Message]:
        advice = advise(self.policy, Facts(**check.facts), ask_optional=True)
        if advice.question is None:  # the advice, saying what it understood ("Email · Mental health · A GP")
            reply = Reply.from_advice(advice, understood=self._recap(check, advice.facts))
            proposed = self.assistant.proposed(advice.rule_id) if advice.rule_id == check.proposed else None
            if proposed is not None:  # "initials in the subject?" was a No: naming who it is for keeps it a No
                reply = replace(reply, verdict=proposed.verdict, summary=proposed.summary)
            return self._advice(reply)
        fact = advice.question
        return [Message(Kind.QUESTION, fact.question, (fact.help,) if fact.help else (),
                        options=self._question_options(check, fact), fact=fact, step=check.step,
                        total_known=len(check.facts))]

    def _question_options(self, check: _Check, fact: Fact) -> tuple[Option, ...]:
        """A step's buttons: its choices, "Not sure" (until chosen once), Back, Start over."""
        options = self._choices(check, fact)
        if fact.id in unsure.BUTTON_AT and fact.id not in check.unsure_at:
            options += (Option("Not sure", "not sure", {MARK: "unsure", "check": check.id, "fact": fact.id}),)
        if check.history:
            options += (_command_option("Back", Command.BACK),)
        if not (check.history or check.facts):
            return options  # the first question of a fresh check: nothing yet to start over from
        return options + (_command_option("Start over", Command.START_OVER),)

    def _recap(self, check: _Check, facts: Facts) -> tuple[tuple[str, str], ...]:
        """What the check went on: channel, kind and recipient, then the urgent and identifier answers
        it used; a fact read from "Not sure" says so."""
        recap = list(self.assistant.recap(facts))
        for name, labels in unsure.RECAP_LABELS.items():
            value = facts.get(name)
            if isinstance(value, bool) and name in check.history:
                recap.append((name, labels[value]))
        return tuple((name, unsure.reading_for(name, check.facts).recap if name in check.guessed and name in unsure.READINGS
                      else label) for name, label in recap)

    def _choices(self, check: _Check, fact: Fact) -> tuple[Option, ...]:
        """A button per choice that fits what was said: not a recipient already named by the channel (after
        "Secure email", not "A secure email address"), nor an email address after a way that is not email
        (after "The school portal", not a webmail, generic or secure address)."""
        said: set[str] = set()
        other = {"recipient": ("channel", self.policy.channels),
                 "channel": ("recipient", self.policy.recipients)}.get(fact.id)
        if other is not None:
            name, terms = other
            value = check.facts.get(name)
            if isinstance(value, str) and value in terms:
                said.update(normalise(w) for w in terms[value].words)
        channel = check.facts.get("channel")

        def fits(choice: Any) -> bool:
            if said.intersection(normalise(w) for w in choice.words):
                return False
            if fact.id == "recipient" and isinstance(channel, str) and channel not in EMAIL_ROUTES:
                term = self.policy.recipients.get(str(choice.value))
                return term is None or term.channel not in EMAIL_ROUTES
            return True

        return tuple(Option(c.label, _value_text(c.value),
                            {MARK: "answer", "check": check.id, "step": check.step, "fact": fact.id,
                             "value": _value_text(c.value)})
                     for c in fact.choices if fits(c))

    def _answer(self, text: str) -> list[Message]:
        return self._advice(self.assistant.answer(text))

    def _advice(self, reply: Reply, pending: _Check | None = None) -> list[Message]:
        """The answer card. With a pending check, the follow-up's choices are its first buttons, in the
        order the answer numbers them, so "2" typed or pressed answers it."""
        options = self._after_advice(reply)
        fact = None
        if pending is not None:
            fact = self.policy.facts[pending.asking]
            choices = self._choices(pending, fact)
            options = choices + options
            reply = replace(reply, options=tuple(Option(o.title, o.value) for o in choices))  # text == buttons
        return [Message(Kind.ADVICE, reply.summary, reply=reply, options=options, changes=self._changes(reply),
                        fact=fact)]

    def _changes(self, reply: Reply) -> tuple[Option, ...]:
        """For each part of the recap, a guided check that keeps the rest (harm too) and asks that part again."""
        if reply.verdict is Verdict.ESCALATE:
            return ()
        known = {k: _value_text(v) for k, v in self._read_facts(reply).items()}
        return tuple(_command_option(f"Change: {label}", Command.CHECK,
                                     prefill={k: v for k, v in known.items() if k != name},
                                     change={name: known[name]} if name in known else {})
                     for name, label in reply.understood if self._matters(reply, name))

    def _matters(self, reply: Reply, name: str) -> bool:
        """Whether another value of this part of the recap could change the answer: changing the recipient
        of a mental-health fax could not (no recipient may have one), so it is not offered."""
        fact = self.policy.facts.get(name)
        if fact is None or not reply.rule_id:
            return True
        facts = reply.facts.with_(harm=False)
        for choice in fact.choices:
            if outcome(self.policy, facts, {name: choice.value}) != (reply.rule_id, reply.verdict):
                return True
        return False

    def _after_advice(self, reply: Reply) -> tuple[Option, ...]:
        options = list(reply.quick_replies)
        if reply.verdict is Verdict.NEED_MORE_INFO and not _by_faq(reply):
            if reply.asks:
                known = {k: _value_text(v) for k, v in self._read_facts(reply).items()}
                options.append(_command_option("Continue as a guided check", Command.CHECK, prefill=known))
            else:  # the protocol has no rule for this: the manager or the Hub, never a loop
                options.append(_command_option("Ring the Safeguarding Hub", Command.HUB))
        if offers_package(self.policy, reply.facts, reply.verdict):  # rules.yaml package_offer
            options.append(_command_option("Make an encrypted package", Command.ENCRYPT))
        if reply.faq_id == _COVER_SHEET_FAQ and reply.verdict is not Verdict.NOT_ALLOWED:
            # "what has to go on a fax cover sheet?": the fax walkthrough makes one, checking first that it may go
            options.append(_command_option("Make a fax cover sheet", Command.FAX))
        if reply.verdict is Verdict.ESCALATE:
            hub = self._hub().reply
            if hub is None or not set(hub.checklist) <= set(reply.checklist):
                # not when this card already holds the Hub's: the button would show it again
                options.append(_command_option("What to have ready for the call", Command.HUB))
            options.append(reminders.remind_option(self.clock()))
        if "type report" in (reply.follow_up or "").lower() or reply.faq_id in _SLIP_FAQS:
            # a slip told, or asked about: the report the answer points to, a click away as well as typed
            options.append(_command_option("Report a breach or near miss", Command.REPORT))
        if _by_faq(reply):  # a common question answered: the others on its topic, a click away
            topic = self._topic_of(reply.faq_id)
            if topic is not None:
                options.append(_command_option(f"More: {topic.title}", Command.FAQ, topic=topic.id))
        if not options:
            options = [_command_option("Start a guided check", Command.CHECK), _command_option("Common questions", Command.FAQ)]
        if recordable(reply):
            options.append(Option("Record this decision", "record", {MARK: "record", **record_data(reply)}))
        return tuple(options)

    def _decision_record(self, data: Mapping[str, Any]) -> Message:
        record = decision_record(self.assistant, data.get("facts"), data.get("rule"), self.clock())
        if record is None:
            return Message(Kind.NOTICE, "There is no decision to record yet.",
                           ("Answer the question SafeShare asked, then record the decision.",),
                           options=self._start_options())
        return Message(Kind.RECORD, "Decision record",
                       record.lines() + ("Copy this into the case file. SafeShare keeps no copy.",))

    def email_form(self, note: str = "") -> Message:
        lines = ((note,) if note else ()) + (
            "Paste the draft: its recipients, subject, text and the names of its attachments. SafeShare checks it "
            "against the protocol and keeps none of it.",)
        return Message(Kind.EMAIL_FORM, "Check an email before you send it", lines, inputs=DRAFT_FORM,
                       options=(Option("Check this email", "check email", {MARK: "email_check"}),))

    def _email_checked(self, data: Mapping[str, Any]) -> list[Message]:
        result = check_fields(self.email_checker, data)
        if result is None:
            return [self.email_form("Add at least one recipient (To, Cc or Bcc).")]
        options: tuple[Option, ...] = ()
        if result.offer_package:
            options += (_command_option("Make an encrypted package", Command.ENCRYPT),)
        options += (_command_option("Check another email", Command.CHECK_EMAIL),)
        reply = result.to_reply(self.policy)
        return [Message(Kind.ADVICE, reply.summary, reply=reply, options=options)]

    def fax_form(self, note: str = "") -> Message:
        from .fax import fax_form

        lines = ((note,) if note else ()) + (
            "SafeShare asks the protocol whether this fax may be sent, then gives the cover sheet's words: "
            "CONFIDENTIAL, your details, the recipient, the pages and the protocol's message. It keeps none of it.",)
        return Message(Kind.FAX_FORM, "Make a fax cover sheet", lines, inputs=fax_form(self.policy),
                       options=(Option("Make the cover sheet", "fax", {MARK: "fax_cover"}),))

    def _fax_cover(self, data: Mapping[str, Any], personal: bool = True) -> list[Message]:
        """The sheet's words; in a personal chat also the sheet itself, for the host to send as a PDF.

        Not in a group chat or channel: everyone there would get a copy of the PDF, with the
        recipient's details (the rule packages follow), so the card says why and where to get it.
        """
        from .fax import FaxError, decide, request_from_fields

        try:
            request = request_from_fields(self.policy, data)
        except FaxError as error:
            return [self.fax_form(str(error))]
        decision = decide(self.policy, self.fax_data, request)
        sheet = decision.sheet
        if sheet is None:  # not allowed: the advisor's reason, safer ways and sections
            reply = decision.refusal()
            return [Message(Kind.ADVICE, reply.summary, reply=reply,
                            options=(_command_option("Make another cover sheet", Command.FAX),))]
        delivery = FAX_PDF_FOLLOWS if personal else FAX_PDF_PERSONAL_ONLY
        lines = sheet.lines() + ("", f"{sheet.checklist_title}, before you send:",
                                 *(f"{n}. {item}" for n, item in enumerate(sheet.checklist, 1)), *delivery)
        log = _command_option("Record it in the fax log", Command.FAX_LOG, prefill={
            "to_name": request.to_name, "to_org": request.to_org, "to_number": request.to_number,
            "from_name": request.from_name, "pages": str(request.pages + 1)})  # the sheet counts too
        return [Message(Kind.FAX_COVER, "Fax cover sheet", lines, cover=sheet if personal else None,
                        options=(log, _command_option("Make another cover sheet", Command.FAX)))]

    def fax_log_form(self, note: str = "", prefill: Mapping[str, Any] | None = None) -> Message:
        """The fax log card (Faxes 10): who it went to, the number, who sent it, the pages; never its content."""
        from .fax import fax_log_form

        lines = ((note,) if note else ()) + (
            "The protocol asks for every confidential fax to be logged: the numbers, sender, receiver and "
            "date (Faxes 10). SafeShare keeps these in the team's fax log, never anything of the fax itself.",)
        return Message(Kind.FAX_LOG_FORM, "Record a fax in the fax log", lines, inputs=fax_log_form(prefill),
                       options=(Option("Record it", "fax_log", {MARK: "fax_log"}),))

    def _fax_logged(self, data: Mapping[str, Any]) -> list[Message]:
        from .fax import FaxError, fax_record_from_fields

        try:
            record = fax_record_from_fields(data)
        except FaxError as error:
            kept = {name: value for name, value in data.items() if name != error.box}  # all but the bad box
            return [self.fax_log_form(str(error), kept)]
        lines: tuple[str, ...] = () if record.receipt_confirmed else (
            "Check the right person received it (Faxes 6): ring them if they have not said so.",)
        if not record.transmission_record:
            lines += ("Keep the printed record of transmission (Faxes 9).",)
        return [Message(Kind.FAX_LOGGED, "Fax to be logged", lines, fax_record=record,
                        options=(_command_option("Record another fax", Command.FAX_LOG),))]

    def report_form(self, note: str = "", given: Mapping[str, Any] | None = None) -> Message:
        from .near_miss import report_form

        lines = ((note,) if note else ()) + (
            "Something went wrong, or nearly did? Pick what happened: SafeShare tells you who to tell now and "
            "records the report for the council's monitoring of breaches and near misses. It records only "
            "your choices and the date: no names, no details.",)
        return Message(Kind.REPORT_FORM, "Report a breach or near miss", lines,
                       inputs=report_form(self.near_miss, self.clock().date(), given),
                       options=(Option("Send the report", "report", {MARK: "report"}),))

    def _reported(self, data: Mapping[str, Any]) -> list[Message]:
        from .near_miss import ReportError, advise_report, report_from_fields

        try:
            report = report_from_fields(self.near_miss, data, self.clock().date())
        except ReportError as error:
            return [self.report_form(str(error), data)]  # the choices made stay made
        advice = advise_report(self.policy, self.near_miss, report)
        options = (_command_option("Ring the Safeguarding Hub", Command.HUB),) if advice.hub_first else ()
        return [Message(Kind.REPORT, advice.title, advice.lines, report=report,
                        options=options + (_command_option("Report another", Command.REPORT),))]

    def encrypt_prompt(self, fmt: str) -> Message:
        other = "zip" if fmt == "7z" else "7z"
        lines = (
            "Attach the document (or several) to a message here with the paperclip and send it. "
            "I will send back an AES-256 encrypted package with a name that identifies no one, and a new "
            "password that only you see, to give the recipient by phone.",
            f"Format: {FORMAT_LABELS[fmt]}.",
            f"Up to {self.package_limit_mb} MB together. The documents are deleted as soon as the package is made.",
            "In the terminal chat (safeshare chat), type encrypt followed by the files' paths instead.",
        )
        return Message(Kind.NOTICE, "Make an encrypted package", lines,
                       options=(_command_option(f"Use {FORMAT_LABELS[other]}", Command.ENCRYPT, format=other),
                                _ask_option("How do I encrypt a document?")))

    def no_files(self) -> Message:
        """A chat that cannot carry a file to SafeShare: where packages are made instead."""
        return Message(Kind.NOTICE, "Files cannot be sent in this chat.", (
            "Make encrypted packages in your personal chat with SafeShare in Teams, or on your computer with "
            "safeshare encrypt followed by the files' paths.",), options=(_ask_option("How do I encrypt a document?"),))

    def personal_only(self) -> Message:
        """Why no package here: everyone in a channel or group chat would see its details and password."""
        return Message(Kind.NOTICE, "Encrypted packages are made only in your personal chat with SafeShare.", (
            "Everyone in this chat would see the package and its password. Open your own chat with SafeShare "
            "(Chat, then SafeShare, or Apps, then SafeShare) and send encrypt there.",
            "Nothing was downloaded or kept from this chat.",))

    def packaged(self, package: Package) -> list[Message]:
        """The two messages that go with a package: ready (with the file), then the password."""
        from .packaging import describe  # imports the packager only when a package is made

        text = describe(self.policy, package)
        return [Message(Kind.PACKAGE, text.ready_title, text.ready_lines),
                Message(Kind.PASSWORD, text.password_title, text.password_lines())]

    def _help(self, check: _Check | None = None) -> Message:
        lines = tuple(f"{c.value}: {d}" for c, d in COMMAND_LIST) + (
            "Or type a question in your own words. In a check, type back or start over at any step.",)
        options = self._start_options()
        if check is not None and check.open:  # the answers so far are kept: carry on first, or start anew
            options = (self._resume_option(check), _command_option("Start a new check", Command.START_OVER)) + \
                options[1:]
        return Message(Kind.HELP, "What SafeShare can do", lines, options=options)

    def _faq_menu(self, topic: object = None) -> Message:
        """The common questions: by topic where faq.yaml has topics (a topic's questions, then the others)."""
        topics = self.policy.faq_topics
        chosen = next((t for t in topics if t.id == topic), None)
        if chosen is not None:
            options = tuple(_ask_option(self.policy.faq[i].question) for i in chosen.faqs)
            return Message(Kind.FAQ_MENU, chosen.title, ("Pick a question, or type your own.",),
                           options=options + (_command_option("Other topics", Command.FAQ),), topic=chosen.id)
        if topics:
            lines = ("Pick a topic, or type your question in your own words.",)
            if topic is not None:  # a button from a menu since changed: the topics as they are now
                lines = ("That topic is no longer in the menu. Pick one of these, or type your question.",)
            return Message(Kind.FAQ_MENU, "Common questions", lines,
                           options=tuple(_command_option(t.title, Command.FAQ, topic=t.id) for t in topics), topic="")
        options = tuple(_ask_option(f.question) for f in self.policy.faq.values())
        return Message(Kind.FAQ_MENU, "Common questions", ("Pick a question, or type your own.",), options=options)

    def _hub(self) -> Message:
        reply = Reply.from_advice(advise(self.policy, Facts(harm=True)))
        return Message(Kind.ADVICE, reply.summary, reply=reply, options=(reminders.remind_option(self.clock()),))

    def _reminder(self, action: str, data: Mapping[str, Any], typed: bool = False) -> Message:
        """A reminder button or phrase: the offer of times, or a request for the host to do with its store."""
        now = self.clock()
        try:
            if action == "remind_offer":
                since = now if typed else reminders.read_since(data.get("since"), now)
                return reminders.offer_message(since, now)
            if action == "remind":
                request = reminders.set_request(None if typed else data, data.get("when"), now)
                return reminders.request_message(request)
        except reminders.ReminderProblem as problem:
            return reminders.problem_message(problem)
        reminder_id = data.get("id")
        if not isinstance(reminder_id, str) or not reminder_id.isalnum() or len(reminder_id) > 64:
            return reminders.cancel_outcome_message("unknown", None)
        return reminders.request_message(reminders.ReminderRequest(reminders.Action.CANCEL, id=reminder_id))

    def _stale(self, check: _Check | None) -> Message:
        lines = ("That button belongs to a check that has finished or was stopped, so it was ignored.",)
        options: tuple[Option, ...] = (_command_option("Start a new check", Command.START_OVER),)
        if check is not None:
            options += (_command_option("Back to my current check", Command.BACK),)
        return Message(Kind.NOTICE, "That card is out of date.", lines, options=options)

    def _unknown(self) -> Message:
        return Message(Kind.NOTICE, "Sorry, I did not understand that.",
                       ("Type a question in your own words, or one of: help, check, check email, fax, report, reminders, faq, hub, "
                        "encrypt, cancel.",),
                       options=self._start_options())

    def _start_options(self) -> tuple[Option, ...]:
        return (_command_option("Start a guided check", Command.CHECK), _command_option("Common questions", Command.FAQ),
                _command_option("Ring the Safeguarding Hub", Command.HUB))

    # -- choice matching --------------------------------------------------
    def _choice_value(self, fact: Fact | None, raw: object) -> ChoiceValue | None:
        if fact is None:
            return None
        for choice in fact.choices:
            if raw == choice.value or (isinstance(raw, str) and raw == _value_text(choice.value)):
                return choice.value
        return None

    def match_choice(self, fact: Fact, text: str) -> ChoiceValue | None:
        """The choice a typed answer means ("emial" → email), or None.

        A number picks the choice at that position. The threshold is high,
        and an answer that fits two choices equally well matches neither:
        asking again beats recording the wrong fact.
        """
        words = normalise(text)
        if words.isdigit() and 1 <= int(words) <= len(fact.choices):
            return fact.choices[int(words) - 1].value
        corrected = " ".join(self.assistant.reader.speller.tokens(text))
        phrases = self._phrases.get(fact.id)
        if phrases is None:
            phrases = self._phrases[fact.id] = {}
            for choice in fact.choices:
                for phrase in (choice.label, _value_text(choice.value), *choice.words):
                    phrases.setdefault(normalise(phrase), choice.value)
        if corrected in phrases:
            return phrases[corrected]
        first = corrected.split()[0] if corrected else ""
        if first in YES_NO and fact.id != "harm":  # "no idea" about harm is not a no
            for choice in fact.choices:  # "no, they need the names": the answer is its first word
                if isinstance(choice.value, bool) and first in choice.words:
                    return choice.value
        typed = set(corrected.split())
        # "personal" is not "no personal": a phrase that negates is a candidate only if the answer negates too
        candidates = [p for p in phrases if not (NEGATIONS.intersection(p.split()) - typed)]
        scored = process.extract(corrected, candidates, scorer=fuzz.WRatio, score_cutoff=86, limit=None)
        if not scored:
            return None
        top = scored[0][1]
        values = {_value_text(phrases[p]) for p, score, _ in scored if score == top}
        if len(values) > 1:  # "personal" fits "no personal" and "personal information": ask again
            return None
        return phrases[scored[0][0]]


# "what about", "and by" before a reply that changes one thing in the question just answered: "what about the GP?"
# The yes-or-no facts the guided check asks that a short reply after an answer may tell (facts.yaml)
_TOLD_IN_REPLY = ("urgent", "other_identifier", "agreement", "encrypted")
_FOLLOW_ON = re.compile(r"^(?:(?:and|or|so)\s+)?(?:(?:what|how)\s+about|what\s+if\s+(?:i|it|we)\s+(?:use|send|went|go|used)"
                        r"|and|or|instead)\b[\s,]*|[\s?.!]+$", re.IGNORECASE)
YES_NO = frozenset({"yes", "yeah", "yep", "y", "no", "nope", "nah", "n"})
NEGATIONS = frozenset({"no", "not", "non", "without", "never", "none"})
UNSURE_AT = frozenset({"harm", "kind", "recipient", "channel", "urgent", "other_identifier"})  # typed "not sure" read
UNSURE = unsure.UNSURE  # never a yes or a no: see dialogs/unsure.py
EMAIL_ROUTES = frozenset({"email", "secure_email", "webmail"})  # the ways an email address can receive it


def _value_text(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def choose_between(count: int) -> str:
    """What to type when a number is out of range: "Please choose 1 to 4.", or with one choice "Please type 1, or
    back." (not "Please choose 1 to 1.")."""
    return "Please type 1, or back." if count == 1 else f"Please choose 1 to {count}."


def match_command(text: str) -> Command | None:
    """A command typed on its own ("help", "start over", "/faq"), or None."""
    words = normalise(text.lstrip("/"))
    if words in COMMAND_WORDS:
        return COMMAND_WORDS[words]
    if len(words.split()) <= 2:
        best = process.extractOne(words, list(COMMAND_WORDS), scorer=fuzz.ratio, score_cutoff=88)
        if best:
            return COMMAND_WORDS[best[0]]
        swapped = swapped_from(words, COMMAND_WORDS)  # "chekc", "hlep"
        if swapped is not None:
            return COMMAND_WORDS[swapped]
    return None


def swapped_from(typed: str, words: Iterable[str]) -> str | None:
    """The one-word entry of `words` (four letters or more) that `typed` is with two neighbouring letters swapped
    ("chekc" for "check", "exti" for "exit"), or None: ratio scores a swap as two edits; the same letters one edit
    apart in OSA, which counts a swap as one, is a swap."""
    return next((w for w in words if len(w) >= 4 and " " not in w
                 and sorted(typed) == sorted(w) and OSA.distance(typed, w) == 1), None)


def _by_faq(reply: Reply) -> bool:
    """A common question's own answer, not the rules' answer with a common question's text beneath it ("what
    about by text instead?": the rules ask what kind of information it is, the texting FAQ below): the rules' next
    question is answered by its buttons, as any other."""
    return bool(reply.faq_id) and reply.rule_id == f"faq:{reply.faq_id}"
