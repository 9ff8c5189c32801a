"""One-shot answers: the shared eval, our own held-out questions, and the FAQ."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from rapidfuzz import fuzz, process

from dialogs.faq import FaqIndex, _UpperBound, _canonical
from dialogs.answer import LIKELY_FAQ
from dialogs.conversation import match_command
from knowledge.model import Verdict

from .conftest import SHARED

HERE = Path(__file__).parent
OWN = yaml.safe_load((HERE / "data" / "practitioner_questions.yaml").read_text())["cases"]
EVAL_FILE = SHARED / "eval" / "questions.yaml"
EVAL = yaml.safe_load(EVAL_FILE.read_text())["cases"] if EVAL_FILE.exists() else []
PERMISSIVE = {"allowed", "allowed_with_conditions"}


def _check(assistant, case):
    reply = assistant.answer(case["q"])
    answer = reply.text().lower()
    assert reply.verdict.value in case["verdicts"], (reply.rule_id, reply.verdict)
    for group in case.get("must") or []:
        assert any(p.lower() in answer for p in group), group


@pytest.mark.parametrize("case", OWN, ids=[c["q"][:50] for c in OWN])
def test_own_practitioner_questions(assistant, case):
    _check(assistant, case)


@pytest.mark.skipif(not EVAL, reason="../shared/eval not beside this checkout")
@pytest.mark.parametrize("case", EVAL, ids=[c["q"][:50] for c in EVAL])
def test_shared_eval(assistant, case):
    _check(assistant, case)


def test_every_answer_names_the_hub(assistant):
    for case in OWN:
        assert "0333 240 1727" in assistant.answer(case["q"]).text()


def test_need_more_info_offers_the_choices(assistant):
    reply = assistant.answer("can I fax the child's details to the GP")
    assert reply.verdict is Verdict.NEED_MORE_INFO
    assert reply.follow_up.startswith("Is it urgent")
    assert {o.value for o in reply.options} == {"true", "false"}


def test_faq_answers_offer_follow_ups(assistant, policy):
    for faq in policy.faq.values():
        reply = assistant.faq_reply(faq.id)
        assert reply.citations
        assert [o.title for o in reply.quick_replies] == [policy.faq[f].question for f in faq.follow_ups]


@pytest.mark.parametrize("typo", [
    "wat makes a god pasword",
    "can i send teh pasword in the emial",
    "whats on a fax covr sheet",
    "who do i rign if im worried about a child",
])
def test_faq_with_typos(assistant, typo):
    assert assistant.faq_match(typo) is not None


def test_every_paraphrase_finds_its_own_faq(assistant, policy):
    for faq in policy.faq.values():
        if not faq.paraphrases:  # reached only by its button or by name (faq.yaml `paraphrases: []`)
            assert assistant.answer(faq.question).rule_id == f"faq:{faq.id}", faq.id
            continue
        for text in (faq.question, *faq.paraphrases):
            match = assistant.faq_index.match(text, cutoff=LIKELY_FAQ)
            assert match is not None and match.score == 100, text


def _synthetic_index(assistant, n=5000, seed=7):
    rnd = random.Random(seed)
    words = sorted({w for f in assistant.policy.faq.values() for p in f.paraphrases for w in p.split()})
    entries = [(f.id, (f.question, *f.paraphrases)) for f in assistant.policy.faq.values()]
    for i in range(n):
        entries.append((f"synthetic-{i}", tuple(" ".join(rnd.sample(words, rnd.randint(4, 8))) for _ in range(3))))
    return FaqIndex(entries, assistant.prepare)


def test_index_agrees_with_the_naive_search(assistant):
    questions = [c["q"] for c in OWN + EVAL] + ["wat makes a god pasword", "can i send it", "hello"]
    for index in (assistant.faq_index, _synthetic_index(assistant, 500)):
        for q in questions:
            assert index.match(q, LIKELY_FAQ) == index.match_naive(q, LIKELY_FAQ), q


_WORD = st.text("abcde", min_size=1, max_size=7)  # few letters: long common subsequences, the hard case


@settings(max_examples=2000, deadline=None)
@given(st.lists(_WORD, min_size=3, max_size=14, unique=True), st.integers(1, 12), st.floats(1, 100))
def test_the_one_shared_word_bound_never_underestimates(words, split, floor):
    shared, rest = words[0], words[1:]
    split = 1 + split % (len(rest) - 1)
    query, paraphrase = _canonical(" ".join([shared, *rest[:split]])), _canonical(" ".join([shared, *rest[split:]]))
    q, p, w = len(query), len(paraphrase), len(shared)
    score = fuzz.token_set_ratio(query, paraphrase)
    by_sect = max(_UpperBound.by_question(w, q), 200 * w / (p + w))
    assert score <= max(by_sect, fuzz.ratio(query, paraphrase) + 200 * (w + 1) / (q + p)) + 1e-9
    assert score <= max(by_sect, 200 * min(q, p) / (q + p)) + 1e-9
    # the cuts the index makes from those bounds
    if score >= floor:
        if _UpperBound.by_question(w, q) < floor and p > _UpperBound.longest_short_paraphrase(w, floor):
            shortest, longest = _UpperBound.lengths_that_can_reach(q, floor)
            assert shortest - 1e-9 <= p <= longest + 1e-9
            assert fuzz.ratio(query, paraphrase) >= _UpperBound.plain_ratio_needed(w, q, p, floor) - 1e-9


def _shared_word_search(entries, question, cutoff):
    """extractOne over every paraphrase sharing a word with the question: what the index must equal."""
    words = set(question.split())
    pool = [(faq_id, p) for faq_id, phrases in entries for p in phrases if p.split()]
    choices = [_canonical(p) if words & set(p.split()) else "" for _, p in pool]
    best = process.extractOne(_canonical(question), choices, scorer=fuzz.token_set_ratio, processor=None,
                              score_cutoff=cutoff)
    if best is None or not choices[best[2]]:
        return None
    faq_id, phrase = pool[best[2]]
    return faq_id, best[1], phrase


def _faqs_around_a_question(seed):
    """A question, and paraphrases each holding one or two of its words among look-alikes of the others.

    Words of a's and b's are a letter apart, so a paraphrase sharing one word
    can still score high, and equal scores (ties) are common.
    """
    rnd = random.Random(seed)
    # Odd seeds: no paraphrase inside the question (that scores 100), so the
    # best is often a tie between a paraphrase sharing two words and one sharing one.
    shortest, longest, fewest, most = (4, 7, 1, 5) if seed % 2 else (2, 8, 0, 8)

    def word():
        return "".join(rnd.choice("ab") for _ in range(rnd.randint(shortest, longest)))

    question = list(dict.fromkeys(word() for _ in range(rnd.randint(3, 6))))
    entries = []
    for i in range(rnd.randint(20, 200)):
        shared = rnd.sample(question, 1 if rnd.random() < 0.85 or len(question) < 2 else 2)
        other = [w for w in (word() for _ in range(rnd.randint(fewest, most))) if w not in question]
        entries.append((f"faq-{i}", (" ".join(shared + other),)))
    return entries, " ".join(question)


def test_the_index_keeps_every_paraphrase_that_can_reach_the_floor():
    for seed in range(400):
        entries, question = _faqs_around_a_question(seed)
        index = FaqIndex(entries, lambda text: text)
        query, rnd = _canonical(question), random.Random(seed)
        cutoff = rnd.uniform(20, 95)
        floor = min(100, cutoff + rnd.uniform(0, 30))
        full, bounded = index._scored_in_full(query, cutoff)
        kept = full | index._may_reach(query, bounded, floor)
        for i, (_, (phrase,)) in enumerate(entries):
            if fuzz.token_set_ratio(query, _canonical(phrase)) >= floor:
                assert i in kept, (seed, phrase)


def test_index_equals_the_search_over_paraphrases_sharing_a_word():
    for seed in range(400):
        entries, question = _faqs_around_a_question(seed)
        index = FaqIndex(entries, lambda text: text)
        for cutoff in (0, 30, 45, 60, LIKELY_FAQ, 85, 100):
            found = index.match(question, cutoff)
            expected = _shared_word_search(entries, question, cutoff)
            assert (found and (found.faq_id, found.score, found.paraphrase)) == expected, (seed, cutoff)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_answer_never_raises(assistant, text):
    reply = assistant.answer(text)
    assert reply.text()


def test_the_question_and_the_faq_meet_on_their_stems(assistant):
    assert assistant.prepare("keep a record of encrypted faxes") == assistant.prepare("keeping records of encrypting fax")


@pytest.mark.parametrize("question, faq_id", [
    ("who do I contact for help with encryption", "no-7zip"),
    ("how do I open zipped attachments I've been sent", "receive-encrypted"),
    ("do we have to keep a record of the faxes we send", "fax-steps"),  # "records" in the FAQ
    ("do I need to keep the fax transmission printout", "fax-steps"),  # ties with "log faxes", which covers less
])
def test_the_faq_answers_other_endings_of_its_words(assistant, question, faq_id):
    match = assistant.faq_match(question)
    assert match is not None and match.faq_id == faq_id


def test_a_faq_match_must_cover_more_than_question_words(assistant):
    # "records" and "what" alone once made this the fax records FAQ
    match = assistant.faq_match("what's the safest way to get a big bundle of records to a neighbouring local authority")
    assert match is None or match.faq_id != "fax-steps"


def test_a_faq_match_needs_the_faqs_telling_words(assistant):
    # shares 'child' and 'file' (used by many FAQs) with "can I use the child's name as the file name"
    match = assistant.faq_match("can I take a child's file home in my bag")
    assert match is None or match.faq_id != "attachment-name"


def test_a_wh_question_the_best_paraphrase_does_not_cover_meets_the_next_faq(assistant):
    # the best paraphrase, "is a date of birth pid", lacks its telling word; the next FAQ's covers the question
    match = assistant.faq_match("What would happen to me personally if I caused a data breach?")
    assert match is not None and match.faq_id == "breach-consequences"
    # a proposal asked to be agreed gets no second guess: "is there something safer than email" is not this one
    assert assistant.faq_match("I think fax is safer than email for everything confidential, so I'll fax it all from "
                               "now on - good idea?") is None
    # a person asked for is answered by a wording asking who: not "are emails included in subject access requests"
    match = assistant.faq_match("Who signs off secure email access for a social worker?")
    assert match is None or match.faq_id != "foi"


def test_a_document_last_updated_was_revised(assistant):
    # the protocol's own word is "Revised December 2015"
    match = assistant.faq_match("has this policy been updated recently, and when?")
    assert match is not None and match.faq_id == "about-protocol"


def test_a_zip_emailed_without_a_password_named_is_a_sending_not_the_password_faq(assistant):
    # "send the zip password by email" shares 'zip' and 'email' with it, but not its telling word (faq.yaml needs)
    reply = assistant.answer("I'll zip it and email it to the provider, ok?")
    assert reply.faq_id != "password-same-email" and reply.rule_id == "external-email"


@pytest.mark.parametrize("question, faq_id", [
    # "foi" alone: how a request is handled, which says too that every email is included
    ("foi", "subject-access"), ("usb ok?", "usb-stick"), ("texting safe?", "texting"), ("gsx", "secure-mail-account"),
    ("can I send it", None), ("password", None),  # words many FAQs use say nothing on their own
])
def test_terse_queries(assistant, question, faq_id):
    match = assistant.faq_match(question)
    assert (match and match.faq_id) == faq_id


def test_the_hub_faq_does_not_answer_a_how_to_send_question_it_only_half_matches(assistant):
    # "how do I contact the hub" shares 'contact' (a contact session here) with a question about texting
    reply = assistant.answer("how do I text the contact supervisor a summary of contact? just a heads up")
    assert reply.verdict.value != "escalate"
    assert assistant.answer("who do I ring if I'm worried about a child").verdict.value == "escalate"


def test_the_short_answer_names_the_safer_way_even_when_its_full_text_does_not_fit(assistant):
    brief = assistant.answer("can I email the review to the health visitor?").brief()
    assert "Safer: Objective Connect, the council's secure file sharing system." in brief
    assert len(brief.split()) <= 130  # the 120-word budget, plus the always-shown lines' bullets


def test_an_faq_button_is_answered_as_its_faq_whatever_its_words(assistant):
    """The quick-reply button "Does confidentiality stop me sharing a safeguarding concern?" names no child at
    risk: it gets its FAQ's answer, not the Hub card, and no answer label contradicts its first word."""
    for faq in assistant.policy.faq.values():
        reply = assistant.answer(faq.question)
        assert reply.faq_id == faq.id, faq.question
        first = reply.summary.split()[0].strip(".,:").lower()
        if reply.verdict.value in ("allowed", "allowed_with_conditions", "escalate"):
            assert first != "no", faq.question
        if reply.verdict.value == "not_allowed":
            assert first != "yes", faq.question


@pytest.mark.parametrize("question, verdict", [
    ("can I keep the referrals I've emailed in my sent items in case I need them later?", "not_allowed"),
    ("do we actually have to delete sent emails with PID in? my sent items has years of them",
     "allowed_with_conditions"),  # asking about the duty, not proposing to keep them
    ("what do I do with the sent items after emailing the assessment?", "allowed_with_conditions"),
])
def test_a_rule_answers_the_form_of_the_question(assistant, question, verdict):
    assert assistant.answer(question).verdict.value == verdict


@pytest.mark.parametrize("question, verdict", [
    # the kind not said, where every kind of personal information gets the same answer: that answer
    ("Mum has asked for a copy of her child's plan. Can I email it to her hotmail?", "not_allowed"),
    # nothing said of a child, a family or a document: the question stands
    ("the bit about authorising external emails says it's being reviewed, what do I do meanwhile?",
     "need_more_info"),
    # a mistake already made: the manager, never sending advice
    ("I've just emailed a child's PEP to the wrong school!! what do I do??", "need_more_info"),
    ("what should a fax cover sheet say if it goes to the wrong place", "allowed_with_conditions"),
])
def test_what_is_assumed_and_what_has_happened(assistant, question, verdict):
    assert assistant.answer(question).verdict.value == verdict


def test_an_faq_match_does_not_depend_on_the_hash_seed():
    """The coverage weights were float sums in a set's order, which PYTHONHASHSEED sets: a question on the tie got
    the FAQ in one run and a question back in the next. Summed exactly, every run answers alike."""
    import os
    import subprocess
    import sys

    question = ("Fostering admin. I've got a list of 10 looked after children's names and DOBs who need routine dental "
                "check-ups. Can I send it to the community dental service by email? Body of the email or attachment?")
    code = ("import sys; from knowledge.loader import load_policy; from dialogs.answer import Assistant; "
            "m = Assistant(load_policy()).faq_match(sys.argv[1]); print(m.faq_id if m else None)")
    found = {subprocess.run([sys.executable, "-c", code, question], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("0", "2", "6")}
    assert len(found) == 1


def test_a_question_no_rule_or_faq_answers_gets_the_protocols_nearest_words(assistant):
    """Nothing to send and no common question matched: the protocol's sentence, quoted and cited; the manager
    for what it does not answer. What the verdict is depends on what is asked (the test below)."""
    reply = assistant.answer("what is the rule on disclosure, is it need to know?")
    assert reply.verdict.value == "allowed" and "need to know basis" in reply.summary
    assert "ask your manager" in reply.text() and reply.citations[0].id == "email.1"
    # something to send, or a story told: the rules' own question, no quote
    assert assistant.answer("can I send the report?").asks == "channel"
    assert "nearest words" not in assistant.answer("can I send the report?").summary


@pytest.mark.parametrize("question, verdict, words", [
    # a fact the protocol states: what it says, plainly
    ("where can I read the ICO's guidance on the Act?", "allowed", "ICO guidance"),
    ("once I've unzipped it, which folder does the document end up in?", "allowed", "same folder"),
    # steps asked for, and the item holds most of what is asked: the steps, with conditions
    ("what wording do I use to ask them to delete it after use?", "allowed_with_conditions", "deleted after use"),
    # how long anything is kept: the protocol sets no period, and says where the council's schedule is named
    ("how many years is the unencrypted copy in my secure folder for?", "need_more_info",
     "Records Retention and Disposal"),
    # a process the protocol itself says is still being reviewed
    ("how do I find out if an organisation is covered by an information sharing agreement?", "need_more_info",
     "currently being reviewed"),
    # steps for something the protocol never mentions: no steps from a sentence that shares a word or two
    ("how do I write a DPIA for the new case recording system?", "need_more_info", "manager"),
])
def test_the_protocols_words_answer_as_what_they_are(assistant, question, verdict, words):
    """The nearest item quoted answers a question of fact plainly and a how-to question with conditions; the
    protocol's silence on keeping periods, a process it says is under review, and steps for what it never
    mentions stay questions for the manager."""
    reply = assistant.answer(question)
    assert reply.rule_id == "protocol-words", reply.rule_id
    assert reply.verdict.value == verdict and words in reply.text()
    if reply.verdict.value != "need_more_info":  # the protocol's words quoted, not a permission given
        assert reply.label == "From the protocol"


@pytest.mark.parametrize("question, rule, verdict", [
    # the address the software suggests: choose it yourself, check the properties; a near miss is not a breach
    ("Outlook keeps offering me two Jo Smiths when I type, any tips?", "choose-recipient", "allowed_with_conditions"),
    ("I nearly sent the minutes to the wrong Jo because it autofilled, caught it just in time. Anything I should do?",
     "choose-recipient", "allowed_with_conditions"),
    ("I always just pick the first address autocomplete gives me", "choose-recipient", "not_allowed"),
    # once it has gone, the breach: the manager
    ("I've emailed the review to the wrong Jo, autocomplete picked her. What now?", "misdirected", "need_more_info"),
    # a list as the recipients: avoid it, manage it if it is needed; one for an encrypted attachment: no
    ("our fostering panel has its own DL, is it alright to keep using it?", "distribution-list",
     "allowed_with_conditions"),
    ("can I send the encrypted zip to our panel contact group?", "encrypted-to-list", "not_allowed"),
    # round 24, in my words: plural personal accounts, a CP referral is safeguarding information, "easier to just"
    # proposes the shortcut, how long anything is kept is the manager's and the retention schedule's
    ("can carers send each other the placement notes on their personal emails?", "email-to-personal-account",
     "not_allowed"),
    ("is it ok to fax a cp referral to the duty team?", "fax-highly-sensitive", "not_allowed"),
    ("the solicitor wants one statement, easier to just send the whole bundle", "send-everything", "not_allowed"),
    ("how long do we keep the copies of reports we've emailed out?", "faq:keeping-period", "need_more_info"),
    ("how long should the unencrypted copy stay in my secure folder?", "faq:keeping-period", "need_more_info"),
    # a short question whose one telling word only one item of the protocol uses
    ("extracted it - where's it gone?", "protocol-words", "allowed"),
    # round 25, in my words: no information sharing agreement (External Mail 2)
    ("we don't have an ISA with this youth charity - anything else before I email them the referral?",
     "no-agreement", "allowed_with_conditions"),
    ("no sharing agreement with the tutor agency so I'll just email the plan over and not bother recording it",
     "no-agreement-unrecorded", "not_allowed"),
    ("who signs off emailing PID to a provider we have no information sharing agreement with? is there a form?",
     "no-agreement-process", "need_more_info"),
    # "I don't have 7-Zip" shares only "not" and "have" with a question about an agreement: not that FAQ
    ("we don't have a sharing agreement with the college, what do I need to do?", "no-agreement",
     "allowed_with_conditions"),
])
def test_the_rule_that_answers_and_its_verdict(assistant, question, rule, verdict):
    """Choosing recipients and lists; round 24's readings; no information sharing agreement."""
    reply = assistant.answer(question)
    assert (reply.rule_id, reply.verdict.value) == (rule, verdict)


def test_the_hub_is_rung_first_whatever_goes_in_writing(assistant):
    reply = assistant.answer("The Hub want it by phone but can I just email them my write-up instead?")
    assert reply.rule_id in ("hub-in-writing", "hub-call") and "over the telephone" in reply.summary
    reply = assistant.answer("can I just email the hub the referral form rather than ringing?")
    assert reply.rule_id == "hub-instead-of-call" and reply.verdict.value == "not_allowed"
    assert "over the telephone" in reply.summary
    assert "48 hours" in reply.summary


def test_a_way_of_sending_and_nothing_else_asks_what_it_is(assistant):
    """"can I fax it?" names a way and "it": what it is decides, so the rules ask; "are we still allowed to use
    fax at all?" asks about the route, answered with its steps."""
    assert assistant.answer("can I fax it?").asks == "kind"
    assert assistant.answer("is it ok to fax this over?").asks == "kind"
    assert assistant.answer("are we even still allowed to use fax?").verdict.value == "allowed_with_conditions"


def test_a_name_proposed_after_the_question_is_what_is_asked(assistant):
    reply = assistant.answer("what should I call the zip? was going to do Ellie.Marsh.zip")
    assert reply.verdict.value == "not_allowed"


@pytest.mark.parametrize("question, faq", [
    ("what law is the ISP actually based on?", "which-law"),
    ("from when does this protocol apply?", "about-protocol"),
    ("what happens to me if I breach the protocol?", "breach-consequences"),
])
def test_the_protocol_named_as_itself_finds_its_own_common_question(assistant, question, faq):
    assert assistant.answer(question).faq_id == faq


@pytest.mark.parametrize("question, verdict", [
    # round 19: finer points of the protocol as rules
    ("Should I copy the whole team into every email about this family so everyone is in the loop?", "not_allowed"),
    ("How many people should I cc on the core group minutes? I usually cc the whole team.", "not_allowed"),
    ("An email about a child came to me by mistake. Do I open the attachment to see who it is for?", "not_allowed"),
    ("An email about a child came to me by mistake. What should I do with it?", "allowed_with_conditions"),
    ("I registered myself for a cjsm account online last night, can I send the court bundle with it?", "not_allowed"),
    ("Dad will never see our internal emails, so I can say what I really think of him, yeah?", "not_allowed"),
    ("I left my work phone on the train and it has texts from families on it", "need_more_info"),
    # rounds 20-22: statements of the user's own act or belief, told for agreement, take a rule's No
    ("the solicitor wants one statement, ill fax them the whole bundle so they have everything", "not_allowed"),
    ("internal emails aren't disclosable so I can be frank about dad in them, right?", "not_allowed"),
    ("can I just put a password on the Word doc instead of using 7-Zip? it's going to the GP", "not_allowed"),
    ("im going to cc my whole team into the review email so everyones in the loop", "not_allowed"),
    ("the disclaimer covers it so i dont need to put CONFIDENTIAL in the subject", "not_allowed"),
    ("can I use Word's protect document with password instead of 7-Zip?", "not_allowed"),
    ("ive put the password at the bottom of the email so the GP can open it easily", "not_allowed"),
    ("naming the zip 'Callum_Reid_CIN_plan.zip' so the school know which one it is", "not_allowed"),
    # an order asked as a question proposes doing it: the rule's No where it has one
    ("the solicitor wants one statement. just fax them the whole bundle?", "not_allowed"),
    ("save time and email the family all the records we hold?", "not_allowed"),
])
def test_finer_points_and_statements_of_intent_get_the_rules_verdict(assistant, question, verdict):
    assert assistant.answer(question).verdict.value == verdict


def test_a_how_question_without_its_question_mark_gets_the_steps(assistant):
    reply = assistant.answer("after ive emailed a report externally what do i do with it in sent items")
    assert reply.verdict.value == "allowed_with_conditions"


@pytest.mark.parametrize("question, verdict", [
    # a proposal asked without "can I": "Ok to ...?", "... enough?"
    ("Ok to name it 'Smith family core assessment.zip'?", "not_allowed"),
    ("Password idea: 12345678. Long enough?", "not_allowed"),
    ("password suggestion: Kestrel2024 - strong enough?", "allowed_with_conditions"),
])
def test_a_name_or_password_put_forward_briefly_is_judged(assistant, question, verdict):
    assert assistant.answer(question).verdict.value == verdict


@pytest.mark.parametrize("typed, command", [("chekc", "check"), ("hlep", "help"), ("remidners", "reminders"),
                                            ("pack", None), ("help me", None)])
def test_a_command_with_two_letters_swapped_is_the_command(typed, command):
    """A new user's "chekc" got "Sorry, I did not understand that" (session 23): a swap of two neighbouring letters
    in a one-word command is that command; another word a letter away is not."""
    found = match_command(typed)
    assert (found.value if found else None) == command


def test_contact_as_a_session_is_no_question_about_the_hub(assistant):
    """"how do I contact the hub" had matched questions about family contact sessions ("a contact timetable", "the
    contact list") with its Hub answer: the FAQ now needs a worry, the Hub or a referral named."""
    for question in ("the fax with the contact timetable went through, how do I know the carer got it?",
                     "An uncle who isn't on the contact list phoned asking how his niece is doing at nursery. What "
                     "can I say to him?"):
        match = assistant.faq_match(question)
        assert match is None or match.faq_id != "worried-about-child", question
    assert assistant.faq_match("how do I contact the hub?").faq_id == "worried-about-child"


def test_an_encrypted_file_received_asked_about_gets_the_receiving_steps(assistant):
    """"Got an encrypted zip from ... What do I do with it?" is Appendix A's receiving steps, not a question about
    which way it is to be sent."""
    for question in ("Got a password protected zip from the YOT this morning, what do I do with it?",
                     "Received an encrypted attachment from another council. What should I do with it?"):
        reply = assistant.answer(question)
        assert reply.rule_id == "faq:receive-encrypted", (question, reply.rule_id)
        assert "shared drive" in reply.text()


def test_whether_to_open_a_protected_file_received_gets_the_receiving_steps(assistant):
    """"has emailed me a password-protected zip ... alright to open it on my laptop?" had met the FAQ on emailing a
    zip's password (No): what came in is opened after saving it to the shared drive."""
    reply = assistant.answer("The school nurse emailed me a password protected zip of her notes. OK to open it "
                             "on my work laptop?")
    assert reply.rule_id == "faq:receive-encrypted" and "shared drive" in reply.text()


def test_any_email_address_is_no_question_about_a_secure_account(assistant):
    """"can i have a gsx email address" without its "gsx" had matched "some of ours have council email addresses":
    the secure-account FAQ needs a secure address named."""
    match = assistant.faq_match("is a school with a council email address classed as internal?")
    assert match is None or match.faq_id != "secure-mail-account"
    assert assistant.faq_match("how do I get a cjsm account?").faq_id == "secure-mail-account"


@pytest.mark.parametrize("typed", ["no", "nope", "yes"])
def test_a_bare_reply_is_no_common_question(assistant, typed):
    """A README trial: "no" typed on its own got the USB-stick FAQ's "Not allowed", because "no" is a rare word in
    the paraphrases. A bare reply names nothing: no FAQ answers it."""
    reply = assistant.answer(typed)
    assert not reply.faq_id and reply.verdict is Verdict.NEED_MORE_INFO


@pytest.mark.parametrize("question, verdict", [
    # "anything I need to ...?" asks what to do: the rules' steps, not an FAQ's No about another question
    ("Passing the LAC review to a colleague in the adoption team, we're both council. Anything I need to do?", "awc"),
    ("Fax has gone and the machine printed OK. Anything else I should do?", "awc"),
])
def test_anything_to_do_asked_gets_the_steps(assistant, question, verdict):
    assert assistant.answer(question).verdict is Verdict.ALLOWED_WITH_CONDITIONS, question
