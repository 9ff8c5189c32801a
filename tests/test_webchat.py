"""The local web chat: the page at / with Microsoft's Web Chat, and the Direct Line routes it polls.

The browser test starts a real `safeshare serve --port 0`, opens the page in
Chromium (Debian's, driven by Playwright through `executable_path`, so no
browser is downloaded), types a question and clicks the Adaptive Card
buttons through a guided check to the advice card. The HTTP tests hold the
endpoint to its contract: tokens, watermarks and caps.
"""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import create_app
from bot.config import Config
from bot.storage import SqliteStorage
from bot.webchat import CONVERSATIONS_KEY, Conversations

from .botharness import serve_local
from .test_production import Serve
from .clock import Clock

CHROMIUM = shutil.which("chromium")
STATIC = Path(__file__).resolve().parent.parent / "bot" / "static"


@pytest.fixture
async def local(tmp_path, policy):
    """An anonymous local-mode server on 127.0.0.1 with a clock the tests move, and small caps."""
    clock = Clock()
    config = Config(STATE_FILE=str(tmp_path / "state.sqlite3"), WORK_DIR=str(tmp_path / "work"))
    app = create_app(config, policy, storage=SqliteStorage(str(tmp_path / "state.sqlite3")))
    app[CONVERSATIONS_KEY] = Conversations(max_conversations=3, idle_seconds=60, max_pending=12, clock=clock)
    runner, url = await serve_local(app)
    async with aiohttp.ClientSession() as session:
        yield session, url + "/v3/directline", app, clock
    await runner.cleanup()


async def _start(session, base) -> tuple[str, dict]:
    async with session.post(base + "/tokens/generate") as resp:
        assert resp.status == 200, await resp.text()
        made = await resp.json()
    headers = {"Authorization": f"Bearer {made['token']}"}
    async with session.post(base + "/conversations", headers=headers) as resp:
        assert resp.status == 201, await resp.text()
        started = await resp.json()
    assert started["conversationId"] == made["conversationId"] and started["token"] == made["token"]
    return made["conversationId"], headers


async def _post(session, base, cid, headers, **activity) -> aiohttp.ClientResponse:
    async with session.post(f"{base}/conversations/{cid}/activities", headers=headers,
                            json={"type": "message", **activity}) as resp:
        await resp.read()
        return resp


async def _poll(session, base, cid, headers, watermark="") -> dict:
    async with session.get(f"{base}/conversations/{cid}/activities", headers=headers,
                           params={"watermark": watermark}) as resp:
        assert resp.status == 200, await resp.text()
        return await resp.json()


def _title(activity: dict) -> str:
    return activity["attachments"][0]["content"]["body"][0]["text"]


async def test_a_guided_check_over_direct_line_gets_the_same_cards(local):
    session, base, _, _ = local
    cid, headers = await _start(session, base)
    welcome = await _poll(session, base, cid, headers)
    assert welcome["watermark"] == "1"
    assert _title(welcome["activities"][0]).startswith("SafeShare helps you share")
    assert welcome["activities"][0]["from"]["role"] == "bot"

    sent = await _post(session, base, cid, headers, text="check", channelData={"clientActivityID": "c1"})
    assert sent.status == 200
    got = await _poll(session, base, cid, headers, welcome["watermark"])
    echo, question = got["activities"]
    assert echo["from"]["role"] == "user" and echo["text"] == "check"
    assert echo["channelData"] == {"clientActivityID": "c1"}  # Web Chat marks the message sent on this echo
    assert _title(question).startswith("Is a child suffering")
    assert question["replyToId"] == echo["id"] and echo["id"] == (await sent.json())["id"]
    # A button's Action.Submit data comes back as the activity's value, as from Teams.
    for title in ("No", "Email (internal or external)", "Mental health information",
                  "A generic address such as info@ or enquiries@"):
        card = question["attachments"][0]["content"]
        data = next(a["data"] for a in _submits(card) if a["title"] == title)
        assert (await _post(session, base, cid, headers, value=data)).status == 200
        got = await _poll(session, base, cid, headers, got["watermark"])
        question = got["activities"][-1]
        assert got["activities"][0]["from"]["role"] == "user"
    assert _title(question).startswith("Not allowed")


def _submits(card: dict) -> list[dict]:
    from bot.cards import card_actions

    return [a for a in card_actions(card) if a["type"] == "Action.Submit"]


async def test_tokens_are_required_and_bound_to_their_conversation(local):
    session, base, _, _ = local
    cid, headers = await _start(session, base)
    other, other_headers = await _start(session, base)
    url = f"{base}/conversations/{cid}/activities"
    for bad in ({}, {"Authorization": "Bearer"}, {"Authorization": "Basic " + headers["Authorization"][7:]},
                {"Authorization": headers["Authorization"][:-2] + "xx"}, other_headers):
        async with session.get(url, headers=bad) as resp:
            assert resp.status == 403, bad
        async with session.post(url, headers=bad, json={"type": "message", "text": "hello"}) as resp:
            assert resp.status == 403, bad
    async with session.post(base + "/conversations", headers={"Authorization": "Bearer nope.nope"}) as resp:
        assert resp.status == 404  # a conversation this server never opened
    async with session.get(f"{base}/conversations/{'0' * 32}/activities",
                           headers={"Authorization": f"Bearer {'0' * 32}.x"}) as resp:
        assert resp.status == 404
    async with session.post(base + "/tokens/refresh", headers=headers) as resp:
        assert resp.status == 200 and (await resp.json())["token"] == headers["Authorization"][7:]
    async with session.get(f"{base}/conversations/{cid}", headers=headers) as resp:
        assert resp.status == 200 and (await resp.json())["conversationId"] == cid


async def test_the_watermark_returns_what_is_new_and_forgets_what_the_client_has(local):
    session, base, _, _ = local
    cid, headers = await _start(session, base)
    assert (await _poll(session, base, cid, headers, "0"))["watermark"] == "1"
    await _post(session, base, cid, headers, text="can I text the foster carer the new address?")
    everything = await _poll(session, base, cid, headers, "0")
    assert everything["watermark"] == "3" and len(everything["activities"]) == 3
    assert [a["id"] for a in everything["activities"]] == [f"{cid}|{n:07d}" for n in range(3)]
    newer = await _poll(session, base, cid, headers, "2")
    assert [a["id"] for a in newer["activities"]] == [f"{cid}|0000002"]
    # The client had 0 and 1, so they are gone: the user's words do not stay in memory.
    assert [a["id"] for a in (await _poll(session, base, cid, headers, "0"))["activities"]] == [f"{cid}|0000002"]
    assert (await _poll(session, base, cid, headers, "3")) == {"activities": [], "watermark": "3"}
    assert (await _poll(session, base, cid, headers, "99")) == {"activities": [], "watermark": "3"}
    for bad in ("-1", "abc", "1.5", "9" * 20):
        async with session.get(f"{base}/conversations/{cid}/activities", headers=headers,
                               params={"watermark": bad}) as resp:
            assert resp.status == 400, bad


async def test_conversations_expire_are_capped_and_queues_are_bounded(local):
    session, base, app, clock = local
    first, first_headers = await _start(session, base)
    for _ in range(3):
        await _start(session, base)
    assert len(app[CONVERSATIONS_KEY]) == 3
    async with session.get(f"{base}/conversations/{first}/activities", headers=first_headers) as resp:
        assert resp.status == 404  # the one idle longest made room
    cid, headers = await _start(session, base)
    clock.now += 61
    async with session.get(f"{base}/conversations/{cid}/activities", headers=headers) as resp:
        assert resp.status == 404  # expired
    assert len(app[CONVERSATIONS_KEY]) == 0

    cid, headers = await _start(session, base)
    statuses = [(await _post(session, base, cid, headers, text="hello")).status for _ in range(8)]
    assert 429 in statuses and statuses[0] == 200  # a client that never polls is told to
    await _poll(session, base, cid, headers, (await _poll(session, base, cid, headers))["watermark"])
    assert (await _post(session, base, cid, headers, text="hello")).status == 200


async def test_bodies_and_texts_are_capped_as_on_api_messages(local):
    session, base, app, _ = local
    cid, headers = await _start(session, base)
    url = f"{base}/conversations/{cid}/activities"
    big = {"type": "message", "text": "x" * (Config.MAX_BODY_BYTES + 10)}
    async with session.post(url, headers=headers, json=big) as resp:
        assert resp.status == 413
    async with session.post(url, headers=headers, data=b"{not json") as resp:
        assert resp.status == 415
    async with session.post(url, headers={**headers, "Content-Type": "application/json"}, data=b"{not json") as resp:
        assert resp.status == 400
    for bad in ({"type": "conversationUpdate"}, {"type": "message", "text": 5}, {"type": "message", "value": [1]}):
        async with session.post(url, headers=headers, json=bad) as resp:
            assert resp.status == 400, bad
    await _poll(session, base, cid, headers, "1")
    assert (await _post(session, base, cid, headers, text="y" * 20_000)).status == 200
    echo = (await _poll(session, base, cid, headers, "1"))["activities"][0]
    assert echo["text"] == "y" * 4000


async def test_files_are_refused_with_a_notice(local):
    session, base, _, _ = local
    cid, headers = await _start(session, base)
    await _poll(session, base, cid, headers, "1")
    attached = {"contentType": "application/pdf", "contentUrl": "http://127.0.0.1:9/report.pdf", "name": "report.pdf"}
    assert (await _post(session, base, cid, headers, text="", attachments=[attached])).status == 200
    got = (await _poll(session, base, cid, headers, "1"))["activities"]
    assert "attachments" not in got[0] and _title(got[1]).startswith("Files cannot be sent in this web chat")
    async with session.post(f"{base}/conversations/{cid}/upload?userId=x", headers=headers,
                            data=aiohttp.FormData({"file": __import__("io").BytesIO(b"data")})) as resp:
        assert resp.status == 415
    assert _title((await _poll(session, base, cid, headers, "3"))["activities"][-1]).startswith("Files cannot")
    # asking to make a package is told where packages are made, not to use a paperclip the page does not have
    assert (await _post(session, base, cid, headers, text="encrypt")).status == 200
    last = (await _poll(session, base, cid, headers, "4"))["activities"][-1]
    assert _title(last).startswith("Files cannot be sent in this chat") and "paperclip" not in str(last)


async def test_only_this_computer_and_this_page_may_use_it(local):
    session, base, _, _ = local
    origin = base.removesuffix("/v3/directline")
    async with session.post(base + "/tokens/generate", headers={"Origin": "http://evil.example"}) as resp:
        assert resp.status == 403  # another site's page cannot open conversations
    async with session.post(base + "/tokens/generate", headers={"Origin": origin}) as resp:
        assert resp.status == 200
    for path in ("/", "/webchat.js", "/v3/directline/tokens/generate"):
        method = session.post if path.startswith("/v3") else session.get
        async with method(origin + path, headers={"Host": "rebound.example"}) as resp:
            assert resp.status == 403, path  # DNS rebinding: the Host is not this computer


async def test_the_page_and_web_chat_are_served_with_their_licence(local):
    session, base, _, _ = local
    origin = base.removesuffix("/v3/directline")
    async with session.get(origin + "/") as resp:
        assert resp.status == 200 and resp.content_type == "text/html"
        html = await resp.text()
        assert "<title>SafeShare</title>" in html and "local demo" in html
        assert "script-src 'self'" in resp.headers["Content-Security-Policy"]
    async with session.get(origin + "/webchat.js") as resp:
        assert resp.status == 200 and resp.content_type == "text/javascript"
        assert (await resp.read()) == (STATIC / "webchat.js").read_bytes()
    async with session.get(origin + "/webchat.LICENSE.txt") as resp:
        assert resp.status == 200 and "MIT License" in await resp.text()
    source = (STATIC / "SOURCE.md").read_text()
    assert "botframework-webchat" in source and "4.18.1" in source


@pytest.mark.parametrize("settings", [
    {"APP_ID": "11111111-2222-4333-8444-555555555555", "APP_PASSWORD": "x", "ALLOWED_TENANTS": "t"},
    {"ANONYMOUS_REMOTE": True}], ids=["app id", "anonymous remote"])
async def test_no_web_chat_beside_an_app_id_or_beyond_this_computer(tmp_path, policy, settings):
    config = Config(**settings, STATE_FILE=str(tmp_path / "state.sqlite3"), WORK_DIR=str(tmp_path / "work"))
    app = create_app(config, policy, storage=SqliteStorage(str(tmp_path / "state.sqlite3")))
    runner, url = await serve_local(app)
    try:
        async with aiohttp.ClientSession() as session:
            for path in ("/", "/webchat.js"):
                async with session.get(url + path) as resp:
                    assert resp.status == 404
            async with session.post(url + "/v3/directline/tokens/generate") as resp:
                assert resp.status in (404, 405)
    finally:
        await runner.cleanup()


async def test_nothing_typed_reaches_the_log(local, caplog):
    session, base, _, _ = local
    caplog.set_level(logging.DEBUG)
    cid, headers = await _start(session, base)
    secret = "Jo Bloggs of 12 Acacia Avenue CA1 1AA"
    await _post(session, base, cid, headers, text=f"can I email {secret} to the GP?")
    await _poll(session, base, cid, headers, "1")
    # (No access log: `safeshare serve` runs without one; this test server has aiohttp's.)
    logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records if r.name != "aiohttp.access")
    assert "Acacia" not in logged and "Bloggs" not in logged and cid not in logged


# -- in a browser -----------------------------------------------------------

needs_chromium = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                                    reason="Chromium is not installed (apt-get install chromium; .ci/run does)")


@needs_chromium
async def test_a_guided_check_in_the_browser_by_clicking_the_cards(tmp_path):
    from playwright.async_api import async_playwright, expect

    assert CHROMIUM, "Chromium is required in CI: .ci/run installs it"
    serve = Serve({"SAFESHARE_STATE_FILE": str(tmp_path / "state.sqlite3")}, tmp_path)
    errors: list[str] = []
    try:
        async with aiohttp.ClientSession() as session:
            await serve.ready(session)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
            try:
                page = await browser.new_page()
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
                await page.goto(serve.url.replace("127.0.0.1", "localhost") + "/")
                await expect(page).to_have_title("SafeShare")
                cards = page.locator(".ac-adaptiveCard:not(.ac-adaptiveCard *)")  # not a ShowCard's inner card
                await expect(cards.first).to_contain_text("SafeShare helps you share information", timeout=30_000)

                box = page.get_by_role("textbox").last
                await box.fill("can I text the foster carer the new address?")
                await box.press("Enter")
                await expect(cards.last).to_contain_text("Not allowed", timeout=15_000)
                await expect(cards).to_have_count(2)

                await box.fill("check")
                await box.press("Enter")
                await expect(cards.last).to_contain_text("Is a child suffering", timeout=15_000)
                steps = [("No", "How do you plan to send it?"),
                         ("Email (internal or external)", "What kind of information is it?"),
                         ("Mental health information", "Who will receive it?"),
                         ("A generic address such as info@ or enquiries@", "Not allowed")]
                for count, (button, answer) in enumerate(steps, start=4):
                    await cards.last.get_by_role("button", name=button, exact=True).click()
                    await expect(cards).to_have_count(count, timeout=15_000)
                    await expect(cards.last).to_contain_text(answer)
                advice = cards.last
                await expect(advice).to_contain_text("generic address")
                # "Show all steps" is an Action.ShowCard: it opens in the card, nothing is sent.
                await expect(advice).not_to_contain_text("Safer ways to share")
                await advice.get_by_role("button", name="Show all steps").click()
                await expect(advice).to_contain_text("Safer ways to share")
                await expect(cards).to_have_count(7)
                # Every message the person typed was echoed back, so Web Chat shows none as failed.
                await expect(page.get_by_text("Send failed")).to_have_count(0)
                if os.environ.get("SAFESHARE_SCREENSHOT"):
                    await page.screenshot(path=os.environ["SAFESHARE_SCREENSHOT"], full_page=True)
            finally:
                await browser.close()
    finally:
        code, output = serve.stop()
    assert code == 0 and "Traceback" not in output, output
    assert not errors, errors


# -- hostile input ------------------------------------------------------------

_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=40),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                     max_leaves=12)
_ACTIVITY = st.fixed_dictionaries({"type": st.sampled_from(["message", "typing", "event", "invoke", ""]) | _JSON}, optional={
    "text": st.text(max_size=200) | _JSON, "value": st.dictionaries(st.text(max_size=10), _JSON, max_size=5) | _JSON,
    "channelData": _JSON | st.fixed_dictionaries({"clientActivityID": _JSON}),
    "attachments": _JSON, "from": _JSON, "conversation": _JSON, "safeshare": _JSON})


@pytest.fixture(scope="module")
def background():
    from knowledge.loader import load_policy

    from .test_fuzz import Background

    server = Background(load_policy())
    yield server
    server.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_ACTIVITY | _JSON)
def test_hostile_activities_never_break_the_web_chat(background, body):
    async def exchange():
        session, base = background.session, background.bot.url + "/v3/directline"
        cid, headers = await _start(session, base)
        async with session.post(f"{base}/conversations/{cid}/activities", headers=headers, json=body) as resp:
            assert resp.status < 500 and "Traceback" not in await resp.text(), (resp.status, body)
        got = await _poll(session, base, cid, headers, "1")
        assert all(isinstance(a, dict) and a.get("id", "").startswith(cid) for a in got["activities"])
        assert (await _post(session, base, cid, headers, text="check")).status == 200  # still answering
        last = (await _poll(session, base, cid, headers, got["watermark"]))["activities"][-1]
        assert _title(last).startswith("Is a child suffering")

    background.run(exchange())
