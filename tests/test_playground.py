"""The README's Microsoft 365 Agents Playground walkthrough, run for real.

`safeshare serve` and the Playground (npm @microsoft/m365agentsplayground,
installed by .ci/run) run as processes. The first test sends messages through
the Playground's own conversation API and reads the replies from its activity
log file, which records what its mocked Teams connector received from the bot.
The second opens the Playground in Chromium and clicks the cards' buttons as
a person does, checking that each click reaches the bot (a new request in the
page's log panel) and is answered by a new card.
"""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import time
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from bot.cards import card_actions

from .azurite import free_port
from .browser import chromium, needs_chromium, script_errors, wait
from .test_production import Serve

PLAYGROUND = shutil.which("agentsplayground")
pytestmark = pytest.mark.skipif(
    PLAYGROUND is None and not os.environ.get("CI"),
    reason="Agents Playground is not installed (npm install -g @microsoft/m365agentsplayground; .ci/run does)")


class Playground:
    def __init__(self, endpoint: str, folder: Path):
        assert PLAYGROUND, "the Agents Playground is required in CI: .ci/run installs it with npm"
        self.port = free_port()
        self.url = f"http://localhost:{self.port}"
        self.log = folder / "playground.log"
        self.process = subprocess.Popen(
            [PLAYGROUND, "-e", endpoint, "-c", "msteams", "-p", str(self.port), "--dt"], cwd=folder,
            env={**os.environ, "TEAMSAPPTESTER_BROWSER": "none", "M365_AGENTS_PLAYGROUND_LOGFILE": str(self.log)},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)

    async def ready(self, session) -> dict:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                async with session.get(self.url + "/_internal/v1/config") as resp:
                    if resp.status == 200:
                        return (await resp.json())["config"]
            except aiohttp.ClientError:
                pass
            assert self.process.poll() is None, self.log.read_text() if self.log.exists() else "no log"
            await asyncio.sleep(0.2)
        raise AssertionError("the Playground did not start")

    def replies(self) -> list[dict]:
        """What the bot sent, as the Playground's connector received it: (activity, message id)."""
        out = []
        for line in self.log.read_text().splitlines() if self.log.exists() else []:
            if '"appendLog"' not in line:
                continue
            entry = json.loads(line[line.index("{"):])["log"]
            if entry.get("from") == "User Application":
                out.append({"activity": entry["request"]["body"], "id": entry["response"]["body"].get("id"),
                            "status": entry["response"]["statusCode"]})
        return out

    async def wait_for(self, count: int) -> list[dict]:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            found = self.replies()
            if len(found) >= count:
                return found
            await asyncio.sleep(0.1)
        raise AssertionError(f"expected {count} replies, got {len(self.replies())}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@asynccontextmanager
async def serve_with_playground(folder: Path):
    """`safeshare serve` and the Playground pointed at it; yields (session, playground, config).

    Both are stopped afterwards, and the bot must have exited cleanly.
    """
    serve = Serve({"SAFESHARE_STATE_FILE": str(folder / "state.sqlite3")}, folder)
    async with aiohttp.ClientSession() as session:
        await serve.ready(session)
        playground = Playground(f"{serve.url}/api/messages", folder)
        try:
            yield session, playground, await playground.ready(session)
        finally:
            playground.stop()
            code, output = serve.stop()
    assert code == 0 and "Traceback" not in output


def card_text(reply: dict) -> str:
    return reply["activity"]["attachments"][0]["content"]["body"][0]["text"]


async def test_the_readme_walkthrough_in_agents_playground(tmp_path):
    async with serve_with_playground(tmp_path) as (session, playground, config):
        chat, me = config["personalChat"]["id"], config["currentUser"]["id"]

        async def say(text: str, expect: int) -> dict:
            async with session.post(f"{playground.url}/_conversation/v1/conversations/{chat}/messages",
                                    json={"from": {"id": me}, "text": text, "textFormat": "plain"}) as resp:
                assert resp.status == 200, await resp.text()
            return (await playground.wait_for(expect))[-1]

        answer = await say("can I text the foster carer the new address?", 1)
        assert answer["status"] == 201 and card_text(answer) == "Not allowed"
        question = await say("check", 2)
        assert card_text(question).startswith("Is a child suffering")
        assert question["activity"]["suggestedActions"]["actions"]  # quick replies in personal chat
        no = next(a["data"] for a in card_actions(question["activity"]["attachments"][0]["content"])
                  if a["type"] == "Action.Submit" and a["data"].get("value") == "false")
        async with session.post(f"{playground.url}/_conversation/v1/submit",  # pressing the card's button
                                json={"conversation": {"id": chat}, "from": {"id": me},
                                      "replyToId": question["id"], "value": no}) as resp:
            assert resp.status == 200, await resp.text()
        pressed = (await playground.wait_for(3))[-1]
        assert card_text(pressed) == "How do you plan to send it?"
        # The "No" holds for the rest of the check: a document that names an injury is not a disclosure.
        minutes = await say("email the conference minutes about the bruising", 4)
        assert card_text(minutes) != "Ring the Safeguarding Hub now" and "0333" not in card_text(minutes)
        hub = await say("hub", 5)
        assert any(a.get("url") == "tel:03332401727"
                   for a in hub["activity"]["attachments"][0]["content"].get("actions", []))


class PlaygroundPage:
    """The Playground's web page: its chat and its log panel, read from the DOM."""

    CARDS = "return [...document.querySelectorAll('.ac-adaptiveCard')]" \
            ".filter(c => !c.parentElement.closest('.ac-adaptiveCard'))"
    LOG = """
        const title = [...document.querySelectorAll('span')].find(e => e.textContent.trim() == 'Log Panel');
        const panel = title.closest('div').parentElement.parentElement.querySelector('[contenteditable=true]');
        return [...panel.children].map(c => c.innerText);"""

    def __init__(self, driver, url: str):
        self.driver = driver
        driver.get(url)
        wait(driver, lambda d: self.cards(), message="the welcome card never arrived")

    def cards(self) -> list:
        return self.driver.execute_script(self.CARDS)

    def requests(self) -> int:
        """Messages the Playground sent to the bot, as its log panel lists them."""
        return sum("Playground -> User Application message" in line for line in self.driver.execute_script(self.LOG))

    def newest(self) -> str:
        return self.cards()[-1].text

    def expand(self, label: str, card: int = -1) -> None:
        """Press a button that shows more of the card itself (Action.ShowCard)."""
        from selenium.webdriver.common.by import By

        pressed = self.cards()[card]
        before = pressed.text
        buttons = [b for b in pressed.find_elements(By.CSS_SELECTOR, "button") if b.text.strip() == label]
        assert buttons, f"no button {label!r} on card {card}: {before}"
        buttons[0].click()
        wait(self.driver, lambda d: self.cards()[card].text != before, 10, f"pressing {label!r} showed nothing")

    def click(self, label: str, card: int = -1) -> str:
        """Press a button of a card (the newest by default); return the text of the card that answers it."""
        from selenium.webdriver.common.by import By

        pressed = self.cards()[card]
        buttons = [b for b in pressed.find_elements(By.CSS_SELECTOR, "button") if b.text.strip() == label]
        assert buttons, f"no button {label!r} on card {card}: {pressed.text}"
        cards, sent = len(self.cards()), self.requests()
        buttons[0].click()
        wait(self.driver, lambda d: self.requests() > sent, 10,
             f"pressing {label!r} sent nothing to the bot: {script_errors(self.driver)}")
        wait(self.driver, lambda d: len(self.cards()) > cards, 10, f"pressing {label!r} brought no new card")
        return self.newest()


@needs_chromium
async def test_every_kind_of_button_works_when_clicked_in_agents_playground(tmp_path):
    async with serve_with_playground(tmp_path) as (_, playground, _):
        await asyncio.to_thread(_click_through, playground.url)


def _click_through(url: str) -> None:
    with chromium() as driver:
        page = PlaygroundPage(driver, url)
        assert page.newest().startswith("SafeShare helps you share information")

        # A whole guided check, by buttons only, to the channel advice.
        assert page.click("Start a guided check").startswith("Is a child suffering")
        assert page.click("No").startswith("How do you plan to send it?")
        assert page.click("Email (internal or external)").startswith("What kind of information is it?")
        assert page.click("Mental health information").startswith("Who will receive it?")
        advice = page.click("A generic address such as info@ or enquiries@")
        assert advice.startswith("Not allowed") and "generic address" in advice

        # "Show all steps" opens the full checklists in the card (Action.ShowCard: nothing is sent).
        assert "Safer ways to share" not in advice
        page.expand("Show all steps")
        assert "Safer ways to share" in page.newest(), page.newest()
        # "Not right? Change it": the check opens again at the part chosen, the rest (harm too) kept.
        page.expand("Not right? Change it")
        assert page.click("Change: A generic address such as info@ or enquiries@").startswith("Who will receive it?")

        # The harm question answered yes: the Hub card, with its number.
        assert page.click("Start over").startswith("Is a child suffering")
        hub = page.click("Yes, or I think so")
        assert hub.startswith("Ring the Safeguarding Hub") and "0333 240 1727" in hub, hub

        # A common question from the FAQ menu, opened from the welcome card: a topic, then its question.
        assert page.click("Common questions", card=0).startswith("Common questions")
        assert page.click("Passwords and encryption").startswith("Passwords and encryption")
        faq = page.click("How do I encrypt a document?")
        assert "7-Zip" in faq or "7zip" in faq.lower(), faq
        assert not script_errors(driver)
