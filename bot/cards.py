"""Adaptive Cards 1.5 (what Teams renders) from our messages.

A builder takes a Message and returns the card; no card JSON files. Every
card has a plain-text fallback, and every string that could have come from
a user is escaped before it reaches a TextBlock (which renders markdown).
"""
from __future__ import annotations

import re
from typing import Any

from dialogs.conversation import Kind, Message
from dialogs.reply import NATIONAL_SOURCE, PROTOCOL_SOURCE, PROTOCOL_WORDS, SHORT_SAFETY, Option
from knowledge.model import HUB_PHONE, Verdict

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<])")
_COLOURS = {
    Verdict.ALLOWED: "Good",
    Verdict.ALLOWED_WITH_CONDITIONS: "Warning",
    Verdict.NOT_ALLOWED: "Attention",
    Verdict.ESCALATE: "Attention",
    Verdict.NEED_MORE_INFO: "Accent",
}


def escape(text: str) -> str:
    """Make text safe for an Adaptive Card TextBlock (markdown, no HTML)."""
    return _MARKDOWN.sub(r"\\\1", text.replace("\x00", ""))


def _text(text: str, **style: Any) -> dict:
    return {"type": "TextBlock", "text": escape(text), "wrap": True, **style}


def _list(items, numbered: bool = False) -> list[dict]:
    return [_text(f"{n}. {i}" if numbered else f"• {i}", spacing="Small") for n, i in enumerate(items, 1)]


def _action(option: Option) -> dict:
    """A plain Action.Submit: Teams and the Agents Playground both send its data as the activity's value.

    Not `data.msteams` (messageBack or imBack): the Playground's renderer throws
    "Cannot add property msTeams, object is not extensible" on the click and
    sends nothing (tests/test_playground.py clicks every kind of button).
    """
    data = dict(option.data) if option.data is not None else {"safeshare": "ask", "text": option.value}
    return {"type": "Action.Submit", "title": option.title[:80], "data": data}


# What a box takes: a pasted email draft is the one long text. Every box at its limit is the largest
# activity SafeShare can legitimately get, which sets the request body cap (Config.MAX_BODY_BYTES).
_MAX_LENGTH = {"body": 100_000}
_MAX_MULTILINE, _MAX_LINE = 8_000, 4_000  # a few dozen file names; an address list


def _input(field) -> dict:
    """An Input.Text; Teams sends its value with the card's Action.Submit data, under the field's id."""
    if field.choices:  # a choice (the fax form's): a compact drop-down, its first value preselected
        box = {"type": "Input.ChoiceSet", "id": field.id, "label": field.label, "style": "compact",
               "choices": [{"title": title, "value": value} for value, title in field.choices]}
        if field.value:
            box["value"] = field.value
        if field.required:
            box.update(isRequired=True, errorMessage=f"{field.label} is needed")
        return box
    if field.date:  # Teams shows a date picker and sends YYYY-MM-DD
        box = {"type": "Input.Date", "id": field.id, "label": field.label}
        if field.value:
            box["value"] = field.value
        if field.required:
            box.update(isRequired=True, errorMessage=f"{field.label} is needed")
        return box
    limit = _MAX_LENGTH.get(field.id, _MAX_MULTILINE if field.multiline else _MAX_LINE)
    box = {"type": "Input.Text", "id": field.id, "label": field.label, "isMultiline": field.multiline,
           "maxLength": limit}
    if field.placeholder:
        box["placeholder"] = field.placeholder
    if field.value:  # filled in already (the fax log card after a cover sheet): the user can still change it
        box["value"] = field.value[:limit]
    if field.required:
        box.update(isRequired=True, errorMessage=f"{field.label} is needed")
    return box


# Teams renders at most six actions in a card's action bar (or in one ActionSet)
# and moves the rest into a "..." overflow menu, where a choice such as "Text
# message" would be missed; longer lists go into several ActionSets instead.
MAX_ACTIONS = 6


def _reply_body(reply, message: Message) -> tuple[list[dict], list[dict]]:
    """The first message of an answer (fits a phone), and its "Show all steps" and "Change it" cards."""
    body = [_text(reply.label, weight="Bolder", size="Large", color="Accent" if reply.informs else _COLOURS[reply.verdict]),
            _text(reply.summary, weight="Bolder")]
    actions: list[dict] = []
    if reply.verdict is Verdict.ESCALATE:
        actions.append({"type": "Action.OpenUrl", "title": f"Call the Hub: {HUB_PHONE}",
                        "url": "tel:" + HUB_PHONE.replace(" ", "")})
    if reply.understood:
        body.append(_text(f"Understood: {reply.recap()}", isSubtle=True, spacing="Small"))
    why, steps, safer = reply.brief_parts()
    if why:
        body.append(_text(why))
    if reply.follow_up:
        body.append(_text(reply.follow_up, weight="Bolder", separator=True))
    body += _list(steps)
    if safer:
        body.append(_text(safer, spacing="Small"))
    if reply.citation_line():
        body.append(_text(reply.citation_line(), isSubtle=True, size="Small", separator=True))
    if reply.verdict is not Verdict.ESCALATE:
        body.append(_text(SHORT_SAFETY, isSubtle=True, size="Small"))

    full: list[dict] = []
    full += _list(reply.shown_reasons)
    if reply.alternatives:
        full.append(_text("Safer ways to share", weight="Bolder", separator=True))
        full += _list(reply.alternatives)
    for part in reply.checklist:
        full.append(_text(part.title, weight="Bolder", separator=True))
        full += _list(part.items, numbered=True)
    if reply.faq_note:
        full.append(_text(reply.faq_note[0], weight="Bolder", separator=True))
        full.append(_text(reply.faq_note[1]))
    quoted = reply.protocol_words([reply.summary, *reply.shown_reasons, *reply.alternatives, *reply.checklist_items,
                                   *reply.faq_note[1:]])
    if quoted:
        full.append(_text(PROTOCOL_WORDS, weight="Bolder", separator=True))
        full += _list([f"{title}: \u201c{words}\u201d" for title, words in quoted])
    protocol, national = reply.sources()
    if protocol:
        full.append(_text(PROTOCOL_SOURCE + "; ".join(protocol), isSubtle=True, size="Small", separator=True))
    if national:
        full.append(_text(NATIONAL_SOURCE + "; ".join(national), isSubtle=True, size="Small"))
    shows = [{"type": "Action.ShowCard", "title": "Show all steps",
              "card": {"type": "AdaptiveCard", "body": full}}]
    if message.changes:
        shows.append({"type": "Action.ShowCard", "title": "Not right? Change it",
                      "card": {"type": "AdaptiveCard", "body": [_text("Which part should change?")],
                               "actions": [_action(o) for o in message.changes]}})
    return body, actions + [_action(o) for o in message.options] + shows


def render_card(message: Message) -> dict:
    body: list[dict] = []
    actions = [_action(o) for o in message.options]
    reply = message.reply
    if reply is not None:
        body, actions = _reply_body(reply, message)
    else:
        body.append(_text(message.title, weight="Bolder", size="Medium"))
        for line in message.lines:
            if message.kind is Kind.PASSWORD and line.startswith("Password: "):
                body.append(_text(line.removeprefix("Password: "), size="ExtraLarge", fontType="Monospace",
                                  weight="Bolder"))
            elif line:
                body.append(_text(line))
        if message.kind is Kind.QUESTION:
            body.append(_text("Press a button or type your answer. You can type back or start over.",
                              isSubtle=True, size="Small"))
        body += [_input(field) for field in message.inputs]
    # the first message, as the card shows it; a follow-up's choices are the card's buttons, so not listed twice
    fallback = reply.brief(numbered=message.fact is None) if reply is not None else message.text()
    card = {"type": "AdaptiveCard", "version": "1.5", "body": body, "fallbackText": fallback[:6000]}
    if len(actions) > MAX_ACTIONS:  # Teams shows six actions per set and hides the rest in an overflow menu
        body += [{"type": "ActionSet", "actions": actions[i:i + MAX_ACTIONS]}
                 for i in range(0, len(actions), MAX_ACTIONS)]
    elif actions:
        card["actions"] = actions
    return card


def card_actions(card: dict) -> list[dict]:
    """Every action of a card, in order: the card's own, then those of its action sets."""
    found = list(card.get("actions", []))
    for element in card.get("body", []):
        if isinstance(element, dict) and element.get("type") == "ActionSet":
            found += element.get("actions", [])
    return found


def suggested(message: Message) -> list[Option]:
    """Quick replies for Teams personal chat: typing them works too."""
    return list(message.options)[:10]
