"""`safeshare check`: the rules' examples, and the preview of an edit (`--compare DIR`).

An information-governance officer changes the knowledge files; before the
change goes live they want to know what it changes. The preview answers
the bundled questions (knowledge/preview/questions.yaml, a copy of the
practitioner questions, and every rule's examples) with the shipped
knowledge and with the edited copy, and lists each answer whose verdict,
rule or follow-up question changes, and each word the typo corrector would
now read differently.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from dialogs.answer import Assistant
from dialogs.text import normalise
from knowledge.loader import DATA_DIR, Problem
from knowledge.model import Policy

PREVIEW_QUESTIONS = DATA_DIR.parent / "preview" / "questions.yaml"  # shipped inside the package


def example_failures(policy: Policy, assistant: Assistant | None = None) -> list[Problem]:
    """Every rule's examples answered; each that gets another verdict or rule, and each rule with none."""
    assistant = assistant or Assistant(policy)
    path = str(Path(policy.source) / "rules.yaml")
    out = []
    for i, rule in enumerate(policy.rules):
        loc = f"rules[{i}] ({rule.id})"
        if not rule.examples:
            out.append(Problem(path, rule.line, loc, "has no examples: add one, a question and the verdict "
                                      "it must get (see knowledge/README.md)"))
        for j, example in enumerate(rule.examples):
            reply = assistant.answer(example.question)
            want = example.rule or rule.id
            if reply.verdict is example.verdict and reply.rule_id == want:
                continue
            got = f"{reply.verdict.value} from {_source(reply)}"
            out.append(Problem(path, example.line, f"{loc}.examples[{j}]",
                                      f"{example.question!r} must get {example.verdict.value} from {want}, "
                                      f"but now gets {got}"))
    return out


def _source(reply) -> str:
    if reply.rule_id.startswith("faq:"):
        return f"the common question {reply.rule_id[4:]!r}"
    if reply.rule_id.startswith("ask-"):
        return f"{reply.rule_id} (a question back, asking for the {reply.rule_id[4:]})"
    return reply.rule_id or "no rule"


# -- the preview ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class AnswerChange:
    question: str
    source: str  # "practitioner questions" or "example of <rule>"
    before: dict
    after: dict

    def changed(self) -> list[str]:
        return [k for k in ("verdict", "rule", "follow_up") if self.before[k] != self.after[k]]


@dataclass(frozen=True, slots=True)
class WordChange:
    word: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Preview:
    questions: int
    words: int
    answers: tuple[AnswerChange, ...]
    spelling: tuple[WordChange, ...]

    def to_json(self) -> dict:
        return {
            "questions": self.questions, "words": self.words,
            "answers": [{"question": a.question, "source": a.source, "changed": a.changed(), "before": a.before,
                         "after": a.after} for a in self.answers],
            "spelling": [{"word": w.word, "before": w.before, "after": w.after} for w in self.spelling],
        }

    def text(self) -> str:
        lines = [f"Compared {self.questions} questions and {self.words} words, shipped knowledge against yours.", ""]
        if not self.answers:
            lines.append("No answer changes.")
        else:
            lines.append(f"{len(self.answers)} answer(s) change:")
            for a in self.answers:
                lines.append(f"- \"{a.question}\" ({a.source})")
                for key in a.changed():
                    label = {"verdict": "verdict", "rule": "rule", "follow_up": "question back"}[key]
                    lines.append(f"    {label}: {a.before[key] or '(none)'}  ->  {a.after[key] or '(none)'}")
        lines.append("")
        if not self.spelling:
            lines.append("No word is read differently by the typo corrector.")
        else:
            lines.append(f"{len(self.spelling)} word(s) are read differently by the typo corrector:")
            for w in self.spelling:
                lines.append(f"- \"{w.word}\": was read as \"{w.before}\", now as \"{w.after}\"")
            lines.append("If one of these is an everyday word, add it to everyday_words.txt so it is never corrected.")
        return "\n".join(lines)


def preview_questions(*policies: Policy) -> list[tuple[str, str]]:
    """(question, where it comes from): the shipped practitioner questions, then every rule's examples."""
    cases = yaml.safe_load(PREVIEW_QUESTIONS.read_text(encoding="utf-8"))["cases"]
    out = {c["q"]: "practitioner questions" for c in cases}
    for policy in policies:
        for rule in policy.rules:
            for example in rule.examples:
                out.setdefault(example.question, f"example of {rule.id}")
    return list(out.items())


def _summary(reply) -> dict:
    return {"verdict": reply.verdict.value, "rule": reply.rule_id, "follow_up": reply.follow_up}


def compare(shipped: Policy, edited: Policy) -> Preview:
    """What changes between two versions of the knowledge, on the bundled questions and a word list."""
    before, after = Assistant(shipped), Assistant(edited)
    questions = preview_questions(shipped, edited)
    answers = []
    for question, source in questions:
        a, b = _summary(before.answer(question)), _summary(after.answer(question))
        if a != b:
            answers.append(AnswerChange(question, source, a, b))
    words = _word_list(shipped, edited, [q for q, _ in questions])
    old, new = before.reader.speller.correct, after.reader.speller.correct
    spelling = tuple(WordChange(w, old(w), new(w)) for w in words if old(w) != new(w))
    return Preview(len(questions), len(words), tuple(answers), spelling)


def _word_list(shipped: Policy, edited: Policy, questions: list[str]) -> list[str]:
    """The words whose reading may change: the vocabulary's, everyday English words, and the questions' own."""
    words: set[str] = set()
    for policy in (shipped, edited):
        words |= policy.everyday_words | policy.known_words
        for terms in (policy.kinds, policy.recipients, policy.channels):
            for term in terms.values():
                for phrase in term.words:
                    words.update(normalise(phrase).split())
        for signal in policy.signals.values():
            for phrase in (*signal.words, *signal.negations, *signal.opposites):
                words.update(normalise(phrase).split())
    for question in questions:
        words.update(normalise(question).split())
    return sorted(w for w in words if len(w) >= 4 and w.isalpha())
