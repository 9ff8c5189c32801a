"""The learned reading of harm (dialogs/learned.py): how it is made, checked at start-up, and what it may move."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from dialogs.learned import LearnedReading, build, grams, marked, train
from knowledge.loader import KnowledgeError, load_policy
from knowledge.model import LearnedHarm

from .conftest import edit_knowledge

DATA = Path(__file__).resolve().parent / "data"


def _problems(directory) -> str:
    with pytest.raises(KnowledgeError) as info:
        load_policy(directory)
    return str(info.value)


# -- made from the marked questions, the same every time ------------------------

def test_the_shipped_model_was_trained_on_every_marked_batch_as_it_is_now(policy):
    """A batch added or changed in tests/data without retraining (python -m dialogs.learned tests/data/*.yaml)
    is caught here: the model names each file it learned from with its SHA-256, and each it was told to leave out
    (--hold-out) the same way, so every batch is one or the other."""
    import hashlib
    shipped = json.loads((Path(policy.source) / "harm_model.json").read_text())
    now = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(DATA.glob("*.yaml"))}
    assert not set(shipped["trained_on"]) & set(shipped.get("held_out", {}))
    assert {**shipped["trained_on"], **shipped.get("held_out", {})} == now


def test_held_out_batches_are_left_out_of_training(tmp_path, monkeypatch):
    """--hold-out: the batches after it are recorded with their SHA-256 and not learned from."""
    import dialogs.learned as learned
    monkeypatch.setattr(learned, "MODEL", tmp_path / "model.json")
    assert learned.main([str(DATA / "harm_batch5.yaml"), str(DATA / "harm_batch6.yaml"),
                         "--hold-out", str(DATA / "harm_batch6.yaml")]) == 0
    model = json.loads((tmp_path / "model.json").read_text())
    assert set(model["trained_on"]) == {"harm_batch5.yaml"} and set(model["held_out"]) == {"harm_batch6.yaml"}


def test_training_is_seeded_and_uses_only_cases_marked_one_way():
    few = [("dad hit her and she is scared to go home", 1), ("can I fax the rota to the school", 0),
           ("mum's boyfriend hurt him last night", 1), ("how do I zip a spreadsheet", 0)] * 3
    assert train(few, epochs=3) == train(few, epochs=3)
    cases = marked([DATA / "harm_batch5.yaml"])
    assert {y for _, y in cases} == {0, 1}  # harm_unclear (escalate or ask_harm) is 1; ordinary is 0


def test_a_case_marked_unclear_is_one_whatever_verdicts_its_writer_listed():
    """Writers since round 41 list escalate or need_more_info for an unclear case: the harm question first all
    the same (stat: 6 such cases of rounds 42 to 51 were no longer asked once round 52's questions were added)."""
    doc = yaml.safe_load((DATA / "harm_batch52.yaml").read_text())
    unclear = {c["q"] for c in doc["cases"] if c.get("kind") == "harm_unclear"}
    assert unclear and all(set(c["verdicts"]) == {"escalate", "need_more_info"}
                           for c in doc["cases"] if c["q"] in unclear)
    assert {q for q, y in marked([DATA / "harm_batch52.yaml"]) if y} >= unclear


def test_a_model_built_from_two_batches_reads_their_kinds_apart():
    model = build([DATA / "harm_batch5.yaml", DATA / "harm_batch6.yaml"])
    assert set(model["trained_on"]) == {"harm_batch5.yaml", "harm_batch6.yaml"}
    features = model["features"]
    reading = LearnedReading(LearnedHarm({g: v[0] for g, v in features.items()},
                                         {g: v[1] for g, v in features.items()}, model["bias"], 0.9, 0.05))
    cases = marked([DATA / "harm_batch5.yaml", DATA / "harm_batch6.yaml"])
    at_risk = [reading.probability(q) for q, y in cases if y]
    everyday = [reading.probability(q) for q, y in cases if not y]
    assert sum(at_risk) / len(at_risk) > 0.5 > sum(everyday) / len(everyday)


# -- checked at start-up, with the file, the line and the reason --------------

def test_a_missing_model_file_stops_start_up_with_how_to_make_it(knowledge_copy):
    (knowledge_copy / "harm_model.json").unlink()
    problems = _problems(knowledge_copy)
    assert "harm.yaml" in problems and "harm.learned.model" in problems and "python -m dialogs.learned" in problems


def test_a_broken_model_file_is_named_with_its_line(knowledge_copy):
    (knowledge_copy / "harm_model.json").write_text('{"bias": 1,\n "features": {"a": [1, 2],}\n}')
    problems = _problems(knowledge_copy)
    assert "harm_model.json is not valid JSON at line 2" in problems


def test_a_model_without_numbers_is_refused(knowledge_copy):
    (knowledge_copy / "harm_model.json").write_text(json.dumps({"bias": 0.5, "clear_bias": 0.1,
                                                                "features": {"hit": ["x", 1, 2]}}))
    assert "lacks its biases or features" in _problems(knowledge_copy)


def test_a_model_without_its_second_head_is_refused(knowledge_copy):
    """A model file from before the clear head (two numbers a feature, no clear_bias): retrain it."""
    (knowledge_copy / "harm_model.json").write_text(json.dumps({"bias": 0.5, "features": {"hit": [1.5, 1]}}))
    assert "[idf, weight, clear weight]" in _problems(knowledge_copy)


def test_thresholds_the_wrong_way_round_are_refused(knowledge_copy):
    edit_knowledge(knowledge_copy, "harm", "quiet_below: 0.05", "quiet_below: 0.95")
    assert "quiet_below (0.95) < ask_above (0.9)" in _problems(knowledge_copy)


def test_a_threshold_that_is_no_probability_is_refused(knowledge_copy):
    edit_knowledge(knowledge_copy, "harm", "escalate_above: 0.8", "escalate_above: 5")
    assert "escalate_above (5.0) is a probability" in _problems(knowledge_copy)


def test_without_the_learned_section_the_words_alone_decide(knowledge_copy):
    text = (knowledge_copy / "harm.yaml").read_text()
    (knowledge_copy / "harm.yaml").write_text(re.sub(r"\nlearned:\n(  .*\n)+", "\n", text))
    assert load_policy(knowledge_copy).harm.learned is None


# -- what it may move, in our own words -----------------------------------------

@pytest.fixture(scope="module")
def reading(policy):
    return LearnedReading(policy.harm.learned)


@pytest.mark.parametrize("question", [
    # a sign nobody listed: a child carried off by many different men, a child too frightened to speak
    "Every week a different man collects my 12 year old pupil from football and she calls each one 'uncle'. "
    "Can I ask the office for her address?",
    "After contact the little boy went white and silent and hid behind the sofa when his dad's name came up. "
    "Do I put that in the note to the social worker?",
])
def test_a_way_of_telling_no_list_holds_asks_the_harm_question_first(assistant, reading, question):
    """Asked at least: where both heads find a clear disclosure (the round 53 retraining, for the second), rung.
    Where harm.yaml's words have come to hold the sign ("went white" since), the learned reading need not."""
    reply = assistant.answer(question)
    assert reply.asks == "harm" or reply.verdict.value == "escalate"
    assert reading.probability(question) > 0.5 or any(c.reading != "learned" for c in reply.harm.because)


@pytest.mark.parametrize("question", [
    # a harm word in a question that tells of no child at risk: a diagnosis classed, a drug named as data
    "Is a looked after child's diagnosis of depression sensitive personal data or just PID?",
    "Is the name of a child's medication on its own enough to identify him, if I leave his name off?",
    "Is information about a kinship carer's debts classed as confidential data?",
])
def test_a_worrying_word_in_an_everyday_question_is_answered_as_asked(assistant, question):
    reply = assistant.answer(question)
    assert reply.asks != "harm" and reply.verdict.value != "escalate"


def test_doubts_the_protocol_reading_always_asks_about_are_kept(assistant):
    """A document naming an injury, a negated sign: asked, however everyday the rest reads."""
    assert assistant.answer("can I fax the minutes about the non-accidental injury to the GP").asks == "harm"


def test_a_clear_sign_is_never_moved(assistant):
    assert assistant.answer("Is a diagnosis sensitive data? Also she told me dad hit her last night and she "
                            "is scared to go home").verdict.value == "escalate"


@pytest.mark.parametrize("question", [
    # a sign the words only doubt (a parent slurring), told the way clear disclosures are told
    "Dad turned up to collect his 3 year old from nursery slurring and swaying, car keys in his hand. Can I tell "
    "the nursery manager?",
])
def test_a_doubtful_sign_in_a_message_reading_like_a_clear_disclosure_rings_the_hub(assistant, reading, question):
    assert assistant.reader.read(question).harm.level.value == "maybe"  # the words alone would ask
    reply = assistant.answer(question)
    assert reply.verdict.value == "escalate" and reading.clear(question)
    assert {c.reading for c in reply.harm.because} == {"learned_clear"}
    assert "0333 240 1727" in reply.to_json()["answer"]


@pytest.mark.parametrize("question", [
    # no sign the lexicon holds, told the way clear disclosures are told (round 43, first time: asked only)
    "Practice nurse. 16yo in with her mum for travel jabs, when mum popped out she wrote on the back of the form "
    "'please help they are marrying me'. They fly in 4 days. Can I post a copy to social care?",
    # (the x-ray of old breaks "nobody can explain", once here, is read by the words since session 32: an injury
    # nobody could explain is a worry sign, rung as told now; tested in test_harm)
])
def test_a_harm_question_about_to_be_asked_of_a_clear_disclosure_rings_instead(assistant, reading, question):
    reply = assistant.answer(question)
    assert reply.verdict.value == "escalate" and reading.clear(question)
    assert {c.reading for c in reply.harm.because} == {"learned_clear"}


@pytest.mark.parametrize("question", [
    "I replied all on a thread with the GP, school AND dad on it, and my reply had notes about mum's drinking",
    "I've faxed a referral and just noticed I keyed the number wrong by one digit.",
])
def test_the_users_own_slip_is_never_rung_about_on_the_learned_reading_alone(assistant, question):
    assert assistant.answer(question).verdict.value != "escalate"


def test_the_second_head_rings_only_where_the_first_agrees_it_reads_of_harm():
    """A message the second head finds clear but the first hardly of harm is asked about, not rung: made with
    numbers of our own, so no retraining moves it."""
    idf = {"move": 1.0, "hit": 1.0}  # stems
    reading = LearnedReading(LearnedHarm(idf, {"move": 0.5, "hit": 9.0}, 0.0, 0.9, 0.05,
                                         {"move": 9.0, "hit": 9.0}, 0.0, 0.5))
    assert reading.clear_probability("moving") > 0.5 and reading.probability("moving") < 0.9
    assert not reading.clear("moving") and reading.clear("hit")


def test_the_second_head_never_rings_about_a_negated_sign_or_a_document(assistant, reading):
    for question in ("can I fax the minutes about the non-accidental injury to the GP",
                     "there were no bruises that I saw, can I email the school?"):
        assert assistant.answer(question).asks == "harm"


def test_a_day_or_a_number_is_read_as_any_day_or_number(reading):
    """ "Friday at 2" tells when, not what: the model weighs a day and a number as such, and never names one
    as a word that weighed (round 31's retraining had read "friday" and "2" as signs of harm)."""
    import snowballstemmer

    assert grams("a meeting on Friday at 2", snowballstemmer.stemmer("english").stemWords)[:5] == [
        "a", "meet", "on", "<day>", "at"]
    assert not any("<" in w for w in reading.strongest("can I text dad about Friday at 2, and Tuesday at 10?"))


def test_the_words_that_weighed_are_shown_as_written(reading):
    words = reading.strongest("Every week a different man collects her and she calls each one 'uncle'")
    assert words and all(w == w.lower() for w in words) and not {"a", "the", "she"} & set(words)


def test_the_learned_reading_says_in_ask_json_why_it_asked(assistant):
    reply = assistant.answer("Every week a different man collects my 12 year old pupil from football and she "
                             "calls each one 'uncle'. Can I ask the office for her address?").to_json()
    because = reply["harm"]["because"]
    assert because[0]["reading"] == "learned" and because[0]["category"] == "general" and because[0]["words"]


def test_a_greeting_opening_a_question_says_nothing_of_a_child(assistant):
    """ "hi, quick one:" before a question read as harm in one retraining ("hi", "quick one" weighed towards a
    child at risk); the learned reading reads what follows the greeting."""
    for question in ("hi, quick one: what do I name the attachment?", "Morning all - quick q: what do I name the "
                     "attachment?"):
        assert assistant.answer(question).asks != "harm", question


@pytest.mark.parametrize("told", [
    "assaulted at home last night and is still there",
    "was hit this morning and is still at home with him",
])
def test_an_act_told_as_last_night_with_the_child_still_there_is_never_quieted(told):
    """The learned reading may ask, not ring, about words for hurting someone in an everyday-reading message; not
    about an act told as hours ago with the child still there (session 47: a retraining had quieted it)."""
    from dialogs.answer import _JUST_NOW
    assert _JUST_NOW.search(told)
