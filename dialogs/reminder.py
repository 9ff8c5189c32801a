"""The Hub follow-up reminder: when to remind, and what each reminder message says.

The protocol (Information Sharing): ring the Safeguarding Hub, and "You will
be asked to follow up your call in writing within 48 hours." After an
escalation SafeShare offers to remind the practitioner before those 48 hours
are up. Everything here is pure: the host (bot/reminders.py) keeps the
reminder and sends it when it is due; this module decides the times and the
words. A reminder is only ids and times: nothing of the question or the child.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from knowledge.model import HUB_PHONE, Policy

from .reply import Option
from .text import normalise

if TYPE_CHECKING:
    from .conversation import Message

FOLLOW_UP = dt.timedelta(hours=48)  # the protocol's "within 48 hours" of the call
FOLLOW_UP_SECTION = "safeguarding.followup"
MAX_PENDING = 10  # reminders waiting per person: more is a mistake (or a stuck button), not a need
SKEW = dt.timedelta(minutes=5)  # a button's time may be a little ahead of ours (another instance's clock)
MARK = "safeshare"  # as dialogs.conversation.MARK (imported there from here would be circular)


def _london() -> dt.tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/London")
    except Exception:  # noqa: BLE001 - zoneinfo raises several kinds when tzdata is missing
        return dt.timezone.utc


LONDON = _london()


class When(StrEnum):
    """The times offered. None is after the deadline; the latest leaves half a working day before it."""

    SOON = "4h"
    MORNING = "9am"
    DAY = "24h"
    BEFORE_DEADLINE = "44h"


CHOICES: tuple[tuple[When, str], ...] = (
    (When.SOON, "In 4 hours"),
    (When.MORNING, "Tomorrow at 9am"),
    (When.DAY, "In 24 hours"),
    (When.BEFORE_DEADLINE, "4 hours before the deadline"),
)
_TYPED = {normalise(f"remind me {label}"): when for when, label in CHOICES}


class Action(StrEnum):
    SET = "set"
    LIST = "list"
    CANCEL = "cancel"


class State(StrEnum):
    PENDING = "pending"
    SENDING = "sending"  # claimed by one instance, being sent: nobody else sends it
    SENT = "sent"
    CANCELLED = "cancelled"
    FAILED = "failed"  # the connector could not take it, several times


@dataclass(frozen=True, slots=True)
class ReminderRequest:
    """What the conversation asks the host to do with the reminder store."""

    action: Action
    since: dt.datetime | None = None  # SET: when SafeShare said to ring the Hub (the 48 hours start here)
    due: dt.datetime | None = None  # SET: when to remind
    id: str = ""  # CANCEL: which reminder

    @property
    def deadline(self) -> dt.datetime | None:
        return self.since + FOLLOW_UP if self.since is not None else None


@dataclass(frozen=True, slots=True)
class ReminderView:
    """A reminder as the conversation shows it: its id, times and state, nothing else."""

    id: str
    due: dt.datetime
    deadline: dt.datetime
    state: State


def when_text(moment: dt.datetime) -> str:
    """ "Tuesday 10 March at 09:00", in the council's time zone."""
    local = moment.astimezone(LONDON)
    return f"{local:%A} {local.day} {local:%B} at {local:%H:%M}"


def stamp(moment: dt.datetime) -> str:
    """A time as a button carries it (UTC, ISO 8601, to the second)."""
    return moment.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat()


class ReminderProblem(ValueError):
    """A reminder button or phrase that cannot be honoured; the message says why and what to do."""


def read_since(raw: Any, now: dt.datetime) -> dt.datetime:
    """The escalation time a button carries, checked: a button's data comes from the client, not from us."""
    try:
        since = dt.datetime.fromisoformat(raw) if isinstance(raw, str) and len(raw) <= 40 else None
    except ValueError:
        since = None
    if since is None or since.tzinfo is None or since > now + SKEW:
        raise ReminderProblem("That reminder button is not one SafeShare made. Type remind me to set a reminder.")
    if since + FOLLOW_UP <= now:
        raise ReminderProblem(f"The 48 hours for the written follow-up ended on {when_text(since + FOLLOW_UP)}. "
                              f"If you have not sent it, send it now, and ring the Safeguarding Hub on "
                              f"{HUB_PHONE} or speak to your manager.")
    return since


def due_for(when: When, since: dt.datetime, now: dt.datetime) -> dt.datetime:
    """When to remind: a choice counted from now (the deadline from the escalation), never after the deadline."""
    deadline = since + FOLLOW_UP
    if when is When.SOON:
        due = now + dt.timedelta(hours=4)
    elif when is When.DAY:
        due = now + dt.timedelta(hours=24)
    elif when is When.BEFORE_DEADLINE:
        due = deadline - dt.timedelta(hours=4)
    else:
        local = now.astimezone(LONDON)
        due = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(9), tzinfo=LONDON)
    if due >= deadline:
        raise ReminderProblem(f"That would be after the deadline for the written follow-up ({when_text(deadline)}). "
                              "Choose an earlier time, or send it now.")
    if due <= now:
        raise ReminderProblem(f"That time has passed. The written follow-up is due by {when_text(deadline)}: "
                              "choose another time, or send it now.")
    return due.astimezone(dt.timezone.utc)


def typed_choice(text: str) -> When | None:
    """ "remind me in 24 hours" typed (or sent by a quick reply), or None."""
    return _TYPED.get(normalise(text))


def set_request(data: Mapping[str, Any] | None, when_raw: Any, now: dt.datetime) -> ReminderRequest:
    """A SET request from a button's data (or a typed choice, counted from now); ReminderProblem if not."""
    since = read_since(data.get("since"), now) if data is not None else now
    try:
        when = When(str(when_raw))
    except ValueError:
        raise ReminderProblem("Choose one of the times offered.") from None
    return ReminderRequest(Action.SET, since=since, due=due_for(when, since, now))


def offer_options(since: dt.datetime, now: dt.datetime) -> tuple[Option, ...]:
    """A button per time still before the deadline, then "My reminders"."""
    options = []
    for when, label in CHOICES:
        try:
            due_for(when, since, now)
        except ReminderProblem:
            continue
        options.append(Option(label, f"remind me {label.lower()}",
                              {MARK: "remind", "since": stamp(since), "when": when.value}))
    return tuple(options)


def offer_lines(since: dt.datetime) -> tuple[str, ...]:
    return (f"The protocol asks you to follow up your call to the Safeguarding Hub in writing within 48 hours of "
            f"the call. If you rang when SafeShare said to, that is by {when_text(since + FOLLOW_UP)} (UK time).",
            "In Teams, SafeShare sends the reminder in this chat. It keeps only the time and this chat's address: "
            "nothing about the child or your question.")


def remind_option(since: dt.datetime) -> Option:
    """The button an escalation answer carries."""
    return Option("Remind me to send the written follow-up", "remind me", {MARK: "remind_offer", "since": stamp(since)})


def cancel_option(view: ReminderView) -> Option:
    local = view.due.astimezone(LONDON)
    return Option(f"Cancel the reminder for {local:%a} {local:%H:%M}", "reminders",
                  {MARK: "remind_cancel", "id": view.id})


def follow_up_source(policy: Policy) -> str:
    section = policy.sections[FOLLOW_UP_SECTION]
    return f"From the Information Sharing Protocol: {section.title}: \u201c{section.text}\u201d"


def due_lines(policy: Policy, view: ReminderView, now: dt.datetime) -> tuple[str, tuple[str, ...]]:
    """The proactive message: title and lines. Late (past the deadline): ring the Hub or the manager now."""
    since = view.deadline - FOLLOW_UP
    if now > view.deadline:
        return ("Late reminder: the 48 hours for your written follow-up to the Safeguarding Hub have passed", (
            f"SafeShare could not send this reminder on time: it was due on {when_text(view.due)}, and the written "
            f"follow-up was due by {when_text(view.deadline)}.",
            f"If you have not sent it, ring the Safeguarding Hub on {HUB_PHONE} or speak to your manager now, "
            "and send the written follow-up straight away.",
            follow_up_source(policy)))
    lines = [f"SafeShare told you to ring the Safeguarding Hub on {when_text(since)}. Follow up your call in writing "
             f"by {when_text(view.deadline)}."]
    if now - view.due > dt.timedelta(minutes=30):
        lines.append(f"This reminder is late: it was due on {when_text(view.due)}, when SafeShare could not send it.")
    lines += [f"If you have not rung the Hub yet, ring it now on {HUB_PHONE}.", follow_up_source(policy)]
    return "Reminder: send your written follow-up to the Safeguarding Hub", tuple(lines)


# -- the messages the host sends once it has worked on the store ---------------
# (Message and Kind live in dialogs.conversation, which imports this module: imported when called.)

def _message(title: str, lines: tuple[str, ...], options: tuple[Option, ...] = (),
             request: ReminderRequest | None = None) -> Message:
    from .conversation import Kind, Message

    return Message(Kind.REMINDER, title, lines, options=options, reminder=request)


def _onward() -> tuple[Option, ...]:
    """Where to go from a list with nothing in it: no dead end."""
    return (Option("Start a check", "check", {MARK: "command", "command": "check"}),
            Option("Help", "help", {MARK: "command", "command": "help"}))


def _mine() -> Option:
    return Option("My reminders", "reminders", {MARK: "command", "command": "reminders"})


def request_message(request: ReminderRequest) -> Message:
    """What the conversation returns for the host to work on; its own words are for a host with no store."""
    if request.action is Action.SET and request.deadline is not None:
        return _message("SafeShare cannot keep reminders here.",
                        (f"Put it in your calendar: the written follow-up to the Safeguarding Hub is due by "
                         f"{when_text(request.deadline)}.",), request=request)
    return _message("SafeShare cannot keep reminders here.", (), request=request)


def offer_message(since: dt.datetime, now: dt.datetime) -> Message:
    options = offer_options(since, now)
    if not options:  # the deadline is under 4 hours away: no reminder could come in time to help
        return _message("The written follow-up is due very soon.",
                        (f"It is due by {when_text(since + FOLLOW_UP)}: send it now.",), (_mine(),))
    return _message("When should SafeShare remind you to send the written follow-up?", offer_lines(since),
                    options + (_mine(),))


def problem_message(problem: ReminderProblem) -> Message:
    return _message("No reminder was set.", (str(problem),), (_mine(),))


def set_message(view: ReminderView, delivers: bool = True) -> Message:
    if delivers:
        lines = [f"SafeShare will remind you here on {when_text(view.due)} to send the written follow-up to the "
                 f"Safeguarding Hub, which is due by {when_text(view.deadline)}.",
                 "The reminder keeps only the time and this chat's address: nothing about the child or your question."]
    else:  # the terminal chat: listed and cancellable while it runs, never sent
        lines = [f"The written follow-up to the Safeguarding Hub is due by {when_text(view.deadline)}.",
                 "This terminal chat cannot send you a message later (SafeShare sends reminders in Teams): put the "
                 "deadline in your calendar."]
    title = f"Reminder set for {when_text(view.due)}." if delivers else f"Noted for {when_text(view.due)}."
    return _message(title, tuple(lines), (cancel_option(view), _mine()))


def list_message(views: list[ReminderView]) -> Message:
    waiting = sorted((v for v in views if v.state is State.PENDING), key=lambda v: v.due)
    if not waiting:
        return _message("You have no reminders waiting.", (
            "After SafeShare tells you to ring the Safeguarding Hub, it offers to remind you to send the written "
            "follow-up within 48 hours.",), _onward())
    lines = tuple(f"{n}. {when_text(v.due)} (the written follow-up is due by {when_text(v.deadline)})"
                  for n, v in enumerate(waiting, 1))
    return _message("Your reminders", lines + ("Cancel one with its button.",),
                    tuple(cancel_option(v) for v in waiting[:5]))


def too_many_message() -> Message:
    return _message("No reminder was set.", (f"You already have {MAX_PENDING} reminders waiting. Cancel one you "
                                              "no longer need, then choose a time again.",), (_mine(),))


def cancel_outcome_message(outcome: str, view: ReminderView | None) -> Message:
    """outcome: cancelled, already_cancelled, sent, not_yours or unknown."""
    if outcome == "cancelled" and view is not None:
        return _message("Reminder cancelled.", (f"Nothing will be sent on {when_text(view.due)}. The written "
                                                f"follow-up is still due by {when_text(view.deadline)}.",), (_mine(),))
    if outcome == "already_cancelled":
        return _message("That reminder was already cancelled.", ("Nothing will be sent for it.",), (_mine(),))
    if outcome == "sent":
        return _message("That reminder has already been sent.", ("There is nothing left to cancel.",), (_mine(),))
    if outcome == "not_yours":
        return _message("That reminder is not yours.", ("Only the person who set a reminder can cancel it.",),
                        (_mine(),))
    return _message("There is no such reminder.", ("It may have been sent or removed. Type reminders to see yours.",),
                    (_mine(),))


def unavailable_message(request: ReminderRequest) -> Message:
    lines: tuple[str, ...] = ("Please try again in a minute.",)
    if request.action is Action.SET and request.deadline is not None:
        lines = (f"Put it in your calendar: the written follow-up to the Safeguarding Hub is due by "
                 f"{when_text(request.deadline)}.",) + lines
    return _message("SafeShare cannot reach its reminders just now.", lines)


def due_message(policy: Policy, view: ReminderView, now: dt.datetime) -> Message:
    title, lines = due_lines(policy, view, now)
    hub = Option("Ring the Safeguarding Hub", "hub", {MARK: "command", "command": "hub"})
    return _message(title, lines, (hub, _mine()))
