"""The advisor: facts about a sharing question in, the protocol's answer out.

Pure functions over a loaded Policy: no I/O, no clock, no randomness, so
the same facts always give the same advice and every rule can be walked in
a unit test.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from operator import attrgetter

from .model import Advice, ChecklistSection, Fact, Facts, FactValues, Policy, Rule, Section, Verdict



def advise(policy: Policy, facts: Facts, *, ask_optional: bool = False) -> Advice:
    """Return the advice of the first rule the facts match.

    Rules are read in order. A condition may list null: it then matches
    a fact nobody has given, so a rule can answer before that fact is asked. A rule that needs a fact nobody has told us
    yet stops the search: the advice is then `need_more_info`, asking for
    that fact, because a later, more permissive rule must not win just
    because we did not ask. Optional facts (an information sharing
    agreement, another identifier) are asked only when `ask_optional` is
    set, as in the guided check; otherwise such a rule is passed over and
    the advice that follows covers both cases in its checklist.
    """
    plan = _plan(policy)
    values = plan.values(facts)
    rule, missing = _decide(plan, values, ask_optional)
    if missing and missing[0] in _OF_THE_MOMENT and told_after(policy, facts):
        # "I faxed her all six statements. Should I ask for the others back?": whether it was urgent is no question
        # to ask once it has gone; what to do now, with the rule for when it was not, for next time
        rule, missing = _decide(plan, {**values, missing[0]: False}, ask_optional)
    if missing:
        return ask_for(policy, facts, missing)
    return _advice_from_rule(policy, _after_the_event(policy, rule, rule.verdict, facts), facts)


# Facts of the moment a thing is sent, asked before it goes, never after it has gone
_OF_THE_MOMENT = frozenset({"urgent"})


def outcome(policy: Policy, facts: Facts, changes: Mapping[str, object], *, ask_optional: bool = False) \
        -> tuple[str, Verdict]:
    """The rule id and verdict `advise` would give for `facts` with `changes`, without building the advice:
    for weighing each value a fact could take ("would any kind of information change this answer?")."""
    plan = _plan(policy)
    values = plan.values(facts)
    values.update(changes)  # a fact no rule reads changes no outcome
    rule, missing = _decide(plan, values, ask_optional)
    if missing:
        return f"ask-{missing[0]}", Verdict.NEED_MORE_INFO
    return rule.id, rule.verdict


def _decide(plan: _Plan, values: Mapping[str, object], ask_optional: bool) -> tuple[Rule, list[str]]:
    """The first rule the facts match, or the facts still missing (first to ask first) where one may apply."""
    for rule, conditions in plan.rules:
        missing = _match(conditions, values, ask_optional, plan.order)
        if missing is None:  # the rule cannot apply
            continue
        return rule, missing
    raise AssertionError("the loader guarantees a catch-all last rule")


def next_question(policy: Policy, facts: Facts, *, ask_optional: bool = True) -> Fact | None:
    """The fact to ask next, or None when the advisor can answer."""
    advice = advise(policy, facts, ask_optional=ask_optional)
    return advice.question


# One fact of a rule's condition, as the walk reads it: (name, values allowed, None allowed, optional, asked)
_Term = tuple[str, FactValues, bool, bool, bool]


class _Plan:
    """The rules of one policy laid out for the walk: each condition's facts with what `_match` needs of them,
    read once, instead of looking each fact up in the policy on every rule of every question."""

    def __init__(self, policy: Policy):
        self.policy = policy  # held, so the id this plan is filed under is not reused while it is in use
        self.order = {name: i for i, name in enumerate(policy.facts)}
        self.rules = tuple((rule, tuple(tuple((name, allowed, None in allowed, policy.facts[name].optional,
                                               policy.facts[name].asked) for name, allowed in cond.items())
                                        for cond in rule.when)) for rule in policy.rules)
        self.names = tuple(dict.fromkeys(name for rule in policy.rules for cond in rule.when for name in cond))
        self._read = attrgetter(*self.names) if self.names else None  # every fact a rule reads, in one call

    def values(self, facts: Facts) -> dict[str, object]:
        """Each fact a rule reads, by name."""
        if self._read is None:
            return {}
        read = self._read(facts)
        if len(self.names) == 1:  # attrgetter of one name gives the bare value
            read = (read,)
        return dict(zip(self.names, read, strict=True))


_PLANS: dict[int, _Plan] = {}


def _plan(policy: Policy) -> _Plan:
    plan = _PLANS.get(id(policy))
    if plan is None or plan.policy is not policy:
        plan = _PLANS[id(policy)] = _Plan(policy)
    return plan


def _match(conditions: tuple[tuple[_Term, ...], ...], values: Mapping[str, object], ask_optional: bool,
           order: Mapping[str, int]) -> list[str] | None:
    """None when the rule cannot apply, else the facts still missing (empty when it applies)."""
    missing: set[str] = set()
    undecided = False
    for condition in conditions:
        unknown = []
        for name, allowed, none_allowed, optional, asked in condition:
            value = values[name]
            if value is None:
                if none_allowed:
                    continue  # the rule is for when nobody has said ("no channel named yet")
                if optional and not (ask_optional and asked):
                    break  # not asked here: treat as not matching
                unknown.append(name)
            elif value not in allowed:
                break
        else:
            if not unknown:
                return []
            undecided = True
            missing.update(unknown)
    if undecided:
        return sorted(missing, key=order.__getitem__)
    return None


def ask_for(policy: Policy, facts: Facts, missing: Iterable[str]) -> Advice:
    """Advice that asks for the first missing fact, in facts.yaml order."""
    fact = policy.facts[next(iter(missing))]
    reasons = (f"To answer, SafeShare needs to know: {fact.question}",)
    checklist = _checklists(policy, policy.ask.checklists, facts)
    cites = [c for c in fact.cites] + [c for part in _checklist_cites(policy, policy.ask.checklists, facts) for c in part]
    ways = offered(policy, policy.ask.alternatives, facts)
    cites += [c for a in ways for c in policy.alternatives[a].cites]
    return Advice(
        rule_id=f"ask-{fact.id}",
        verdict=Verdict.NEED_MORE_INFO,
        summary=policy.ask.summary,
        reasons=reasons,
        checklist=checklist,
        citations=_sections(policy, cites),
        alternatives=_alternatives(policy, ways),
        question=fact,
        follow_up=fact.question,
        facts=facts,
    )


def _advice_from_rule(policy: Policy, rule: Rule, facts: Facts) -> Advice:
    cites: list[str] = [c for r in rule.reasons for c in r.cites]
    checklist = _checklists(policy, rule.checklists, facts)
    for cid in rule.checklists:
        for item in policy.checklists[cid].items:
            if _item_applies(item.when, facts):
                cites.extend(item.cites)
    ways = offered(policy, rule.alternatives, facts)
    for aid in ways:
        cites.extend(policy.alternatives[aid].cites)
    return Advice(
        rule_id=rule.id,
        verdict=rule.verdict,
        summary=rule.summary,
        reasons=tuple(r.text for r in rule.reasons),
        checklist=checklist,
        citations=_sections(policy, cites),
        alternatives=_alternatives(policy, ways),
        # "Tell SafeShare how you plan to send it" is not asked of one who said "email"
        follow_up="" if rule.follow_up_asks and all(facts.get(f) is not None for f in rule.follow_up_asks)
        else rule.follow_up,
        facts=facts,
    )


def told_after(policy: Policy, facts: Facts) -> bool:
    """The facts tell of something already done by the user, and ask what now (rules.yaml `happened`)."""
    return policy.happened is not None and _item_applies(policy.happened.when, facts)


def proposal_happened(policy: Policy, rule_id: str, facts: Facts) -> Advice | None:
    """What rule `rule_id` answers when what it refuses once proposed ("should I put her name in the subject?")
    is told as done and what now asked (rules.yaml `happened`); None where `happened` does not apply."""
    if not told_after(policy, facts):  # most questions: nothing told as done
        return None
    rule = next((r for r in policy.rules if r.id == rule_id), None)
    if rule is None or rule.proposed is None:
        return None
    told = _after_the_event(policy, rule, rule.proposed.verdict, facts)
    return None if told is rule else _advice_from_rule(policy, told, facts)


def _after_the_event(policy: Policy, rule: Rule, verdict: Verdict, facts: Facts) -> Rule:
    """`rule`, or, where it answers `verdict` to something the facts tell as done with what now asked (rules.yaml
    `happened`), what to do now, then its own summary and reasons, for next time. A rule written for after the
    event ("I saved it on a USB stick, what now?", `not_for`: "what do I do with my sent items?") stands."""
    happened = policy.happened
    if happened is None or verdict not in happened.verdicts or rule.id in happened.not_for \
            or any("already" in cond for cond in rule.when) or not _item_applies(happened.when, facts):
        return rule
    return replace(rule, verdict=happened.verdict, summary=f"{happened.summary} {rule.summary}",
                   reasons=(*happened.reasons, *rule.reasons), follow_up=happened.follow_up, follow_up_asks=(),
                   proposed=None)


def checklist_advice(policy: Policy, checklist_ids: Iterable[str], facts: Facts = Facts()) -> tuple[ChecklistSection, ...]:
    """The named checklists as they apply to `facts` (for FAQ answers)."""
    return _checklists(policy, tuple(checklist_ids), facts)


def _checklists(policy: Policy, ids: Iterable[str], facts: Facts) -> tuple[ChecklistSection, ...]:
    out = []
    for cid in ids:
        checklist = policy.checklists[cid]
        items = tuple(i.text for i in checklist.items if _item_applies(i.when, facts))
        if items:
            out.append(ChecklistSection(checklist.title, items))
    return tuple(out)


def _checklist_cites(policy: Policy, ids: Iterable[str], facts: Facts) -> Iterator[tuple[str, ...]]:
    """The citations of the checklists' items that apply to the facts."""
    for cid in ids:
        for item in policy.checklists[cid].items:
            if _item_applies(item.when, facts):
                yield item.cites


def _item_applies(when: Mapping[str, FactValues] | None, facts: Facts) -> bool:
    if not when:
        return True
    return all(facts.get(name) in allowed for name, allowed in when.items())


def offered(policy: Policy, ids: Iterable[str], facts: Facts) -> tuple[str, ...]:
    """The alternatives among `ids` whose own `when` the facts meet (the school portal only for a school)."""
    return tuple(a for a in ids if _item_applies(policy.alternatives[a].when, facts))


def _alternatives(policy: Policy, ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(policy.alternatives[a].text for a in ids)


def _sections(policy: Policy, cites: Iterable[str]) -> tuple[Section, ...]:
    return tuple(policy.sections[c] for c in dict.fromkeys(cites))


def offers_package(policy: Policy, facts: Facts, verdict: Verdict) -> bool:
    """Whether an answer offers to make an encrypted package (rules.yaml `package_offer`)."""
    offer = policy.package_offer
    return offer is not None and verdict in offer.verdicts and _item_applies(offer.when, facts)


def safest(advices: Iterable[Advice]) -> Advice:
    """Of several answers (one per channel named), the most restrictive."""
    return max(advices, key=lambda a: a.verdict.severity)
