"""Every guided-check path ends: no loops, no choice offered twice, no dead ends (QA walk of `safeshare chat`).

Driven through the real terminal chat (bot/chat.py's ChatSession over the real SafeShareBot), as a user types.
"""
from __future__ import annotations

import re

import pytest

from dialogs.conversation import choose_between
from dialogs.reply import BRIEF_WORDS, reading_words

from bot.app import create_bot
from bot.chat import ChatSession


@pytest.fixture
async def chat(policy):
    session = ChatSession(create_bot(policy))
    await session.start()
    return session


async def walk(chat: ChatSession, *typed: str) -> str:
    said = ""
    for line in typed:
        said = await chat.say(line)
    return said


def choices(said: str) -> list[str]:
    return re.findall(r"^  \d+\. (.*)$", said.split("Choices (type the number")[-1], re.M)


async def test_change_keeps_every_other_fact_harm_included(chat):
    said = await walk(chat, "check", "2", "6", "5", "1", "1", "5")
    assert choices(said)[0] == "Change: Fax"
    said = await chat.say("1")
    assert said.startswith("How do you plan to send it?")  # reopened at that step, not the harm question
    said = await walk(chat, "email", "a school")
    assert "Understood: Email · Personal identifiable information · A school" in said


async def test_change_on_a_one_shot_answer_does_not_ask_harm_again(chat):
    said = await chat.say("can I email the review to the health visitor?")
    said = await chat.say(str(choices(said).index("Not right? Change it") + 1))
    said = await chat.say(str(choices(said).index("Change: Email") + 1))
    assert said.startswith("How do you plan to send it?")


async def test_back_at_which_part_should_change_returns_to_the_answer(chat):
    """(README trial, session 49) "Not right? Change it" opened by mistake: back folds it away, as Teams does, and
    shows the answer with its choices; nothing is sent."""
    first = await chat.say("can I fax the GP the child's date of birth?")
    said = await chat.say(str(choices(first).index("Not right? Change it") + 1))
    assert said.startswith("Which part should change?") and "Type back to return to the answer" in said
    assert await chat.say("back") == first


async def test_a_number_out_of_range_at_which_part_should_change_keeps_back_to_the_answer(chat):
    """(README trial, session 50) "Teams chat" has one thing to change; typing 4 there says to type 1 (not "choose 1
    to 1"), and `back` still returns to the answer, not to a check's first step."""
    first = await chat.say("can I message the team about the family on Teams chat?")
    said = await chat.say(str(choices(first).index("Not right? Change it") + 1))
    assert said.startswith("Which part should change?")
    said = await chat.say(str(len(choices(said)) + 3))
    assert said.startswith(choose_between(len(choices(said))))
    assert "1 to 1" not in said
    assert await chat.say("back") == first


async def test_back_before_changing_returns_to_the_answer_changed_from(chat):
    """(README trial, session 48) "Change: Email", then back at once: the answer as it was, not the harm question
    or the recipient step of a check the user never started."""
    first = await chat.say("can I email the core group minutes to the school?")
    said = await chat.say(str(choices(first).index("Not right? Change it") + 1))
    said = await chat.say(str(choices(said).index("Change: Email") + 1))
    assert said.startswith("How do you plan to send it?")
    said = await chat.say("back")
    assert said.split("Choices")[0] == first.split("Choices")[0]
    said = await chat.say(str(choices(said).index("Not right? Change it") + 1))
    said = await walk(chat, str(choices(said).index("Change: Email") + 1), "fax", "back")
    assert said.startswith("How do you plan to send it?")  # once chosen, back steps back through the check as before


@pytest.mark.parametrize("typed, step", [(("check", "2", "1", "7"), "Who will receive it?"),
                                         (("check", "2", "1", "not sure"), "Who will receive it?")])
async def test_not_sure_of_the_kind_goes_on_as_sensitive(chat, typed, step):
    said = await walk(chat, *typed)
    assert "discuss it with your manager or ring the Safeguarding Hub on 0333 240 1727" in said
    assert step in said and "What kind of information is it?" not in said


async def test_not_sure_of_the_kind_of_a_fax_is_never_faxed(chat):
    """(README trial, session 45) a fax whose kind the user is not sure of: the safest reading for a fax is the kind it
    must never carry (Faxes 4), not sensitive personal data, which an urgent fax with no other identifier allows."""
    said = await walk(chat, "check", "2", "6", "7")  # (before: urgent? another identifier? then "fax it")
    assert "Not allowed: Do not fax it: mental health and safeguarding information must not be sent via fax." in said
    assert "Not sure of the kind: treated as safeguarding information (not faxed)" in said


async def test_not_sure_of_the_recipient_goes_on_to_the_advice_and_says_so(chat):
    said = await walk(chat, "check", "2", "1", "1", "8")
    assert "discuss it with your manager" in said and "Who will receive it?" not in said
    assert "Understood: Email · Safeguarding or child protection information · Not sure who: treated as an " \
           "external organisation" in said


async def test_not_sure_of_harm_twice_never_mixes_the_hub_with_the_question(chat):
    once = await walk(chat, "check", "3")
    assert "0333 240 1727" in once and choices(once) == ["Yes, or I think so", "No"]  # nothing to start over from
    twice = await chat.say("not sure")
    assert "Ring the Safeguarding Hub now" in twice and "Yes, or I think so" not in choices(twice)
    assert choices(twice)[0] == "Continue the check"
    again = await chat.say("1")
    assert again.startswith("Is a child suffering") and choices(again) == ["Yes, or I think so", "No"]


@pytest.mark.parametrize("words", ["not sure", "dunno", "I don't know", "3"])
async def test_not_sure_at_the_channel_gives_the_safer_ways(chat, words):
    said = await walk(chat, "check", "2")
    said = await chat.say(str(choices(said).index("Not sure") + 1) if words == "3" else words)
    assert "Objective Connect" in said and "encrypted" in said and "manager" in said
    assert said.split("\n\n")[-1].startswith("How do you plan to send it?") and "Not sure" not in choices(said)


async def test_back_after_a_one_shot_answer_reopens_its_last_step(chat):
    await chat.say("can I email the review to the health visitor?")
    said = await chat.say("back")
    assert "There is no check in progress" not in said and said.startswith("Who will receive it?")


async def test_back_after_a_one_shot_follow_up_opens_the_check_at_that_step(chat):
    await chat.say("can I fax the file to the other council?")
    said = await chat.say("back")
    assert said.startswith("What kind of information is it?")


@pytest.mark.parametrize("words", ["start again", "start over", "restart"])
async def test_start_again_works_at_every_step(chat, words):
    said = await walk(chat, "check", "2", "1", words)
    assert said.startswith("Is a child suffering")


async def test_dunno_to_a_one_shot_follow_up_is_not_sure(chat):
    said = await walk(chat, "I need to send the LAC review to a solicitor", "dunno")
    assert "Objective Connect" in said and "did not understand" not in said
    assert said.split("\n\n")[-1].startswith("How do you plan to send it?")


async def test_an_out_of_range_number_gets_the_same_choices(chat):
    before = await walk(chat, "check", "2", "1")
    said = await chat.say("42")
    assert said.startswith(f"Please choose 1 to {len(choices(before))}.") and choices(said) == choices(before)
    assert (await chat.say("5")).startswith("Who will receive it?")  # the numbers still press the same buttons


async def test_an_out_of_range_number_after_an_answer_keeps_its_choices(chat):
    before = await chat.say("can I email the review to the health visitor?")
    said = await chat.say("9")
    assert said.startswith(f"Please choose 1 to {len(choices(before))}.") and choices(said) == choices(before)
    assert "Common questions" not in said


async def test_show_all_steps_keeps_the_answers_other_buttons(chat):
    before = await chat.say("can I email the school the child protection plan?")
    said = await chat.say(str(choices(before).index("Show all steps") + 1))
    assert "External email" in said  # the full checklists, then the same card's buttons, as Teams keeps them
    assert choices(said) == choices(before)  # each at the number it had (README trial, session 47)
    assert "Record this decision" in choices(said)


async def test_a_typed_number_in_teams_presses_that_button(assistant):
    """Teams sends a typed number as text: it presses the button at that place, or says 1 to N."""
    from dialogs.conversation import Conversation, Incoming

    conversation = Conversation(assistant)
    state, _ = conversation.turn(None, Incoming("check"))
    state, asked = conversation.turn(state, Incoming("2"))
    not_sure = [o.title for o in asked[-1].options].index("Not sure") + 1
    state, messages = conversation.turn(state, Incoming(str(not_sure)))  # "Not sure" at the channel step
    assert messages[0].title == "If you are not sure" and "Objective Connect" in messages[0].text()
    state, messages = conversation.turn(state, Incoming("40"))
    assert messages[0].title.startswith("Please choose 1 to ") and messages[-1].fact.id == "channel"
    state, messages = conversation.turn(None, Incoming("can I fax the file to the other council?"))
    numbered = [o.title for o in messages[-1].reply.options]
    assert numbered == [o.title for o in messages[-1].options][:len(numbered)]
    chosen, _ = conversation.turn(state, Incoming(str(numbered.index("Mental health information") + 1)))
    assert chosen["check"]["facts"]["kind"] == "mental_health"


async def test_a_one_shot_answers_numbered_list_matches_its_buttons(chat):
    said = await chat.say("can I fax the file to the other council?")
    assert "Mental health information" in choices(said)[:6]
    assert not re.search(r"^  \d+\. ", said.split("Choices (type the number")[0], re.M)  # listed once, as buttons
    assert said.count("What kind of information is it?") == 1  # asked once


async def test_urgent_and_identifier_are_in_the_recap_and_dunno_is_not_no(chat):
    said = await walk(chat, "check", "2", "6", "5")
    assert choices(said)[:3] == ["Yes, it is urgent and necessary", "No, it can wait", "Not sure"]  # Faxes 1
    said = await chat.say("1")
    assert choices(said)[:3] == ["Yes, another identifier would do", "No, it has to identify the person", "Not sure"]
    said = await chat.say("dunno")
    assert "Understood: Fax · Personal identifiable information · Urgent and necessary · Not sure: use another " \
           "identifier if one will do" in said
    said = await walk(chat, "check", "2", "6", "5", "I don't know")
    assert "so if you are not sure, do not fax it" in said and "Not sure it is urgent: treated as not urgent" in said


async def test_recipients_fit_the_channel(chat):
    said = await walk(chat, "check", "2", "5")
    assert said.startswith("Who will receive it?") and choices(said)[0] == "A school"
    assert not any(("webmail" in c or "generic" in c or "secure email" in c) for c in choices(said))
    said = await walk(chat, "check", "2", "2", "1")
    assert "A secure email address (cjsm, gsx)" not in choices(said)


async def test_help_mid_check_keeps_the_answers_and_cancel_after_the_end(chat):
    said = await walk(chat, "check", "2", "1", "help")
    assert choices(said)[0] == "Continue the check"
    assert (await chat.say("1")).startswith("What kind of information is it?")
    said = await walk(chat, "5", "5")
    assert "Allowed" in said
    said = await chat.say("cancel")
    assert "nothing to stop" in said and "Check stopped" not in said


async def test_needs_more_info_asks_once_and_fits_a_phone(chat):
    said = await chat.say("can I fax the file to the other council?")
    first = said.split("Choices (type the number")[0]
    assert "To answer, SafeShare needs to know" not in first
    assert reading_words(first) <= BRIEF_WORDS


def test_the_new_cards_are_valid_adaptive_cards(assistant):
    from bot.cards import render_card
    from dialogs.conversation import Conversation, Incoming

    from .test_bot_http import CARD_VALIDATOR

    conversation = Conversation(assistant)
    state, _ = conversation.turn(None, Incoming("check"))
    shown = []
    for typed in ("not sure", "not sure", "help"):
        state, messages = conversation.turn(state, Incoming(typed))
        shown += messages
    state, messages = conversation.turn(None, Incoming("can I fax the file to the other council?"))
    shown += messages
    for message in shown:
        card = render_card(message)
        CARD_VALIDATOR.validate(card)
        assert "To answer, SafeShare needs to know" not in str(card["body"])


def test_every_path_of_buttons_through_the_guided_check_ends_without_a_loop(assistant):
    """Every button at every step of the guided check, pressed in turn (534 paths): each path ends in advice
    (or the Hub) within a few steps, no question comes back except after "Not sure" (the protocol's words or
    the safer ways, then the question without "Not sure"), and no choice is listed twice."""
    from dialogs.conversation import Conversation, Incoming, Kind

    conversation = Conversation(assistant)
    ended: list[str] = []

    def press_every_button(state, messages, asked: tuple[str, ...]) -> None:
        last = messages[-1]
        if last.kind is not Kind.QUESTION or last.fact is None:
            assert last.kind is Kind.ADVICE and last.reply is not None, asked
            ended.append(last.reply.verdict.value)
            return
        assert len(asked) < 2 * 12, asked  # (fact, fact=choice) a step
        fact = last.fact.id
        titles = [o.title for o in last.options]
        assert len(titles) == len(set(titles)), (asked, titles)
        if asked.count(fact):  # asked again only after "Not sure" (harm, the way of sending), and without it
            assert f"{fact}=Not sure" in asked and "Not sure" not in titles, asked
        for option in last.options:
            if (option.data or {}).get("safeshare") == "command":  # Back, Start over: tested on their own
                continue
            state_after, said = conversation.turn(state, Incoming(option.value, option.data))
            press_every_button(state_after, said, (*asked, fact, f"{fact}={option.title}"))

    press_every_button(*conversation.turn(None, Incoming("check")), ())
    assert len(ended) > 400 and {"escalate", "allowed", "allowed_with_conditions", "not_allowed"} <= set(ended)


async def test_a_choice_box_with_nothing_preselected_does_not_offer_enter(chat):
    """The breach report's choice boxes: where none is preselected, Enter only asks again, so the prompt asks for
    a number instead of saying "Enter for none" (the README trial of session 26)."""
    said = await walk(chat, "report", "1", "1", "", "1")
    assert said.startswith("Could a child be at risk") and "type a number" in said and "Enter for" not in said, said
    again = await chat.say("")  # Enter asks again, saying why: there is no default to keep
    assert again.startswith("Please type a number from 1 to 3.") and again.endswith(said)


async def test_exit_in_a_choice_box_ends_the_chat_but_is_text_in_a_text_box(policy):
    """No choice is called "exit", so typed in a choice box it ends the chat as it does anywhere else, instead of
    asking for a number again (session 26's left item); a text box takes "exit" as the words typed."""
    import io

    from bot.chat import run_chat

    out = io.StringIO()
    assert await run_chat(create_bot(policy), io.StringIO("report\n1\n\n\n\nexit\nnever read\n"), out) == 0
    assert "type a number" in out.getvalue() and "never read" not in out.getvalue()
    session = ChatSession(create_bot(policy))
    await session.start()
    await walk(session, "check email", "1")
    assert session.collecting and not session.choosing
    assert await session.say("exit") == "Cc: (press Enter for none)"  # "exit" was the words typed in To


@pytest.mark.parametrize("question, portal", [("can I send the child protection plan to the school?", True),
                                              ("can I send the child protection plan to the GP?", False)])
async def test_not_sure_at_the_channel_offers_the_school_portal_only_for_a_school(chat, question, portal):
    said = await chat.say(question)
    assert said.split("\n\n")[-1].startswith("How do you plan to send it?") or "How do you plan" in said
    said = await chat.say("not sure")
    assert ("- The school portal" in said) is portal and "Objective Connect" in said
    if portal:
        assert said.index("The school portal") < said.index("Objective Connect")  # the school's own route first


async def test_a_new_question_typed_where_a_one_shot_answer_asked_how_is_answered_as_new(chat):
    """README trial: "can I emial the LAC review to the school?" typed where the answer asked how it goes was taken as
    "email" alone, and its school and its review were lost."""
    said = await chat.say("what password should I use for the zip file with the core assessment?")
    assert "How do you plan to send it?" in said
    said = await chat.say("can I emial the LAC review to the school?")
    assert "A school" in said and "Who will receive it?" not in said


async def test_a_new_question_with_typos_at_the_harm_step_is_answered_not_refused(chat):
    """README trial: at the harm step, "cna i emial teh assesment to the helth visitor" was "Sorry, I could not
    match that" and the question was lost."""
    await chat.say("check")
    said = await chat.say("cna i emial teh assesment to the helth visitor")
    assert "could not match" not in said and "Email" in said


async def test_back_while_reading_the_common_questions_returns_to_the_menu_before(chat):
    """"back" in the common questions goes up a level (an answer to its topic's questions, a topic to the
    topics), never "There is no check in progress"."""
    said = await chat.say("faq")
    said = await chat.say(str(choices(said).index("Passwords and encryption") + 1))
    said = await chat.say(str(choices(said).index("What makes a good password?") + 1))
    assert "8 characters" in said
    said = await chat.say("back")
    assert said.startswith("Passwords and encryption") and "What makes a good password?" in choices(said)
    said = await chat.say("back")
    assert said.startswith("Common questions") and "Passwords and encryption" in choices(said)
    said = await chat.say("back")
    assert "no check in progress" in said  # the top of the menu: nothing further back


async def test_start_typed_alone_starts_a_check(chat):
    said = await walk(chat, "check", "2", "start")
    assert said.startswith("Is a child suffering") and "could not match" not in said


async def test_a_slip_told_offers_the_report_as_a_button(chat):
    """The answer says "type report": the report is a button as well, as it would be in Teams."""
    said = await chat.say("I emailed the LAC review to the wrong Sarah by mistake, what now?")
    assert "Report a breach or near miss" in choices(said)


async def test_the_first_question_of_a_fresh_check_offers_no_start_over(chat):
    """README trial: "Start over" on the very first question did nothing. It comes back once anything is chosen."""
    said = await chat.say("check")
    assert "Start over" not in choices(said)
    said = await chat.say("2")
    assert "Start over" in choices(said)


async def test_the_rules_next_question_under_a_common_questions_text_is_answered_by_its_buttons(chat):
    """README trial: "what about by text instead?" asks what kind of information it is, with the texting FAQ's text
    beneath; the kinds were printed as a plain list and the buttons were the start menu, so "5" got "choose 1 to 4"."""
    said = await chat.say("what about by text instead?")
    assert "Personal identifiable information (names, address, date of birth …)" in choices(said)
    said = await chat.say(str(choices(said).index("Personal identifiable information (names, address, date of birth …)") + 1))
    assert said.startswith("Not allowed")


async def test_back_at_the_first_question_says_there_is_no_step_before(chat):
    """A README trial: "back" at the harm question asked it again without a word, as if nothing had been typed."""
    said = await walk(chat, "check", "back")
    assert said.startswith("This is the check's first question") and "Is a child suffering" in said


async def test_a_recipient_typed_where_the_answer_asked_how_keeps_what_was_read(chat):
    """README trial: "GP" typed where the answer had asked how it goes was read as a new question, and the
    mental health assessment it was about was lost (the check then asked what kind of information it was)."""
    said = await chat.say("can I send the mental health assessment?")
    assert "How do you plan to send it?" in said
    said = await chat.say("GP")
    assert said.startswith("How do you plan to send it?\nNoted: An external organisation.")
    said = await chat.say("fax")
    assert said.startswith("Not allowed") and "Fax · Mental health information · An external organisation" in said


@pytest.mark.parametrize("typed, understood", [
    ("its for the GP", "Email · Safeguarding or child protection information · An external organisation"),
    ("what about the health visitor?", "Email · Safeguarding or child protection information · An external organisation"),
    ("and by post?", "Post · Safeguarding or child protection information · A school"),
])
async def test_a_short_reply_after_the_advice_changes_that_one_thing(chat, typed, understood):
    """After the advice, a reply naming one thing is the same question changed, not a new one missing the rest.
    A kind read beside a recipient ("health" in "health visitor") never replaces the plan's own kind."""
    await chat.say("can I email the CP plan to the school?")
    said = await chat.say(typed)
    assert f"Understood: {understood}" in said


@pytest.mark.parametrize("typed", ["what about dad, he hit her last night", "GP, mum says he hits her"])
async def test_a_sign_of_harm_in_a_short_reply_is_rung_not_merged(chat, typed):
    await chat.say("can I email the CP plan to the school?")
    assert (await chat.say(typed)).startswith("Ring the Safeguarding Hub now on 0333 240 1727")
    await chat.say("can I send the mental health assessment?")
    assert "Ring the Safeguarding Hub now on 0333 240 1727, then follow up" in await chat.say(typed)


async def test_a_common_questions_word_after_the_advice_is_still_its_answer(chat):
    await chat.say("can I email the CP plan to the school?")
    said = await chat.say("whatsapp")
    assert "Email · Safeguarding" not in said and "Text message" in said


async def test_a_reply_naming_the_way_and_who_keeps_both(chat):
    """README trial: "by email to the school", typed where the answer asked how it goes, was read as "email" alone
    and the check then asked who will receive it."""
    said = await chat.say("can I send the child's care plan?")
    assert "How do you plan to send it?" in said
    said = await chat.say("by email to the school")
    assert "Who will receive it?" not in said and "A school" in said


async def test_a_longer_reply_naming_who_it_is_for_answers_the_answers_ask(chat):
    """README trial: after "Tell SafeShare who it is going to", "it's going to a social worker at another council"
    (nine words) was a new question, and the email it was about was lost."""
    said = await chat.say("can I put the child's initials in the subject line")
    assert "Tell SafeShare who it is going to" in said
    said = await chat.say("it's going to a social worker at another council")
    assert "Understood: Email · Personal identifiable information · An external organisation" in said
    assert said.startswith("Not allowed")  # the initials were proposed: saying who it is for does not make it a Yes
    said = await chat.say("what about the school?")
    assert said.startswith("Not allowed") and "Understood: Email · Personal identifiable information · A school" in said


async def test_a_yes_or_no_told_after_a_no_is_the_same_question_not_a_new_one(chat):
    """README trial: "it is urgent" after a fax of a mental health assessment was refused got only the protocol's
    words on urgency, which a hurried worker could read as leave. It is the same fax, urgent: still No."""
    said = await chat.say("can I fax the psych report to the surgery?")
    assert said.startswith("Not allowed")
    said = await chat.say("it is urgent")
    assert said.startswith("Not allowed") and "Understood: Fax · Mental health information" in said


async def test_a_longer_statement_about_other_information_is_a_new_question(chat):
    await chat.say("can I email the CP plan to the school?")
    said = await chat.say("I also need to send the GP dad's mental health report")
    assert "Safeguarding or child protection information" not in said.split("\n\n")[0]


async def test_what_goes_on_a_cover_sheet_offers_to_make_one(chat):
    """(README trial, session 47) the cover sheet's contents asked: the walkthrough that makes one is a button away."""
    said = await chat.say("what has to go on a fax cover sheet?")
    assert "Make a fax cover sheet" in choices(said)


def test_not_sure_who_does_not_claim_the_strictest_reading():
    """README trial, session 52: "Not sure" at the recipient step went on as an outside organisation and called that
    "the reading with the strictest conditions", but a private person's own email is refused outright; the note says
    so rather than implying the conditions are the worst case."""
    from dialogs.unsure import READINGS
    note = READINGS["recipient"].note
    assert "strictest" not in note and "private person" in note
