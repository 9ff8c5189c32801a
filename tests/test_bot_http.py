"""The bot end to end over HTTP: a real server, a real stand-in connector."""
from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp
import pytest
from jsonschema import Draft7Validator, validators

from bot.cards import card_actions
from bot.config import Config
from dialogs.answer import Assistant
from dialogs.conversation import Conversation, Incoming, Kind

from .botharness import BotServer, Client, Connector, activity, buttons, card_of, running

SCHEMAS = Path(__file__).parent / "schemas"
CARD_SCHEMA = json.loads((SCHEMAS / "adaptive-card-1.5.schema.json").read_text())
CARD_VALIDATOR = validators.validator_for(CARD_SCHEMA)(CARD_SCHEMA)


@pytest.fixture
async def harness(policy):
    connector = Connector()
    await connector.start()
    bot = BotServer(policy)
    await bot.start()
    async with aiohttp.ClientSession() as session:
        yield Client(session, bot, connector)
    await bot.stop()
    await connector.stop()


def assert_valid_card(reply: dict) -> dict:
    card = card_of(reply)
    CARD_VALIDATOR.validate(card)
    assert card["version"] == "1.5" and card["fallbackText"]
    for action in card_actions(card):  # data.msteams makes the Agents Playground drop the click
        assert action["type"] != "Action.Submit" or "msteams" not in action["data"], action
    return card


async def test_welcome_when_added(harness):
    sent = await harness.say("welcome", type_="conversationUpdate",
                             membersAdded=[{"id": "user-1"}, {"id": "bot-1"}])
    assert len(sent) == 1
    card = assert_valid_card(sent[0])
    assert "SafeShare helps you share" in card["body"][0]["text"]
    assert [a["title"] for a in sent[0]["suggestedActions"]["actions"]][:2] == ["Start a guided check", "Common questions"]


async def test_free_text_escalation(harness):
    sent = await harness.say("esc", "She told me that her stepdad hit her and she is scared to go home. Can I email school?")
    card = assert_valid_card(sent[0])
    assert card["body"][0]["text"].startswith("Ring the Safeguarding Hub")
    tel = [a for a in card_actions(card) if a["type"] == "Action.OpenUrl"]
    assert tel and tel[0]["url"] == "tel:03332401727"
    assert "48 hours" in json.dumps(card)


async def test_faq_with_typos_offers_follow_ups(harness):
    sent = await harness.say("faq", "wat makes a god pasword")
    card = assert_valid_card(sent[0])
    assert "8 characters" in json.dumps(card)
    titles = [a["title"] for a in sent[0]["suggestedActions"]["actions"]]
    assert "Can I send the password in an email?" in titles
    follow = await harness.say("faq", value=buttons(sent[0])[0]["data"])
    assert "Not allowed" in card_of(follow[0])["body"][0]["text"]


async def test_faq_menu_lists_topics_then_their_questions(harness, policy):
    sent = await harness.say("menu", "faq")
    assert [b["title"] for b in buttons(sent[0])] == [t.title for t in policy.faq_topics]
    assert_valid_card(sent[0])
    seen = []
    for topic in policy.faq_topics:  # every FAQ is a click or two away, and each topic leads back to the others
        sent = await harness.say("menu", value=next(b for b in buttons(sent[0]) if b["title"] == topic.title)["data"])
        titles = [b["title"] for b in buttons(sent[0])]
        assert_valid_card(sent[0])
        assert titles[-1] == "Other topics"
        seen += titles[:-1]
        sent = await harness.say("menu", value=buttons(sent[0])[-1]["data"])
    assert sorted(seen) == sorted(f.question for f in policy.faq.values())
    asked = await harness.say("menu", value={"safeshare": "ask", "text": policy.faq["foi"].question})
    assert "Freedom of Information" in json.dumps(card_of(asked[0]))


async def test_a_question_of_fact_is_answered_from_the_protocol_with_its_topic_a_click_away(harness, policy):
    """ "Which law is it based on?" is not answered "Allowed", nor offered as a decision to record."""
    sent = await harness.say("fact", "which law is it based on?")
    card = assert_valid_card(sent[0])
    assert card["body"][0]["text"] == "From the protocol"
    titles = [b["title"] for b in buttons(sent[0])]
    assert "Record this decision" not in titles
    topic = next(t for t in policy.faq_topics if "which-law" in t.faqs)
    more = next(b for b in buttons(sent[0]) if b["title"] == f"More: {topic.title}")
    sent = await harness.say("fact", value=more["data"])
    assert [b["title"] for b in buttons(sent[0])][:-1] == [policy.faq[f].question for f in topic.faqs]
    asked = await harness.say("fact", "can I cc everyone?")  # a permission asked: the verdict answers it
    assert card_of(asked[0])["body"][0]["text"] == "Allowed, with conditions"


async def test_a_faq_topic_since_removed_shows_the_topics(harness, policy):
    sent = await harness.say("menu", value={"safeshare": "command", "command": "faq", "topic": "no-such-topic"})
    assert "no longer in the menu" in json.dumps(card_of(sent[0]))
    assert [b["title"] for b in buttons(sent[0])] == [t.title for t in policy.faq_topics]


async def test_need_more_info_continues_as_check_prefilled(harness):
    sent = await harness.say("pre", "can I fax the child's details to the GP")
    continue_button = next(b for b in buttons(sent[0]) if b["title"] == "Continue as a guided check")
    sent = await harness.say("pre", value=continue_button["data"])
    card = assert_valid_card(sent[0])
    # fax, details, GP: already known, and no sign of harm read: the check goes on at the step the answer asked
    assert card["body"][0]["text"].startswith("Is it urgent")
    sent = await harness.say("pre", "back")  # back: the step before, as read from the question
    assert card_of(sent[0])["body"][0]["text"] == "What kind of information is it?"


async def test_typed_answers_and_back(harness):
    await harness.say("typed", "check")
    await harness.say("typed", "no")
    sent = await harness.say("typed", "emial")
    assert card_of(sent[0])["body"][0]["text"] == "What kind of information is it?"
    sent = await harness.say("typed", "back")
    assert card_of(sent[0])["body"][0]["text"] == "How do you plan to send it?"
    sent = await harness.say("typed", "carrier pigeon please")
    assert "could not match" in card_of(sent[0])["body"][0]["text"]
    assert card_of(sent[1])["body"][0]["text"] == "How do you plan to send it?"


async def test_typed_answers_are_read_like_questions(harness):
    await harness.say("read", "check")
    await harness.say("read", "nope")
    await harness.say("read", "by emial")
    sent = await harness.say("read", "his medical reports")  # fits 'sensitive' and 'personal': the most sensitive
    assert card_of(sent[0])["body"][0]["text"] == "Who will receive it?"


async def test_yes_or_no_first_then_words(harness):
    await harness.say("yn", "check")
    await harness.say("yn", "nah")
    await harness.say("yn", "fax")
    await harness.say("yn", "names and addresses")
    await harness.say("yn", "yes it's urgent")
    sent = await harness.say("yn", "no, they need the names")
    assert "Allowed, with conditions" in card_of(sent[0])["body"][0]["text"]


async def test_unsure_about_harm_is_not_a_no(harness):
    await harness.say("unsure", "check")
    sent = await harness.say("unsure", "no idea")
    assert "0333 240 1727" in json.dumps(card_of(sent[0]))


async def test_harm_typed_at_any_step_escalates(harness):
    await harness.say("harm-late", "check")
    await harness.say("harm-late", "no")
    sent = await harness.say("harm-late", "actually she just told me her stepdad hits her")
    card = assert_valid_card(sent[0])
    assert "0333 240 1727" in json.dumps(card)


async def test_stale_card_press_does_not_corrupt_state(harness):
    first = await harness.say("stale", "check")
    old_button = buttons(first[0])[1]  # "No" on the harm question of the first check
    await harness.say("stale", "cancel")
    await harness.say("stale", "check")
    await harness.say("stale", "no")
    sent = await harness.say("stale", value=old_button["data"])
    assert "out of date" in card_of(sent[0])["body"][0]["text"]
    sent = await harness.say("stale", "fax")  # the current check carries on where it was
    assert card_of(sent[0])["body"][0]["text"] == "What kind of information is it?"


def _paths(policy):
    """One path of button values to every distinct end of the guided check."""
    conversation = Conversation(Assistant(policy))
    leaves: dict[str, list] = {}
    state, messages = conversation.turn(None, Incoming("check"))
    stack = [(state, messages[-1], [])]
    while stack:
        state, message, path = stack.pop()
        if message.kind is Kind.ADVICE:
            leaves.setdefault(message.reply.rule_id, path)
            continue
        for option in message.options:
            if option.data.get("safeshare") != "answer":
                continue
            new_state, out = conversation.turn(state, Incoming(data=option.data))
            stack.append((new_state, out[-1], path + [option.value]))
    return leaves


async def test_every_end_of_the_guided_check_over_http(harness, policy):
    leaves = _paths(policy)
    # a rule that turns on a fact the check never asks (encrypted, a password proposed ...), or on a
    # value it never offers as a button (kinds read from text only), is reached from free text only
    offered = {f: {c.value for c in fact.choices} for f, fact in policy.facts.items()}
    from_questions_only = {r.id for r in policy.rules if all(
        any(not policy.facts[f].asked or not (values & offered[f]) for f, values in c.items()) for c in r.when)}
    assert from_questions_only == {
        "email-unencrypted", "password-reused", "password-too-short", "password-no-mix", "password-short-no-mix",
        "password-meets-rules", "password-guessable", "password-emailed-by-me", "password-emailed-already", "password-by-email", "send-everything",
        "password-relayed",
        "weak-encryption", "removable-media-done", "removable-media-done-what-now", "fax-highly-sensitive-by-analogy",
        "email-school-portal-down",
        "service-contact", "email-pid-in-body", "email-pid-in-subject", "borrowed-account", "encrypted-to-list", "list-outside-council",
        "identifying-file-name", "mailbox-copies", "misdirected", "misdirected-untold", "hub-call", "hub-instead-of-call", "hub-in-writing", "hub-by-fax-or-text", "public-office-not-covered", "still-identifiable", "not-intended-open",
        "not-intended-recipient", "not-intended-fax", "cc-too-many", "self-made-secure-account", "off-the-record", "distribution-list", "distribution-list-stale", "distribution-list-stale-who", "distribution-list-too-many", "choose-recipient", "no-agreement",
        "no-agreement-unrecorded", "no-agreement-process", "password-not-received", "received-unencrypted", "received-pid-in-subject",
        "fax-highly-sensitive-received", "fax-received-read", "fax-left-unattended",
        "email-initials-in-body", "email-identifier-instead-of-names", "keep-unencrypted-copy", "password-about-child", "email-secure-route-passed-over",
        "addresses-shown", "addresses-shown-professionals", "addresses-hidden", "fax-name-over-identifier", "secure-address-no-account",
        "secure-address-no-account-unencrypted", "open-before-saving", "password-example", "hub-follow-up-late",
        "hub-follow-up-weekend", "hub-follow-up-hours", "service-contact-fax", "hub-follow-up-overdue",
        "removable-media-received", "removable-media-handover", "email-to-team-mailbox",
        "received-from-personal-account", "password-common", "thread-holds", "team-mailbox-sent-in",
        "secure-address-unnamed", "secure-address-unnamed-unencrypted"}
    expected = {r.id for r in policy.rules} - {"not-covered"} - from_questions_only
    # nothing personal by email is answered before the check asks who receives it (the channel is asked first, and
    # the answer holds for any recipient but a private person's own account, which only free text names then)
    expected -= {"email-no-personal-private"}
    assert expected <= set(leaves), expected - set(leaves)
    for n, (rule_id, path) in enumerate(sorted(leaves.items())):
        cid = f"path-{n}"
        sent = await harness.say(cid, "check")
        for value in path:
            press = next(b for b in buttons(sent[-1]) if b["data"].get("value") == value)
            sent = await harness.say(cid, value=press["data"])
        for reply in sent:
            assert_valid_card(reply)
        text = json.dumps(card_of(sent[-1]))
        assert policy.rules[[r.id for r in policy.rules].index(rule_id)].summary[:40] in text, rule_id


async def test_200_concurrent_conversations_keep_their_own_state(harness):
    scripts = {
        "fax-mh": (["check", "no", "fax", "mental health information"], "Not allowed"),
        "text-pid": (["check", "no", "text message", "personal identifiable information"], "Not allowed"),
        "harm": (["check", "yes"], "Ring the Safeguarding Hub now"),
        "oc": (["check", "no", "objective connect"], "Allowed, with conditions"),
    }

    async def run(n: int):
        name = list(scripts)[n % len(scripts)]
        lines, verdict = scripts[name]
        cid = f"many-{n}"
        for line in lines:
            sent = await harness.say(cid, line)
        return name, card_of(sent[-1])["body"][0]["text"]

    results = await asyncio.gather(*(run(n) for n in range(200)))
    for name, text in results:
        assert text == scripts[name][1], (name, text)


async def test_bad_requests_get_clear_statuses(harness):
    url = harness.bot.url + "/api/messages"
    async with harness.session.post(url, data=b"{not json", headers={"Content-Type": "application/json"}) as r:
        assert r.status == 400 and "Traceback" not in await r.text()
    async with harness.session.post(url, data=b"x" * 300_000, headers={"Content-Type": "application/json"}) as r:
        assert r.status == 413
    async with harness.session.post(url, data=b"{}", headers={"Content-Type": "text/plain"}) as r:
        assert r.status == 415
    async with harness.session.post(url, json=[1, 2]) as r:
        assert r.status == 400
    async with harness.session.post(url, json={"type": "message", "text": "hi"}) as r:
        assert r.status == 400 and "serviceUrl" in await r.text()
    async with harness.session.get(harness.bot.url + "/healthz") as r:
        assert r.status == 200 and (await r.json())["status"] == "ok"


async def test_unknown_command_data_and_invoke(harness):
    sent = await harness.say("odd", value={"safeshare": "command", "command": "format-c"})
    assert "did not understand" in card_of(sent[0])["body"][0]["text"]
    resp = await harness.post(activity(harness.connector.url, "odd", type_="invoke", name="no/such/invoke"))
    assert resp.status < 500


async def test_with_an_app_id_a_request_without_a_token_is_refused(policy):
    connector = Connector()
    await connector.start()
    bot = BotServer(policy, Config(APP_ID="11111111-2222-4333-8444-555555555555", APP_PASSWORD="not-used",
                                     ALLOWED_TENANTS="9f3c1a52-0d6e-4f3b-8a61-2b7c5e4d9a10"))
    await bot.start()
    try:
        async with aiohttp.ClientSession() as session:
            client = Client(session, bot, connector)
            resp = await client.post(activity(connector.url, "auth", "hello"))
            assert resp.status == 401
            resp = await client.post(activity(connector.url, "auth", "hello"), headers={"Authorization": "Bearer nonsense"})
            assert resp.status == 401
        assert connector.sent["auth"] == []
    finally:
        await bot.stop()
        await connector.stop()


def test_manifest_package_is_valid(tmp_path):
    import struct
    import zipfile

    from bot.manifest import ManifestError, build_package

    schema = json.loads((SCHEMAS / "teams-manifest-1.22.schema.json").read_text())
    urls = {"privacy_url": "https://council.gov.uk/safeshare/privacy", "terms_url": "https://council.gov.uk/safeshare/terms"}
    path = build_package("11111111-2222-4333-8444-555555555555", tmp_path / "app.zip", **urls)
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        Draft7Validator(schema).validate(manifest)
        assert manifest["manifestVersion"] == "1.22"
        # A personal bot needs no permissions, no valid domains (no sign-in, no tab) and no placeholders.
        assert "permissions" not in manifest and "validDomains" not in manifest
        assert manifest["developer"]["privacyUrl"] == urls["privacy_url"]
        assert manifest["developer"]["termsOfUseUrl"] == urls["terms_url"]
        assert manifest["developer"]["websiteUrl"] == urls["privacy_url"]
        assert "example." not in json.dumps(manifest) and "{{" not in json.dumps(manifest)
        bot = manifest["bots"][0]
        assert bot["scopes"] == ["personal"] and bot["supportsFiles"] is True
        assert [c["title"] for c in bot["commandLists"][0]["commands"]][:2] == ["help", "check"]
        for name, size, _alpha in (("color.png", 192, False), ("outline.png", 32, True)):
            data = archive.read(name)
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            width, height, _, colour_type = struct.unpack(">IIBB", data[16:26])
            assert (width, height) == (size, size)
            assert colour_type == 6  # RGBA: the outline icon must be transparent
    with pytest.raises(ManifestError):
        build_package("not-a-guid", tmp_path / "bad.zip", **urls)
    for bad in ({}, {**urls, "privacy_url": "http://council.gov.uk/p"},
                {**urls, "terms_url": "https://www.example.gov.uk/safeshare/terms"}):
        with pytest.raises(ManifestError, match="must be the council's own https page"):
            build_package("11111111-2222-4333-8444-555555555555", tmp_path / "bad.zip", **bad)


async def test_long_choice_lists_are_split_into_sets_teams_shows_in_full(harness, policy):
    await harness.say("sets", "check")
    sent = await harness.say("sets", "no")  # "How do you plan to send it?": every channel, back, start over
    card = assert_valid_card(sent[0])
    assert "actions" not in card
    sets = [e["actions"] for e in card["body"] if e["type"] == "ActionSet"]
    assert sets and all(len(s) <= 6 for s in sets)
    offered = [c.label for c in policy.channels.values() if c.choice]  # not an app the protocol does not name
    assert [a["title"] for s in sets for a in s][:len(offered)] == offered
    email = next(t for t in policy.faq_topics if t.id == "email")
    sent = await harness.say("sets", value={"safeshare": "command", "command": "faq", "topic": "email"})
    card = assert_valid_card(sent[0])
    assert "actions" not in card and len(buttons(sent[0])) == len(email.faqs) + 1
    short = await harness.say("sets", "can I fax the GP a mental health assessment?")
    assert len(card_of(short[0]).get("actions", [])) <= 6


@pytest.mark.parametrize("host, allowed", [("127.0.0.1:3978", True), ("localhost", True), ("[::1]:3978", True),
                                           ("rebound.example.com:3978", False), ("192.168.1.20:3978", False)])
async def test_anonymous_mode_answers_only_a_loopback_host(harness, host, allowed):
    """A web page whose name is rebound to 127.0.0.1 sends its own name as Host: no answer for it."""
    conversation = f"host-{host}"
    resp = await harness.post(activity(harness.connector.url, conversation, "hello"), headers={"Host": host})
    assert resp.status == (200 if allowed else 403)
    assert bool(harness.connector.sent[conversation]) is allowed


async def test_allow_anonymous_remote_answers_any_host(policy, connector):
    bot = BotServer(policy, Config(ANONYMOUS_REMOTE=True))
    async with running(bot, connector) as client:
        resp = await client.post(activity(connector.url, "remote", "hello"), headers={"Host": "bot.internal:3978"})
        assert resp.status == 200


def _teams_fields(connector_url: str) -> dict:
    """What Teams adds to every activity beyond the harness's minimum (ids at their real lengths)."""
    return {"timestamp": "2026-12-01T11:00:00.1234567Z", "localTimestamp": "2026-12-01T11:00:00.1234567+00:00",
            "locale": "en-GB", "localTimezone": "Europe/London", "replyToId": "1701234567000",
            "from": {"id": "29:1" + "x" * 120, "name": "Firstname Double-Barrelled Lastname",
                     "aadObjectId": "6b1f1c7e-1111-4a2b-9c3d-1234567890ab"},
            "entities": [{"locale": "en-GB", "country": "GB", "platform": "Windows",
                          "timezone": "Europe/London", "type": "clientInfo"}]}


def largest_real_activities(connector_url: str, card: dict) -> dict[str, dict]:
    """The biggest activities Teams can legitimately send SafeShare.

    The email-check card submitted with every box filled to the card's own maxLength (the draft in
    Teams' JSON, curly quotes and dashes escaped), and twenty attached files (the packager's limit)
    with SharePoint download URLs, whose tempauth tokens are about 1,400 characters.
    """
    boxes = {b["id"]: b["maxLength"] for b in card["body"] if b["type"] == "Input.Text"}
    draft = ("Dear colleague,\n\nFurther to the strategy meeting on 3 November, please find the review "
             "attached. I’ve set out the “next steps” below — please check the dates. ") * 2000
    value = {"safeshare": "email_check",
             **{box: (draft if limit > 4000 else "jo@cumbria.gov.uk; " * 400)[:limit] for box, limit in boxes.items()}}
    card_submit = activity(connector_url, "big-card", value=value, **_teams_fields(connector_url))
    site = "https://cumbriacc-my.sharepoint.com/personal/first_lastname_cumbria_gov_uk"
    files = [{"contentType": "application/vnd.microsoft.teams.file.download.info",
              "contentUrl": f"{site}/Documents/Microsoft Teams Chat Files/Child protection conference report {n} "
                            "(final version).docx",
              "name": f"Child protection conference report {n} (final version).docx",
              "content": {"downloadUrl": f"{site}/_layouts/15/download.aspx?UniqueId={n:08d}-aaaa-4bbb-8ccc-"
                                         f"dddddddddddd&Translate=false&tempauth=v1.{'t' * 1400}&ApiVersion=2.0",
                          "uniqueId": f"{n:08d}-aaaa-4bbb-8ccc-dddddddddddd", "fileType": "docx"}}
             for n in range(20)]
    files.append({"contentType": "text/html", "content": "<p>please package these</p>"})
    twenty_files = activity(connector_url, "big-files", "", attachments=files, **_teams_fields(connector_url))
    return {"email-check card": card_submit, "20 files": twenty_files}


async def test_the_body_cap_fits_the_largest_real_activity_and_little_more(harness):
    """The cap is what a real activity needs: each of the largest gets through, with under 25 % to spare."""
    sent = await harness.say("big-card", "check email")
    largest = largest_real_activities(harness.connector.url, card_of(sent[0]))
    sizes = {}
    for name, body in largest.items():
        raw = json.dumps(body).encode()  # ASCII-escaped: the larger of Teams' two possible encodings
        sizes[name] = len(raw)
        async with harness.session.post(harness.bot.url + "/api/messages", data=raw,
                                        headers={"Content-Type": "application/json"}) as resp:
            assert resp.status == 200, (name, resp.status, await resp.text())
    assert harness.connector.sent["big-card"][-1] != sent[0]  # the draft was checked and answered
    cap = Config().MAX_BODY_BYTES
    assert max(sizes.values()) <= cap <= 1.25 * max(sizes.values()), (sizes, cap)


async def test_a_body_that_arrives_too_slowly_gets_408(policy, connector):
    """A client trickling its body holds the request for BODY_READ_SECONDS, not for ever."""
    bot = BotServer(policy, Config(BODY_READ_SECONDS=0.3))
    await bot.start()
    try:
        port = int(bot.url.rsplit(":", 1)[1])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        body = json.dumps(activity(connector.url, "slow", "hello")).encode()
        writer.write(b"POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     + f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:20])
        await writer.drain()
        loop = asyncio.get_running_loop()
        started = loop.time()
        status_line = await asyncio.wait_for(reader.readline(), 5)
        waited = loop.time() - started
        assert status_line.split()[1] == b"408", status_line
        assert 0.2 < waited < 3, waited
        assert connector.sent["slow"] == []
        writer.close()
    finally:
        await bot.stop()
