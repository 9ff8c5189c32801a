"""`safeshare chat`: the Teams bot in a terminal.

An in-process BotAdapter runs the very same SafeShareBot handler and
dialogs as the server; only the rendering differs: cards become text with
numbered choices, and typing a number presses that button.
"""
from __future__ import annotations

import re
import shlex
import signal
import sys
import threading
import uuid
from datetime import date
from pathlib import Path
from typing import TextIO

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import (
    Activity,
    Attachment,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    ResourceResponse,
)

from dialogs.conversation import Command, choose_between, match_command, swapped_from

from .cards import card_actions
from .files import LOCAL_FILE
from .handler import SafeShareBot


class InProcessAdapter(BotAdapter):
    """Runs turns in this process and collects what the bot sends."""

    def __init__(self):
        super().__init__()
        self.sent: list[Activity] = []

    async def send_activities(self, context: TurnContext, activities: list[Activity]):
        self.sent.extend(activities)
        return [ResourceResponse(id=str(uuid.uuid4())) for _ in activities]

    async def update_activity(self, context, activity):
        raise NotImplementedError

    async def delete_activity(self, context, reference):
        raise NotImplementedError

    async def turn(self, bot: SafeShareBot, activity: Activity) -> list[Activity]:
        self.sent = []
        context = TurnContext(self, activity)
        await self.run_pipeline(context, bot.on_turn)
        return self.sent


_UNESCAPE = re.compile(r"\\(.)")  # a card's TextBlock escapes markdown; the terminal shows the text as is


class ChatSession:
    """One terminal conversation: builds activities, renders replies."""

    def __init__(self, bot: SafeShareBot):
        self.bot = bot
        self.adapter = InProcessAdapter()
        self.user = ChannelAccount(id="local-user", name="You")
        self.me = ChannelAccount(id="safeshare", name="SafeShare")
        self.conversation = ConversationAccount(id=f"local-{uuid.uuid4().hex[:8]}")
        self.buttons: list[dict] = []
        self.form: _Form | None = None  # a card's input boxes being filled in, one prompt each
        # an opened card's own choices ("Which part should change?"): `back` closes it, as Teams folds it away
        self._opened: tuple[list[dict], str] | None = None
        self._last = ""  # the last reply as shown, to show again when an opened card is closed

    @property
    def collecting(self) -> bool:
        """True while a card's boxes are being filled in: an empty line is an answer then."""
        return self.form is not None

    @property
    def choosing(self) -> bool:
        """True while the box being filled in is a choice box, where no choice is "exit"."""
        return self.form is not None and bool(self.form.inputs[self.form.index].get("choices"))

    def _activity(self, **fields) -> Activity:
        return Activity(channel_id="terminal", service_url="http://localhost", from_property=self.user,
                        recipient=self.me, conversation=self.conversation, **fields)

    async def start(self) -> str:
        sent = await self.adapter.turn(self.bot, self._activity(type=ActivityTypes.conversation_update,
                                                                 members_added=[self.user]))
        return self.render(sent)

    async def say(self, text: str) -> str:
        if self.form is not None:
            return await self._fill(text)
        text = text.strip()
        opened, self._opened = self._opened, None
        if opened is not None and text.lower() in _CLOSE:
            self.buttons, self._last = opened
            return self._last  # the answer again, its choices as they were; nothing sent
        if text.isdigit() and self.buttons and not 1 <= int(text) <= len(self.buttons):
            self._opened = opened  # (README trial, session 50) still open: `back` after a slip returns to the answer
            return self._out_of_range()  # the same choices, not the main menu; nothing is sent
        if text.isdigit() and 1 <= int(text) <= len(self.buttons) and self.buttons[int(text) - 1].get("inputs"):
            button = self.buttons[int(text) - 1]  # "Check this email": ask for each box, then press it
            self.form = _Form(button["title"], dict(button["data"] or {}), button["inputs"])
            return self.form.prompt()
        if text.isdigit() and 1 <= int(text) <= len(self.buttons) and "card" in self.buttons[int(text) - 1]:
            return self._show(int(text) - 1)  # "Show all steps": shown here, nothing sent
        if text.isdigit() and 1 <= int(text) <= len(self.buttons):
            button = self.buttons[int(text) - 1]
            activity = self._activity(type=ActivityTypes.message, text=button.get("title", ""), value=button["data"])
        elif text.lower().startswith("encrypt ") and len(text) > 8:
            activity = self._files(text[8:])
        else:
            activity = self._activity(type=ActivityTypes.message, text=text)
        return self.render(await self.adapter.turn(self.bot, activity))

    def _out_of_range(self) -> str:
        return "\n".join([choose_between(len(self.buttons)),
                          "Choices (type the number, or type your own words):",
                          *(_choice(n, b) for n, b in enumerate(self.buttons, 1))])

    async def _fill(self, line: str) -> str:
        form = self.form
        assert form is not None  # asked only while a form is open
        if not form.take(line.rstrip("\n")):
            if not form.fresh:
                return ""
            return "\n".join(filter(None, (form.problem, form.prompt())))  # why it is asked again, then the box
        self.form = None  # what was typed goes with this one activity and is not kept here
        activity = self._activity(type=ActivityTypes.message, text=form.title, value=form.data)
        return self.render(await self.adapter.turn(self.bot, activity))

    def _buttons(self, card: dict, out: list[str]) -> None:
        inputs = [e for e in card.get("body", []) if isinstance(e, dict)
                  and e.get("type") in ("Input.Text", "Input.ChoiceSet", "Input.Date")]
        for action in card_actions(card):
            if action.get("type") == "Action.Submit":
                self.buttons.append({"title": action["title"], "data": action.get("data"), "inputs": inputs})
            elif action.get("type") == "Action.ShowCard":
                self.buttons.append({"title": action["title"], "card": action.get("card") or {}})
            elif action.get("type") == "Action.OpenUrl":
                out.append(f"[{action['title']}]")

    def _show(self, index: int) -> str:
        """An Action.ShowCard's card as text (Teams opens it in place).

        The choices are then the shown card's own ("Change: Fax"), numbered from 1; a card with none ("Show all
        steps") leaves its card's buttons as they were, numbers unchanged, as Teams still shows them under the opened
        card.
        """
        card = self.buttons[index]["card"]
        kept = self.buttons
        out = [_UNESCAPE.sub(r"\1", b["text"]) for b in card.get("body", []) if b.get("type") == "TextBlock"]
        self.buttons = []
        self._buttons(card, out)
        if self.buttons:  # the card's own choices: `back` returns to the answer
            self._opened = (kept, self._last)
            out.append("(Type back to return to the answer.)")
        self.buttons = self.buttons or kept
        if self.buttons:
            out.append("Choices (type the number, or type your own words):")
            out += [_choice(n, b) for n, b in enumerate(self.buttons, 1)]
        return "\n".join(out)

    def _files(self, paths: str) -> Activity:
        """`encrypt PATH...`: the files go to the handler as attachments, as a Teams upload would."""
        try:
            names = shlex.split(paths)
        except ValueError:
            names = paths.split()
        attachments = [Attachment(content_type=LOCAL_FILE, content_url=str(Path(n).expanduser()), name=Path(n).name)
                       for n in names]
        return self._activity(type=ActivityTypes.message, text="", attachments=attachments)

    def render(self, activities: list[Activity]) -> str:
        out: list[str] = []
        self.buttons = []
        for activity in activities:
            if out:
                out.append("")
            if activity.text:
                out.append(activity.text)
            for attachment in activity.attachments or []:
                if not isinstance(attachment.content, dict):
                    continue
                card = attachment.content
                out.append(card.get("fallbackText") or "")
                self._buttons(card, out)
        if self.buttons:
            out.append("Choices (type the number, or type your own words):")
            out += [_choice(n, b) for n, b in enumerate(self.buttons, 1)]
        self._last = "\n".join(out)
        return self._last


_CLOSE = frozenset({"back", "go back"})  # what closes an opened card's choices


def _choice(number: int, button: dict) -> str:
    """A button as a numbered choice; one that opens a form says so, since its boxes come only after it is chosen
    (Teams shows them on the card above the button): "1. Send the report (asks 4 questions first)"."""
    boxes = len(button.get("inputs") or ())
    asks = f" (asks {boxes} question{'s' if boxes > 1 else ''} first)" if boxes else ""
    return f"  {number}. {button['title']}{asks}"


class _Form:
    """A card's Input.Text boxes asked one by one; several lines for a multi-line box, ended by a lone '.'."""

    def __init__(self, title: str, data: dict, inputs: list[dict]):
        self.title, self.data, self.inputs = title, data, inputs
        self.index = 0
        self.lines: list[str] = []
        self.fresh = True  # the current box's prompt is still to be shown
        self.problem = ""  # why the last line was not taken, said before the box is asked again

    def prompt(self) -> str:
        self.fresh = False
        box = self.inputs[self.index]
        label = box.get("label") or box["id"]
        if box.get("choices"):  # a number picks one; Enter keeps the preselected one, where there is one
            options = "; ".join(f"{n}. {c['title']}" for n, c in enumerate(box["choices"], 1))
            kept = n_of(box)
            return f"{label} ({options}; " + ("type a number):" if kept == "none" else f"Enter for {kept}):")
        if box.get("type") == "Input.Date":
            return f"{label} (YYYY-MM-DD; Enter for {box.get('value') or 'none'}):"
        if box.get("isMultiline"):
            return f"{label}: type or paste, then a line with only a dot (.)"
        return f"{label}:" + ("" if box.get("isRequired") else " (press Enter for none)")

    def take(self, line: str) -> bool:
        """Record a line; True when every box is filled."""
        box = self.inputs[self.index]
        self.problem = ""
        if box.get("choices"):
            choices, text = box["choices"], line.strip()
            if not text and box.get("value"):
                text = box["value"]
            elif text.isdigit() and 1 <= int(text) <= len(choices):
                text = choices[int(text) - 1]["value"]
            if text not in {c["value"] for c in choices}:
                self.fresh = True
                self.problem = f"Please type a number from 1 to {len(choices)}."
                return False
            line = text
        elif box.get("type") == "Input.Date":
            if not line.strip():
                line = box.get("value") or ""
            elif (said := line.strip().lower()) in _DAYS_BACK:  # "today", "yesterday": the date they name
                line = date.fromordinal(date.today().toordinal() - _DAYS_BACK[said]).isoformat()
            elif not _is_date(line.strip()):  # a date asked again at once, not after every other box
                self.fresh = True
                self.problem = "Please give a real date as YYYY-MM-DD, e.g. 2026-03-01, or type today or yesterday."
                return False
        if box.get("isMultiline") and line.strip() != ".":
            self.lines.append(line)
            return False
        value = "\n".join(self.lines) if box.get("isMultiline") else line.strip()
        if box.get("isRequired") and not value.strip():
            self.fresh = True
            return False
        self.data[box["id"]] = value
        self.lines = []
        self.index += 1
        self.fresh = True
        return self.index >= len(self.inputs)


_DAYS_BACK = {"today": 0, "yesterday": 1}  # a date box answered in words


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def n_of(box: dict) -> str:
    """The position of a choice box's preselected value, as the prompt offers it."""
    values = [c["value"] for c in box["choices"]]
    return str(values.index(box["value"]) + 1) if box.get("value") in values else "none"


async def run_chat(bot: SafeShareBot, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """The chat loop; ends on end of input, "exit", or Ctrl-C (at once, with no traceback)."""
    if threading.current_thread() is threading.main_thread():
        # asyncio.run's own Ctrl-C handler waits for the blocking read to return: stop at once instead
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return await _chat_loop(bot, stdin, stdout)
    except KeyboardInterrupt:
        print("", file=stdout)
        return 0


# what ends the chat where a command may be typed (not in a card's text box, where it is text)
_LEAVING = frozenset(("exit", "quit", ":q", "bye", "goodbye"))


def _leaving(line: str) -> bool:
    """A word for leaving, or one with two neighbouring letters swapped ("exti", "qiut"), as commands are read: the
    terminal's own way out, which no question in the protocol's words looks like."""
    word = line.strip().lower()
    return word in _LEAVING or swapped_from(word, _LEAVING) is not None


_HOW_TO_LEAVE = "\n(Type exit, or press Ctrl-D, to leave.)"


async def _chat_loop(bot: SafeShareBot, stdin: TextIO, stdout: TextIO) -> int:
    session = ChatSession(bot)
    print(await session.start(), file=stdout)
    print(_HOW_TO_LEAVE, file=stdout)
    interactive = stdin.isatty()
    while True:
        if interactive:
            print("\nyou> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            print("", file=stdout)
            return 0
        if session.choosing and _leaving(line):
            return 0
        if session.collecting:  # a text box of a card: an empty line is an empty box, "exit" is text
            said = await session.say(line)
            if said:
                print("\n" + said, file=stdout, flush=True)
            continue
        if not line.strip():
            continue
        if _leaving(line):
            return 0
        print("\n" + await session.say(line), file=stdout, flush=True)
        if match_command(line.strip()) is Command.HELP:  # the terminal's own way out, which Teams has no need of
            print(_HOW_TO_LEAVE, file=stdout, flush=True)
