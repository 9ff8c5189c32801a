"""Hub follow-up reminders: set in a real turn, sent by the scheduler on a controllable clock, at most once."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import shutil
import sqlite3

import aiohttp
import pytest
from hypothesis import given, settings, strategies as st

from bot.app import SCHEDULER_KEY
from bot.config import Config
from bot.reminders import Address, BlobReminders, Reminder, SqliteReminders, reminder_id
from bot.storage import BlobStorage, SqliteStorage, StorageUnavailable
from dialogs import reminder as words
from dialogs.conversation import COMMAND_LIST, Command, Conversation, Incoming, Kind
from dialogs.reminder import FOLLOW_UP, LONDON, CHOICES, ReminderProblem, State, When, due_for

from .azurite import Azurite
from .botharness import BotServer, Client, Connector, buttons, card_of
from .test_bot_http import assert_valid_card

QUESTION = "Amy Pemberton told me her stepdad hit her and she is scared to go home. Can I email her school?"
PERSONAL = ("Amy", "Pemberton", "stepdad", "scared", "school")
START = dt.datetime(2026, 3, 10, 14, 0, tzinfo=LONDON)  # a Tuesday afternoon
CONFIG = Config(REMINDER_SECONDS=3600)  # the timer never fires in a test: the test ticks


class Clock:
    """A clock the test moves: the conversation and the scheduler both read it."""

    def __init__(self, start: dt.datetime = START):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture(scope="module")
def azurite(tmp_path_factory):
    if not shutil.which("azurite-blob") and not os.environ.get("CI"):
        pytest.skip("Azurite is not installed (npm install -g azurite)")
    server = Azurite(tmp_path_factory.mktemp("azurite")).start()
    yield server
    server.stop()


class Bot:
    """A BotServer on 127.0.0.1 with a client; start and stop it like a `safeshare serve` process."""

    def __init__(self, policy, connector: Connector, clock: Clock, storage, config: Config = CONFIG):
        self.server = BotServer(policy, config, storage=storage, clock=clock)
        self.connector = connector
        self.session: aiohttp.ClientSession | None = None
        self.client: Client | None = None

    async def __aenter__(self) -> Bot:
        await self.server.start()
        self.session = aiohttp.ClientSession()
        self.client = Client(self.session, self.server, self.connector)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.session.close()
        await self.server.stop()

    @property
    def scheduler(self):
        return self.server.app[SCHEDULER_KEY]

    async def say(self, conversation: str, text=None, value=None, **extra) -> list[dict]:
        return await self.client.say(conversation, text, value, **extra)


def titled(reply: dict) -> str:
    return card_of(reply)["body"][0]["text"].replace("\\", "")


def press(reply: dict, title: str) -> dict:
    return next(b for b in buttons(reply) if b["title"].startswith(title))["data"]


async def set_reminder(bot: Bot, conversation: str, choice: str = "Tomorrow at 9am") -> list[dict]:
    """Escalate, press "Remind me", press a time; every card on the way is valid."""
    answer = await bot.say(conversation, QUESTION)
    card = assert_valid_card(answer[0])
    assert card["body"][0]["text"].startswith("Ring the Safeguarding Hub")
    offer = await bot.say(conversation, value=press(answer[0], "Remind me to send the written follow-up"))
    assert_valid_card(offer[0])
    assert titled(offer[0]) == "When should SafeShare remind you to send the written follow-up?"
    assert [b["title"] for b in buttons(offer[0])] == [label for _, label in CHOICES] + ["My reminders"]
    done = await bot.say(conversation, value=press(offer[0], choice))
    assert_valid_card(done[0])
    return done


async def next_message(connector: Connector, conversation: str) -> dict:
    """Wait (on the connector's event, no sleep) for the next activity posted to this conversation."""
    before = len(connector.sent[conversation])
    while len(connector.sent[conversation]) == before:
        connector.events[conversation].clear()
        await asyncio.wait_for(connector.events[conversation].wait(), 10)
    return connector.sent[conversation][before]


def sqlite_bytes(path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


# -- end to end over HTTP, SQLite ---------------------------------------------------
async def test_reminder_is_sent_proactively_when_the_clock_reaches_it(policy, connector, tmp_path):
    clock = Clock()
    path = tmp_path / "state.sqlite3"
    async with Bot(policy, connector, clock, SqliteStorage(path)) as bot:
        done = await set_reminder(bot, "conv-r1")
        assert titled(done[0]) == "Reminder set for Wednesday 11 March at 09:00."
        assert "due by Thursday 12 March at 14:00" in json.dumps(card_of(done[0]))
        clock.advance(hours=18, minutes=59)  # 08:59 on Wednesday: not yet
        assert await bot.scheduler.tick() == 0
        clock.advance(minutes=1)
        before = len(connector.sent["conv-r1"])
        assert await bot.scheduler.tick() == 1
        sent = connector.sent["conv-r1"][before:]
        assert len(sent) == 1
        message = sent[0]
        card = assert_valid_card(message)
        assert titled(message) == "Reminder: send your written follow-up to the Safeguarding Hub"
        text = json.dumps(card)
        assert "by Thursday 12 March at 14:00" in text and "late" not in text
        assert message["conversation"]["id"] == "conv-r1" and message["recipient"]["id"] == "user-1"
        assert message["from"]["id"] == "bot-1" and "replyToId" not in message
        assert message["channelData"]["tenant"]["id"]
        clock.advance(hours=1)
        assert await bot.scheduler.tick() == 0  # sent once, never again
        listed = await bot.say("conv-r1", "reminders")
        assert titled(listed[0]) == "You have no reminders waiting."
        assert_valid_card(listed[0])
    dump = sqlite_bytes(path) + "\n".join(sqlite3.connect(path).iterdump()).encode()
    assert b"reminders" in dump
    for word in PERSONAL:
        assert word.encode() not in dump, word


async def test_a_reminder_survives_a_restart_and_says_it_is_late(policy, connector, tmp_path):
    clock = Clock()
    path = tmp_path / "state.sqlite3"
    async with Bot(policy, connector, clock, SqliteStorage(path)) as bot:
        await set_reminder(bot, "conv-r2", "4 hours before the deadline")
    clock.advance(hours=50)  # the server was down past the 48 hours
    before = len(connector.sent["conv-r2"])
    async with Bot(policy, connector, clock, SqliteStorage(path)) as bot:  # a new app on the same file
        message = await next_message(connector, "conv-r2")  # sent by the start-up tick, nobody asked
        card = assert_valid_card(message)
        assert titled(message).startswith("Late reminder: the 48 hours")
        text = json.dumps(card)
        assert "ring the Safeguarding Hub on 0333 240 1727 or speak to your manager now" in text
        assert "due on Thursday 12 March at 10:00" in text
        assert await bot.scheduler.tick() == 0
    assert len(connector.sent["conv-r2"]) == before + 1


async def test_a_reminder_due_while_down_but_before_the_deadline_says_it_is_late(policy, connector, tmp_path):
    clock = Clock()
    path = tmp_path / "state.sqlite3"
    async with Bot(policy, connector, clock, SqliteStorage(path)) as bot:
        await set_reminder(bot, "conv-r3", "In 4 hours")
    clock.advance(hours=10)
    async with Bot(policy, connector, clock, SqliteStorage(path)):
        message = await next_message(connector, "conv-r3")
        assert titled(message) == "Reminder: send your written follow-up to the Safeguarding Hub"
        assert "This reminder is late: it was due on Tuesday 10 March at 18:00" in json.dumps(card_of(message))


async def test_cancel_twice_and_someone_elses(policy, connector, tmp_path):
    clock = Clock()
    async with Bot(policy, connector, clock, SqliteStorage(tmp_path / "state.sqlite3")) as bot:
        done = await set_reminder(bot, "conv-c")
        cancel = press(done[0], "Cancel the reminder for Wed 09:00")
        other = await bot.say("conv-c", value=cancel, **{"from": {"id": "user-2", "name": "Someone else"}})
        assert titled(other[0]) == "That reminder is not yours."
        assert "09:00" not in json.dumps(card_of(other[0]))  # nothing of it is shown either
        listed = await bot.say("conv-c", "my reminders")
        assert_valid_card(listed[0])
        assert titled(listed[0]) == "Your reminders"
        assert [b["title"] for b in buttons(listed[0])] == ["Cancel the reminder for Wed 09:00"]
        first = await bot.say("conv-c", value=cancel)
        assert_valid_card(first[0])
        assert titled(first[0]) == "Reminder cancelled."
        again = await bot.say("conv-c", value=press(listed[0], "Cancel"))
        assert_valid_card(again[0])
        assert titled(again[0]) == "That reminder was already cancelled."
        unknown = await bot.say("conv-c", value={"safeshare": "remind_cancel", "id": "0" * 24})
        assert titled(unknown[0]) == "There is no such reminder."
        before = len(connector.sent["conv-c"])
        clock.advance(days=3)
        assert await bot.scheduler.tick() == 0
        assert len(connector.sent["conv-c"]) == before


async def test_the_same_offer_pressed_twice_moves_the_reminder(policy, connector, tmp_path):
    clock = Clock()
    async with Bot(policy, connector, clock, SqliteStorage(tmp_path / "state.sqlite3")) as bot:
        answer = await bot.say("conv-m", QUESTION)
        offer = await bot.say("conv-m", value=press(answer[0], "Remind me"))
        await bot.say("conv-m", value=press(offer[0], "In 4 hours"))
        moved = await bot.say("conv-m", value=press(offer[0], "In 24 hours"))
        assert titled(moved[0]) == "Reminder set for Wednesday 11 March at 14:00."
        listed = await bot.say("conv-m", "reminders")
        assert len(buttons(listed[0])) == 1
        clock.advance(hours=4)
        assert await bot.scheduler.tick() == 0


async def test_two_instances_on_one_file_send_a_reminder_once(policy, connector, tmp_path):
    clock = Clock()
    path = tmp_path / "state.sqlite3"
    async with Bot(policy, connector, clock, SqliteStorage(path)) as one, \
            Bot(policy, connector, clock, SqliteStorage(path)) as two:
        for n in range(5):
            await set_reminder(one if n % 2 else two, f"conv-two-{n}", "In 4 hours")
        clock.advance(hours=5)
        counts = await asyncio.gather(*(bot.scheduler.tick() for bot in (one, two, one, two)))
        assert sum(counts) == 5
        for n in range(5):
            reminders = [m for m in connector.sent[f"conv-two-{n}"] if titled(m).startswith("Reminder: send")]
            assert len(reminders) == 1


async def test_a_refusing_connector_gets_the_reminder_again_later(policy, connector, tmp_path):
    clock = Clock()
    async with Bot(policy, connector, clock, SqliteStorage(tmp_path / "state.sqlite3")) as bot:
        await set_reminder(bot, "conv-f", "In 4 hours")
        clock.advance(hours=4)
        connector.faults = [(403, {})]  # refused outright: not delivered, so it may be tried again
        assert await bot.scheduler.tick() == 0
        assert await bot.scheduler.tick() == 0  # put back for five minutes, not straight away
        clock.advance(minutes=5)
        assert await bot.scheduler.tick() == 1
        assert titled(connector.sent["conv-f"][-1]).startswith("Reminder: send")


async def test_offers_and_problems_are_valid_cards(policy, connector, tmp_path):
    clock = Clock()
    async with Bot(policy, connector, clock, SqliteStorage(tmp_path / "state.sqlite3")) as bot:
        hub = await bot.say("conv-p", "hub")
        offer = await bot.say("conv-p", value=press(hub[0], "Remind me"))
        assert_valid_card(offer[0])
        clock.advance(hours=45)  # 3 hours before the deadline: no time left to offer
        late = await bot.say("conv-p", value=press(hub[0], "Remind me"))
        assert_valid_card(late[0])
        assert titled(late[0]) == "The written follow-up is due very soon."
        stale = await bot.say("conv-p", value=press(offer[0], "In 24 hours"))
        assert_valid_card(stale[0])
        assert titled(stale[0]) == "No reminder was set."
        assert "after the deadline" in json.dumps(card_of(stale[0]))
        clock.advance(hours=4)
        over = await bot.say("conv-p", value=press(offer[0], "In 4 hours"))
        assert "The 48 hours for the written follow-up ended" in json.dumps(card_of(over[0]))
        forged = await bot.say("conv-p", value={"safeshare": "remind", "since": "2099-01-01T00:00:00+00:00",
                                                "when": "4h"})
        assert titled(forged[0]) == "No reminder was set."
        typed = await bot.say("conv-p", "remind me in 24 hours")
        assert_valid_card(typed[0])
        assert titled(typed[0]).startswith("Reminder set for")


# -- Azure Blob Storage (Azurite) -----------------------------------------------------
async def test_blob_reminders_end_to_end(policy, connector, azurite):
    clock = Clock()
    config = Config(REMINDER_SECONDS=3600, STORAGE="blob", AZURE_STORAGE_CONNECTION_STRING=azurite.connection_string,
                    STATE_CONTAINER="reminder-e2e")
    async with Bot(policy, connector, clock, BlobStorage(azurite.connection_string, "reminder-e2e"), config) as bot:
        done = await set_reminder(bot, "conv-b")
        assert titled(done[0]) == "Reminder set for Wednesday 11 March at 09:00."
        clock.advance(hours=19)
        assert await bot.scheduler.tick() == 1
        assert titled(connector.sent["conv-b"][-1]).startswith("Reminder: send")
        assert await bot.scheduler.tick() == 0
    from azure.storage.blob.aio import ContainerClient

    async with ContainerClient.from_connection_string(azurite.connection_string, "reminder-e2e-reminders") as c:
        blobs = [b async for b in c.list_blobs(include=["metadata"])]
        assert len(blobs) == 1 and blobs[0].metadata["state"] == "sent"
        data = await (await c.download_blob(blobs[0].name)).readall()
    for word in PERSONAL:
        assert word.encode() not in data, word
    assert set(json.loads(data)) == {"id", "due", "deadline", "state", "address", "attempts", "updated"}


@pytest.mark.parametrize("backend", ["sqlite", "blob"])
async def test_claims_are_exclusive_across_stores(backend, tmp_path, request):
    if backend == "sqlite":
        stores = [SqliteReminders(tmp_path / "state.sqlite3") for _ in range(3)]
    else:
        server = request.getfixturevalue("azurite")
        stores = [BlobReminders(server.connection_string, "claims") for _ in range(3)]
    now = dt.datetime(2026, 3, 10, 14, tzinfo=dt.timezone.utc)
    address = Address("https://smba.example", "msteams", "conv", "user-1", "bot-1", "tenant")
    kept = [Reminder(reminder_id(address, now - dt.timedelta(minutes=n)), now, now + FOLLOW_UP, State.PENDING,
                     address, updated=now) for n in range(4)]
    try:
        for reminder in kept:
            assert await stores[0].set(reminder) == reminder
        assert [r.id for r in await stores[1].due(now)] and not await stores[1].due(now - dt.timedelta(seconds=1))
        claims = await asyncio.gather(*(s.claim(r.id, now) for r in kept for s in stores))
        won = [c for c in claims if c is not None]
        assert sorted(c.id for c in won) == sorted(r.id for r in kept)
        assert await stores[2].due(now) == []
        outcome, _ = await stores[1].cancel(kept[0].id, "user-2")
        assert outcome == "not_yours"
        assert (await stores[1].cancel(kept[0].id, "user-1"))[0] == "sent"  # being sent: too late to cancel
    finally:
        for store in stores:
            await store.close()


@pytest.mark.parametrize("backend", ["sqlite", "blob"])
async def test_finished_reminders_are_forgotten_after_their_time_and_others_kept(backend, tmp_path, request):
    if backend == "sqlite":
        store = SqliteReminders(tmp_path / "state.sqlite3")
    else:
        store = BlobReminders(request.getfixturevalue("azurite").connection_string, "forget")
    now = dt.datetime(2026, 3, 10, 14, tzinfo=dt.timezone.utc)
    old, recent = now - dt.timedelta(days=3), now - dt.timedelta(hours=1)
    address = Address("https://smba.example", "msteams", "conv", "user-1", "bot-1", "tenant")
    made = {(state, when): Reminder(reminder_id(address, when - dt.timedelta(minutes=n)), when, when + FOLLOW_UP,
                                    state, address, updated=when)
            for n, (state, when) in enumerate([(State.SENT, old), (State.CANCELLED, old), (State.FAILED, old),
                                               (State.SENT, recent), (State.PENDING, old)])}
    try:
        for reminder in made.values():
            assert await store.set(reminder) == reminder
        assert await store.forget_done(now - dt.timedelta(days=1)) == 3  # the old sent, cancelled and failed
        kept = {key for key, r in made.items() if await store.get(r.id) is not None}
        assert kept == {(State.SENT, recent), (State.PENDING, old)}
    finally:
        await store.close()


# -- the conversation, without a host -------------------------------------------------
def test_every_choice_is_before_the_deadline_and_after_now():
    @settings(max_examples=300, deadline=None)
    @given(st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2030, 1, 1),
                        timezones=st.just(dt.timezone.utc)),
           st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(hours=48)),
           st.sampled_from(list(When)))
    def check(since, elapsed, when):
        now = since + elapsed
        try:
            due = due_for(when, since, now)
        except ReminderProblem as problem:
            assert str(problem)
            return
        assert now < due < since + FOLLOW_UP

    check()


def test_commands_are_listed_everywhere(assistant):
    conversation = Conversation(assistant)
    assert (Command.REMINDERS, ) == tuple(c for c, _ in COMMAND_LIST if c is Command.REMINDERS)
    _, messages = conversation.turn(None, Incoming("help"))
    assert any(line.startswith("reminders:") for line in messages[0].lines)
    assert "reminders" in "\n".join(conversation.welcome()[0].lines)
    _, messages = conversation.turn(None, Incoming("asdf"))
    assert "reminders" in messages[0].lines[0]


def test_a_reminder_request_keeps_nothing_of_the_question(assistant):
    conversation = Conversation(assistant, clock=lambda: START)
    state, messages = conversation.turn(None, Incoming(QUESTION))
    offer = next(o for o in messages[0].options if o.title.startswith("Remind me"))
    state, messages = conversation.turn(state, Incoming("", offer.data))
    assert messages[0].kind is Kind.REMINDER and messages[0].reminder is None
    offered = " ".join(messages[0].lines)  # the deadline counts from the call, and says whose clock it is on
    assert "within 48 hours of the call" in offered and f"{words.when_text(START + FOLLOW_UP)} (UK time)" in offered
    after, messages = conversation.turn(state, Incoming("", messages[0].options[0].data))
    assert after == state
    request = messages[0].reminder
    assert request.action is words.Action.SET and request.deadline == START + FOLLOW_UP
    for word in PERSONAL:
        assert word not in repr(request)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["remind_offer", "remind", "remind_cancel"]),
       st.dictionaries(st.sampled_from(["since", "when", "id"]),
                       st.one_of(st.text(max_size=60), st.integers(), st.none(), st.lists(st.integers()))))
def test_hostile_reminder_buttons_never_raise(assistant, action, fields):
    conversation = Conversation(assistant, clock=lambda: START)
    state, messages = conversation.turn(None, Incoming("", {**fields, "safeshare": action}))
    assert messages and messages[0].kind is Kind.REMINDER and state.get("check") is None


async def test_a_store_that_cannot_be_reached_says_so_and_gives_the_deadline(policy, connector, tmp_path):
    clock = Clock()
    async with Bot(policy, connector, clock, SqliteStorage(tmp_path / "state.sqlite3")) as bot:
        answer = await bot.say("conv-d", QUESTION)
        offer = await bot.say("conv-d", value=press(answer[0], "Remind me"))
        store = bot.server.app[SCHEDULER_KEY].store
        await store._run(store._db.close)  # the reminder store fails from here on
        down = await bot.say("conv-d", value=press(offer[0], "In 24 hours"))
        assert_valid_card(down[0])
        assert titled(down[0]) == "SafeShare cannot reach its reminders just now."
        assert "due by Thursday 12 March at 14:00" in json.dumps(card_of(down[0]))
        listed = await bot.say("conv-d", "reminders")
        assert titled(listed[0]) == "SafeShare cannot reach its reminders just now."
        with pytest.raises(StorageUnavailable):  # the timer's loop logs it and ticks again later
            await bot.scheduler.tick()


async def test_the_local_web_chat_is_told_to_use_a_calendar_not_given_a_reminder_it_cannot_get(tmp_path):
    """The browser chat has no service URL: a proactive message could never reach it, so none is kept."""
    from bot.reminders import fulfil
    from dialogs.conversation import Kind, Message
    from dialogs.reminder import Action, ReminderRequest

    store = SqliteReminders(tmp_path / "state.sqlite3")
    now = dt.datetime.now(dt.timezone.utc)
    request = ReminderRequest(Action.SET, since=now, due=now + dt.timedelta(hours=4))
    out = await fulfil(store, [Message(Kind.REMINDER, "set", reminder=request)],
                       Address("", "webchat", "c1", "u1", "bot"), now)
    assert out[0].title == "SafeShare cannot keep reminders here." and "calendar" in out[0].lines[0]
    assert await store.of_user("u1") == []
    await store.close()
