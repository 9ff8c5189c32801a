"""A second reading of harm, learned from practitioners' questions that were marked by hand.

harm.yaml's words find what they name; they cannot find a way of telling that nobody listed
("she calls them all 'uncle'", "the kids went white as a sheet"), and they find harm words in
questions that tell of none ("a list of the drug names for the child's meds"). This reading
weighs the whole message at once: a logistic regression over the stems of its words and pairs
of words, trained on every question in tests/data whose answer was marked "ring the Hub or ask
the harm question first" or "neither". It only moves a doubtful case, by thresholds set in
harm.yaml (`learned`):
- nothing read by the words, but the message reads like the ones where a child was at risk
  (probability above `ask_above`): the harm question first, naming the words that weighed most;
- a worrying sign read by the words, which SafeShare would ask about, in a message that reads
  like an everyday question (below `quiet_below`): the question is answered as asked;
- a worrying sign read by the words, in a message that reads like the ones where a child was
  clearly at risk (a second head, trained on "ring the Hub" alone against everything else,
  above `escalate_above`): ring the Hub, not only ask.
A clear sign read by the words (ring the Hub) is never changed.

Retrain after adding a marked batch to tests/data, and commit the model with the batch:
    python -m dialogs.learned tests/data/*.yaml
Training is plain Python, seeded, a few seconds: the same files give the same model.
"""
from __future__ import annotations

import json
import math
import random
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import snowballstemmer

from knowledge.model import LearnedHarm

_WORD = re.compile(r"[a-z0-9]+")
_HUB = frozenset({"escalate", "ask_harm"})
# Words that carry no meaning of their own: never shown as what weighed ("to the", "i")
_FUNCTION = frozenset("a an the to of in on at for and or but i we you he she it they me him her us them is are was "
                      "were be been am do did does can could should would will my your his their our this that with "
                      "from by as if so not no".split())
MODEL = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "harm_model.json"

Stemmer = Callable[[list[str]], list[str]]


# A day or a number tells when, not what: each is read as one word, so "Friday at 2" weighs as any day and time
# do across the marked questions, not as the day and hour some writers' harm messages happened to name
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday mon tues tue wed weds thurs thu fri "
                  "sat sun".split())


# The fewest words the learned reading asks the harm question on by itself: none of the stored questions of ten
# words or fewer was asked about by it, and a short question about a thing ("where's it gone?") was.
_FEWEST_TO_ASK = 8
_AVERAGED_EPOCHS = 5  # the last epochs whose end weights are averaged (see train)


def _words(text: str) -> list[str]:
    return ["<day>" if w in _DAYS else "<n>" if w.isdigit() else w
            for w in _WORD.findall(text.lower().replace("'", "").replace("\u2019", ""))]


def grams(text: str, stem: Stemmer) -> list[str]:
    """The stems of the words, then each pair of neighbouring stems: "left alone" is more than "left"."""
    return _grams(stem(_words(text)))


def _grams(stems: list[str]) -> list[str]:
    return [*stems, *(f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False))]


def _vector(grams_: Sequence[str], idf: Mapping[str, float]) -> dict[str, float]:
    """tf-idf with a logarithmic count, scaled to length 1; grams the model never saw are left out."""
    counts: dict[str, int] = {}
    for g in grams_:
        if g in idf:
            counts[g] = counts.get(g, 0) + 1
    vec = {g: (1 + math.log(n)) * idf[g] for g, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {g: v / norm for g, v in vec.items()}


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


class LearnedReading:
    """The learned reading of one policy's model: how like a child at risk a message reads."""

    def __init__(self, model: LearnedHarm):
        self.model = model
        self._stem: Stemmer = snowballstemmer.stemmer("english").stemWords

    def __getstate__(self) -> dict[str, object]:  # a kept Assistant (dialogs/kept.py): the stemmer is C, made anew
        return {"model": self.model}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["model"])  # type: ignore[misc]

    def judge(self, text: str, doubtful: bool = False) -> str:
        """What it may do, from harm.yaml's thresholds, both heads read from one vector of the message: "ring"
        (a `doubtful` sign the words read, in a message both heads find a clear disclosure), "ask" (above
        `ask_above`), "quiet" (below `quiet_below`), else ""."""
        vec = self._vector(text)
        likely = self._head(vec, self.model.weights, self.model.bias)
        if doubtful and likely > self.model.ask_above \
                and self._head(vec, self.model.clear_weights, self.model.clear_bias) > self.model.escalate_above:
            return "ring"
        if likely > self.model.ask_above and len(_words(text)) < _FEWEST_TO_ASK:
            return ""  # "extracted it - where's it gone?": too few words to read as a story about a child
        return "ask" if likely > self.model.ask_above else "quiet" if likely < self.model.quiet_below else ""

    def probability(self, text: str) -> float:
        """From 0 (reads like an everyday question) to 1 (reads like a child at risk)."""
        return self._head(self._vector(text), self.model.weights, self.model.bias)

    def clear_probability(self, text: str) -> float:
        """From 0 to 1 (reads like the messages where the answer was "ring the Hub now", not a question)."""
        return self._head(self._vector(text), self.model.clear_weights, self.model.clear_bias)

    def clear(self, text: str) -> bool:
        """A doubtful sign in this message may be rung about: it reads like a clear disclosure, and (the first
        head agreeing) like one where a child was at risk at all; a message only one head finds so is asked
        about, not rung."""
        return self.judge(text, doubtful=True) == "ring"

    def _vector(self, text: str) -> dict[str, float]:
        return _vector(grams(text, self._stem), self.model.idf)

    @staticmethod
    def _head(vec: Mapping[str, float], weights: Mapping[str, float], bias: float) -> float:
        return _sigmoid(bias + sum(weights.get(g, 0.0) * v for g, v in vec.items()))

    def strongest(self, text: str, most: int = 3) -> list[str]:
        """The words of the message, as written, that weighed most towards harm ("uncle", "different man")."""
        written = _words(text)
        stems = self._stem(written)
        as_written = dict(zip(stems, written, strict=True))
        as_written.update({f"{a} {b}": f"{written[i]} {written[i + 1]}"
                           for i, (a, b) in enumerate(zip(stems, stems[1:], strict=False))})
        vec = _vector(_grams(stems), self.model.idf)
        pushed = sorted(((self.model.weights.get(g, 0.0) * v, g) for g, v in vec.items()
                         if not set(g.split()) <= _FUNCTION and "<" not in g), reverse=True)  # "<day>" is no word
        return [as_written[g] for w, g in pushed[:most] if w > 0]


# -- training ------------------------------------------------------------------

def _cases(paths: Sequence[Path]) -> list[tuple[str, frozenset[str]]]:
    """(question, accepted verdicts) of every case in the marked batches. A case marked `kind: harm_unclear` is one
    where the harm question comes first (escalate or ask_harm), whatever its writer listed: since round 41 writers
    have listed "need_more_info" for it, which left those cases out of training altogether."""
    import yaml  # noqa: PLC0415 - only to train: `safeshare ask` starts without it

    out = []
    for path in sorted(paths):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out += [(str(case["q"]), _HUB if case.get("kind") == "harm_unclear" else frozenset(case["verdicts"]))
                for case in doc.get("cases") or [] if isinstance(case, dict) and "q" in case and "verdicts" in case]
    return out


def marked(paths: Sequence[Path]) -> list[tuple[str, int]]:
    """(question, 1) where every accepted answer rings the Hub or asks the harm question; (question, 0) where
    none does. A case accepting both is left out: it teaches nothing either way."""
    return [(q, 1 if verdicts <= _HUB else 0) for q, verdicts in _cases(paths)
            if verdicts <= _HUB or not verdicts & _HUB]


def marked_clear(paths: Sequence[Path]) -> list[tuple[str, int]]:
    """(question, 1) where the only accepted answer rings the Hub; (question, 0) for every other case, those
    where asking the harm question first was right among them: the second head tells a clear disclosure from
    a doubt."""
    return [(q, 1 if verdicts <= {"escalate"} else 0) for q, verdicts in _cases(paths)]


def train(cases: Sequence[tuple[str, int]], *, strength: float = 4.0, epochs: int = 15, seed: int = 0,
          idf: Mapping[str, float] | None = None) -> tuple[dict[str, float], dict[str, float], float]:
    """L2-regularised logistic regression by stochastic gradient descent, the two classes weighted to balance:
    (idf, weights, bias). `strength` is the inverse of the regularisation (scikit-learn's C). Without `idf`,
    it is made from these cases: each word or pair seen in at least two of them."""
    stem: Stemmer = snowballstemmer.stemmer("english").stemWords
    docs = [grams(q, stem) for q, _ in cases]
    ys = [y for _, y in cases]
    n = len(docs)
    if idf is None:
        seen: dict[str, int] = {}
        for doc in docs:
            for g in set(doc):
                seen[g] = seen.get(g, 0) + 1
        idf = {g: math.log((1 + n) / (1 + d)) + 1 for g, d in seen.items() if d >= 2}  # seen once only: noise
    idf = dict(idf)
    xs = [_vector(doc, idf) for doc in docs]
    positives = sum(ys)
    if not 0 < positives < n:
        raise ValueError("training needs questions of both kinds")
    balance = {1: n / (2 * positives), 0: n / (2 * (n - positives))}
    weights: dict[str, float] = {}
    bias, lam, step = 0.0, 1.0 / (strength * n), 0
    order = list(range(n))
    rnd = random.Random(seed)
    # The weights at the end of each of the last epochs, averaged: plain SGD's last steps weigh most, so one
    # retraining with a few more questions could swing an everyday message to either side
    averaged = min(_AVERAGED_EPOCHS, epochs)
    summed: dict[str, float] = {}
    summed_bias = 0.0
    for epoch in range(epochs):
        rnd.shuffle(order)
        for i in order:
            step += 1
            eta = 1.0 / (lam * (step + 1000))
            x = xs[i]
            grad = (_sigmoid(bias + sum(weights.get(g, 0.0) * v for g, v in x.items())) - ys[i]) * balance[ys[i]]
            shrink = 1 - eta * lam
            for g, v in x.items():
                weights[g] = weights.get(g, 0.0) * shrink - eta * grad * v
            bias -= eta * grad * 0.1
        if epoch >= epochs - averaged:
            for g, w in weights.items():
                summed[g] = summed.get(g, 0.0) + w
            summed_bias += bias
    return idf, {g: w / averaged for g, w in summed.items()}, summed_bias / averaged


_SEEDS = 3  # models averaged per head (see build)


def _bagged(fit: Callable[[int, Mapping[str, float] | None], tuple[dict[str, float], dict[str, float], float]],
            idf: Mapping[str, float] | None) -> tuple[dict[str, float], dict[str, float], float]:
    """(idf, weights, bias), each weight and the bias the mean of `_SEEDS` fits; the idf of the first."""
    fits = []
    for seed in range(_SEEDS):
        fitted = fit(seed, idf)
        idf = fitted[0]
        fits.append(fitted)
    names = {g for _, weights, _ in fits for g in weights}
    return (fits[0][0], {g: sum(w.get(g, 0.0) for _, w, _ in fits) / _SEEDS for g in names},
            sum(b for _, _, b in fits) / _SEEDS)


def build(paths: Sequence[Path], held_out: Sequence[Path] = ()) -> dict[str, object]:
    """The model file's content: what it was trained on (names and SHA-256), the batches kept out of training
    (`held_out`: stored as regression sets, read by the model as unseen questions), then the numbers: each
    feature's [idf, weight, clear weight], the second head reading the same features."""
    import hashlib  # noqa: PLC0415 - only to train

    # Each head averaged over models trained in different orders (seeds): one order alone moved everyday
    # messages ("bumped his head at the gala, he's fine") across the asking threshold from one retraining to
    # the next
    cases, clear_cases = marked(paths), marked_clear(paths)
    idf, weights, bias = _bagged(lambda seed, idf_: train(cases, seed=seed, idf=idf_), None)
    _, clear, clear_bias = _bagged(lambda seed, idf_: train(clear_cases, seed=seed, idf=idf_), idf)
    return {
        "about": "Learned reading of harm (dialogs/learned.py). Generated: python -m dialogs.learned tests/data/*.yaml",
        "trained_on": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(paths)},
        "held_out": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(held_out)},
        "bias": round(bias, 6),
        "clear_bias": round(clear_bias, 6),
        "features": {g: [round(idf[g], 5), round(weights.get(g, 0.0), 6), round(clear.get(g, 0.0), 6)]
                     for g in sorted(idf)},
    }


def main(argv: Sequence[str] | None = None) -> int:
    """python -m dialogs.learned tests/data/*.yaml [--hold-out BATCH.yaml ...]: train on the batches named before
    --hold-out; those after it stay out of training (a retraining that reads worse on the harm rounds is not
    shipped: the new rounds are held out instead, and measure the model on questions it has not seen)."""
    args = list(sys.argv[1:] if argv is None else argv)
    cut = args.index("--hold-out") if "--hold-out" in args else len(args)
    held_out = [Path(a) for a in args[cut + 1:]]
    names = {p.name for p in held_out}
    paths = [Path(a) for a in args[:cut] if Path(a).name not in names]
    if not paths:
        print("usage: python -m dialogs.learned tests/data/*.yaml [--hold-out BATCH.yaml ...]", file=sys.stderr)
        return 2
    model = build(paths, held_out)
    MODEL.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"{MODEL}: {len(model['features'])} features from {len(paths)} files, "  # type: ignore[arg-type]
          f"{len(held_out)} held out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
