"""The Teams activity handler: translates activities, the dialogs decide."""
from __future__ import annotations

import logging
import time
from typing import Any

from botbuilder.core import ActivityHandler, CardFactory, ConversationState, MessageFactory, TurnContext
from botbuilder.schema import ActionTypes, Activity, CardAction, ChannelAccount, SuggestedActions

from dialogs.conversation import Conversation, Incoming, Message

from .cards import render_card, suggested
from .sdk import FrozenJson

log = logging.getLogger(__name__)


def to_activity(message: Message) -> Activity:
    activity = MessageFactory.attachment(CardFactory.adaptive_card(FrozenJson(render_card(message))))
    activity.text = None
    activity.summary = message.title[:200]
    options = suggested(message)
    if options:
        activity.suggested_actions = SuggestedActions(actions=[
            CardAction(type=ActionTypes.im_back, title=o.title[:50], value=o.value) for o in options])
    return activity


class SafeShareBot(ActivityHandler):
    def __init__(self, conversation: Conversation, conversation_state: ConversationState):
        self.conversation = conversation
        self.state = conversation_state
        self.accessor = conversation_state.create_property("safeshare")

    async def on_turn(self, turn_context: TurnContext):
        await super().on_turn(turn_context)
        await self.state.save_changes(turn_context)

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext):
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(m.id != bot_id for m in members_added or []):
            await self._send(turn_context, self.conversation.welcome())

    async def on_message_activity(self, turn_context: TurnContext):
        activity = turn_context.activity
        started = time.perf_counter()
        state = await self.accessor.get(turn_context, dict)
        text = activity.text if isinstance(activity.text, str) else ""
        data = activity.value if isinstance(activity.value, dict) else None
        new_state, messages = self.conversation.turn(state, Incoming(text[:4000], data))
        await self.accessor.set(turn_context, new_state)
        await self._send(turn_context, messages)
        log.info("turn.handled", extra={"kinds": [m.kind.value for m in messages],
                                        "ms": round((time.perf_counter() - started) * 1000, 1)})

    async def _send(self, turn_context: TurnContext, messages: list[Message]) -> None:
        await turn_context.send_activities([to_activity(m) for m in messages])
