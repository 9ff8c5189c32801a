"""What the knowledge files build, kept between runs of `safeshare ask` (knowledge/cache.py, dialogs/kept.py)."""
from __future__ import annotations

import dataclasses
import json
import os
import pickle
import subprocess
import sys

import pytest
import yaml

from dialogs.answer import Assistant
from dialogs.kept import kept_assistant
from knowledge.cache import load_kept
from knowledge.loader import KnowledgeError, load_policy
from knowledge.model import Policy

from .conftest import ROOT, edit_knowledge


@pytest.fixture
def cache(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("SAFESHARE_CACHE_DIR", str(where))
    return where


def kept(where, name="policy"):
    return sorted(where.glob(f"{name}-*.pickle"))


def load_policy_cached(folder):
    return load_kept("policy", folder, load_policy, Policy)


def test_a_kept_policy_is_the_policy_the_files_give(cache, knowledge_copy):
    first = load_policy_cached(knowledge_copy)
    assert len(kept(cache)) == 1
    again = load_policy_cached(knowledge_copy)
    assert again == first == load_policy(knowledge_copy)
    assert cache.stat().st_mode & 0o777 == 0o700 and kept(cache)[0].stat().st_mode & 0o777 == 0o600


def test_an_edit_is_checked_again_with_its_file_and_line(cache, knowledge_copy):
    load_policy_cached(knowledge_copy)
    path = edit_knowledge(knowledge_copy, "rules", "cites: [", "cites: [no-such-section, ")
    with pytest.raises(KnowledgeError) as err:
        load_policy_cached(knowledge_copy)
    assert str(path) in str(err.value) and "no-such-section" in str(err.value)
    assert len(kept(cache)) == 1  # the good one stays; nothing is kept for a broken folder


def test_a_retrained_model_is_a_different_folder(cache, knowledge_copy):
    """The learned model is a .json beside the .yaml files: retrained, the kept policy is built again with it,
    never the one kept from the model before."""
    first = load_policy_cached(knowledge_copy)
    model = knowledge_copy / "harm_model.json"
    doc = json.loads(model.read_text())
    doc["bias"] += 1.0
    model.write_text(json.dumps(doc))
    again = load_policy_cached(knowledge_copy)
    assert again.harm.learned.bias == first.harm.learned.bias + 1.0
    assert again == load_policy(knowledge_copy) and len(kept(cache)) == 1


def test_a_kept_file_is_used_only_when_no_one_else_could_have_written_it(cache, knowledge_copy):
    policy = load_policy_cached(knowledge_copy)
    [path] = kept(cache)
    path.write_bytes(pickle.dumps(dataclasses.replace(policy, source="written by someone else")))
    assert load_policy_cached(knowledge_copy).source == "written by someone else"  # ours, 0600: used
    path.chmod(0o620)
    assert load_policy_cached(knowledge_copy).source == policy.source  # group-writable: checked afresh instead


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(["a list, not a policy"])])
def test_a_damaged_kept_file_is_checked_again_and_replaced(cache, knowledge_copy, damage):
    policy = load_policy_cached(knowledge_copy)
    [path] = kept(cache)
    path.write_bytes(damage)
    assert load_policy_cached(knowledge_copy) == policy
    assert pickle.loads(path.read_bytes()) == policy


def test_a_folder_it_cannot_write_only_costs_time(tmp_path, monkeypatch, knowledge_copy):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("SAFESHARE_CACHE_DIR", str(blocker / "cache"))  # under a file: mkdir fails
    assert load_policy_cached(knowledge_copy) == load_policy(knowledge_copy)
    monkeypatch.setenv("SAFESHARE_CACHE_DIR", "off")
    assert load_policy_cached(knowledge_copy) == load_policy(knowledge_copy)


def test_a_kept_assistant_answers_as_a_fresh_one(cache, knowledge_copy, assistant):
    questions = [c["q"] for c in yaml.safe_load((ROOT / "tests/data/practitioner_questions.yaml").read_text())["cases"]]
    kept_assistant(knowledge_copy)  # builds and keeps
    again = kept_assistant(knowledge_copy)  # from the kept file
    assert len(kept(cache, "assistant")) == 1 and isinstance(again, Assistant)
    assert [again.answer(q).to_json() for q in questions] == [assistant.answer(q).to_json() for q in questions]
    sections = knowledge_copy / "sections.yaml"
    sections.write_text(sections.read_text() + "\n# a comment: the same meaning, other bytes, so built again\n")
    kept_assistant(knowledge_copy)
    assert len(kept(cache, "assistant")) == 1


def test_ask_keeps_the_assistant_and_never_the_question(tmp_path):
    where = tmp_path / "cache"
    question = "can I fax Kayleigh Mbeki's mental health assessment to the GP?"
    env = {**os.environ, "SAFESHARE_CACHE_DIR": str(where)}
    for _ in range(2):  # the first run keeps the policy, the second answers from it
        out = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "--json", question], capture_output=True,
                             text=True, cwd=ROOT, env=env, timeout=60)
        assert out.returncode == 0, out.stderr
        assert '"verdict": "not_allowed"' in out.stdout
    [path] = kept(where, "assistant")
    assert b"Kayleigh" not in path.read_bytes() and b"Mbeki" not in path.read_bytes()
    assert [p.name for p in where.iterdir()] == [path.name]  # no temporary file left behind
    home = tmp_path / "home"
    env = {**env, "SAFESHARE_CACHE_DIR": "off", "HOME": str(home), "XDG_CACHE_HOME": ""}
    off = subprocess.run([sys.executable, "-m", "bot.cli", "ask", question], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=60)
    assert off.returncode == 0 and not home.exists()  # off: nothing is kept anywhere
