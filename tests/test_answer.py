"""One-shot answers: the shared eval, our own held-out questions, and the FAQ."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from dialogs.faq import FaqIndex
from dialogs.answer import LIKELY_FAQ
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


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_answer_never_raises(assistant, text):
    reply = assistant.answer(text)
    assert reply.text()
