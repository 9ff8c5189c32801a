"""Answers that fit the question: the rules before the FAQ, short answers, no dead ends."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.cards import card_actions, render_card
from dialogs.answer import question_form
from dialogs.conversation import Conversation, Incoming, Kind
from dialogs.reply import BRIEF_STEPS, BRIEF_WORDS, reading_words
from knowledge.model import Verdict

from .test_bot_http import CARD_VALIDATOR

DATA = Path(__file__).parent / "data"
SHARED_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "questions.yaml"
CONTEXT = ("I'm a social worker in the children in care team. ", "Sorry if this is a silly question, I'm new here. ",
           "We have a review coming up next week for one of my families. ")
AFTER = (" Thanks in advance.", " My manager is on leave today.")


def questions() -> list[str]:
    found = [c["q"] for c in yaml.safe_load((DATA / "practitioner_questions.yaml").read_text())["cases"]]
    if SHARED_EVAL.exists():
        found += [c["q"] for c in yaml.safe_load(SHARED_EVAL.read_text())["cases"]]
    return found


# -- precedence -------------------------------------------------------------
def test_faq_matching_holds_up_under_a_sentence_of_context(assistant):
    """Padded with context, a paraphrase matches the same FAQ as its short form, or none."""
    wrong = []
    for faq in assistant.policy.faq.values():
        for text in (faq.question, *faq.paraphrases):
            for padded in [pad + text for pad in CONTEXT] + [text + tail for tail in AFTER]:
                if not faq.paraphrases:  # reached only by name (faq.yaml `paraphrases: []`): the answer says which
                    if assistant.answer(padded).rule_id != f"faq:{faq.id}":
                        wrong.append((padded, assistant.answer(padded).rule_id))
                    continue
                match = assistant.faq_match(padded)
                if match is not None and match.faq_id != faq.id:
                    wrong.append((padded, match.faq_id))
    assert not wrong


@pytest.mark.parametrize("question", ["what should I call the zip file?", "What can I put in the subject line?",
                                      "hi, quick one: what do I name the attachment?"])
def test_a_how_or_what_question_gets_the_steps_never_not_allowed(assistant, question):
    reply = assistant.answer(question)
    assert reply.faq_id and reply.verdict is not Verdict.NOT_ALLOWED
    assert not reply.summary.startswith("No.")


@pytest.mark.parametrize("question, faq", [("what settings do I use in 7-Zip?", "how-to-encrypt"),
                                           ("7 zip isn't installed on my laptop", "no-7zip")])
def test_spellings_of_7_zip_and_contractions_find_the_same_faq(assistant, question, faq):
    assert assistant.faq_match(question).faq_id == faq


def test_a_yes_no_question_may_carry_the_faqs_verdict(assistant):
    assert assistant.answer("Can I send the password in an email?").verdict is Verdict.NOT_ALLOWED


def test_the_rules_decide_and_the_faq_adds_its_text_beneath(assistant):
    reply = assistant.answer("can I email the looked after child review to the school, and how do I encrypt it?")
    assert reply.rule_id and not reply.rule_id.startswith("faq:")
    assert reply.verdict is Verdict.ALLOWED_WITH_CONDITIONS
    assert reply.faq_note and "encrypt" in reply.faq_note[0]
    assert reply.faq_note[1] in reply.text()


@pytest.mark.parametrize("question, form", [
    ("How do I encrypt it?", "how"), ("hi, what should I call the zip?", "how"),
    ("Can I fax it?", "yes_no"), ("Our portal is down. Is it ok to email the school?", "yes_no"),
    ("I sent it to the wrong person", ""),
    ("Should I use cc or bcc for the foster carers?", "how"),  # a choice offered: the steps answer it
    ("Can I fax it or not?", "yes_no"),
    # "why's", as "what's" and "how's" were; the ways asked for in a word
    ("Why's faxing frowned on these days?", "how"), ("Court bundle is 60MB. Options?", "how"),
    # what is proposed told first, then asked of in a word
    ("The school wants the child's initials on the file name. Fine to go ahead?", "yes_no"),
])
def test_question_form(question, form):
    assert question_form(question) == form


# -- answers that fit a phone ---------------------------------------------
def test_every_first_answer_fits_a_phone(assistant):
    for question in questions():
        reply = assistant.answer(question)
        brief = reply.brief()
        assert reading_words(brief) <= BRIEF_WORDS, question  # a follow-up's choices are buttons, not counted
        assert len(reply.brief_steps()) <= BRIEF_STEPS
        assert sum(line.startswith("Protocol: ") for line in brief.splitlines()) <= 1
        assert brief.splitlines()[0].startswith((reply.label, reply.summary[:20]))


def test_no_sentence_twice_in_one_answer(assistant):
    for question in questions():
        sentences = [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+|\n", assistant.answer(question).text())]
        sentences = [s.lstrip("-0123456789. ") for s in sentences if len(s.split()) > 3]
        repeated = {s for s in sentences if sentences.count(s) > 1}
        assert not repeated, (question, repeated)


def test_the_card_shows_the_short_answer_with_all_steps_and_change_it_behind_buttons(assistant):
    conversation = Conversation(assistant)
    _, messages = conversation.turn(None, Incoming("can I fax this mental health assessment to the GP?"))
    card = render_card(messages[-1])
    CARD_VALIDATOR.validate(card)
    texts = [b["text"] for b in card["body"] if b.get("type") == "TextBlock"]
    assert any(t.startswith("Understood: Fax") for t in texts)
    assert sum(len(t.split()) for t in texts) <= BRIEF_WORDS  # the same first message as `ask`
    shows = {a["title"]: a["card"] for a in card_actions(card) if a["type"] == "Action.ShowCard"}
    assert "Faxes, 4" in str(shows["Show all steps"])
    changes = [a["title"] for a in shows["Not right? Change it"]["actions"]]
    # no recipient may have a mental-health fax, so changing who receives it is not offered
    assert changes == ["Change: Fax", "Change: Mental health information"]


def test_change_it_offers_every_part_that_could_change_the_answer(assistant):
    conversation = Conversation(assistant)
    _, messages = conversation.turn(None, Incoming("can I email the review to the health visitor at the hospital?"))
    assert [o.title for o in messages[-1].changes] == [
        "Change: Email", "Change: Sensitive personal data", "Change: An external organisation"]


def test_change_it_opens_the_check_keeping_the_other_parts(assistant):
    conversation = Conversation(assistant)
    _, messages = conversation.turn(None, Incoming("can I fax this mental health assessment to the GP?"))
    change = next(o for o in messages[-1].changes if o.title == "Change: Fax")
    state, messages = conversation.turn(None, Incoming(data=change.data))
    assert "channel" not in state["check"]["facts"] and state["check"]["facts"]["kind"] == "mental_health"


# -- no dead ends ---------------------------------------------------------------
def test_a_one_shot_follow_up_is_answered_by_number_or_word(assistant):
    conversation = Conversation(assistant)
    state, messages = conversation.turn(None, Incoming("can I email the assessment?"))
    reply = messages[-1].reply
    assert reply.asks == "recipient" and state["check"]["asking"] == "recipient"
    numbered = [o.title for o in reply.options]
    assert [o.title for o in messages[-1].options][:len(numbered)] == numbered  # buttons in the text's order
    school = numbered.index("A school") + 1
    by_number, _ = conversation.turn(state, Incoming(str(school)))
    assert by_number["check"]["facts"]["recipient"] == "school" and by_number["check"]["facts"]["channel"] == "email"
    by_word, _ = conversation.turn(state, Incoming("a school"))
    assert by_word["check"]["facts"]["recipient"] == "school"


def test_a_new_question_after_a_one_shot_follow_up_is_answered_as_new(assistant):
    conversation = Conversation(assistant)
    state, _ = conversation.turn(None, Incoming("can I email the assessment?"))
    state, messages = conversation.turn(state, Incoming("can I fax a mental health assessment to the GP?"))
    assert messages[-1].reply.verdict is Verdict.NOT_ALLOWED
    # answered on its own: no check left asking, at most the finished one `back` reopens, with the new facts
    assert state["check"] is None or (state["check"].get("done") and state["check"]["facts"]["channel"] == "fax")


def test_back_after_the_final_advice_reopens_the_last_step(assistant):
    conversation = Conversation(assistant)
    state, _ = conversation.turn(None, Incoming("check"))
    for answer in ("no", "fax", "mental health"):
        state, messages = conversation.turn(state, Incoming(answer))
    assert messages[-1].kind is Kind.ADVICE and messages[-1].reply.verdict is Verdict.NOT_ALLOWED
    state, messages = conversation.turn(state, Incoming("back"))
    assert messages[-1].kind is Kind.QUESTION and messages[-1].fact.id == "kind"
    assert state["check"]["facts"] == {"harm": False, "channel": "fax"}


@pytest.mark.parametrize("question", ["can I phone the GP about the child's mental health?",
                                      "can I send the assessment to a colleague on Teams chat?"])
def test_a_channel_the_protocol_has_no_rule_for_never_loops(assistant, question):
    conversation = Conversation(assistant)
    _, messages = conversation.turn(None, Incoming(question))
    titles = [o.title for o in messages[-1].options]
    assert "Continue as a guided check" not in titles and "Ring the Safeguarding Hub" in titles
    assert "manager" in messages[-1].text()


@pytest.mark.parametrize("step_answers, fact", [(("no", "email"), "kind"), (("no", "email", "names"), "recipient")])
def test_not_sure_at_the_kind_and_recipient_steps(assistant, step_answers, fact):
    conversation = Conversation(assistant)
    state, _ = conversation.turn(None, Incoming("check"))
    for answer in step_answers:
        state, messages = conversation.turn(state, Incoming(answer))
    assert messages[-1].fact.id == fact and "Not sure" in [o.title for o in messages[-1].options]
    state, messages = conversation.turn(state, Incoming("dunno"))
    assert messages[0].title == "If you are not sure" and "0333 240 1727" in messages[0].text()
    assert messages[-1].fact is None or messages[-1].fact.id != fact  # on to the next step: never asked again
    assert fact in state["check"]["guessed"]  # the safest reading, which the recap will say


def test_a_typed_answer_never_matches_its_negation(assistant):
    conversation = Conversation(assistant)
    state, _ = conversation.turn(None, Incoming("check"))
    for answer in ("no", "email", "personal"):
        state, messages = conversation.turn(state, Incoming(answer))
    assert state["check"]["facts"].get("kind") != "anonymous"  # not "no personal details"


def test_a_choice_already_made_is_not_offered_again(assistant):
    conversation = Conversation(assistant)
    state, _ = conversation.turn(None, Incoming("check"))
    for answer in ("no", "secure email", "names"):
        state, messages = conversation.turn(state, Incoming(answer))
    assert messages[-1].fact.id == "recipient"
    assert "A secure email address (cjsm, gsx)" not in [o.title for o in messages[-1].options]


def test_a_courier_is_one_of_the_protocols_own_safer_ways(assistant):
    reply = assistant.answer("can I send the court bundle to the solicitor by courier?")
    assert reply.verdict is Verdict.ALLOWED_WITH_CONDITIONS and reply.rule_id == "courier-send"
    text = reply.text()
    assert "courier service as a more appropriate way" in text and "Safe Haven Procedure" in text
    assert "manager" in text


@pytest.mark.parametrize("question, said", [
    ("can I post the court bundle to the solicitor by recorded delivery?", "courier service as a more appropriate way"),
    ("can I ring the GP about the child's mental health assessment?", "Safe Haven Procedure"),
    ("can I send the assessment to a colleague on Teams chat?", "necessary, proportionate"),
])
def test_a_channel_without_a_rule_gets_what_the_protocol_does_say(assistant, question, said):
    reply = assistant.answer(question)
    assert reply.verdict is Verdict.NEED_MORE_INFO and "manager" in reply.text()
    assert said in reply.text() and "Safe Haven Procedure" in reply.text()


def test_a_card_buttons_text_is_capped_like_typed_text(assistant):
    """A button's data is written by the client: a megabyte of it must cost what 4,000 typed characters cost."""
    from dialogs.conversation import MARK, MAX_TEXT

    conversation = Conversation(assistant)
    filler = "please advise " * (MAX_TEXT // 14 + 1)
    tail = " can I fax the mental health assessment to the GP?"
    _, typed = conversation.turn(None, Incoming(text=filler + tail))
    _, pressed = conversation.turn(None, Incoming(data={MARK: "ask", "text": filler + tail * 20_000}))
    _, short = conversation.turn(None, Incoming(data={MARK: "ask", "text": tail}))
    assert [m.title for m in pressed] == [m.title for m in typed] != [m.title for m in short]


# -- found by trying the README as a new user --------------------------------------
def test_a_whole_question_typed_mid_check_is_answered_on_its_own(assistant):
    conversation = Conversation(assistant)
    state, _ = conversation.turn(None, Incoming("check"))
    for answer in ("no", "email", "names"):
        state, messages = conversation.turn(state, Incoming(answer))
    assert messages[-1].fact.id == "recipient"
    state, messages = conversation.turn(state, Incoming("can I fax the mental health assessment to the GP?"))
    assert messages[-1].reply.verdict is Verdict.NOT_ALLOWED and messages[-1].reply.facts.channel == "fax"


@pytest.mark.parametrize("text", ["foobar", "/foo", "asdf qwerty"])
def test_words_that_say_nothing_get_i_did_not_understand(assistant, text):
    _, messages = Conversation(assistant).turn(None, Incoming(text))
    assert messages[-1].title == "Sorry, I did not understand that." and "help" in messages[-1].text()


def test_not_sure_at_harm_gives_the_protocols_words_then_the_hub_never_mixed(assistant):
    conversation = Conversation(assistant)
    state, first = conversation.turn(None, Incoming("check"))
    state, once = conversation.turn(state, Incoming("not sure"))
    assert once[0].options == () and [o.title for o in once[-1].options] == [
        o.title for o in first[-1].options if o.title != "Not sure"]  # one clean set: a choice made is not offered
    state, twice = conversation.turn(state, Incoming("not sure"))
    assert len(twice) == 1 and twice[0].reply is not None and twice[0].reply.verdict is Verdict.ESCALATE
    assert twice[0].options[0].title == "Continue the check"  # never mixed with the question's choices
    state, back = conversation.turn(state, Incoming(data=twice[0].options[0].data))
    assert back[-1].fact.id == "harm"  # the question stays, to answer when ready


@pytest.mark.parametrize("question, recipient", [
    ("can I email the court report to mum?", "individual"),
    ("can I email the police report to the foster carer?", "individual"),
    ("can I email the school report to the grandparents?", "individual"),
    ("can I email the report to the school?", "school"),
])
def test_a_document_named_after_an_organisation_is_not_the_recipient(assistant, question, recipient):
    assert assistant.answer(question).facts.recipient == recipient


def test_a_one_shot_answer_still_needing_a_yes_or_no_says_both_ways(assistant):
    """ "Is fax ok for a child's name and DOB?" turns on urgency: the answer says what the protocol says
    either way, with the steps for the way that is allowed, and still asks."""
    reply = assistant.answer("Is fax ok for sending a child's name, dob and address to the dentist?")
    assert reply.verdict is Verdict.NEED_MORE_INFO and reply.asks == "urgent"
    assert reply.reasons[0] == ("If yes, it is urgent and necessary: allowed, with conditions; "
                                "if no, it can wait: not allowed.")
    assert any(part.title.startswith("If yes, it is urgent and necessary") for part in reply.checklist)
    assert "cover sheet" in reply.text().lower()
    assert reading_words(reply.brief()) <= BRIEF_WORDS  # the first message fits a phone


def test_a_document_to_an_address_the_rules_can_judge_is_not_left_to_a_look_alike_faq(assistant):
    """The kind unsaid, a document named, every personal kind answered alike: the rules decide, not an FAQ
    the question only resembles (this one once drifted to "7-Zip is not installed", Allowed)."""
    reply = assistant.answer("A carer wants the review report sent to her hotmail, she hasn't got any other "
                             "email and can't install anything. What do I do?")
    assert reply.verdict.value == "not_allowed" and not reply.rule_id.startswith("faq:")


def test_a_group_email_about_an_event_is_not_read_as_personal(assistant):
    reply = assistant.answer("emailing 30 foster carers about the summer picnic, cc or bcc?")
    assert reply.verdict.value != "not_allowed"


@pytest.mark.parametrize("question", [
    "faxed it to the number on their website, didn't ring to check it first - that's ok isn't it",
    "emailing the carer's assessment to the GP, I'm not bothering to zip it because it's one page, fine?",
])
def test_a_step_left_out_and_asked_to_be_agreed_with_is_answered_no(assistant, question):
    reply = assistant.answer(question)
    assert reply.verdict.value == "not_allowed"


def test_leaving_out_a_step_the_protocol_does_not_ask_for_is_not_refused(assistant):
    """Inside the council an attachment need not be encrypted: the answer's own steps decide, not the words."""
    reply = assistant.answer("emailing my team manager the case notes as an attachment without encrypting, "
                             "that's fine isn't it?")
    assert reply.verdict.value == "allowed_with_conditions"


@pytest.mark.parametrize("question, rule", [
    ("is cjsm secure?", "secure-email"),
    ("are emails within the council secure?", "internal-email"),
    ("is whatsapp safe?", "text-personal"),
])
def test_whether_a_route_is_secure_is_answered_for_personal_information(assistant, question, rule):
    """Asked whether a route is secure, with nothing said of what goes: the answer for what the protocol protects
    (every personal kind answered alike), not "What kind of information is it?"."""
    reply = assistant.answer(question)
    assert reply.rule_id == rule and not reply.asks


def test_an_attachment_is_a_document_for_the_rules(assistant):
    """"the attachment" names something being sent: the rules judge the route, not a look-alike FAQ."""
    reply = assistant.answer("what's the exact wording for an internal email when the attachment has personal "
                             "info in it?")
    assert reply.rule_id == "internal-email" and "intended recipient" in reply.text()


def test_a_yes_no_question_leaving_out_a_step_the_answer_asks_for_is_no(assistant):
    reply = assistant.answer("The hospital is a trusted partner, so can I email them the care plan without "
                             "encrypting it?")
    assert reply.verdict.value == "not_allowed"


@pytest.mark.parametrize("question", [
    "before I fax the referral do I have to phone them first?",
    "once the fax has gone how do I know the right person got it?",
])
def test_how_to_fax_gets_the_fax_steps_before_anything_else_is_known(assistant, question):
    reply = assistant.answer(question)
    assert reply.faq_id == "fax-steps" and reply.verdict.value == "allowed_with_conditions"


def test_a_channels_how_to_faq_must_exist(knowledge_copy):
    from knowledge.loader import KnowledgeError, load_policy

    from .conftest import edit_knowledge
    path = edit_knowledge(knowledge_copy, "vocabulary", "how_to: fax-steps", "how_to: fax-stepz")
    with pytest.raises(KnowledgeError) as err:
        load_policy(knowledge_copy)
    assert f"{path}:" in str(err.value) and "unknown FAQ 'fax-stepz'; did you mean 'fax-steps'?" in str(err.value)


def test_how_to_send_with_no_way_named_gets_the_first_way_allowed_and_the_others(assistant):
    reply = assistant.answer("The holiday club provider (external) needs the children's names and dates of birth "
                             "by Friday. What's the best way to get it to them?")
    text = reply.text()
    assert reply.verdict.value == "allowed_with_conditions" and reply.summary.startswith("By email")
    assert "AES-256" in text and "Objective Connect" in text and "Not: " in text and "Text message" in text
    assert not reply.facts.get("channel")  # the way is still the user's to choose in the guided check


def test_a_yes_no_question_with_no_way_named_still_asks_the_way(assistant):
    reply = assistant.answer("can I send the child's plan to the GP?")
    assert reply.asks == "channel"


@pytest.mark.parametrize("question", [
    "I'm going to post the entire court bundle to the solicitor so they have the lot, fine?",
    "can I just email the whole statements folder to the guardian?",
])
def test_the_whole_of_something_is_everything(assistant, question):
    assert assistant.answer(question).rule_id == "send-everything"


def test_work_email_to_a_personal_webmail_account_is_no_whatever_is_in_it(assistant):
    """The user's own Gmail is a commercial account used for council business (Internet Email 1), names or not."""
    reply = assistant.answer("could I set up my work emails to forward to my gmail for when I'm on visits?")
    assert reply.verdict.value == "not_allowed" and reply.rule_id == "webmail-account"
    reply = assistant.answer("I forward my work emails to my personal email to keep up at home, fine if no names?")
    assert reply.verdict.value == "not_allowed" and reply.rule_id == "webmail-account"


@pytest.mark.parametrize("question, verdict", [
    ("I've taken the name off the assessment so it's anonymous now - ok to email it to the provider as it is?",
     "not_allowed"),
    ("what do I need to do if I take her name off but the referral still has her postcode and DOB?",
     "allowed_with_conditions"),
    ("if I leave his name out could the rare condition still identify him?", "allowed_with_conditions"),
])
def test_taking_the_name_off_does_not_make_it_anonymous(assistant, question, verdict):
    reply = assistant.answer(question)
    assert reply.rule_id == "still-identifiable" and reply.verdict.value == verdict
    assert "indirectly" in reply.text()


def test_whether_email_suits_personal_information_gets_the_protocols_email_section(assistant):
    reply = assistant.answer("Is Outlook ok for sending personal data or should I use something else?")
    text = reply.text()
    assert reply.faq_id == "email-for-personal-information" and reply.verdict.value == "allowed_with_conditions"
    assert "risk managed approach" in text and "Objective Connect" in text


def test_whether_a_route_is_still_allowed_gets_its_steps(assistant):
    reply = assistant.answer("is faxing allowed at all these days?")
    assert reply.faq_id == "fax-steps" and not reply.asks


@pytest.mark.parametrize("question", [
    "7zip offers AES-256 or ZipCrypto, which do I pick?",
    "7-Zip shows ZipCrypto and AES-256 in the list, which one do I choose?",  # "x and y, which one?" is a choice too
])
def test_a_choice_between_a_weak_and_a_strong_encryption_is_not_read_as_the_weak_one(assistant, question):
    reply = assistant.answer(question)
    assert reply.verdict.value != "not_allowed" and "AES-256" in reply.text()


def test_a_text_reminding_someone_of_a_meeting_is_logistics(assistant):
    reply = assistant.answer("can I text dad to remind him of the meeting with me on Friday at 2?")
    assert reply.rule_id == "text-logistics"


@pytest.mark.parametrize("question", [
    "does removing the name make the document anonymous?",
    "does taking the name off make it anonymous?",
    "if I take the child's name off the report is it anonymous?",
])
def test_every_way_of_asking_whether_no_name_means_anonymous_gets_the_same_answer(assistant, question):
    reply = assistant.answer(question)
    assert reply.rule_id == "still-identifiable" and reply.verdict.value == "not_allowed"
    assert "directly or indirectly" in reply.brief()  # the point of the definition survives the short answer


@pytest.mark.parametrize("question", [
    "the disclaimer goes on external emails anyway so there's no need to zip the plan, yeah?",
    "our fax cover sheet has no warning paragraph, just CONFIDENTIAL at the top. Can we keep using it?",
])
def test_a_common_answer_that_names_the_step_left_out_is_no(assistant, question):
    assert assistant.answer(question).verdict.value == "not_allowed"


def test_a_login_beside_whose_it_is_is_someone_elses_account(assistant):
    reply = assistant.answer("can I use my manager's cjsm login to send the court report? she's fine with it")
    assert reply.rule_id == "borrowed-account" and reply.verdict.value == "not_allowed"


def test_a_tag_without_its_question_mark_still_asks_to_be_agreed_with(assistant):
    assert question_form("I keep every email about the family in an outlook folder, thats fine isnt it") == "yes_no"


def test_a_plan_told_is_not_a_story_about_a_child(assistant):
    reply = assistant.answer("I'm going to forward a work email to my personal hotmail so I can read it on the train "
                             "over the weekend, it only has a child's first name in it. ok?")
    assert reply.asks != "harm" and reply.verdict.value == "not_allowed"


def test_ringing_first_is_a_step_of_faxing_not_a_second_route(assistant):
    reply = assistant.answer("before I fax the plan over do I need to phone them first?")
    assert reply.faq_id == "fax-steps"


def test_a_no_is_said_once_under_not_allowed(assistant):
    """A summary that opens with its own "No:" is not shown as "Not allowed: No: ..." (README trial)."""
    headline = assistant.answer("Is it fine to type the zip password into the same email as the attachment?").headline()
    assert headline.startswith("Not allowed: ") and not headline.startswith("Not allowed: No")
