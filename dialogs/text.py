"""Turning a practitioner's words into tokens both matchers agree on.

Typos are corrected against the knowledge's own vocabulary only (never a
general dictionary), so "emial" becomes "email" but an unknown word stays
as it is, and a wrong correction can only land on a word the protocol uses.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

_TOKEN = re.compile(r"[a-z0-9@][a-z0-9@._+]*")
# "'s" typed without its apostrophe after a word that owns nothing: "whos", "whats", "shes", "theres" (the
# apostrophe's "'s" is dropped, so both are read alike)
_IS_BARE = re.compile(r"\b(who|what|that|there|here|where|she|he|how)s\b")
_POSSESSIVE = re.compile(r"(?<=[a-z])'s\b")
_WILL = re.compile(r"(?<=[a-z])'ll\b")
# Typed without the apostrophe, where no other word is meant: "theyll", "youll" (not "hell", "shell", "well")
_WILL_BARE = re.compile(r"\b(they|you|it|that|who|there)ll\b")

STOPWORDS = frozenset(
    "a an the i im ive id can could to of for in on at is it its my me we us our ours do does did be am are was "
    "were been this that these those with and or by so if just please would should will shall there their them "
    "they he she his her him you your yours as about into onto ok okay also any some".split())


_INFO = re.compile(r"\binfo\b(?![@.])")
_ISP = re.compile(r"\bisp\b")
_SEVEN_ZIP = re.compile(r"\b7[\s-]zip\b")
# Two words typed as one: "coversheet", "subjectline" (as the knowledge files write them, apart)
_RUN_TOGETHER = re.compile(r"\b(cover|subject)(sheets?|line|lines|page|pages)\b")
# Text-speak, as messages are typed on a phone: times ("last nite", "2day", "tmrw")
_TEXT_SPEAK = {"nite": "night", "tonite": "tonight", "2nite": "tonight", "2day": "today", "tmrw": "tomorrow",
               "tmw": "tomorrow", "2moro": "tomorrow", "2morrow": "tomorrow", "tomoz": "tomorrow",
               # and the shortenings of the protocol's own words, too short for the speller to mend
               "psswd": "password", "pswd": "password", "passwd": "password", "pword": "password",
               "pwrd": "password", "distrib": "distribution", "distro": "distribution", "urgnt": "urgent",
               "minits": "minutes", "subj": "subject",
               # and of everyday words: "wen was it updated", "wots the number", "do i hav 2 rite it up"
               "wen": "when", "wot": "what", "wots": "whats", "wat": "what", "wats": "whats", "hav": "have",
               "rite": "write", "yday": "yesterday", "wiv": "with", "w": "with", "wivout": "without", "widout": "without", "witout": "without", "pw": "password", "fwd": "forward",
               "fwding": "forwarding", "fwded": "forwarded", "msg": "message", "msgs": "messages",
               "strat": "strategy", "appt": "appointment", "appts": "appointments", "mtg": "meeting", "mtgs": "meetings", "evry1": "everyone", "every1": "everyone",
               "grp": "group", "abt": "about", "ppl": "people", "b4": "before", "skool": "school", "skl": "school",
               "txt": "text", "txts": "texts", "txtd": "texted", "txtng": "texting", "txting": "texting",
               # a time said in numbers and letters, and words typed short: "im runnin l8", "name it afta the kid"
               "l8": "late", "runin": "running", "runnin": "running", "comin": "coming",
               "wrkin": "working", "wrking": "working", "workin": "working", "wrkng": "working",
               "goin": "going", "sendin": "sending", "doin": "doing", "afta": "after", "eazy": "easy",
               # the little words as said: "can i jus put the pasword in", "notes bout a kid"
               # (not "da": domestic abuse, as practitioners write it; nor "n", inside "n't")
               "dat": "that", "jus": "just", "nt": "not", "bout": "about", "evry": "every", "hw": "how",
               "l8r": "later", "sbjct": "subject", "sbj": "subject", "conf": "conference", "emale": "email",
               "emales": "emails", "emailin": "emailing", "wks": "weeks", "wk": "week", "gd": "good",
               "pswrd": "password", "pasword": "password", "paswd": "password",
               # documents written short: "camhs rpt", "the assmt"
               "rpt": "report", "rpts": "reports", "rprt": "report", "assmt": "assessment", "assmnt": "assessment",
               "stmt": "statement",
               # health written short: "a mental hlth assessment", "sexual hlth clinic"
               "hlth": "health", "hlthy": "healthy",
               # devices as said: "no 7zip on my lappy"
               "lappy": "laptop", "lapttop": "laptop", "puter": "computer", "pooter": "computer",
               # an address as said: "txt mum the addy of the contact centre", "her email addy"
               "addy": "address", "addie": "address", "addys": "addresses",
               # two words run together: "send the lot incase"
               "incase": "in case"}
# "the hole file": "whole" typed as its homophone, before a word for the lot (the speller keeps "hole", a word)
_HOLE = re.compile(r"\bhole (?=(?:file|files|case|record|records|bundle|bundles|lot|thing|history|chronology|folder|"
                   r"report|family|team|office|list)\b)")
# Redacting in other words, before what is taken out: "what third party details do I black out?", "blank out the
# names" (not "she blacked out", who fainted)
_BLACK_OUT = re.compile(r"\b(?:black|blank|ink)(ed|ing)? out(?= (?:the|any|all|their|his|her|names?|details|third|bits|"
                        r"parts|addresses|info|information|anything|what|some|those|these)\b)|"
                        # what is taken out said before: "what details do I have to black out first?"
                        r"\b(?:black|blank|ink) out(?= (?:first|before)\b|\s*[?.!]|\s*$)")
# "all five statements", "all 3 reports": every one of them, the count aside
_ALL_COUNTED = re.compile(r"\ball (?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|\d+) (?=[a-z]+s\b)")
# "zip n password it": "and" between two words
_AND = re.compile(r"(?<=[a-z]) n (?=[a-z])")
# "2 da gp", "4 the school": a number before a word only "to" or "for" comes before
_TO_FOR = re.compile(r"\b([24]) (?=(?:da|the|my|his|her|their|them|him|me|us|ur|your|all|every|each|em)\b)")
# "4 all of em", "send em": "them" typed short, after a word it follows
_EM = re.compile(r"\b(of|all|for|to|use|send|give|tell|text|email) em\b")
# "use 1 pasword for all": one password, a count in figures before it
_ONE = re.compile(r"\b1 (?=(?:password|passwords|passcode|zip password)\b)")
# "ok 2 save it", "do i need 2 encrypt", "forgot 2 bcc": "2" after a word "to" follows, before a verb (not a count:
# "need 2 copies", "has 2 kids")
_TO_AFTER = re.compile(r"\b(ok|okay|alright|need|needs|want|wants|going|able|allowed|fine|safe|how|where|forgot|forget|"
                       r"forgotten|remember|remembered|meant|supposed|tried|try|trying|wanted) 2 "
                       r"(?=[a-z])(?![a-z]+s\b)")
# Laughing faces are laughter, as "lol" is: "gonna murder her brother 😂" is a joke, not a threat
_LAUGHING = re.compile("[\U0001F602\U0001F923\U0001F606\U0001F605\U0001F639]")
# A drive letter is a local drive: "save it on C:", "C:\\Users": the "c drive" the vocabulary knows
_DRIVE_LETTER = re.compile(r"\b([c-g]):(?=[\\/\s]|$)")
# "subject: 'J Smith DOB ...' ok?", "Subject - CP plan for AB": the email's subject line, as pasted
_SUBJECT_TOLD = re.compile(r"\bsubject\s*(?::|-\s)")
# "wats the hub no": a number asked for, the message's last word or before a "please" (not "is the hub no good",
# "hub no longer"): "hub no pls urgent"
_NUMBER_NO = re.compile(r"\b(hub|phone|tel|fax|mobile|office|desk|duty|direct|contact) no\b"
                        r"(?=[\s.?!]*$|[\s,]+(?:pls|plz|please|asap|thx|thanks|ta|again)\b)")
_CC_ING = re.compile(r"\bcc(?:-|')?(?:ing|ed|d)\b")  # "cc-ing", "cc'd", "ccd": the cc the vocabulary knows
_SPOKEN = re.compile(r"\b(?:" + "|".join(_TEXT_SPEAK) + r")\b")
# The irregular forms a stemmer leaves as they are ("written" is not "write", "sent" not "send"), as a lemmatiser
# would give them: the FAQ search and the protocol's words compare "emails I've written" with "emails we write"
IRREGULAR = {form: base for base, forms in {
    "write": "wrote written", "give": "gave given", "tell": "told", "say": "said", "see": "saw seen",
    "take": "took taken", "make": "made", "keep": "kept", "ring": "rang rung", "speak": "spoke spoken",
    "think": "thought", "bring": "brought", "know": "knew known", "forget": "forgot forgotten",
    "choose": "chose chosen", "hold": "held", "mean": "meant", "pay": "paid", "hear": "heard", "feel": "felt",
    "understand": "understood", "teach": "taught", "meet": "met",
}.items() for form in forms.split()}  # not "sent", "got", "lost", "left": what has happened tells FAQs apart
# Words practitioners use for the FAQ's words, compared as those words (the FAQ search and the protocol's words
# only): "which legislation?" is "which law?", "is it in force?" is "is it in effect?", "is it compulsory?" is "is it
# mandatory?"
IRREGULAR.update({"legislation": "law", "statute": "law", "statutes": "law", "force": "effect",
                  "compulsory": "mandatory", "obligatory": "mandatory",
                  # two documents that "disagree", "conflict" or "contradict" each other "differ"
                  "disagree": "differ", "disagrees": "differ", "conflict": "differ", "conflicts": "differ",
                  "contradict": "differ", "contradicts": "differ", "clash": "differ", "clashes": "differ",
                  # a document "last updated" was revised (the protocol: "Revised December 2015")
                  "updated": "revised"})
NEGATED = frozenset("isnt dont doesnt cant cannot wont arent wasnt werent havent hasnt hadnt didnt shouldnt couldnt "
                    "wouldnt aint".split())  # each is "not" to the FAQ search: "isn't installed" = "is not installed"


# Words too short to change in the whole text ("R" may be a child's initial), read in full where the question's
# form is read: "r internal emails safe enuf 2 put ..." asks "are they?"
_ASKING_SPOKEN = {"r": "are", "cn": "can", "cud": "could", "shud": "should", "wud": "would"}


_WITHOUT = re.compile(r"\bw/o(?:ut)?\b")


def unnegated(pattern: re.Pattern[str], said: str, negations: frozenset[str], window: int) -> bool:
    """Some match of `pattern` in `said` with none of `negations` among the `window` words before it: "would
    recognise her" told, not "nobody would recognise her"."""
    return any(not negations.intersection(said[:m.start()].split()[-window:]) for m in pattern.finditer(said))


def spoken(word: str) -> str:
    """A word as typed on a phone, in full: "wat" is "what", "2day" "today", "r" (asking) "are"."""
    return _TEXT_SPEAK.get(word) or _ASKING_SPOKEN.get(word, word)


def to_and_for(text: str) -> str:
    """ "2" and "4" typed for "to" and "for", as words ("ok 2 put his dob in?", "4 the school"), the rest as typed."""
    text = _TO_FOR.sub(lambda m: "to " if m.group(1) == "2" else "for ", text)
    return _TO_AFTER.sub(r"\1 to ", text)


@lru_cache(maxsize=16384)  # knowledge phrases repeat across lists; a question is normalised by several readers
def normalise(text: str) -> str:
    """Lower-case words separated by single spaces; '@' and '.' kept inside words."""
    text = text.lower().replace("\u2019", "'").replace("e-mail", "email")
    text = _SEVEN_ZIP.sub("7zip", text)  # "7-Zip", "7 zip": one word, as the vocabulary writes it
    text = _RUN_TOGETHER.sub(r"\1 \2", text)
    text = _ISP.sub("protocol", text)  # "the ISP": the Information Sharing Protocol, as staff abbreviate it
    text = _WITHOUT.sub("without", text)  # "w/out encryption", "w/o a password"
    text = _AND.sub(" and ", text)
    text = _ALL_COUNTED.sub("all the ", text)
    text = to_and_for(text)
    text = _SPOKEN.sub(lambda m: _TEXT_SPEAK[m.group()], text)
    text = _EM.sub(r"\1 them", text)
    text = _ONE.sub("one ", text)
    text = _HOLE.sub("whole ", text)
    text = _BLACK_OUT.sub(lambda m: "redact" + (m.group(1) or ""), text)
    text = _CC_ING.sub("cc", text)
    text = _NUMBER_NO.sub(r"\1 number", text)
    text = _DRIVE_LETTER.sub(r"\1 drive ", text)
    text = _SUBJECT_TOLD.sub("subject line ", text)
    text = _LAUGHING.sub(" lol ", text)
    text = _INFO.sub("information", text)  # "info security", "personal info" (not "info@" addresses)
    text = _WILL.sub(" will", text)  # "he'll", "she'll", "we'll": not "hell", "shell", "well"
    text = _WILL_BARE.sub(r"\1 will", text)
    text = _POSSESSIVE.sub("", text).replace("'", "")
    text = _IS_BARE.sub(r"\1", text)  # "whos responsible" as "who's responsible": both "who responsible"
    return " ".join(t.rstrip(".") for t in _TOKEN.findall(text))


class Speller:
    """Corrects typos onto the vocabulary of the knowledge files.

    A typo here is one slip for a word of up to seven letters, two for a
    longer one (a slip: a letter missing, added, changed, or two letters
    swapped), and a plausible one (see `_plausible`). Measured by ratio alone,
    as it once was, everyday words landed on the vocabulary and changed the
    answer: "bring" became "ring" (a phone call), "education" became
    "medication" (health data), "college" became "colleague" (internal).
    """

    def __init__(self, vocabulary: Iterable[str], keep: Iterable[str] = (), everyday: Iterable[str] = ()):
        words = {w for phrase in vocabulary for w in phrase.split()}
        self._targets = sorted(w for w in words if len(w) >= 4 and "@" not in w)
        # three letters: only two swapped after the first ("fxa" is fax), an anagram any other way is a word
        self._short = {w[0] + "".join(sorted(w[1:])): w for w in words if len(w) == 3 and w.isalpha()}
        self._target_set = frozenset(self._targets)
        # A contraction written without its apostrophe is a word, not a slip: "havent" is not "haven", nor
        # "shouldnt" "should" (a negation lost), nor "theyre" "there"
        self._keep = frozenset(words) | STOPWORDS | NEGATED | _CONTRACTIONS | frozenset(keep)
        # An everyday English word is what it says, not a slip: adding "letter" to
        # the vocabulary must not turn "the latter report" into a question about post.
        self._everyday = frozenset(everyday)
        self.correct = lru_cache(maxsize=4096)(self._correct)

    def __getstate__(self) -> dict[str, object]:  # a kept Assistant (dialogs/kept.py): the cache is rebuilt
        state = dict(self.__dict__)
        del state["correct"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.correct = lru_cache(maxsize=4096)(self._correct)

    def _correct(self, word: str) -> str:
        if word in self._keep or word in self._everyday or not word.isalpha() or self._inflected_everyday(word):
            return word
        if len(word) == 3:
            meant = self._short.get(word[0] + "".join(sorted(word[1:])))
            return meant if meant is not None and meant[1:] == word[:0:-1] else word
        if len(word) < 4:
            return word
        # "mentle", "medicle", "hotmale": spelled by ear
        for heard, written in (("le", "al"), ("el", "al"), ("ale", "ail")):
            if word.endswith(heard) and word[:-len(heard)] + written in self._target_set:
                return word[:-len(heard)] + written
        slips = 1 if len(word) < 8 else 2
        close = process.extract(word, self._targets, scorer=OSA.distance, score_cutoff=slips, limit=None)
        likely = [(d, -fuzz.ratio(word, t), t) for t, d, _ in close if _plausible(word, t, d)]
        return min(likely)[2] if likely else word

    def _inflected_everyday(self, word: str) -> bool:
        """An everyday word with an ending of its own: "GDPR scares me" is "scare", no slip for "scars"."""
        for end, base in _INFLECTIONS:
            stem = word[:-len(end)]
            if word.endswith(end) and len(stem) >= 4 and stem + base in self._everyday \
                    and stem + base not in self._keep and (end != "d" or stem.endswith("e")):
                return True  # (not a vocabulary word's: "medicals" is "medical", "minuts" no "minute"s)
        return False

    def everyday(self, word: str) -> bool:
        """An everyday English word (knowledge/data/everyday_words.txt), never corrected."""
        return word in self._everyday

    def known(self, word: str) -> bool:
        """A word of the vocabulary, or an everyday word never corrected."""
        return word in self._keep

    def tokens(self, text: str) -> list[str]:
        return [self.correct(t) for t in normalise(text).split()]


# The endings an everyday word takes without becoming another word: "scares", "worried", "emailing"
_INFLECTIONS = (("s", ""), ("es", ""), ("d", ""), ("ed", ""), ("ing", ""), ("ing", "e"))
_ENDINGS = frozenset({"r", "d", "y", "er", "ed", "ly"})
# Contractions as typed without the apostrophe (normalise drops it), besides the negations
_CONTRACTIONS = frozenset("ive youve weve theyve youre theyre hes shes thats whats theres heres wheres whos lets "
                          "shouldve wouldve couldve mustve youd hed shed wed theyd youll theyll itll".split())


def _keyboard_neighbours() -> dict[str, str]:
    """The keys around each letter on a UK/US QWERTY keyboard (each row sits half a key right of the one above)."""
    rows = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    near: dict[str, set[str]] = {c: set() for row in rows for c in row}
    for r, row in enumerate(rows):
        for i, c in enumerate(row):
            near[c].update(row[j] for j in (i - 1, i + 1) if 0 <= j < len(row))
            if r + 1 < len(rows):
                below = rows[r + 1]
                for j in (i - 1, i):
                    if 0 <= j < len(below):
                        near[c].add(below[j])
                        near[below[j]].add(c)
    return {c: "".join(sorted(n)) for c, n in near.items()}


_NEIGHBOURS = _keyboard_neighbours()
# Letters people write for each other when spelling by ear: "polise", "asessment".
_SOUND_ALIKE = frozenset({frozenset("cs"), frozenset("ck"), frozenset("sz"), frozenset("iy")})
_VOWELS = frozenset("aeiou")


def _slip_or_sound_alike(typed: str, meant: str) -> bool:
    return (meant in _NEIGHBOURS.get(typed, "") or frozenset((typed, meant)) in _SOUND_ALIKE
            or (typed in _VOWELS and meant in _VOWELS))


def _plausible(word: str, target: str, slips: int) -> bool:
    """Whether `word` is more likely a typo of `target` than a word of its own."""
    if word[0] != target[0] and not (len(word) == len(target) and word[:2] == target[1::-1]):
        return False  # typos keep the first letter, or swap the first two
    shorter, longer = sorted((word, target), key=len)
    if longer.startswith(shorter) and longer[len(shorter):] in _ENDINGS:
        return False  # another ending of the same word: manage/manager, late/later
    if len(word) == len(target) == 4 and sorted(word) != sorted(target):
        return False  # four letters, one changed, is another word: best/beat, hard/harm
    if slips < 2 and len(word) == len(target):
        changed = [(a, b) for a, b in zip(word, target, strict=True) if a != b]
        if len(changed) == 1 and not _slip_or_sound_alike(*changed[0]):
            return False  # a slip hits a key next to the right one: "blanl" is blank, "black" is not
    return slips < 2 or fuzz.ratio(word, target) >= 85  # relation/religion is not a typo
