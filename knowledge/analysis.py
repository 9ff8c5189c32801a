"""Rules that can never apply: found by going through every combination of fact values.

Every fact has a finite set of values (true, false or a vocabulary id, or
not said), so "can rule R ever answer?" has an exact answer: is there a
combination that R matches and that no earlier rule answers or stops at
(to ask for a fact)? The combinations run to billions, so they are walked
as boxes (a set of values per fact) rather than one by one: R's boxes minus
each earlier rule's boxes; whatever is left is where R answers. Most rules
are shown reachable first by one combination found in a few seeded tries,
each stepping out of the earlier rule that holds it (well under 0.1 s for
the whole policy); the subtraction, which also names the earlier rules that
take a rule's questions, runs only where no such combination turns up.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from collections.abc import Mapping

from .model import FACT_NAMES, FactValues, Policy, Rule

Box = dict[str, FactValues]


@dataclass(frozen=True, slots=True)
class Unreachable:
    """A rule no question can reach, and the earlier rules that answer first."""

    index: int
    rule: Rule
    before: tuple[str, ...]  # ids of earlier rules that take its questions
    everything: bool = False  # the rule itself matches every question (`when: {}`) and is not last


def fact_values(policy: Policy) -> dict[str, FactValues]:
    """Every value each fact can take, None (not said) included."""
    values: dict[str, FactValues] = {}
    for name in FACT_NAMES:
        terms = policy.terms(name)
        if terms:
            values[name] = frozenset(terms) | {None}
        elif name == "down":
            values[name] = frozenset(policy.channels) | {None}
        else:
            fact = policy.facts.get(name)
            values[name] = frozenset(c.value for c in fact.choices) | {None} if fact else frozenset({None})
    return values


def unreachable_rules(policy: Policy) -> list[Unreachable]:
    """Each rule (but the last, the catch-all) that no combination of facts reaches."""
    universe = fact_values(policy)
    found: list[Unreachable] = []
    taken: list[tuple[str, list[Box]]] = []  # earlier rules, as the boxes where they answer or ask
    cuts: list[Box] = []  # the same boxes, all together
    for index, rule in enumerate(policy.rules):
        left = [_box(cond, universe) for cond in rule.when]
        takers = []
        # a combination the rule matches and no earlier rule takes, found in a few tries, shows it can apply: the
        # exact subtraction (which names the rules that take its questions) runs only where none turns up
        if not _witness(left, cuts, random.Random(index)):
            for rule_id, boxes in taken:
                before = left
                for box in boxes:
                    left = [piece for part in left for piece in _minus(part, box)]
                if left != before:
                    takers.append(rule_id)
                if not left:
                    break
        everything = any(not cond for cond in rule.when)
        if not left:
            found.append(Unreachable(index, rule, _culprits(policy, rule, takers, universe, dict(taken))))
        elif everything and index < len(policy.rules) - 1:
            found.append(Unreachable(index, rule, (), everything=True))
        stops = [_cut(_stops(policy, cond, universe), universe) for cond in rule.when]
        taken.append((rule.id, stops))
        cuts.extend(stops)
    return found


_TRIES = 40  # random combinations tried per rule before the exact subtraction


def _witness(boxes: list[Box], earlier: list[Box], rng: random.Random) -> bool:
    """A combination inside one of `boxes` that none of the `earlier` cuts (see _cut) holds, found by trying
    `_TRIES` at random (seeded, so the same every run). False means none was found, not that none exists."""
    if not boxes:
        return False
    for _ in range(_TRIES):
        box = boxes[rng.randrange(len(boxes))]
        point = {name: rng.choice(sorted(values, key=repr)) for name, values in box.items()}
        for _step in range(len(earlier) + 1):
            holder = next((cut for cut in earlier if all(point[name] in values for name, values in cut.items())), None)
            if holder is None:
                return True
            # step out of the cut that holds it, by one fact the rule's own box lets go elsewhere
            ways = [(name, sorted(box[name] - values, key=repr)) for name, values in holder.items() if box[name] - values]
            if not ways:
                break
            name, values = ways[rng.randrange(len(ways))]
            point[name] = rng.choice(values)
    return False


def _culprits(policy: Policy, rule: Rule, takers: list[str], universe: Mapping[str, FactValues],
              cuts: Mapping[str, list[Box]]) -> tuple[str, ...]:
    """The earlier rules to name: one that alone takes all the rule's questions, if any; else
    those that turn on a fact the rule turns on (not significant harm, which takes a corner of everything)."""
    earlier = {r.id: r for r in policy.rules}
    boxes = [_box(cond, universe) for cond in rule.when]
    alone = [rid for rid in takers
             if not [p for b in boxes for p in _subtract_all(b, cuts[rid])]]
    if alone:
        return tuple(alone[:1])
    facts = {name for cond in rule.when for name in cond}
    return tuple(rid for rid in takers if facts & {name for cond in earlier[rid].when for name in cond}) or tuple(takers)


def _subtract_all(box: Box, cuts: list[Box]) -> list[Box]:
    left = [box]
    for cut in cuts:
        left = [piece for part in left for piece in _minus(part, cut)]
    return left


def _box(cond: Mapping[str, FactValues], universe: Mapping[str, FactValues]) -> Box:
    return {name: frozenset(cond.get(name, values)) for name, values in universe.items()}


def _stops(policy: Policy, cond: Mapping[str, FactValues], universe: Mapping[str, FactValues]) -> Box:
    """Where a rule answers or stops the search to ask: a fact not said is asked for,
    unless it is optional (a one-shot answer passes the rule over then)."""
    box = _box(cond, universe)
    for name, allowed in cond.items():
        if not policy.facts[name].optional:
            box[name] = allowed | {None}
    return box


def _cut(box: Box, universe: Mapping[str, FactValues]) -> Box:
    """Only the facts a box narrows: a rule's box leaves most facts at every value, and a fact at every value
    never splits a box, so subtracting goes through a few facts rather than all of them (8 s to under 1 s)."""
    return {name: values for name, values in box.items() if values != universe[name]}


def _minus(box: Box, cut: Box) -> list[Box]:
    """`box` less `cut` (a box given by the facts it narrows, see _cut), as disjoint boxes."""
    if any(not (box[name] & values) for name, values in cut.items()):
        return [box]
    out = []
    rest = dict(box)
    for name, values in cut.items():
        outside = rest[name] - values
        if outside:
            out.append({**rest, name: outside})
        rest[name] = rest[name] & values
    return out
