"""Is a child at risk? Reading a practitioner's description for signs of significant harm.

The words live in knowledge/data/harm.yaml, grouped as national guidance
groups them; this module only matches them. It answers yes, maybe or no,
with the words that decided it, because the one answer that can hurt a child
is sending advice where the Safeguarding Hub had to come first:
- every word is compared by its Snowball stem, so one listed form finds the
  others ("bruise": bruises, bruised, bruising);
- a phrase may have filler words inside it ("in real immediate danger");
- a word for hurting counts with a person close by ("dad hits her");
- a negation governs a few words up to a terminator (NegEx), but a denial
  reported from someone else ("mum says she didn't cause the bruises") is
  still a cue;
- when in doubt the answer is maybe, and SafeShare asks the harm question
  first: a negated cue, a cue in a document's description or in the past,
  a worrying sign that is not clear on its own.
"""
from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass, replace
from enum import StrEnum
from collections.abc import Callable, Iterable, Iterator, Sequence

import snowballstemmer

from knowledge.model import HarmWords

# (not the full stop of an initial: "'Self harm - J.B. Y9' in the subject line" is one sentence)
_SENTENCE = re.compile(r"(?:(?<![^A-Za-z][A-Za-z])[.!?;\n]|[!?;\n])[.!?;\n]*(?:\s|$)|[.!?;\n]{2,}")
_CLAUSE = re.compile(r"[,:()\u2013\u2014]| - ")
_END = "."  # the end of a sentence: nothing matches across it
_PAUSE = ","  # a clause break: it ends a negation's scope
_TOLD = re.compile(r"[^.!?\n]+[.!?\n]*")  # sentences, each with its own end mark
_QUESTION = re.compile(r"\s*(?:can|could|may|might|should|shall|would|will|is|are|am|do|does|did|how|what|whats|"
                       r"which|who|whom|where|when|why|any|pls|please)\b", re.IGNORECASE)
# A sentence opening on a time, not a question: "When I asked she said 'he owns me now'."
_WHEN_TOLD = re.compile(r"\s*when (?:i|we|he|she|they|mum|dad)\b", re.IGNORECASE)
# A sign queried in brackets: "a 15yo (self harm?)"
_QUERIED = re.compile(r"\(\s*([^()?]{2,40}?)\s*\?+\s*\)")
# Words in quotes: someone's own ('daddy said "..."', "messaged me 'sorry for everything'"), or words the user
# would write ("can I put 'need advice re PLO' in the body?")
QUOTE = re.compile(r"""(?:^|(?<=[\s(:,]))['"\u2018\u201c](?=\S)[^"\u201d\n]{3,}?['"\u2019\u201d](?=\W|$)""")
# A question asked without a question mark, after a few words: "faxing it to a gp, do i put the name on it"
_ASKS = re.compile(r"\b(?:can|could|should|shall|may|do|must) (?:i|we|you|she|he|they)\b|\bis it (?:ok|okay|alright|fine|allowed)\b|"
                   r"\bam i (?:allowed|ok)\b", re.IGNORECASE)
# An innocent cause explains an injury: "fell over" says nothing of a drunk parent or a missing child
_EXPLAINABLE = frozenset({"physical", "general", "self_harm"})
# What the user means to do ("I'm going to forward it to my gmail over the weekend"): a plan, not a child's story
_PLAN = re.compile(r"\b(?:i|we)(?:'m|\u2019m| am| are|'re)? (?:going to|gonna|about to|planning to|was going to|"
                   r"were going to)\b|"
                   # what the user needs to share, or was asked to pass on: "we need to share a young person's allergy
                   # info with the campsite", "a 15yo has asked me to let the school nurse know"
                   r"\b(?:i|we) (?:need|have|want|would like|'d like) to (?:share|send|email|pass|get|give|let|forward|"
                   r"tell|post|fax)\b|\basked (?:me|us) to (?:let|tell|send|share|pass|email|forward|give)\b",
                   re.IGNORECASE)
# Words after "minutes" that make it a length of time ("twenty minutes ago"), and counts before it
_AFTER_A_TIME = frozenset({"ago", "later", "earlier", "before", "after", "away", "late", "left", "time", "from"})
_COUNTED = frozenset({"few", "couple", "several", "some", "two", "three", "four", "five", "ten", "fifteen", "twenty",
                      "thirty", "forty", "fifty", "sixty", "ninety", "many", "last", "next",
                      # time spent, not a meeting's minutes: "spends every spare minute on some forum"
                      "spare", "every", "free", "each", "a", "one"})
# Words just before a sign that make it a past one, as an adjective: "past injuries", "a former CP plan"
_PAST_BEFORE = frozenset({"past", "former", "prior", "bygone"})
# A baby not yet moving about on its own: an injury to one is never only a document's contents (NICE CG89: bruising
# in a child who is not independently mobile)
_NON_MOBILE = re.compile(r"\b(?:\d{1,2} (?:week|weeks|wk|wks) old|\d{1,2}wk|\d{1,2}wks|newborn|new born|"
                         r"[1-5] (?:month|months|mth|mths) old|[1-5]mo)\b")
# A not run into its helping verb, as typed: stemmed as "not" (HarmReader.stem)
_NOT_JOINED = frozenset({"hasnt", "havent", "hadnt", "isnt", "wasnt", "werent", "arent"})
# An end of the harm denied: "ran off 3 hours ago and still hasn't been found"
# ("they won't be found", "can't be found": no finding either)
_NOT_YET = _NOT_JOINED | {"not", "never", "yet", "nt", "wont", "cant", "couldnt", "cannot", "wouldnt"}
_KEEPS = frozenset({"keep", "keeps"})
# Where an adult is held away from children: "still" before it tells how long he is held, not a child's now
# ("abused years ago by a teacher, who is still in prison")
_HELD = ("in prison", "in jail", "in custody", "on remand", "locked up", "behind bars", "in a refuge", "in refuge")
_NOW_LISTS = frozenset({"recent", "current"})  # the lists of words that tell a child's now
_DENIES_NOW = frozenset({"no", "not", "nt"})  # just before one of their words ("currently" is also "current")
_CASE = frozenset({"case", "cases", "caseload"})  # a kind of case, named for its harm: "the burns case"
# A return only expected, not made: "she was due back at 8", "should have been back by now"
_EXPECTED = frozenset({"due", "expected", "supposed", "meant", "should", "shouldve", "shouldnt"})
# A person an act is done to, as its object (HarmReader._done_by_to); "her" too when no word of hers follows
_OBJECTS = frozenset({"him", "them", "me", "us"})
_AFTER_OBJECT = frozenset({"with", "on", "again", "when", "and", "because", "cos", "deliberately", "while", "for",
                           "last", "yesterday", "today", "this", "after", "if", "then"})
_HELPING = frozenset({"has", "had", "have", "just", "apparently", "actually", "once", "also", "even"})
# Pressing for something, not pushing someone: "she's really pushing for it" (see HarmReader._insisting)
_PRESSING = frozenset({"push", "pushes", "pushing", "pushed"})
_PRESSED_FOR = frozenset({"for", "to", "hard", "harder"})
# Where a child is safe: "safe in refuge", "safe at her nan's", "safe with the foster carers"
_WHERE_SAFE = frozenset({"in", "at", "with"})
_SAFE_PLACE_ARTICLES = frozenset({"a", "an", "the"})  # "safe in a refuge", "safe at the refuge"
# What someone finds that is not the child: "she's found messages on his iPad about meeting a man", "mum found out"
_FOUND_A_THING = frozenset("a an some out messages message texts text chats photos pictures videos evidence drugs cash "
                           "money stuff things notes note letters searches".split())
# The last word of a cause that names a paper written after the event ("incident report", "accident book")
_PAPERS = frozenset({"report", "form", "book"})
# A form with nothing in it yet, whatever harm it is for: "our blank CSE risk assessment template"
_BLANK_FORM = re.compile(r"\b(?:blank|empty|unfilled|unused)(?: \S+){0,4}? (?:template|templates|form|forms|proforma|"
                         r"proformas|pro forma|copy|checklist|checklists|toolkit)\b")
# The children of a past story grown up: "kids are adults now", "the children are all grown up" (not the adult of
# the story: "he's an adult now and lives with his baby")
_GROWN = re.compile(r"\b(?:kids|children|child|girls|boys|siblings|both|all) (?:are |is |were )?(?:now |all |both )?"
                    r"(?:adults|an adult|grown up|grown ups|all grown up)\b")
# a child by age, written as one word: "5yo", "14yr", "3y"
_AGED = re.compile(r"\d{1,2}(?:yo|yrs?|y)")
# "an old abuse investigation" is history; "a 3 year old abused", "the 4yo old ..." give an age
_AGE_UNITS = frozenset({"year", "years", "yr", "yrs", "month", "months", "mth", "mths", "week", "weeks", "wk", "wks",
                        "day", "days"})
# "film" as a verb, with whom or what is filmed after it: a child filmed, not a film
_FILM = frozenset({"film", "films"})
_FILMED = frozenset({"it", "him", "her", "them", "his", "their", "me", "us", "the", "a", "kids", "children"})
_FIRST_PERSON = frozenset({"i", "ive", "im", "id", "me", "my"})  # not "were", "ill": words of their own
# Words that tell something, not a label's name, initials, date or year group (see _topic_after)
_TELLING = frozenset("is was are were has have had of the a and he she they i we it his her their".split())
# The user saw or heard it: "a referral about a toddler I saw being hit by his dad" is what the user witnessed, not
# a paper's contents
_WITNESS = frozenset({"i", "ive", "we", "weve"})
_SAW = frozenset({"saw", "seen", "witnessed", "watched", "heard", "overheard"})
# he, she or they with "is" or "has" run on, as typed without the apostrophe: "help hes back" names someone
_PERSON_RUN_ON = frozenset({"hes", "shes", "theyre", "theyve"})
# "Kayden (4)", "15 y/o", "he's 12", "she is 15" (not "she's 12 weeks pregnant", "he's 2 minutes away")
_TOLD_AGE = re.compile(r"\((\d{1,2}|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                       r"seventeen)\)|\b(?<![\d/])(\d{1,2}) ?y/o\b|"
                       r"(?-i:\b[A-Z][a-z]+),\s*(\d{1,2}),|"  # "Freya, 14, who ..."
                       r"\b(?:looks?|looking|aged?)\s+(?:about|around|roughly)\s+(\d{1,2})\b(?!\s*(?:mins?|minutes?|hours?|"
                       r"days?|weeks?|months?|pages?|%|pm|am))|"
                       r"\b(?:he|she)(?:'s|\u2019s|s| is)\s+(\d{1,2})\b(?!\s*(?:weeks?|wks?|months?|days?|hours?|hrs?|"
                       r"mins?|minutes?|seconds?|am|pm|miles?|%|th|st|nd|rd|[:.]\d|/))", re.IGNORECASE)
# An adult's age given for the person spoken of: "now 34", "aged 45", "a 45 year old client", "she's 26"
_ADULT_NOW = re.compile(r"\bno (?:kids|children)\b|\bnow (?:an? )?(?:adult|adults|grown[- ]?up|grown)\b|"
                        r"\b(?:all|both) grown[- ]?up\b|\((?:1[89]|[2-9]\d)\)|\b(?:now|aged|age)\s+(?:1[89]|[2-9]\d)\b|"
                        r"\b(?:is|s) (?:1[89]|[2-9]\d) now\b|\b(?:1[89]|[2-9]\d)[- ]?(?:year|yr)s?[- ]?old\b|"
                        r"\b(?:1[89]|[2-9]\d) ?(?:yo|y/o|yro|yrs? old)\b|"
                        r"\b(?:he|she)(?:'s|\u2019s| is)\s+(?:now\s+)?(?:1[89]|[2-9]\d)\b(?!\s*(?:weeks?|months?|days?|"
                        r"hours?|mins?|minutes?|%))", re.IGNORECASE)
# An adult's own childhood: "I was abused as a child myself", "my own childhood", "the applicant was abused by her
# stepfather as a child": an adult's past, not a child now (a child's harm told as now is still read)
_OWN_CHILDHOOD = re.compile(r"\b(?:I|she|he|they|mum|mother|dad|father)\b[^.?!]{0,60}?\b(?:as a (?:child|kid|teenager|teen|youngster|"
                            r"young person|(?:young |little )?(?:girl|boy))|"
                            r"when (?:I|she|he|they) (?:was|were) (?:a |an )?(?:child|kid|little|young|"
                            r"younger|small|teenager|teen|in care)|growing up)\b|\bmy (?:own )?childhood\b",
                            re.IGNORECASE)
_FGM = "fgm_forced_marriage_honour"  # harm.yaml's category (contract.py)
# Weeks just gone, not years: "last month", "over the summer", "on holiday"
_LATELY = re.compile(r"\b(?:(?:last|this) (?:week|weekend|month|summer|holiday|holidays|half term|easter|christmas)|"
                     r"on holiday|over the (?:summer|holidays|holiday|half term))\b")
_SEXUAL = "sexual"  # harm.yaml's category (contract.py)
_PHYSICAL = "physical"  # harm.yaml's category (contract.py)
_GIRLS = frozenset(("girl", "girls", "daughter", "daughters", "granddaughter", "granddaughters"))
_GANGS = frozenset(("group", "groups", "network", "networks"))
_NO_GIRLS = frozenset(("no", "not", "any", "without", "nor", "neither"))


_AGAIN = frozenset("again another keeps repeatedly recurring regularly repeated frequent frequently multiple".split())
# "been to A&E 3 times in 2 months": an injury explained each time, but over and over (NICE CG89: repeated presentations)
_TIMES = re.compile(r"\b(?:[2-9]|\d\d|two|three|four|five|six|several|many) times\b")
_CLOCK = re.compile(r"^\d{1,2}(?:[.:]?\d\d)?(?:am|pm)$")


# A meeting or an appointment: a time word right after one tells when it is, not when a child is harmed ("details
# of his self harm, he's got an appointment in an hour")
_EVENTS = frozenset("appointment appointments appt meeting meetings conference conferences review reviews hearing "
                    "hearings court panel session sessions clinic exam exams marac maracs".split())
# ... or a paper: a time word right after one tells when it is due ("needs the risk assessment tonight")
_PAPERS_DUE = frozenset("assessment assessments report reports referral referrals plan plans chronology statement "
                        "statements minutes letter form paperwork bundle records".split())


def _times_an_event(tokens: Sequence[str], at: int) -> bool:
    """The time phrase at `at` follows a meeting or an appointment within three words, or a paper wanted by then
    ("needs the self-harm risk assessment tonight": when the paper is due, not when a child is harmed), or says what
    something is wanted before ("ahead of next week's child in need meeting", "before Friday's conference")."""
    return not _EVENTS.isdisjoint(tokens[max(0, at - 3):at]) or (at > 0 and tokens[at - 1] in _PAPERS_DUE) \
        or ((list(tokens[max(0, at - 2):at]) == ["ahead", "of"] or (at > 0 and tokens[at - 1] in ("before", "for")))
            and not _EVENTS.isdisjoint(tokens[at:at + 7]))  # "ahead of next week's child in need meeting"


def _by_a_gang(before: Sequence[str], after: Sequence[str]) -> bool:
    """The harm names who does it, not a service for it: "being moved by a county lines group tonight", "groomed by
    an exploitation network" (a "support group" or "the CSE team" stays a service)."""
    return "by" in before and bool(after) and after[0] in _GANGS


def _girl_here(tokens: Sequence[str]) -> bool:
    """A girl in the family, not one said to be absent ("no daughters", "hasn't got any girls"), nor the mother
    herself as a girl ("she had FGM as a girl")."""
    return any(t in _GIRLS and not _NO_GIRLS.intersection(tokens[max(0, i - 2):i])
               and tokens[max(0, i - 2):i] not in (["as", "a"], ["a", "young"], ["a", "little"])
               for i, t in enumerate(tokens))


_COUNT = re.compile(r"\d{1,2}|two|three|four|five|six|several|many")
_AGE = re.compile(r"\d{1,2}(?:yo|yrs?|yr?o|y)s?|y(?:ea)?r?\d{1,2}|\d{1,2}(?:mo|mos|mth|mths|wk|wks)")  # 14yo, 15yrs, y9, yr5, year10: an age or school year



# After "birth", the family a child was born to: "birth dad", "birth mum's" (not "a mark from birth")
_BIRTH_FAMILY = frozenset({"dad", "dads", "mum", "mums", "mother", "mothers", "father", "fathers", "parent", "parents",
                           "family", "families", "relatives", "grandparents", "nan", "gran"})
# The protocol's threshold in its own words: a risk said to be imminent or significant
_THRESHOLD = frozenset({"imminent", "imminently", "immediate", "significant"})
# A document telling what it holds: "the log says ...", "her notes state ..."
_REPORTING = frozenset({"says", "said", "say", "states", "stated", "state", "shows", "showed", "mentions", "mentioned",
                        "confirms", "confirmed"})
# What a paper shows of a child as now: "it shows a child who's just moved here is living with a registered sex
# offender" (the paper's news, not its subject)
_SHOWS_NOW = re.compile(r"\b(?:shows|showed|reveals|revealed|says|said|states|stated)\b(?: \w+){1,8}? (?:is|are) "
                        r"(?:living|staying)\b"
                        # a record of what a child did: "the library log shows a y11 girl looked up how to make ..."
                        r"|\b(?:shows|showed|reveals|revealed)(?: that)?(?: \w+){0,3}? (?:girl|boy|child|pupil|student|"
                        r"kid|teen|teenager|yp|he|she)(?: has| had)? \w+ed\b"
                        # what a child drew or wrote themselves: "lad drew a plan of the hall ... wrote stuff about
                        # 'martyrs'" (the child's own, not a paper about them)
                        r"|\b(?:lad|boy|girl|child|pupil|student|kid|teen|teenager|yp|he|she)(?: has| had)? "
                        r"(?:drew|drawn|wrote|written)\b"
                        # ... or passed over: "the lad slipped a nurse a note saying they're marrying him off", "the
                        # 11-year-old slipped me a note" (an age read as "11 year old")
                        r"|\b(?:lad|boy|girl|child|pupil|student|kid|teen|teenager|yp|he|she|old|yo)(?: has| had)? "
                        r"(?:slipped|passed|handed|gave|given)(?: \w+){0,3}? (?:a|her|his) (?:note|letter)\b")


def _witnessed(tokens: Sequence[str]) -> bool:
    """ "I saw", "we've just witnessed", "I heard": the user's own witness, within the words given."""
    return any(t in _WITNESS and _SAW.intersection(tokens[i + 1:i + 3]) for i, t in enumerate(tokens))

class HarmLevel(StrEnum):
    YES = "yes"  # a child is, or is likely to be, harmed: ring the Hub
    MAYBE = "maybe"  # ask the harm question before anything else
    NO = "no"  # the user says there is no risk


@dataclass(frozen=True, slots=True)
class Cue:
    """Words that were read as a sign of harm, and how they were read."""

    words: str
    category: str
    level: HarmLevel
    reading: str = ""  # why a clear cue counts only as maybe: negated, document, past

    def to_json(self) -> dict[str, str]:
        out = {"words": self.words, "category": self.category, "level": self.level.value}
        if self.reading:
            out["reading"] = self.reading
        return out


@dataclass(frozen=True, slots=True)
class HarmAssessment:
    level: HarmLevel | None  # None: the words say nothing either way
    because: tuple[Cue, ...] = ()
    immediate: bool = False  # a child in immediate danger: 999 first
    explained: bool = False  # a sign of injury the user gave an innocent cause for: no untold story to ask about
    settled: bool = False  # every sign read told by the user as over ("he's fine now"): the learned reading asks nothing
    # words of abuse or neglect read, whatever their time ("the report about the domestic abuse"): what is sent is
    # safeguarding information (an injury explained, or told of no child, is not)
    about_harm: bool = False
    # every word of harm read was said of a thing or a pet ("our dog's been missing since Sunday", "the file's gone
    # missing"): the learned reading, which weighs "missing since" as a child's, asks nothing either
    things: bool = False

    def to_json(self) -> dict[str, object]:
        return {"level": self.level.value if self.level else None,
                "because": [c.to_json() for c in self.because], "immediate": self.immediate}

    @property
    def first(self) -> Cue | None:
        return self.because[0] if self.because else None


NOTHING = HarmAssessment(None)


@dataclass(frozen=True, slots=True)
class _Phrase:
    stems: tuple[str, ...]
    category: str
    clear: bool
    weak: bool = False  # counts only with other signs
    words: tuple[str, ...] = ()  # as written: every weak word ("privates" is not "private"), and cues_written
    rest: frozenset[str] = frozenset()  # the stems after the first: the text must hold each for the phrase to match

    def __reduce__(self) -> tuple[type[_Phrase], tuple[object, ...]]:
        # A kept Assistant holds some 2,000: rebuilt through __init__, not dataclasses' field-by-field __setstate__,
        # they load in a third of the time
        return _Phrase, (self.stems, self.category, self.clear, self.weak, self.words, self.rest)


def tells_anything(text: str) -> bool:
    """Some sentence tells something, besides the question asked: "can I pass on the child's address to the GP by
    email" tells nothing, so there is no story in it for the words to have missed."""
    return bool(_told_sentences(text))


def _told_sentences(text: str) -> list[str]:
    """The sentences that tell something, not those that ask (with or without a question mark)."""
    return [s for s in _TOLD.findall(text)
            if not _QUESTION.match(s) and not s.rstrip().endswith("?") and not _ASKS.search(s)]


def _score(words: Sequence[str]) -> bool:
    """A match's score after a word for its result: "lost 7-0", "won 3 1"."""
    return any(a.isdigit() and b.isdigit() and len(a) <= 2 and len(b) <= 2 and i and words[i - 1] in _RESULTS
               for i, (a, b) in enumerate(zip(words, words[1:], strict=False)))


def _beaten_at(words: Sequence[str]) -> bool:
    """A game someone was beaten at ("the dads battered them at FIFA"): a contest, not a beating. Not a place
    children are met online ("a man on Roblox"): that is where grooming happens."""
    return any(a == "at" and b in _GAMES for a, b in zip(words, words[1:], strict=False))


_TO_SOMEONE = (["the"], ["a"], ["an"], ["her"], ["his"], ["their"], ["my"], ["our"], ["your"])  # "to the GP"
# Whose something is: "her report" names a document, "a neighbour reports" tells
_POSSESSIVES = frozenset("my his her their our your its".split())
# "the garden is neglected": what comes before these is what the word is said of
_COPULAS = frozenset("is was are were looks looked looking seems seemed".split())
# Weather that batters a coast, a storm that smashes: not a person hurting anyone
_WEATHER = frozenset("storm storms gale gales weather hurricane".split())  # not "wind": "I wind dad up"
# The user speaking of themselves, laughing: "could literally kill myself lol" after a day's marking
_MYSELF = frozenset(("myself",))
_GAMES = frozenset("fifa monopoly chess cards darts pool scrabble uno snooker table tennis".split())
# Words between "the" and the thing an act is done to: "touch the hot iron"
_THING_WORDS_BETWEEN = frozenset("hot cold big small new old front back kitchen glass".split())
# "I'm locked out", "we were left alone in the office": the user's own day, in these categories, is no child's
_USERS_OWN = frozenset({"neglect", "missing"})
_USER_SUBJECT = frozenset("i im ive we weve".split())
# The user's own alarm, told of themselves ("number was one digit out. I'm panicking", or the word alone as a
# sentence: "... one digit out. Panicking."), not "I'm worried about her"
_OWN_ALARM = frozenset({"panicking", "panic stricken", "terrified", "petrified", "in tears", "distraught", "hysterical"})
# An adult's own injury, told with the adult's own "her", "his" or "my": "Mum's broken her leg", "dad has hurt his
# back", "I've cut my hand" (not "mum broke his arm": whose arm is the child's)
_ADULTS = {"her": frozenset("mum mums mother mothers nan nans nana gran grans grandma grandmas aunt aunts auntie "
                            "aunties she shes".split()),
           "his": frozenset("dad dads father fathers grandad grandads granddad grandpa uncle uncles he hes".split()),
           "my": frozenset("i im ive".split())}


# A child's distress, in the words people use for it (harm.yaml), which a parent can be in too
_DISTRESS = frozenset({"in tears", "distraught", "hysterical", "sobbing", "beside herself", "beside himself"})
_PARENTS = frozenset("mum mums mother mothers dad dads father fathers parent parents nan gran grandma grandad carer "
                     "stepmum stepdad".split())


# An injury put down to someone by the child or a witness: "says stepdad did it", "told me her mum's boyfriend done
# that" (a parent, a carer or an adult named as the one)
_BLAMED = re.compile(r"\b(?:says|said|saying|told me|tells me|telling me|claims|claimed)\s+(?:(?:his|her|their|my|the)\s+)?"
                     r"(?:(?:mum|mums|dad|dads|mother|mothers|nan|nans|gran|grans)\s+)?"
                     r"(\w+)\s+(?:did|done|had done|has done)\s+(?:it|this|that|them)\b")

# ... the one named: a parent, a carer or a grown man, by name of their role (not "he", who may be the child himself)
_BLAMERS = _PARENTS | frozenset("stepfather stepmother boyfriend partner man bloke guy uncle".split())


def _parent_distressed(before: list[str]) -> bool:
    """The distress told of a parent, its subject just before it: "Mum in tears at the counter, says her son's SW
    'upset' her" is a parent upset, no child's distress."""
    while before and before[-1] in ("was", "is", "s", "been", "has", "had", "got", "getting", "very", "really", "so"):
        before = before[:-1]
    return bool(before) and before[-1] in _PARENTS


def _sentence_after(tokens: list[str], hi: int) -> list[str]:
    """The words of the sentence after the one ending at `hi` (the index of its end mark)."""
    following = hi + 1
    while following < len(tokens) and tokens[following] != _END:
        following += 1
    return tokens[hi + 1:following]


def _labelled_before(before: list[str]) -> bool:
    """The cue is the words of a subject line or title named just before it: "Subject I've drafted: 'Urgent -
    bruising to baby at Ashbrook Nursery'" (not "the subject of the referral")."""
    # (further back only past a label's own words: "Subject line reads 'CONFIDENTIAL - Baby Jones 12/03 bruising'")
    return any(w in ("subject", "title", "heading") and before[k + 1:k + 2] != ["of"] and (
        len(before) - k <= 6 or not _TELLING.intersection(x for x in before[k + 1:] if x not in _READS))
        for k, w in enumerate(before))


# A child's own ("a child's psychosis", "the lad's hearing voices"): no parent's crisis
_CHILDS = frozenset("child kid boy girl lad son daughter teen teenager pupil student toddler yp".split())
# the words between a subject line named and its words quoted: "subject line reads ...", "the title will be ..."
_READS = frozenset("line reads says is will be would heading".split())


def _adults_own(before: list[str], cue: list[str]) -> bool:
    """An injury cue told of an adult, the adult its subject (`before`: the words just before it, "mum's",
    "dad has") and the adult's own possessive in it."""
    while before and before[-1] in ("has", "had", "have", "s", "just", "gone", "went", "and"):
        before = before[:-1]
    return bool(before) and any(w in _ADULTS and before[-1] in _ADULTS[w] for w in cue)


# Who does what a verb cue names: the last of these before it in its sentence
_SUBJECTS = frozenset("i im ive we weve he she they hes shes theyve him her them someone somebody man men".split())
_COORDINATED = frozenset("and but then".split())


def _done_by_user(before: list[str]) -> bool:
    """The user does it: "I'll text the address but delete the message straight after" (the verb after "but"
    or "and" shares the first verb's subject), not "he made her delete the messages"."""
    if not before or before[-1] not in _COORDINATED:
        return False
    subjects = [t for t in before if t in _SUBJECTS]
    return bool(subjects) and subjects[-1] in _USER_SUBJECT


# A threat told as about to happen
# (not the user's own plan: "I'm going to wait until the core group")
_ABOUT_TO = re.compile(r"(?<!\bim )(?<!\bam )(?<!\bwere )(?<!\bare )\b(?:going to|gonna|about to)\b")
# A sending told as done before the sign, in its clause: a time after the sign dates the sending ("I faxed the GP a
# CAMHS letter about a girl's self harm this morning")
_SENT_DONE = frozenset("faxed emailed sent forwarded texted posted uploaded attached cced ccd copied".split())


def _sent_by_the_user(before: Sequence[str]) -> bool:
    """ "I faxed ...", "we've emailed ...": the user's own sending, told before the sign."""
    return any(w in _SENT_DONE and before[k - 1:k] in (["i"], ["ive"], ["we"], ["weve"])
               for k, w in enumerate(before) if k)


def _just_happened(clause: Sequence[str]) -> bool:
    """ "... whose mum turned up drunk and has just driven off with her", "is outside right now": the clause's
    own event told as just now (ConText: a temporal modifier takes the event it is said of), whatever paper the
    sign is written in; not the user's own doing ("I have just emailed the minutes about the bruising"), nor a
    sending or a paper just done ("the report has just been sent", "the minutes have just come through")."""
    for k in range(len(clause) - 1):
        pair = clause[k:k + 2]
        if pair in (["just", "now"], ["right", "now"]):
            return True
        if pair[0] in ("has", "have", "had") and pair[1] == "just" and clause[k - 1:k] not in _OWN_DOING \
                and not (clause[k + 2:k + 3] and clause[k + 2] in _DONE_TO_A_PAPER):
            return True
    return False


_OWN_DOING = (["i"], ["we"], ["you"], ["it"])
_PAPER_DONE = frozenset("been come came arrived finished written typed read seen got had received opened done "
                        "signed completed uploaded".split())
_DONE_TO_A_PAPER = _SENT_DONE | _PAPER_DONE  # "has just sent", "has just come through"


_STRUGGLE = frozenset("struggle struggles struggled struggling".split())
_FIDDLY = frozenset("files tech technology computer computers system systems encryption passwords paperwork "
                    "spreadsheet spreadsheets forms portal portals 7zips zips teams outlook it".split())


def _struggle_with_a_thing(words: Sequence[str], after: Sequence[str]) -> bool:
    """ "struggle with the zip files", "struggling with the new system": a struggle with a thing."""
    if not _STRUGGLE.intersection(words) or after[:1] != ["with"]:
        return False
    rest = [t for t in after[1:] if t not in ("the", "a", "an", "these", "those", "my", "our", "all", "this", "new")]
    return any(t in _THINGS or t in _FIDDLY for t in rest[:2])


# Where a child lives: out of one of these is a child's harm ("kicked out of the house"), out of anything else not
_HOMES = frozenset("home house flat property place room bedroom family mums mum dads dad nans gran carers".split())
# Words for writing a note or message oneself: "put a note on the portal that ..."
_WRITING = frozenset("put putting write writing leave leaving add adding drop pop stick type typing".split())
# Words of time or stress between a thing and what is said of it: "the laptop still hasn't arrived"
_STILL = frozenset("still just yet even really actually already".split())


def _thing_before(tokens: Sequence[str], start: int) -> bool:
    """The word before a sign, past a word of time or stress ("still", "just"), names a thing."""
    i = start - 1
    while i > 0 and tokens[i] in _STILL:
        i -= 1
    return i >= 0 and tokens[i] in _THINGS


# Things and pets that go missing: "my work laptop went 'missing'", "the file's gone missing", "our cat's been missing"
_THINGS = frozenset("laptop phone keys lanyard badge pass bag file folder document letter form stick usb charger "
                    "cat dog hamster rabbit pet puppy kitten tortoise parrot printer projector parcel stapler remote "
                    "wallet purse attachment attachments zip 7zip software app program programme option button "
                    "menu icon page pages email emails link password signature sheet tab setting settings "
                    # what is sent: "the solicitor says my fax never arrived"
                    "fax faxes report referral package post delivery courier message text reply "
                    # ... and more than one of them: "paper files locked in my car boot"
                    "files folders documents letters forms papers records notes laptops phones bags".split())


_HAVING = frozenset(("has", "have", "had", "got", "with"))
# Someone has already acted on what is told (harm.yaml `managed`, its second part): police or school "dealt with" it
_DEALT_WITH = re.compile(r"\b(?:dealt with|no further action|nfa(?:d|ed)?)\b")
# What came and went: an emergency told as over ("ambulance came", "999 were called yesterday")
_CAME = frozenset({"came", "attended", "arrived", "took", "left", "went", "were", "was", "had"})
# "mum missed the conference": someone failed to come, no one went missing (the stem of "missing" is "miss")
_MISSED = frozenset(("miss", "missed", "misses"))
# where someone is now ("the thread had mum's new refuge address in it"): in a document, still where she is now
_WHEREABOUTS = frozenset({"address", "addresses", "postcode", "location", "whereabouts"})
_BEFORE_NOW = frozenset({"before", "previously", "until", "till", "til", "prior", "earlier", "historically", "previous",
                          "past", "historic", "historical"})
_OTHERS = frozenset({"else", "elses", "others"})
_RAISED_BY = [[w, "by"] for w in ("raised", "reported", "flagged", "noted", "logged", "shared")]
_HEDGES = frozenset({"as such", "technic", "exact", "strict", "per se"})  # stems
# "he didn't turn up to the conference": someone absent from a meeting, no one missing; not from school
_MEETINGS = frozenset("conference conferences meeting meetings review reviews appointment appointments hearing court "
                      "panel session sessions visit contact".split())
_SCHOOLING = frozenset("school college class lessons nursery home".split())
# Harm planned for a day to come: a list of names beside it is a list of targets, not of children counted
_PLANNED = frozenset({"radicalisation"})
# Harm from someone the child is to meet: told as about to happen after the cue, whatever paper tells it ("a referral
# about an 11yo sending images to an adult who is driving up to see her this weekend")
_MET_SOON = frozenset({"online", "sexual_exploitation", "criminal_exploitation", "trafficking"})
_SENDING_VERBS = ("text", "texted", "message", "messaged", "write", "wrote", "email", "emailed")
_ROLE = frozenset(("coach", "coaches", "teacher", "teachers", "instructor", "instructors", "volunteer", "volunteers",
                   "leader", "leaders", "lead", "manager", "officer", "worker", "staff"))  # "swimming coach"
# What crashes, bangs or breaks down in an office: "my work email keeps crashing", "the laptop took a battering"
_MACHINES = frozenset("email emails laptop laptops computer computers pc system systems app apps phone outlook teams "
                      "server website portal printer fax machine software network wifi internet mosaic".split())


def _machine_before(tokens: list[str], lo: int, start: int) -> bool:
    """A machine named just before a cue ("the laptop crashed"), not a police constable saying who writes: "PC here,
    attended a domestic last night", "PC at a DV incident."."""
    return any(t in _MACHINES and not (t == "pc" and (tokens[i + 1:i + 2] == ["here"] or (
        i == 0 and tokens[1:2] and tokens[1] in _CONSTABLE_AFTER))) for i, t in enumerate(tokens[lo:start], lo))


# Staff as the ones a parent's behaviour was aimed at: "abusive to our admin staff", "aggressive towards reception"
_AT_STAFF = re.compile(r"(?:to|towards|toward|at) (?:our |the |my )?(?:\w+ )?(?:staff|reception|receptionists?|"
                       r"colleagues?|team|office|admin)\b(?! and\b)")
# A worry named by its harm: "neglect concerns", "DV worries"
_WORRIES = frozenset("concern concerns worry worries fears issues".split())
_HOSTILE = frozenset("abusive aggressive threatening hostile violent intimidating".split())
# Acts no accident makes (as stems): a slap, a punch, a choke is done on purpose whoever saw it
_DELIBERATE = frozenset(("slap", "punch", "strangl", "choke", "smother", "smack"))
_ARGUING = frozenset(("argue", "argues", "argued", "arguing"))
# What rings or is written to, unanswered: "nobody answers the phone", "no one answering emails"
_LINES = frozenset("phone phones line lines calls call emails email messages switchboard".split())
# A police constable opening a message says where they are: "PC at a DV incident", "PC attending a domestic"
_CONSTABLE_AFTER = frozenset("at from attending attended on with in".split())


# "Safe" said of a way of sending, not of a child: "whatsapp isn't safe for this", "not safe to email it", "is that
# a safe method?" (the protocol's question: is the channel secure)
_MEANS = _MACHINES | frozenset("fax faxes faxing text texts texting sms whatsapp gmail hotmail yahoo webmail post usb "
                               "stick dropbox drive cloud link links attachment attachments zip zips password passwords "
                               "channel method route".split())
_MEANS_AFTER = frozenset("way ways route routes method methods means channel channels option options enough system "
                         "systems platform app apps".split())
_SENT_AFTER = frozenset("email e-mail fax text whatsapp post forward share attach upload save store send print "
                        "message".split())
_SAFE = frozenset(("safe", "unsafe", "safely"))
_JUDGED = frozenset(("feels", "feel", "felt", "seems", "seem", "sounds", "sound"))
_NOT_SO = frozenset(("not", "isnt", "arent", "wasnt", "werent", "wont", "never", "no", "nt", "aint"))
_NONE_OF = frozenset(("no", "not", "without", "nor"))  # "no kids", "not child related"
_SERVICE_OF = frozenset(("carer", "carers", "parent", "parents", "team", "panel", "service", "agency"))  # "foster carer"
_RELATING = frozenset(("involving", "involved", "against", "towards", "toward", "around", "near", "with"))
_NOTHING = frozenset(("nothing", "never", "not", "no", "none"))
_FORMS = frozenset(("form", "forms"))  # a topic right after a cue only: "in form" is a form group
_POSTED = frozenset(("story", "status"))  # "put on his story 'bye everyone'": own words posted
# A note a person leaves or writes is that person's own words ("she left a note saying goodbye"), not a case paper
# (stems) a note left, written, or handed over by its writer: "the girl slipped me a note saying 'help me'"
_LEAVING_WORDS = frozenset(("left", "leav", "leave", "wrote", "write", "written", "slip", "slipped", "pass", "passed",
                            "hand", "handed", "gave", "give"))
_OWN_WORDS = frozenset(("note", "letter", "message"))
_VISITS = frozenset(("visit", "meet", "session"))  # stems: "a housing assessment visit", "a review meeting"
_RESULTS = frozenset(("lost", "won", "beat", "drew", "draw", "losing", "winning", "smashed", "battered", "thrashed",
                      "hammered", "beaten", "stuffed", "walloped"))
# "just" before these means "only": "just the initials", "just a name", "just PID"
_ONLY_BEFORE = frozenset(("a", "an", "the", "pid", "data", "info", "information", "initials", "names", "numbers",
                          # "just asking them to ring me", "just to let you know", "just checking"
                          "asking", "ask", "checking", "check", "wondering", "wanting", "to", "so", "saying",
                          "sending", "send", "letting", "let", "quickly", "quick"))
_JOKING = frozenset(("laughing", "laughed", "laugh", "joking", "joke", "banter", "lol", "haha", "messing", "mucking"))
# A threat or a row in play: a joke told in the same sentence ("'I'm gonna murder you' ... both laughing"). For an
# emotional-abuse word only the user's own joke counts ("the homework policy is 'emotional abuse' lol"): a child
# calling it "banter", or laughing, is minimising, and the worry stays
_JOKES_BY_CATEGORY = {"general": _JOKING, "domestic": _JOKING,
                      "emotional": frozenset(("lol", "haha", "joking", "joke"))}
# "laughed it off": a child hiding a worry, not children joking
_LAUGHED_OFF = re.compile(r"\blaugh(?:ed|s|ing)? it off\b")
# "no other concerns": none beyond what was just told, which is the concern ("no further concerns" closes a case)
_BESIDES = frozenset(("other", "additional", "extra"))
_ALLEGATION = "alleg"  # the stem of "allegation" is that of "alleged": see _reported
_AFTER_A_MATTER = frozenset(("on", "against", "of", "about", "was", "were", "is", "from", "made", "in"))


def _past_year(token: str) -> bool:
    """A year before this one ("2019"), or a decade gone ("the 90s", "the 1980s")."""
    return (len(token) == 4 and token.isdigit() and 1950 <= int(token) < date.today().year) \
        or _PAST_DECADE.fullmatch(token) is not None


_PAST_DECADE = re.compile(r"(?:19)?[5-9]0s")


# Explanations that change are the worry, not an answer to it: "a different story every time"
_CHANGING = re.compile(r"\b(?:different|changing|changed|new|another|conflicting)\s+(?:story|stories|explanation|"
                       r"explanations|excuse|excuses|version|versions)\b|\bstor(?:y|ies)\s+(?:has\s+|have\s+|keeps?\s+)?"
                       r"chang|"
                       # ... as is one always ready: "mum always has a reason", "there's always an excuse"
                       r"\balways (?:has |got |have |gives |comes up with )?(?:a |an )?(?:reason|excuse|explanation|story)\b|"
                       # ... as are injuries that keep coming, each explained: "third injury this term", "they're
                       # adding up" (NICE CG89: repeated injuries)
                       r"\b(?:second|third|fourth|fifth|another|repeated) (?:injury|injuries)\b|"
                       r"\b(?:injuries|they'?re|they are|it'?s|its) (?:all )?adding up\b",
                       re.IGNORECASE)
_DECADE = re.compile(r"([2-9]0)s")


def _posted(tokens: Sequence[str], i: int) -> bool:
    """The act's object goes through a letterbox: post, never a person ("push them through the letterbox")."""
    after = tokens[i + 1:i + 6]
    return "letterbox" in after or "letterboxes" in after or any(
        after[k:k + 2] == ["letter", "box"] for k in range(len(after) - 1))


# Ages written as words ("one of my youth club lot (thirteen)"); not one to four, which are everyday words
_AGE_WORDS = {w: n for n, w in enumerate("five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                                         "sixteen seventeen eighteen nineteen".split(), start=5)}
_DURATIONS = frozenset("years year yrs months month weeks week wks days day nights night hours hrs mins minutes "
                       "ago".split())
_TENS = {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty".split(), start=2)}
_TENS.update({w + "ies": 10 * n for w, n in (("twent", 2), ("thirt", 3), ("fort", 4), ("fift", 5), ("sixt", 6))})
_UNITS = {w: n for n, w in enumerate("one two three four five six seven eight nine".split(), start=1)}
_AGE_WORD = re.compile(r"(\d{1,2})(?:yo|yrs?|yr?o)s?")
_SIXTH_FORM_ADULT = re.compile(r"y(?:ea)?r?1[3-9]")  # year 13 and on: 18, an adult
_ADULT_AGE = re.compile(r"(?:1[89]|[2-9]\d)(?:yo|yrs?|yr?o|y)s?")  # "19yo", "30yrs": an adult's age
_SCHOOL_YEAR = re.compile(r"y(?:ea)?r?(\d{1,2})")


# a no taken back at once: "nothing urgent really, except ...", "no concerns apart from ..."
_EXCEPT = frozenset({"except", "apart", "besides"})


def _told_ages(text: str) -> list[int]:
    """The ages _TOLD_AGE finds: digits, or a word in brackets ("(thirteen)")."""
    groups = (next(g for g in m.groups() if g) for m in _TOLD_AGE.finditer(text))
    return [int(g) if g.isdigit() else _AGE_WORDS.get(g.lower(), 99) for g in groups]


def _age_of(tokens: list[str], i: int) -> int | None:
    """The age a token gives ("15yo", "30" in "a 30 yr old man", "9" in "year 9": about 14, "20s": 20), or None."""
    token = tokens[i]
    if token in _AGE_WORDS and (tokens[i - 1:i] == ["aged"] or tokens[i + 1:i + 3] in (["year", "old"], ["years", "old"])
                                or tokens[i + 1:i + 2] == ["yo"]):
        return _AGE_WORDS[token]  # "aged thirteen", "a fourteen year old"
    if token in _TENS:  # "he's thirty four", "in his forties"
        return _TENS[token] + _UNITS.get(tokens[i + 1] if i + 1 < len(tokens) else "", 0)
    if not token[-1:].isdigit() and not token[:1].isdigit():
        return None  # most words: no digit at either end, so no age
    if token.isdigit() and len(token) <= 2:
        if tokens[i + 1:i + 2] and tokens[i + 1] in _DURATIONS and tokens[i + 2:i + 3] != ["old"]:
            return None  # "a case closed 2 years ago", "for 3 weeks": a time, not an age
        if i and tokens[i - 1] in ("year", "yr", "y") and 7 <= int(token) <= 11:
            return int(token) + 5  # a school year: year 9 is 13 to 14
        return int(token)
    decade = _DECADE.fullmatch(token)  # "three blokes in their 20s": at least 20
    if decade is not None:
        return int(decade.group(1))
    found = _AGE_WORD.fullmatch(token) or _SCHOOL_YEAR.fullmatch(token)
    if found is None:
        return None
    return int(found.group(1)) + (5 if token.startswith("y") else 0)


_ALONE = frozenset({("on", "his", "own"), ("on", "her", "own"), ("on", "their", "own"), ("no", "adult"),
                    ("no", "adults")})
_YOUNG = frozenset("toddler toddlers baby babies infant infants newborn 1yo 2yo 3yo 18mo".split())
_ALONE_OK = frozenset("sleep sleeps sleeping slept play plays playing played walk walks walking walked feed feeds "
                      "feeding settle settles settling sit sits sitting sat cope copes coping crawl crawls crawling "
                      "bath room cot bed".split())


def _sentence_bounds(words: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding words[start:end] begins and ends (tokens and their stems share the _END marks)."""
    lo, hi = start, end
    while lo > 0 and words[lo - 1] != _END:
        lo -= 1
    while hi < len(words) and words[hi] != _END:
        hi += 1
    return lo, hi


def _clause_after(tokens: list[str], end: int) -> list[str]:
    """The words after a cue up to its clause's end."""
    k = end
    while k < len(tokens) and tokens[k] not in (_END, _PAUSE):
        k += 1
    return tokens[end:k]


def _young_alone(tokens: list[str], start: int, end: int) -> bool:
    """A baby or a toddler told to be with no adult, in the same sentence ("toddler on his own, parents nowhere",
    "no adult here, just a 3 year old and a baby"), not a young child doing something alone ("sleeps on her own")."""
    if tuple(tokens[start:end]) not in _ALONE:
        return False
    lo, hi = _sentence_bounds(tokens, start, end)
    sentence = tokens[lo:hi]
    young = _YOUNG.intersection(sentence) or any(
        (age := _age_of(tokens, k)) is not None and age <= 3 and tokens[k + 1:k + 3] in (["year", "old"], ["yr", "old"])
        for k in range(lo, hi))
    return bool(young) and not _ALONE_OK.intersection(tokens[max(lo, start - 3):end + 3])


# Pregnancy or emergency contraception: sexual activity, which under 16 is below the age of consent
_PREGNANT = frozenset({"pregnant", "pregnancy", "contraception"})
_MOTHERS = frozenset({"mum", "mums", "mother", "mothers", "mam", "mom", "stepmum", "nan", "auntie", "aunt", "sister",
                      "carer", "teacher", "colleague", "woman", "lady", "parent"})


_PARTNERS = frozenset({"partner", "partners"})
_MOTHERS_AND_FATHERS = frozenset({"mum", "mums", "mother", "mothers", "mam", "mom", "dad", "dads", "father", "fathers",
                                  "parent", "parents", "nan", "nans", "gran", "grans", "grandma", "stepmum", "stepdad"})


def _pregnant_children(tokens: list[str]) -> Iterator[tuple[int, int]]:
    """Each "pregnant" told of a child whose age under 16 comes shortly before it in its sentence ("she's 12,
    about six weeks pregnant", "a 14 year old who is pregnant"), with that age; not a mother's ("the 4yo's mum
    is pregnant": a woman named between), nor a time ("12 weeks pregnant" is no age)."""
    for i, token in enumerate(tokens):
        if token not in _PREGNANT:
            continue
        for k in range(i - 1, max(-1, i - 11), -1):  # ("12 yr old came in with mum for a pregnancy test")
            if tokens[k] == _END or (tokens[k] in _MOTHERS and tokens[k - 1:k] != ["with"]):
                break  # (a mother who came with the child is no mother named as pregnant: "came in with mum for a
                # pregnancy test")
            age = _age_of(tokens, k)
            if age is not None:
                if 10 <= age <= 15:
                    yield i, age
                break


class HarmReader:
    """Built once from harm.yaml; `assess` is a pure function of the text."""

    def __init__(self, words: HarmWords, tokens: Callable[[str], list[str]]):
        self.words = words
        self._tokens = tokens
        self._stemmer = snowballstemmer.stemmer("english")
        self._cache: dict[str, str] = {}
        self._titles = {c.id: c.title for c in words.categories}
        self._timeless = frozenset(c.id for c in words.categories if c.timeless)
        # as written: "turned up" ends a child's going missing, "she always turns up" does not
        self._over = {c.id: [tuple(self._tokens(p)) for p in c.resolved] for c in words.categories}
        self._safe_stem = self.stem("safe")  # a word for safe itself, among the `resolved` phrases' stems
        self._links = {c.id: [self._phrase(p) for p in c.linked_by] for c in words.categories if c.linked_by}
        self._by_first: dict[str, list[_Phrase]] = {}
        self._acts: dict[str, str] = {}
        written = frozenset(w for p in words.cues_written for w in self._tokens(p))
        for category in words.categories:
            for phrases, clear, weak in ((category.clear, True, False), (category.signs, False, False),
                                         (category.weak, False, True)):
                for phrase in phrases:
                    stems = self._phrase(phrase)
                    if stems:
                        surface = tuple(t for t in self._tokens(phrase) if weak or t in written)
                        self._by_first.setdefault(stems[0], []).append(
                            _Phrase(stems, category.id, clear, weak, surface, frozenset(stems[1:])))
            for act in category.acts:
                for stem in self._phrase(act):
                    self._acts.setdefault(stem, category.id)
        for found in self._by_first.values():
            found.sort(key=lambda p: (-len(p.stems), not p.clear))
        self._people = self._set(words.people)
        # "a kid on my caseload is getting hit": an act told in the passive names the one it is done to first,
        # as far back as its clause goes
        self._passive = self._set(("get", "gets", "getting", "got", "gotten", "being", "been", "is", "was", "are",
                                   "were"))
        self._fillers = self._set(words.fillers) | self._people
        self._lists = {name: [self._phrase(p) for p in getattr(words, name)]
                       for name in ("negations", "terminators", "reporters", "documents", "history", "immediate",
                                    "no_harm", "not_harm", "managed", "recent", "resolved", "not_real",
                                    "current", "soon", "children", "groups", "adults", "child_data", "topic_of", "unsure",
                                    "ongoing", "hedges", "seem_fine", "handover", "unactioned")}
        self._lists["recent"] += self._lists["handover"]  # a child handed over is a child's now
        self._held = [self._phrase(p) for p in _HELD]
        self._still = self._phrase("still")
        # Innocent causes match as written, not by stem: "slipped" is not "let slip", "tripped" not "a train trip".
        self._lists["explained"] = [tuple(self._tokens(p)) for p in (*words.explained, *words.conditions)]
        self._lists["conditions"] = [tuple(self._tokens(p)) for p in words.conditions]
        # So do words for what is not real: "training" is not "the train station", "course" not "of course"
        self._lists["not_real"] = [tuple(self._tokens(p)) for p in words.not_real]
        self._lists["history_written"] = [tuple(self._tokens(p)) for p in words.history_written]
        # "the A&E report" names a document; it does not report anyone's words ("reported", "reports")
        self._document_stems = self._set(words.documents)
        self._reporters = self._set(words.reporters) - self._document_stems
        # "asked me to text the family": a way of sending asked for, not someone's words reported
        self._sent_not_said = self._set(_SENDING_VERBS) & self._reporters
        self._posted = self._set(_POSTED)  # a social-media story or status carries its writer's own words
        self._lists["reporters"] = [p for p in self._lists["reporters"] if not set(p) <= self._document_stems]
        self._adults = self._set(words.adults)
        self._topics = frozenset(w for p in words.topics for w in self._tokens(p))  # as written: "lead" is not "led"
        self._no_stems = self._set(("no", "without"))  # before a document word: "no paperwork" names none
        self._firsts: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        for name, stemmed in self._lists.items():
            firsts = self._firsts[name] = {}
            for words_ in stemmed:
                if words_:
                    firsts.setdefault(words_[0], []).append(words_)

    def __getstate__(self) -> dict[str, object]:  # a kept Assistant (dialogs/kept.py): the stemmer is C, made anew
        state = dict(self.__dict__)
        del state["_stemmer"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._stemmer = snowballstemmer.stemmer("english")

    def title(self, category: str) -> str:
        return self._titles.get(category, category)

    # -- words ------------------------------------------------------------
    def stem(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            # an adverb in -ely is kept whole: the stemmer makes "extremely rare" the "extreme" of extreme views;
            # a "not" run into its helping verb is the not: "haven't been fed" is "not been fed"
            stem = self._cache[word] = word if word.endswith("ely") else "not" if word in _NOT_JOINED \
                else self._stemmer.stemWord(word)
        return stem

    def _phrase(self, phrase: str) -> tuple[str, ...]:
        return tuple(self.stem(w) for w in self._tokens(phrase))

    def _set(self, phrases: Iterable[str]) -> frozenset[str]:
        return frozenset(s for p in phrases for s in self._phrase(p))

    # -- reading ------------------------------------------------------------
    def is_act(self, words: str) -> bool:
        """One word for hurting someone, read only with a person near ("hit", "strangle"), not a phrase that is
        clear on its own ("bruises")."""
        return " " not in words.strip() and self.stem(words.strip()) in self._acts

    def _linked(self, category: str, stems: list[str]) -> bool:
        """The message makes the link the category's signs need (harm.yaml `linked_by`), or it needs none."""
        links = self._links.get(category)
        return links is None or any(phrase and tuple(stems[i:i + len(phrase)]) == tuple(phrase)
                                    for phrase in links for i in range(len(stems)))

    def assess(self, text: str) -> HarmAssessment:
        tokens: list[str] = []
        # a sign queried in brackets is a possibility: "a 15yo (self harm?)" reads "(maybe self harm)"
        text = _QUERIED.sub(r"(maybe \1)", text or "")
        for sentence in _SENTENCE.split(text):
            for clause in _CLAUSE.split(sentence):
                tokens += self._tokens(clause) + [_PAUSE]
            tokens[-1:] = [_END]
        stems = [t if t in (_END, _PAUSE) else self.stem(t) for t in tokens]
        quoted = self._quoted_safe(text or "")
        said = list(self._safe_told(stems, quoted=quoted))
        resolved = bool(said)
        safe_said = any(self._safe_stem in words for words in said)  # a word for safe itself, not "settled"
        # read once: the no, whether hedged, whose; not a no of the past ("a lovely family, no concerns before"),
        # which says nothing of now
        # ("no previous concerns": a word of the past inside the no is a no of the past too)
        no_spans = [(s, e) for s, e in self._find(stems, "no_harm") if not _BEFORE_NOW.intersection(tokens[s:e + 1])
                    # "nothing urgent really, except his dad smashed up the flat": a no the user takes back at once
                    and not _EXCEPT.intersection(tokens[e:e + 3])
                    # "no concerns raised by anyone else as far as I know": others' silence, not the user's no
                    and not _OTHERS.intersection(tokens[e:e + 5]) and tokens[e:e + 2] not in _RAISED_BY]
        said_no = {k for s, e in no_spans for k in range(s, e)}
        # "He's NOT in danger as such": a no the user hedges ("as such", "technically", "exactly") is asked about
        hedged = next((" ".join(tokens[s:e + 2]) for s, e in no_spans
                       if " ".join(stems[e:e + 2]) in _HEDGES or stems[e:e + 1] and stems[e] in _HEDGES), None)
        own_no = any(not self._reporters.intersection(stems[max(0, s - 4):s]) for s, _ in no_spans)
        blocked = said_no | self._everyday(stems)
        changing = bool(_CHANGING.search(" ".join(tokens)))  # "a different story every time": read once
        cues: list[Cue] = []
        taken: set[int] = set(blocked)
        dropped: list[str] = []  # why cues read were dropped: "explained", "innocent", or another reason
        over: set[str] = set()  # the words of signs told as over: "MARAC was Thursday ... the MARAC actions"
        for start, end, phrase in self._phrase_hits(tokens, stems, taken):
            told = len(dropped)
            cue = self._read(tokens, stems, start, end, phrase.category, phrase.clear, resolved, own_no, changing,
                             dropped, quoted=quoted, safe_said=safe_said)
            if dropped[told:] == ["over"]:
                over.add(" ".join(stems[start:end]))
            elif cue is not None and not phrase.clear and " ".join(stems[start:end]) in over:
                dropped.append("over")  # the same sign said again: the one already told as over
                continue
            if cue is not None and cue.level is HarmLevel.YES and start and tokens[start - 1] == "any":
                # "asking for attendance, behaviour and any safeguarding concerns": whether there are any, asked or
                # listed, not one told (ConText: a hypothetical); the harm question asks it
                cue = replace(cue, level=HarmLevel.MAYBE, reading="any")
            if cue is not None:
                if phrase.weak and not cue.reading and _young_alone(tokens, start, end):
                    # a toddler or a baby with no adult: "toddler on his own, parents nowhere, hob is on" (not "the
                    # baby sleeps on her own now")
                    cues.append(replace(cue, level=HarmLevel.YES))
                    continue
                cues.append(replace(cue, reading="weak") if phrase.weak and not cue.reading else cue)
        for i, stem in enumerate(stems):
            category = self._acts.get(stem)
            if category is not None and i in taken and self._done_by_to(tokens, stems, i):
                # a sign that is also an act, done by someone to someone: "dad burnt her with his lighter" is an
                # act, not a burn seen ("a burn on her hand")
                sign = next((c for c in cues if c.words == tokens[i] and c.level is HarmLevel.MAYBE
                             and not c.reading), None)
                if sign is not None and (cue := self._read(tokens, stems, i, i + 1, category, True, resolved, own_no,
                                                           changing, act=True, quoted=quoted)) is not None:
                    cues[cues.index(sign)] = cue
                continue
            if category is None or i in taken or not self._person_near(stems, i) \
                    or (category == "sexual" and self._done_to_a_thing(stems, i)) \
                    or _posted(tokens, i) \
                    or self._insisting(tokens, i):  # "kicked the door in" still counts
                continue
            cue = self._read(tokens, stems, i, i + 1, category, True, resolved, own_no, changing, act=True,
                             quoted=quoted)
            if cue is not None:
                cues.append(cue)
        for i, age in _pregnant_children(tokens):
            if i in taken and age < 13:
                # a sign already read there ("a pregnancy test"), of a child under 13: clear, as below
                cues = [replace(c, level=HarmLevel.YES) if c.category == _SEXUAL and c.level is HarmLevel.MAYBE
                        and not c.reading and tokens[i] in c.words.split() else c for c in cues]
            elif i not in taken:
                # under 13 a child cannot consent in law (Sexual Offences Act 2003): a clear sign; 13 to 15, asked
                cue = self._read(tokens, stems, i, i + 1, _SEXUAL, age < 13, resolved, own_no, changing, dropped,
                                 quoted=quoted, safe_said=safe_said)
                if cue is not None:
                    cues.append(cue)
        gap = self._age_gap(tokens, stems, text or "")
        if gap is not None:
            cues.append(gap)
        if not said_no and any(c.category == _FGM and c.reading == "past" for c in cues) and _girl_here(tokens):
            # "mum had FGM herself as a child, new baby girl born last week": a girl whose mother has had FGM is at
            # risk of it (multi-agency statutory guidance on FGM), whatever else the message reads like: asked
            cues = [replace(c, reading="inherited") if c.category == _FGM and c.reading == "past" else c for c in cues]
        if (_ADULT_NOW.search(text or "") or _OWN_CHILDHOOD.search(text or "")) and not self._aged(tokens, text or ""):
            # "a care leaver, now 34", "a 45 year old client", "I was ... as a child myself": harm told as past
            # happened to an adult's childhood; a sign already doubted (denied, in a document) is no child's now.
            # An adult's past that puts a girl at risk now (a mother's FGM) stays
            cues = [c for c in cues if not c.reading or c.reading in ("weak", "inherited")] if not any(
                True for _ in self._find(stems, "recent")) else [c for c in cues if c.reading != "past"]
        if cues and self._no_child_here(tokens, stems, text or ""):
            cues = []  # "a colleague (lives alone, no kids) ... her ex has been abusive": no child in it, said so
        if not said_no and any(c.reading == "past" for c in cues) and any(True for _ in self._find(stems, "ongoing")):
            # a clear sign told as before ("she told me last week her stepbrother's been touching her"), the child
            # still with it now ("she's still living with him"): now
            cues = [replace(c, level=HarmLevel.YES, reading="ongoing") if c.reading == "past" else c for c in cues]
        if not said_no and any(c.reading == "document" for c in cues) \
                and any(True for _ in self._find(stems, "unactioned")):
            # a clear sign written down that nobody has acted on ("a note from yesterday that mum disclosed ...,
            # and nothing's been actioned"): the paper does not make it the past; the child is still there
            cues = [replace(c, level=HarmLevel.YES, reading="unactioned") if c.reading == "document" else c
                    for c in cues]
        cues.sort(key=lambda c: (c.level is not HarmLevel.YES, bool(c.reading)))
        if cues:  # how the signs add up: each reading of the whole text done once
            now, child = self._now(stems, tokens), self._child(tokens, stems, text)
            # the user unsure it is a worry at all: signs that are not clear on their own stay asked about (the
            # protocol: not sure, discuss with your manager or ring the Hub)
            unsure = any(True for _ in self._find(stems, "unsure"))
            if not said_no and not unsure and self._corroborated(cues, now):
                cues = [replace(c, level=HarmLevel.YES, reading="together") if c.reading in ("", "weak") else c
                        for c in cues]
            # (not with the user's word that the children are fine or safe now: "the children seem fine at the
            # moment" leaves a parent's drinking asked about)
            seeming = resolved or any(True for _ in self._find(stems, "seem_fine"))
            if not said_no and not unsure and not seeming and child \
                    and (now or self._soon(stems, tokens) or self._disclosed(text)):
                # a sign told of a child as now, or soon, or in someone's own words quoted: ring. Not a sign whose
                # category needs a link the message does not make (an adult "charged", in no child's household)
                cues = [replace(c, level=HarmLevel.YES, reading="now")
                        if c.level is HarmLevel.MAYBE and c.reading in ("", "weak", "hedged")
                        and self._linked(c.category, stems)
                        else c for c in cues]
            if all(c.reading == "weak" for c in cues) and not (child and now) and not (child and unsure):
                # everyday words on their own ("hungry caterpillar"), not told of a child now: nothing (not with the
                # user asking whether to worry: "Y3 kid is often hungry ... Should I be worried?" is asked about)
                cues = []
        if any(c.category == "parent_crisis" for c in cues) and any(True for _ in self._find(stems, "handover")):
            # a parent's state told at the moment the child is handed to them ("dad smelt of drink at pickup"): the
            # child is leaving with that parent, so asked about however everyday the rest reads
            cues = [replace(c, reading="handover") if c.category == "parent_crisis" and c.level is HarmLevel.MAYBE
                    and not c.reading else c for c in cues]
        injuries = [c for c in cues if c.category == _PHYSICAL and c.level is HarmLevel.MAYBE and c.reading in ("", "weak")]
        if injuries and not said_no and any(m.group(1) in _BLAMERS for m in _BLAMED.finditer(" ".join(tokens))):
            # an injury seen, and put down to a parent or an adult by whoever tells it ("lad showed me burns, says
            # stepdad did it"): a disclosure, rung (not "says he fell", an explanation; not denied: "says mum
            # didn't do it" is read by the negation)
            cues = [replace(c, level=HarmLevel.YES, reading="blamed") if c in injuries else c for c in cues]
        sexual = [c for c in cues if c.category == _SEXUAL and c.level is HarmLevel.MAYBE and not c.reading]
        if sexual and not any(c.level is HarmLevel.YES for c in cues) and self._child_ages(tokens, stems, text or ""):
            # a sign of sexual activity with a child's age under 16 told ("Y10 girl (14) thinks she might be
            # pregnant"): underage, so asked about however everyday the rest reads
            cues = [replace(c, reading="underage") if c in sexual else c for c in cues]
            if gap in cues and not said_no:
                # ... and an adult years older told beside it ("13, came in for emergency contraception, the
                # 'partner' is 19"): an adult's offence against a child, rung
                cues = [replace(c, level=HarmLevel.YES, reading="underage") if c.reading == "underage" or c is gap
                        else c for c in cues]
        if any(c.level is HarmLevel.YES for c in cues):
            # (not one told as over: "ambulance came, kids are at their grandad's", "the police attended")
            immediate = any(not self._negated(stems, s) and not _CAME.intersection(tokens[e:e + 2])
                            for s, e in self._find(stems, "immediate"))
            return HarmAssessment(HarmLevel.YES, tuple(cues), immediate, about_harm=True)
        if cues:  # with "no concerns" said too, a clear cue is still asked about
            return HarmAssessment(HarmLevel.MAYBE, tuple(cues), about_harm=True)
        if said_no and hedged:
            return HarmAssessment(HarmLevel.MAYBE, (Cue(hedged, "general", HarmLevel.MAYBE, "hedged"),))
        if said_no:
            return HarmAssessment(HarmLevel.NO, about_harm="read" in dropped)
        if dropped and set(dropped) <= {"explained", "innocent", "thing"}:
            # every word of harm read was an injury explained ("broke his wrist on the trampoline ... the
            # fracture clinic letter confirms it") or not about a child ("it's gone missing"): no untold story
            return HarmAssessment(None, explained=True, things=set(dropped) == {"thing"})
        if dropped and "over" in dropped and set(dropped) <= {"over", "innocent", "explained"}:
            # every sign read was told as over by the user ("bumped his head ... he's fine and back in the pool"),
            # or else was no sign ("the MARAC actions" after "the MARAC was on Monday ... safe in refuge"): nothing to
            # ask about, whatever a message like it usually tells
            return HarmAssessment(None, settled=True)
        disclosed = self._disclosed(text)
        if self._story(text, (tokens, stems)):
            if disclosed:  # someone's own words, reported about a child now: a disclosure
                return HarmAssessment(HarmLevel.YES, (Cue("", "general", HarmLevel.YES, "disclosure"),))
            return HarmAssessment(HarmLevel.MAYBE, (Cue("", "general", HarmLevel.MAYBE, "story"),))
        if disclosed and self._soon(stems) and self._story(text, (tokens, stems), now=False):
            # someone's own words about a child and what is about to happen ("... next week"): a disclosure
            return HarmAssessment(HarmLevel.YES, (Cue("", "general", HarmLevel.YES, "disclosure"),))
        if disclosed and self._child(tokens, stems, text) and self._now(stems, tokens) \
                and not ({"lol", "haha"}.intersection(tokens) and not _LAUGHED_OFF.search(" ".join(tokens))):
            # a child's (or a family's) own words quoted, just now, that no word here reads ("has just texted
            # 'goodbye, tell my sister im sorry'"): asked about, unless the message reads as everyday (not words
            # the user laughs at: "said 'my mum's gonna kill me' cos she lost her coat lol")
            return HarmAssessment(HarmLevel.MAYBE, (Cue("", "general", HarmLevel.MAYBE, "quoted"),))
        return HarmAssessment(None, about_harm=True) if "read" in dropped else NOTHING

    def _disclosed(self, text: str) -> bool:
        """Words in quotes after a word for telling in the same sentence ("she said 'he hurts me'", "posted a
        pic with 'bye everyone'"), in the story, not the question. A document's name is not telling: "the
        report" is not "reported"."""
        for told in _TOLD.findall(text):
            if (_QUESTION.match(told) and not _WHEN_TOLD.match(told)) or told.rstrip().endswith("?"):
                continue
            for quote in QUOTE.finditer(told):
                spoken = self._tokens(quote.group(0))
                if not (self._people.intersection(self.stem(w) for w in spoken) or _FIRST_PERSON.intersection(spoken)
                        or _PERSON_RUN_ON.intersection(spoken) or "everyone" in spoken or "you" in spoken):
                    continue  # "the SENCo says the portal is 'a faff'": words about a thing, no one in them
                before = [self.stem(w) for w in self._tokens(told[:quote.start()])]
                said = [i for i, w in enumerate(before) if w in self._reporters or w in self._posted]
                # "if I say 'the 9yo on X drug'": the user's own words, an example, not someone's disclosure
                # (nor "it just says '...'": a document's words; nor "text to a foster carer: '...'": the user's
                # message, sent)
                if said and not (said[-1] and before[said[-1] - 1] in ("i", "we", "it", "which")) \
                        and before[max(0, said[-1] - 2):said[-1]] != ["it", "just"] \
                        and not (before[said[-1]] in self._sent_not_said
                                 and before[said[-1] + 1:said[-1] + 2] == ["to"]):
                    return True
        return False

    def _means_safe(self, tokens: Sequence[str], stems: Sequence[str], start: int, end: int, lo: int,
                    hi: int) -> bool:
        """"Safe" said of a way of sending: a means just before it with no person between ("gmail isn't safe"), or
        after it a word for a means or a sending of a thing ("not a safe method", "not safe to email it"; not "not
        safe to send him home")."""
        before = range(max(lo, start - 3), start)
        if any(tokens[i] in _MEANS or tokens[i] in _JUDGED for i in before) \
                and not self._people.intersection(stems[max(lo, start - 4):start]):
            return True  # (or a plan judged, no one named: "that feels a bit unsafe")
        after = tokens[end:min(hi, end + 3)]
        if after[:1] and after[0] in _MEANS_AFTER:
            return True
        return after[:1] == ["to"] and len(after) > 1 and after[1] in _SENT_AFTER \
            and not (len(after) > 2 and (after[2] in ("him", "her", "them", "home", "back")
                                         or self.stem(after[2]) in self._people))

    def _everyday(self, stems: list[str]) -> set[int]:
        """Words inside a `not_harm` phrase; one ending in "me" only when no person comes just before
        it ("this deadline is killing me", not "they'll kill me")."""
        out: set[int] = set()
        me = self.stem("me")
        for s, e in self._find(stems, "not_harm"):
            if stems[e - 1] == me and (self._people - {me}).intersection(stems[max(0, s - 3):s]):
                continue
            out.update(range(s, e))
        return out

    def _child_ages(self, tokens: list[str], stems: list[str], text: str = "") -> list[int]:
        """The ages under 16 told of a child: "a 14 year old", "the 13yo", "Kayden (4)"."""
        ages = [age for i in range(len(tokens)) if (age := _age_of(tokens, i)) is not None and age <= 15
                and (_AGE.fullmatch(tokens[i]) or tokens[i + 1:i + 3] in (["year", "old"], ["yr", "old"])
                     or any(True for _ in self._find(stems[max(0, i - 3):i + 4], "children")))]
        # "one of my youth club lot (thirteen)", "Kayden (4)": an age in brackets is a child's
        return ages + [a for a in _told_ages(text) if a <= 15]

    def _age_gap(self, tokens: list[str], stems: list[str], text: str = "") -> Cue | None:
        """A child's age and an adult's (next to a word for a man or partner), `age_gap` years or more apart."""
        adults = self._adults
        adult_ages = []
        for i in range(len(tokens)):
            age = _age_of(tokens, i)
            if age is not None and 18 <= age <= 70 and any(
                    stems[k] in adults
                    # a parent's partner is the parent's ("mum's new partner is 26"), not the child's
                    and not (tokens[k] in _PARTNERS and _MOTHERS_AND_FATHERS.intersection(tokens[max(0, k - 2):k]))
                    for k in range(max(0, i - 5), min(len(stems), i + 5))):
                adult_ages.append((age, i))  # "a bloke who looked mid 30s"
        if not adult_ages:
            return None
        child_ages = self._child_ages(tokens, stems, text)
        if not child_ages:
            return None
        age, i = max(adult_ages)
        if age - min(child_ages) < self.words.age_gap:
            return None
        words = " ".join(t for t in tokens[max(0, i - 1):i + 4] if t not in (_END, _PAUSE))
        return Cue(words, "sexual_exploitation", HarmLevel.MAYBE)

    def _soon(self, stems: list[str], tokens: Sequence[str] = ()) -> bool:
        """Told as about to happen ("likely to suffer"): tomorrow, this weekend, booked. Not a day that says when
        a meeting is ("MARAC's next Tuesday")."""
        return any(not self._negated(stems, s) and not (tokens and _times_an_event(tokens, s))
                   for s, _ in self._find(stems, "soon"))

    def _child(self, tokens: list[str], stems: list[str], text: str = "") -> bool:
        """A child word, or a child's age; not a child named only as the owner of data ("the child's name")."""
        data = self._spans(stems, "child_data")
        return any(data.isdisjoint(range(s, e)) for s, e in self._find(stems, "children")) \
            or self._aged(tokens, text)

    def _no_child_here(self, tokens: list[str], stems: list[str], text: str) -> bool:
        """Every child word says there is none ("lives alone, no kids", "not child related") and no child's age
        is given: the harm told is an adult's own."""
        found = [(s, e) for s, e in self._find(stems, "children")  # not "a foster carer", "the fostering team"
                 if tokens[s] != "fostering" and not _SERVICE_OF.intersection(tokens[e:e + 1])]
        return bool(found) and all(s and (tokens[s - 1] in _NONE_OF or tokens[s + 1:s + 2] == ["related"]
                                          # "nothing involving children", "never against kids"
                                          or (tokens[s - 1] in _RELATING and s > 1 and tokens[s - 2] in _NOTHING))
                                   for s, _ in found) and not self._aged(tokens, text)

    def _aged(self, tokens: list[str], text: str) -> bool:
        """A child's age: "14yo", "y9", "5 yo", "aged 6", "Kayden (4)", "15 y/o", "she's 9"."""
        if any(_AGE.fullmatch(t) and not _SIXTH_FORM_ADULT.fullmatch(t) and not _ADULT_AGE.fullmatch(t)
               for t in tokens):  # "y13" is 18, "19yo" an adult
            return True
        if any(t.isdigit() and int(t) < 18 and (tokens[i + 1:i + 2] in (["yo"], ["yrs"], ["yr"], ["y"])
                                                 or tokens[i - 1:i] in (["aged"], ["age"])
                                                 or (tokens[i - 1:i] in (["yr"], ["year"]) and int(t) <= 12))
               for i, t in enumerate(tokens)):
            return True
        return any(a < 18 for a in _told_ages(text)) \
            or any(_age_of(tokens, i) is not None and t in _AGE_WORDS for i, t in enumerate(tokens))

    def _corroborated(self, cues: list[Cue], now: bool) -> bool:
        """Worrying signs that add up: `corroborate` different ones told as happening now, or one more told any way."""
        signs = {c.words.lower() for c in cues if c.level is HarmLevel.MAYBE and c.reading in ("", "weak")}
        if not any(c.level is HarmLevel.MAYBE and not c.reading for c in cues):
            return False  # weak words add up only with a worrying sign
        return len(signs) > self.words.corroborate or (len(signs) == self.words.corroborate and now)

    def _now(self, stems: list[str], tokens: Sequence[str] = ()) -> bool:
        """Told as happening now. A negation before a time word is about the act, not the time ("she hasn't
        answered since"), except for `immediate`'s phrases ("not in immediate danger"). "Now" beside an adult's
        age ("the boy is now 19", "she's 23 now") tells how old someone is, not what is happening. "Just" as
        "only" ("or just PID", "just the initials") is no time word."""
        def adult_age(k: int) -> bool:
            return 0 <= k < len(stems) and stems[k].isdigit() and 18 <= int(stems[k]) <= 99

        def only(s: int) -> bool:  # "just" as "only": "or just PID", "just the initials"
            if not tokens or tokens[s] != "just":
                return False
            after = tokens[s + 1] if s + 1 < len(tokens) else ""
            return (s > 0 and tokens[s - 1] == "or") or after in _ONLY_BEFORE

        if any(_CLOCK.match(t) for t in tokens) and not self._soon(stems):
            return True  # "went out her window at 1am, not back": a time of day, told of today (not "tomorrow at 3pm")
        return any(not (e - s == 1 and stems[s] == "now" and (adult_age(s - 1) or adult_age(s + 1)))
                   and not (e - s == 1 and only(s))
                   # "up to now someone has been sending ...": until now, a habit told, not what is happening
                   and not (e - s == 1 and stems[s] == "now" and (stems[s - 1:s] in (["until"], ["till"], ["til"])
                                                                  or stems[max(0, s - 2):s] == ["up", "to"]))
                   # "what now?", "what do I do now?", "now what?": the user asking what to do, not a time told
                   and not (e - s == 1 and stems[s] == "now" and (stems[s - 1:s] in (["what"], ["do"])
                                                                  or stems[s + 1:s + 2] == ["what"]))
                   for name in ("current", "recent") for s, e in self._find(stems, name)) or any(
            not self._negated(stems, s) for s, _ in self._find(stems, "immediate")) or any(
            # what keeps happening: "keeps going missing", "keeps adding the kids on Facebook" (not "keep a diary")
            t in _KEEPS and k + 1 < len(tokens) and len(tokens[k + 1]) > 4 and tokens[k + 1].endswith("ing")
            for k, t in enumerate(tokens))

    def _story(self, text: str, whole: tuple[list[str], list[str]], now: bool = True) -> bool:
        """A description of a child's situation, told as happening now, that no word of harm.yaml matched.

        Only the sentences that are not the question count: "can I email the
        child's full name to my manager?" is a question, not a story. `whole` is the whole text's tokens and
        stems, as the caller has them: the child may be named in the question."""
        told = [s for s in _told_sentences(text or "") if not _PLAN.search(s)]
        words = [t for s in told for t in self._tokens(s)]
        if len(words) < self.words.story:
            return False
        stems = [self.stem(w) for w in words]
        # Told as now, it is asked about even where an answer could be given, unless it is past, managed or
        # not real; told at any time, only the user saying the child is safe, or that it is not real, stops it.
        # An innocent cause does not end a story: no word of harm was read for it to explain, and "at work" or
        # "lift" anywhere in it ("when mummy's at work") said nothing about the child.
        told_now = self._now(stems, words)
        over = ("not_real", "no_harm") + (("history", "managed") if now or not told_now else ())
        if (now and not told_now) or self._safe_now(stems) or any(True for name in over
                                         for _ in self._find(words if name == "not_real" else stems, name)):
            return False
        # an accident told twice over by the user ("PE lesson ... saw it happen"), not reported before it ("they
        # say mum's at work"): a story with its own explanation. One cause alone may be no cause: "a new bike he
        # can't explain" tells of no injury
        causes = [(s, tuple(words[s:e])) for s, e in self._causes(words)]
        if len({cause for _, cause in causes}) >= 2 and not self._reported(stems[:causes[0][0]]):
            return False
        return self._child(*whole, text)  # the child may be named in the question: "... a yr 3 lad's arms? he says"

    def tells_of_a_child(self, text: str) -> bool:
        """A story about one child, told at any time: when SafeShare must ask something anyway, harm comes first.
        Children in general ("the kids on our caseload") are a service, not a story about a child."""
        tokens = self._tokens(text)
        stems = [self.stem(t) for t in tokens]
        if not self._story(text, (tokens, stems), now=False):
            return False
        groups = self._spans(stems, "groups")
        one = any(groups.isdisjoint(range(s, e)) for s, e in self._find(stems, "children"))
        return one or self._aged(tokens, text)

    def _phrase_hits(self, tokens: list[str], stems: list[str], taken: set[int]) -> Iterator[tuple[int, int, _Phrase]]:
        """Each phrase found, longest first at each word; a word belongs to one phrase."""
        present = set(stems)
        for i, stem in enumerate(stems):
            if i in taken:
                continue
            for phrase in self._by_first.get(stem, ()):
                if not phrase.rest <= present:
                    continue  # a word of the phrase is nowhere in the text
                end = self._match(stems, i, phrase.stems)
                if end is not None and phrase.words and not set(phrase.words) <= set(tokens[i:end]):
                    continue
                if end is not None and not taken.intersection(range(i, end)):
                    taken.update(range(i, end))
                    yield i, end, phrase
                    break

    def _match(self, stems: list[str], start: int, phrase: tuple[str, ...]) -> int | None:
        """The end of `phrase` at `start`, letting up to `gap` filler words stand between its words."""
        k = start
        for n, want in enumerate(phrase):
            if n:
                k += 1
                skipped = 0
                while k < len(stems) and stems[k] != want and (stems[k] in self._fillers or _AGE.fullmatch(stems[k])
                                                               or _COUNT.fullmatch(stems[k])) \
                        and skipped < self.words.gap:  # "shut the 8yo in": an age stands for a person; a count
                    # stands between too ("missed 3 appointments")
                    k += 1
                    skipped += 1
            if k >= len(stems) or stems[k] != want:
                return None
        return k + 1

    def _person_near(self, stems: list[str], i: int) -> bool:
        """A person within `window` words, in either order, in the same clause; before an act told in the
        passive ("is getting hit"), twice as far back."""
        window = self.words.window
        for step in (-1, 1):
            k = i
            passive = step == -1 and i > 0 and stems[i - 1] in self._passive
            for _ in range(window * 2 if passive else window):
                k += step
                if not 0 <= k < len(stems) or stems[k] in (_END, _PAUSE):
                    break
                if stems[k] in self._people:
                    return True
        return False

    def _read(self, tokens: list[str], stems: list[str], start: int, end: int, category: str, clear: bool,
              resolved: bool = False, said_no: bool = False, changing: bool = False,
              dropped: list[str] | None = None, act: bool = False,
              quoted: frozenset[tuple[str, ...]] = frozenset(), safe_said: bool = False) -> Cue | None:
        """One cue read in its sentence. `changing`: the text tells of explanations that change, which no
        innocent cause explains away. The readings of a cue dropped go in `dropped`. `act`: someone doing it
        ("dad hit him"), which only a cause in its own sentence explains ("got hit in a rugby tackle"), not the
        accident of another ("he came off his bike. Dad hit him.")."""
        words = " ".join(tokens[start:end])
        lo, hi = _sentence_bounds(stems, start, end)
        # the cue's sentence, without the cue's own words ("non accidental" explains nothing)
        sentence = stems[lo:start] + [_PAUSE] * (end - start) + stems[end:hi]

        written = tokens[lo:start] + [_PAUSE] * (end - start) + tokens[end:hi]
        before = lo - 1  # the sentence before: "he fell off his scooter, I saw it. Can I send a photo of the bruises?"
        while before > 0 and stems[before - 1] != _END:
            before -= 1
        earlier = tokens[max(0, before):max(0, lo - 1)]

        # a worrying sign's own clause: a time word in another ("... be with his dad - dad passed away last year")
        # dates that clause, not the sign (ConText: a historical modifier's scope ends at a clause break). A clear
        # cue keeps its sentence: "failure to thrive ... all sorted, case closed" is over
        c_lo, c_hi = (start, end) if not clear else (lo, hi)
        while c_lo > lo and stems[c_lo - 1] not in (_END, _PAUSE):
            c_lo -= 1
        while c_hi < hi and stems[c_hi] not in (_END, _PAUSE):
            c_hi += 1
        clause, clause_written = stems[c_lo:start] + stems[end:c_hi], tokens[c_lo:start] + tokens[end:c_hi]

        def said(name: str) -> bool:
            if name == "history":
                # "history of" dates what follows it: "is missing since 6pm, history of CSE" is missing now
                cue_at = start - c_lo
                if _PAST_BEFORE.intersection(clause_written[max(0, cue_at - 2):cue_at]) or any(
                        clause_written[i] == "old" and not (i and (clause_written[i - 1] in _AGE_UNITS
                                                                   or clause_written[i - 1].isdigit()))
                        for i in range(max(0, cue_at - 2), cue_at)):
                    return True  # "a child's past injury", "a past neglect investigation" (not "the past few days"),
                    # "an old abuse report" (not "a 3 year old abused")
                # "their abuse history": a bare "history" right after the cue (not "a history lesson about ...")
                return any(True for _ in self._find(clause_written, "history_written")) \
                    or any(not (s >= cue_at and clause[e - 1] == "of") and not (
                        e - s == 1 and clause_written[s] == "history" and (s != cue_at or clause[e:e + 1] == ["of"]))
                           for s, e in self._find(clause, name))
            if name == "not_real":  # not "films it on his phone", "film his meltdowns": filming, done to a child
                return any(not (written[s] in _FILM and written[e:e + 1] and written[e] in _FILMED)
                           for s, e in self._find(written, name)) or bool(_BLANK_FORM.search(" ".join(written)))
            if name == "recent":  # not the time of a meeting: "the strategy meeting was yesterday re the 2yo with
                # the broken arm" dates the meeting, not the arm
                return any(not _MEETINGS.intersection(written[max(0, s - 3):s]) for s, _ in self._find(sentence, name))
            return any(True for _ in self._find(written if name == "explained" else sentence, name))

        after = stems[end:hi]  # "went missing ... was found safe"; not "came back, and now he's gone again"
        later = tokens[end:hi]
        # the return told next: "went missing overnight. He's back now and safe" (not "... She's back out again")
        back_next = category == "missing" and tokens[hi + 1:hi + 3] in (["he", "back"], ["she", "back"],
                                                                         ["they", "back"]) \
            and not ({"out", "off", "again"} | _NOT_YET).intersection(tokens[hi + 3:hi + 5])
        if back_next or self._safe_now(after, stems[lo:end], quoted) or self._safe_in(stems, lo, start, quoted) \
                or self._well_since(tokens, stems, lo, start, quoted) or any(
                True for phrase in self._over[category] for i in range(len(later))
                if tuple(later[i:i + len(phrase)]) == phrase
                and not _NOT_YET.intersection(later[max(0, i - 2):i])  # not "still hasn't been found"
                and not _BEFORE_NOW.intersection(later[max(0, i - 3):i])  # nor "previously been found in a crack house"
                and not _EXPECTED.intersection(later[max(0, i - 3):i])  # nor "she was due back at 8"
                and not (phrase == ("found",) and later[i + 1:i + 2] and later[i + 1] in _FOUND_A_THING)):
            if dropped is not None:
                dropped.append("over")
            return None  # the child is safe now, or this harm is over
        # "the file's gone missing", "our dog's been missing since Sunday": said of a thing or a pet
        of_a_thing = category == "missing" and ("it" in tokens[max(lo, start - 2):start] or (
            "missing" in words and bool(_THINGS.intersection(tokens[max(lo, start - 3):start])))
            or _thing_before(tokens, start))  # "their laptop hasn't arrived", "the laptop still hasn't arrived"
        out_of_a_thing = self._out_of_a_thing(tokens, stems, end, hi)  # "locked out of the case system"
        # "a storm due to batter the town", "the dads battered the kids at darts": said of the weather, or a score
        unhurt = category == "physical" and (bool(_WEATHER.intersection(written)) or _beaten_at(written))
        # "I really struggle with the zip files": a hard time with a thing, not a crisis
        unhurt = unhurt or _struggle_with_a_thing(tokens[start:end], tokens[end:end + 4])
        # "verbally abusive to our admin staff": aimed at the user's own colleagues, no child
        unhurt = unhurt or (bool(_HOSTILE.intersection(tokens[start:end]))
                            and _AT_STAFF.match(" ".join(tokens[end:end + 5])) is not None)
        # "leave paper files locked in my car boot": a thing locked away, not a child
        unhurt = unhurt or (tokens[start] == "locked" and _thing_before(tokens, start))
        # "arguing that internal mail is secure": a case made, not a row
        unhurt = unhurt or (end - start == 1 and tokens[start] in _ARGUING and tokens[end:end + 1] == ["that"])
        # "nobody answers the phone" at an office: a line unanswered, not a house with no adult in it
        # (not "not answering the door or phone": a door unanswered is a home's)
        unhurt = unhurt or (any(t.startswith("answer") for t in tokens[start:end]) and "door" not in tokens[start:end]
                            and next((t for t in tokens[end:end + 2] if t not in ("the", "a", "their", "his", "her")),
                                     None) in _LINES)
        if ((said("not_real") or self._unreal_next(tokens, hi)) and not self._recent_of_the_sign(sentence, written)
            and not (category in _PLANNED and said("soon"))) \
                or (category == "physical" and _adults_own(tokens[max(lo, start - 3):start], tokens[start:end])) \
                or (words in _DISTRESS and _parent_distressed(tokens[max(lo, start - 3):start])) \
                or out_of_a_thing \
                or ((category in _USERS_OWN or words in _OWN_ALARM)
                    and _USER_SUBJECT.intersection(tokens[max(lo, start - 2):start])
                    # ("we've neglected the inbox" is the user's; "we've no idea where they are" names the child;
                    # "I have neglect concerns about a 4yo" is the user's worry about a child)
                    and not self._people.intersection(stems[start:end])
                    and not _WORRIES.intersection(tokens[end:end + 1])) \
                or (words in _OWN_ALARM and start == lo and end == hi) \
                or (category == "online" and _done_by_user(tokens[lo:start])) or (
                category == "missing" and (tokens[start] in _MISSED or (
                    _MEETINGS.intersection(tokens[lo:hi]) and tokens[start] in ("didnt", "hasnt", "not")
                    and not _SCHOOLING.intersection(tokens[lo:hi])) or (
                        self._document_near(stems[max(lo, start - 3):start + 1], tokens[max(lo, start - 3):start + 1])
                        and not self._on_a_plan(stems, max(lo, start - 6), start))
                                           or of_a_thing)) \
                or (self._topic_after(tokens[end:end + 12]) and not _by_a_gang(tokens[max(lo, start - 2):start], tokens[end:end + 1])) \
                or self._topic_before(stems, lo, start) \
                or _labelled_before(tokens[max(lo, start - 10):start]) \
                or (category == "parent_crisis" and tokens[start - 1:start] and tokens[start - 1] in _CHILDS) \
                or _score(tokens[lo:hi]) \
                or unhurt \
                or (_SAFE.intersection(tokens[start:end]) and self._means_safe(tokens, stems, start, end, lo, hi)) \
                or (category in ("domestic", "physical", "neglect") and _machine_before(tokens, max(lo, start - 3), start)
                    and not self._people.intersection(stems[max(lo, start - 3):start])
                    and not _WHEREABOUTS.intersection(tokens[end:end + 2])) \
                or (words == "neglected" and self._said_of_a_thing(tokens, stems, lo, start)) \
                or (words in ("neglecting", "neglected", "neglect") and self._thing_after(tokens, stems, end, hi)) \
                or (category == "self_harm" and _MYSELF.intersection(words.split()) and _JOKING.intersection(written)) \
                or (_JOKES_BY_CATEGORY.get(category, frozenset()).intersection(written)
                    and not _LAUGHED_OFF.search(" ".join(written))):
            # not a real child (training, statistics, fiction); "the file ... it's gone missing": a thing; "our
            # self-harm policy", "a county lines training video": a topic; "battered ... lost 7-0": a match; "'I'll
            # kill you' at his mate over Fortnite, both laughing": children's play
            if dropped is not None:
                # (locked out of the case system, a town battered by a storm, a darts match: a thing too, as a file
                # gone missing is)
                # (a kind of case named for the harm, "a closed neglect case": its papers are still about harm)
                dropped.append("thing" if of_a_thing or out_of_a_thing or unhurt
                               else "read" if _CASE.intersection(tokens[end:end + 2]) else "innocent")
            return None
        readings = []
        past_year = any(_past_year(t) for t in stems[lo:hi])
        just_before = stems[max(lo, start - 3):start]
        if self._negated(stems, start):
            readings.append("negated")
        elif any(e == len(just_before) for _, e in self._find(just_before, "hedges")):
            # a sign put as a possibility just before it (ConText: an uncertainty modifier): "maybe self harming?"
            # is asked about, never dropped (and rung when told of a child now, as an unhedged sign is)
            readings.append("hedged")
        # a worrying sign reads as a document's only in its own clause (ConText: a modifier's scope ends at a
        # clause break; c_lo is the sentence's start for a clear cue): "... was mum's psych report, and the thread
        # included the dad she's fled from" is now
        # (not words in the first person: "a note in the toilets: 'help me, he touches me'" is a child's own)
        if self._document_near(stems[c_lo:start] + [_PAUSE] + stems[end:end + 3],
                               tokens[c_lo:start] + [_PAUSE] + tokens[end:end + 3]) \
                and not self._quoted(stems[lo:start], stems[end:end + 2]) \
                and not self._told_by_whom(tokens, stems, c_lo, start) \
                and not (_FIRST_PERSON.intersection([*tokens[max(lo, start - 2):start], *tokens[end:end + 1]])
                         # (not "my" owning the document named after: "email my FGM risk assessment")
                         and not (tokens[start - 1:start] == ["my"]
                                  and self._document_near(stems[end:end + 2], tokens[end:end + 2]))) \
                and not _witnessed(tokens[c_lo:start]) \
                and not _SHOWS_NOW.search(" ".join(tokens[c_lo:start])) \
                and not any(True for _ in self._find(stems[start:end], "immediate")) \
                and not any(not _times_an_event(tokens, end + s) for s, _ in self._find(stems[end:hi], "immediate")) \
                and not _WHEREABOUTS.intersection(tokens[end:end + 2]) \
                and not self._reports_now(stems, tokens, c_lo, start, end, c_hi) \
                and not _just_happened(tokens[c_lo:c_hi]) \
                and not (category in _MET_SOON and self._soon(stems[end:hi], tokens[end:hi])) \
                and not (category == "physical" and clear and not said("history") and not past_year
                         and _NON_MOBILE.search(" ".join(tokens[lo:hi]))) \
                and not ((act or (clear and not said("history") and not past_year))
                         and any(True for _ in self._find(self._before_a_document(stems[end:end + 6]), "recent"))
                         and not _sent_by_the_user(tokens[c_lo:start])):
            # "the minutes about the bruising", "his injury details"; not "the referral about a baby whose dad shook
            # him this afternoon" (an act, or a clear sign, told as just now is the child's now: "... took him out of
            # A&E against medical advice an hour ago"); not "the details of a child in immediate
            # danger", nor "the referral about the 15yo being moved between houses tonight": a danger that is
            # immediate is the child's now, whatever paper it is written on (not a day named after it: "the
            # bundle about dad's 2012 conviction ... for Thursday" is when it is sent)
            readings.append("document")
        if "document" in readings and _GROWN.search(" ".join(tokens)):
            readings.append("grown")  # "a 2019 risk assessment on a dad with sexual offences, kids are adults now"
        # a case said to be over right before the cue: "a closed sexual abuse case ... finish the closure summary
        # tonight" (the time word is the user's task, the case is over)
        closed_case = "closed" in tokens[max(0, start - 2):start]
        if category not in self._timeless and (not said("recent") or ("document" in readings and past_year)
                                                or (closed_case and said("history"))):
            # "a report about a 2017 investigation still in my sent items": "still" tells of the report, the year
            # of the harm
            if (said("history") or past_year) and not (category == _FGM and not clear and not past_year
                                                       and _LATELY.search(" ".join(_clause_after(tokens, end)))):
                # (not a sign of FGM done to a girl in the weeks just gone: "had the procedure on holiday last month"
                # is a child with FGM now, and any sister at risk of it; multi-agency statutory guidance on FGM. A
                # named FGM told as dealt with last month, a report made or an order granted, is past)
                readings.append("past")
            elif "document" in readings and self._closed_next(stems, hi):
                readings.append("past")  # "the FGM risk assessment done when the baby was born. Case closed ages ago."
            if said("managed") and not (clear and _ABOUT_TO.search(" ".join(written))) and category != "missing":
                # (not a clear threat told as about to happen: "she's gonna kill herself n the baby, she wants me
                # to email her the CIN plan first": the plan named is what is sent, the threat is now; nor a child
                # gone missing: no plan manages a child whose whereabouts nobody knows)
                readings.append("managed")
        # an accident explains an injury or a hurt, not a worry ("the football club ... asking her to keep secrets")
        if category in _EXPLAINABLE and not changing and (clear or act or category != "general"):
            next_told = _sentence_after(tokens, hi)  # "... injury report' - ok?? the injury was a playground fall"
            # (a paper in the sentence before or after explains no self-harm: "she took 20 paracetamol an hour ago.
            # do we send the incident report encrypted?")
            # (an act no accident makes, seen by the user: "slapped him ..., I saw it happen" is evidence)
            deliberate = act and self.stem(tokens[start]) in _DELIBERATE
            if self._explained_here(written, sentence, act, deliberate) or not act and (any(
                    any(category != "self_harm" or told[e - 1] not in _PAPERS for s, e in self._causes(told))
                    and not self._reporters.intersection(self.stem(t) for t in told) for told in (earlier, next_told))
                    or self._explained_before(tokens, stems, start, end, lo)):
                readings.append("explained")
                causes = {tuple(told[s:e]) for told in (written, earlier, next_told) for s, e in self._causes(told)}
                if len(causes) >= 2:  # in the cue's sentence and the one before or after it
                    readings.append("explained twice")  # "a header in the match ... accident form's done"
        if resolved and readings:
            readings.append("resolved")  # "... abused as a toddler. She is doing really well now."
        elif safe_said and not act:
            # "photos of the injuries from this morning's medical. The child is now safe with grandparents": a sign of
            # now, the child said by the user to be safe now: asked, not rung (and never quieted)
            readings.append("safe_now")
        if said_no:
            readings.append("said no")  # the user's own "no concerns": a clear cue is asked about, a sign dropped
        if not readings:
            return Cue(words, category, HarmLevel.YES if clear else HarmLevel.MAYBE)
        if readings == ["hedged"]:
            if clear and _THRESHOLD.intersection(tokens[start:end]):
                # the protocol's own test, put as a possibility: "I think the child could be at imminent risk of
                # significant harm" is a child who appears likely to suffer it, which is the Hub's (Information
                # Sharing: "appears to be suffering or likely to imminently suffer")
                return Cue(words, category, HarmLevel.YES, "likely")
            return Cue(words, category, HarmLevel.MAYBE, "hedged")
        # an injury the user gives an innocent cause for is no sign (not one that keeps coming back: "bruises
        # again", nor one put down to a condition: asked about whatever explains them)
        if clear and len(readings) == 1 and not (readings == ["explained"] and category == "physical"
                                                 and not _AGAIN.intersection(tokens[lo:hi])
                                                 and not _TIMES.search(" ".join(tokens[lo:hi]))
                                                 and not any(True for _ in self._find(written, "conditions"))):
            return Cue(words, category, HarmLevel.MAYBE, readings[0])
        if dropped is not None:  # only an injury explained by the user explains the story; a harm word denied
            # ("nothing about abuse or mental health") says nothing of what the document is about
            dropped.append("explained" if readings == ["explained"] and category == "physical"
                           else "denied" if "negated" in readings else "read")
        return None  # a negated sign, or a past cue in a document: no sign of harm now

    def _reports_now(self, stems: list[str], tokens: list[str], c_lo: int, start: int, end: int, c_hi: int) -> bool:
        """A document telling, right after its name and in the cue's own clause, what has just happened: "the log
        says a man on the sex offenders register moved in with the family this weekend" is news of now, whatever
        paper it came on (not "the 2019 minutes say dad was on the register": no time of now in the clause; nor
        "mum on a closed case says ...": a person telling)."""
        told = [i for i in range(c_lo, start) if tokens[i] in _REPORTING]
        return bool(told) and self._document_near(stems[max(c_lo, told[-1] - 1):told[-1]],
                                                  tokens[max(c_lo, told[-1] - 1):told[-1]]) \
            and any(True for _ in self._find(stems[end:c_hi], "recent"))

    def _closed_next(self, stems: list[str], hi: int) -> bool:
        """The sentence after a document's says, first, that the case is long over, with nothing told as now:
        "... Case closed ages ago, it's for their records." """
        told = _sentence_after(stems, hi)
        return any(s <= 1 for s, _ in self._find(told, "history")) and not any(True for _ in self._find(told, "recent"))

    def _before_a_document(self, window: list[str]) -> list[str]:
        """The words of `window` before the first document word in it: a time word after the document dates the
        sending ("a child's missing-from-care plan to the right people today"), not the sign."""
        return window[:min((s for s, _ in self._find(window, "documents")), default=len(window))]

    def _unreal_next(self, tokens: list[str], hi: int) -> bool:
        """The sentence after the cue's says it is not real: "... a girl who runs away from home. It's made up,
        she's a happy kid." """
        told = _sentence_after(tokens, hi)
        return told[:1] in (["it"], ["its"], ["this"], ["thats"], ["all"]) \
            and any(True for _ in self._find(told[:6], "not_real"))

    def _recent_of_the_sign(self, sentence: list[str], written: list[str]) -> bool:
        """A time word for now in the sentence (its stems; `written`, its words), not one dating the training,
        scenario or story itself ("on the safeguarding training today ... the scenario where a child discloses")."""
        unreal = list(self._find(written, "not_real"))
        return any(not any(s - 2 <= e2 and s2 - 2 <= e for s2, e2 in unreal)
                   for s, e in self._find(sentence, "recent"))

    def _said_of_a_thing(self, tokens: list[str], stems: list[str], lo: int, start: int) -> bool:
        """The word before "is/was/looks" ahead of the cue names no person: "the wildlife area is totally
        neglected", "the garden looks neglected"; not "the baby is neglected", "she was neglected"."""
        for k in range(start - 1, max(lo, start - 4), -1):
            if tokens[k] in _COPULAS:
                return k > lo and stems[k - 1] not in self._people and not any(
                    True for _ in self._find(stems[k - 1:k], "children"))
        return False

    def _thing_after(self, tokens: list[str], stems: list[str], end: int, hi: int) -> bool:
        """ "neglecting my inbox", "neglected the garden": what is neglected, named right after, is no person."""
        if end + 1 >= hi or (tokens[end] not in _POSSESSIVES and tokens[end] != "the"):
            return False
        return self._no_person(stems, end + 1)

    def _no_person(self, stems: list[str], k: int) -> bool:
        """The word at `k` is neither a person nor a child: a thing something is done to or said of."""
        return stems[k] not in self._people and not any(True for _ in self._find(stems[k:k + 1], "children"))

    def _insisting(self, tokens: list[str], i: int) -> bool:
        """ "the solicitor is really pushing", "she keeps pushing for it": pressing for something, with no one
        pushed (no word after the act but for, to, hard or the end of its clause), not "was pushed" nor "pushed
        him"."""
        after = tokens[i + 1] if i + 1 < len(tokens) else _END
        return tokens[i] in _PRESSING and (after in _PRESSED_FOR or after in (_END, _PAUSE) and tokens[i] != "pushed") \
            and not (i and tokens[i - 1] in self._passive)

    def _done_by_to(self, tokens: list[str], stems: list[str], i: int) -> bool:
        """ "dad burnt her with his lighter", "mum's boyfriend burned him": a person right before the act (a
        helping verb between) and a person right after it, told as its object: him, them, me, or her with no word
        of what is hers after it (not "she burnt her hand")."""
        k = i - 1
        while k >= 0 and tokens[k] in _HELPING:
            k -= 1
        if k < 0 or stems[k] not in self._people or tokens[k] in _POSSESSIVES:
            return False
        after = tokens[i + 2] if i + 2 < len(tokens) else _END
        return i + 1 < len(tokens) and (tokens[i + 1] in _OBJECTS or tokens[i + 1] == "her" and (
            after in (_END, _PAUSE) or after in _AFTER_OBJECT))

    def _done_to_a_thing(self, stems: list[str], i: int) -> bool:
        """ "I saw her touch the hot iron": the act's object, right after it, is a thing (the, a or an and a word
        for no person), not the child. Not "touched her ...": whose body is named is a person's. (Read for
        touching only: "kicked the door in" is a sign of its own.)"""
        if stems[i + 1:i + 2] not in (["the"], ["a"], ["an"]):
            return False
        k = i + 2
        while k < len(stems) and stems[k] in _THING_WORDS_BETWEEN:
            k += 1
        return k < len(stems) and stems[k] not in (_END, _PAUSE) and self._no_person(stems, k)

    def _out_of_a_thing(self, tokens: list[str], stems: list[str], end: int, hi: int) -> bool:
        """ "locked out of my account", "shut out of the portal": out of a thing, not out of a home ("kicked out
        of the house" is a child's harm) nor away from a person."""
        if not (end < hi and tokens[end - 1] == "out" and tokens[end] == "of"):
            return False
        k = end + 1
        while k < hi and (tokens[k] in _POSSESSIVES or tokens[k] in ("the", "a", "an")):
            k += 1
        return k < hi and tokens[k] not in _HOMES and self._no_person(stems, k)

    def _on_a_plan(self, stems: list[str], lo: int, start: int) -> bool:
        """The document word before the cue is the plan a child is on ("a 15 year old on a CP plan's been missing
        since Friday"), not a paper gone missing ("the CP plan's gone missing from the drive"): a `managed` phrase
        the child is on ends at most two words before the cue."""
        near = stems[lo:start]
        return any(len(near) - e <= 2 and "on" in near[max(0, s - 2):s + 1]
                   for s, e in self._find(near, "managed"))

    def _topic_after(self, after: list[str]) -> bool:
        """A topic word right after the cue ("the FGM leaflet"), or one word on ("a county lines training video");
        a form only right after it: "the Prevent referral form" is a form, "videos in form" a form group. Past
        another sign joined to it: "the 'abuse and neglect' course" is a course about both."""
        # past a dash and a name, initials or a year group: "'CSE - Jade 14' in the subject line", "'Self harm - J.B.
        # Y9' in the subject line"
        label = [w for w in after if w.isalnum()]
        for k, w in enumerate(label[:9]):
            if w in ("in", "into", "as") and ("subject" in label[k + 1:k + 4] or "title" in label[k + 1:k + 4]):
                return True  # "put 'self harm' in the subject line", "... bruising' as the email subject",
                # "'CONFIDENTIAL - trafficking case' alright as a subject line?", "'Neglect - J Smith DOB 03/04/15' in
                # the subject line": a label
            if k >= 4 and w in _TELLING:
                break  # past the first few words, only a name, initials, a date or a year group: "neglect of the
                # toddler is awful - can I put it in the subject?" tells of a child first
        if len(after) > 2 and after[0] in ("and", "or") and self.stem(after[1]) in self._by_first:
            after = after[2:]  # not "self harming and the crisis team": the team is no topic of it
        return bool(after) and (after[0] in self._topics
                                or (len(after) > 1 and after[1] in self._topics and after[1] not in _FORMS))

    def _topic_before(self, stems: list[str], lo: int, start: int) -> bool:
        """A `topic_of` phrase ending at most three words before the cue, no person between: the harm is a
        subject ("a reading list flagging that it deals with suicide and exploitation", "a newsletter warning
        about sextortion"), not something done to someone."""
        near = stems[max(lo, start - 6):start]
        return any(len(near) - e <= 3 and not self._people.intersection(near[e:])
                   for _, e in self._find(near, "topic_of"))

    def _explained_before(self, tokens: list[str], stems: list[str], start: int, end: int, lo: int) -> bool:
        """The same injury named again after the sentence that explained it: "he came off his bike, grazed and
        bruised but fine. The rules say I report injuries. Can I text a photo of the bruise?" (the bruise is the
        one explained, a sentence or more back). `lo` is where the cue's own sentence starts."""
        cue = stems[start:end]
        sentence_lo = 0
        for k in (k for k in range(lo) if stems[k] == _END):
            told, told_stems = tokens[sentence_lo:k], stems[sentence_lo:k]
            if any(told_stems[i:i + len(cue)] == cue for i in range(len(told_stems))) \
                    and self._explained_here(told, told_stems):
                return True
            sentence_lo = k + 1
        return False

    def _explained_here(self, written: list[str], sentence: list[str], act: bool = False,
                        deliberate: bool = False) -> bool:
        """An innocent cause in the cue's sentence, told by the user, not reported ("mum says he fell off his
        bike")."""
        return any(True for _ in self._causes(written, act, deliberate)) and not self._reported(sentence)

    def _causes(self, written: list[str], act: bool = False, deliberate: bool = False) -> Iterator[tuple[int, int]]:
        """Innocent causes (`explained`), not a sport or place naming the user's own role: "swimming coach here",
        "the PE teacher", "a football club volunteer" say who is writing, not how a child was hurt. A deliberate
        act seen is no accident: "staff member slapped him, I saw it happen" is the user's evidence ("hit by a ball
        in PE, I saw it happen" is an accident seen)."""
        for s, e in self._find(written, "explained"):
            if deliberate and written[s] in ("saw", "witnessed"):
                continue
            if act and written[s] in ("saw", "witnessed") and s and written[s - 1] not in ("i", "we") \
                    and self.stem(written[s - 1]) in self._people:
                continue  # "dad shook him - mum saw it happen": someone else witnessed the act, not an accident
            if written[e - 1] == "birth" and _BIRTH_FAMILY.intersection(written[e:e + 1]):
                continue  # "came back from birth dad's with them": a birth parent's home, not a mark from birth
            if not _ROLE.intersection(written[e:e + 1]):
                yield s, e

    def _quoted_safe(self, text: str) -> frozenset[tuple[str, ...]]:
        """The words for safe now (`resolved`) that the text has inside quotes: someone's words, not the user's
        ("mum says her partner 'has done his time for that, so it's all fine now'")."""
        out: set[tuple[str, ...]] = set()
        for quote in QUOTE.finditer(text):
            stems = [self.stem(w) for w in self._tokens(quote.group(0))]
            out.update(tuple(stems[s:e]) for s, e in self._find(stems, "resolved"))
        return frozenset(out)

    def _safe_now(self, stems: list[str], before: Sequence[str] = (),
                  quoted: frozenset[tuple[str, ...]] = frozenset()) -> bool:
        """The user saying a child is safe now (`resolved`), not someone reported saying so: in "she says
        she's 'fine now'" the child's word is the worry, not the answer to it; nor words the user quotes
        (`quoted`, from `_quoted_safe`)."""
        return next(self._safe_told(stems, before, quoted), None) is not None

    def _safe_told(self, stems: list[str], before: Sequence[str] = (),
                   quoted: frozenset[tuple[str, ...]] = frozenset()) -> Iterator[tuple[str, ...]]:
        """The words of each `_safe_now` saying, in order."""
        for s, e in self._find(stems, "resolved"):
            if tuple(stems[s:e]) in quoted or _NOT_SO.intersection(stems[max(0, s - 2):s]):
                continue  # (nor one denied: "he isn't safe at home tonight")
            start = max((i + 1 for i, t in enumerate(stems[:s]) if t == _END), default=0)
            if not self._reported([*before, *stems[start:e]]):  # "mum says he's fine": the words said run on
                yield tuple(stems[s:e])

    def _safe_in(self, stems: list[str], lo: int, start: int, quoted: frozenset[tuple[str, ...]]) -> bool:
        """The cue is where the child is safe now, in the user's words: "the kids are safe in refuge", "she's
        safe with her nan", "safe in a refuge" (a word for safe now, then in, at or with, then the cue)."""
        if start - lo > 2 and stems[start - 1] in _SAFE_PLACE_ARTICLES:
            start -= 1  # "safe in a refuge": the article between
        if start - lo < 2 or stems[start - 1] not in _WHERE_SAFE:
            return False
        return self._safe_ending(stems[lo:start - 1], quoted)

    def _well_since(self, tokens: Sequence[str], stems: list[str], lo: int, start: int,
                    quoted: frozenset[tuple[str, ...]]) -> bool:
        """Safe told of the time since the cue, in the user's words: "mum's been well for ages since her
        breakdown", "he's been fine ever since the assault", "she's in a secure unit now after the county lines
        stuff" (a word for safe now, then "since" or "after", then the cue)."""
        since = next((k for k in range(start - 1, max(lo, start - 3) - 1, -1) if tokens[k] in ("since", "after")), None)
        if since is None or {_END, _PAUSE}.intersection(stems[since:start]):
            return False
        return self._safe_ending(stems[lo:since], quoted, slack=2)  # "been well for ages since ..."

    def _safe_ending(self, told: list[str], quoted: frozenset[tuple[str, ...]], slack: int = 0) -> bool:
        """A `resolved` saying of the user's own (not quoted, not reported) ending `told`, up to `slack` words from
        its end."""
        return any(e >= len(told) - slack and tuple(told[s:e]) not in quoted for s, e in self._find(told, "resolved")) \
            and not self._reported(told)

    def _reported(self, stems: Sequence[str]) -> bool:
        """Someone's words reported ("mum says", "she told me"), not a word for telling at a clause's end:
        "first aid done, parents told, he's fine" tells of the user informing the parents."""
        # (not a word for telling used of the shouting itself: "mum used to shout and lock her out", "shouts at her")
        return any(stem in self._reporters and i + 1 < len(stems)
                   and stems[i + 1] not in (_PAUSE, _END, "by", "and", "at", "or")
                   and "what" not in stems[max(0, i - 2):i]  # "it matches what he told us": the user confirming
                   and not (stem in self._sent_not_said and stems[i - 1:i] == ["to"])
                   and stems[i - 1:i] not in (["i"], ["we"])  # "can I text her '...'": the user's own message
                   # "an allegation on Tuesday", "the allegation against dad": the noun, a matter, not words reported
                   and not (stem == _ALLEGATION and stems[i + 1] in _AFTER_A_MATTER)
                   for i, stem in enumerate(stems))

    def _document_near(self, stems: list[str], written: list[str]) -> bool:
        """A document word, not one inside a word for a child ("form" in "sixth form"), nor a verb: "a neighbour
        reporting a boy", "she noted marks" tell of someone, where "the report", "her notes" name a document."""
        child = self._spans(stems, "children")
        return any(not child.intersection(range(s, e)) and not (e - s == 1 and written[s].endswith(("ing", "ed")))
                   and not (s and stems[s - 1] in self._no_stems)  # "no paperwork" tells of a child, it names no document
                   and not (s > 1 and stems[s - 1] == "a" and stems[s - 2] in _HAVING
                            and written[s] in ("record", "records"))  # "has a record": a criminal one
                   and not (e < len(stems) and stems[e] == "that")  # "a report that she is held": telling, not a document
                   # "one of our drivers reports he keeps getting booked": telling, its teller before it
                   and not (e - s == 1 and written[s] in ("reports", "notes") and written[e:e + 1] in (["he"], ["she"],
                                                                                                   ["they"]))
                   # "buying condoms and plan b": emergency contraception, no plan of anyone's
                   and not (written[s] == "plan" and written[e:e + 1] == ["b"])
                   and not (e < len(stems) and stems[e] in _VISITS)  # "an assessment visit": where the user was
                   # "a 15yo on a CP plan", "on a child protection plan": a status
                   and not (written[s] == "plan" and "on" in stems[max(0, s - 4):s])
                   and not (written[s] == "note" and "on" in stems[max(0, s - 3):s])  # "on a serious note": a turn of talk
                   # "put a note on the portal that he came in with bruises": the user's own message, being written
                   and not (written[s] in ("note", "message") and _WRITING.intersection(written[max(0, s - 3):s]))
                   and not (written[s] == "thread" and "on" in stems[max(0, s - 4):s])  # "her ex is on the thread": a recipient
                   # "twenty minutes ago", "in 10 minutes": a time, not a meeting's minutes
                   and not (written[s] in ("minutes", "minute") and (
                       written[e:e + 1] and written[e] in _AFTER_A_TIME
                       or s and (written[s - 1].isdigit() or written[s - 1] in _COUNTED)))
                   and not (written[s] in _OWN_WORDS and any(  # "the 15 yo left a note saying goodbye": hers
                       stems[v] in _LEAVING_WORDS and self._people.intersection(stems[max(0, v - 6):v])
                       for v in range(max(0, s - 3), s)))
                   and not (written[s] in ("plan", "plans") and written[e:e + 1] == ["to"]
                            and stems[s - 1:s] != ["the"]  # "he plans to fly abroad with her": an intent, not
                            # "the self-harm plan to the GP": sent (and where the words seen end at "to", not known)
                            and len(written) > e + 1 and written[e + 1:e + 2] not in _TO_SOMEONE)
                   and not (s and stems[s - 1] in self._people and written[s - 1] not in _POSSESSIVES
                            and (written[s].endswith("s") or written[s - 1].endswith("s")))
                   # "a neighbour reports a toddler", "neighbours report a baby crying": telling, not a document
                   # "is it OK to mention in a chat that ...": the user's own telling ("it mentions" names a document)
                   and not (written[s] in ("mention", "describe", "include")
                            and written[e:e + 1] in (["in"], ["to"], ["that"], ["on"], ["over"], ["by"]))
                   for s, e in self._find(stems, "documents"))

    def _told_by_whom(self, tokens: list[str], stems: list[str], lo: int, start: int) -> bool:
        """Between the document and the cue, someone who told it: "the details on Kayden, who told his teacher an
        hour ago that his dad held his hand on the cooker" is his disclosure, not a document's contents."""
        return any(tokens[i] in ("who", "whos") and self._reporters.intersection(stems[i + 1:i + 3])
                   for i in range(lo, start))

    def _quoted(self, before: list[str], after: Sequence[str] = ()) -> bool:
        """The cue is in someone's own words, after the document that carries them:
        "a note saying I've taken all the tablets", "a voicemail saying mum's boyfriend hit me", not "the report
        says he was bruised"."""
        last = max((e for _, e in self._find(before, "documents")), default=0)
        # "typing up notes and a dad on the phone just said he'll hurt the baby": a person's words, reported
        # (not "asked me to text her a copy of her crisis plan": a sending, not words said)
        return any(stem in self._reporters and not (stem in self._sent_not_said and before[i - 1:i] == ["to"])
                   and (_FIRST_PERSON.intersection([*before[i + 1:], *after][:4])
                        or self._people.intersection(before[max(last, i - 5):i])
                        # a child by age: "the 5-year-old told nursery this morning that daddy '...'"
                        or any(_AGED.fullmatch(w) or (w == "old" and before[j - 1:j] in (["year"], ["yr"]))
                               for j, w in enumerate(before[max(last, i - 5):i], max(last, i - 5))))
                   for i, stem in enumerate(before[last:], last))

    def eased(self, text: str) -> bool:
        """The user tells an innocent cause ("fell off a swing, the nursery worker saw it happen") or the child
        safe now, anywhere in what is told: a message the words read no sign in is not rung about on how it reads
        alone. (Not a history or a plan: "a dad with a history of violence", "a baby on a CP plan" are the risk.)"""
        words = self._told_words(text)
        stems = [self.stem(w) for w in words]
        # (nor where someone has already acted: "police dealt with the incident at home last night")
        return self._explained_here(words, stems) or self._safe_now(stems) or bool(_DEALT_WITH.search(" ".join(words)))

    def _told_words(self, text: str) -> list[str]:
        """The words of the sentences that tell something, not of those that ask."""
        return [t for s in _told_sentences(text) for t in self._tokens(s)]

    def is_story(self, tokens: Iterable[str], text: str | None = None) -> bool:
        """A long description about a person: asked about when nothing else in it could be read. With the
        text, only what is told counts, not the questions: "why does it matter so much how we send stuff?
        what happens if someone gets it wrong?" asks, it tells of no one."""
        words = list(tokens) if text is None else self._told_words(text)
        if len(words) < 20 or not any(self.stem(w) in self._people for w in words):
            return False
        # told as over or not real: "she's been settled at home since", "closed with no further action"
        stems = [self.stem(w) for w in words]
        return not (self._safe_now(stems) or any(True for name in ("not_real", "no_harm", "managed", "history_written")
                                                  for _ in self._find(stems if name in ("no_harm", "managed") else words,
                                                                      name)))

    # -- scopes ---------------------------------------------------------------
    def _find(self, stems: list[str], name: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each phrase of list `name` in `stems`; phrases are looked up by their first stem.

        A `no_harm` phrase may have one more word inside it: "no concerns" is also "no ongoing concerns"."""
        by_first = self._firsts[name]
        firsts = by_first.keys() & set(stems)  # most lists start no phrase here: found without a walk
        if not firsts:
            return
        inside = 1 if name == "no_harm" else 0
        for i, stem in enumerate(stems):
            if stem not in firsts:
                continue
            for phrase in by_first[stem]:
                if tuple(stems[i:i + len(phrase)]) == phrase:
                    if name in _NOW_LISTS and phrase == self._still and any(
                            tuple(stems[i + 1:i + 1 + len(h)]) == h for h in self._held):
                        continue  # "he is still in prison": the adult held away, no child's now
                    if name in _NOW_LISTS and i and stems[i - 1] in _DENIES_NOW:
                        continue  # "no current worries", "not currently with him": a now denied
                    yield i, i + len(phrase)
                elif inside and len(phrase) >= 2:
                    for k in range(1, len(phrase)):
                        extra = stems[i + k] if i + k < len(stems) else _END
                        if extra not in (_END, _PAUSE, *_BESIDES) and tuple(stems[i:i + k] + stems[i + k + 1:i + len(phrase) + 1]) == phrase:
                            yield i, i + len(phrase) + 1
                            break

    def _spans(self, stems: list[str], name: str) -> set[int]:
        return {k for s, e in self._find(stems, name) for k in range(s, e)}

    def _negated(self, stems: list[str], start: int) -> bool:
        """A negation among the `scope` words before, up to a terminator or a clause break,
        and not a denial reported from someone else; nor a sign that is itself a not ("won't let anyone in and
        isn't answering the door" tells two signs, not a denial of the second; "no leccy no food" two lacks)."""
        if stems[start] in ("not", "no"):
            return False
        lo = start
        while lo > 0 and start - lo < self.words.scope and stems[lo - 1] not in (_END, _PAUSE):
            lo -= 1
        cut = max((e for _, e in self._find(stems[lo:start], "terminators")), default=0)
        lo += cut
        before = stems[lo:start]
        for s, e in self._find(before, "negations"):
            reported = self._reporters.intersection(stems[max(0, lo + s - 4):lo + e])
            if not reported:
                return True
        return False
