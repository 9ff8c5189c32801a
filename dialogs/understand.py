"""Free-text understanding: what a question says about the facts.

Finds the channel, the kind of information, the recipient and any sign of
significant harm by phrase matching over the synonym lists in
knowledge/vocabulary.yaml and knowledge/signals.yaml, after typo
correction. Deliberately simple and inspectable: an information-governance
officer can see why a word was understood, and fix it in YAML.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace
from collections.abc import Iterable, Mapping, Sequence

from knowledge.model import Facts, PasswordCheck, Policy

from .harm import NOTHING, Cue, HarmAssessment, HarmLevel, HarmReader
from .personal_data import DOCUMENT_NAME_WORDS
from .text import NEGATED, Speller, normalise, spoken, unnegated

_WEBMAIL = "webmail_personal"


@dataclass(frozen=True, slots=True)
class Understanding:
    """What a question told us. `channels` may name several ("Teams … by SMS")."""

    facts: Facts
    channels: tuple[str, ...]
    tokens: tuple[str, ...]
    harm: HarmAssessment = NOTHING
    skipped: tuple[str, ...] = ()  # steps of the protocol said to be left out: "no need to zip it" -> ("zip",)
    hub_rung: bool = False  # the Safeguarding Hub already rung about it: "I rang the Hub this morning about ..."
    password_rung: bool = False  # the password to be given by phone: "email it and ring them with the password"

    @property
    def anything(self) -> bool:
        return bool(self.channels or self.facts.known())


class _Words(list[str]):
    """A question's words, knowing where its sentences begin (`Reader._sentence_starts`)."""
    sentence_starts: tuple[int, ...] = ()


# The end of a sentence, where a negation before it stops reaching: "she didn't answer. Can I ..."
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True, slots=True)
class _Hit:
    category: str
    value: str
    start: int
    length: int


class Reader:
    """Reads questions against one policy's vocabulary. Build once, reuse."""

    def __init__(self, policy: Policy, extra_words: Iterable[str] = ()):
        self.policy = policy
        phrases: list[tuple[tuple[str, ...], str, str]] = []
        for category, terms in (("kind", policy.kinds), ("recipient", policy.recipients), ("channel", policy.channels)):
            for term in terms.values():
                phrases += [(tuple(_split(w)), category, term.id) for w in term.words]
        for name, signal in policy.signals.items():
            for w in signal.words:
                words = tuple(_split(w))
                phrases.append((words, name, "yes"))
                # typed tersely, without its "the": "password in same email" is "password in the same email"
                terse = tuple(t for t in words if t != "the")
                if 2 < len(terse) < len(words):
                    phrases.append((terse, name, "yes"))
            phrases += [(tuple(_split(w)), name, "no") for w in signal.opposites]
        self._negations = {name: [tuple(_split(n)) for n in s.negations] for name, s in policy.signals.items()}
        # the password words that stand alone ("pass" of "pass word" is a verb: "pass it on rather than email it")
        self._one_word_passwords = frozenset(w for w in policy.password_check.words if " " not in w) \
            if policy.password_check else frozenset({"password"})
        self._near = [(name, frozenset(w for a in s.near.acts for w in _split(a)),
                       frozenset(w for t in s.near.targets for w in _split(t)), s.near.within)
                      for name, s in policy.signals.items() if s.near]
        vocabulary = [w for p, _, _ in phrases for w in p]
        # Known, so never "corrected", but no correction lands on them either:
        # "picked" must not become "kicked", nor "touch" (in touch) "touches".
        near_words = [w for _, acts, targets, _ in self._near for w in acts | targets]
        near_words += [w for c in policy.harm.categories for a in c.acts for w in _split(a)]
        near_words += [w for p in policy.harm.people for w in _split(p)]
        for fact in policy.facts.values():
            vocabulary += [w for c in fact.choices for word in c.words for w in _split(word)]
        vocabulary += [w for text in extra_words for w in _split(text)]
        vocabulary += [w for c in policy.harm.categories for p in (*c.clear, *c.signs, *c.weak) for w in _split(p)]
        self.speller = Speller(vocabulary, (*policy.known_words, *near_words), policy.everyday_words)
        self.harm = HarmReader(policy.harm, self.speller.tokens)
        # A way of sending named by another form of one of its words: "texted", "faxes", "phones" (the stem of a
        # one-word name; a stem two ways share names neither)
        stems: dict[str, set[str]] = {}
        for term in policy.channels.values():
            for word in term.words:
                # (not an adjective: "removable" shares its stem with a child's "removal")
                if len(_split(word)) == 1 and not word.endswith(("able", "ible")):
                    stems.setdefault(self.harm.stem(_split(word)[0]), set()).add(term.id)
        self._channel_stems = {stem: next(iter(ids)) for stem, ids in stems.items() if len(ids) == 1}
        # "isn't meant for me" is "not meant for me": a phrase's negation matches however it is contracted (after
        # the speller has learnt the words as written, "wasnt" among them)
        phrases = [(tuple(_not(w) for w in words), category, value) for words, category, value in phrases]
        # "the council's encrypted memory sticks", "two pen drives": a way's name of more than one word, its last
        # word plural, is the same way; so is a professional's ("the health visitors"; not "foster carers", a
        # group of private people the rules read from their own words)
        known = {words for words, _, _ in phrases}
        phrases += [(plural, category, value) for words, category, value in phrases
                    if (category == "channel" or (category == "recipient" and value in _PLURAL_STAFF))
                    and len(words) > 1 and words[-1].isalpha()
                    and not words[-1].endswith("s") and (plural := (*words[:-1], words[-1] + "s")) not in known]
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for phrase in sorted(phrases, key=lambda p: -len(p[0])):
            if phrase[0]:
                self._by_first.setdefault(phrase[0][0], []).append(phrase)
        # phrases with "password" after their first word, and where: "email the password" is also "email the zip
        # password" (see _hits)
        self._password_inside: dict[str, list[tuple[tuple[str, ...], str, str, int]]] = {}
        for first, found in self._by_first.items():
            for said_words, category, value in found:
                if "password" in said_words[1:]:
                    self._password_inside.setdefault(first, []).append(
                        (said_words, category, value, said_words.index("password")))
        self._rank = {
            "kind": {t.id: t.rank for t in policy.kinds.values()},
            "recipient": {t.id: t.rank for t in policy.recipients.values()},
        }
        # "admissions@school.org.uk": the local parts vocabulary.yaml lists for a generic mailbox ("info@")
        generic = policy.recipients.get("generic_address")
        self._generic_locals = frozenset(w[:-1] for w in (generic.words if generic else ()) if w.endswith("@"))
        self._domains = tuple((t.id, t.domains) for t in policy.recipients.values() if t.domains)
        self._platforms = frozenset(c.id for c in policy.channels.values() if c.platform)
        # details said to be left out need both kinds in vocabulary.yaml; an edited file without them reads as written
        self._left_out = _IDENTIFYING in policy.kinds and NOTHING_PERSONAL in policy.kinds
        # the kinds of details about a person, which typed into an email are in its body ("type mum's mental health
        # history straight into an email"): vocabulary.yaml's personal group, less the marking word
        self._details = frozenset(policy.groups.get("personal", ())) - _MARKINGS
        self._people = frozenset(w for p in (*policy.harm.people, *policy.harm.children) for w in _split(p))
        # A child, a family member or someone spoken of ("them"): not "a man", not the children in general
        self._persons = frozenset(p for p in (*policy.harm.people, *policy.harm.children)
                                  if len(_split(p)) == 1 and p not in _NOT_A_PERSON and p not in policy.harm.groups)
        self._passwords = _PasswordReader(policy.password_check, self.speller) if policy.password_check else None
        self._route_phrases: dict[str, tuple[list[tuple[str, ...]], list[tuple[str, ...]]]] = {}

    def read(self, text: str) -> Understanding:
        tokens = _Words(self.speller.tokens(text))
        tokens.sentence_starts = self._sentence_starts(text, len(tokens))
        said = " ".join(tokens)  # for the patterns read over the whole question
        hits = self._hits(tokens)
        # "email dad on his personal address": an email address, where it goes, not a home address sent
        if any(h.category == "channel" and h.value == "email" for h in hits):
            hits = [h for h in hits if not (h.category == "kind" and tokens[h.start:h.start + h.length] == ["address"]
                                            and tokens[h.start - 1:h.start] and tokens[h.start - 1] in _MAILBOX_KINDS)]
        # "a flyer with no case details": identifying details said to be left out are not sent. Not a name left
        # out (what is left may still identify: the name_removed signal's rule), nor "no safeguarding concerns"
        # So too "as long as I don't include any details about the child": details not put in, and what
        # runs on from them ("about the child")
        kinds, left_out_to = [], -1
        # (not "any reason I can't send referrals from it?": why not asked, the referrals are what goes)
        why_not = _WHY_NOT.search(said) is not None
        for h in (h for h in hits if h.category == "kind"):
            before = tokens[max(0, h.start - 3):h.start]
            # (not "she has no fixed address": where someone lives, said to be nowhere, is no detail left out)
            left_out = self._left_out and not why_not and h.value == _IDENTIFYING \
                and not (tokens[h.start - 1:h.start] and tokens[h.start - 1] in _UNSETTLED) \
                and tokens[h.start + h.length - 1] not in _NAME_WORDS \
                and tokens[h.start + h.length - 1] not in _PAPERS \
                and not _rule_stated(tokens, h.start, h.length) \
                and (_LEFT_OUT.intersection(before) or h.start == left_out_to
                     or (_NOT_WRITING.intersection(before) and _INCLUDING.intersection(before)))
            kinds.append(NOTHING_PERSONAL if left_out else h.value)
            left_out_to = h.start + h.length if left_out else left_out_to
        if _ANONYMISED in kinds and _ANONYMITY_ASKED.search(text) and any(
                h.category == "kind" and h.value not in _NO_ONE and tokens[h.start:h.start + h.length] != ["initials"]
                for h in hits):
            # "initials and their meds ... anonymised, yeah?": whether it counts as anonymised is the question, and
            # what it holds beside initials may identify (definitions, PID: a date of birth, specific drug treatments)
            kinds = [k for k in kinds if k != _ANONYMISED]
        recipients = [h for h in hits if h.category == "recipient"]
        channels = list(dict.fromkeys(h.value for h in hits if h.category == "channel"))

        # "use Gmail" is the sender's own account; "to her Gmail" is where it goes.
        for hit in [h for h in recipients if h.value == _WEBMAIL]:
            before = tokens[max(0, hit.start - 4):hit.start]
            if before[-1:] and before[-1] in _THEIRS:
                continue  # "a parent who emailed me from their hotmail": someone else's account, written back to
            if before[-2:] in (["at", "a"], ["at", "an"], ["at", "her"], ["at", "his"], ["at", "their"], ["on", "a"]) \
                    and tokens[hit.start + hit.length:hit.start + hit.length + 1] in (["address"], ["account"]):
                continue  # "to the solicitor at a gmail address": where it goes, not the sender's account
            if self._preceded(tokens, hit, "webmail_use") or ("to" not in before and not channels) \
                    or _own_account(tokens, hit, before):
                recipients.remove(hit)
                channels.append("webmail")
        # "send it from our team's shared mailbox": the sender's own mailbox, not where it goes
        recipients = [h for h in recipients if not (h.value == "generic_address"
                                                    and "from" in tokens[max(0, h.start - 4):h.start])]
        # "the zip the school sent me", "a provider emailed us", "got a report from another council": who sent it
        # to the user, not who it goes to
        received = any(t in _RECEIVING and not _to_send(tokens, i) for i, t in enumerate(tokens))
        senders = [(h, _sender(tokens, h)) for h in recipients]
        keep_origins = not received and all(sent == "origin" for _, sent in senders)  # "from" only: still the recipient
        recipients = [h for h, sent in senders if sent is None or (sent == "origin" and keep_origins)]
        for i, token in enumerate(tokens):
            value = _address_kind(token, self._domains, self._generic_locals)
            if value:
                recipients.append(_Hit("recipient", value, i, 1))
            # "their generic family court inbox": a generic mailbox with words between
            # ... or named for the desk that reads it ("their reception nhs.net inbox"), or said to be shared by
            # several ("the inbox is shared by the admin team")
            if ((token in _GENERIC and _MAILBOX.intersection(tokens[i + 1:i + 5]))
                    or (token in _DESK and _MAILBOX_NOUNS.intersection(tokens[i + 1:i + 4]))
                    or (token in _MAILBOX_NOUNS and _SHARED_BY.search(" ".join(tokens[i + 1:i + 7])))) \
                    and "from" not in tokens[max(0, i - 3):i] and not any(h.value == "generic_address" for h in recipients):
                recipients.append(_Hit("recipient", "generic_address", i, 1))
        # "our own team's shared inbox inside the council": a mailbox of the council's own (rules.yaml
        # email-to-team-mailbox: the protocol's generic addresses, Internet Email 2, are external ones)
        if any(h.value == "generic_address" for h in recipients) and _OWN_MAILBOX.search(said):
            recipients = [replace(h, value=_TEAM_MAILBOX) if h.value == "generic_address" else h for h in recipients]
        # "send the carer the plan through cjsm": cjsm is the route; the carer, who has no secure
        # address, is who receives it (a police officer's cjsm address stays a secure address)
        if "secure_email" in channels and any(h.value in ("individual", _WEBMAIL) for h in recipients):
            recipients = [h for h in recipients if h.value != "secure_mail" or "@" in tokens[h.start]]
        # "ring them with the password": the phone carries the password, the document goes another way;
        # "what should I call the zip file": naming it, not ringing anyone
        # "send the email and ring the recipient with the password": the password rung through (not "I can't get
        # hold of them by phone to give them the password")
        for_password = "phone" in channels and self._for_password(tokens, hits)
        phoned_password = for_password and all(not _NOT_DONE.intersection(tokens[max(0, h.start - 8):h.start])
                                               for h in hits if h.category == "channel" and h.value == "phone")
        if "phone" in channels and (for_password or self._naming(tokens, hits) or _CALLED_BY_QUOTE.search(text)
                                    or self._whom_to_ring(tokens, hits)
                                    or (len(channels) > 1 and _CALL_ME.search(said))
                                    or ((len(channels) > 1 or any(h.value in _MAIL_RECIPIENTS for h in recipients))
                                        and all(tokens[h.start] in _RANG_US for h in hits
                                                if h.category == "channel" and h.value == "phone"))):
            # (nor "the school phoned, can I email them the plan?": how the request came, not how it goes; nor "she
            # rang asking me to send them to her personal hotmail": an email address says how it goes)
            channels.remove("phone")
        caller = _CALLER_ASKS.search(said) if not channels else None
        if caller and not _DOCUMENTS.intersection(said[caller.end():].split()[:4]) and not _SENDING.intersection(tokens) \
                and "phone" in self.policy.channels:
            # "a woman has rung claiming to be a nurse, she wants to know whether a child is on a plan": details
            # asked for on the phone, by a caller, are given (or not) on the phone
            channels.append("phone")
        # "the parents don't have email, so I text them ... can I text him that?": a way someone lacks is not the
        # way asked about, when another is named
        read = [(h.value, _lacked(tokens, h)) for h in hits if h.category == "channel"]
        only_lacked = {c for c, lacked in read if lacked} - {c for c, lacked in read if not lacked}
        if len(channels) > 1 and only_lacked and [c for c in channels if c not in only_lacked]:
            channels = [c for c in channels if c not in only_lacked]
        elif channels and set(channels) <= only_lacked and _HOW_TO_GET.search(said):
            # "kinship carer has no email at all. How do I get the placement plan to her?": the one way named is the
            # one she lacks, and the way is what is asked: none named
            channels = []
        # "the portal is down, can I email?": a route that is not working is not the route
        down = self._down(tokens, hits)
        implied_by_down = None
        if down in channels:
            channels.remove(down)
            implied_by_down = self.policy.channels[down].recipient
        # "email it rather than use the portal", "the portal is slow": the route not taken (it is not down)
        over = self._passed_over(tokens, hits)
        if channels and set(channels) <= set(over) & self._platforms and _ZIP_SENT.intersection(tokens):
            channels.append("email")  # "send it as an encrypted zip instead of using the portal": by email
        if channels and set(channels) <= set(over) and _MAILING_LIST.search(said):
            channels.append("email")  # "send it to the mailing list, much quicker than the portal": by email
        passed_over = [c for c in over if c in channels and len(channels) > 1]
        channels = [c for c in channels if c not in passed_over]
        if passed_over and implied_by_down is None:
            implied_by_down = self.policy.channels[passed_over[0]].recipient  # "the school portal is slow": a school
        # "do I need to ring them before I fax it?", "phone first": a call as a step of another route, not the route
        if "phone" in channels and len(channels) > 1 and any(
                h.category == "channel" and h.value == "phone"
                and _BEFORE.intersection(tokens[h.start + h.length:h.start + h.length + 4]) for h in hits):
            channels.remove("phone")
        # "save the encrypted attachment onto a USB": an attachment names what came by email; the stick is where
        # it goes
        if "removable_media" in channels and "email" in channels and all(
                tokens[h.start] in _EMAIL_NOUNS for h in hits if h.category == "channel" and h.value == "email"):
            channels.remove("email")
        # An app the protocol does not name (not a choice of the check) beside a way it does: the context where
        # it names a meeting or a link ("email the minutes of the Zoom meeting"), else the route ("is Egress an
        # approved way of sending encrypted email?")
        unnamed = [c for c in channels if not self.policy.channels[c].choice]
        if unnamed and len(unnamed) < len(channels):
            context = all(tokens[h.start + h.length:h.start + h.length + 1]
                          and tokens[h.start + h.length] in _APP_CONTEXT
                          for h in hits if h.category == "channel" and h.value in unnamed)
            channels[:] = [c for c in channels if (c in unnamed) != context]
        # "email it via Objective Connect / the portal / cjsm": the platform is the route; named without a word
        # of the way ("email the plan to the school when the school portal's there", "I know there's a portal
        # but can I email it?") it is the route passed over
        if "email" in channels and self._platforms & set(channels):
            named = [h for h in hits if h.category == "channel" and h.value in self._platforms]
            asked = _ASKED_TO_EMAIL.search(said)
            # a platform told of before the question to email is where things are, not the way ("they can't see
            # the document on the portal. Can I just email them the plan?")
            asked_at = said[:asked.start()].count(" ") if asked else len(tokens)
            by_way = any(_BY_WAY_OF.intersection(tokens[max(0, h.start - 2):h.start]) for h in named
                         if h.start > asked_at)
            if by_way or "secure_email" in channels or asked is None:
                channels.remove("email")
            else:
                platforms = [c for c in channels if c in self._platforms]
                channels = [c for c in channels if c not in platforms]
                if implied_by_down is None:
                    implied_by_down = self.policy.channels[platforms[0]].recipient
                # "I don't have a login for the portal, can I email the school?": not theirs, so email is the way,
                # with nothing passed over
                if not any(_LACKING.intersection(tokens[max(0, h.start - 7):h.start]) for h in named):
                    passed_over += platforms
        # "the court report to mum": a recipient word naming a document ("court report", "police
        # statement") says whose document it is; the recipient is the one after "to"
        named_document = [h for h in recipients if tokens[h.start + h.length:h.start + h.length + 1]
                          and tokens[h.start + h.length] in _DOCUMENTS | _OCCASIONS
                          # (not a list begun after a dash or colon: "the IRO in another authority - referral, ...")
                          and not _broken_between(text, tokens[h.start + h.length - 1], tokens[h.start + h.length])]
        if named_document and len(named_document) < len(recipients):
            recipients = [h for h in recipients if h not in named_document]
        # "fax is a bit old school": the idiom, not a school (her "old school" is one)
        recipients = [h for h in recipients if not (tokens[h.start:h.start + 1] == ["school"] and h.start > 1
                                                    and tokens[h.start - 1] == "old" and tokens[h.start - 2] in _SAYING_OLD)]
        # "email the child's new school address to the foster carer": a recipient word naming a detail says whose
        # detail it is, when another is named after "to"
        # (not an email address's own kind: "an info@ address for a referral to a charity" is where it goes)
        detail = [h for h in recipients if tokens[h.start + h.length:h.start + h.length + 1]
                  and tokens[h.start + h.length] in _DETAILS and h.value not in _ADDRESS_KINDS]
        # (or named first, the one written to: "text the foster carer the child's new school address", README trial,
        # session 50)
        if detail and not any("to" in tokens[max(0, h.start - 3):h.start] for h in detail) and any(
                ("to" in tokens[max(0, h.start - 3):h.start] and h.start > d.start) or h.start < d.start
                for h in recipients if h not in detail for d in detail):
            recipients = [h for h in recipients if h not in detail]
        # "it has loads of history on the family", "my worries about mum": whom it is about, not whom it goes to
        # (a person only: "on her hotmail", "on internal emails" name the way)
        # (whoever's they are: "asking about a child's grandparents")
        recipients = [h for h in recipients if not (h.value == "individual" and _ABOUT_WHOM.intersection(
            [t for t in tokens[max(0, h.start - 3):h.start] if t not in _DETERMINERS and t not in _WHOSE][-1:]))]
        # "save the attachment as the family name": a surname, not a family receiving anything
        recipients = [h for h in recipients if not (tokens[h.start + h.length - 1] == "family" and tokens[
            h.start + h.length:h.start + h.length + 1] in (["name"], ["names"]))]
        # "I work in the fostering team", "I'm from the school": where the user works, not whom it goes to
        recipients = [h for h in recipients if not any(
            tokens[max(0, h.start - k - len(lead)):h.start - k] == list(lead) for lead in _WHERE_I_WORK for k in (0, 1, 2)
            if all(t in _DETERMINERS for t in tokens[h.start - k:h.start]))]
        recipients = _colleague_in_team(tokens, recipients, said)
        # "our independent panel member isn't council staff": someone said not to be of the council is outside it
        recipients = [_Hit("recipient", "external_org", h.start, h.length)
                      if h.value == "colleague" and _NOT_ONE_OF_US.intersection(tokens[max(0, h.start - 2):h.start])
                      else h for h in recipients]
        # "instead of the provider's enquiries@ inbox, ... the named manager's own email": the one passed over is
        # not whom it goes to, where another is named
        # (a generic address: the rest of its phrase, "the provider's", names whose it is, not another recipient)
        passed = [h for h in recipients if h.value == "generic_address" and any(
            tuple(tokens[max(0, h.start - k - 2):h.start - k]) in _PASSED_OVER for k in (0, 1, 2, 3))]
        if passed and len(passed) < len(recipients):
            recipients = [h for h in recipients if h not in passed]
        # "email mum the plan and cc my manager": a colleague copied in is not who the email goes to
        cc_d = {h for h in recipients if _CC_BEFORE.intersection(tokens[max(0, h.start - 3):h.start])}
        copied = [h for h in recipients if h.value == "colleague" and h in cc_d]
        if copied and any(h.value != "colleague" and h not in cc_d for h in recipients):
            recipients = [h for h in recipients if h not in copied]
        council_team = _COUNCIL_TEAM.search(said) if not recipients else None
        if council_team is not None:
            # "the council's payments team", "our council legal department": a team of the council's own
            recipients = [_Hit("recipient", "colleague", said[:council_team.start()].count(" "), 1)]
        recipient = self._best("recipient", [h.value for h in recipients])
        implied = self.policy.recipients[recipient].channel if recipient else None
        if implied and not channels:
            channels.append(implied)
        if recipient is None and len(channels) == 1:
            recipient = self.policy.channels[channels[0]].recipient  # "into the school portal": a school
        if recipient is None:
            recipient = implied_by_down  # "the school portal is down" (or slow): still for a school

        # "can I just send it unencrypted this once?", "resend it unzipped": only an email attachment is zipped
        if not channels and _SENDING.intersection(tokens) and (_UNZIPPED.intersection(tokens) or any(
                t == "without" and tokens[i + 1:i + 2] and tokens[i + 1].startswith(("encrypt", "zip"))
                for i, t in enumerate(tokens))):
            channels.append("email")
        flags = {name: self._flag(tokens, hits, name, negated=False) for name in _FLAGS}
        if not channels and flags["encrypted"] is False and recipient in _BY_EMAIL and recipient != "colleague":
            channels.append("email")  # "an agreement with the trust, so I don't need to encrypt?": the email's zip
        if flags["already"] is None and _NOTE_OPENING.match(said) and _AGO.search(said):
            flags["already"] = True  # "Put the child's full name in the subject line ... about 10 mins ago": done
        if flags["already"] and "removable_media" in channels and _ASKS_TO_SAVE.search(said):
            # "health sent me a zip, can I save it to My Documents?": the receiving is what is done, the saving is
            # asked; only a word of its own tells it as done ("... and saved it to my desktop")
            receiving = {i for h in hits if h.category == "received" for i in range(h.start, h.start + h.length)}
            flags["already"] = self._flag(tokens, [h for h in hits if not (h.category == "already"
                                                                           and h.start in receiving)],
                                          "already", negated=False)
        if flags["media_handover"] and _HANDED_ME.search(said) and (asks := _ASKS_TO_SAVE.search(said)) \
                and _ONTO_IT.search(said, asks.end()):
            # "foster carer handed me a memory stick with photos. Can I save my visit notes onto it too?": the stick
            # came to the user; saving onto it is what is asked (Appendix A: never to a USB stick)
            flags["media_handover"] = None
        texted = recipient is not None and bool(_TEXTED.intersection(tokens))
        # (a text told with only "oops": the texting is the slip, answered by the texts rule's what now: "i already
        # texted a teacher that the child is on a CP plan. oops?")
        slips = _MISTAKE - _OOPS if texted and flags["encrypted"] is not False else _MISTAKE
        if flags["already"] and not flags["misdirected"] \
                and (flags["encrypted"] is False or flags["addresses_shown"] or flags["group_address"]
                     or _CC_WORDS.intersection(tokens) or texted) and (
                slips.intersection(tokens) or _phrase_after(tokens, 0, _BY_MISTAKE, max_gap=len(tokens))):
            # a breach: "sent an unencrypted attachment to an agency by mistake", "I cc'd dad by mistake on an email
            # with mum's new address"
            flags["misdirected"] = True
        if flags["already"] and not flags["misdirected"] and recipient is not None and _I_SENT.search(said) \
                and _phrase_after(tokens, 0, _BY_MISTAKE, max_gap=len(tokens)):
            flags["misdirected"] = True  # "I sent a child's assessment to her old school by mistake": the user's own
        if flags["already"] and flags["addresses_shown"] and flags["aftermath"] and not flags["misdirected"]:
            # "I used CC instead of BCC and every foster carer can now see the others' addresses. What now?": the
            # addresses disclosed, told; what now is the BCC rule's (tell the manager; BCC next time), not the cc one's
            flags["cc_many"] = None
        if not flags["misdirected"] and ((flags["already"] and _WRONG_NUMBER.search(said))
                                         or ((flags["already"] or flags["aftermath"]) and _OLD_ADDRESS.search(said))):
            # "the fax went to a number one digit off", "it went to dad's old email address": to someone who should
            # not have it, or to an address no one may be reading
            flags["misdirected"] = True
        if not flags["misdirected"] and flags["already"] and _SWAPPED.search(said):
            flags["misdirected"] = True  # the wrong paper sent: to someone who should not have it
        if not flags["misdirected"] and _LEFT_BEHIND.search(said):
            flags["misdirected"] = True  # "I left the case file on the train": lost, a breach to tell the manager of
        if not flags["misdirected"] and _NEAR_MISS.search(said):
            # "I nearly sent a CP plan to a parent's gmail but caught it before sending": a near miss, told; what to
            # do now is the misdirected answer (breaches and near misses are monitored), whatever the route was
            flags["misdirected"] = True
        if flags["not_intended"] and _THEY_RECEIVED.search(said):
            # "a school has rung to say they've received a report meant for another school": the user's own
            # email gone astray, told by the one who got it; not a stray email the user received
            flags["not_intended"], flags["misdirected"] = None, True
        if flags["already"] and not flags["misdirected"] and _HIDDEN_BELOW.search(said) and _SENT_ON.search(said):
            flags["misdirected"] = True  # "replied all ... another child's details further down - it went to the parents"
        if flags["already"] and flags["aftermath"] is None and "?" not in text and not _ASKED_OUTRIGHT.search(said):
            # a slip told and nothing asked ("I zipped it with ZipCrypto and it's already gone to the HV."): what now
            flags["aftermath"] = True
        if flags["aftermath"] and _REPLY_ASKED.search(said):
            # "mum's emailed from her gmail asking what happens next. Can I reply to her gmail with the plan?", "has
            # asked me to just reply with them attached": a sending asked for, not what to do with what came
            flags["aftermath"] = None
        if flags["addresses_shown"] is None and _CC_WORDS.intersection(tokens) and _NO_ADDRESS_PERMISSION.search(said):
            # "using CC? They haven't agreed to share their email addresses": CC where there is no permission to
            # disclose the addresses (All Email 3)
            flags["addresses_shown"] = True
        if flags["other_identifier"] is None and _INITIALS_FOR_NAMES.search(said) and not _NAMING_ELSEWHERE.search(said):
            # "can I put the child's initials in the body of an internal email?": initials instead of names, as
            # Internal Mail 1 asks; not initials joined to another detail, nor in a subject, file name or password
            flags["other_identifier"] = True
        if flags["borrowed_account"] is None and _LENT_LOGIN.search(said):
            flags["borrowed_account"] = True  # "give the YOT worker my Objective Connect login": the user's own, lent
        if flags["borrowed_account"] is None and _OTHERS_ACCOUNT.search(said) and _USING_IT.search(said):
            # "my colleague has a CJSM account. Can I log in on it ...?": someone else's account, used
            flags["borrowed_account"] = True
        if flags["aes"] is None and _FEWER_BITS.search(said) and _ENCRYPTION.intersection(tokens):
            flags["aes"] = False  # "what encryption for external emails, is 128 ok": fewer bits than at least 256
        if flags["in_body"] is None and _typed_in(tokens, hits, self._details):
            flags["in_body"] = True  # "type the child's full name and address in the email"
        if flags["in_body"] is None and flags["in_subject"] is None and "email" in channels \
                and (said_in := _EMAIL_SAYS.search(text)) is not None and self._names_someone(said_in.group(1)):
            flags["in_body"] = True  # "a quick email: 'Visited Kayla Brown at 14 Elm Rd today'": the email's own words
        if flags["off_record"] is None and any(_SCORNFUL.search(m.group(0)) for m in _QUOTED_WORDS.finditer(text)) \
                and ("email" in channels or _WRITING.intersection(tokens)):
            flags["off_record"] = True  # "can I write 'mum is an absolute nightmare' in an email?" (All Email 7)
        if flags["in_body"] is None and _PASTED_IN.search(said):
            flags["in_body"] = True  # "can I just paste the table into the email?": what is pasted is in the body
        if flags["group_address"] is None and _NAMED_LIST.search(text):
            flags["group_address"] = True  # "can I pick the 'CP conference invitees' list?": a list by its name
        everyone_list = bool(flags["group_address"] and flags["cc_many"] is None and not flags["list_stale"]
                             and _EVERYONE_LIST.search(text))  # (a list nobody has checked: that answer first)
        # "the SW sent me a zip I can't open, can she just send it unzipped?": what is asked is a sending
        sent_to_me = bool(_SENT_TO_ME.search(said))
        told_received = (self._flag(tokens, hits, "received", negated=False) is True
                         or bool(_SENT_TO_US.search(said))) and not _ASKS_TO_SEND.search(said)
        if not flags["misdirected"] and told_received and ("webmail" in channels or recipient == _WEBMAIL) \
                and _phrase_after(tokens, 0, _BY_MISTAKE, max_gap=len(tokens)):
            # "a GP sent a child's report to my personal Hotmail by mistake": council business come to a personal
            # account, a breach to tell the manager of
            flags["misdirected"] = True
        if flags["kept_in_mailbox"] and told_received and "removable_media" in channels:
            # "there's an encrypted zip from a school in my inbox ... save it to my personal laptop's drive": the inbox
            # is where it came, not a copy kept; where it is saved is what is asked
            flags["kept_in_mailbox"] = None
        if flags["not_intended"] is None and told_received and _MEANT_FOR_OTHERS.search(said):
            flags["not_intended"] = True  # "our fax machine has received a fax meant for the surgery down the road"
        missing = (received or told_received or sent_to_me) \
            and self._flag(tokens, hits, "password_missing", negated=False) is True
        if flags["password_emailed"] is None and not missing and (self._password_emailed_as_it(tokens)
                                                                  or self._password_in_later_email(tokens)):
            flags["password_emailed"] = True  # "forgot to give them the password. can I email it over now?"
        if missing:
            flags["encrypted"] = True  # "got an encrypted file but no password": the file is encrypted, its password missing
        elif flags["encrypted"] is not False and (as_usual := _AS_USUAL.search(said)) \
                and not (as_usual.group(0).endswith(("as is", "as it is")) and _STALE_INFO.search(said)):
            # (not what is in it sent as it stands: "the info is out of date, I'll just send it as is")
            flags["encrypted"] = False  # "just email the referral normally because they can't open zip files"
        if not channels and recipient is not None and flags["encrypted"] is not None and recipient in _BY_EMAIL \
                and not received and not sent_to_me \
                and self.policy.channels.get("email") is not None:
            channels.append("email")  # "still need to encrypt it for the GP?": only an email attachment is encrypted
        if not channels and flags["in_subject"] and self.policy.channels.get("email") is not None:
            channels.append("email")  # "Subject: 'Re: Tyler Brown DOB ...' - fine if internal?": an email's subject
        if flags["aes"] is None and _DEFAULT_METHOD.search(said):
            flags["aes"] = False  # 7-Zip's encryption method left as it comes: for a zip, ZipCrypto, not AES-256
        if not channels and flags["group_address"] and self.policy.channels.get("email") is not None:
            channels.append("email")  # "can I use the whole-staff distribution list to ...?": a list of email addresses
        if not channels and recipient == "colleague" and _SENDING_INTERNAL.search(said) \
                and self.policy.channels.get("email") is not None:
            channels.append("email")  # "sending a court bundle to council legal - it's internal, so ...": internal email
        harm = self.harm.assess(text)
        given = _whereabouts_given(text, said, flags)
        if given is not None:
            # where a child lives has reached someone told as a danger to them: whatever else the message reads,
            # a risk now, told first
            harm = replace(harm, level=HarmLevel.YES, about_harm=True, because=(
                given, *(c for c in harm.because if c.level is HarmLevel.YES)))
        if _IDENTIFYING in self.policy.kinds and (_STREET_ADDRESS.search(text) or _STREET_NAMED.search(text)):
            # "'Visited Kayla Brown at 14 Elm Rd today'": an address, written out; "the family on Beech Road with the
            # twins": where they live, by its street
            kinds.append(_IDENTIFYING)
        message = self._message_kinds(text, channels)
        if message is not None:
            kinds = message  # "text a teen on my caseload 'running late, there in 10'": only the quoted words go
        kind = self._best("kind", kinds)
        if kind in self.policy.groups.get("personal", ()) and self._left_out and _BLANK_PAPERS.search(said) \
                and (_NOTHING_OF_ANYONE.search(said) or _TO_FILL_IN.search(said) or _ONLY_BLANK.fullmatch(said)):
            # "a blank referral form and some leaflets ..., nothing about any child": an empty form names no one
            kind = NOTHING_PERSONAL
        if kind is None and self._left_out and _arranged(said) and _WHEN.search(said) and harm.level is None:
            # "remind her we're meeting at 3 at the library": when and where, no one's details. Not "bruises on a
            # 4yo at the home visit this morning, can I whatsapp the photos?": a visit told, not arranged; nor "let
            # the primary know I'm visiting Amelia on Tuesday": a named child's visit
            kind = _IDENTIFYING if self._visited_by_name(text) else NOTHING_PERSONAL
        if kind is None and self._left_out and _NO_DETAILS.search(said):
            kind = NOTHING_PERSONAL  # "about a training date, no child info": said to hold nothing of anyone
        if kind is None and self._left_out and _NEWS_OF_A_CHILD.search(said):
            kind = _IDENTIFYING  # "can I text the youth worker that the young person's been moved?": news of a child
        if kind is None and self._left_out and "text" in channels and _CALL_REQUEST.search(said):
            kind = NOTHING_PERSONAL  # "can I text a YP 'ring me when you can'?": asked to ring, nothing else told
        if kind is None and self._left_out and "text" in channels and _REMINDING.intersection(tokens) \
                and _TIME_TOLD.search(said):
            kind = NOTHING_PERSONAL  # "text a care leaver reminding her she's seeing her PA tomorrow at 10": a time
        if kind in (None, _IDENTIFYING) and flags["to_hub"] and _SAFEGUARDING in self.policy.kinds \
                and _WRITTEN_UP.search(said):
            kind = _SAFEGUARDING  # "can I fax my written follow-up of a Hub referral?": what the Hub was rung about
        if harm.about_harm and _SAFEGUARDING in self.policy.kinds and (
                kind in _ABOUT_HARM_READS_AS or (kind is None and self.names_document(tokens))):
            kind = _SAFEGUARDING
        if flags["name_removed"] and kind in (_ANONYMISED, NOTHING_PERSONAL) and _IDENTIFYING in self.policy.kinds \
                and _DETAIL_LEFT.search(said):
            kind = _IDENTIFYING  # "initials plus date of birth is basically anonymised": what is left still identifies
            # (not "the anonymised stats, no names": nothing left that could)
        if kind in (_ANONYMISED, NOTHING_PERSONAL) and _IDENTIFYING in self.policy.kinds \
                and unnegated(_STILL_KNOWN, said, _STILL_KNOWN_NOT, 4):
            # "names taken out, but people locally would recognise her condition": PID is what a person can be
            # identified from (the protocol's definition), so what is still recognisable is not anonymised
            kind = _IDENTIFYING
        personal = kind in self.policy.groups.get("personal", ())
        if flags["cc_many"] is None and personal and _REPLY_ALL.search(said) and not flags["already"] \
                and (_MANY_ON_IT.search(said) and _FEW_NEED_IT.search(said) or _SCORES_ON_IT.search(said)):
            # "a thread with 12 people on it, I only want to tell the school the new address. Reply all?": a child's
            # details to everyone on it, when the user says only some need them (All Email 1, 2: be selective with
            # Reply to All). Not a reply to a multi-agency thread alone: who on it needs the update is the user's call,
            # unless the thread is twenty or more ("the 25-person thread"): no minimum number of recipients
            flags["cc_many"] = True
        if everyone_list and (personal or (kind is None and _SOMEONES_PAPERS.search(said))):
            # "the 'All Staff Carlisle' list", "our ALL PARENTS list" with a child's details: a list for everyone in
            # a service, not those who need to know (All Email 1: the minimum number of people possible)
            flags["cc_many"] = True
        if not channels and (_SENT_TO_ADDRESS.search(said) or _DOMAIN_ADDRESS.search(said)):
            # "can I send the report to jane@nhs.net?", "to the GP's nhs.net address": an email address is sent to by
            # email
            channels = ["email"]
        facts = Facts(
            harm=True if harm.level is HarmLevel.YES else False if harm.level is HarmLevel.NO else None,
            kind=kind,
            recipient=recipient,
            channel=channels[0] if len(channels) == 1 else None,
            password=self._passwords.judge(text, self._flag(tokens, hits, "password_reused", negated=False) is True
                                         and not _REMINDED.search(text))
            if self._passwords else None,
            down=down,
            passed_over=next((c for c in passed_over if not self._lacked(tokens, hits, c)), None) if down is None
            else None,
            everything=self._flag(tokens, hits, "everything", negated=None)
            or (True if not told_received and _whole_file(said) else None),
            file_named=True if self.file_name_given(text, tokens)
            else self._flag(tokens, hits, "file_named", negated=False),
            **flags,
            # "we have no ISA with them": a fact of the question only; the guided check asks `agreement` itself
            no_agreement=True if flags["agreement"] is False else None,
            password_missing=True if missing else None,
            # (not where the user's reply to it is asked of, with the subject as it came: "health emailed me with the
            # child's name in the subject line. When I reply, do I leave the subject as it is?": their own sending)
            received=True if told_received and not (flags["in_subject"] and _REPLYING.search(said)) else None,
            name_over_identifier=True if _NAME_OVER_IDENTIFIER.search(said) else None,
            follow_up_by=_follow_up_by(tokens, said),
        )
        skipped = tuple(" ".join(tokens[h.start:h.start + h.length]) for h in hits
                        if h.category == "skipped_step" and (self._negated(tokens, h, "skipped_step") or _phrase_after(
                            tokens, h.start + h.length, _DOUBTED, max_gap=3)
                            or _left_out_after(tokens, h)))
        hub_rung = self._flag(tokens, hits, "hub_rung", negated=False) is True
        return Understanding(facts, tuple(channels), tuple(tokens), harm, skipped, hub_rung, phoned_password)

    def _hits(self, tokens: list[str]) -> list[_Hit]:
        """Every phrase found, longest first; a word belongs to one phrase per category.

        Then each act of a signal's `near` with one of its targets close by.
        """
        hits: list[_Hit] = []
        taken: dict[str, set[int]] = {}

        def claim(category: str, value: str, start: int, length: int) -> None:
            """A hit, unless a longer phrase of its category already holds one of its words."""
            used = taken.setdefault(category, set())
            if not used.intersection(range(start, start + length)):
                used.update(range(start, start + length))
                hits.append(_Hit(category, value, start, length))

        said = [_not(t) for t in tokens]  # as the phrases are held: each contracted negation "not"
        for i, token in enumerate(said):
            for phrase, category, value in self._by_first.get(token, ()):
                n = len(phrase)
                if n > 1 and (said[i + 1:i + 2] != [phrase[1]] or tuple(said[i:i + n]) != phrase):
                    continue  # the second word tells most phrases apart before the whole is compared
                claim(category, value, i, n)
        # "a CAMHS discharge letter" is a "camhs letter": one describing word inside a kind's word for a document
        for i, token in enumerate(said[:-2]):
            for phrase, category, value in self._by_first.get(token, ()):
                if category == "kind" and len(phrase) == 2 and phrase[1] in _DOCUMENTS and said[i + 2] == phrase[1] \
                        and said[i + 1] not in _DOCUMENTS and said[i + 1] not in _NOT_DESCRIBING and said[i + 1].isalpha():
                    claim(category, value, i, 3)
        # "email the zip password": one word saying which password, inside a phrase's "password"
        for i, token in enumerate(said if _WHICH_PASSWORD.intersection(said) else ()):
            for phrase, category, value, k in self._password_inside.get(token, ()):
                if _WHICH_PASSWORD.intersection(said[i + k:i + k + 1]) and tuple(said[i:i + k]) == phrase[:k] \
                        and tuple(said[i + k + 1:i + len(phrase) + 1]) == phrase[k:]:
                    claim(category, value, i, len(phrase) + 1)
        for i, token in enumerate(said):
            if i not in taken.get("channel", ()) and all(  # "texted the ..." tells it happened, and how
                    category == "already" for _, category, _ in self._by_first.get(token, ())):
                channel = self._channel_stems.get(self.harm.stem(token))
                if channel is not None:
                    hits.append(_Hit("channel", channel, i, 1))
        # "email the password protected file": the password is not what is emailed
        hits = [h for h in hits if not (tokens[h.start + h.length - 1] in _PASSWORD_WORDS
                                        and tokens[h.start + h.length:h.start + h.length + 1] in _GLUED)]
        # "all the information security stuff": a subject named, not everything held
        hits = [h for h in hits if not (h.category == "everything"
                                        and _SUBJECT_AFTER.intersection(tokens[h.start + h.length:h.start + h.length + 1]))]
        # "nothing personal in it ... do I still need CONFIDENTIAL in the subject?": the marking asked about, where
        # what is sent is said to identify no one (else the marking is read as the kind it marks)
        marking = {i for i, h in enumerate(hits) if h.category == "kind" and h.length == 1 and tokens[h.start] in _MARKINGS
                   and (any(tokens[j:j + len(w)] == w for j in range(h.start + 1, h.start + 5) for w in _WHERE_MARKED)
                        or tokens[h.start - 1:h.start] and tokens[h.start - 1] in _MARK)}
        if marking and any(h.category == "kind" and h.value == NOTHING_PERSONAL for h in hits):
            hits = [h for i, h in enumerate(hits) if i not in marking]
        # "a gmail address", "their nhs.net address": where it goes, not a person's home address
        # (not "the carer's email address", which is hers)
        mail = {h.start + h.length - 1 for h in hits if h.category == "recipient" and h.value in _MAIL_RECIPIENTS}
        hits = [h for h in hits if not (h.category == "kind" and h.length == 1 and tokens[h.start] in _ADDRESS
                                        and h.start - 1 in mail)]
        # "it in the same email", "same email" are the password's only when a password was named before it
        hits = [h for h in hits if not (h.category == "password_emailed"
                                        and {"it", "same"}.intersection(tokens[h.start:h.start + h.length])
                                        and self._one_word_passwords.isdisjoint(tokens[:h.start + h.length]))]
        # ... and "keep using it" is a password kept on only when a password was named before it (not a
        # distribution list kept on)
        hits = [h for h in hits if not (h.category == "password_reused" and tokens[h.start] in _KEPT_ON
                                        and "it" in tokens[h.start:h.start + h.length]
                                        and self._one_word_passwords.isdisjoint(tokens[:h.start]))]
        # "posted it in the WhatsApp group", "post the minutes on the Teams channel": put online, not the post
        hits = [h for h in hits if not (h.category == "channel" and h.value == "post" and _put_online(tokens, h))]
        # A channel's own words name no one: "school portal" is not a school.
        channels = [h for h in hits if h.category == "channel" and h.length > 1]
        hits = [h for h in hits if h.category not in ("recipient", "kind") or not any(
            c.start <= h.start and h.start + h.length <= c.start + c.length for c in channels)]
        # "the family centre": a venue's name, not the family (a kind that claims words names a place; not "school
        # office", the school's own office)
        places = [h for h in hits if h.category == "kind" and self.policy.kinds[h.value].claims]
        hits = [h for h in hits if h.category != "recipient" or not any(
            p.start < h.start + h.length < p.start + p.length
            for p in places)]
        hits = self._claim(tokens, hits)
        # "the monthly MARAC figures", "CP stats": counts about a kind of case, not a case's information
        hits = [h for h in hits if not (h.category == "kind" and h.value not in _NO_ONE and (any(
            t in _AGGREGATES and tokens[h.start + h.length + j - 1:h.start + h.length + j] not in _NOT_AGGREGATE
            for j, t in enumerate(tokens[h.start + h.length:h.start + h.length + 2])) or _counted_before(tokens, h.start)))]
        # "the FGM and forced marriage training slides", "our safeguarding policy": a kind named as what training or
        # a policy is about, not anyone's information
        hits = [h for h in hits if not (h.category == "kind" and h.value not in _NO_ONE
                                        and _taught(tokens[h.start + h.length:h.start + h.length + 4]))]
        # "business support for the Kendal safeguarding team": a team's name, where someone works, not what is sent
        hits = [h for h in hits if not (h.category == "kind" and tokens[h.start:h.start + h.length] == ["safeguarding"]
                                        and tokens[h.start + 1:h.start + 2] in (["team"], ["teams"], ["unit"],
                                                                                 ["department"], ["service"]))]
        # "a contact schedule (no safeguarding info in it)", "nothing about safeguarding": a sensitive kind said to
        # be absent is not what is sent (not "the no mental health by fax rule", a rule's name)
        absent = [h for h in hits if
                  h.category == "kind" and h.value in _ABSENT_KINDS and not _RULE_NAMED.intersection(
                      tokens[h.start + h.length:h.start + h.length + 3])
                  and not _CONCERN_WORDS.intersection(tokens[h.start + h.length:h.start + h.length + 1])
                  and (tokens[h.start - 1:h.start] in (["no"], ["without"], ["nothing"])
                       or tokens[max(0, h.start - 2):h.start] in (["without", "any"], ["not", "any"],
                                                                  ["nothing", "about"], ["no", "other"])
                       or _not_holding(tokens, h.start))]
        for h in sorted(hits, key=lambda h: h.start):  # "nothing about abuse or mental health": both absent
            if h.category == "kind" and h.value in _ABSENT_KINDS and h not in absent \
                    and tokens[h.start - 1:h.start] in (["or"], ["nor"], ["and"]) \
                    and (any(a.start + a.length == h.start - 1 for a in absent)
                         or tokens[max(0, h.start - 4):h.start - 2] in (["nothing", "about"], ["not", "any"],
                                                                       ["without", "any"])
                         or tokens[h.start - 3:h.start - 2] in (["no"], ["without"], ["nothing"])):
                absent.append(h)
        hits = [h for h in hits if h not in absent]
        # "email the plan to dad? There's no court order": a document named for who made it, where someone else is
        # named to receive it; the court in it is not who receives it
        papers = [h for h in hits if h.category == "kind" and h.length > 1]
        inside = [h for h in hits if h.category == "recipient" and any(
            p.start <= h.start and h.start + h.length <= p.start + p.length and p.length > h.length for p in papers)]
        if inside and any(h.category == "recipient" and h not in inside for h in hits):
            hits = [h for h in hits if h not in inside]
        hits = [h for h in hits if not (h.category == "kind" and h.value in _EVENT_KINDS and _when_of_event(tokens, h, hits))]
        # "the FGM awareness leaflet", "a poster about self-harm": the subject of something printed for everyone,
        # not information about anyone
        hits = [replace(h, value=NOTHING_PERSONAL) if h.category == "kind" and h.value != NOTHING_PERSONAL and (
            _PUBLICATIONS.intersection(tokens[h.start + h.length:h.start + h.length + 2])
            or tokens[max(0, h.start - 2):h.start] in _ABOUT_PUBLICATION) else h for h in hits]
        # "in the email text", "the text of the email": an email's words, not a text message; so is "in the text"
        # where the message is an email ("emailing my TM about a case, can I use the kid's initials in the text")
        emailed = any(h.category == "channel" and h.value == "email" for h in hits)
        hits = [h for h in hits if not (h.category == "channel" and h.value == "text" and h.length == 1 and (
            tokens[h.start - 1:h.start] in (["email"], ["emails"]) or tokens[h.start + 1:h.start + 4] in (
                ["of", "the", "email"], ["of", "an", "email"], ["of", "my", "email"])
            or (emailed and tokens[h.start - 2:h.start] in (["in", "the"], ["in", "my"], ["body", "of"])
                and tokens[h.start + 1:h.start + 2] not in (["to"], ["message"], ["instead"]))))]
        # "texting from my work mobile", "on my phone": the device it goes from, not the number sent
        hits = [h for h in hits if not (h.category == "kind" and h.start > 0 and tokens[h.start - 1] in _DEVICE_USE
                                        and tokens[h.start + h.length - 1] in _DEVICES)]
        # "a password manager app": software that keeps passwords, not the user's manager
        hits = [h for h in hits if not (h.category == "recipient" and tokens[h.start:h.start + 1] in (["manager"], ["managers"])
                                        and tokens[h.start - 1:h.start] in (["password"], ["passwords"]))]
        # "my mind went blank", "drew a blank": a memory lost, not a blank form
        hits = [h for h in hits if not (h.category == "kind" and tokens[h.start:h.start + h.length] == ["blank"]
                                        and _MIND_BLANK.intersection(tokens[max(0, h.start - 2):h.start]))]
        # "nobody will pick up at the other end": a phone not answered, not a pick-up time
        hits = [h for h in hits if not (h.category == "kind" and tokens[h.start:h.start + 2] == ["pick", "up"]
                                        and _NOT_ANSWERED.intersection(tokens[max(0, h.start - 3):h.start]))]
        # "I haven't got 7zip on my new laptop", "right click doesn't show 7zip": the tool missing, which says
        # nothing of whether what is sent will be encrypted (not "can I send it without 7zip?")
        hits = [h for h in hits if not (h.category == "encrypted" and tokens[h.start] in _TOOL_NAMES
                                        and _tool_missing(tokens, h.start))]
        for signal, acts, targets, within in self._near:
            if acts.isdisjoint(tokens) or targets.isdisjoint(tokens):
                continue
            for i, token in enumerate(tokens):
                if token in acts and not (token == "copy" and tokens[i + 1:i + 2] == ["of"]) \
                        and any(t in targets and tokens[j + 1:j + 2] != ["map"]  # "the body map": a drawing, no email
                                for j, t in enumerate(tokens[max(0, i - within):i + within + 1], max(0, i - within))):
                    hits.append(_Hit(signal, "yes", i, 1))  # ("a copy of": a noun)
        return hits

    def _claim(self, tokens: list[str], hits: list[_Hit]) -> list[_Hit]:
        """A kind that `claims` a word takes it over when they name one thing: "the contact centre
        address", "the address of the contact centre" are the venue's, not a person's address.
        Not when a person owns the word ("the carer's address for the contact centre")."""
        owners = [h for h in hits if h.category == "kind" and self.policy.kinds[h.value].claims]
        if not owners:
            return hits
        dropped, claiming = set(), set()
        # one-word kinds no person owns ("the carer's address" is hers), each a word a venue may claim
        unowned = [i for i, h in enumerate(hits) if h.category == "kind" and h.length == 1
                   and not (h.start > 0 and tokens[h.start - 1] in (self._people - _JOINING) | _OWNERS)]
        for i in unowned:
            hit = hits[i]
            word = tokens[hit.start]
            for owner in owners:
                if word not in self.policy.kinds[owner.value].claims:
                    continue
                right_after = owner.start + owner.length == hit.start
                between = tokens[hit.start + 1:owner.start]
                # "the address and postcode of the family centre": the words the venue claims, listed together
                listed = [w for w in between if w not in self.policy.kinds[owner.value].claims and w not in ("and", "or")]
                right_before = owner.start > hit.start and len(listed) <= 3 and set(listed) <= _CONNECTORS \
                    and len(between) <= 6
                if right_after or right_before:
                    dropped.add(i)
                    claiming.add(id(owner))
        # the same word again, said of the same venue: "the family centre's address ... the centre's public address"
        claimed = {tokens[hits[i].start] for i in dropped}
        dropped |= {i for i in unowned if tokens[hits[i].start] in claimed}
        # A kind that claims words is about those words: a venue named alone is not what is sent.
        dropped |= {i for i, h in enumerate(hits) if h in owners and id(h) not in claiming}
        return [h for i, h in enumerate(hits) if i not in dropped]

    def _for_password(self, tokens: list[str], hits: list[_Hit], window: int = 7) -> bool:
        """A phone word with a password word close by: "ring them with the password"; after it, up to half as
        far again for the one rung ("ring the recipient with the password")."""
        if _RECORDED.intersection(tokens):
            return False  # "leave it on their voicemail": a recording, not the recipient told on the phone
        words = self._password_words()
        at = [i for i, t in enumerate(tokens) if t in words]
        phones = [h for h in hits if h.category == "channel" and h.value == "phone"]
        near = [h for h in phones if any(h.start - window <= i <= h.start + h.length - 1 + window + window // 2
                                         for i in at)]
        # (another phone word soon after one that rings with the password is the same call asked about: "she'll ring
        # me for the password. Is that ok or am I meant to ring her?")
        return bool(near) and all(h in near or any(0 < h.start - n.start <= 3 * window for n in near) for h in phones)

    def about_someone(self, tokens: Iterable[str]) -> bool:
        """A child, a family member or a document about them is named ("her child's plan", "the minutes")."""
        return any(t in self._persons or t in _DOCUMENTS for t in tokens)

    def file_name_given(self, text: str, tokens: Iterable[str]) -> bool:
        """A file name told that names someone: "it's called 'Ellie-Mae CP report.zip'", "Julia_Smith.zip", "I'll
        call the zip 'Lily-May Jones LAC review'" (a capitalised part after the first that no word the speller knows:
        not "'Monthly summary'")."""
        tokens = list(tokens)
        joined = " ".join(tokens)
        return any(_names_someone(t) for t in tokens) or _quoted_file_names_someone(text) \
            or _ZIP_WITH_NAME.search(joined) is not None or _NAMED_FOR_SOMEONE.search(joined) is not None or any(
            any(p[0].isupper() and not p.isupper() and p.lower() not in _GENERIC_PART
                and not self.speller.known(p.lower()) for p in parts[1:])  # not the first word alone: "'Monthly ...'"
            for parts in (re.findall(r"[A-Za-z]+", m.group(1)) for m in _CALLED_QUOTED.finditer(text)))

    @staticmethod
    def blank_papers(tokens: Iterable[str]) -> bool:
        """A blank form or template is named: "the blank referral form", "a blank copy"."""
        return _BLANK_PAPERS.search(" ".join(tokens)) is not None

    @staticmethod
    def names_document(tokens: Iterable[str]) -> bool:
        """A document is named: "the plan", "reports", "case notes"."""
        return not _DOCUMENTS.isdisjoint(tokens)

    def _naming(self, tokens: list[str], hits: list[_Hit]) -> bool:
        """Every phone word is "call" naming a file: "call the zip file", "called it Smith_assessment", "what
        should the zip file be called"."""
        phones = [h for h in hits if h.category == "channel" and h.value == "phone"]
        return bool(phones) and all(
            tokens[h.start] in ("call", "called", "calling") and h.length == 1
            and (_NAMED.intersection(tokens[h.start + 1:h.start + 4])
                 or tokens[h.start - 1:h.start] == ["be"] and _NAMED.intersection(tokens[max(0, h.start - 5):h.start])
                 or _named_in_writing(tokens[h.start + 1:h.start + 9])
                 or _named_otherwise(tokens[h.start + 1:h.start + 10]))
            for h in phones)

    @staticmethod
    def _whom_to_ring(tokens: list[str], hits: list[_Hit]) -> bool:
        """Every phone word asks whom to ring: "who do I call?", "who should we ring about it": a person to
        ask, not a way of sending the information."""
        phones = [h for h in hits if h.category == "channel" and h.value == "phone"]
        return bool(phones) and all("who" in tokens[max(0, h.start - 3):h.start] for h in phones)

    def _password_emailed_as_it(self, tokens: list[str]) -> bool:
        """"email it" where "it" can only be the password: a password word is the last thing named before it
        ("forgot to give them the password. can I email it over now?"), not the file ("zip the file, email it and
        ring the password" names the file last)."""
        passwords = self._one_word_passwords
        for i, token in enumerate(tokens):
            if token not in _EMAIL_VERBS or tokens[i + 1:i + 2] != ["it"] \
                    or tokens[max(0, i - 2):i] in (["instead", "of"], ["rather", "than"]):
                continue  # "ring them with the password instead of emailing it": the way not taken
            for j in range(i - 1, max(-1, i - 16), -1):
                if tokens[j] in passwords:  # not a thing's password: "the file with a password", "password protected",
                    # "used AES-256 and a strong password, and emailed it"
                    if tokens[max(0, j - 2):j] in (["with", "a"], ["with", "no"]) or tokens[j - 1:j] == ["without"] \
                            or tokens[j - 1:j] in (["strong"], ["good"], ["complex"], ["random"]) \
                            or tokens[j + 1:j + 2] in (["protected"], ["protect"]) \
                            or (_rang_with(tokens, j) and not _NO_ANSWER.search(" ".join(tokens[j:i]))):
                        break  # (a call with it that went unanswered: "rang with the password but she didn't
                        # answer. can I just email it?" asks to email the password)
                    return True
                if tokens[j] in _THINGS_SENT:
                    break
        return False

    def _password_in_later_email(self, tokens: list[str]) -> bool:
        """A password, and a few words on, "in a follow-up email" or another email of its own, whatever came
        between ("sending zip passwords to a partner agency in a follow-up email straight after the file"): the
        password went by email (External 1). Not with a word of not doing so between ("the password, never in a
        separate email")."""
        for j, token in enumerate(tokens):
            if token not in self._one_word_passwords and token.removesuffix("s") not in self._one_word_passwords:
                continue
            between = tokens[j + 1:j + 10]
            for k in range(len(between) - 1):
                if between[k] in _IN_OR_BY and _LATER_EMAIL.match(" ".join(between[k + 1:k + 5])):
                    if _NOT_THAT_WAY.isdisjoint(tokens[max(0, j - 2):j] + between[:k]):
                        return True
                    break
        return False

    def _password_words(self) -> frozenset[str]:
        check = self.policy.password_check
        return frozenset(w for p in (check.words if check else ("password",)) for w in _split(p))

    def _down(self, tokens: list[str], hits: list[_Hit]) -> str | None:
        """A channel named as not working: "the portal is down", "can't get into Objective Connect"."""
        down = self._named_with(tokens, hits, "unavailable", also_after=("down",))
        return down[0] if down else None

    @staticmethod
    def _lacked(tokens: list[str], hits: list[_Hit], channel: str) -> bool:
        """The route named as one someone is not on ("she's not on cjsm", "they're not on the portal"): not
        theirs to use, rather than passed over for ease."""
        return any(h.category == "channel" and h.value == channel and "not" in tokens[max(0, h.start - 3):h.start]
                   for h in hits)

    def _passed_over(self, tokens: list[str], hits: list[_Hit]) -> list[str]:
        """Channels named as the route not taken: "rather than the portal", "the portal is so slow"."""
        return self._named_with(tokens, hits, "passed_over")

    def _named_with(self, tokens: list[str], hits: list[_Hit], name: str, also_after: tuple[str, ...] = ()) -> list[str]:
        """The channels a signal's `words` come just after, or its `negations` just before."""
        phrases = self._route_phrases.get(name)
        if phrases is None:
            signal = self.policy.signals.get(name)
            if signal is None:
                return []
            # `words` come after the route, `negations` before it ("cant access" the portal)
            phrases = self._route_phrases[name] = ([tuple(_split(w)) for w in signal.words],
                                                   [tuple(_split(w)) for w in signal.negations])
        after, before = phrases
        found = []
        routes = [h.start for h in hits if h.category == "channel"]
        for hit in (h for h in hits if h.category == "channel"):
            end = hit.start + hit.length
            # "quicker than faffing with the portal": a few words between, none of them another route ("instead
            # of faxing, is a courier ok?" passes over the fax, not the courier)
            gap = 1 if any(hit.start - 4 <= r < hit.start for r in routes) else 3
            # "the IAS number instead of the child's name when faxing": the route is when it happens, not what is
            # passed over ("instead of by fax" still is)
            circumstance = hit.start > 1 and tokens[hit.start - 1] in _CIRCUMSTANCE \
                and tokens[hit.start - 2] not in ("of", "than")
            if (end < len(tokens) and tokens[end] in also_after) or _phrase_after(tokens, end, after, max_gap=2) \
                    or (not circumstance and _phrase_before(tokens, hit.start, before, lookback=gap + 3, max_gap=gap)):
                found.append(hit.value)
        return found

    def _preceded(self, tokens: list[str], hit: _Hit, signal: str, window: int = 3) -> bool:
        """A phrase of `signal` (its negations, or else its words) ends at most `window` words before the hit."""
        phrases = self._negations.get(signal, ()) or [tuple(_split(w)) for w in self.policy.signals[signal].words]
        return _phrase_before(tokens, hit.start, phrases, lookback=window + 2, max_gap=window)

    def _flag(self, tokens: _Words, hits: list[_Hit], signal: str, negated: bool | None) -> bool | None:
        """False if an opposite appears ("unencrypted"); True if a signal word
        appears un-negated; `negated` if only negated ones do."""
        found = [h for h in hits if h.category == signal]
        if not found:
            return None
        opposites = [h for h in found if h.value == "no"]
        # an opposite passed over is no opposite: "put them all in CC instead of BCC"
        opposites = [o for o in opposites if tuple(tokens[max(0, o.start - 2):o.start]) not in _PASSED_OVER]
        # "they sent an encrypted zip ... copy the unzipped file": what opening it made, not how it came
        # (not "can she resend it unzipped?": sent as it is)
        opposites = [o for o in opposites if not (tokens[o.start] in _OPENED and tokens[o.start - 1] in _DETERMINERS
                                                  and any(h.value == "yes" and h.start < o.start for h in found))]
        if opposites and signal in _OPPOSED_NEAR:
            yes = [h for h in found if h.value == "yes"]
            opposites = [o for o in opposites if not yes or any(
                abs(y.start - o.start) <= _OPPOSED_NEAR[signal]
                and not _CLAUSE_JOINS.intersection(tokens[min(y.start, o.start):max(y.start, o.start)]) for y in yes)]
        if opposites and signal in _STATES_OPPOSED:
            # "already going", "already says": what stands, not the user's act; only the words it covers are no act
            # ("I've already sent it, and the email already has the DOB in it" is still done)
            found = [h for h in found if h.value == "yes" and not any(
                o.start <= h.start < o.start + o.length for o in opposites)]
            if not found:
                return None
            opposites = []
        if opposites:
            yes = [h for h in found if h.value == "yes"]
            if any(_either_or(tokens, a, b) for a in yes for b in opposites):
                return None  # "ZipCrypto or AES-256 - which one?": a choice asked about, neither said
            return False  # an opposite ("unencrypted") is never read as a yes
        if any(not self._negated(tokens, h, signal) for h in found):
            return True
        return negated

    def kin(self, word: str) -> str:
        """What a word stands for when steps are compared: the way of sending it names ("phoning", "ring" and
        "call" are all the telephone), else its stem."""
        stem = self.harm.stem(word)
        return self._channel_stems.get(stem, stem)

    def _sentence_starts(self, text: str, count: int) -> tuple[int, ...]:
        """Where each sentence after the first begins, as word positions in the text's words (`count` of them);
        none where the sentences' own words do not add up to the whole's."""
        sentences = _SENTENCE_END.split(text)
        if len(sentences) < 2:
            return ()
        # (counted on the normalised words: Speller.tokens corrects each of them one for one)
        starts, at = [], 0
        for sentence in sentences[:-1]:
            at += len(normalise(sentence).split())
            starts.append(at)
        return tuple(starts) if at + len(normalise(sentences[-1]).split()) == count else ()

    def _negated(self, tokens: _Words, hit: _Hit, signal: str) -> bool:
        """One of the signal's negations ("no", "not at risk" ...) among the four words before the hit, in its own
        sentence: "she didn't answer. Can I just email it over?" denies nothing of the email."""
        if signal in ("encrypted", "aes") and _OPENING.intersection(tokens[max(0, hit.start - 4):hit.start]):
            return False  # "they can't open my zip file": what cannot be done is the opening; the zip is there
        at = _phrase_start(tokens, hit.start, self._negations.get(signal, ()), lookback=4, max_gap=4)
        if at is not None and any(at < start <= hit.start for start in tokens.sentence_starts):
            return False
        # "no need to clear them out of sent items", "I won't delete the sent emails": a negating act itself
        # denied leaves the fact standing
        if at is None or (tokens[at] == "no" and tokens[at - 1:at] in (["oh"], ["uh"])):
            return False  # (not "Oh no. I cc'd all the adopters": dismay, no negation)
        if tokens[at] == "to" and tokens[at + 1:at + 2] and (tokens[at + 1] in _DETERMINERS or tokens[at + 1] == "a"):
            return False  # "to" before "the", "her": where it went ("sent to the dentist by mistake"), not "to send"
        if tokens[at] in _UNDOING and _denied_before(tokens, at):
            return False
        # the removing told in any tense, and denied: "never cleared out my sent items", "forgot to clear last
        # week's emails out of my Sent Items"
        undone = [k for k in range(max(0, hit.start - 12), hit.start) if tokens[k] in _UNDONE]
        return not (undone and _denied_before(tokens, undone[-1]))

    def _message_kinds(self, text: str, channels: list[str]) -> list[str] | None:
        """The kinds of information in a message quoted as the whole of what is sent: a text ("text the carer
        'running late, there in 10'"), or an email "with just 'thanks, received'". What the question says about
        the recipient ("a teen on my caseload") is not sent. None where no such message is quoted."""
        if not self._left_out:
            return None
        quoted = [m for m in _MESSAGE.finditer(text) if (_JUST_SAYING.search(text[:m.start()])
                                                         or ("text" in channels and _TEXTING.search(text[:m.start()])))
                  and not _AN_ACTION.fullmatch(m.group(1).strip().lower())]  # "just 'reply all' to the invite"
        if len(quoted) != 1 or _QUOTED_FILE.search(text):
            return None
        words = quoted[0].group(1)
        tokens = self.speller.tokens(words)
        said = " ".join(tokens)
        # (a meeting's name in words that arrange it is when and where, no one's details: an email "that just says
        # 'see you at the core group at 2pm'"; not in a text, where no sensitive information goes (Texts 2) and a
        # child protection meeting's name is itself sensitive: "text mum 'CP conference moved to thurs'")
        arranging = "text" not in channels and _arranged(said) and _WHEN.search(said) is not None
        meetings = [range(said[:m.start()].count(" "), said[:m.end()].count(" ") + 1)
                    for m in _MEETING_NAMED.finditer(said)] if arranging else []
        if any(h.category == "kind" and h.value != NOTHING_PERSONAL
               and not any(h.start in r and h.start + h.length - 1 in r for r in meetings) for h in self._hits(tokens)) \
                or self._persons.intersection(tokens) - _PRONOUNS or tokens[:1] in _ANSWER_WORDS:
            # what the quoted words tell is read with the rest ("'seen baby, weight faltering'"); so is a yes or a no,
            # which tells whatever it answers ("mum asked if the CP plan ended: text back 'yes, ended today'?")
            return None
        return [_IDENTIFYING] if self._names_someone(words) else [NOTHING_PERSONAL]

    def _names_someone(self, words: str) -> bool:
        """Quoted words that name someone or give a street address: a name, not the sender's own ("Hi it's Sam
        from social care"), nor a day, a month or a town's office ("at Kendal office")."""
        own = _PLACE_NAMED.sub(" ", _OWN_NAME.sub(" ", words))
        return bool(_STREET_ADDRESS.search(words) or any(
            len(w) > 1 and w[0].isupper() and not w.isupper() and not self.speller.known(w.lower())
            and not _is_day_or_month(w.lower()) for w in re.findall(r"[A-Za-z]+", own)[1:]) or (
            # the first word too, where it is someone's: "'Jayden's review is at 10am'"
            (first := re.match(r"\W*([A-Z][a-z]+)['\u2019]s\b", own)) is not None
            and not self.speller.known(first.group(1).lower())))

    def _visited_by_name(self, text: str) -> bool:
        """Someone named as the one visited or seen: "let the school know I'm visiting Amelia on Tuesday" tells of a
        visit to a named child (a name no word the speller knows, nor a day or month), not only when and where."""
        return any(not self.speller.known(m.group(1).lower()) and not _is_day_or_month(m.group(1).lower())
                   for m in _VISITED_NAME.finditer(text))

    def _best(self, category: str, values: Iterable[str]) -> str | None:
        values = list(values)
        if not values:
            return None
        rank = self._rank[category]
        return max(values, key=lambda v: rank.get(v, 0))


# Words written about someone in scorn, quoted as what an email is to say: the person may read it (All Email 7)
_QUOTED_WORDS = re.compile(r"['\"\u2018\u201c][^'\"\u2019\u201d]{3,80}['\"\u2019\u201d]")
_SCORNFUL = re.compile(r"\b(?:nightmare|useless|lazy|liar|lying|vile|idiot|idiots|stupid|thick|psycho|nutter|crazy|"
                       r"pathetic|disgusting|feral|scrounger|scroungers|waste of space|a joke|hopeless|"
                       r"evil|cow|slag|hag|horrible|awful|gobby|mouthy)\b", re.IGNORECASE)
_WRITING = frozenset({"write", "writing", "wrote", "written", "put", "type", "say", "call", "describe", "email"})

def _put_online(tokens: list[str], hit: _Hit) -> bool:
    """A place online after the word for posting, with its "on", "in" or "into": "posted her photo into a WhatsApp
    group", "post the minutes on the Teams channel"."""
    after = tokens[hit.start + hit.length:hit.start + hit.length + 10]
    return any(t in ("on", "in", "into", "onto") and _ONLINE_PLACE.intersection(after[i + 1:i + 4])
               for i, t in enumerate(after))


_ONLINE_PLACE = frozenset("group groups chat chats channel channels page pages facebook instagram twitter forum "
                          "whatsapp teams online website site feed story stories".split())
# What an app's name describes when it is not the way of sending: "the Zoom meeting", "the SharePoint link"
_APP_CONTEXT = frozenset("meeting meetings call calls link links invite invites invitation recording recordings "
                         "session sessions site page folder".split())

# A name, address or date of birth, and an identifier a third party cannot easily recognise (Faxes 2)
_NAME_OR_DOB_RE = r"\b(?:name|names|dob|date of birth|address)\b"
_OTHER_ID_RE = r"\b(?:ias|identifier|reference number|case number|id number)\b"
# A name or date of birth to go although another identifier would do (Faxes 2): "the child's name and DOB when
# there's an IAS number I could use", "name and DOB, although we could use the IAS number"
_NAME_OVER_IDENTIFIER = re.compile(
    _NAME_OR_DOB_RE + r".{0,60}?\b(?:when|although|though|despite|but|if)\b"
    r"(?=.{0,50}?" + _OTHER_ID_RE + ")"
    # "even though they already use his IAS number", "if I could use their IAS number instead"
    r"(?=.{0,50}?\b(?:could|would|might|already (?:have|has|got|use|uses|know)|we have|we've got|weve got)\b)"
    # the identifier known, then the name all the same: "they know her by her IAS number, but it's quicker to fax
    # her full name" (not "no IAS number, but ...": none to use)
    r"|(?<!\bno )(?<!\bnot )(?<!\bwithout )(?<!\bany )" + _OTHER_ID_RE
    + r"(?:(?!\b(?:no|not|dont|doesnt|hasnt|havent|without)\b)[^.?!]){0,50}?\bbut\b[^.?!]{0,60}?" + _NAME_OR_DOB_RE
    # the name chosen over an identifier named after it: "quicker to put her full name on than look up her IAS
    # number", "her name instead of the reference number"
    + r"|" + _NAME_OR_DOB_RE + r"[^.?!]{0,60}?\b(?:than|instead of)\b[^.?!]{0,30}?" + _OTHER_ID_RE
    # ... or both, the name added to the identifier: "their full name, address and DOB as well as the IAS number"
    + r"|" + _NAME_OR_DOB_RE + r"[^.?!]{0,40}?\b(?:as well as|along with|on top of)\b[^.?!]{0,15}?" + _OTHER_ID_RE
    # ... or the identifier said to be at hand after it: "fax a letter with his full name and DOB? We do have his
    # IAS number"
    + r"|" + _NAME_OR_DOB_RE + r".{0,120}?\b(?:we|i) (?:do |already |also )?(?:have|ve got|have got|know)\b[^.?!]{0,20}?"
    + _OTHER_ID_RE
    # ... or the identifier let go beside it: "we always fax the name and address, so no need to bother with the
    # IAS number"
    + r"|" + _NAME_OR_DOB_RE + r"[^.?!]{0,80}?\b(?:no need to bother with|no need for|dont bother with|not bother with|"
    r"no point using|no point in using|skip)\b[^.?!]{0,20}?" + _OTHER_ID_RE)

# Kinds a "no" before them says are absent ("no safeguarding info in it"); the personal kinds have their own
# readings of "no PID", "no names" (anonymised)
_ABSENT_KINDS = frozenset({"safeguarding", "mental_health", "intimate_health", "sensitive"})
_RULE_NAMED = frozenset({"rule", "rules", "by", "ban", "policy"})
# "no safeguarding concerns": no harm told, said of the child; the document may still be about safeguarding
_CONCERN_WORDS = frozenset({"concern", "concerns", "worries", "worry", "risk", "risks"})

def _follow_up_by(tokens: list[str], said: str) -> str | None:
    """When a Hub call's written follow-up goes, against the protocol's 48 hours: "72 hours ok?" or "called
    Friday, can it wait till Wednesday?" late; "Friday ... is Monday ok?" over a weekend, within two working days;
    "rang Monday, Tuesday ok?" in time. None where no later time is named."""
    if not _FOLLOW_UP.search(said) or not (_CALL_WORDS.intersection(tokens) or _FORTY_EIGHT.search(said)):
        return None  # (the protocol's 48 hours are the Hub call's: "does the 48 hours for putting it in writing ...")
    if _SKIP_FOLLOW_UP.search(said) or _CALL_AS_WRITING.search(said):
        return "late"  # "the hub took everything over the phone, so I can skip the written bit?": never is late
    if _LATER.search(said):
        return "late"  # "rang the hub Monday, OK if I write it up next week?"
    for m in _DURATION.finditer(said):
        hours = int(m.group(1)) * (24 if m.group(2).startswith("day") else 1)
        if hours > 48:
            return "late"
    days = [_WEEKDAYS[t] for t in tokens if t in _WEEKDAYS]
    if len(days) < 2 or days[0] == days[-1]:
        # "is the 48 hours working hours or does the weekend count?": asked, and the protocol does not say
        return "hours_asked" if _HOURS_ASKED.search(said) else None
    called, sent = days[0], days[-1]
    gap = (sent - called) % 7
    if gap <= 2:
        return "in_time"
    working = sum(1 for k in range(1, gap + 1) if (called + k) % 7 < 5)
    return "weekend" if working <= 2 else "late"


def _is_day_or_month(word: str) -> bool:
    return word in _WEEKDAYS or word in ("sat", "sun") or word in _MONTHS


_FOLLOW_UP = re.compile(r"\b(?:follow ?up|followup|in writing|written|write ?up|write (?:it|this|that|them) up)\b")
_SKIP_FOLLOW_UP = re.compile(r"\b(?:skip|skipping|not bother(?:ing)?|dont bother|leave out|ditch|drop)\b.{0,25}?"
                             r"\b(?:written|writing|write ?up|follow ?up|followup)\b|"
                             r"\b(?:no need (?:for|to)|(?:i|we) dont need to|(?:i|we) dont have to|(?:i|we) neednt)\s+"
                             r"(?:do\s+|send\s+|put\s+)?(?:the\s+|a\s+|any\s+|anything\s+)?"
                             r"(?:written|write|follow ?up|followup|in writing)\b")
# the call itself counted as the writing: "does a phone call to the Hub count as my written follow-up?"
_CALL_AS_WRITING = re.compile(r"\b(?:call|calls|phone|phoning|ringing|conversation|chat|verbal|spoke|told them)\b.{0,40}?"
                              r"\b(?:count|counts|do|does|serve|enough)\s+(?:as|for|instead of)\s+(?:the\s+|my\s+|a\s+|our\s+)?"
                              r"(?:written|write ?up|writing|follow ?up|followup)\b|"
                              # ... or the follow-up made a call: "can the 48 hour follow up just be another phone call?"
                              r"\b(?:follow ?up|followup)\b.{0,20}?\b(?:be|by|over|via)\s+(?:just\s+)?(?:another\s+|a\s+|the\s+)?"
                              r"(?:phone|call|ring|telephone)\b")
# a time further off than 48 hours, named in words: "next week", "in a fortnight", "in a few days"
_LATER = re.compile(r"\b(?:next week|next month|(?:a|one|two|couple of|few) weeks?|fortnight|(?:a )?few days|"
                    r"end of (?:the|next) week|when (?:i|im|i am) (?:less busy|back|free|get (?:a )?(?:chance|minute|moment)))\b")
# whether weekends or working hours count in the 48 hours, asked
_HOURS_ASKED = re.compile(r"\b(?:working|office|business) (?:hours|days)\b|\bweekends?\b.{0,20}\b(?:count|counts|included|"
                          r"include)\b|\b(?:count|include|including)\b.{0,20}\bweekends?\b|\bbank holidays?\b")
_FORTY_EIGHT = re.compile(r"\b48 ?(?:hours|hour|hrs|hr|h)\b")
_CALL_WORDS = frozenset("hub mash call called rang rung phoned ringing calling phoning".split())
_DURATION = re.compile(r"\b(\d{1,3}) ?(hours|hour|hrs|hr|days|day)\b")
_WEEKDAYS = {**dict.fromkeys(("monday", "mon"), 0), **dict.fromkeys(("tuesday", "tues", "tue"), 1),
             **dict.fromkeys(("wednesday", "weds", "wed"), 2), **dict.fromkeys(("thursday", "thurs", "thur", "thu"), 3),
             **dict.fromkeys(("friday", "fri"), 4), "saturday": 5, "sunday": 6}

# Yes/no facts read from the signal of the same name in signals.yaml, a negated mention read as nothing
_FLAGS = ("urgent", "other_identifier", "agreement", "encrypted", "aes", "password_emailed", "already", "in_body",
          "in_subject", "borrowed_account", "group_address", "kept_in_mailbox", "misdirected", "to_hub",
          "name_removed", "cc_many", "not_intended", "opening", "self_made_account", "off_record", "autocomplete",
          "process_asked", "unrecorded", "copies_reversed", "addresses_shown", "no_secure_account",
          "unsaved", "media_handover", "list_stale", "aftermath", "password_relayed", "public_office", "unattended",
          "thread_holds", "sent_in", "secure_unnamed")

# No permission to disclose the addresses to each other: "they haven't agreed to share their email addresses",
# "I don't have permission to share everyone's emails"
_NO_ADDRESS_PERMISSION = re.compile(r"\b(?:not|no|havent|hasnt|dont|didnt|without|never)\b(?: \w+){0,3}? "
                                    r"(?:agreed|agree|permission|consent|consented|asked)\b(?: \w+){0,5}? "
                                    r"(?:emails?|addresses|address|email addresses)\b")

# Initials used to name the child (Internal Mail 1), with no other detail joined to them: "put the child's initials in
# the body", "refer to her by initials"; and where initials name something other than the body's child
# (not with what still identifies beside them: "initials and DOB"; an age is no such thing: "initials and age")
_INITIALS_FOR_NAMES = re.compile(r"\b(?:use|using|used|put|putting|refer|referring|by|with|just|only)\b(?: \w+){0,3}? "
                                 r"initials\b(?! (?:(?:and|plus|with) (?:the |their |her |his )?)?(?:dob|date|dates|"
                                 r"surname|surnames|name|names|full|address|addresses|postcode|postcodes|home|school)\b)"
                                 r"(?! (?:and|plus) (?!age\b|ages\b|year\b|gender\b))")
_NAMING_ELSEWHERE = re.compile(r"\b(?:subject|title|heading|header|password|passwords|zip|zipped|filename|file name|"
                               r"name the|call the)\b")

# Words that join or point rather than describe: "the CAMHS and school reports" is no CAMHS report
_NOT_DESCRIBING = frozenset("and or to for of the a an by from with about not no on in at my our your their his her "
                            "this that".split())
# Which password: "the zip password", "the encryption password" (understand._hits)
_WHICH_PASSWORD = frozenset("zip zipped 7zip encryption file document attachment".split())
# a message left, not a call answered
_RECORDED = frozenset("voicemail voicemails answerphone answerphones answering".split())
# someone else received it: "they've received", "the school has got" (not "I have received")
_THEY_RECEIVED = re.compile(r"\b(?:theyve|they|she|shes|he|hes)(?: have| has)? (?:just |now )?(?:received|got)\b|"
                            r"(?<!\bi )(?<!\bwe )\b(?:has|have) (?:just |now )?received\b")
# a slip caught before it went: "nearly sent it to her gmail but caught it before sending"
_NEAR_MISS = re.compile(r"\b(?:nearly|almost) (?:sent|emailed|faxed|texted|posted|forwarded|replied|shared|uploaded)\b"
                        r"(?: \w+){0,14}? (?:caught|spotted|noticed|stopped|realised|realized)\b")
# someone else's call, told: "the school phoned", "a teacher rang asking for ..."
_RANG_US = frozenset("phoned rang rung called".split())
# a caller asking for details: "a man rang saying he's from the police and asked for her address"
_CALLER_ASKS = re.compile(r"\b(?!i |we )\w+ (?:has |have |just )*(?:rung|rang|phoned|called)\b(?: \w+){0,12}? "
                          r"(?:wants? to know|wanted to know|asking (?:for|about|whether|if)|asked (?:for|about|whether|if)|"
                          r"claiming|saying (?:she|he|they) (?:is|was|are|were|s|re))\b")
# an encrypted zip, sent: by email (Appendix A), when the only way named is the one passed over
_ZIP_SENT = frozenset("zip zipped 7zip encrypted".split())
# where someone lives said to be nowhere: "she has no fixed address" (no detail left out)
_UNSETTLED = frozenset({"fixed", "permanent", "settled", "stable"})
# what says an address is an email address: "his personal address", "her work address" (with email named)
_MAILBOX_KINDS = frozenset("personal work email e-mail gmail hotmail yahoo outlook webmail nhs "
                           "generic general shared main central office team admin reception secure council".split())
# the words before "old school" said of a thing, the idiom: "fax is a bit old school"
_SAYING_OLD = frozenset("is its bit so very proper dead quite rather really too abit".split())
# a recipient's word naming an occasion, not who it goes to: "the school pick-up time", "the school run"
_OCCASIONS = frozenset("pick run trip trips holidays holiday uniform bus gates gate term".split())
# Nouns for a detail about someone: "the school address", "the GP's phone number"
_DETAILS = frozenset("address addresses details phone number postcode".split())
# Nouns for a document: a recipient word right before one names the document, not who receives it.
_DOCUMENTS = frozenset("report reports assessment assessments statement statements bundle minutes notes plan "
                       "letter letters record records file files referral summary chronology paperwork document "
                       "documents doc docs attachment attachments spreadsheet spreadsheets evidence timetable timetables newsletter "
                       "newsletters".split())
# a document or a court's order said to be absent ("there's no court order in place", "no report yet") says
# nothing of what is sent identifying no one
_PAPERS = _DOCUMENTS | {"order", "orders"}


def _own_account(tokens: list[str], hit: _Hit, before: list[str]) -> bool:
    """The user's own webmail, whatever goes in it (Internet Email 1: council business never goes there): "to my
    Gmail", "to my personal email", "yahoo mail on my phone", "gmail on my phone"."""
    after = tokens[hit.start + hit.length:hit.start + hit.length + 3]
    return ("to" in before and bool(_OWN.intersection(tokens[max(0, hit.start - 2):hit.start]))) \
        or after == ["mail", "on", "my"] or after[:2] == ["on", "my"]


def _either_or(tokens: list[str], a: _Hit, b: _Hit) -> bool:
    """Two phrases offered as a choice: "x or y", a few words apart at most, or "x and y, which one?" ("x and y in
    the encryption dropdown, which one?")."""
    first, second = sorted((a, b), key=lambda h: h.start)
    between = tokens[first.start + first.length:second.start]
    after = tokens[second.start + second.length:second.start + second.length + 8]
    return len(between) <= 3 and ("or" in between or ("and" in between and "which" in after))


@lru_cache(maxsize=4096)
def _split(phrase: str) -> tuple[str, ...]:
    """A knowledge phrase as words; phrases come from the knowledge files, so each is split once."""
    return tuple(normalise(phrase).split())


def _address_kind(token: str, domains: tuple[tuple[str, tuple[str, ...]], ...] = (),
                  generic_locals: frozenset[str] = frozenset()) -> str | None:
    """What kind of recipient an email address (or 'info@') is: by its domain (vocabulary.yaml
    `domains`), else by its local part."""
    if "@" not in token:
        # a mail domain written alone: "an icloud.com email", "their gmail.com address"
        name, dot, rest = token.partition(".")
        webmail = next((parts for recipient, parts in domains if recipient == _WEBMAIL), ())
        return _WEBMAIL if dot and rest and not rest.endswith(".") and name in webmail else None
    local, _, domain = token.partition("@")
    if not domain:
        return "generic_address"
    by_domain = next((recipient for recipient, parts in domains if any(d in domain for d in parts)), None)
    # a generic mailbox however its domain is classed: "admin.hvteam@nhs.net" is read by whoever works there (not a
    # personal account's: "info@gmail.com" stays a personal account)
    if (local in generic_locals or re.split(r"[._-]", local)[0] in generic_locals) and by_domain != _WEBMAIL:
        return "generic_address"
    return by_domain


def _phrase_before(tokens: list[str], start: int, phrases: Iterable[Sequence[str]], lookback: int,
                   max_gap: int) -> bool:
    """True if one of `phrases` (word tuples) lies within the `lookback` words before `start`,
    ending at most `max_gap` words before it."""
    return _phrase_start(tokens, start, phrases, lookback, max_gap) is not None


def _phrase_start(tokens: list[str], start: int, phrases: Iterable[Sequence[str]], lookback: int,
                  max_gap: int) -> int | None:
    """Where the first of `phrases` (word tuples) found within the `lookback` words before `start`, ending at
    most `max_gap` words before it, begins; None if none is."""
    offset = max(0, start - lookback)
    before = tokens[offset:start]
    for words in phrases:
        n, first = len(words), words[0]
        for j in range(max(0, len(before) - n - max_gap), len(before) - n + 1):  # ending within max_gap
            if before[j] == first and tuple(before[j:j + n]) == words:
                return offset + j
    return None


def _when_of_event(tokens: Sequence[str], hit: _Hit, hits: Iterable[_Hit]) -> bool:
    """A kind's words naming an event whose time or place is all that is told: "the time and place of their LAC
    review", "the time of the review", "the time of the core group", "the review meeting is at 10 tomorrow",
    "starts at 2pm", "has moved to Tuesday"."""
    end = hit.start + hit.length
    if any(w.category == "kind" and w.value in _WHEN_AND_WHERE
           and "of" in (tokens[w.start + w.length - 1], *tokens[w.start + w.length:w.start + w.length + 1])
           and 0 < hit.start - (w.start + w.length) <= 4 for w in hits):
        return True
    if hit.value == _SAFEGUARDING:
        # a child protection meeting's time asked ("what time the core group starts"); not the meeting told as where
        # it is or when it has moved to ("'CP conference moved to 3pm'"): those words name it in the message itself
        return _time_asked_before(tokens, hit)
    # "a reminder about his pathway plan meeting": the meeting is what is reminded of, not the plan's contents
    if any(w.category == "kind" and w.value in _WHEN_AND_WHERE and tokens[w.start + w.length - 1] == "about"
           and 0 <= hit.start - (w.start + w.length) <= 2 for w in hits) \
            and _EVENTS.intersection(tokens[end - 1:end + 2]):
        return True
    if tokens[end - 1] not in _EVENTS and tokens[end:end + 1] and tokens[end] in _EVENTS:
        end += 1  # "his pathway plan meeting has moved to Wednesday": the kind names the meeting after it
    after = list(tokens[end:end + 4])
    # a reminder of the meeting ("remind her about her pathway plan review on Tuesday at 10"), or its time asked or
    # told: "their PEP meeting is tomorrow at 2", "what time their PEP meeting is", "the case meeting time"
    when_named = after[:1] in _WHEN_NAMED or (after[:1] == ["meeting"] and after[1:2] in _WHEN_NAMED)
    return tokens[end - 1] in _EVENTS and (bool(_REMINDING.intersection(tokens)) or when_named or any(
        after[i:i + 2] in (["is", "at"], ["starts", "at"], ["starts", "on"], ["is", "on"], ["moved", "to"], ["is", "now"])
        for i in range(len(after))) or bool(_TIME_TOLD.search(" ".join(after)))
        or _time_asked_before(tokens, hit))


def _time_asked_before(tokens: Sequence[str], hit: _Hit) -> bool:
    """ "what time" among the four words before the hit: "what time their PEP meeting is"."""
    return "what time" in " ".join(tokens[max(0, hit.start - 4):hit.start])


def _left_out_after(tokens: Sequence[str], hit: _Hit) -> bool:
    """A step named, then left out by a word standing for it: "no cover sheet template, can I send the pages
    without one?", "the password - can I skip it?"."""
    end = hit.start + hit.length
    return any(tokens[i] in ("without", "skip", "skipping") and tokens[i + 1:i + 2] in (["one"], ["it"])
               for i in range(end, min(len(tokens) - 1, end + 12)))


_HEADER = frozenset({"subject", "title", "header", "heading"})


_IN_GENERAL = frozenset(tuple(p.split()) for p in (
    "personal details", "personal information", "personal info", "personal data", "pid", "sensitive information",
    "sensitive info", "sensitive data", "confidential information", "confidential info", "confidential data"))


def _typed_in(tokens: Sequence[str], hits: Iterable[_Hit], kinds: frozenset[str]) -> bool:
    """Identifying details written into an email ("can I type the child's full name and address in the email?",
    "write her DOB in an internal email"): an act of writing, the details, then "in" the email, with no document
    between (a report put in an email is attached), and no choice offered ("in the email or attached?")."""
    # (not a kind named in general: "can I put personal details in an email?" asks whether email will do at all)
    details = [h for h in hits if h.category == "kind" and h.value in kinds
               and tuple(tokens[h.start:h.start + h.length]) not in _IN_GENERAL
               and tuple(tokens[max(0, h.start - 1):h.start + h.length]) not in _IN_GENERAL]
    for i, token in enumerate(tokens):
        if token not in _WRITING and token not in _PASTING or _NOT_WRITING.intersection(tokens[max(0, i - 2):i]):
            continue  # "my manager says don't put PID in emails": the rule told, not done
        pasted = token in _PASTING  # "paste the case notes into an email": the document's own words, in the body
        for j in range(i + 2, min(len(tokens), i + 24)):
            if tokens[j] in _DOCUMENTS and not pasted:
                break
            if tokens[j] in ("in", "into"):
                rest = [t for t in tokens[j + 1:j + 4] if t not in _EMAIL_BEFORE]
                after = tokens[j + 1:j + 6]
                told = any(i < h.start < j for h in details) or (pasted and _DOCUMENTS.intersection(tokens[i:j]))
                if rest[:1] not in (["email"], ["emails"]):
                    continue  # "type 'J, lives off Main St in Penrith' in an internal email": a place in the details
                if told and "or" not in after \
                        and not _HEADER.intersection(rest[1:3]):  # "in the email subject" is the subject line
                    return True
                break
    return False


def _phrase_after(tokens: list[str], end: int, phrases: Iterable[Sequence[str]], max_gap: int) -> bool:
    """True if one of `phrases` starts at most `max_gap` words after `end`."""
    for words in phrases:
        n, first = len(words), words[0]
        for j in range(end, min(len(tokens), end + max_gap + 1)):
            if tokens[j] == first and tuple(tokens[j:j + n]) == words:
                return True
    return False


# Words in harm.yaml's people that say nothing of a child or family being discussed ("a man", "someone")
_NOT_A_PERSON = frozenset("man woman men adult adults someone somebody friend neighbour ex lodger yo".split())
_PRONOUNS = frozenset("he she they him her them me himself herself themselves you us".split())

_BEFORE = frozenset({"before", "first", "ahead", "beforehand"})
_PASSED_OVER = frozenset({("instead", "of"), ("rather", "than")})
# a way named as the way: "via the portal", "through Objective Connect", "upload it onto the portal"
_BY_WAY_OF = frozenset({"via", "through", "thru", "using", "use", "on", "onto", "into", "over", "by", "in", "to"})
# What a file is encrypted with, not a password: "encrypt it with '7zip'"
_TOOLS = frozenset({"7zip", "7-zip", "7z", "zip", "aes", "aes-256", "aes256", "256", "winzip", "zipcrypto", "winrar",
                    "egress", "bitlocker"})
# Something sent or forwarded to a written email address: "send the report to jane@nhs.net"
_SENT_TO_ADDRESS = re.compile(r"\b(?:send|forward|share|pass)\b(?: \S+){0,8} to \S+@\S+\.\S+")
# An email domain named as where it goes: "their nhs.net address", "the school's .sch.uk mailbox"
_DOMAIN_ADDRESS = re.compile(r"\b[a-z0-9-]*\.(?:[a-z0-9-]+\.)*(?:net|uk|com|org)\s+(?:e-?mail\s+)?"
                             r"(?:address|addresses|mailbox|mailboxes|inbox|account)\b")
# a way someone has not got ("there's no portal with them", "I don't have a login for the portal")
_LACKING = frozenset({"no", "not", "dont", "doesnt", "havent", "hasnt", "isnt", "arent", "without", "never"})
_HAVING_NONE = frozenset({"dont", "doesnt", "havent", "hasnt", "no", "without", "cant", "cannot"})


# The way itself asked for: "how do I get the plan to her?", "what's the best way to send it?"
_HOW_TO_GET = re.compile(r"\bhow (?:do|can|should|would) (?:i|we) (?:get|send|share|give)\b|\b(?:best|safest|other) way\b|"
                         r"\bwhat (?:are|r) (?:my|the) options\b")


def _lacked(tokens: list[str], hit: _Hit) -> bool:
    """A way of sending someone lacks: "don't have email", "has no email", "without email", "can't email"."""
    before = tokens[max(0, hit.start - 4):hit.start]
    had = False
    while before and before[-1] in ("have", "got", "use", "an", "a", "any", "their", "his", "her", "its", "own", "work",
                                    "personal", "council", "secure"):  # "she's not got a work email"
        had = had or before[-1] in ("have", "got")
        before = before[:-1]
    return bool(before) and (before[-1] in _HAVING_NONE or (had and before[-1] == "not"))


# the question asks to email ("can I just email it", "is it OK to email PID"): the route it names is email
# (or proposed: "it'd be quicker to email the DSL", "I'll just email it")
_ASKED_TO_EMAIL = re.compile(r"\b(?:can|could|may|should|shall|ok to|okay to|fine to|alright to|allowed to|"
                             r"is it ok to|instead|quicker to|easier to|faster to|simpler to|will|going to|gonna)\b"
                             r"(?: i| we| you)?(?: just| still| not| simply)?"
                             # "can I still choose to email the document instead?"
                             r"(?: choose to| opt to| decide to| prefer to| go ahead and)? e ?mail\b")

# Writing details down (see _typed_in), and the words that may come between "in" and "email"
_WRITING = frozenset("type types typed typing write writes writing wrote put puts putting include includes including "
                     "mention mentions mentioning list add adds adding".split())
_CIRCUMSTANCE = frozenset("when while by if before after on".split())
_THEIRS = frozenset("their his her mums dads parents carers theyre".split())
_INCLUDING = frozenset("include including put putting mention mentioning give giving add adding share sharing "
                       "send sending any".split())
_PASTING = frozenset("paste pastes pasted pasting".split())
_NOT_WRITING = frozenset("dont doesnt wont isnt not never no shouldnt cant cannot mustnt".split())
_EMAIL_NOUNS = frozenset("attachment attachments inbox".split())
_EMAIL_BEFORE = frozenset("the an a my this that our internal external same main normal work team".split())

# A step doubted after it is named ("is zipping it really needed?"): asked to be let off it, as "no need to zip it"
_DOUBTED = tuple(tuple(p.split()) for p in ("really needed", "really necessary", "really required"))

# Words for sending something on its way (not saving or keeping it)
_SENDING = frozenset({"send", "resend", "sent", "sending", "forward", "attach", "attached"})
# Who is sent an encrypted attachment by email: a question about encrypting for them is about email
_BY_EMAIL = frozenset({"external_org", "school", "colleague", "secure_mail", "generic_address"})
# Something received, not sent: "got an encrypted file from school but no password"
_RECEIVING = frozenset({"received", "recieved", "receive", "receiving", "got", "getting"})
_TO_SEND = frozenset({"send", "email", "fax", "post", "share", "forward", "get", "text"})


def _to_send(tokens: Sequence[str], at: int) -> bool:
    """"I've got six documents to send to an adoption agency", "got to get the plan to the school": things the user
    has to send, or must do, not something received; nor time had or not ("not got time to faff with 7zip")."""
    if tokens[at] != "got":
        return False
    after = tokens[at + 1:at + 7]
    return after[:1] in (["to"], ["time"]) or after[:2] == ["the", "time"] or any(
        w == "to" and after[k + 1:k + 2] and after[k + 1] in _TO_SEND for k, w in enumerate(after[:-1]))
_SENT_VERBS = frozenset({"sent", "emailed", "faxed", "forwarded", "texted", "shared", "posted", "gave", "passed"})
_TO_US = frozenset({"me", "us"})
_A_WORD = frozenset({"a", "an", "the", "another", "other", "their", "that", "this"})


def _sender(tokens: list[str], hit: _Hit) -> str | None:
    """"to_user" for a recipient word naming who sent something to the user ("the school sent me", "a provider
    has emailed us"); "origin" for where it came from ("from another council"), which the caller drops only where
    something was received or another recipient is named ("the report from the school to the GP" goes to the GP).
    """
    after = tokens[hit.start + hit.length:hit.start + hit.length + 3]
    if after[:1] in (["has"], ["have"], ["had"], ["just"]):
        after = after[1:]
    if len(after) >= 2 and after[0] in _SENT_VERBS and after[1] in _TO_US:
        return "to_user"
    before = tokens[max(0, hit.start - 2):hit.start]
    if before[-1:] == ["from"] or (len(before) == 2 and before[0] == "from" and before[1] in _A_WORD):
        return "origin"
    return None


# What is written for the Hub after ringing it: "my written follow-up", "the write-up of my Hub referral"
_WRITTEN_UP = re.compile(r"\b(?:follow ?up|follow-up|write ?up|write-up|referral)\b")
# Copying someone in: "cc my manager", "copy in the IRO"
_CC_BEFORE = frozenset({"cc", "ccing", "ccd", "copy", "copying", "bcc", "bccing"})
# A team of the council's own, read "the council payments team" ("the council's" loses its "'s")
_COUNCIL_TEAM = re.compile(r"\b(?:the|our) council (?:\w+ ){1,2}(?:team|department|dept|service|section|unit)\b")
# The user's own word that a colleague is inside the council: "an internal email", "on a council address"
_ON_COUNCIL_MAIL = re.compile(r"\bcouncil (?:e-?mail|address|account)")
# Sending told, and called internal: "sending ... to council legal services - it's internal"
_SENDING_INTERNAL = re.compile(r"\b(?:send|sending|sent|forward|forwarding|share|sharing)\b.*\b(?:it'?s|its|it|it is|all|"
                               r"they'?re|theyre|they are) internal\b")
_CALLED_INTERNAL = re.compile(r"\binternal(?:ly)?\b|" + _ON_COUNCIL_MAIL.pattern)
_IN_TEAM = frozenset({"in", "at", "from", "on", "with"})
_TEAM = frozenset({"team", "service"})


def _broken_between(text: str, last: str, following: str) -> bool:
    """A dash, colon or comma between a word and the next, as written: "another authority - referral" is no
    "authority referral"."""
    return re.search(rf"\b{re.escape(last)}\s*[-:,;\u2013\u2014(]\s*{re.escape(following)}\b", text,
                     re.IGNORECASE) is not None


def _colleague_in_team(tokens: list[str], recipients: list[_Hit], said: str) -> list[_Hit]:
    """"an internal email to a colleague in the youth offending team": a team the user places inside the council
    (a colleague in it, by internal email or a council address) is where the colleague works, not another
    organisation. Without the user's word the organisation stands: "a colleague at the health trust"."""
    colleagues = [h for h in recipients if h.value == "colleague" and tokens[h.start] in ("colleague", "colleagues")]
    if not colleagues or not _CALLED_INTERNAL.search(said):
        return recipients
    # a team or service ("in the youth offending team"), or a place the user says has council addresses; not an
    # organisation asked about ("a colleague at the health trust, is internal email ok?")
    on_council_mail = _ON_COUNCIL_MAIL.search(said)
    teams = [h for h in recipients if h.value == "external_org" and any(
        c.start + c.length <= h.start <= c.start + c.length + 2
        and _IN_TEAM.intersection(tokens[c.start + c.length:h.start]) for c in colleagues)
        and (on_council_mail or _TEAM.intersection(tokens[h.start + h.length:h.start + h.length + 2]))]
    return [h for h in recipients if h not in teams]


# "text them to ask them to ring me back": the call is what the message asks for, not the route
# A message that only asks to be rung, read over the question's words: "ring me when you can", "call me back",
# "give me a bell"
_CALL_REQUEST = re.compile(r"\b(?:ring|call|phone) (?:me|us)(?: back)?(?: (?:re|about|regarding)(?: \w+){1,3})?"
                           r"(?= when| asap| as soon| later| please| if|$)|"
                           r"\bgive (?:me|us) a (?:ring|call|bell)\b")
# ... or a ring back asked anywhere in it: the phone is how the reply comes, not how anything is sent
# ("asking the manager to ring me", "... and ring me": someone asked to ring the user)
_CALL_ME = re.compile(_CALL_REQUEST.pattern + r"|\b(?:ring|call|phone) (?:me|us) back\b|"
                      r"\b(?:to|and) (?:ring|call|phone) (?:me|us)\b")
_SUBJECT_AFTER = frozenset({"security", "governance", "sharing", "technology", "systems", "management", "officer",
                            "team"})
_NUMBER_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_LENGTH = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")[ -](?:characters?|chars?|letters?|digits?)\b",
                     re.IGNORECASE)
_ASKS_TO_SEND = re.compile(r"\b(?:can|could|should|shall|will|may)\s+(?:i|we|she|he|they|you)\s+(?:just\s+)?"
                           r"(?:send|resend|email|forward|fax|text|post)\b")
_REPLY_ASKED = re.compile(r"\b(?:(?:can|could|should|shall|may) (?:i|we)|asked me to|asking me to|wants me to|"
                          r"want me to) (?:just )?(?:reply|respond|write back|send|email|forward)\b")
_SENT_TO_ME = re.compile(r"\b(?:sent me|been sent|sent to me|emailed me)\b")
# Someone else sent it, to the user: "a SW emailed a child's CP plan to my school email", "a SW has emailed our
# generic info@ address", "the sender put the password in the same email"
_SENT_TO_US = re.compile(
    # (the article left off at the start: "school emailed me a child's details")
    r"(?:\b(?:a|the|their|one) |^)(?:sw|social worker|sender|hospital|gp|police|colleague|worker|agency|partner|nurse|hv|"
    r"health visitor|teacher|council|solicitor|provider|school|trust|practice|surgery)s? (?:has |have |had )?(?:just )?"
    r"(?:emailed|sent|faxed|forwarded|posted)\b(?: [\w@.]+){0,8}? (?:to )?(?:me|us|my|our)\b|"
    # (or someone unnamed: "someone emailed PID to my work address from their gmail")
    r"\b(?:someone|somebody|some1) (?:has |had )?(?:just )?(?:emailed|sent|faxed|forwarded)\b(?: [\w@.]+){0,8}? "
    r"(?:to )?(?:me|us|my|our)\b|"
    r"\b(?:the )?sender (?:has |had )?(?:put|included|sent|added|written|typed)\b")
_UNZIPPED = frozenset({"unencrypted", "unzipped", "unprotected"})  # not "no password": a zip may come without one

# Sent as any other email, the zip left off: "email the referral normally", "email her the referral as it is"
_AS_USUAL = re.compile(r"\b(?:email|e-mail|send)\b(?: \w+){0,3} (?:normally|as normal|as usual|as a normal email|"
                       r"by normal email|in a normal email|as a regular email|plain|as it is|as is|"
                       # "as a normal word attachment", "as an ordinary attachment"
                       r"as (?:a|an) (?:normal|ordinary|regular|plain|standard) (?:word |pdf |excel )?"
                       r"(?:attachment|document|doc|file))\b|"
                       # an email as any other said to be enough: "so a normal email will do"
                       r"\b(?:normal|ordinary|regular|plain|standard|usual) emails? (?:will|would|should) do\b|"
                       r"\b(?:normal|ordinary|regular|plain|standard|usual) emails? (?:is|are|s) (?:fine|ok|okay|enough)\b")
# What the information says, doubted as no longer right (Principles: accurate, up to date)
_STALE_INFO = re.compile(r"\b(?:out of date|not up to date|outdated|inaccurate|not accurate|still right|still accurate|"
                         r"still correct|no longer right|no longer accurate|no longer correct)\b")
# Where a family hides from someone, and that someone as the one it went to (with a slip told: flags misdirected);
# where a child lives or is placed, and a person told as a danger (with any sending told as done): _whereabouts_given
_WHEREABOUTS = re.compile(r"\b(?:new |home |placement |foster |refuge |carers'? )?(?:address|postcode|whereabouts|"
                          r"placement|pick[- ]?up details)\b", re.IGNORECASE)
_A_DANGER = re.compile(r"\b(?:violent|violence|dv|domestic abuse|domestic violence|abusive|abuser|injunction|"
                       r"non[- ]molestation|restraining order|fled|fleeing|sex offender|registered offender|"
                       r"schedule (?:1|one) offender|risk to children|dangerous|a danger to|"
                       # a child placed where someone must not find them: "moved so he couldn't find her", "an
                       # undisclosed placement"
                       r"so (?:that )?\w+(?: \w+)? (?:can[’']?t|cannot|could(?:n[’']?t| not)|would(?:n[’']?t| not)|"
                       r"won[’']?t) (?:find|trace|track (?:her|him|them) down|know where)|undisclosed|kept secret)\b",
                       re.IGNORECASE)
_HIDING_PLACE = re.compile(r"\b(?:refuge|refuges|safe house|hiding|fled|fleeing)\b")
# the one fled from, by the words people use for him
_FLED_ONE = (r"(?:father|dad|ex|ex partner|perpetrator|abuser|partner|husband|boyfriend|stepdad|stepfather|"
             r"step dad)")
_TO_THE_ONE_FLED = re.compile(r"\b(?:to|copied|cc|ccd|cced|into|in|on)\b(?: \w+){0,2}? (?:the |her |their |his |mums |mum s )?"
                              rf"(?:{_FLED_ONE}|expartner|fathers|dads|exs)\b")
# An email of the password's own, after the file: "in a follow-up email", "by separate email", "via a second email"
_IN_OR_BY = frozenset({"in", "by", "via"})
_LATER_EMAIL = re.compile(r"(?:(?:a|an|the|another) )?(?:separate|second|follow up|followup|next|later|different|"
                          r"another) (?:e ?mail|message)\b|another (?:e ?mail|message)\b")
_NOT_THAT_WAY = frozenset({"not", "never", "no", "instead", "rather", "than", "without", "nor"})
# A call that did not get through: "she didn't answer", "no answer", "went to voicemail"
_NO_ANSWER = re.compile(r"\b(?:didnt|did not|doesnt|wont|isnt|not) (?:answer|answering|pick up|picking up)\b|"
                        r"\bno answer\b|\bvoicemail\b|\b(?:couldnt|cant|could not|cannot) get through\b")
# A button pressed, quoted: "just 'reply all' to the invite" is how it goes, not what it says
_AN_ACTION = re.compile(r"reply[ -]?all|reply to all|forward|fwd|cc|bcc|cc them|bcc them|send|send all")
# A message opening on what was done, as a note is written ("Put the child's name in the subject line ..."), with
# a time that is past ("10 mins ago", "earlier", "yesterday"): told as done
_NOTE_OPENING = re.compile(r"\s*(?:put|typed|wrote|sent|emailed|faxed|texted|attached|forwarded|cc|ccd|cced|copied|"
                           r"saved|uploaded|shared|posted|gave|left)\b")
_AGO = re.compile(r"\b(?:ago|earlier|yesterday|last night|this morning)\b")
# A list of email addresses, named as the way a thing goes
_MAILING_LIST = re.compile(r"\b(?:mailing|distribution|email|e mail|circulation|group email) lists?\b")
# ... or named as among those it reached: "the whole core group - dad included - got mum's new address"
_THE_FLED_ONE_GOT = re.compile(rf"\b(?:(?:the |her |their |his )?{_FLED_ONE} (?:included|too|as well|got it|has it|saw it|"
                               rf"received it|was on it)|including (?:the |her |their |his )?{_FLED_ONE})\b")
# Negations that are acts undoing the fact ("delete", "clear out"): denied, they leave it standing (not "bother
# with", "skip": "no need to bother with a cover sheet" is still without one)
_UNDOING = frozenset({"delete", "deleting", "remove", "removing", "clear", "clearing", "out"})
# The removing acts in any tense, as a denial may tell them: "never cleared", "forgot to delete"
_UNDONE = frozenset({"delete", "deleted", "deleting", "remove", "removed", "removing", "clear", "cleared", "clearing", "empty",
                     "emptied", "emptying", "tidy", "tidied", "tidying"})
# A negating act ("clear out", "delete") itself denied: "no need to", "not going to", "won't", "never"
# ("no need to clear them out of sent items": the act's own words may follow before the negation found)
_DENIED_ACT = re.compile(r"\b(?:no|not|never) (?:real |actual |great |particular )?(?:need|needed|have|having|got|going|"
                         r"bother|bothering|point) (?:in|to)\b"
                         r"|\b(?:not|never)(?: just)?$"
                         # "forgot to clear out my sent items": the removing not done
                         r"|\b(?:forgot|forgotten|forget|forgetting|failed|omitted|neglected) to$")
# Words before a person that make them what it is about: "history on the family", "concerns about mum"
_ABOUT_WHOM = frozenset({"on", "about", "regarding", "concerning", "re"})
# Whose someone is, said before them ("a child's grandparents", its "'s" dropped)
_WHOSE = frozenset("a child kid pupil baby boy girl young person yp childs kids pupils".split())
# The first words of "keep using it", "carry on using it": a thing kept on, whatever it is
_KEPT_ON = frozenset({"keep", "carry", "continue", "using"})
# What opening an encrypted file makes of it
_OPENED = frozenset({"unzipped", "decrypted", "extracted"})
# Words that make the word after them a thing named: "the unzipped file", "history on the family"
_DETERMINERS = frozenset({"the", "this", "that", "an", "my", "our", "their", "his", "her", "its"})
# Opening what came: "can't open the zip", "unable to extract the encrypted file" (the file is encrypted)
_OPENING = frozenset({"open", "opening", "unzip", "unzipping", "extract", "extracting", "access", "accessing"})
# The user's own: "my gmail", "my own hotmail"
_OWN = frozenset({"my", "own"})
# Before a phone named as the sender's contact details, these make it the device used instead
_DEVICE_USE = frozenset({"on", "from", "using", "use", "via", "through", "with", "lost", "left",
                         # ... or the device a message came to: "a police officer has texted my work mobile"
                         "texted", "rang", "phoned", "called", "messaged", "whatsapped"})
# before "pick up", a phone not answered ("nobody will pick up"); tokens carry no apostrophes ("wont")
_NOT_ANSWERED = frozenset({"nobody", "noone", "no", "wont", "didnt", "doesnt", "dont", "not", "never"})
_DEVICES = frozenset({"mobile", "phone", "iphone", "smartphone"})

# A generic or shared mailbox described with words between ("the generic family court inbox", "the main nursery
# email").
_GENERIC = frozenset({"generic", "shared", "general", "main"})
_TEAM_MAILBOX = "team_mailbox"  # vocabulary.yaml's recipient for a council team's own shared mailbox
# A mailbox of the user's own team, or said to be inside the council
_OWN_MAILBOX = re.compile(r"\b(?:our|my)(?: (?:own|team|teams|service|services|office|has|have|got|a|an|the|s|duty|"
                          r"shared|generic))*? (?:shared|generic|team|teams|duty|group) "
                          r"(?:inbox|mailbox|email|account)\b|\b(?:inside|within) the council\b|"
                          r"\binternal (?:shared |generic |team |duty )?(?:inbox|mailbox)\b")
_MAILBOX = frozenset({"inbox", "mailbox", "email", "address", "account"})
# the desk a mailbox is named for, and the words for a mailbox that are never the act of emailing
_DESK = frozenset({"reception", "enquiries", "admissions", "admin", "office"})
_MAILBOX_NOUNS = frozenset({"inbox", "mailbox", "account"})
_SHARED_BY = re.compile(r"^(?:\w+ ){0,2}(?:shared|used|read|monitored|checked|looked at) by\b|^(?:\w+ ){0,2}(?:lots of|several|"
                        r"many|a few|all the|the whole) (?:people|staff|admin|team)\b")
_ADDRESS = frozenset({"address", "addresses"})
# Information about abuse or neglect is safeguarding information, whatever else it was called (details, a report
# named with nothing else said of it)
_SAFEGUARDING = "safeguarding"
_ABOUT_HARM_READS_AS = frozenset({"pid", "sensitive"})
_WHEN_AND_WHERE = frozenset({"anonymous"})  # the kind that holds "the time of", "meeting place"
_PUBLICATIONS = frozenset("leaflet leaflets poster posters factsheet factsheets newsletter newsletters booklet booklets "
                          "flyer flyers awareness".split())
_ABOUT_PUBLICATION = [[p, w] for p in sorted(_PUBLICATIONS - {"awareness"}) for w in ("about", "on")]
# a review or meeting named after "the time of" (a child protection conference or a core group too: its time and place
# may go by text, its name may not, which the text checklist says)
_EVENT_KINDS = frozenset({"pid", "sensitive", "confidential", "safeguarding"})
_EVENTS = frozenset({"review", "meeting", "appointment", "visit", "hearing", "contact"})
_REMINDING = frozenset({"remind", "reminder", "reminding", "reminders"})
_WHEN_NAMED = (["time"], ["times"], ["date"], ["dates"], ["venue"], ["room"])  # "the case meeting time"
_ANSWER_WORDS = (["yes"], ["no"], ["yeah"], ["yep"], ["nope"], ["yup"])
_TOOL_NAMES = frozenset({"7zip", "7-zip", "7z"})
_HAVING = frozenset({"have", "got", "find", "found", "see", "show", "shows", "showing", "installed", "appear", "appears"})
_ON_DEVICE = frozenset({"on", "installed", "anywhere", "there"})
_DENYING = _NOT_ANSWERED | {"cant", "cannot", "couldnt", "havent", "hasnt", "isnt"}


def _tool_missing(tokens: list[str], at: int) -> bool:
    """The tool at `at` said not to be there: a denial with having or finding before it ("doesn't seem to have
    7zip", "can't find 7zip"), or "no 7zip" where it would be ("no 7zip on my laptop")."""
    before = tokens[max(0, at - 4):at]
    if _HAVING.intersection(before) and _DENYING.intersection(before):
        return True
    return tokens[at - 1:at] == ["no"] and bool(_ON_DEVICE.intersection(tokens[at + 1:at + 2]))


_MIND_BLANK = frozenset({"went", "gone", "go", "goes", "going", "drew", "drawn", "draw", "mind"})
# Pasted into the email itself, whatever is named between: "paste the table into the email"
_PASTED_IN = re.compile(r"\b(?:paste|pasted|pasting|copy and paste|copy paste)\s+(?:\w+\s+){0,4}?(?:into|in|onto)\s+"
                        r"(?:the|an|my|this|that)\s+(?:email|e mail|message)\b")
# When something is, told: "tomorrow at 10", "on Tuesday", "at 2pm"
_TIME_TOLD = re.compile(r"\b(?:at \d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|"
                        r"saturday|sunday)|tomorrow|tonight|this afternoon|this morning)\b")
# A mistake owned: something has gone as it should not have
_MISTAKE = frozenset({"accidentally", "mistakenly", "oops", "whoops", "forgot", "forgotten"})
_OOPS = frozenset({"oops", "whoops"})
# a number dialled or typed not quite right: "went to a number one digit off", "a digit out"
_WRONG_NUMBER = re.compile(r"\b(?:wrong (?:fax )?number|(?:a |one |two |1 |2 )?digits? (?:off|out|wrong)|mistyped|misdialled|"
                           r"misdialed)\b")
_OLD_ADDRESS = re.compile(r"\b(?:an |the |their |her |his |s |my )?(?:old|previous|former|out of date) (?:e ?mail |fax )?"
                          r"(?:address|account|inbox|number)\b")
# The user's own sending told: "I sent ...", "we've emailed ..." (not "someone faxed us ...")
_I_SENT = re.compile(r"\b(?:i|ive|we|weve|i just|we just) (?:have )?(?:sent|emailed|faxed|forwarded|posted|shared)\b")
_BY_MISTAKE = (("by", "mistake"), ("by", "accident"), ("in", "error"))
_MAIL_RECIPIENTS = frozenset({"webmail_personal", "generic_address"})  # named by their email address
# Recipients named by a kind of email address, "address" after them where it goes, not a detail sent: "the police
# officer's cjsm address", "an info@ address"
_ADDRESS_KINDS = _MAIL_RECIPIENTS | {"secure_mail", _TEAM_MAILBOX}

# A file name ("callum_bryce_cin_plan.docx", "jsmith_pep.zip"): it names someone when a part of it is not a
# date, a number or a word for a document ("20260910.zip", "cin_plan_final.docx" name no one).
_FILE = re.compile(r"(.+)\.(?:docx?|pdf|zip|7z|xlsx?|rtf|odt|txt|msg)")
_GENERIC_PART = DOCUMENT_NAME_WORDS | frozenset("v1 v2 v3 cin pep lac cp ehcp iep".split())


# A file name in quotes, spaces and all: "'Tyler Brown assessment.docx'"
_QUOTED_FILE = re.compile(r"""['"\u2018\u201c]([^'"\u2019\u201d]{3,80}\.(?:docx?|pdf|zip|7z|xlsx?|rtf|odt))['"\u2019\u201d]""",
                          re.IGNORECASE)


def _quoted_file_names_someone(text: str) -> bool:
    """A quoted file name with a part that is not a date, a number or a word for a document: a person's name."""
    return any(_names_someone(re.sub(r"\s+", "_", m.group(1).lower())) for m in _QUOTED_FILE.finditer(text))


# Someone called something, in quotes: "I'll just call them 'the family on Beech Road with the twins' in my email"
_CALLED_BY_QUOTE = re.compile(r"\bcall(?:ed|ing)?\s+(?:them|her|him|the (?:child|kid|boy|girl|baby|family|young person|"
                              r"children|kids|parents?|mum|dad))\s+['\"\u2018\u201c]", re.IGNORECASE)
# A name given to a file in quotes, no extension: "I'll call the zip 'Lily-May Jones LAC review'"
_CALLED_QUOTED = re.compile(r"\b(?:call|calling|called|name|naming|named|title|titled|titling)\s+(?:the |my |it |this |our )?"
                            r"(?:zip|zipped file|file|folder|document|attachment|doc|archive)?\s*(?:as |something like |like )?"
                            r"['\"\u2018\u201c]([^'\"\u2019\u201d]{2,60})['\"\u2019\u201d]", re.IGNORECASE)


def _names_someone(token: str) -> bool:
    found = _FILE.fullmatch(token)
    if found is None:
        return False
    parts = [p for p in re.split(r"[\W_]+", found.group(1)) if p]
    return any(p.isalpha() and p not in _GENERIC_PART for p in parts)


# What a file is called: "call the zip", "called it Smith_assessment.docx".
# Where someone is called something in writing: "call the child JB in emails", "call her Miss A in the report"
_IN_WRITING = frozenset("email emails subject report reports notes letter letters record records writing minutes".split())


def _named_in_writing(after: list[str]) -> bool:
    """The words after a phone word say who is called what, and where it is written: "(call) the child JB in
    emails", "(call) the kid 'Child A' in internal emails"; not "(a hub call) in writing", the call itself."""
    return any(w == "in" and k >= 2 and bool(_IN_WRITING.intersection(after[k + 1:k + 4])) for k, w in enumerate(after))


def _named_otherwise(after: list[str]) -> bool:
    """The words after a phone word weigh one name against another: "(call) the child 'JB' rather than using her full
    name", "(call) her by her initials"."""
    if not _NAME_WORDS.intersection(after):
        return False
    if re.search(r"\bby (?:her|his|their|the) ", " ".join(after)):
        return True
    # (the one called, then what: "call mum instead of emailing the names" rings mum)
    weighed = next((k for k, w in enumerate(after) if after[k:k + 2] in (["rather", "than"], ["instead", "of"])), 0)
    return len([w for w in after[:weighed] if w not in _DETERMINERS]) >= 2


_NAMED = _DOCUMENTS | frozenset("zip zipped archive attachment folder pdf doc docx document documents it".split())

# "password protected": one word in two, never the password itself.
_PASSWORD_WORDS = frozenset({"password", "passcode", "passphrase", "passwords"})
_GLUED = [["protected"], ["protect"], ["protecting"], ["protection"]]

# Words of a person's phrase that name no one ("brother and sister", "looked after"): "the address and postcode of
# the family centre" is the venue's
_JOINING = frozenset({"and", "in", "with", "after"})
# Words between a word and the kind that claims it ("the address of the contact centre").
_CONNECTORS = frozenset({"of", "for", "at", "the", "a", "our", "your", "to"})
# Words that make a word someone's own ("her address"), whoever the kind next to it is.
_OWNERS = frozenset({"his", "her", "their", "childs", "pupils", "familys", "new", "home"})

# A message quoted whole, of two words or more: "'running late, there in 10'", "'I'm outside'"
_QUOTE_CHAR = r"""(?:[^'"\u2018\u2019\u201c\u201d]|(?<=\w)['\u2019](?=\w))"""
_MESSAGE = re.compile(r"""(?:^|(?<=[\s(:]))['"\u2018\u201c](""" + _QUOTE_CHAR + r"+\s" + _QUOTE_CHAR
                      + r"""+)['"\u2019\u201d](?=[\s.,;:?!)-]|$)""")
# Why not, asked: "any reason I can't send referrals from it?", "why can't we email the plan?"
_WHY_NOT = re.compile(r"\b(?:any reason|why|is there a reason) (?:i|we|you) (?:cant|cannot|couldnt|shouldnt|"
                      r"mustnt)\b|\bwhy (?:cant|cannot|couldnt|shouldnt|mustnt) (?:i|we)\b")
# An email's own words, quoted after it: "a quick email: 'Visited Kayla Brown ...'", "an email saying '...'"
_EMAIL_SAYS = re.compile(r"\b(?:email|e-mail|emailing|e-mailing)\b[^'\"\u2018\u201c.?!]{0,25}?(?::|\s-|\s\u2013|saying|that says|reading|to say)\s*"
                         r"['\"\u2018\u201c]([^'\"\u2019\u201d]{6,200})['\"\u2019\u201d]", re.IGNORECASE)
# ... as the whole of an email: "reply with just 'thanks, received'", "an email saying 'please call me'"
_JUST_SAYING = re.compile(r"\b(?:just|only)(?: (?:saying|says|that says|reading))?\s*$", re.IGNORECASE)
_TEXTING = re.compile(r"\b(?:text|texting|texted|txt|sms|whatsapp|message|msg)\b", re.IGNORECASE)
# A town named with the kind of place in it, where a meeting is: "10am at Kendal office", "the Carlisle family
# centre" (a service's place, not a person)
_PLACE_NAMED = re.compile(r"\b[A-Z][a-z]+\s+(?=(?:office|offices|centre|center|library|hall|station|clinic|"
                          r"hospital|council|town hall|civic centre|family centre|contact centre)\b)|"
                          # where a time told is kept, or the message ends: "Tues 10am at Parkhouse"
                          r"(?:(?<=\d(?:am|pm) at )|(?<=\d at )|(?<=\bat )(?=[A-Z][a-z]+\W*$))[A-Z][a-z]+\b")
_OWN_NAME = re.compile(r"\b(?:it's|its|it\u2019s|this is|i'm|im|i\u2019m)\s+[A-Z][a-z]+\b|\b[A-Z][a-z]+\s+(?=from\b|here\b)")
# Someone else's secure account named, then used by the user (Secure Mail 1: authorised for its holder)
_OTHERS_ACCOUNT = re.compile(r"\b(?:colleague|manager|boss|someone|somebody|he|she|they)(?: else)? (?:has|have|has got|"
                             r"have got|got) (?:a|an|their|her|his|its) (?:own )?(?:cjsm|gsx|gcsx|secure)(?: email)? "
                             r"(?:account|login|address|log in)\b")
_USING_IT = re.compile(r"\b(?:i|we) (?:just )?(?:log in|login|log on|sign in|use|borrow)\b")
# A key length shorter than External Mail 1's "at least 256bit AES", named in a question about encryption
_FEWER_BITS = re.compile(r"\baes ?(?:40|56|64|128|192)\b|\b(?:40|56|64|128|192)(?: ?bits?\b| (?:ok|okay|enough|fine|"
                         r"alright|good|secure|strong)\b| ?\?| ?$)")
_ENCRYPTION = frozenset({"encryption", "encrypt", "encrypted", "encrypting", "aes", "bit", "bits"})
# Words before a team or service that say the user works there ("I work in the fostering team", "I'm from the school")
_WHERE_I_WORK = (("i", "work", "in"), ("i", "work", "for"), ("i", "work", "at"), ("im", "in"), ("im", "from"),
                 ("im", "part", "of"), ("i", "am", "in"), ("i", "am", "from"), ("i", "am", "part", "of"))
_NO_ONE = frozenset({"anonymous", "anonymised"})  # vocabulary.yaml's kinds that identify no one
_ANONYMISED = "anonymised"  # vocabulary.yaml's kind for information said to be anonymised
# What identifies a child without the name (Definitions: directly or indirectly)
_DETAIL_LEFT = re.compile(r"\b(?:initials|dob|date of birth|postcode|home address|nhs number)\b")
# Someone still recognisable, told of what was meant to identify no one: "people locally would recognise her",
# "easy to work out who it is", "still identifiable" (not "nobody could work out who": `_STILL_KNOWN_NOT` before it)
_STILL_KNOWN = re.compile(r"\b(?:recogni[sz](?:e|ed|able)|identifiable|(?:work|figure) out who|know who (?:it|they|he|she|"
                          r"the child|the family) (?:is|are|was|were))\b")
_STILL_KNOWN_NOT = frozenset("not no nobody noone never cant couldnt wouldnt wont isnt arent without hardly neither "
                             "nor".split())


# Whether something counts as anonymised, asked rather than told: "that's anonymised right?", "is it anonymised enough"
_ANONYMITY_ASKED = re.compile(r"\banonymi[sz]ed\b(?: enough)?\W*(?:right|yeah|yes|yea|innit|ok|okay|isn'?t it|is(?:nt| not) it|"
                              r"now|then)?\W*\?|\banonymi[sz]ed\W+(?:right|yeah|yea|innit|isn'?t it)\b|"
                              r"\b(?:count|counts|counted) as anonymi[sz]ed\b|\b(?:is|it'?s|that'?s) (?:that |it |this )?(?:still |now |then )?"
                              r"anonymi[sz]ed\b[^.!]{0,40}\?", re.IGNORECASE)
# Something sent without being seen, lower in a chain of emails
_HIDDEN_BELOW = re.compile(r"\b(?:further|lower|way) down\b(?: (?:the |in the |that )?(?:thread|chain|trail|email|emails)\b)?|"
                           r"\ban earlier (?:message|email)\b|\bearlier in the (?:thread|chain|trail)\b|"
                           r"\bat the bottom of the (?:thread|chain|trail|email)\b")
_SENT_ON = re.compile(r"\b(?:replied|reply alld|reply alled|forwarded|it went to|its gone to|it has gone to|i sent|"
                      r"ive sent|we sent|i cc|i ccd|i copied|(?:hit|pressed|clicked) reply all|has now got|now has|now have)\b")
# A question asked without its question mark ("can i email my certificate", "that's fine isn't it"), or an intent
# told ("I'll just send the lot"): not a slip told with nothing asked
_ASKED_OUTRIGHT = re.compile(r"\b(?:can|could|may|should|shall|do|does|did|is|isnt|are|will|would)\s+(?:i|we|u|you|it|"
                             r"that|this|they|he|she)\b|\b(?:what|how|which|where|who|when|why)\b|"
                             r"\b(?:ok|okay|alright|allowed|fine|right|yeah|yes)\s*$|"
                             r"\b(?:ill|i will|we will|going to|gonna|about to)\b")
# "again" asking to be reminded, not a password used again: "What's the rule for the 7zip password again?"
_REMINDED = re.compile(r"\b(?:what|what'?s|whats|how|which|where|remind me)\b[^?.!]*\bagain\s*\?", re.IGNORECASE)
# a bare count put forward as enough: "is 6 ok", "would six do?", "6 is fine yeah?"
_COUNT_PROPOSED = re.compile(r"\b(?:is|would|will|does) (\d{1,2}|" + "|".join(_NUMBER_WORDS) + r") (?:ok|okay|enough|fine|"
                             r"alright|do|be ok|be okay|be enough|be fine|long enough|acceptable)\b", re.IGNORECASE)
_RULE_ASKED = re.compile(r"\b(?:min|minimum|how many|how long)\b", re.IGNORECASE)
_LENGTH_UNIT = r"(?:characters?|chars?|letters|digits|long)\b"
_CC_WORDS = frozenset({"cc", "ccd", "cced", "copied"})
# a list or group named in quotes, as the address book shows it: a distribution list
_NAMED_LIST = re.compile(r"""['"\u2018\u201c][^'"\u2019\u201d]{2,60}['"\u2019\u201d]\s+(?:list|group|mailing list|email group|"""
                         r"""contact group|dl|distribution list)\b""", re.IGNORECASE)
_REPLY_ALL = re.compile(r"\b(?:reply|replying|hit reply|hitting reply) (?:to )?all\b")
# many on a thread: "15 agencies", "about 8 professionals", "the whole thread", "a multi-agency thread"
_MANY_ON_IT = re.compile(r"\b(?:[5-9]|\d{2,3}) (?:people|person|agencies|professionals|recipients|parties|others|partners)\b|"
                         r"\bwhole (?:thread|chain|planning thread|list)\b|\bmulti ?agency (?:thread|chain|email)\b|"
                         r"\beveryone on (?:it|the thread|the chain)\b")
# twenty or more on it: "the 25-person thread", "a 30 people invite"
_SCORES_ON_IT = re.compile(r"\b(?:[2-9]\d|\d{3}) ?(?:people|person|recipients|strong)\b")
# only some on it need it, said by the user: "I only want to tell the school", "only the housing officer needs it"
_FEW_NEED_IT = re.compile(r"\bonly (?:want|wanted|need|needed) to (?:tell|update|let|inform|send|reach)\b|"
                          r"\bonly (?:the )?[a-z]+(?: [a-z]+)? (?:needs|need) (?:it|to know|them)\b|"
                          # ... or being on the thread taken for a need to know: "since they were all on the original"
                          r"\b(?:since|because|as|cos) (?:they|theyre|everyone|everyones|all of them) (?:were |are |was |is )?"
                          r"(?:all )?(?:on|in on|copied into|copied in on) (?:the|it)\b|"
                          # "everyone on the thread was on the first email, so ...": the same taken for a need to know
                          r"\b(?:everyone|everybody|they all|all of them)\b[^.?!]{0,40}?\b(?:was|were) (?:all )?on the "
                          r"(?:first|original|earlier|last)\b")
# papers or a device left somewhere public: "left the case file on the train", "forgot my laptop in a taxi"
_LEFT_BEHIND = re.compile(r"(?:^|\b(?:i|ive|we|weve|just) )(?:left|forgot|lost)\b(?: \w+){1,8} (?:on|in|at) (?:the|a|an) "
                          r"(?:train|bus|taxi|tram|cab|cafe|pub|coffee shop|car park|station|restaurant)\b")
# The user's own login given or lent to someone else: "give the YOT worker my Objective Connect login"
_LENT_LOGIN = re.compile(r"\b(?:give|giving|lend|lending|share|sharing|pass|passing|tell|telling) (?:\w+ ){0,4}?my "
                         r"(?:\w+ ){0,2}?(?:login|log in|logon|log on|sign in|account details)\b")
# A stick or disc given to the user: "handed me a memory stick", "the police have given us a USB"
_HANDED_ME = re.compile(r"\b(?:handed|gave|given|passed|posted|sent) (?:me|us)\b")
_ONTO_IT = re.compile(r"\b(?:onto|on to|on) (?:it|there|the stick|the usb|the disc)\b")  # not "keep it in my drawer"
# Leave asked to save or keep something: "can I save it to ...", "is it ok to download it onto ..."
_ASKS_TO_SAVE = re.compile(r"\b(?:can|could|may|should|shall) (?:i|we) (?:just |still )?(?:save|download|store|keep|"
                           r"put|move|copy|transfer)\b|\b(?:ok|okay|alright|fine|allowed) to (?:save|download|store|"
                           r"keep|put|move|copy|transfer)\b")
# The wrong paper sent: "I'd attached dad's assessment instead", "I emailed the wrong report"
_SWAPPED = re.compile(r"\b(?:i|id|ive|we|wed|weve|had) (?:attached|included|sent|emailed|faxed|uploaded) (?:\w+ ){0,3}"
                      r"(?:assessment|assessments|report|reports|document|documents|file|files|attachment|letter|"
                      r"plan|minutes|notes|version|copy|statement|form) instead\b|"
                      r"\b(?:the )?wrong (?:attachment|document|file|report|assessment|letter|version|plan|statement|"
                      r"minutes|notes)\b")
_TEXTED = frozenset("texted messaged whatsapped txtd".split())  # "I texted the birth dad ... by accident"
# A list named for everyone in a place or service: "'All Staff Carlisle'", "'Children North All Staff'", "ALL PARENTS",
# "the All Children's Services Staff distribution list"
_EVERYONE_LIST = re.compile(r"\ball[ -](?:(?!(?:our|the|my|their|your|of)\b)[\w']+[ -]){0,3}?"
                            r"(?:staff|parents|partners|carers|users|teams?)\b|"
                            r"['\"\u2018\u201c](?:[^'\"\u2019\u201d]{0,40}\s)?all\s[^'\"\u2019\u201d]{2,40}['\"\u2019\u201d]|"
                            # a list of twenty people or more, all of it: "about 60 people on it ... the whole list"
                            r"\b(?:[2-9]\d|\d{3,})\+? (?:people|members|addresses|contacts|recipients|names|agencies)\b"
                            r"(?=.*\b(?:whole|entire|full|every|everyone|everybody|all of)\b)",
                            re.IGNORECASE)
# A paper about a child or a family, its kind not named: "the family's support plan", "his review report"
_SOMEONES_PAPERS = re.compile(r"\b(?:family|familys|child|childs|kid|kids|boy|boys|girl|girls|young persons|his|her)\s+"
                              r"(?:[\w-]+\s+){0,2}(?:plan|plans|report|reports|assessment|assessments|minutes|notes|"
                              r"file|referral|summary|review|chronology)\b")
_NO_DETAILS = re.compile(r"\b(?:no|without|nothing|not any|none of the) (?:child|childs|childrens|child's|case|client|"
                         r"family|familys|personal|identifying|identifiable|service user) ?(?:info|information|details|"
                         r"data|stuff)\b")


# An empty form or template, and the user saying nothing of anyone goes with it
# ... sent to be filled in: "a blank referral form to admissions@ so they can fill it in"
_TO_FILL_IN = re.compile(r"\b(?:to|can|could|will) fill (?:it|them|this|these)? ?(?:in|out)\b|\bto be filled (?:in|out)\b")
_BLANK_PAPERS = re.compile(r"\bblank (?:\w+ ){0,2}(?:form|forms|template|templates|copy|copies|document|documents)\b")
_NOTHING_OF_ANYONE = re.compile(r"\bnothing (?:about|on|of) (?:any|a|the) ?(?:child|children|kids|kid|family|families|"
                                r"one|body)\b|\bnothing about anyone\b|\bno (?:child|childrens|personal) (?:info|information|details|data)\b")


# Nothing sent but the blank form: "can i send a blank referral form to a charity's contact@ address"
_ONLY_BLANK = re.compile(r"(?:can|could|may|should) (?:i|we) (?:just )?(?:send|email|forward|post|fax) (?:a|the|our|them a|them the) "
                         r"blank (?:\w+ ){0,2}(?:form|template)s?(?: (?:to|for) (?:\S+ ){0,6}\S+)?")
# What is to be told is news of a child: "text the youth worker that the young person's been moved to secure
# accommodation", "email mum that her son was excluded today". About someone the recipient knows, so it identifies them
_NEWS_OF_A_CHILD = re.compile(
    r"\b(?:that|to say|saying) (?:the|our|my|this|her|his|their) (?:little |young |eldest |youngest )?"
    r"(?:child|kid|boy|girl|baby|young person|yp|pupil|teenager|teen|lad|toddler|son|daughter|foster child|"
    r"looked after child|lac)s? (?:has |have |had |is |was |s |will |has just |was just |is being |has now )?(?:been |be |got |just )?"
    r"(?:moved|placed|taken|arrested|excluded|expelled|suspended|admitted|removed|sent|transferred|discharged|"
    r"returned|charged|remanded|released|accommodated|adopted|sectioned|hospitalised|bailed|cautioned|convicted|"
    r"diagnosed|prescribed|pregnant)\b|"
    # ... or what a child said, or how their contact went: "text her after each session with how it went and
    # anything the children said"
    r"\b(?:what|anything|everything|things) (?:the|our|my|her|his|their) (?:child|children|kids?|boy|girl|young person|"
    r"yp|siblings?|twins) (?:said|say|says|told|tell|tells|disclosed)\b|"
    r"\bhow (?:contact|the contact|the session|each session|the visit|the contact session) (?:went|goes|has gone)\b")
# A file's name, its extension given: "'Harrison_Taylor_LAC_review.zip'"
_FILE_NAME = re.compile(r".+\.(?:zip|7z|docx?|pdf|xlsx?|csv|txt|pptx?|odt|rtf|jpe?g|png|eml|msg)", re.IGNORECASE)


def _counted_before(tokens: list[str], start: int) -> bool:
    """"the number of section 47s that went to ICPC", "how many CP plans", "23 children became looked after this
    quarter": a count of cases, not a case (ten or more: not "the 3 children on CP plans", a family)."""
    listed: bool | None = None  # read once, when a count is found
    for k in range(max(0, start - 8), start):
        if tokens[k:k + 2] in (["number", "of"], ["numbers", "of"], ["how", "many"]) \
                and tokens[k - 1:k] not in _NOT_AGGREGATE:  # not "the phone number of the ICPC chair"
            return True
        if tokens[k].isdigit() and int(tokens[k]) >= 10 and tokens[k + 1:k + 2] and tokens[k + 1] in _COUNTED:
            if listed is None:
                # (not "a list of 12 children on CP plans with names, DOBs"; "no names" is none)
                listed = any(t in _LISTED and tokens[i - 1:i] not in (["no"], ["without"]) for i, t in enumerate(tokens))
            if not listed:
                return True
    return False


# Signals whose opposites name a state, not a denial: they cancel only the words they cover (signals.yaml `already`)
_STATES_OPPOSED = frozenset({"already"})
# Signals whose opposites speak only of the words they stand near: "the disclaimer goes on every external email, so I
# can just put the child's details in the body" names the disclaimer far from the body it fills with details
_OPPOSED_NEAR = {"in_body": 10}
_CLAUSE_JOINS = frozenset({"so", "but", "because", "since"})  # a new clause: what it says is of something else
_COUNTED = frozenset("children kids pupils families cases referrals young".split())
_LISTED = frozenset("name names dob dobs address addresses postcode postcodes details list spreadsheet".split())


# recipients named in the plural as the same kind of recipient
_PLURAL_STAFF = frozenset({"external_org", "school", "colleague"})
# what is taught or laid down about a kind of case, naming no one: "FGM training slides", "the neglect policy"
_TEACHING = frozenset("training slides presentation powerpoint webinar workshop module leaflet leaflets poster posters "
                      "policy procedure procedures toolkit".split())


def _taught(after: list[str]) -> bool:
    """A word for teaching material in the words `after` a kind, before any word for a case's own paper: "FGM training
    slides" (not "the neglect minutes from the training day": the minutes are a case's)."""
    paper = next((i for i, w in enumerate(after) if w in _DOCUMENTS), len(after))
    return bool(_TEACHING.intersection(after[:paper]))


_AGGREGATES = frozenset("figures stats statistics counts totals numbers dataset".split())
_NOT_AGGREGATE = [["phone"], ["mobile"], ["contact"], ["telephone"], ["reference"], ["case"], ["ias"], ["nhs"]]
# a day or a month, whole ("Tues", "March"), not the start of a name ("Jane", "Mark", "Monica")
_MONTHS = frozenset("jan january feb february mar march apr april may jun june jul july aug august sep sept september "
                    "oct october nov november dec december".split())

# A password proposed in a question: in quotes, after "password (is)", or before "as the password".
# a word long enough to be a misspelt "password" or "passcode", or one written short ("pwrd", "pswd")
_WORD_TOKEN = re.compile(r"\b[A-Za-z]{4,}\b")
# the digits of a guessable password: a year, or a count from 1
_YEAR_OR_COUNT = re.compile(r"(?:19|20)\d\d|12\d*|0?1")
# one password for many transmissions, said of the password put forward
_EVERY_TIME = re.compile(r"\b(?:every|each) (?:time|file|email|transmission|zip|one|month|week)\b|\b(?:for|on) (?:all|every|each) "
                         r"(?:of )?(?:the |our |my |them|future)|\bfrom now on\b|\bgoing forward\b|"
                         r"\bfor the (?:last|past) (?:\w+ )?(?:files|emails|zips|transmissions|times|referrals|reports)\b",
                         re.IGNORECASE)
# what a password is made of, said: a quoted mix of letters and digits beside it is a password put forward
_CHARACTER_SORTS = re.compile(r"\b(?:letters?|numbers?|digits?|characters?|chars|symbols?|upper\s*case|lower\s*case|"
                              r"capitals?)\b", re.IGNORECASE)
_MIXED = re.compile(r"(?=[^\s.]*[A-Za-z])(?=[^\s.]*\d)[^\s.]{2,64}")
_QUOTED = re.compile(r"""(?:^|[\s(])["'‘“]([^\s"'‘’“”]{1,64})["'’”]""")
_TRAILING = ".,;:?)"
# the example named, then chosen: "The protocol gives !2012JSOct02 as an example. Can I just use that exact password?"
_USE_THAT = re.compile(r"\b(?:use|using|go with|pick|copy|reuse)\s+(?:that|this|it|the same|the exact|exactly that)\b",
                       re.IGNORECASE)
_BRACKETED = re.compile(r"\(([^\s()]{6,64})\)")
# "can I just use the example password from the appendix?": the protocol's own example, as it is
_EXAMPLE_USED = re.compile(r"\b(?:use|using|reuse|copy|copying|pick|go with|just put)\b(?:\s+\S+){0,3}?\s+(?:the|its|their)?"
                           r"\s*(?:example|sample)\s+(?:password|one|pwd|passcode)\b", re.IGNORECASE)


_LEFT_OUT = frozenset({"no", "without", "nothing", "none"})
# The passwords tried first, whatever is added to them: the word itself, keyboard runs (digits written for letters,
# "passw0rd", read back as letters)
_COMMON_PASSWORD = re.compile(r"pas+wo?r?d|qwerty|letmein|iloveyou")
_LEET = str.maketrans({"0": "o", "@": "a", "$": "s", "3": "e"})
_KEYBOARD_RUNS = frozenset({"abc", "abcd", "abcde", "abcdef", "qwerty", "qwertyuiop", "asdf", "asdfgh", "zxcv", "pass",
                            "passw", "pw", "pwd", "aaa", "aaaa", "xyz"})
_PHONED = frozenset({"ring", "rang", "rung", "ringing", "phone", "phoned", "phoning", "call", "called", "calling"})
_NOT_DONE = frozenset({"not", "hasnt", "havent", "hadnt", "didnt", "never", "forgot", "wont", "cant", "couldnt"})


def _rang_with(tokens: list[str], at: int) -> bool:
    """The password at `at` was given by phone ("rang her with the password already"), not "hasn't phoned with it"."""
    for k in range(max(0, at - 10), at):
        if tokens[k] in _PHONED:
            return not _NOT_DONE.intersection(tokens[max(0, k - 3):k])
    return False


_EMAIL_VERBS = frozenset({"email", "emailed", "emailing", "mail"})
# The protective marking of an email (External Mail 1: "CONFIDENTIAL" in the subject header), where it goes and the
# words for putting it there
_MARKINGS = frozenset({"confidential"})
_WHERE_MARKED = [[a, b, c] for a in ("in", "on") for b in ("the", "my", "its", "their", "an", "every")
                 for c in ("subject", "header", "title", "email", "emails")] + [[a, b] for a in ("in", "on")
                                                                           for b in ("subject", "header", "emails")]
_MARK = frozenset({"mark", "marked", "marking", "stamp", "stamped", "label", "labelled", "labeled", "headed"})
# what "it" may stand for when something is emailed, other than a password
_THINGS_SENT = frozenset({"file", "files", "zip", "zipped", "document", "documents", "doc", "report", "attachment",
                          "archive", "folder", "plan", "assessment", "referral", "letter", "minutes", "notes", "form",
                          "pdf", "copy", "summary", "bundle", "statement", "photo", "photos", "picture", "it"})
NOTHING_PERSONAL = "anonymous"  # vocabulary.yaml's kind for information that identifies no one


def _rule_stated(tokens: list[str], start: int, length: int) -> bool:
    """ "no PID to info@ addresses", "no personal data to gmail": a rule put as "no X to Y", not a message said to
    hold nothing personal."""
    return tokens[start + length:start + length + 1] == ["to"] \
        and bool({"pid", "personal"}.intersection(tokens[start:start + length]))


# A message that arranges something (a meeting, a visit, a call) and says when: logistics, nothing about anyone
_ARRANGEMENT = re.compile(r"\b(?:meet|meeting|meetings|visit|visiting|appointment|appt|session|drop in|see you|see u|"
                          r"running late|call you|ring you|pick (?:her|him|them|you) up|moved to|rearranged|"
                          r"cancelled|remind|reminder|review|conference|confirm)\b")
# A meeting named by its kind: "the core group", "the CP conference", "the LAC review"
_MEETING_NAMED = re.compile(r"\b(?:(?:cp|child protection|case|initial|review) )?(?:core group|conference|review|strategy "
                            r"(?:meeting|discussion)|cin meeting|child in need meeting|lac review|pep meeting|tac meeting|"
                            r"taf meeting)\b")
_WHEN = re.compile(r"\b(?:at|by|for) (?:\d{1,2}(?:[:.]\d{2})?(?: ?(?:am|pm))?|noon|half \w+)\b|\b\d{1,2}(?:[:.]\d{2})? ?(?:am|pm)\b|"
                   r"\b(?:mon|tues?|wed|thurs?|fri|sat|sun)(?:day)?\b|\btomorrow\b|\btoday\b|\btonight\b|"
                   r"\bnext week\b|\bthis (?:afternoon|morning|evening)\b|\bwhat time\b")
_IDENTIFYING = "pid"


_VISITED_NAME = re.compile(r"\b(?:visit|visits|visiting|see|seeing|meet|meeting|collect|collecting)\s+([A-Z][a-z]+)\b"
                           r"(?!\s+(?:office|offices|library|centre|center|hall|school|station|house|clinic|hospital|"
                           r"team|staff|council|park|road|street)\b)")


# What came of a meeting, named before it: "the outcome of this morning's conference", "the minutes from the review"
_CAME_OF = re.compile(r"\b(?:outcomes?|results?|decisions?|recommendations?|minutes|notes|summary) (?:of|from) "
                      r"(?:\w+ ){0,3}$")


def _arranged(said: str) -> bool:
    """Something arranged is told: a meeting or a visit, not its paper ("my session notes", "the visit report"), nor
    what came of it ("the outcome of this morning's conference")."""
    return any(not _DOCUMENTS.intersection(said[m.end():].split()[:1]) and not _CAME_OF.search(said[:m.start()])
               for m in _ARRANGEMENT.finditer(said))


# A street named as where someone is: "the family on Beech Road", "a boy from Mill Lane"
_STREET_NAMED = re.compile(r"\b(?:on|in|at|from) (?:[A-Z][a-z']+ ){1,2}(?:Road|Rd|Street|Avenue|Ave|Lane|Close|Drive|"
                           r"Crescent|Terrace|Grove|Gardens)\b")
# A street address written out: a house number, a capitalised name and a street word ("14 Elm Rd", "3a Mill Lane")
_STREET_ADDRESS = re.compile(r"\b\d{1,4}[a-zA-Z]?,? (?:[A-Z][a-z']+ ){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|"
                             r"Drive|Way|Crescent|Terrace|Place|Court|Gardens|Grove|Row|Walk|View|Park)\b")
_NAME_WORDS = frozenset({"name", "names", "surname", "surnames", "initials"})
# A zip to bear someone's name: "should the zip file I'm attaching have the child's name" (a zip holds a document; a
# name it has is its own, not "in it")
_ZIP_WITH_NAME = re.compile(r"\b(?:zip|zipped|archive)(?: file| folder)?(?: \w+){0,3}? (?:have|has|show|shows|bear|be|carry) "
                            r"(?:the |her |his |their |a )?(?:child |pupil |kid |young person |family |mum |dad )?"
                            r"(?:full |first |real )?(?:name|surname|names)\b(?! (?:in|inside) (?:it|them))")

# the encryption method left at 7-Zip's default: "leave the encryption dropdown on whatever it defaults to" (not the
# archive format's default, 7z, which is AES-256)
_DEFAULT_METHOD = re.compile(r"\b(?:encryption|encryption method|method|dropdown|drop down)\b(?: \w+){0,6}? "
                             r"(?:default|defaults|defaulted)\b|\bdefault (?:encryption|method)\b")

_REPLYING = re.compile(r"\b(?:reply|replying|respond|responding|write back|email back)\b")
# said before a word for the council's own: "isn't council staff", "not part of the council", "no longer internal"
_NOT_ONE_OF_US = frozenset({"not", "isnt", "arent", "wasnt", "werent", "never", "nor", "longer"})
# what came in, for someone else: "a fax meant for the surgery down the road", "addressed to another team"
# (addressed to someone told as elsewhere: not "addressed to the duty SW who's off sick", a colleague's post)
# (not a duty: "where am I meant to save it?")
_MEANT_FOR_OTHERS = re.compile(r"\b(?:meant|intended) (?:for|to) (?!me\b|us\b|my\b|our\b|myself\b)"
                               r"(?!(?:save|open|send|do|keep|ring|call|use|put|delete|store|file|check|tell|log|"
                               r"record|report|be|have|wait|get|go|ask|reply|forward|print|shred|let)\b)|"
                               r"\baddressed to (?:another|a different|someone (?:else|at)|somebody (?:else|at)|the wrong)\b")

# the whole of a file, whoever's it is: "the whole family file", "her entire CP file", "the full school record"
_WHOLE_FILE = re.compile(r"\b(?:whole|entire|complete) (?:\w+ )?(?:case )?(?:file|record|records|bundle|folder)\b")


def _whole_file(said: str) -> bool:
    """The whole of a file named as what goes, not as what does not ("not the whole file")."""
    whole = _WHOLE_FILE.search(said)
    return whole is not None and not _NOT_THAT_WAY.intersection(said[:whole.start()].split()[-3:])

# a file given someone's name, told: "named it with the child's full name", "saved the zip under her surname"
_NAMED_FOR_SOMEONE = re.compile(r"\b(?:named|called|saved|labelled|labeled|titled)(?: it| them| the (?:zip|file|document|doc|"
                                r"attachment|folder))? (?:with|after|under|using|as) (?:the |her |his |their |a )?"
                                r"(?:(?:child|pupil|kid|young person|family|mum|dad)s? )?(?:full |first |real )?"
                                r"(?:name|surname|names)\b")

# "doesn't include any safeguarding information", "does not contain health details": a kind said to be absent
_HOLDING = frozenset("include includes including contain contains have has mention mentions involve involves".split())


def _not_holding(tokens: list[str], start: int) -> bool:
    """The kind at `start` is said not to be held: "doesn't include (any)", "does not contain"."""
    before = tokens[max(0, start - 3):start]
    if before[-1:] == ["any"]:
        before = before[:-1]
    return len(before) >= 2 and _not(before[-2]) == "not" and before[-1] in _HOLDING


def _whereabouts_given(text: str, said: str, flags: Mapping[str, bool | None]) -> Cue | None:
    """A child's whereabouts told as having reached someone who is a danger to them, in a sending that has
    happened: where a family hides, sent by mistake to the one it fled ("I accidentally copied the father into an
    email that gave the address of the refuge where mum and the children fled from him last week"); an address, a
    placement or pick-up details sent to someone told as violent, an abuser or a sex offender ("I cc'd dad into an
    email that had mum's new address in it. They split because of DV"). None where no such thing is told."""
    if not (flags["already"] or flags["misdirected"]):
        return None
    if _HIDING_PLACE.search(said) and (_TO_THE_ONE_FLED.search(said) or _THE_FLED_ONE_GOT.search(said)):
        return Cue("where they fled to, sent to the one they fled", "domestic", HarmLevel.YES, "whereabouts")
    where, danger = _WHEREABOUTS.search(text), _A_DANGER.search(text)
    return Cue(f"{where.group(0)} \u2026 {danger.group(0)}", "general", HarmLevel.YES, "whereabouts") \
        if where and danger else None


def _denied_before(tokens: list[str], at: int) -> bool:
    """The act at `at` is denied by the five words before it: "no need to clear", "never cleared", "forgot to"."""
    return bool(_DENIED_ACT.search(" ".join(_not(t) for t in tokens[max(0, at - 5):at])))


def _not(word: str) -> str:
    return "not" if word in NEGATED else word


class _PasswordReader:
    """Finds a password the question proposes and says how it measures up, never keeping it."""

    def __init__(self, check: PasswordCheck, speller: Speller) -> None:
        self.check = check
        names = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(check.words, key=len, reverse=True))
        # "password: x", "password idea: x", "password would be x"
        joins = r"(?:(?:\s+(?:idea|ideas|suggestion|choice|option|check))?\s*[:=]\s*|\s+(?:is|was|would\s+be|will\s+be|could\s+be|of|like|be)\s+)"
        # (or the password named with who chose it between: "the password I've set on the zip is pinkponys")
        chooser = r"(?:\s+(?:that\s+)?(?:i|we)(?:'ve|\u2019ve|\s+have|'d|\s+had)?\s+(?:set|chose|chosen|picked|used|put|" \
                  r"made|made\s+up|came\s+up\s+with|come\s+up\s+with)(?:\s+(?:on|for)\s+(?:the|a|my|our|this)\s+\w+)?)?"
        self._after = re.compile(rf"\b(?:{names})\b{chooser}{joins}(\S+)", re.IGNORECASE)
        # "pwd Tk92 ok?": a password word, then a word with a digit in it, then asked about
        self._bare = re.compile(rf"\b(?:{names})\s+(\S*\d\S*)\s+(?:ok|okay|alright|fine|good|enough|strong)\b",
                                re.IGNORECASE)
        # "use the password abcdefgh": with no "is" between, only after a word for choosing one
        # (a password word may come after what it protects: "the zip password", "my encryption password")
        of = r"(?:(?:zip|zipped|7zip|7-zip|encryption|file|document)\s+)?"
        self._chosen = re.compile(rf"\b(?:use|using|set|setting|choose|chose|chosen|pick|picked|try|make|made|is|was)"
                                  rf"\s+(?:the|a|my|our|this|as)?\s*{of}(?:{names})\s+(?:as\s+|to\s+)?(\S+)",
                                  re.IGNORECASE)
        self._before = re.compile(rf"(\S+)\s+as\s+(?:the|a|my|our|its)?\s*{of}(?:{names})\b|"
                                  # "is something like !2024JSMar05 the kind of password we should use?"
                                  rf"\blike\s+(\S+)\s+(?:the\s+(?:kind|sort|type)\s+of|an?\s+(?:good|ok|okay|"
                                  rf"acceptable|strong|decent))\s+{of}(?:{names})\b", re.IGNORECASE)
        # "is fostering ok as a zip password?": the structure says it is the password, dictionary word or not
        # (or the message opens with it: "Tiger12 ok as a password?")
        self._asked = re.compile(rf"(?:\b(?:is|would|could|will)\s+|^\W*)(\S+)\s+(?:be\s+)?(?:ok|okay|alright|fine|good|"
                                 rf"(?:strong|long|secure|safe|good|complex)\s+enough|enough)\s+(?:as|for)\s+(?:the|a|my|our)?\s*(?:zip\s+)?(?:{names})\b|"
                                 # "is 12345678 an ok password for the file?", "is Ab12cd a good enough password?"
                                 rf"\b(?:is|would|could)\s+(\S+)\s+(?:be\s+)?(?:a|an)\s+(?:(?:ok|okay|alright|good|strong|"
                                 rf"acceptable|decent|suitable|safe|secure|sensible|reasonable|valid|long|very|really|"
                                 rf"enough)\s+){{1,3}}(?:zip\s+)?(?:{names})\b|"
                                 # "Ab12cd is a decent password for the zip?": opening the message, with a digit in it
                                 rf"^\W*((?=\S*\d)\S+)\s+(?:is|would\s+be|will\s+be)\s+(?:a|an)\s+(?:(?:ok|okay|alright|"
                                 rf"good|strong|acceptable|decent|suitable|safe|secure|sensible|reasonable|valid|long|"
                                 rf"very|really|enough)\s+){{1,3}}(?:zip\s+)?(?:{names})\b",
                                 re.IGNORECASE)
        self._names = re.compile(rf"\b(?:{names})\b", re.IGNORECASE)
        # ... or their plural, for whether the message is about passwords at all ("the carer struggles with
        # complicated passwords, so I'll use 'fostering'")
        self._named = re.compile(rf"\b(?:{names})s?\b", re.IGNORECASE)
        # "can the password be the child's date of birth?", "use her surname as the password": numbers only or
        # letters only, and known to anyone who knows the child
        known = r"(?:date\s+of\s+birth|dob|d\.o\.b|birthday|birth\s+date|birth\s+year|year\s+of\s+birth|surname|" \
                r"first\s+name|name|postcode)"
        whose = r"(?:the\s+)?(?:child|childs|child's|child\u2019s|kid's|kids|his|her|their|mum's|dad's|family's|the)"
        self._described = re.compile(rf"\b(?:{names}|it)\s+(?:just\s+|simply\s+)?(?:be|is|being)\s+"
                                     rf"(?:something\s+like\s+|like\s+|just\s+)?"
                                     rf"{whose}\s+{known}\b|\b{whose}\s+{known}\s+as\s+(?:the|a|my|our)?\s*(?:{names})\b",
                                     re.IGNORECASE)
        # "can the password just be letters, like a word?", "a numbers-only password", "a password with no numbers":
        # one sort of character, not the mix of numbers and letters the protocol asks for
        sort = r"(?:letters|numbers|digits|words?|a\s+(?:single\s+|dictionary\s+|normal\s+|real\s+)?word|one\s+word)"
        self._one_sort = re.compile(rf"\b(?:{names}|it)\s+(?:just\s+|only\s+|simply\s+)?(?:be|is|being|have|has)\s+"
                                    rf"(?:just\s+|only\s+|all\s+)?{sort}(?:\s+only)?\b|"
                                    rf"\b(?:{sort}[- ]only|only\s+{sort}|all\s+letters|all\s+numbers)\s+(?:{names})\b|"
                                    rf"\b(?:{names})\s+(?:with|of)\s+(?:no\s+numbers|no\s+letters|only\s+{sort}|"
                                    rf"just\s+{sort})\b|"
                                    # "pw ok if its 8 letters no numbers?"
                                    rf"\b(?:letters|characters)\s*(?:,|and|but|with)?\s*(?:no|without|zero)\s+(?:numbers|digits)\b|"
                                    rf"\b(?:numbers|digits)\s*(?:,|and|but|with)?\s*(?:no|without|zero)\s+letters\b",
                                    re.IGNORECASE)
        # "a password made of the child's initials and DOB", "based on her name and birthday", "put the password
        # as the child's date of birth": guessable by anyone who knows the child, whatever it mixes
        self._made_from = re.compile(rf"\b(?:{names})\s+(?:that'?s\s+|which\s+is\s+)?(?:made\s+(?:up\s+)?(?:of|from)|"
                                     rf"based\s+on|built\s+from|using|from|of|as|to\s+be|be|is|being)\s+"
                                     rf"(?:just\s+|simply\s+)?{whose}\s+(?:initials|{known})\b|"
                                     # "make the password the child's surname and birth year"
                                     rf"\b(?:make|makes|making|made|set|setting)\s+(?:the|a|my|our)?\s*(?:{names})\s+"
                                     rf"{whose}\s+(?:initials|{known})\b|"
                                     # "include the child's name in the password", "her DOB as part of the password"
                                     rf"\b{whose}\s+(?:initials|{known})\s+(?:in|into|as\s+part\s+of|within)\s+"
                                     rf"(?:the|a|my|our)?\s*(?:{names})\b|"
                                     # "use the child's date of birth as the zip password"
                                     rf"\b{whose}\s+(?:initials|{known}),?\s+as\s+(?:the|a|my|our|their)?\s*(?:\w+\s+)?"
                                     rf"(?:{names})\b|"
                                     # the password named first, then what to use: "pw for the zip - can i just use
                                     # the kids dob lol"
                                     rf"\b(?:{names})\b[^.?!]{{0,30}}?\b(?:use|put|pick|choose|make\s+it)\s+"
                                     rf"(?:just\s+)?{whose}\s+(?:initials|{known})\b",
                                     re.IGNORECASE)
        # "is 'Summer2015' strong enough for the 7zip file?": asked of a zip or an encrypted file, a password
        self._for_file = re.compile(r"\b(?:is|would|could|will)\s+(\S+)\s+(?:be\s+)?(?:(?:ok|okay|good|strong|secure|"
                                    r"safe)\s+enough|ok|okay|alright|fine|acceptable|suitable|allowed)\s+(?:for|on|as)\s+"
                                    r"(?:the|an?|my|our|this|that)?"
                                    r"\s*(?:7zip|7-zip|zip|zipped|encrypted|protected)\b(?!\s+(?:file\s+)?names?\b)",
                                    re.IGNORECASE)  # not "is JSmith.zip alright for the zip file name?"
        # "can I protect the zip with 'abc123'?": a quoted word a file is locked with (quoted: "encrypt it with
        # 7zip" names the tool)
        self._locked_with = re.compile(r"\b(?:protect|protecting|lock|locking|encrypt|encrypting|secure|securing|zip|"
                                       r"zipping)\s+(?:it|this|that|them|(?:the|my|our|this|that)\s+\w+)?\s*"
                                       r"(?:\w+\s+)?with\s+['\"\u2018\u201c]([^'\"\u2019\u201d\s]{1,64})"
                                       r"['\"\u2019\u201d]", re.IGNORECASE)
        # "Foster#9 - long enough?": a message opening with a mix of letters and digits or symbols, asked whether
        # it is long or strong enough, is a password put forward
        self._opening = re.compile(r"^\W*((?=\S*[A-Za-z])(?=\S*[\d#!£$%&*@])\S+?)[\s\-\u2013:,?]+(?:is\s+(?:it|that|this)\s+)?"
                                   r"(?:long|strong|secure|good|complex)\s+enough\b"
                                   r"(?!\s+(?:for|as)\s+(?:the|a|an)?\s*(?:subject|file|name|title|email|reference))",
                                   re.IGNORECASE)
        # "fosteringteam is more than 8 characters so that's a strong enough password?": a word opening the message
        # whose length is told
        self._told_length = re.compile(r"^\W*(\S+?)[\s\-\u2013:,]+(?:is|has|it'?s|its)\s+(?:more\s+than|over|at\s+least|"
                                       r"longer\s+than|got)\s+\w+\s+(?:characters|chars|letters|digits)\b",
                                       re.IGNORECASE)
        # "Jb2015 has letters and numbers in it so it's a good enough password?": a mix of letters and digits
        # opening the message, told of (read only where a password is named)
        # (not a year group or an age: "Y9 has ...", "15yo is ...")
        self._opening_told = re.compile(r"^\W*(?!(?:y|yr|year|ks)\d{1,2}\b)(?!\d{1,2}(?:yo|yrs?|mo|m|f)\b)(?!7-?zip\b|aes)"
                                        r"((?=\S*[A-Za-z])(?=\S*\d)[^\s,.;:!?]{4,})\s+(?:has|have|is|contains|includes|uses)\b",
                                        re.IGNORECASE)
        # "can I just use '!2012JSOct02'?": the protocol's example chosen, no password word needed
        self._example_chosen = re.compile(
            r"\b(?:use|using|pick|picked|choose|chose|go\s+with|try|set)\s+(?:the\s+)?\W?(?:"
            + "|".join(re.escape(e) for e in check.examples) + ")", re.IGNORECASE) if check.examples else None
        self._speller = speller
        self._not = frozenset(w for p in check.not_passwords for w in _split(p))
        self._single = frozenset(w.lower() for w in check.words if " " not in w and len(w) >= 6)  # "password", not "pw"

    def candidates(self, text: str) -> list[str]:
        if not self._named.search(text):
            found = [word for pattern in (self._for_file, self._opening, self._locked_with, self._told_length)
                     for m in pattern.finditer(text) for word in [m.group(1).strip("\"'\u2018\u2019\u201c\u201d")]
                     if self._plausible(word) and word.lower() not in _TOOLS]
            if _CHARACTER_SORTS.search(text):  # "Would 'Ab12Cd' do? It's got letters and numbers in it."
                found += [m.group(1) for m in _QUOTED.finditer(text) if _MIXED.fullmatch(m.group(1))]
            return found
        found = [m.group(1) for m in _QUOTED.finditer(text)]
        found += [word.strip("\"'\u2018\u2019\u201c\u201d") for m in self._asked.finditer(text)
                  for word in [m.group(1) or m.group(2) or m.group(3)] if word.lower() not in self._not]
        for pattern in (self._after, self._chosen, self._before, self._bare, self._told_length, self._opening_told):
            for m in pattern.finditer(text):
                word = next(g for g in m.groups() if g is not None).rstrip(_TRAILING).strip("\"'\u2018\u2019\u201c\u201d")
                if self._plausible(word):
                    found.append(word)
        # "the password is 9 characters with letters and numbers": a length told, not the password; "I'll call
        # the zip 'Harrison_LAC_review.zip' ... it's password protected": a file's name, not its password
        # (nor a number of one or two digits where lengths are spoken of: "is it min 8 chars or 10??")
        return [w for w in found if not (w.isdigit() and re.search(rf"\b{w}\s*{_LENGTH_UNIT}", text, re.IGNORECASE))
                and not (w.isdigit() and len(w) <= 2 and re.search(rf"\d\s*{_LENGTH_UNIT}", text, re.IGNORECASE))
                and not _FILE_NAME.fullmatch(w)]

    def _plausible(self, word: str) -> bool:
        """Not an ordinary word of a question ("the password is strong", "password protected")."""
        if not word or "@" in word or "/" in word or len(word) > 64:
            return False
        plain = word.lower()
        if plain in self._not:
            return False
        if any(c.isdigit() for c in word) or not word.isalpha():
            return any(c.isalnum() for c in word)
        return self._speller.correct(plain) == plain and not self._speller.known(plain)

    def _length_told(self, text: str) -> str | None:
        """"can a password be six characters if it has symbols?": a length said, shorter than the protocol's
        minimum, is too short whatever else it has; a length long enough says nothing of the mix."""
        if not self._names.search(text):
            return None
        for m in _COUNT_PROPOSED.finditer(text):
            told = m.group(1).lower()
            n = int(told) if told.isdigit() else _NUMBER_WORDS.get(told)
            if n is not None and n < self.check.min_length:
                return "too_short"  # "how long has it got to be?? is 6 ok": a length put forward after the rule asked
        if _RULE_ASKED.search(text):
            return None  # (not the protocol's own minimum asked: "is the minimum 6 characters or 8?")
        for m in _LENGTH.finditer(text):
            told = m.group(1).lower()
            n = int(told) if told.isdigit() else _NUMBER_WORDS.get(told)
            if n is not None and n < self.check.min_length:
                return "too_short"
        return None

    def judge(self, text: str, reused: bool = False) -> str | None:
        """reused (one password for several transmissions), about_child (made from the child's details), else
        strong, too_short, no_mix or short_no_mix for the first password proposed; None if none is."""
        if reused:
            return "reused"
        text = self._spelt(text)
        if self._made_from.search(text):
            return "about_child"
        found = self.candidates(text)
        if found and _EVERY_TIME.search(text):
            return "reused"  # "can I use 'Kendal2015' every time for the same school?"
        examples = {e.lower() for e in self.check.examples}
        if _EXAMPLE_USED.search(text) or any(w.lower() in examples for w in found) \
                or (_USE_THAT.search(text) and any(e in text.lower() for e in examples)) \
                or (self._example_chosen is not None and self._example_chosen.search(text)) \
                or any(m.group(1).lower() in examples for m in _BRACKETED.finditer(text)):
            return "example"
        if not found:
            return "no_mix" if self._described.search(text) or self._one_sort.search(text) else self._length_told(text)
        word = found[0]
        short = len(word) < self.check.min_length
        mixed = any(c.isalpha() for c in word) and any(c.isdigit() for c in word)
        judged = {(False, True): "strong", (True, True): "too_short", (False, False): "no_mix",
                  (True, False): "short_no_mix"}[(short, mixed)]
        if judged == "strong" and any(_COMMON_PASSWORD.search(w) for w in (word.lower(), word.lower().translate(_LEET))):
            return "common"  # "Password1", "Passw0rd!", "qwerty123": the first guesses anyone makes
        return "guessable" if judged == "strong" and self._guessable(word) else judged

    def _spelt(self, text: str) -> str:
        """The text with a misspelt or text-speak password word corrected ("Ab12 as a pasword - ok?", "pwrd"): the
        patterns name the words as written. Only a word the speller turns into one of them changes; the rest is
        left as typed, so a password put forward is judged as it was written."""
        if self._names.search(text) is not None:
            return text
        return _WORD_TOKEN.sub(lambda m: fixed if (fixed := self._speller.correct(spoken(m.group().lower())))
                               in self._single else m.group(), text)

    def _guessable(self, word: str) -> bool:
        """Long enough and mixed, but an everyday word or a run of the keyboard with digits added ("Summer2024",
        "password123", "abc12345"): what Appendix A's "strong password" is not."""
        runs = re.findall(r"[A-Za-z]+", word)
        if len(runs) != 1 or not re.fullmatch(r"[\W\d_]*[A-Za-z]+[\W\d_]*", word):
            return False
        letters = runs[0].lower()
        digits = "".join(c for c in word if c.isdigit())
        # a name or word of any kind with a year or a count after it ("Maple2024", "Kendal123"): the commonest
        # pattern of all, whether or not the word is in the vocabulary
        return letters in _KEYBOARD_RUNS or (len(letters) >= 3 and self._speller.known(letters)) \
            or bool(_YEAR_OR_COUNT.fullmatch(digits))
