"""How long one in-process answer takes, with the shipped FAQ and with 5,000 entries.

Prints a table: median and p99 per question for
- SafeShare's whole answer (understanding + rules + FAQ) with the shipped FAQ;
- the FAQ search alone, shipped and with a synthetic FAQ of 5,000 entries
  (three paraphrases each), SafeShare's index beside a naive
  `rapidfuzz.process.extractOne` over every paraphrase with the same scorer
  and processor, measured in the same run, with the ratio;
- whether both searches gave the same answer on every question;
- the wall time of `safeshare ask "QUESTION"` as a new process.

Run: .venv/bin/python benchmarks/bench_answer.py [--entries 5000] [--paraphrases 3] [--rounds 5]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process, utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dialogs.answer import LIKELY_FAQ, Assistant  # noqa: E402
from dialogs.faq import FaqIndex  # noqa: E402
from dialogs.reply import reading_words  # noqa: E402
from knowledge.loader import load_policy  # noqa: E402


def questions() -> list[str]:
    out = [c["q"] for c in yaml.safe_load((ROOT / "tests/data/practitioner_questions.yaml").read_text())["cases"]]
    shared = ROOT.parent / "shared/eval/questions.yaml"
    if shared.exists():
        out += [c["q"] for c in yaml.safe_load(shared.read_text())["cases"]]
    return out


def synthetic(assistant: Assistant, n: int, paraphrases: int = 3, seed: int = 1) -> FaqIndex:
    rnd = random.Random(seed)
    words = sorted({w for f in assistant.policy.faq.values() for p in f.paraphrases for w in p.split()})
    entries = [(f.id, (f.question, *f.paraphrases)) for f in assistant.policy.faq.values()]
    for i in range(n - len(entries)):
        entries.append((f"synthetic-{i}", tuple(" ".join(rnd.sample(words, rnd.randint(4, 9))) for _ in range(paraphrases))))
    return FaqIndex(entries, assistant.prepare)


def timings(fn, qs, rounds):
    samples = []
    for _ in range(rounds):
        for q in qs:
            start = time.perf_counter()
            fn(q)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--paraphrases", type=int, default=3, help="paraphrases per synthetic entry")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    assistant = Assistant(load_policy())
    qs = questions()
    for q in qs:  # warm the typo cache, as a running bot would be
        assistant.answer(q)
    big = synthetic(assistant, args.entries, args.paraphrases)
    rows = []
    rows.append(("whole answer, shipped FAQ", *timings(assistant.answer, qs, args.rounds), None))
    for name, index in ((f"FAQ search, shipped ({len(assistant.faq_index)} paraphrases)", assistant.faq_index),
                        (f"FAQ search, {args.entries} entries ({len(big)} paraphrases)", big)):
        ours = timings(lambda q, index=index: index.match(q, LIKELY_FAQ), qs, args.rounds)
        naive = timings(lambda q, index=index: index.match_naive(q, LIKELY_FAQ), qs, args.rounds)
        same = all(index.match(q, LIKELY_FAQ) == index.match_naive(q, LIKELY_FAQ) for q in qs)
        rows.append((f"{name}: SafeShare index", *ours, same))
        rows.append((f"{name}: naive extractOne", *naive, None))
        rows.append(("  ratio naive/index (median, p99)", naive[0] / ours[0], naive[1] / ours[1], None))
        raw = index._raw
        plain = timings(lambda q, raw=raw: process.extractOne(q, raw, scorer=fuzz.WRatio, processor=utils.default_process), qs, args.rounds)
        rows.append((f"{name}: plain extractOne, WRatio + default_process", *plain, None))
    # A new process, with the checked policy kept (knowledge/cache.py, the normal case) and without it,
    # alternating so both see the same machine; the first kept run fills the cache and is not counted.
    # Python's compiled bytecode kept too, as an installed assistant has it: a shell with
    # PYTHONDONTWRITEBYTECODE set would otherwise time the compiling of every module changed since.
    ask = [str(Path(sys.executable).with_name("safeshare")), "ask", "can I text the carer the address?"]
    walls: dict[str, list[float]] = {"kept": [], "off": []}
    plain = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as kept:
        settings = {"kept": {**plain, "SAFESHARE_CACHE_DIR": kept}, "off": {**plain, "SAFESHARE_CACHE_DIR": "off"}}
        subprocess.run(ask, capture_output=True, check=True, env=settings["kept"])
        for _ in range(args.rounds * 2):
            for name, env in settings.items():
                start = time.perf_counter()
                subprocess.run(ask, capture_output=True, check=True, env=env)
                walls[name].append((time.perf_counter() - start) * 1000)
    for name, label in (("kept", "checked policy kept between runs"), ("off", "files checked every run (cache off)")):
        rows.append((f"`safeshare ask` wall time, new process, {label}", statistics.median(walls[name]),
                     max(walls[name]), None))
    rows.append(("  ratio off/kept (median)", statistics.median(walls["off"]) / statistics.median(walls["kept"]),
                 max(walls["off"]) / max(walls["kept"]), None))
    replies = [assistant.answer(q) for q in qs]
    brief = [reading_words(r.brief()) for r in replies]
    full = [len(r.text().split()) for r in replies]
    rows.append(("words before \"Show all steps\" (a count, not ms)", statistics.median(brief), max(brief), None))
    rows.append(("words with every step, `ask --full` (a count, not ms)", statistics.median(full), max(full), None))

    print(f"{len(qs)} questions x {args.rounds} rounds; times in ms (ratios are plain numbers)\n")
    print(f"| {'measure':<80} | {'median':>8} | {'p99/max':>8} | same answers |")
    print(f"|{'-' * 82}|{'-' * 10}|{'-' * 10}|--------------|")
    for name, med, p99, same in rows:
        flag = "" if same is None else ("yes" if same else "NO")
        print(f"| {name:<80} | {med:8.3f} | {p99:8.3f} | {flag:<12} |")


if __name__ == "__main__":
    main()
