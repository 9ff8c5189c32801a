"""One-shot answers to a free-text question: the Assistant's core turn.

Order of precedence, safest first:
1. a clear sign of significant harm: the Hub, whatever else the question
   says (and the sending question asked, answered in the Hub's terms); a
   doubtful one (maybe): the harm question, before any sending advice;
2. the protocol's rules, whenever they can decide from what the question
   says; an FAQ the question also asks adds its text beneath, never its
   verdict;
3. an FAQ the question asks, when the rules cannot decide yet, with a
   verdict that fits the form of the question: a how, what or which
   question gets the steps (never "Not allowed"); a yes/no question may
   carry the FAQ's own verdict;
4. a follow-up question for the first fact the rules still need.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from knowledge.advisor import advise, ask_for, checklist_advice, outcome, proposal_happened, safest, told_after
from knowledge.model import HUB_PHONE, Advice, ChecklistSection, Facts, Faq, Policy, Proposed, Section, Verdict

from .clauses import ClauseIndex
from .faq import SCORER, FaqIndex, FaqMatch
from .harm import NOTHING, QUOTE, Cue, HarmAssessment, HarmLevel, tells_anything
from .learned import LearnedReading
from .reply import Option, Reply, first_sentence
from .text import IRREGULAR, NEGATED, STOPWORDS, normalise, spoken, to_and_for, unnegated
from .understand import NOTHING_PERSONAL, Reader, Understanding

# what to change asked about: "do I need to rename it?", "anything I need to do before zipping it?"
_CHANGE_ASKED = re.compile(r"\b(?:need|needs|have to|has to)\b[^.?!]{0,30}?\b(?:renam\w*|chang\w*|do)\b", re.IGNORECASE)
# token_set_ratio scores (0-100) between prepared texts.
CLEAR_FAQ = 90  # the question is one of the FAQ's paraphrases, give or take
LIKELY_FAQ = 72  # good enough when the rules cannot answer anyway
_REFUTED = 80  # how close a premise must read to a refuting FAQ's paraphrase to outrank the FAQ matched
# ... or, with a word for sparing a step said too, this close: "the disclaimer is there anyway so I can skip writing
# the delete-after-use line?" reads 69.6 to "is the disclaimer enough" (at 80 it was told the disclaimer is
# automatic, an Allowed). Not "leave" or "still" alone, which "on leave today" and "do I still have to type a
# disclaimer?" use too
_REFUTED_SPARING = 62
_SPARING = ("skip", "skipping", "bother", "instead", "replace", "replaces", "without", "faff", "out")  # "leave out"
CLOSE_ALSO = 85  # a looser wording (faq.yaml `also`), tried when no paraphrase matches: only a close one counts
# Words every kind of protocol sentence uses: they say nothing about which sentence a question means
# ... and the protocol's name for itself: "is there ICO guidance linked from the protocol?" asks nothing of the one
# item that names another protocol (the LSCB's)
_COMMON = "ask asked write written writing tell told get go make want like say first use used need protocol isp".split()
STEPS_COVERAGE = 0.5  # the share of a how-to question's words a quoted item must hold to be given as steps
_PADDED = 40  # words beyond which a question's context can hold any short wording's words by chance
FACT_COVERAGE = 0.3  # the share of a question of fact's words a quoted item must hold to answer it alone
QUOTE_WORDS = 30  # a question this long or shorter, asking about no information, may get the protocol's nearest words
# Words that ask nothing of their own beside a way of sending: "is it ok to fax this over?"
_ROUTE_ONLY = "send over ok okay fine alright allowed just quickly quick info information details stuff".split()
# The thing to be sent, after the verb: "fax it", "text this over", "email them these"
_SOMETHING = re.compile(r"\b(?:fax|faxing|text|texting|email|emailing|send|sending|post|posting|forward|whatsapp)\s+"
                        r"(?:(?:him|her|them|mum|dad)\s+)?(?:it|this|these|that|those)\b", re.IGNORECASE)
QUESTION_WORDS = frozenset("what whats how hows where wheres when who whos why whys which".split())
# What a wh-word asks for, in the prepared words: who and why ask for a person and a reason; what, which, how, when
# and where are often the same question asked another way ("what's the best way", "how do I", "where do I keep")
_WH_KIND = {"who": "who", "whos": "who", "whi": "why", "why": "why", "whys": "why", "when": "what", "where": "what",
            "wheres": "what", "what": "what", "whats": "what", "which": "what", "how": "what", "hows": "what"}
def _wh_kinds(words: Iterable[str]) -> set[str]:
    """What the wh-words among these prepared words ask for (`_WH_KIND`)."""
    return {_WH_KIND[w] for w in words if w in _WH_KIND}


YES_NO_WORDS = frozenset("can could may might should shall would will is are am was were do does did must have has "
                         "cant couldnt shouldnt wouldnt wont isnt arent dont doesnt didnt mustnt hasnt havent".split())
# A clause that sets the time or condition of what is asked after it: "after I've sent the zip, should I ..."
_SUBORDINATING = frozenset("after when once before if since whenever".split())
# A wh-word that may open a clause instead of asking ("when the school asks, I ..."), and the words after it that
# still make it a question ("when exactly", "where else", "where to")
_CLAUSE_WH = frozenset(("when", "where", "whenever"))
_WH_ASKING_NEXT = frozenset("exactly else best to abouts ever precisely roughly was were".split())
# ... or a question put inside the clause, its verb before its subject ("when I reply, do I add it?")
# (not after its own subject or "to": "so I'll do that", "we have the IAS number", "need to do this")
_INVERTED = re.compile(r"(?<!'ll )(?<!\bll )(?<!\bto )(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthey )(?<!\bhe )"
                       r"(?<!\bshe )(?<!\bit )"
                       r"\b(?:do|does|did|should|shall|can|could|must|is|are|was|were|will|would|have|has|need) "
                       r"(?:i|we|you|u|they|it|he|she|that|this|the|a|an|my|our|their|his|her|your)\b")
# Replies that name nothing ("no", "yes", "ok"): never an FAQ's telling word on their own
_BARE_REPLIES = frozenset({"no", "not", "nope", "nah", "yes", "yep", "yeah", "ok", "okay"})
# "anything" opening a question of what to do ("anything I need to put in it?", "anything else to check?"), the "I"
# already dropped as an opener
_ANYTHING_ASKED = frozenset("else need needs should must to have ive special particular extra further more we".split())
_OPENERS = frozenset("hi hiya hello hey morning afternoon quick one q question sorry please so ok okay um just and "
                     "but also then right i tbh honestly genuinely seriously btw fyi".split())
# A greeting or "quick one" opening a message says nothing of a child: the learned reading reads what follows
# ("hi, quick one: what do I name the attachment?" had read as harm on "hi" and "quick one")
_GREETING = re.compile(r"^\W*(?:(?:hi|hiya|hello|hey|morning|good morning|afternoon|good afternoon)\b[\s,!.:;-]*"
                       r"(?:(?:all|there|team|everyone)\b[\s,!.:;-]*)?)?(?:(?:quick one|quick q|quick question|"
                       r"quick query)\b[\s,!.:;-]*)?", re.IGNORECASE)
# Two things offered to choose from, after a dash: "body of the email or attachment?", "in To or CC?"
_CHOICE = re.compile(r"^\W*(?:in |as |by |to |on )?(?:the |a |an )?\w+(?: \w+){0,4} or (?:as |in |by |to |on )?(?:the |a |an )?"
                     r"\w+(?: \w+){0,3}\W*$", re.IGNORECASE)
# The other ways asked for: "what are my options?", "what's the alternative?", "what else can I use?"
_OPTIONS_ASKED = re.compile(r"\bwhat(?: are| r|re)? (?:my|the|our) options\b|\bwhat(?:'s| is) the alternative\b|"
                            r"\bwhat (?:are )?(?:the )?alternatives\b|\bwhat else (?:can|could|should) (?:i|we)\b|"
                            r"\bwhat (?:can|could|should|do) (?:i|we) (?:do|use) instead\b", re.IGNORECASE)
# The right way asked for, the user's own way told: "What's the correct way to send it?", "Is there a better way?"
_BETTER_WAY = re.compile(r"\bwhat(?:'s| is) the (?:correct|right|proper|best|safest|secure|safe) way\b|"
                         r"\bis there a (?:better|safer|right|correct|proper) way\b", re.IGNORECASE)
# ... but not with the user's own way put up for judging too: "is that OK or is there a better way?" gets its No
_OK_ASKED = re.compile(r"\b(?:is|would) (?:that|it|this) (?:be )?(?:ok|okay|alright|all right|fine|allowed|acceptable)\b|"
                       r"\b(?:can|may) (?:i|we)\b|\bam i allowed\b", re.IGNORECASE)
# A firm or product asked for by name: "which courier firms are we allowed to use?" (the protocol names none)
_SUPPLIER_ASKED = re.compile(r"\s*(?:which|what) (?:\w+ )?(?:firms?|compan(?:y|ies)|suppliers?|brands?|"
                             r"couriers?)\b(?! (?:is|are) (?:ok|okay|alright|fine|allowed))", re.IGNORECASE)
_NO_SUPPLIER = "The protocol does not say which firm or supplier to use: ask your manager which the council uses."
# Two ways of doing it offered, in a question: "do I open it straight from outlook or save it somewhere first?"
# (not "can I use Dropbox or WeTransfer?": leave asked for both, which may both be refused)
# ("do they go as an attachment or can they be in the message?"; not "does it have to be emailed or can I send it
# from my gmail?": leave asked for the second)
_TWO_WAYS = re.compile(r"\b(?:do|does|should|shall) (?:i|we|they|it|these|those)\b[^?.!]*\bor\b(?! not\b)"
                       r"(?! (?:can|could|may) (?:i|we)\b)[^?.!]*\?|"
                       # the options on the screen, which one asked: "ZipCrypto in the encryption box. Which one am I
                       # meant to pick?"
                       r"\bwhich (?:one|option|setting)s? (?:am i|are we|do i|do we|should i|should we|shall i) "
                       r"(?:meant to |supposed to |need to )?(?:pick|choose|select|tick|use)\b",
                       re.IGNORECASE)
_OR_ELSE = re.compile(r"\bor (?:not|nah|nope|what|do|does|is|are|should|can|shall|would|will|must)\b|"
                      # the verdict word against its opposite: "is that alright or too much?", "ok or overkill?"
                      r"\b(?:alright|ok|okay|fine|acceptable|enough) or (?:too much|too little|overkill|over the top|"
                      r"too far|a problem|an issue|a breach)\b|"
                      # a rough amount, not a choice: "for a day or two", "a week or so"
                      r"\b(?:one|a|an|day|days|week|weeks|hour|hours|minute|minutes|\d+) or (?:two|so|three|\d+)\b",
                      re.IGNORECASE)
# What something counts as, put as the premise of what is proposed: "Internal email counts as secure, so a subject
# line of 'Chloe Barnes DOB ...' is fine?"
_CLASS_PREMISE = re.compile(r"\b(?:counts?|counted|is classed|is considered|is treated|is seen) as \w+(?: \w+)?,? so\b|"
                            # the premise before, as a reason: "As internal email is classed as secure I can put ..."
                            r"^\W*(?:as|since|because|seeing as) [^,.?!]{0,40}?\b(?:counts?|counted|is classed|is "
                            r"considered|is treated|is seen) as \w+(?: \w+)?,? (?:then )?(?:i|we) (?:can|could|may)\b",
                            re.IGNORECASE)
# "does that count as a breach?": what happened, classed as a breach, not what information is
_BREACH_CLASSED = re.compile(r"\b(?:count(?:s|ed)?|class(?:ed|ified)?|considered|treated|seen)\s+as\s+(?:a\s+|an\s+)?"
                             r"(?:data\s+|information\s+|security\s+)?(?:breach|near[ -]?miss|incident)", re.IGNORECASE)
# "is a child's NHS number counted as PID?", "ethnicity - sensitive or not?": how the protocol classes some
# information, asked with no way of sending it named; its definitions answer it (faq.yaml DEFINITIONS_FAQ)
# (what information is, not an act: "that counts as keeping a secure copy" proposes the keeping)
_CLASSED = re.compile(r"\b(?:count(?:s|ed)?|class(?:ed|ified)?|considered|treated|regarded|defined|seen)\s+as\b"
                      r"(?!\s+(?!identifying|something|anything|nothing|everything|being|missing)\w+ing\b)|"
                      r"\b(?:come|comes|fall|falls) under\b|"
                      r"\b(?:pid|personal|identifiable|sensitive|confidential)(?:\s+\w+)?\s+or\s+not\b|"
                      # "a parent's depression diagnosis - PID or sensitive data?"
                      # "is it 'sensitive' or just 'confidential'?"
                      r"\b(?:pid|personal|identifiable|sensitive|confidential)['\"’”]?(?:\s+\w+){0,2}\s+or\s+"
                      r"(?:just\s+|only\s+|simply\s+)?(?:(?:ordinary|normal|regular|plain|general)\s+)?"
                      r"['\"‘“]?(?:pid|personal|identifiable|sensitive|confidential)\b|"
                      # "which category of data is a young person's religion?", "which of the data categories ..."
                      r"\b(?:what|which) (?:data )?(?:category|categories|type of data|kind of data|sort of data)\b|"
                      r"\bwhich of the (?:data )?categories\b|"
                      r"\b(?:is|are)\b[^.?!]*(?<!put )(?<!mark )(?<!add )(?<!write )(?<!type )(?<!marked )(?<!marked it )"
                      r"(?<!mark it )(?<!labelled )(?<!labelled it )"
                      # (not the word put in a subject line; "personal" only as personal data itself: "NHS number with
                      # no name attached - is that still personal info??")
                      r"\b(?:pid|sensitive|confidential|identifiable|personal(?=\s+(?:data|information|info)\b))"
                      r"(?:\s+(?:personal\s+)?(?:data|information|info))?['\"’”]?\s*(?:\?|$)|"
                      # "is a child's NHS number PID even if I leave their name off?", "... PID on its own?"
                      r"\b(?:is|are)\b[^.?!]*\b(?:pid|identifiable|personal (?:data|information|info))\s+"
                      r"(?:even|still|if|when|once|on (?:its|their) own|by (?:itself|themselves)|alone|in isolation|"
                      r"without (?:a |the |their |his |her )?(?:name|names|surname))\b|"
                      # "what does the protocol mean by confidential data?", "what does 'PID' actually mean?"
                      r"\bmean(?:t)? by (?:a |an |the )?['\"‘“]?(?:pid|personal|identifiable|sensitive|confidential)\b|"
                      r"\bwhat (?:does|do) ['\"‘“]?(?:pid|personal|identifiable|sensitive|confidential)[\w\s'\"’”]{0,30}"
                      r"\bmean\b|\bdefinition of\b|\bdefines?\b|"
                      r"\b(?:could|would|does|can|will|is) (?:that|it|this|they|the [a-z]+(?: [a-z]+)?) (?:still )?"
                      r"(?:identify|be identifiable)\b|"
                      # "if I just put his nickname and the estate, is that identifying him or not?"
                      r"\b(?:is|are) (?:that|it|this|they) (?:still )?identifying\b|"
                      # "does mentioning a parent's ethnicity in an email make it sensitive data?"
                      r"\b(?:make|makes|turn|turns) (?:it|that|this|them|the (?:email|letter|message|document|file)) "
                      r"(?:into )?(?:pid|sensitive|confidential|identifiable|personal (?:data|information|info))\b",
                      re.IGNORECASE)
DEFINITIONS_FAQ = "what-is-pid"
# Deleting what a request (subject access, FOI) covers, asked about: never the FOI FAQ's "Yes, emails are included"
REQUEST_FAQ = "subject-access"
ADDRESS_FAQ = "email-address-unknown"  # the protocol gives no email address for anyone
DISCLOSURE_FAQ = "foi"  # All Email 7: every email is included in FOI and subject access requests
OTHER_ROUTES_FAQ = "secure-large-file"  # the ways other than email: Objective Connect, the school portal
RECEIVED_FAQ = "receive-encrypted"  # Appendix A's receiving steps: save to the shared drive, the password by phone
# The password by email refused, and by phone the protocol's way: a question that rings it through gets the second
PASSWORD_EMAILED_FAQ, PASSWORD_PHONED_FAQ = "password-same-email", "password-by-phone"
_SAR_NAMED = re.compile(r"\b(?:subject access|sars?)\b", re.IGNORECASE)
_REQUEST_NAMED = re.compile(r"\b(?:subject access|sar|sars|foi|freedom of information)\b", re.IGNORECASE)
# A request made, in its words: "wants", "has asked us for", "requested"
_ASKING_FOR = r"wants?|(?:asked|asking|asks)(?: me| us)?(?: directly| formally)? for|requested|requesting"
# The person the records are about asking for them: a subject access request, by any name ("dad wants a copy of
# everything we hold about him and his kids", "mum has asked for copies of all the emails about her")
_OWN_RECORDS = re.compile(r"\b(?:" + _ASKING_FOR + r"|(?:wants?|asked|asking|asks) to see)\s+"
                          r"(?:(?:a\s+)?(?:copy|copies)\s+of\s+(?:everything|all|every)|everything|"
                          r"all (?:the |our )?(?:information|info|records|data|files|emails|e-mails)|"
                          r"every (?:record|file|email|e-mail))\b[^.?!]{0,60}?\b(?:about|on) (?:him|her|them|themselves|himself|herself|"
                          # a parent asking for the child's: "a copy of everything we hold on his son"
                          r"(?:his|her|their) (?:own )?(?:son|daughter|child|children|kids?|baby|boy|girl|family))\b|"
                          # a request to erase: "mum wants her child's whole file deleted", "wants us to delete everything"
                          r"\b(?:wants(?: us| me| the council)?|(?:asked|asking|asks) (?:us|me|the council)|requested|is requesting|demanding|"
                          r"demands)\b"
                          r"(?: to (?:delete|erase|destroy|remove|wipe)\b| (?:\w+[' ]*){1,8}?(?:deleted|erased|destroyed|wiped)\b)",
                          re.IGNORECASE)
# Their own file by its own name ("mum wants a copy of her file"), asked with no sending asked or way named
# (or asked to see it, the whole of it asked for, or the file itself by "their"/"his"/"her": "a care leaver has asked
# for her whole file", "when a parent asks to see their file")
_OWN_FILE = re.compile(r"\b(?:" + _ASKING_FOR + r"|(?:wants?|asked|asking|asks) to see)\s+(?:(?:a\s+)?(?:copy|copies)\s+of\s+"
                       r"(?:his|her|their) (?:own |whole |full |entire )?|(?:his|her|their) (?:own |whole |full |entire )|"
                       r"(?:their|his|her) (?=(?:file|files|records)\b))"
                       r"(?:file|files|records|case file|social care file)\b|"
                       # asked whether: "a 14 yr old asked if she can see what's written on her file"
                       r"\b(?:asked|asking|asks|wants to know) (?:if|whether) (?:she|he|they) (?:can|could|may) "
                       r"(?:see|read|have|look at) (?:[\w']+ ){0,4}?(?:his|her|their) (?:own |whole |full |entire )?"
                       r"(?:file|files|records|case file|social care file)\b", re.IGNORECASE)
# Someone else's practice, kept up, and what to do about it asked: "a colleague keeps forwarding case emails to her
# hotmail - should I say something?", "one school keeps emailing me CP details from the head's gmail. What am I
# supposed to do about it?" (not "the school keeps asking me to email them updates - should I?": the user's own act)
_OTHERS_HABIT = re.compile(
    r"\b(?:colleague|co-?worker|team ?mate|school|head|agency|provider|practice|surgery|nursery|worker|manager)s?\b"
    r"[^.?!]{0,30}?\b(?:keeps|keep|regularly|routinely|always|constantly|has been|have been)\s+(?!asking|asks|ask\b)"
    r"[^?]{0,140}?\b(?:say(?:ing)? something|report (?:it|this|her|him|them)|who to|tell someone|tell my manager|"
    r"(?:is it|not) my place|leave it|what am i (?:supposed|meant) to do about|what (?:should|do|can) (?:i|we) do\b)",
    re.IGNORECASE)
_RAISE_IT = ("how to raise someone else's practice. Tell your manager: breaches and near misses are monitored. What the "
             "protocol says of the practice you describe is below.")
# Whether emails fall within a request, asked ("mum has put in a SAR - will my emails about her be included?", "are
# internal emails caught by FOI?"): not a sending
_WITHIN_REQUEST = re.compile(r"\b(?:included|include|includes|covered|cover|covers|caught|subject to|apply|applies|"
                             r"count|counts|disclosed|disclosable|see|seen|read|get hold of)\b", re.IGNORECASE)
_EMAILS_NAMED = re.compile(r"\b(?:e-?mails?|sent items)\b", re.IGNORECASE)
_SENDING_ASKED = re.compile(r"\b(?:send|sending|post|posting|forward|upload|get (?:it|them|the \w+|his \w+|her \w+) to)\b",
                            re.IGNORECASE)
# An email address asked for ("what email address do I use for the written follow-up?", "what's the Hub's email?"), not
# which kinds of address count as secure
_ADDRESS_ASKED = re.compile(r"\b(?:what|which|whats)(?:'s| is)? (?:the |their |its |an? )?(?:[\w']+ ){0,3}(?:email|e-mail) "
                            r"(?:address\b(?!es)(?! (?:count|counts|is secure))|(?:for|of) the\b)", re.IGNORECASE)
# Handling a request, beyond whether emails are in it: what to leave out, withhold or refuse
_REQUEST_HANDLING = re.compile(r"\b(?:third part(?:y|ies)|redact\w*|withh[oe]ld\w*|refuse|leave out|take out|"
                               r"process|deal with|handle)\b", re.IGNORECASE)
_ERASED = re.compile(r"\b(?:delete|deleting|deleted|erase|erasing|destroy|destroying|shred|shredding|get rid of|"
                     r"wipe|wiping|bin|binning|get round|get around|avoid)\b", re.IGNORECASE)
# Something outside the council proposed to be treated as internal council email
_AS_INTERNAL = re.compile(r"\b(?:can|could|may|shall) (?:i|we) (?:just |still )?(?:treat|count|class|consider|regard) "
                          r"(?:\w+ ){0,4}?as (?:internal|in house|inside the council)\b", re.IGNORECASE)
_COLLEAGUE = "colleague"  # vocabulary.yaml's one recipient inside the council (contract.py); every other is outside
# The rules said not to apply, for agreement: "none of the email rules apply, yeah?", "so the rules don't apply right?"
_RULES_OFF = re.compile(r"\b(?:none of|no) (?:the |these |those |our )?(?:\w+ )?(?:rules|guidance|protocol|policy) "
                        r"(?:apply|applies)\b|\b(?:rules|protocol|guidance|policy) (?:really |even |still )?"
                        r"(?:don'?t|doesn'?t|do not|does not) apply\b|"
                        # "internal email is secure so I don't need to worry about PID at all": nothing left to follow
                        r"\b(?:don'?t|do not|no need to|never) (?:need to |have to )?(?:worry|bother|think) about "
                        r"(?:\w+ ){0,3}?(?:at all|anymore|any more)\b|"
                        # "I'm following the Safe Haven procedure so I don't need to bother with this protocol, right?"
                        r"\b(?:don'?t|do not|no need to|needn'?t) (?:need to |have to )?(?:bother with|follow|worry about) "
                        r"(?:this|the|that|our) (?:protocol|guidance|policy|rules)\b", re.IGNORECASE)
# The user's own slip told ("I replied all with...", "lost an unencrypted memory stick", "sent the password in the
# same email"): what to do about a mistake, which the learned reading alone never makes a call to the Hub
_SLIPS = r"sent|replied|lost|left|faxed|e-?mailed|forwarded|cc'?d|keyed|misdialled|attached|copied|used"
_OWN_SLIP = re.compile(r"(?:^|[.!?]\s+|\b(?:i|i've|ive|i have|i'd|we|we've|oh no|oops)\s+(?:just\s+|accidentally\s+|"
                       rf"mistakenly\s+)?)(?:{_SLIPS})\b", re.IGNORECASE)
# Something told as having happened ("I sent it to the wrong Dave", "it's gone to the old address", "my laptop
# was stolen"): without one, a question naming a breach asks about breaches ("can the council be fined for a data
# breach?", "what happens if I send something to the wrong person?")
_HAPPENED = re.compile(rf"\b(?:{_SLIPS}|went|gone|stolen|misplaced|can'?t find|cannot find|saved|picked|chose|"
                       r"clicked|selected|ended up|received|got|has|have|had|was|were|did)\b", re.IGNORECASE)
# When a sending is allowed, or what comes before it, asked: "when is it ok to put a name and DOB on a fax?",
# "before I email PID, what should I check first?"
_WHEN_ALLOWED = re.compile(r"\bwhen\b[^.?!]{0,20}?\b(?:ok|okay|alright|fine|allowed|acceptable|permitted|"
                           r"(?:can|may|could) (?:i|we|you))\b|"
                           r"\bbefore (?:i|we) (?:e-?mail|send|fax|text|post|share|forward)\b", re.IGNORECASE)
_MESSAGING_APP = re.compile(r"\b(?:whats ?app(?:ed|ing|s)?|signal app|messenger|imessage|telegram|snapchat|"
                            r"viber)\b", re.IGNORECASE)
_APP_BY_ANALOGY = ("The protocol does not mention WhatsApp or other messaging apps, end-to-end encrypted or not: it speaks "
                   "of texts, and what it says of them is applied here by analogy. If you think you need one, ask your "
                   "manager.")
# Confidence or a promise of secrecy raised against passing a worry on: "she told me in confidence", "keep it between
# us", "I'm bound by confidentiality" (not the CONFIDENTIAL marking)
_CONFIDENCE_RAISED = re.compile(r"\b(?:in confidence|confidentiality|between (?:us|ourselves|you and me)|"
                                r"(?:asked|begged|told) me not to (?:tell|say|pass)|not to tell anyone|"
                                r"keep (?:it|this|that) (?:a )?secret|(?:break|breaks|breaking|breach|breaches|breaching) "
                                r"(?:her|his|their|the family's|a child's) (?:trust|confidence))\b", re.IGNORECASE)
_DUTY_OVERRIDES = ("The duty to safeguard children overrides confidentiality: a confidence, or a wish that you tell no "
                   "one, does not stop you passing on a worry about a child.")
# How to send it, asked: "what do I need to do to fax it properly?", "how should I email it?"
_HOW_TO_SEND = re.compile(r"\b(?:what (?:do|should|must) (?:i|we) (?:need to |have to )?do|how (?:do|should|can|would|must) "
                          r"(?:i|we))\b[^.?!]{0,25}?\b(?:send|fax|e-?mail|text|post)\b", re.IGNORECASE)
# A file gone out, not only named: "I sent it as 'Jones family.zip'", not "I've named it 'Smith family assessment'"
_GONE_OUT = re.compile(r"\b(?:sent|e-?mailed|faxed|forwarded|uploaded|shared|posted|attached|went|gone|received|"
                       r"arrived|opened|saved)\b", re.IGNORECASE)
# The definition asked beside something the user is sending ("is ethnicity sensitive? I'm sending the stats to a
# partner agency"): what it is, and the conditions it is sent under
_SENDING_TOO = re.compile(r"\b(?:send|sending|sent|e-?mail|e-?mailing|forward|forwarding|referral|referring|"
                          r"form|spreadsheet|list)\b", re.IGNORECASE)
# "is gsx secure?", "are internal emails secure?": whether a route is safe for what the protocol protects
_SECURE = re.compile(r"\b(?:is|are|isn'?t|aren'?t)\b[^.?!]*\b(?:secure|safe)\b", re.IGNORECASE)
# "what encryption do I need for emails to the NHS?": asked only of personal information (identifying no one, no
# encryption is needed), so it is answered for that
_ENCRYPTION_NEEDED = re.compile(r"\b(?:what|which)\b(?: \w+){0,2} (?:encryption|encrypting|aes|zip|zipping)\b")
# Whether it must be encrypted at all, asked ("do I need to encrypt an email to a colleague at cumbria.gov.uk?"):
# the rules for that recipient answer it, for personal information, not the how-to of encrypting
_ENCRYPTION_OWED = re.compile(r"\b(?:do|does|should|must|have)\b(?: \w+){0,2} (?:need to|have to|got to|to) "
                              r"(?:be )?(?:encrypt|encrypted|zip|zipped|7zip|password protect|password protected)\b")
# Many people written to at once ("30 foster carers", "all our parents"): a mailing, not a case sent to a family
_MANY = re.compile(r"\b(?:\d+|all|several|many|multiple|lots of|a group of|group of)\s+(?:of\s+)?(?:our|the|my|your)?\s*"
                   r"(?:foster\s+|adoptive\s+|kinship\s+)?(?:carer|parent|family|families|member|adopter|people)s?\b")
_YES_NO = re.compile(r"^\s*(?:no|yes)[.,!]?\s+", re.IGNORECASE)
# "... fax them the whole file, ok?": a statement with a tag asking for a yes or no
# Sending something with its protection left off, said outright (not "I don't have 7-Zip")
_UNPROTECTED = re.compile(r"\b(?:unencrypted|un-encrypted|unzipped|unprotected|without (?:encrypting|encryption|"
                          r"zipping|a password|the password)|plain email|in plain text|(?:send|email|sent|emailed) (?:it|them) plain|"
                          # "can I send the external email as it is?": as written, nothing done to protect it
                          r"(?:send|email|forward)\w* (?:it|them|the \w+(?: \w+)?)(?: to (?:the |a |an |my |our )?\w+)? "
                          r"as (?:it is|they are|is))\b"
                          r"(?!\s+(?:copy|copies|version|versions|original))",  # the copy the protocol says to keep
                          re.IGNORECASE)
# Asking whether a duty applies ("do we actually have to delete them?"), not proposing the risky thing
_OBLIGED = re.compile(r"\b(?:do|does|did) (?:i|we|you|u) (?:really |actually |still |also |even |always )?"
                      r"(?:have|hav|hv|need|ned) (?:to|2)\b|\b(?:do|does|did) (?:i|we|you|u) (?:hafta|gotta)\b|"
                      # "should envelopes containing personal information be marked confidential?"
                      r"\b(?:should|must|do|does) (?:\w+ ){1,6}?(?:be|get) (?:marked|labelled|labeled|stamped|headed)\b|"
                      # "does the subject really need to say ...", "do internal emails still need CONFIDENTIAL ...?"
                      # (or after a dash: "internal email with a PID attachment - do i still need CONFIDENTIAL ...?")
                      # (or after a clause: "apart from the subject, does the body need any wording?")
                      r"(?:^|(?<=[.!?:,\-\u2013\u2014])\s)\s*(?:do|does) (?:\w+ ){1,5}?(?:really |actually |still |also |even |always )?"
                      r"need\b(?! an?\b)|"
                      # "does CONFIDENTIAL have to go in the subject?", "does the cover sheet have to say ...?"
                      r"(?:^|(?<=[.!?:])\s)\s*(?:do|does) (?:\w+ ){1,4}?(?:really |actually |still |also |even |always )?have to "
                      r"(?:go|be|say|appear|show|include)\b|"
                      r"\b(?:do|does) (?:i|we) keep\b[^?.]* or\b|"  # "do I keep the zip or the original?": a choice
                      r"\bmust (?:i|we)\b|\b(?:am i|are we) (?:meant|supposed) to\b|"
                      # a step asked in its order: "Do I rename the document before I zip it?"
                      r"(?:^|(?<=[.!?:])\s)\s*do (?:i|we) (?!just\b)\w+\b[^?.]{0,40}?\b(?:before|first)\b|"
                      # "does it matter?", "does the deleted items folder matter too?"
                      r"\b(?:does|would|will|do) (?:it|that|this|(?:the |my |our )?(?:\w+ ){1,3}?)(?:really |actually )?"
                      r"matter\b", re.IGNORECASE)
# What the user does or means to do, told beside the question: the question is whether that is all right
_PROPOSING = re.compile(r"^\s*(?:was|were) (?:going|planning) to\b|"  # "was going to do Kayden.Jones.zip"
                        r"\b(?:i|we)(?:'m| am| are)? (?:normally|usually|always|generally|often|tend to|was going to|"
                        r"were going to|am going to|are going to|planned to|plan to|was planning to|thought i'd|"
                        r"thought we'd)\b", re.IGNORECASE)
# A proposal in quotes or a file name: "'Smith family docs.zip'?", "is Summer2024 ok?" after "what should I use?"
_PROPOSAL = re.compile(r"""['"\u2018\u201c][^'"\u2019\u201d]{2,}['"\u2019\u201d]|\b\w+\.(?:zip|7z|docx?|pdf|xlsx?)\b""",
                       re.IGNORECASE)
# A statement of what the user does, did or believes, told for agreement: "I'll just leave it in my sent items",
# "i put a snarky comment in ... its internal so it doesnt matter", "so i can put whatever i like in it"
_OWN_ACT = re.compile(r"^\s*(?:naming|saving|sending|putting|emailing|faxing|forwarding|keeping|leaving)\b|"
                      r"(?<!can )(?<!could )(?<!should )(?<!may )(?<!shall )(?<!when )\b(?:i|we)"
                      r"(?:'ll|\u2019ll| will|'ve|ve|\u2019ve| have)?"
                      r"\s+(?:usually\s+|always\s+|normally\s+)?(?:just\s+)?(?:put|leave|keep|send|sent|"
                      r"cc|cc'd|copy|copied|email|emailed|write|wrote|think|reckon|fax|text|type|reply|vent|hit|named|"
                      r"saved|call|called|marked|bung|stick|pop|chuck|fire|whack|paste|pasted|"
                      r"pick|trust|go with|let|tell|share|pass|give|mention)\b|^\s*just (?:fire|bung|stick|pick|trust|go with)\b|"
                      r"\bill (?:just )?(?:put|leave|keep|send|cc|copy|email|write|fax|text|type|reply|vent|name|call|"
                      r"forward|use|save|post|bung|stick|pop|chuck|fire|whack|paste|tell|let|share|pass|give|mention)\b|"
                      r"\b(?:im |i'm |i am |i was |we were )?(?:just )?(?:going to|gonna) (?:just )?(?:send|email|fax|cc|"
                      r"forward|put|leave|keep|text|use|name|reply|save|write|paste|type|copy|list)\b|\bjust (?:hitting|sending|emailing|faxing)\b|"
                      r"\b(?:i|we) (?:dont|don't|do not) (?:need|have) to\b|"
                      r"\bso (?:i|we) can\b|\b(?:easier|quicker|simpler|faster) to (?:just )?(?:send|fax|email|forward|"
                      r"text|put|leave|keep|cc|use)\b|"
                      r"\bso (?:it|that) (?:doesnt|doesn't|does not) matter\b|\bnever see\b|"
                      # the way put forward for its speed: "Fastest way to tell providers is the 'All Providers' list"
                      r"^\s*(?:the )?(?:fastest|quickest|easiest|simplest) way\b[^.?!]{0,80}?\bis (?:the|to|by|via|just)\b|"
                      # ... or after it: "the 'All North' list is the quickest way to get the notes out"
                      r"\b(?:is|are) (?:the|by far the|definitely the) (?:fastest|quickest|easiest|simplest) way\b|"
                      # a plan told: "Thinking of using the 'All Early Help' group to send round a case discussion"
                      r"^\s*(?:(?:i'?m|i am|we'?re|we are)\s+)?(?:thinking of|thinking about|considering|planning on|"
                      r"planning to)\s+(?:using|sending|emailing|faxing|texting|putting|copying|forwarding|cc|"
                      r"posting|sharing|sticking|leaving|keeping)\b|"
                      # a statement of what the user may do, or was asked to: "I can type her name straight into the
                      # message, right?", "my TM wants me to email the team a table pasted in the email itself"
                      r"(?<!\bwhat )(?<!\bhow )\b(?:i|we) can (?:just )?(?:put|type|send|paste|email|leave|keep|cc|copy|"
                      r"write|fax|text|reply|forward|use|name|save)\b|"
                      r"\b(?:wants|asked|told|expects|needs) (?:me|us) to (?:just )?(?:put|type|send|paste|email|leave|"
                      r"keep|cc|copy|write|fax|text|forward|use|name|save)\b", re.IGNORECASE)
# Whether something is what a word of the protocol names: "does it count as", "is it classed as"
_COUNTS_AS_ASKED = re.compile(r"\b(?:count|counts|counted|class|classed|considered|qualify|qualifies)\s+as\b")
# Whether the protocol covers a subject, asked: "is there guidance on ...", "does it say anything about ...",
# "what's the rule on ..."
_GUIDANCE_ON = re.compile(r"\b(?:is there|are there|does (?:it|the protocol|the policy|the isp) (?:say|have|cover)|"
                          r"what(?:s| is| are)? the)\b.*?\b(?:guidance|advice|anything|rules?|policy|procedure|process|"
                          r"section)"
                          r"\s+(?:on|about|for|regarding|covering)\s+(.+)")
# ... or whether one of its procedures reaches a subject: "does Safe Haven cover verbal sharing as well?"
# (not the protocol itself: "does the protocol cover staff info?" is answered by the words it does use, "employee
# information")
_COVERS_ASKED = re.compile(r"\bdoes (?:the |our |this )?safe haven(?: procedure)? (?:cover|covers|apply to|include|"
                           r"extend to)\s+(.+)")
_LONG_WORD = 7  # a subject word this long is no abbreviation
_WIDENING = frozenset("apart except besides else other others generally general just more further also whole "
                      "specific specifically particular".split())
# How long anything is kept: the protocol sets no period (KEEPING_FAQ, protocol_words)
_HOW_LONG = re.compile(r"\bhow long\b|\bhow many (?:year|month|week|day)s?\b|\bretention\b|\bretain\b")
# An amount asked for ("how big a fine could the council get?"): the protocol's words name the thing, not how much
_AMOUNT_ASKED = re.compile(r"\bhow (?:big|much|large|high|severe)\b")
# Whether what someone told or showed the user can wait to be passed on ("can I wait till next week's core group to
# pass on what dad told me?"): whether it can wait is whether a child may be at risk, so the harm question comes first
_WAIT_TO_SHARE = re.compile(r"\b(?:wait|hold off|leave it|sit on it|save it)\b[^.?!]{0,60}\b(?:to|before)\s+(?:\w+\s+){0,2}?"
                            r"(?:pass|share|tell|report|raise|mention|feed back)\b[^.?!]{0,40}\b(?:told|said|disclosed|"
                            r"mentioned|saw|seen|noticed)\b")
# Whether the duty to safeguard overrides confidentiality, asked of one child: "does safeguarding override
# confidentiality for a 17yo who's asked me not to tell anyone?" The override is for a child at risk of significant
# harm, so whether this one is comes first
_OVERRIDE_FOR_ONE = re.compile(r"\boverrides? (?:the |her |his |their )?confidential\w*\b[^.?!]{0,15}\b(?:for|with|of) "
                               r"(?:a|an|this|my|our|the|one) (?:\d+ ?(?:yo|year old|yr old)|child|kid|girl|boy|young "
                               r"person|teenager|teen|pupil|student|baby|toddler|yp)\b")
# Whether what the user describes is one for the Hub at all, asked: "is this one for the Hub or just early help?",
# "should I refer it to the hub?", "does this meet the threshold?". The protocol's test is the harm question
# (Information Sharing: suffering or likely to imminently suffer significant harm: ring the Hub; not sure: the manager
# or the Hub), so that is what is asked
_WHETHER_HUB = re.compile(
    r"\b(?:is|was) (?:this|it|that|she|he) (?:one |something |a case |a job |a matter )?(?:for|4) (?:the )?(?:hub|mash)\b|"
    r"\b(?:is|was) (?:this|it|that) (?:a )?(?:hub|mash) (?:referral|matter|thing|case|job|one)\b|"
    r"\b(?:does|would|should|will|do) (?:this|it|that|she|he|they) (?:need to |have to )?(?:go|be referred|be passed|be reported)"
    r" (?:to|through|on to|onto) (?:the )?(?:hub|mash)\b|"
    r"\b(?:does|would|will|do) (?:this|it|that) (?:meet|reach|hit|cross|warrant) (?:the )?(?:hub |mash |cp |safeguarding )?"
    r"(?:threshold|thresholds|referral)\b|"
    r"\b(?:hub|mash) or (?:just )?(?:early help|not|a tac|a team around)\b|"
    r"\b(?:should|do|must) (?:i|we) (?:need to |have to )?(?:refer|report|pass) (?:this|it|him|her|them) (?:on )?to (?:the )?(?:hub|mash)\b|"
    r"\b(?:should|do|must) (?:i|we) (?:need to |have to )?(?:ring|call|phone|contact) (?:the )?(?:hub|mash) "
    r"(?:about|over|re|on|for) (?:this|it|him|her|them|that)\b|"
    r"\b(?:worth|enough for|enough to) (?:a )?(?:ringing|calling|phoning|contacting|referring to|call to|going to|ring to) (?:the )?(?:hub|mash)\b",
    re.IGNORECASE)
# A procedure or its steps proposed to be set aside: "can I ignore the Safe Haven procedure?", "skip the steps"
_IGNORED = re.compile(r"\b(?:ignore|skip|bypass|disregard|get round|get around|opt out of|not bother with|not follow)\s+"
                      r"(?:the\s+|our\s+|this\s+|that\s+|these\s+|those\s+|all\s+(?:the\s+)?)?(?:[\w'\u2019-]+\s+){0,3}?"
                      r"(?:procedure|procedures|protocol|rules?|steps?|policy|guidance|process)\b", re.IGNORECASE)
# What came in, asked whether it may still be used: "Can I still use them?"
_STILL_USED = re.compile(r"\b(?:still|go ahead and|carry on and) (?:use|open|read|look at|rely on|work from|save)\b",
                         re.IGNORECASE)
_IDENTIFIER_RULE = "email-identifier-instead-of-names"  # rules.yaml
_CONFIDENTIAL_NAMED = re.compile(r"\bconfiden?ti?al\b", re.IGNORECASE)
# A weapon read with another sign is rung however everyday the rest reads: "turned up at the school gate this morning
# with a knife asking for his son"
_WEAPONS = frozenset({"knife", "knives", "gun", "guns", "weapon", "weapons", "blade", "machete"})
# Seen or told as just now: "a toddler I watched being shaken in the car park about ten minutes ago"
_JUST_NOW = re.compile(r"\b(?:minutes?|mins?|moments) ago\b|"
                       # ... or last night, and the child still there: "assaulted at home last night and is still there"
                       r"\b(?:last night|this morning|an hour ago)\b[^.?!]{0,40}\bstill (?:there|at home|with)\b",
                       re.IGNORECASE)
# The words the user would send, given: "text mum to say the meeting is at 2", "email the IRO saying ..."
_TO_SAY = re.compile(r"\b(?:text|txt|email|e-mail|message|whatsapp|write to|reply to)\b[^.?!]{0,40}?\b(?:to say|saying|to tell "
                     r"(?:her|him|them))\b", re.IGNORECASE)
_MEETING = re.compile(r"\b(?:meeting|meetings|call|calls|video|conference|core group|strategy discussion)\b",
                      re.IGNORECASE)
_FAQ_FILLERS = frozenset("not have need get do make want go".split())  # prepared words that tell no FAQ apart
# An order asked as a question: the user proposes doing it ("just fax it over?", "cc everyone?")
_BETTER = frozenset(("better", "best", "safer", "wiser"))
# A proposal judged, its verdict word first: "fine since it's internal?", "ok if I cc her?"
_FINE_FIRST = frozenset({"fine", "ok", "okay", "alright", "allowed", "acceptable"})
_IMPERATIVE_ASKED = frozenset("just save send fax email forward text cc bcc put keep leave use zip print post name call "
                              "whatsapp upload share reply".split())
_SOURCE_ASKED = re.compile(r"\bwhere does it say\b|\bpolicy\b|\bguidance\b|\bschedule\b|\bwhich document\b")
_KEPT = re.compile(r"\b(?:keep|kept|keeping|retain|retained|hold|held|store|stored|stay|stays|remain|remains|leave|left|"
                   r"sit|sits|sitting|hang on to|hang onto|hold on to|hold onto|archive|archived)\b")
# "when can I shred my visit notes?": when to destroy anything is the same silence as how long to keep it
_DISPOSED_WHEN = re.compile(r"\bwhen (?:can|should|do|must|could|am) (?:i|we)\b.*\b(?:shred|shredded|destroy|destroyed|"
                            r"dispose|disposed|bin|binned|get rid|throw away|throw out)\b")
KEEPING_FAQ = "keeping-period"  # faq.yaml: the protocol sets no period; where a copy is kept, it says
# Whether what goes on Objective Connect must be encrypted too: the protocol calls it secure file sharing and says no more
# ("do I still need to encrypt files before putting them on OC?", "do files on OC need encrypting as well?"; not which
# of the two is better: "Objective Connect or encrypted email?")
_ENCRYPT_ASKED = re.compile(r"\b(?:encrypt|encrypted|encrypting|zip|zipped|zipping|7zip|password protect|password protected)"
                            r"\b[^.?!]{0,40}\b(?:before|first|as well|too|also|beforehand)\b|"
                            r"\b(?:still|also)\b[^.?!]{0,25}\b(?:encrypt|encrypted|encrypting|zip|7zip|password protect)|"
                            # the encryption's password step asked of it: "does OC need a password phoned through?"
                            r"\bpassword\b[^.?!]{0,12}\b(?:phoned|rung|by phone|over the phone)\b|"
                            # ... or a password asked of it at all: "does objective connect need passwords like 7zip?"
                            # (not its own sign-in: "needs a password to log in")
                            r"\b(?:need|needs|require|requires|use|uses)\b[^.?!]{0,12}\b(?:a )?passwords?\b"
                            r"(?![^.?!]{0,12}\b(?:log|login|logon|sign|signing)\b)")
_COMPARED = re.compile(r"\b(?:or|than|instead|rather|bother|better|prefer|preferred)\b")
OC_ENCRYPTION_FAQ = "objective-connect-encryption"  # faq.yaml: the protocol leaves it open; where to ask
# What a route costs, who pays, whether a licence is needed: "is there a cost to the team for using Objective Connect?",
# "do I need a licence?" (not "in charge of", "charged with": no price in them; nor a driving licence sent)
_COST_ASKED = re.compile(r"\b(?:is there|are there|what is|what's|whats|how much|does it|do we|will it|any)\b[^.?!]{0,20}"
                         r"\b(?:cost|costs|fee|fees|price|charge for)\b|"
                         # "does a secure email account cost the team anything?"
                         r"\b(?:does|do|will|would)\b[^.?!]{0,40}\bcost\b[^.?!]{0,20}\b(?:anything|money|extra)\b|"
                         r"\bhow much (?:does|do|will|is)\b[^.?!]{0,40}\b(?:cost|pay)\b|\bwho pays\b|"
                         r"\bneed (?:a|an|any) (?:licence|license|subscription)\b")
COSTS_FAQ = "costs-not-covered"  # faq.yaml: the protocol says nothing of costs or licences
# Whether a team's shared mailbox is one of the protocol's generic addresses, asked: "is our duty inbox classed as a
# generic address?", "does the generic address rule apply to the hospital's safeguarding team mailbox?". Its one
# example is info@ (not "is admin@ counted as generic?": an address like its example, which its rule answers)
SHARED_MAILBOX_FAQ = "shared-mailbox-generic"  # faq.yaml: the protocol does not say
_GENERIC_CLASS_ASKED = re.compile(r"\bgeneric\b[^.?!]{0,30}\b(?:rule|rules)\b[^.?!]{0,20}\b(?:apply|applies)\b|"
                                  r"\b(?:count|counts|counted|class|classed|considered|treated|same as)\b[^.?!]{0,25}"
                                  r"\bgeneric\b", re.IGNORECASE)
_SHARED_BOX = re.compile(r"\b(?:team|teams|team's|shared|duty|departmental|group)\b[^.?!@]{0,25}"
                         r"\b(?:mailbox|mailboxes|inbox|inboxes|email|address)\b", re.IGNORECASE)
# The user unsure whether to share at all: "I don't know if that's ours to share", "not sure if I can pass it on"
NOT_SURE_FAQ = "not-sure"
WHO_FAQ = "who-to-ask"  # faq.yaml: who to ask about the protocol
_NOT_NAMED = "The protocol does not name who that is."
_UNSURE_TO_SHARE = re.compile(r"\b(?:(?:dont|don't|do not|genuinely don't|honestly don't) know|not sure|unsure|not certain)\s+"
                              r"(?:if|whether)\b(?: [\w']+){0,4}? (?:share|sharing|shared|pass|passed|give|given|tell|"
                              r"disclose|disclosed|allowed)\b", re.IGNORECASE)
# A set form or template asked for ("is there a template for the written follow-up to the Hub?"): the protocol has none
_TEMPLATE_ASKED = re.compile(r"\b(?:is there|are there|do we have|do you have|have we got|is there an?|where do i find|"
                             r"where can i find|where do i get|where can i get)\s+(?:a |an |any |the )?(?:set |standard |"
                             r"particular |special |specific |official |agreed |proper )?(?:form|forms|template|templates|"
                             r"proforma|proformas|pro forma|pro-forma)\b(?! (?:of|to) )(?!.*\bcover sheet)")
# (not a fax's cover sheet: the protocol sets out what it says)
TEMPLATE_SILENCE = "The protocol gives no set form or template for this: ask your manager which one your team uses."
# The user's own case: "mine has a password", "when I use it"
_MY_OWN = re.compile(r"\b(?:mine|my own|i use|we use|i save|we save|i put|we put)\b", re.IGNORECASE)
# The protocol forbidding something in its own words: "DO NOT SAVE TO A USB STICK", "must never be faxed"
_FORBIDS = re.compile(r"\b(?:do not|must not|should not|never|not be|cannot|can not)\b|"
                      r"\bno (?:\w+ ){1,3}(?:should|must|may|can) be\b",  # "No sensitive information should be sent"
                      re.IGNORECASE)
_UNSETTLED = ("being reviewed", "once finalised")  # the protocol's own words for a process not yet settled
# Something the user would do, or asks leave to do: "can I ...", "is it ok to ...", "I'm going to ...". A question
# without one asks about the protocol or a way of sending ("is texting secure?", "do many people have cjsm?")
_ACTING = re.compile(r"\b(?:can|could|may|might|should|shall|must|do|did|am|will|would|need|have)\s+(?:i|we|u)\b|"
                     r"\b(?:i|we|u|you)(?:'m|'ll|'ve|'d| am| will| have| had| need| want| would| should| must)?\s+"
                     r"(?:to\s+)?(?:send|sent|email|e-mail|fax|text|post|share|forward|attach|save|put|give|pass|"
                     r"tell|ring|phone|call|use|upload|zip|encrypt|copy|print|delete|keep|reply|open|store|move)\w*\b|"
                     r"\b(?:is|would|will) (?:it|that|this) (?:be )?(?:ok|okay|alright|all right|fine|allowed|acceptable)\b|"
                     r"\b(?:ok|okay|allowed|alright|fine|acceptable|permitted)\b|\bim\b|\bive\b|\bill\b|"
                     r"\b(?:i|we)(?:'m|'ll|'ve|'d| am| will| was| were| just)\b|\b(?:if|when|before|after) (?:i|we)\b|"
                     r"\bjust\b",
                     re.IGNORECASE)
# What someone else may see, get or ask for ("can parents get hold of emails I've written about them?"), asked
_THEIR_ACCESS = re.compile(
    r"\b(?:can|could|will|would|do|does|may|might)\s+(?:the\s+|a\s+|an\s+)?(?:parents?|mum|dad|famil(?:y|ies)|"
    r"young (?:people|person)|yp|child|children|kids?|they)\s+(?:ever\s+|actually\s+|legally\s+)?(?:get to\s+|"
    r"be able to\s+|ask to\s+|ask for\s+|request\s+|request to\s+|have the right to\s+)?(?:see|get hold of|get copies|get a copy|read|"
    r"access|view|obtain|copies)\b", re.IGNORECASE)
# ... or told the other way round: "could my emails about a family end up being disclosed to the family?"
_SEEN_BY_THEM = re.compile(r"\b(?:end up|ever|be|get|gets|being)\s+(?:being\s+)?(?:disclosed|released|read|seen|shown|"
                           r"given out|handed over)\s+(?:to|by)\s+(?:the\s+)?(?:famil(?:y|ies)|parents?|mum|dad|"
                           r"child|young (?:person|people)|them|themselves)\b", re.IGNORECASE)
# ... beside something the user is doing now: "could a parent see it? I'm about to email the school"
_ACTING_NOW = re.compile(r"\b(?:i'?m|i am|we'?re|we are) (?:about to|going to|sending|emailing)\b|\bcan (?:i|we) "
                         r"(?:send|email|forward|share|fax|text|cc|copy)\b", re.IGNORECASE)
# "how do I agree the password?", "what am I meant to keep?": steps asked for, not a fact
_PROCEDURE = re.compile(r"\b(?:how|what)\b.*?\b(?:do|does|can|should|shall|must|am|are) (?:i|we)\b")
# Whether a reason is enough for the act, asked: "email is quicker than the portal - is that a good enough reason to
# use it for PID?" proposes the act, whatever the question's last word
_REASON_ASKED = re.compile(r"\b(?:good enough|a good|a valid|an ok|an okay|a fair|sufficient) (?:reason|excuse)\b|"
                           r"\breason enough\b|\bjustif(?:y|ies|ied|ication)\b", re.IGNORECASE)
# A classing that the user draws a sending from: "so that's not personal data and I can email it normally?"
_SO_I_CAN = re.compile(r"\b(?:and|so),? (?:so )?(?:when [^,.?!]{1,40}?,? )?(?:basically |really |then |surely |presumably |obviously )?(?:(?:i|we) (?:can|could|may)|(?:can|could|may) "
                       r"(?:i|we)) (?:just |simply |still )?"
                       r"(?:send|email|fax|text|post|share|forward|pass|type|put|write|include|leave|use|copy|attach|"
                       r"add|skip|hand|give|disclose|release|paste|pop|stick)\b|"
                       # "internal email is classed as secure, so it's fine to type the child's details into the body"
                       r"\bso (?:it'?s|it is|that'?s|that is|i'?m|we'?re) (?:fine|ok|okay|alright|safe) to\b|"
                       # asked: "internal Outlook counts as secure, so is it fine to type her DOB into the body?"
                       r"\bso (?:is it|is that|am i|are we) (?:fine|ok|okay|alright|safe|allowed) to\b|"
                       # "internal email counts as secure, so there's no harm pasting the assessment into the body?"
                       r"\bso (?:there'?s|there is|it does|it'?ll do) no harm\b|"
                       # "internal email counts as secure, so no problem putting her DOB straight into the body?"
                       r"\bso (?:there'?s |there is |it'?s |that'?s )?no (?:problem|issue|issues|worries) (?:with )?\w+ing\b",
                       re.IGNORECASE)
# Advice asked for, not permission: "any tips?", "does the protocol say anything about autocomplete?"
_ADVICE = re.compile(r"\b(?:any )?tips?\b|(?<!to get )(?<!to ask for )(?<!for )\badvice\b|\bsay anything (?:about|on)\b|\bany rules (?:on|about)\b|"
                     r"\banything (?:else )?(?:i|we) (?:should|need to|must|ought to|have to)\b|"
                     r"\b(?:should|must|do) (?:i|we) (?:need to )?do (?:something|anything)\b",
                     re.IGNORECASE)
# What to do with a copy, asked as what is done ("do I keep the zipped version after sending it?"): the steps answer
# it, not a "No" to a proposal (not "can I keep ...?", "do I just keep ...?": put forward)
_COPY_DUTY = re.compile(r"^(?:\w+,? )?(?:do|does) (?:i|we|you) (?:keep|delete|remove|get rid of)\b", re.IGNORECASE)
# A check the user proposes to make is the protocol's own care, not what a rule warns against: "is it worth
# checking the job title in the address book?", "should I double check the address?"
_CHECK_PROPOSED = re.compile(r"\b(?:worth|should (?:i|we)|shall (?:i|we)|is it (?:good|best|wise) (?:practice )?to)\s+"
                             r"(?:also |always |still )?(?:double[- ]?)?(?:check|checking|confirm|confirming|verify|"
                             r"verifying)\b", re.IGNORECASE)
# What will come of something already there, asked: "am I in trouble?", "will I get disciplined?" (no proposal)
_CONSEQUENCE_ASKED = re.compile(r"\b(?:am i|are we|will i|will we|could i|could we|would i|would we) (?:be |get |going to be |"
                                r"gonna be |gonna get )?(?:in trouble|disciplined|sacked|fired|done for)\b", re.IGNORECASE)
# "should I put CONFIDENTIAL in the subject line?": the marking the protocol asks for, proposed; not the personal
# details it warns against
_MARKING = re.compile(r"\b(?:should|shud|shld|shall|do|must) (?:i|we) (?:still |always |also )?(?:put|mark|write|type|add|include|use)"
                      r"\s+(?:[\w'@-]+\s+){0,10}?(?:as\s+)?"
                      r"(?:the\s+word\s+)?['\"\u2018\u201c]?(?:private and |strictly )?confiden?ti?al['\"\u2019\u201d]?"
                      r"(?:\s+(?:in|on|at|as) (?:the |da |my |our )?(?:subject|subj|subjct|title|header|top)(?: line)?)?"
                      # ... when the sending is told after it: "should I mark the email confidential when I send
                      # the timetable to the school?"
                      # ... or a condition: "... if the only personal info is the child's first name?"
                      r"(?:,?\s+(?:when|before|if|as|even if|even though|though|for|with|on) [^?.!]{3,120})?"
                      r"\s*[?.!]*\s*$", re.IGNORECASE)
# ... or whether an email needs it: "do internal emails with an assessment attached need CONFIDENTIAL in the subject
# as well?"
_PRACTICE_QUESTIONED = re.compile(r"\b(?:need|have|got) (?:to|2) (?:change|alter|rethink) (?:how (?:i|we) (?:do|send|am|are|have)|"
                           r"the way (?:i|we)|what (?:i|we) (?:do|am doing|are doing)|my practice|our practice)\b|"
                           r"\b(?:need|have|got) (?:to|2) stop (?:doing (?:it|this|that)|it\b)", re.IGNORECASE)
# Where the CONFIDENTIAL marking applies, asked: "is marking the subject CONFIDENTIAL only for external emails?", "does
# the CONFIDENTIAL marking rule apply to letters?", "do the other pages need marking confidential too?"
_MARKING_SCOPE = re.compile(r"\b(?:is|are|does|do)\b[^.?!]{0,40}\b(?:marking|marked|mark)\b[^.?!]{0,25}\bconfidential\b"
                            r"[^.?!]*\b(?:only|too|also|as well|apply|applies)\b|"
                            r"\b(?:is|are|does|do)\b[^.?!]{0,20}\bconfidential (?:marking|label)\b", re.IGNORECASE)
_MARKING_NEEDED = re.compile(r"\b(?:need|needs|require|requires|have to have|has to have|have to be marked|has to be "
                             r"marked|need to be marked|needs to be marked)\s+(?:the\s+word\s+)?['\"\u2018\u201c]?"
                             r"confiden?ti?al['\"\u2019\u201d]?\s+(?:in|on|at) (?:the |their )?(?:subject|title|header)",
                             re.IGNORECASE)
# What a term of the protocol means, asked: "what does the protocol mean by a generic email address?"
# (the term quoted, or of three words: "what does 'generic email address' mean?")
_TERM_WORD = r"[\w'\"\u2018\u2019\u201c\u201d-]+"
_DEFINING = re.compile(r"\b(?:mean|means|meant) by\b|\bdefinition of\b|\bdefine\b|"
                       rf"\bwhat (?:does|do) {_TERM_WORD}(?: {_TERM_WORD}){{0,2}} mean\b",
                       re.IGNORECASE)
# A how-question typed with no question mark: "after I've emailed it what do I do with it in sent items"
_WH_ASKED = re.compile(r"\b(?:what|how|where|which|when) (?:do|should|can|shall|must|would) (?:i|we)\b", re.IGNORECASE)
# "for the subject line can i put ...": a permission asked after a few words of context
_ASKING = re.compile(r"\b(?:(?:can|could|may|should|shall|must) (?:i|we)|is it (?:ok|okay|alright|fine|allowed)|"
                     r"(?:ok|okay|alright|fine|safe|good|all good) to (?:send|email|fax|text|share|post|forward|pass|give|put|use|"
                     r"save|keep|print|leave|take|name|call|label|title|zip|upload|attach|cc|bcc|store|ring|phone|"
                     r"whatsapp|copy|delete|paste|type|write|include|add|mention|open|download|install|borrow|"
                     # what is proposed already told: "Health want the NHS number in the subject. OK to do?"
                     r"do|do that|do this|go ahead|proceed|agree|accept|comply|go with)|"
                     r"am i allowed|are we allowed|do (?:i|we) (?:have|need)|"
                     r"surely (?:i|we) (?:can|could|should)|"  # "it's internal so surely I can put it in the body?"
                     r"that'?s (?:ok|okay|fine|alright|allowed) (?:since|because|as|cos|if)|"
                     # asked on someone's behalf: "my manager has asked me to check if this is still OK"
                     r"(?:check|checking|know|confirm|find out) (?:if|whether) (?:this|it|that|we|i) (?:is|are|can|could) "
                     r"(?:still )?(?:ok|okay|allowed|fine|acceptable|alright|right|do this))\b", re.IGNORECASE)
# A message ending in a tag without its question mark: "thats fine isnt it", "that ok". Narrower than _AGREE
# below: read for the question's form, where a statement ending "he's fine" or "that's true" asks nothing
_AGREE_LAST = re.compile(r"\b(?:(?:ok|okay|alright|fine) or (?:nah|naw|no|not)|isn'?t it|is that ok|is that okay|that ok|thats ok|that's ok|thats fine isnt it|"
                         r"is that right|yeah|innit|(?<!how )(?<!what )(?<!who )do (?:i|we))\s*\?*\s*$|\b(?:right|yes)\?\s*$", re.IGNORECASE)
# a conclusion after "so", asked to be agreed: "I've marked it confidential, so I'm compliant?", "their address is
# secure, so an ordinary email will do?"
_SO_CONCLUDED = re.compile(r"\bso\s+(?!(?:what|how|who|whom|where|when|which|why|do|does|did|can|could|should|shall|is|"
                           r"are|would|will|must|may|might|far|much|many|long)\b)[^?]{3,90}\?\s*$", re.IGNORECASE)
# ... or said to be fine, asked: "putting her name in it is fine, because I've marked it confidential?"
# the user's own way, judged with a question mark: "That's the tidy way to do it?", "that's right?" (not what a thing
# is: "That's anonymous then?" asks how it is classed)
_THAT_IS_ASKED = re.compile(r"\W*(?:and |so )?(?:that'?s|that is|this is|thats) (?:the |a )?(?:\w+ )?(?:way|right|correct|"
                            r"fine|ok|okay|acceptable|sensible|tidy)\b[^?]{0,30}\?\s*$", re.IGNORECASE)
_FINE_ASKED = re.compile(r"\b(?:is|are|would be|will be|should be)\s+(?:fine|ok|okay|alright|all right|acceptable)\b",
                         re.IGNORECASE)
# a conclusion put forward to be agreed: "surely it doesn't matter that the zip is called ...?"
# (or no trouble in it: "so there's no problem sending the whole file to ...?")
_SURELY = re.compile(r"\bsurely\b|\b(?:it )?(?:doesn'?t|does not|won'?t|will not|wouldn'?t) matter\b|"
                     r"\b(?:there'?s|there is|that'?s|it'?s) no (?:problem|issue|harm)\b", re.IGNORECASE)
# "if I take the name off the report is it anonymous?": a condition, then the yes/no question
_CONDITIONAL_ASK = re.compile(r"\b(?:is|does|would|will|could) (?:it|that|this)\b[^.!?]{3,40}\?", re.IGNORECASE)
# ... with the condition first and the question after: "if I delete an email will it be excluded from a SAR?"
_IF_THEN_ASK = re.compile(r"^\W*(?:(?:so|and|but) )?(?:if|when|once|after|before)\b(?![^?]*\b(?:what|how|where|who|which|why|or)\b)"
                          r"[^?]{3,80}?\b(?:(?:can|could|will|would|should|do|does|is|are|must|may) "
                          r"(?:i|we|it|they|he|she|you|that|this)|"
                          # the conclusion told, with a question mark: "if anyone says it's safeguarding I can just send
                          # them the whole file?"
                          r"(?:i|we) (?:can|could|may|should) (?:just |simply |still )?\w+|"
                          # ... or after "then": "if my subject line says 'CONFIDENTIAL - ...' then it's properly marked?"
                          r"then (?:it|it'?s|its|that|that'?s|thats|we|we'?re|i|i'?m|they|they'?re)\b)\b"
                          r"[^?]*\?\s*$", re.IGNORECASE)
_TAGS = (r"\b(?:(?:ok|okay|alright|fine|allowed) or (?:nah|naw|no|not)|"  # "names in the body ok or nah"
         r"ok|okay|alright|all right|right|yeah|yes|fine|allowed|acceptable|correct|true|isn'?t it|"
         r"is it|is there|isn'?t there|innit|aren'?t we|don'?t we|won'?t it|wouldn'?t it|shouldn'?t it|doesn'?t it|(?<!how )(?<!what )do (?:i|we)|"
         r"(?:don'?t|can'?t|shouldn'?t|haven'?t|didn'?t) (?:i|we)|"
         r"(?:long|strong|good|secure|safe|short|anonymous) enough)")  # "Password idea: 12345678. Long enough?"
# asked only with its question mark: "I'll name the zip 'Tyler_Ross.zip'. Good idea?" ("... which was a good idea"
# tells, it does not ask)
_JUDGED = (r"\b(?:(?:a\s+)?(?:good|bad|sensible|ok|okay)\s+idea|sounds?\s+(?:ok|okay|right|good|alright|fine|sensible|"
           r"reasonable)|any\s+(?:problems?|issues?)(?:\s+with\s+(?:that|this|it|doing that|doing this))?|(?:is\s+)?that\s+(?:a\s+problem|an\s+issue)|sensible|reasonable|"
           r"acceptable|agreed|no (?:problems?|issues?) (?:with (?:that|this|it|doing that|doing this)|there)|"
           # "Quickest way, no?": the way told, judged
           r"(?<=,\s)no|"
           # "Subject line: CONFIDENTIAL - Ruby Patel DOB ... Good to go?", "will that do?"
           r"(?:good|ok|okay|fine|alright|all right|ready|safe) to (?:go|send)|all good|will (?:that|this) do|"
           r"(?:does|will) (?:that|this) work|(?:good|best|normal|standard|usual) practice|"
           # "... left it in Deleted Items just in case. That ticks the box?", "job done?"
           r"ticks? (?:the|that|all the|every) box(?:es)?|(?:does|do) the (?:job|trick)|job done|"
           # "... - ok or not?"
           r"(?:ok|okay|fine|alright|allowed|acceptable) or not|"
           # "I'll leave it in Sent Items as my record. Nothing wrong with that?"
           r"(?:nothing|anything) wrong with (?:that|this|it|doing that|doing this)|no harm in (?:that|this|it))")
_TAG = re.compile(rf"(?:{_TAGS}|{_JUDGED})\s*\?+\s*$|"
                  # ... judged for a use: "subject line 'Re: Lily (DOB 03/04/19)' ok for an internal email?"
                  r"\b(?:ok|okay|alright|fine|acceptable|allowed|good enough) (?:for|as) (?:a |an |the |my |our )?"
                  r"[\w' -]{1,30}\?+\s*$", re.IGNORECASE)
# one page said to be enough where the protocol asks for all: "only the front page needs marking Confidential?"
# (not "every page or just the cover sheet?", which asks which)
_FIRST_PAGE_ONLY = re.compile(r"(?<!\bor )\b(?:only|just) (?:the )?(?:first|front|top|cover|1st) (?:page|sheet)\b", re.IGNORECASE)
_EVERY_PAGE = re.compile(r"\b(?:every|each|all) (?:the )?pages?\b", re.IGNORECASE)
# a sentence holding a sign, read alone by the learned reading: at least even odds that a child is at risk keeps
# the sign from being quieted by the everyday question around it
_EVEN_ODDS = 0.5
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;\n])\s+")
# the same tag at the end of a message, with or without its question mark: "that's fine isn't it"
_AGREE = re.compile(_TAGS + r"\s*\?*\s*$", re.IGNORECASE)
# ... or with its reason after it: "that's ok isn't it, since I marked it confidential?"
_TAG_THEN = re.compile(r"\b(?:(?:that'?s|it'?s|this is)\s+(?:\w+\s+)?" + _TAGS
                       # "If I title it 'CONFIDENTIAL - Tyler Reed' that covers it, since I've marked it confidential?"
                       + r"|(?:that|this|which|it)(?:'ll| will| would)? covers? (?:it|me|us|everything|things))"
                       + r"\s*,?\s+(?:since|as|because|cos|coz|seeing as|given)\b[^?]*\?*\s*$", re.IGNORECASE)


# A question asking leave to do something: a common question's verdict answers it; any other is answered as fact
_THE_PROTOCOL = re.compile(r"\b(?:protocol|policy|isp)\b", re.IGNORECASE)  # the document itself, not a case
_WHO_ASKED = re.compile(r"\b(?:who|whos)\b", re.IGNORECASE)  # asking for a person
# "Who is the council's Data Protection Officer?": a person asked for, answered only by words that name one
_WHO_IS = re.compile(r"\s*(?:who(?:'s|s| is| are)|whose)\b", re.IGNORECASE)
_SOMEONE_NAMED = re.compile(r"\b(?:manager|managers|officer|team|desk|hub|head|director|lead|senior|smith|staff|"
                            r"sender|recipient|person|worker|colleague)\b", re.IGNORECASE)
_DEFINES = re.compile(r"what counts as\b", re.IGNORECASE)  # a common question saying what a word covers
_NOT_WH = r"(?<!where )(?<!how )(?<!what )(?<!when )(?<!who )(?<!why )(?<!which )"  # not "where can I"
# Leave asked to do something, of anything: "can it go on the child's file?", "can I keep it?"
_LEAVE_ASKED = re.compile(rf"{_NOT_WH}\b(?:can|could|may|shall) "
                          r"(?:i|we|it|this|that|these|they|you) (?:just |still |now )?(?:go|be|put|keep|send|share|pass|"
                          r"save|store|use|add|give|forward|attach|leave|file|upload)\b", re.IGNORECASE)
_PERMISSION = re.compile(rf"\b(?:{_NOT_WH}"
                         r"(?:can|could|may|should|shall) (?:i|we|they|you)|is it (?:ok|okay|alright|fine|allowed|"
                         r"safe|acceptable)|am i allowed|are (?:we|they) allowed|(?:ok|okay|alright|fine|safe) to|"
                         r"means? (?:i|we) (?:can|could|may|don'?t|do not|no longer)|"
                         # "does the council's protocol allow us to keep notes on it?"
                         r"(?:allow|allows|let|lets|permit|permits) (?:us|me|staff|schools?) to)\b",
                         re.IGNORECASE)
# The protocol asked to give leave, not asked about as a document: "does the protocol allow us to ...?"
_PROTOCOL_ALLOWS = re.compile(r"\b(?:protocol|policy|isp)\s+(?:allow|allows|let|lets|permit|permits)\s+(?:us|me|staff|"
                              r"schools?)\b", re.IGNORECASE)
_PERMITTING = (Verdict.ALLOWED, Verdict.ALLOWED_WITH_CONDITIONS)
# Whether a way of sending is ever open, asked of the way itself: "can I text parents at all?", "is texting ok in
# general?"
_WAY_AT_ALL = re.compile(r"\b(?:at all|in general|generally|ever (?:ok|okay|allowed|acceptable|alright|fine))\b")
# ... not "not urgent at all", "won't open zips at all", "no encryption on it at all": a no, made whole
_NONE_AT_ALL = frozenset("no not never without wont cant nothing none isnt arent dont doesnt didnt".split())
# An FAQ's telling words that any request uses (prepared): an FAQ matched on these alone gives way to the protocol's
# silence the question also asks about (an unsettled FAQ)
_EVERYDAY_NEEDS = frozenset({"ask", "want", "request", "need", "copi", "peopl"})  # prepared: "a copy", "people"
# Words of stress that change nothing asked: "how do I actually encrypt a file?" is "how do I encrypt a file?"
_STRESS = frozenset("actually really basically literally honestly definitely exactly simply".split())
# "does the protocol say anything about ...?": whether it covers a subject, asked of the protocol itself
_SAYS_ANYTHING = re.compile(r"(?:does|do) (?:it|the protocol|the policy|the isp|this protocol|this policy) "
                            r"(?:say|have|cover|mention)\b")
# Someone telling the user, now: "mum has told me about ...", "she's just told us that ..." (not "told me last year")
_TOLD_THE_USER = re.compile(r"\b(?:has|have|just|\w+['\u2019]s|shes|hes) (?:just )?(?:told|disclosed to) (?:me|us)\b",
                            re.IGNORECASE)
_SUBJECT_UNMET = "The protocol does not cover this subject, so SafeShare cannot give you a rule for it."
_WHY_ASKED = re.compile(r"^\W*why\b|\bwhy (?:is|are|does|do|can'?t|cannot|should|must|would)\b", re.IGNORECASE)
# the password is what goes: "can I text the zip password instead of ringing?" is the password's own FAQ
_PASSWORD_WORD = re.compile(r"\bpass(?:word|code|phrase)s?\b", re.IGNORECASE)
# a file said to be password protected: what it is, not a password asked about
# ... or said to have one ("my own encrypted USB, it's got a password", "it has a passcode on it")
_PROTECTED = re.compile(r"\bpass(?:word|code)[ -]protected\b|"
                        r"\b(?:it'?s got|it has|has got|it has got|they'?ve got|with) (?:a |its own )?pass(?:word|code)\b"
                        r"(?! (?:for|to|of)\b)", re.IGNORECASE)


# A slip told in so many words (not "after I've sent the encrypted file, what do I do with my copies?")
_MISTAKE = re.compile(r"\b(?:by (?:mistake|accident)|accidentally|in error|oops+|whoops|realis|realiz|wrong|forgot|"
                      r"mistyp|misdial|replied[- ]all|reply[- ]all|replied to all|hit reply|omg|too late|shouldn'?t have|"
                      r"didn'?t need|did not need|before i (?:realised|realized|noticed|checked)|"
                      # a cry for help with the slip told: "help - i put the password in the same email"
                      r"^\W*(?:help|argh+|uh oh|oh no)\b|(?:it'?s|it has|its) (?:already )?gone\b)", re.IGNORECASE)
# FAQs that are themselves what to do after a mistake
_AFTER_A_MISTAKE = frozenset({"wrong-recipient", "breach-consequences", "received-password-in-email"})
# Question words that also open a relative clause ("the report, which is long, ...")
_RELATIVE = frozenset({"which", "who", "whom", "whose", "where", "when"})
# Where a question may start again in a sentence (see question_form); a wh-question after a dash decides it
_BREAK = re.compile(r"\s+[-\u2013\u2014]+\s+|[:;,]\s+")
_DASH = re.compile(r"\s+[-\u2013\u2014]+\s+|[:;]\s+")
_WH = tuple(w + " " for w in QUESTION_WORDS)


# "Best way to send ...?", "Most secure route?": a question for the way, with its "what's the" left off
_WAY_ASKED = re.compile(r"^(?:the\s+)?(?:best|safest|most secure|securest|quickest secure|right|correct|proper|"
                        r"recommended|approved)\s+(?:way|route|method|option|channel)s?\b|"
                        # what else is to be done: "anything else I have to do?", "is there anything else I need to do"
                        r"(?:^|\bis\s+there\s+)anything\s+else\s+(?:(?:i|we)\s+)?(?:have\s+to|need\s+to|must|should|ought\s+to)"
                        r"\s+(?:do|add|include|put|write|say|mention)\b|"
                        # the steps asked for: "can you walk me through it?", "could you show me how?"
                        r"^(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?(?:walk|talk|take|run)\s+"
                        r"(?:me|us)\s+through\b|^(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?"
                        r"(?:show|tell|explain to)\s+(?:me|us)\s+how\b", re.IGNORECASE)


# Asking what, or how much, may be told or shared: the content and whether, not the way of sending it
_HOW_MUCH_TOLD = re.compile(r"\b(?:what|how much|how many details)\s+(?:can|should|could|may|do|am)\s+(?:i|we)\s+"
                            r"(?:allowed to\s+)?(?:tell|say|share|disclose|give|pass on|reveal)\b", re.IGNORECASE)
_UNSAID_ROUTES = frozenset({"email", "phone"})  # the ways a question means without naming them (the password's phone)


# What to do about something, asked: "a parent has posted the social worker's photo on Facebook. What should we do?"
_CHOICES_ASKED = frozenset({"options", "alternatives", "suggestions", "ideas"})
_TROUBLE_ASKED = frozenset({"problem", "problems", "issue", "issues", "probs", "prob"})
_WHAT_TO_DO = re.compile(r"\bwhat (?:should|do|can|shall|must) (?:i|we) do\b", re.IGNORECASE)
# A removing step of the protocol missed, then doing it now asked ("forgot to clear out my sent items ... should I do it
# now?"), or what now ("... is that a problem?"): the step is what is proposed, not what the rule warns against
_STEP_MISSED = re.compile(r"\b(?:forgot|forgotten|forget|failed|neglected|omitted) to (?:delete|clear|remove|empty|"
                          r"tidy)\b|"  # (not "forgot to put CONFIDENTIAL in the subject": a slip)
                          # "I haven't deleted PID emails from my sent items for about 6 months"
                          r"\b(?:havent|haven't|have not|hadnt|hadn't|never|didnt|didn't|did not) (?:ever |really )?"
                          r"(?:deleted|cleared|removed|emptied|tidied)\b", re.IGNORECASE)
_DO_IT_NOW = re.compile(r"\b(?:do|sort|fix) (?:it|that|this|them) now\b|\bdo (?:it|that|this) (?:straight away|asap)\b|"
                        # the step named, now: "should I just bin them all now?"
                        r"\b(?:delete|bin|clear|remove|empty|purge) (?:it|that|this|them|those|these)(?: all)? "
                        r"(?:now|straight away|asap|today)\b", re.IGNORECASE)
# A check proposed to be skipped: "without reading what's further down", "without checking who's on it"
_THREAD = re.compile(r"\b(?:thread|threads|chain|chains|trail|trails)\b", re.IGNORECASE)
# (or left for the recipient to pass over: "the earlier messages mention mum's history but they'll scroll past it")
# The earlier messages of a thread to be left in as they are: "just hit reply?", "with it all included", "fine,
# surely?", "I'll just add my bit at the top"
_LEFT_AS_IS = re.compile(r"\bjust (?:hit |click |press )?(?:reply|replying|forward|forwarding|fwd|send|sending|"
                         r"reply all|add)\b|\bsurely\b|\b(?:all|it all|everything) (?:still )?(?:included|in it|left in)\b|"
                         r"\bas it is\b|\bleave (?:it|them|that) (?:in|there)\b|\bon top\b|\bat the top\b|"
                         r"\b(?:that|thats|that's|it's|its|is) (?:fine|ok|okay|alright)\b|"
                         # whether leaving it in matters: "will it matter that further down there's ..."
                         r"\b(?:will|would|does|do) (?:it|that) matter\b", re.IGNORECASE)
# Leave put forward with no limit on what or to whom: "send anything to anyone", "share whatever with whoever"
_UNBOUNDED = re.compile(r"\b(?:anything|everything|whatever)\b[^.?!]{0,25}?\b(?:anyone|anybody|everyone|everybody|"
                        r"whoever)\b", re.IGNORECASE)
_UNCHECKED = re.compile(r"\bwithout (?:first )?(?:reading|checking|looking|scrolling|reviewing|going through|"
                        r"double checking|double-checking|re-reading|rereading)\b|"
                        r"\b(?:scroll|skim|skip|flick) (?:down |straight )?(?:past|over)\b|"
                        # "so I don't need to bother reading through the older messages, do I?"
                        r"\b(?:don'?t|do not|needn'?t|need not|no need to) (?:need to |have to )?(?:bother )?(?:with )?"
                        r"(?:reading|checking|read|check|looking|look|scrolling|scroll)(?:(?: through| back| at| over)\b|"
                        # "I don't need to read the older messages underneath first, do I?"
                        r"(?: all)?(?: the| that)? (?:older|earlier|previous|old|rest of the|whole) "
                        r"(?:messages|emails|thread|chain|trail)\b)|"
                        # left for the recipient to pass over: "there's older stuff but they won't read that bit"
                        r"\b(?:they|he|she|nobody|no one)(?:'ll|\u2019ll| will)? (?:won'?t|wont|will not|never|"
                        r"(?:are|is)n'?t going to|not going to) (?:bother )?(?:read|look|scroll|notice|see)\b|"
                        r"\b(?:they|he|she)(?:'ll|\u2019ll| will) (?:just )?(?:scroll|skip|skim)\b",
                        re.IGNORECASE)


# The words a subject line may carry that name no one: the marking, and what the email is (All Email 5)
_SUBJECT_WORDS = frozenset("confidential private official sensitive strictly re fw fwd referral report reports minutes "
                           "meeting meetings plan plans case notes update request requested documents document docs "
                           "information info attached attachment attachments secure encrypted file files please see "
                           "review agenda strategy conference assessment core group team the a an for from to and of "
                           "about our your new urgent query follow up".split())
# ... and a detail told beside the quoted subject, outside it: "'CONFIDENTIAL' and the family surname in the subject"
_DETAIL_TOLD = re.compile(r"\b(?:names?|surnames?|initials?|dob|d\.o\.b|birth|address|postcode|nhs|numbers?|ages?|"
                          r"school|ref|reference)\b", re.IGNORECASE)
_INITIAL = re.compile(r"\b[A-Z]\b")  # a capital on its own: an initial ("Baby M")


def clean_subject(question: str) -> bool:
    """A subject line quoted whose every word is the marking or what the email is ("'CONFIDENTIAL - referral'"):
    no personal details in it. A name, initial, number or any other word leaves it for the rule to judge."""
    quoted = [m.group(0) for m in QUOTE.finditer(question)]
    if len(quoted) != 1 or _DETAIL_TOLD.search(QUOTE.sub(" ", question)):
        return False  # (nor "'CONFIDENTIAL' and the family surname in the subject")
    words = re.findall(r"[a-z0-9]+", quoted[0].lower())
    return bool(words) and set(words) <= _SUBJECT_WORDS and not _INITIAL.search(quoted[0])


def _duty_asked(question: str) -> bool:
    """A duty asked about ("do I need to ...?", "should I mark it CONFIDENTIAL?"): answered by the steps, never by an
    FAQ's "No". Not whether a practice told must change ("I've been doing X - do I need to change how I do it?"):
    that asks if it is all right, as "is that ok?" does."""
    return bool(_OBLIGED.search(question) or _MARKING.search(question) or _MARKING_NEEDED.search(question)
                or _MARKING_SCOPE.search(question)) and not _PRACTICE_QUESTIONED.search(question)


def _steps_for_duty(faq: Faq, question: str) -> bool:
    """A duty asked about, met by an FAQ's "No": the steps answer it, not the "No" (another question's). Unless that
    "No" answers the premise the duty is asked on (faq.yaml `refutes`: "the disclaimer is there anyway, so do I still
    need to encrypt?")."""
    return faq.verdict is Verdict.NOT_ALLOWED and _duty_asked(question) and not faq.refutes


# A term of the protocol's asked what it means, quoted: "what does 'need to know' mean?", "what's meant by 'minimum
# recipients'?", "what does the protocol mean by 'secure folder'?"
_TERM_ASKED_PATTERN = re.compile(r"""\bwhat(?:'s| is| does| do)?\b[^?.'"\u2018\u201c]{0,40}?['"\u2018\u201c]([^'"\u2019\u201d]{3,40})['"\u2019\u201d]"""
                         r"""(?=[^?.]{0,30}\bmean)|\bmeant by (?:an? |the )?['"\u2018\u201c]([^'"\u2019\u201d]{3,40})['"\u2019\u201d]""",
                         re.IGNORECASE)


def _term_asked(question: str) -> str | None:
    """The quoted term a question asks the meaning of ("what does 'need to know' mean?": "need to know"), if any."""
    term = _TERM_ASKED_PATTERN.search(question)
    return None if term is None else term.group(1) or term.group(2)


# The way of sending asked for, as a question of its own: "What route should I use?", "How should I send it?"
# the way asked for, with none named in the asking: "Care leaver ... only answers texts. How do I get his pathway
# plan to him?" (not "how do I text him the plan?", which names its way)
_WAY_UNNAMED = re.compile(r"\bhow (?:do|should|can|would|shall) (?:i|we) (?:get|send|share|pass|give)\b(?![^.?!]*\b(?:by|via|on|"
                          r"through|over) (?:text|sms|whatsapp|fax|email|e-mail|post|usb|phone)\b)[^.?!]*\?\s*$",
                          re.IGNORECASE)
_ROUTE_ASKED = re.compile(r"(?:so )?(?:what|which) (?:route|way|method|channel)\b|"
                          r"(?:so )?how (?:should|do|can|would|shall) (?:i|we) (?:send|get|share|transfer|do)\b",
                          re.IGNORECASE)


_PLEASE = frozenset({"pls", "plz", "please", "plse", "ples"})


def _pleaded(question: str, because: Iterable[Cue]) -> bool:
    """An act done to the speaker, in words quoted: "a note saying 'please help me he will kill me'". A child's own
    plea is a disclosure however everyday the question around it reads."""
    acts = {c.words.lower() for c in because if c.words}
    return any(re.search(rf"\b{re.escape(act)} (?:me|us)\b", m.group(0).lower())
               for m in QUOTE.finditer(question) for act in acts)


# A reason asked for ("why are gmail and hotmail banned?") and the case some put for doing it anyway
_WHY_ASKED = re.compile(r"\s*why\b", re.IGNORECASE)
_WHY_PREMISE = re.compile(r"\b(?:encrypt\w*|surely|isn'?t|isnt|it'?s got|its got|2fa|2 factor|two factor|passwords?|"
                          r"if (?:i|we|it|they|it's|its)|mine|tbh|anyway|seems|same as|more secure|better|worse|legit|"
                          r"official|right organisation|right person|everyone|reliable|daft|just|own|thought)\b",
                          re.IGNORECASE)
_NUMBER_WORDS = frozenset({"number", "num", "no", "extension", "ext"})  # a number asked for by name alone


def question_form(question: str) -> str:
    """ "how" for a how, what, which, where, who or when question; "yes_no" for a permission
    question ("can I ...", "is it ok ..."); "" for a statement. The question sentence decides."""
    # not after an initial ("'CONFIDENTIAL - J.S. dob 03/04/12' ok as a subject line?" is one sentence)
    # (nor after "e.g." or "i.e.": "Should the attachment have the child's name on it, e.g. 'Poppy Jones PEP.docx'?")
    question = to_and_for(question)  # "ok 2 put ...?" is "ok to put ...?"
    question = _ALL_RIGHT.sub("alright", question)  # "all right to send?" is "alright to send?"
    sentences = [s for s in re.split(r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\be\.g\.)(?<!\bi\.e\.)\s+", question.strip()) if s]
    asked = [s for s in sentences if s.rstrip().endswith("?")] or sentences[-1:]
    if any(_PROPOSING.search(s) for s in sentences if s not in asked):
        return "yes_no"  # "what should I call the zip? I normally call it the kid's name": that is what is asked
    later = sentences[sentences.index(asked[0]) + 1:] if asked else []
    if (len(asked) >= 2 and _PROPOSAL.search(asked[-1])) or any(
            _PROPOSAL.search(s) and s.split()[0].lower() in YES_NO_WORDS for s in later):
        return "yes_no"  # "what should I call the zip file? is 'Smith family docs.zip' ok?": the proposal is asked
    last = asked[-1] if asked else ""
    if len(asked) >= 2 and _offers_choice(last) and (re.findall(r"[a-z']+", last.lower()) or [""])[0] not in YES_NO_WORDS:
        return "how"  # "can I send it by email? body of the email or attachment?": the choice asked last decides
    if len(asked) >= 2 and (_ROUTE_ASKED.match(last.strip()) or _WAY_ASKED.match(last.strip().lower())):
        return "how"  # "can I get the CIN notes to the school DSL? What route should I use?": the way asked last
    # "school keep asking - can i put ... ?", "they want the whole file, what do I send?": after a dash, colon,
    # semicolon or comma a question may start again
    # (not a relative clause in the middle: "my mailbox, which is secure, so ...")
    middle = {part for s in asked for part in _BREAK.split(s)[1:-1]}
    asked += [part for s in asked for part in _BREAK.split(s)[1:]]
    for sentence in asked:
        words = [spoken(w) for w in re.findall(r"[a-z0-9']+", sentence.lower()) if w not in _OPENERS]
        first = words[0].replace("'", "") if words else ""
        if first in _RELATIVE and sentence in middle:
            continue
        # "when another agency asks for the file, I should just send the lot?": "when" opens a clause, not a question
        # ("when should I ...", "when exactly ...", "where else ...", "where to ...": asked)
        # (not with a question inside it still: "when I reply, do I add it?", "when a case closes how long ...")
        opens_clause = first in _CLAUSE_WH and len(words) > 2 and words[1] not in YES_NO_WORDS \
            and words[1] not in _WH_ASKING_NEXT and not QUESTION_WORDS.intersection(words[1:]) \
            and not _INVERTED.search(sentence.lower())
        if first in ("what", "how") and words[1:2] == ["about"]:
            return "yes_no"  # "what about an encrypted USB stick, is that ok?": another way put forward
        if first == "what" and words[1:2] == ["if"]:
            return "yes_no"  # "what if the usb stick is an encrypted one from ICT?": whether that changes the answer
        if (first in QUESTION_WORDS and not opens_clause) or _WAY_ASKED.search(" ".join(words)):
            return "how"
        if len(words) > 2 and words[-1] in ("what", "which", "where") and words[-2] not in ("or", "and", "no", "matter") \
                and not (words[-1] == "which" and words[-2] in ("is", "are")):  # (not "... knows which file is which")
            return "how"  # asked where the answer goes: "subjct line shud say wat", "the zip should be called what?"
        if len(words) <= 3 and _CHOICES_ASKED.intersection(words):
            return "how"  # "Options?", "any alternatives?": the ways asked for
        if len(sentences) == 1 and 1 < len(words) <= 5 and words[-1] in _PLEASE and first not in YES_NO_WORDS:
            return "how"  # "hub num pls", "ICT desk number please": something asked for, as information
        if len(sentences) == 1 and 1 < len(words) <= 4 and words[-1] in _NUMBER_WORDS and first not in YES_NO_WORDS \
                and sentence.rstrip().endswith("?"):
            return "how"  # "Hub number??": the number asked for, as information
        if first == "anything" and words[1:2] and words[1] in _ANYTHING_ASKED and sentence.rstrip().endswith("?") \
                and "or" not in words:
            # "Anything I need to put in the email?": what to put, asked (not "anything wrong with ...?", nor "anything
            # special, or is it just a normal letter?", which asks which)
            return "how"
        if (first in _IMPERATIVE_ASKED or (first in _BETTER and words[1:2] == ["to"])
                or (first in _FINE_FIRST and len(words) > 1)) and sentence.rstrip().endswith("?"):
            return "yes_no"  # "just email the lot?", "save time and fax the whole bundle?", "better to over-share than
            # under-share?": proposing it, asked
        if first == "anything" and words[1:3] == ["wrong", "with"] or first == "any" and words[1:2] and \
                words[1] in ("problem", "problems", "issue", "issues") and words[2:3] == ["with"]:
            return "yes_no"  # "Subject: 'baby Smith (DOB ...)'. Anything wrong with that?": the proposal judged
        if 0 < len(words) <= 2 and words[-1] in _TROUBLE_ASKED and (len(words) == 1 or words[0] in ("any", "a")) \
                and sentence.rstrip().endswith("?"):
            return "yes_no"  # "Subject line is 'Re: Baby M - mum's MH'. Problem?": what was told, judged
        if first in _CANT and _trouble_told(sentence):
            continue  # "cant find the rules on how long we keep files, wot r they": the user's trouble, told
        if first in YES_NO_WORDS:  # "should I use cc or bcc?" offers a choice: the steps answer it
            return "how" if re.search(r"\b\w+ or \w+\b", sentence.lower()) and not _OR_ELSE.search(sentence) \
                else "yes_no"
        if any(part.lower().lstrip().startswith(_WH) for part in _BREAK.split(sentence)[1:]):
            continue  # "the number's smudged - what is it?": the question after the dash decides, not its "is it?"
        if first in _SUBORDINATING and any((re.findall(r"[a-z']+", part.lower()) or [""])[0] in YES_NO_WORDS
                                           for part in _BREAK.split(sentence)[1:]):
            continue  # "after I've sent the zip, should I keep the zip or the original?": the question after the comma
        if _TAG.search(sentence) or _TAG_THEN.search(sentence) or _ASKING.search(sentence) or _CONDITIONAL_ASK.search(sentence) \
                or (_IF_THEN_ASK.search(sentence) and not _offers_choice(sentence)) \
                or (sentence is asked[-1] and _AGREE_LAST.search(sentence)) \
                or (sentence.rstrip().endswith("?") and (_SO_I_CAN.search(sentence) or _SO_CONCLUDED.search(sentence)
                                                         or _SURELY.search(sentence) or _FINE_ASKED.search(sentence)
                                                         or _THAT_IS_ASKED.match(sentence))):
            return "yes_no"  # "... so that's not PID and I can email it normally?": a conclusion asked to be agreed
        if _offers_choice(sentence):
            return "how"  # "- body of the email or attachment?": a choice offered, the steps answer it
    return ""


_CANT = frozenset({"cant", "can't", "cannot", "couldnt", "couldn't"})
_ALL_RIGHT = re.compile(r"\ball right\b", re.IGNORECASE)
_SUBJECTS = frozenset({"i", "we", "you", "u", "they", "he", "she", "it", "that", "this", "the", "a", "an", "my", "our",
                       "their", "his", "her", "someone", "anyone", "people", "staff"})


def _trouble_told(sentence: str) -> bool:
    """"can't find ...", "couldn't open ...": a sentence opening with "can't" and a verb, no one named after it (as
    typed: the openers question_form drops include "I", so "can't I just email it?" is asked, not told)."""
    raw = re.findall(r"[a-z0-9']+", sentence.lower())[:2]
    return raw[0].replace("'", "") in _CANT and len(raw) > 1 and raw[1] not in _SUBJECTS


def _offers_choice(sentence: str) -> bool:
    """A question offering two things to choose from ("body of the email or attachment?"), not a rough amount
    ("for a day or two?") nor "... or not?"."""
    return sentence.rstrip().endswith("?") and bool(_CHOICE.search(sentence)) and not _OR_ELSE.search(sentence)


# Doubts always asked about, whatever the learned reading: a negated cue ("no bruises that I saw"), a document
# whose description names abuse or injury ("the minutes about the non-accidental injury")
_ALWAYS_ASKED = frozenset({"negated", "document", "hedged"})
# ... and asked about however everyday the rest reads, rung where the learned reading finds it clear: a girl whose
# mother has had FGM; a sign of sexual activity with a child's age under 16 told
_NEVER_QUIET = _ALWAYS_ASKED | {"inherited", "quoted", "underage", "safe_now", "handover"}
# ... and never rung about on the learned reading alone: those, a story with no word of harm read, a sign the
# learned reading alone found
_NEVER_RUNG = _ALWAYS_ASKED | {"story", "learned"}


def _lower_first(label: str) -> str:
    """ "Yes, it is urgent" -> "yes, it is urgent", for the middle of a sentence; a name ("Objective Connect",
    "ICT") keeps its capital."""
    first = label.split(" ", 2)
    if len(first) > 1 and first[1][:1].isupper() or first[0][1:2].isupper():
        return label
    return label[:1].lower() + label[1:]


class Assistant:
    """Everything needed to answer questions under one policy. Build once."""

    def __init__(self, policy: Policy):
        self.policy = policy
        texts = [p for f in policy.faq.values() for p in (f.question, *f.paraphrases)]
        self.reader = Reader(policy, extra_words=texts)
        self.learned = LearnedReading(policy.harm.learned) if policy.harm.learned else None
        # an FAQ with no paraphrases is reached only by its button or by name ("what email address do I use?")
        self.faq_index = FaqIndex(((f.id, (f.question, *f.paraphrases)) for f in policy.faq.values() if f.paraphrases),
                                  self.prepare)
        self._also_index: FaqIndex | None = None  # built on first use: most questions never need it
        self._clauses: ClauseIndex | None = None  # likewise
        self._section_words: dict[str, frozenset[str]] | None = None  # each item's prepared words, for nearest_cited
        self._route_words: frozenset[str] | None = None
        self._faq_needs: dict[tuple[str, str], frozenset[str]] = {}  # (FAQ id, `needs` or `needs_too`)
        self._unsettled: tuple[tuple[Faq, frozenset[str], frozenset[str]], ...] | None = None  # faq.yaml `unsettled`, with its needs
        # faq.yaml `refutes`, with its prepared wordings
        self._refuting: tuple[tuple[Faq, tuple[str, ...]], ...] | None = None
        self._sparing = frozenset(w for word in _SPARING for w in self.prepare(word).split())  # prepared
        self._proposed = {r.id: r.proposed for r in policy.rules if r.proposed}
        # the rules about what a file is called (rules.yaml: `when` on file_named): a name given is answered No
        self._naming_rules = frozenset(r.id for r in policy.rules if any("file_named" in w for w in r.when))
        # The FAQ's own question, as its quick-reply button sends it: answered as the FAQ, whatever its words
        # ("Does confidentiality stop me sharing a safeguarding concern?" is not a disclosure)
        self._buttons = {normalise(f.question): f.id for f in policy.faq.values()}
        self._rule_reads = {rule.id: frozenset(name for cond in rule.when for name in cond) for rule in policy.rules}
        # The one-word names of each way of sending, prepared: a paraphrase naming one covers only a question
        # naming it ("what records do i keep of faxes" is not "I keep my sent emails as a record")
        self._channel_words = {prepared: c.id for c in policy.channels.values() for w in c.words
                               if " " not in w and (prepared := self.prepare(w))}
        # ... and its longer names, prepared, as sets of words ("secure email"): for _names_only
        self._channel_phrases = {c.id: tuple(phrase for w in c.words if len(phrase := frozenset(self.prepare(w).split())) > 1)
                                 for c in policy.channels.values()}

    def _names_only(self, prepared: str, channel: str) -> bool:
        """A prepared text names one way of sending and no other: by its one-word names, or by one of its longer
        ones ("what is secure email": "secure email", whose "email" names no other way)."""
        words = set(prepared.split())  # (an index's paraphrases are held with their words sorted)
        if any(phrase <= words and not any(w in self._channel_words for w in words - phrase)
               for phrase in self._channel_phrases.get(channel, ())):
            return True
        return {self._channel_words[w] for w in words if w in self._channel_words} == {channel}

    def _words(self, text: str) -> list[str]:
        tokens = self.reader.speller.tokens(text)
        # "a phone call": the phone, said once; its "call" names nothing ("what should I call the zip?")
        return ["not" if w in NEGATED else w for i, w in enumerate(tokens)
                if w not in STOPWORDS and w not in _STRESS
                and not (w in ("call", "calls") and i and tokens[i - 1] in ("phone", "telephone"))]

    def prepare(self, text: str) -> str:
        """The form both the question and each paraphrase are compared in."""
        return " ".join(self.reader.harm.stem(IRREGULAR.get(w, w)) for w in self._words(text))

    def answer(self, question: str) -> Reply:
        reply = self._reply(question)
        if (reply.rule_id.startswith("faq:") or reply.rule_id == "protocol-words") and reply.verdict in _PERMITTING \
                and not _PERMISSION.search(question):
            # "which law is it based on?", "what's the rule for sharing with a service abroad?" (the protocol's
            # nearest words, quoted): not answered "Allowed"
            reply = replace(reply, informs=True)
        elif reply.rule_id.startswith("faq:") and reply.verdict in _PERMITTING and _PERMISSION.search(question) \
                and not _WHO_ASKED.search(question) \
                and (not _THE_PROTOCOL.search(question) or _PROTOCOL_ALLOWS.search(question)) \
                and (_WHO_ASKED.match(self.policy.faq[reply.faq_id].question)
                     or _DEFINES.match(self.policy.faq[reply.faq_id].question)):
            # "can I share information with the MP?" met "Who can I ask about this protocol?": the common question
            # answers who, and its "Allowed" is no leave to share; whether is not said ("can I forward the protocol's
            # PDF to the new childminders?" asks about the document the common question is about)
            # (nor does one saying what a word means: "What counts as personal information?" met "I'd take the names out
            # but the condition is rare. Can I share it?")
            reply = replace(reply, verdict=Verdict.NEED_MORE_INFO)
        elif reply.faq_id == NOT_SURE_FAQ and reply.verdict is Verdict.NEED_MORE_INFO \
                and question_form(question) in ("how", "") and not any(
                    reply.facts.get(f) for f in ("channel", "kind", "recipient")):
            # "who do I talk to if I'm not sure whether I can share something?": asked of the procedure, with no
            # sharing named, what the protocol says to do is the answer (not "not sure if I can share with the
            # police, who do I ask?": that sharing is still to be weighed). Its steps are the answer's conditions
            reply = replace(reply, verdict=Verdict.ALLOWED_WITH_CONDITIONS, informs=True)
        proposed = self._proposed.get(reply.rule_id)
        if reply.rule_id in self._naming_rules and proposed is not None and reply.verdict is not proposed.verdict \
                and not (reply.facts and reply.facts.get("already") and _GONE_OUT.search(question)) \
                and not _CHANGE_ASKED.search(question) \
                and self.reader.file_name_given(question, self.reader.speller.tokens(question)):
            # "the zip is called 'Ellie-Mae CP report.zip', any problem?", "what should I call it - Julia_Smith.zip?":
            # the name given identifies someone: not that name. (What to change, asked, gets the steps: "do I need to
            # rename it?"; one sent already, what to do now)
            reply = replace(reply, verdict=proposed.verdict, summary=proposed.summary)
        channel = self.policy.channels.get(reply.facts.get("channel") or "") if reply.facts else None
        if channel is not None and not channel.covered and reply.alternatives and _MEETING.search(question) \
                and not self.reader.names_document(self._words(question)):
            # "is Zoom ok for a core group?": a meeting or a call, where a file-sharing route is no safer way
            reply = replace(reply, alternatives=())
        if reply.verdict in (Verdict.NOT_ALLOWED, Verdict.ALLOWED_WITH_CONDITIONS) and not reply.rule_id.startswith("faq:") \
                and _OTHERS_HABIT.search(question):
            # "a colleague keeps putting kids' names in the body of her emails - should I say something?": someone
            # else's practice; how to raise it the protocol does not say. What it says of the practice stays below.
            reply = replace(reply, verdict=Verdict.NEED_MORE_INFO, summary=_RAISE_IT,
                            reasons=(reply.summary, *reply.reasons), follow_up="")
        if reply.verdict in _PERMITTING and _IGNORED.search(question) and question_form(question) == "yes_no":
            # "if I follow the ISP can I ignore the Safe Haven procedure?": leave to set a procedure aside is not
            # what any "Allowed" here gives; the protocol's steps still stand, and they follow
            reply = replace(reply, verdict=Verdict.NOT_ALLOWED,
                            summary=f"No: the protocol does not let you set that aside. {reply.summary}")
        if reply.verdict is Verdict.NOT_ALLOWED and not reply.rule_id.startswith("faq:") \
                and _WHY_ASKED.match(question) and question.count("?") <= 1 and not _WHY_PREMISE.search(question):
            # "why are gmail and hotmail banned?": the reason asked for, as information (what the protocol says and
            # why); not a case put for doing it anyway ("why can't I use gmail? it's encrypted these days")
            reply = replace(reply, verdict=Verdict.ALLOWED, informs=True)
        if _SUPPLIER_ASKED.match(question) and reply.verdict in _PERMITTING:
            # "which courier firms are we allowed to use?": a name the protocol never gives; what it says of the way
            # stays beneath
            reply = replace(reply, verdict=Verdict.NEED_MORE_INFO, summary=f"{_NO_SUPPLIER} {reply.summary}")
        if reply.facts and reply.facts.get("channel") == "text" and reply.verdict is not Verdict.ESCALATE \
                and not reply.asks and _MESSAGING_APP.search(question):
            # "can I WhatsApp the care plan, it's end-to-end encrypted?": the protocol speaks of texts only; what it
            # says of them is applied to an app by analogy, and the answer says so
            reply = replace(reply, reasons=(_APP_BY_ANALOGY, *reply.reasons))
        if (reply.verdict is Verdict.ESCALATE or reply.asks == "harm") and _CONFIDENCE_RAISED.search(question):
            # "she told me in confidence ... I'm bound by confidentiality, right?": the Hub or the harm question
            # first, and the duty that answers the doubt (Information Sharing: the duty to safeguard)
            duty = self.policy.sections["safeguarding.duty"]
            reply = replace(reply, reasons=(_DUTY_OVERRIDES, *reply.reasons),
                            citations=tuple(dict.fromkeys((*reply.citations, duty))))
        return replace(reply, quoted=self.nearest_cited(question, reply)) if reply.citations else reply

    def nearest_cited(self, question: str, reply: Reply) -> tuple[Section, ...]:
        """The protocol items the answer cites that share a word with the question, those sharing most first (in
        citation order among equals): the full answer quotes the first few word for word."""
        words, asked = self.section_words, set(self.prepare(question).split())
        cited = [s for s in dict.fromkeys(reply.citations) if not s.external and s.text]
        shared = {s.id: len(asked & words.get(s.id, frozenset())) for s in cited}
        return tuple(sorted((s for s in cited if shared[s.id]), key=lambda s: -shared[s.id]))

    def _reply(self, question: str) -> Reply:
        form = question_form(question)
        button = self._buttons.get(normalise(question))
        if button is not None:
            return self.faq_reply(button, form=form)
        understood = self.reader.read(question)
        if understood.hub_rung and understood.harm.level in (HarmLevel.YES, HarmLevel.MAYBE) \
                and not understood.harm.immediate:
            return self.after_hub_call(question, form, understood)
        if (_WHETHER_HUB.search(question) or _WAIT_TO_SHARE.search(question) or _OVERRIDE_FOR_ONE.search(question)) \
                and understood.harm.level in (None, HarmLevel.MAYBE):
            # "is this one for the Hub or just early help?": the harm question, the Hub's test, asked first (rung
            # where the learned reading finds a clear disclosure)
            harm = understood.harm if understood.harm.level is HarmLevel.MAYBE else HarmAssessment(
                HarmLevel.MAYBE, (Cue("", "general", HarmLevel.MAYBE, "threshold"),))
            return self.ring_if_clear(question, form, understood, self.ask_harm(understood.facts, harm))
        doubtful = understood.harm.level is HarmLevel.MAYBE and all(
            c.words and c.reading not in _NEVER_RUNG for c in understood.harm.because)
        learned = self.learned.judge(_GREETING.sub("", question), doubtful) if self.learned is not None else ""
        if learned == "quiet" and understood.harm.level is HarmLevel.MAYBE and (
                self._told_apart(question, understood) or _TOLD_THE_USER.search(question)):
            learned = ""  # (nor a sign someone has just told the user of: "Mum has told me about her boyfriend's
            # violence" is a disclosure, asked about however everyday the question after it reads)
        if learned == "quiet" and understood.harm.level is HarmLevel.YES and understood.harm.because \
                and not understood.harm.immediate and not _JUST_NOW.search(question) \
                and not any(c.words in _WEAPONS for c in understood.harm.because) \
                and not _pleaded(question, understood.harm.because) and (
                (all(c.reading == "together" for c in understood.harm.because) and len(understood.harm.because) < 3)
                or all(not c.reading and self.reader.harm.is_act(c.words) for c in understood.harm.because)):
            # two doubtful signs read together ("come home smelling of cannabis again"), or words for hurting
            # someone alone ("going to strangle the photocopier", "A bit B on the arm"), in a message that reads like
            # an everyday question: asked, not rung. Three or more together are rung however it reads ("put
            # something into the tube, fits nobody witnesses, tests all normal": a retraining read it as everyday),
            # and so are signs told as happening right now ("outside the placement right now with a knife") or seen
            # minutes ago ("a toddler I watched being shaken ... ten minutes ago")
            return self.ask_harm(understood.facts, replace(understood.harm, level=HarmLevel.MAYBE, because=tuple(
                replace(c, level=HarmLevel.MAYBE) for c in understood.harm.because)))
        if learned == "ring":
            # a doubtful sign ("burns", "locked in") in a message that reads like those where a child was clearly
            # at risk: ring the Hub, not only ask
            understood = replace(understood, facts=understood.facts.with_(harm=True), harm=HarmAssessment(
                HarmLevel.YES, tuple(replace(c, level=HarmLevel.YES, reading="learned_clear")
                                     for c in understood.harm.because)))
        reply = self._answer(question, form, understood, quiet=learned == "quiet")
        two_ways = _TWO_WAYS.search(question)
        better_way = bool(_BETTER_WAY.search(question)) and not _OK_ASKED.search(question)
        if (form == "how" or (form == "yes_no" and (two_ways or better_way))
                or (form == "" and _OPTIONS_ASKED.search(question))) \
                and reply.verdict is Verdict.NOT_ALLOWED \
                and reply.rule_id != "protocol-words" and not reply.rule_id.startswith("faq:") and (
                    two_ways or (reply.alternatives
                                 and (_OPTIONS_ASKED.search(question) or better_way
                                      or (form == "how" and _WAY_UNNAMED.search(question))))):
            # "do I open an encrypted zip straight from outlook or save it somewhere first?": one of the two ways
            # offered is the protocol's, with its steps; "only an enquiries@ address ... what are my options?": the
            # safer ways are the answer. A "No" answers neither
            reply = replace(reply, verdict=Verdict.ALLOWED_WITH_CONDITIONS,
                            summary=reply.summary if two_ways else f"By another way. {reply.summary} Use a safer way below.")
        if learned == "ask" and self.learned is not None and understood.harm.level is not HarmLevel.NO \
                and reply.verdict is not Verdict.ESCALATE and reply.asks != "harm" \
                and not understood.facts.get("misdirected") and not understood.facts.get("not_intended") \
                and not (understood.facts.get("to_hub") and understood.facts.get("channel") not in (None, "phone")) \
                and not understood.harm.settled and not understood.harm.things and not understood.hub_rung \
                and not (understood.facts.get("kind") == NOTHING_PERSONAL and not understood.harm.because
                         and self.reader.blank_papers(understood.tokens)) \
                and not (understood.facts.get("already") and understood.facts.get("aftermath")
                         and not understood.harm.because):
            # a mistake told (or mail come by mistake), every sign told as over, only a thing or a pet gone missing,
            # or the Hub already rung about it ("rang the hub on tuesday about a toddler, fine to write it up next
            # week?"): what to do now; or writing to the Hub instead of ringing it ("can I email the hub rather than
            # ringing?"): ring it, it says nothing the words could read, in a message that reads like the ones where
            # a child was at risk
            # (nor a blank form, holding nothing of anyone, with no word of harm read: "the blank referral form";
            # nor the user's own slip, asked what now, with no word of harm read: "I emailed the HV with the baby's
            # full name in the subject. Anything I should do?")
            words = self._strongest(question)
            plain = reply
            reply = self.ask_harm(understood.facts, HarmAssessment(
                HarmLevel.MAYBE, (Cue(words, "general", HarmLevel.MAYBE, "learned"),)))
            if _TO_SAY.search(question) and not understood.harm.because and not tells_anything(question):
                # "can I text mum to say the meeting is at 2 on Thursday?": the words the user would send are all
                # there, and no word of harm was read in them: the learned reading alone neither asks nor rings
                return plain
            rung = self.ring_if_clear(question, form, understood, reply)
            if rung.verdict is not Verdict.ESCALATE and (not tells_anything(question) or (
                    understood.facts.get("down") and not understood.harm.because)) \
                    and len(self._words(question)) < self.reader.harm.words.story:
                # a short question and nothing told ("can I pass on the child's address to the GP by email?"), or
                # only a way of sending that is down ("the fax has packed up and this can't wait"): no
                # story the words could have missed, so the learned reading alone asks nothing; where it reads a
                # clear disclosure it still rings (a run-on message as long as a story is read as one)
                return plain
            return rung
        if reply.asks == "harm":
            return self.ring_if_clear(question, form, understood, reply)
        # a check left out in words of its own: "can I forward the whole chain without reading back through it?"
        skipped = (*understood.skipped, *(("check",) if _UNCHECKED.search(question) else ()))
        if skipped and reply.verdict in (Verdict.ALLOWED, Verdict.ALLOWED_WITH_CONDITIONS) and (
                form == "yes_no" or _AGREE.search(question)
                # a plan told, the check left out in so many words: "forwarding the trail, she'll skip the old bits"
                or (form == "" and not understood.skipped and _OWN_ACT.search(question))) \
                and not _OBLIGED.search(question) \
                and not (understood.facts.get("received") and understood.facts.get("encrypted") is False):
            # (not the encryption the sender left out of what came in: "nothing encrypted. Should I flag it?")
            # (not "do I need to bother with a cover sheet?": a duty asked about gets the steps)
            # "didn't check the number with them, that's fine isn't it", "can I send it without encrypting?": a
            # step the answer's own checklist asks for, said to be left out in a yes/no question or one asking to
            # be agreed with, is answered No; the steps say what to do
            kin = self.reader.kin
            asked_for = [item for part in reply.checklist for item in part.items] + [reply.summary]
            steps = {kin(w) for item in asked_for for w in self.reader.speller.tokens(item)}
            if any(kin(w) in steps for step in skipped for w in step.split()):
                why = "the protocol does not let you leave that step out" if understood.skipped \
                    or not _THREAD.search(question) else "check every earlier message in the thread first"
                if reply.summary.lower().startswith(why):  # said already: not twice
                    return replace(reply, verdict=Verdict.NOT_ALLOWED, summary=f"No: {reply.summary}")
                return replace(reply, verdict=Verdict.NOT_ALLOWED, summary=f"No: {why}. " + reply.summary)
        if reply.verdict in _PERMITTING and _FIRST_PAGE_ONLY.search(question) and any(
                _EVERY_PAGE.search(text) for text in (reply.summary, *reply.reasons,
                                                      *(item for part in reply.checklist for item in part.items))):
            # "only the first page of a fax needs marking confidential, right?": the answer's own steps ask for
            # every page (Faxes 5). Offered as a choice ("just the cover sheet or every page?"), the steps, with
            # which it is first
            if form == "how":
                return replace(reply, summary="Every page, not only the first, must be marked. " + reply.summary)
            return replace(reply, verdict=Verdict.NOT_ALLOWED,
                           summary="No: every page, not only the first, must be marked. " + reply.summary)
        if reply.verdict in _PERMITTING and _RULES_OFF.search(question) and (
                form == "yes_no" or _AGREE.search(question)):
            # "it's internal so none of the email rules apply, yeah?": the answer has conditions, so they do
            return replace(reply, verdict=Verdict.NOT_ALLOWED,
                           summary="No: the protocol's rules still apply here. " + reply.summary)
        if reply.verdict in _PERMITTING and form == "yes_no" and _AS_INTERNAL.search(question) \
                and reply.facts is not None and reply.facts.get("recipient") not in (None, _COLLEAGUE):
            # "we're co-located with the trust's health visitors, can I treat emails to them as internal?": they are
            # outside the council, whoever shares the building (Internal Mail 1 is within the council)
            return replace(reply, verdict=Verdict.NOT_ALLOWED,
                           summary="No: they are outside the council, so the rules for external email apply. "
                                   + reply.summary)
        if reply.faq_id == DEFINITIONS_FAQ and reply.verdict is Verdict.ALLOWED and _SENDING_TOO.search(question):
            return replace(reply, verdict=Verdict.ALLOWED_WITH_CONDITIONS)
        return reply

    def _told_apart(self, question: str, understood: Understanding) -> bool:
        """A sign the words read, in a sentence that, read alone, is not an everyday one: the sending question
        after it does not quiet it."""
        assert self.learned is not None
        said = [c.words for c in understood.harm.because if c.words]
        parts = [p for p in _SENTENCE_SPLIT.split(question) if p.strip()]
        if len(parts) < 2:
            return False
        return any(self.learned.probability(p) >= _EVEN_ODDS for p in parts if any(w in normalise(p) for w in said))

    def _strongest(self, question: str) -> str:
        """The words that weighed most in the learned reading, quoted for the answer's "You mentioned ..."."""
        assert self.learned is not None  # called only where a learned reading is loaded
        return ", ".join(f"\u201c{w}\u201d" for w in self.learned.strongest(question))

    def ring_if_clear(self, question: str, form: str, understood: Understanding, asking: Reply) -> Reply:
        """The harm question about to be asked, where both heads of the learned reading find a clear disclosure
        ("fingertip marks both sides of her chest", "'please help they are marrying me'. They fly in 4 days"):
        ring now. Not where the user said no, told a mistake or every sign as over, or a sign the words read
        is negated or only a document's description."""
        if self.learned is None or understood.harm.level is HarmLevel.NO or understood.facts.get("misdirected") \
                or understood.harm.settled or any(c.reading in _ALWAYS_ASKED for c in understood.harm.because) \
                or _OWN_SLIP.search(question) or not self.learned.clear(_GREETING.sub("", question)) \
                or (not understood.harm.because and self.reader.harm.eased(question)):
            return asking  # nor on how it reads alone, where the user gives an innocent cause or tells of the past
        words = self._strongest(question)
        rung = replace(understood, facts=understood.facts.with_(harm=True), harm=HarmAssessment(
            HarmLevel.YES, (Cue(words, "general", HarmLevel.YES, "learned_clear"),)))
        return self._answer(question, form, rung)

    def after_hub_call(self, question: str, form: str, understood: Understanding) -> Reply:
        """The Hub already rung about the harm told ("I rang the Hub this morning about a child with a burn mark"):
        not rung about again; the rules answer what is asked (the written follow-up, or the way of sending named),
        saying to ring again if anything changes. A child in immediate danger is never answered here.
        Someone else named as who receives it, by a way other than the call ("I rang the Hub this morning; can I
        email the school the chronology?"), is whom it goes to: the Hub is only who was rung."""
        facts = understood.facts.with_(harm=False)
        if facts.get("recipient") not in (None, "secure_mail") and facts.get("channel") not in (None, "phone"):
            facts = facts.with_(to_hub=None)
        told = replace(understood, facts=facts, harm=HarmAssessment(HarmLevel.NO))
        reply = self._answer(question, form, told, quiet=True)
        again = f"You have already rung the Hub about this; if anything new happens, ring it again on {HUB_PHONE}."
        return replace(reply, reasons=(again,) + reply.reasons)

    def _answer(self, question: str, form: str, understood: Understanding, quiet: bool = False) -> Reply:
        """`quiet`: the learned reading finds an everyday question: a worrying sign or a story alone asks nothing."""
        if understood.harm.level is HarmLevel.MAYBE:
            match = self.faq_match(question)  # "who do I ring if I'm worried about a child?": the Hub answers it
            # (not a "no concern as such": that doubt is asked about)
            # (nor a document sent, half like the FAQ: "fax CAMHS the child's self-harm safety plan" is not "I am
            # concerned about a child's safety")
            sending = understood.facts.get("channel") not in (None, "phone") and match is not None \
                and match.score < CLEAR_FAQ
            # (nor a story alone, no worry read in it: the FAQ's words met in a long account of an ordinary request)
            if match is not None and self.policy.faq[match.faq_id].verdict is Verdict.ESCALATE and not sending \
                    and not any(c.reading in ("hedged", "said no") for c in understood.harm.because) \
                    and not all(c.reading == "story" for c in understood.harm.because):
                # (nor a sign the user's own words deny: "no contact order, no concerns about him")
                return self.faq_reply(match.faq_id, understood.facts)
            told_slip = bool(understood.facts.get("misdirected")) and all(
                c.reading == "story" for c in understood.harm.because)  # a long account of a mistake, no sign in it
            # a sign in an email gone astray is never quieted: the slip itself may put a child at risk ("mum's new
            # refuge address cc'd to dad")
            if not told_slip and (not quiet or any(c.reading in _NEVER_QUIET for c in understood.harm.because)
                                  or understood.facts.get("misdirected")):
                return self.ask_harm(understood.facts, understood.harm)
            understood = replace(understood, harm=NOTHING)  # a worrying word in what reads as an everyday question
        if understood.harm.level is None and not understood.anything and not understood.harm.explained \
                and not quiet and self.reader.harm.is_story(understood.tokens, question):
            return self.ask_harm(understood.facts, understood.harm)  # a story about a child we could not read
        by_rules = self.proposal(self.advise(understood), form, question)
        if by_rules.rule_id == _IDENTIFIER_RULE and _CONFIDENTIAL_NAMED.search(question):
            # "do I need to mark emails CONFIDENTIAL if they only have initials?": the marking is what is asked, the
            # initials only what the email holds: answered as before the identifier was read
            by_rules = self.proposal(self.advise(replace(
                understood, facts=understood.facts.with_(other_identifier=None))), form, question)
        if by_rules.verdict is Verdict.ESCALATE:
            return self.escalation(by_rules, understood.harm)
        if by_rules.verdict is Verdict.NEED_MORE_INFO and understood.harm.level is None and not quiet \
                and not understood.harm.explained and self.reader.harm.tells_of_a_child(question):
            return self.ask_harm(understood.facts, understood.harm)  # asking anyway: about the child first
        if by_rules.verdict is Verdict.NEED_MORE_INFO and understood.facts.get("kind") \
                and understood.facts.get("channel") is None and _CLASSED.search(question) \
                and not _BREACH_CLASSED.search(question):
            return self.faq_reply(DEFINITIONS_FAQ, understood.facts, form=form)  # what it is, not how to send it
        said = " ".join(understood.tokens)
        if form in ("how", "yes_no") and not understood.facts.get("kept_in_mailbox") and (
                _HOW_LONG.search(said) and _KEPT.search(said) or _DISPOSED_WHEN.search(said)) \
                and not _SOURCE_ASKED.search(said):
            # "how long do I keep the copies?": the protocol sets no period. Not "is there a policy on how long?",
            # "where does it say?" (its supporting documents answer that), nor a mailbox (All Email 6: removed)
            return self.faq_reply(KEEPING_FAQ, understood.facts)
        if understood.facts.get("recipient") in (None, "team_mailbox", "generic_address", "external_org", "school") \
                and understood.facts.get("channel") in (None, "email", "secure_email") \
                and _GENERIC_CLASS_ASKED.search(question) and _SHARED_BOX.search(question):
            return self.faq_reply(SHARED_MAILBOX_FAQ, understood.facts)  # the protocol's example is info@, no more
        if form in ("how", "yes_no") and _COST_ASKED.search(said) and not understood.facts.get("already"):
            return self.faq_reply(COSTS_FAQ, understood.facts)  # the protocol names no cost, payer or licence
        if by_rules.rule_id == "objective-connect" and form in ("how", "yes_no") and _ENCRYPT_ASKED.search(said) \
                and not _COMPARED.search(said) and not understood.facts.get("already") \
                and not understood.facts.get("received"):
            # "do I still need to encrypt files before putting them on Objective Connect?": a question the protocol
            # leaves open, said so, with where to ask
            return self.faq_reply(OC_ENCRYPTION_FAQ, understood.facts)
        if _TEMPLATE_ASKED.search(said) and (
                (advice := advise(self.policy, understood.facts)).question is not None or advice.verdict in _PERMITTING):
            # (a rule's own No or silence stands: "which team signs off ..., and is there a form?")
            return self.no_template(question, advice)
        if _SEEN_BY_THEM.search(question) and not _ACTING_NOW.search(question):
            # "could my emails about a family end up being disclosed to the family?": what they may come to see
            # (All Email 7: every email is included in FOI and subject access requests), not a sending to them
            return self.faq_reply(DISCLOSURE_FAQ, understood.facts, form=form)
        if (_OWN_RECORDS.search(question) or (understood.facts.get("everything") and _SAR_NAMED.search(question))
            or (_OWN_FILE.search(question) and understood.facts.get("channel") is None
                and not _SENDING_ASKED.search(question))) \
                and understood.facts.get("recipient") != "webmail_personal":
            # (the Hub's answer has gone already; "sent to his Hotmail" asks how it is sent: the rules; a subject
            # access request for everything held is the request itself, not everything asked for where only some is
            # needed: "a parent has made a SAR for everything we hold on her son - what's the process?")
            return self.faq_reply(REQUEST_FAQ, understood.facts, form=form)  # a subject access request, unnamed
        if form == "how" and _ADDRESS_ASKED.search(question) \
                and understood.facts.get("recipient") not in ("webmail_personal", "generic_address", "secure_mail"):
            return self.faq_reply(ADDRESS_FAQ, understood.facts, form=form)  # the protocol gives none
        request = _REQUEST_NAMED.search(question)
        if request and request.group(0) != "Sar" and _EMAILS_NAMED.search(question) \
                and _WITHIN_REQUEST.search(question) and not _SENDING_ASKED.search(question) \
                and understood.facts.get("channel") in (None, "email") and len(understood.channels) <= 1:
            # whether emails are within a request ("young person has put in a SAR - will our emails about him be
            # included?"): All Email 7, not advice on emailing the young person; how one is handled is not settled
            handling = _REQUEST_HANDLING.search(question) or _ERASED.search(question)
            return self.faq_reply(REQUEST_FAQ if handling else DISCLOSURE_FAQ, understood.facts, form=form)
        prepared = self.prepare(question)  # once, for the FAQ search, the route test and the protocol's words
        match = self.match_prepared(prepared)
        term = _term_asked(question)
        if match is not None and term is not None and self.clauses.phrase(term) \
                and not set(self.prepare(term).split()) <= set(self.prepare(match.paraphrase).split()):
            # "what's meant by 'secure folder'?": a term of the protocol's own, asked what it means, is not an FAQ
            # sharing a word of it ("what is secure email"); the protocol's words holding it answer
            match = None
        down = understood.facts.get("down")
        if match is not None and down and understood.facts.get("channel") not in (None, down) \
                and self._names_only(self.faq_index.prepared(match.paraphrase), down):
            # "our email is down ... can I fax it?", "fax it to a provider that has no secure email?": an FAQ on the
            # way that is down is not the question
            match = None
        if form == "how" and down == "email" and understood.facts.get("channel") is None and not understood.channels:
            # "way too big to email - what are my options?": the ways other than email (Objective Connect)
            return self.faq_reply(OTHER_ROUTES_FAQ, understood.facts, form=form)
        if match is not None and match.faq_id == PASSWORD_EMAILED_FAQ and understood.password_rung:
            # "can I ring the password through at the same time as I send the email?": by phone, not by email
            match = replace(match, faq_id=PASSWORD_PHONED_FAQ)
        facts = understood.facts
        # ("alright to open it on my laptop?": whether to open it, asked, gets the same steps)
        if (form == "how" or (form == "yes_no" and facts.get("opening"))) and facts.get("received") \
                and facts.get("encrypted") \
                and (match is None or match.score < CLEAR_FAQ) \
                and by_rules.asks in ("channel", "recipient", "kind") and facts.get("channel") in (None, "email") \
                and not _WHO_ASKED.search(question):  # (who gives the password: the protocol's own words)
            # "Received an encrypted zip from the hospital. What do I do with it?": the receiving steps (Appendix
            # A), not a question about how it is to be sent
            return self.faq_reply(RECEIVED_FAQ, facts, form=form)
        # "is gsx secure?"; "forward my work emails to my yahoo": a personal webmail account takes nothing of the
        # council's, nor a generic inbox ("their team inbox, referrals@...") anything personal. Each is answered for
        # personal information, whoever it is about.
        any_personal = bool(_SECURE.search(question)) \
            or understood.facts.get("recipient") in ("webmail_personal", "generic_address") \
            or (form == "how" and _ENCRYPTION_NEEDED.search(said) is not None) \
            or (understood.facts.get("recipient") is not None and _ENCRYPTION_OWED.search(said) is not None)
        # something already encrypted, or received encrypted, is something personal: why else encrypt it
        # ("emailing an adoption agency a CPR, already 7zipped with AES-256", "I've been sent an encrypted zip,
        # can I save it to my desktop?"); an encryption still to be chosen is the finer points' (password, PDF)
        encrypting = bool(facts.get("encrypted") and facts.get("channel") and (facts.get("already")
                                                                               or facts.get("received")))
        if match is None or self.reader.names_document(understood.tokens) or any_personal or encrypting:
            # the kind unsaid, where every personal kind gets the same answer: the rules decide, before an FAQ
            # the question only resembles when a document goes ("the placement plan to her gmail, she has no
            # other email" is not the 7-Zip FAQ); a group email about a training day is not read as personal
            by_rules = self.proposal(self.personal_reading(understood, by_rules, asks_secure=any_personal,
                                                            acting=encrypting or (form != "how" and bool(_ACTING.search(question)))),
                                     form, question)
            if form == "how" and by_rules.verdict is Verdict.NOT_ALLOWED and facts.get("kind") is None \
                    and (_CLASSED.search(question) or _DEFINING.search(question)) and not _ACTING.search(question):
                # "what counts as a generic email address?": what the protocol means by it, as information (its steps),
                # not a "Not allowed" to a question that proposes nothing
                return replace(by_rules, verdict=Verdict.ALLOWED, informs=True)
        if form == "how" and (match is None or (match.faq_id == DEFINITIONS_FAQ and not _CLASSED.search(question))) \
                and not _HOW_MUCH_TOLD.search(question) \
                and not (_WHAT_TO_DO.search(question) and not understood.facts.get("down") and not _SENDING_ASKED.search(question)):
            # (not "what can I tell the MP?": what, not which way; nor "what should we do?" about something done)
            # "what's the best way to get the names and DOBs to them?": the definitions FAQ matched only the words
            # for the information; the question is how to send it
            by_rules = self.any_route(understood, by_rules)
        # "are we even still allowed to use fax?"; not "can I fax it?", where "it" is something to be sent
        about_route = form == "yes_no" and understood.facts.get("kind") is None \
            and understood.facts.get("recipient") is None \
            and not (_SOMETHING.search(question) and self._only_route(prepared))
        if match is None and by_rules.asks and (form == "how" or _OBLIGED.search(question) or about_route):
            # "before I fax, do I have to ring them first?": how to use a route, asked before anything else is
            # known, gets the steps (vocabulary.yaml `how_to`) of the first way named that has them; the check
            # can still follow
            named = [understood.facts.get("channel"), *understood.channels]
            how_to = next((self.policy.channels[c].how_to for c in named
                           if c in self.policy.channels and self.policy.channels[c].how_to), None)
            if how_to is not None:
                return self.faq_reply(how_to, understood.facts, form="how")
        if match is not None and _SAYS_ANYTHING.match(said) and understood.facts.get("channel") is None \
                and self._topic_unmet(said):
            # "does the protocol say anything about sharing with a dad who doesn't have parental responsibility?":
            # a subject the protocol never names; its silence answers, not a common question sharing other words
            quoted = self.protocol_words(question, prepared, form, understood, by_rules)
            if quoted is not None:
                return quoted
            if NOT_SURE_FAQ in self.policy.faq:
                unsure = self.faq_reply(NOT_SURE_FAQ, understood.facts, form=form)
                return replace(unsure, reasons=(_SUBJECT_UNMET,) + unsure.reasons)
        if match is None:
            quoted = self.protocol_words(question, prepared, form, understood, by_rules)
            if quoted is None and _WHO_IS.match(question) and WHO_FAQ in self.policy.faq \
                    and all(understood.facts.get(k) is None for k in ("channel", "kind", "recipient")):
                # "who is our Caldicott Guardian?": a person the protocol does not name; not "how will you send it?"
                told = self.faq_reply(WHO_FAQ, understood.facts, form=form)
                return replace(told, verdict=Verdict.NEED_MORE_INFO, summary=f"{_NOT_NAMED} {told.summary}")
            return quoted if quoted is not None else self.both_ways(understood, by_rules)
        if match.faq_id != REQUEST_FAQ and form in ("yes_no", "how") \
                and _REQUEST_NAMED.search(question) and _ERASED.search(question):
            # "a mum has made a subject access request; can I delete the email first?": what handling one asks
            return self.faq_reply(REQUEST_FAQ, understood.facts, form=form)
        faq = self.policy.faq[match.faq_id]
        if by_rules.verdict is Verdict.NEED_MORE_INFO and by_rules.asks != "harm" and faq.verdict in _PERMITTING \
                and NOT_SURE_FAQ in self.policy.faq and _UNSURE_TO_SHARE.search(question):
            # "I genuinely don't know if that's ours to share. What does the protocol say?": the protocol's own answer
            # to not being sure (discuss it with your manager or ring the Hub), not a general Yes the FAQ matched
            return self.faq_reply(NOT_SURE_FAQ, understood.facts, form=form)
        if form == "yes_no" and understood.facts.get("passed_over") and understood.facts.get("channel") \
                and by_rules.asks in ("", "kind") and not _PASSWORD_WORD.search(question):
            # "can I fax it because it's quicker than encrypting an email?": one way put forward over another; the
            # rules answer the way chosen, not an FAQ about the way passed over (a password's way is the
            # password FAQs')
            return by_rules
        happened = self.policy.happened
        if happened is not None and told_after(self.policy, understood.facts) and by_rules.asks \
                and by_rules.asks != "harm" and form != "yes_no" and faq.verdict in _PERMITTING \
                and faq.id not in _AFTER_A_MISTAKE and _MISTAKE.search(question) \
                and not understood.facts.get("not_intended") and not understood.facts.get("kept_in_mailbox"):
            # "someone replied all with a child's details to 40 people, what should happen now?": a mistake told,
            # what now asked; an FAQ on doing it right is for next time, after what to do now (an FAQ's own "No"
            # stands: "forgot to mark it CONFIDENTIAL, is that a problem?"; as does a mail not meant for the user, or
            # mail kept, which their own answers cover). As rules.yaml `happened` does for a rule's own No
            # (knowledge/advisor.py, _after_the_event)
            told = self.faq_reply(faq.id, understood.facts, form="how")
            return replace(told, verdict=happened.verdict, summary=f"{happened.summary} {told.summary}",
                           reasons=tuple(r.text for r in happened.reasons) + told.reasons,
                           citations=tuple(dict.fromkeys(
                               tuple(self.policy.sections[c] for r in happened.reasons for c in r.cites)
                               + told.citations)),
                           follow_up=happened.follow_up or told.follow_up)
        if faq.unsettled and by_rules.verdict not in (Verdict.NOT_ALLOWED, Verdict.ESCALATE):
            # "the rules for sending the child's details overseas": what the protocol leaves unsettled is said first
            # (faq.yaml `unsettled`); a No or the Hub from the rules still stands
            return self.faq_reply(faq.id, understood.facts, form=form)
        if by_rules.asks and by_rules.asks != "harm" and faq.verdict in (Verdict.ALLOWED, Verdict.ALLOWED_WITH_CONDITIONS) \
                and understood.facts.get("encrypted") is not True and _UNPROTECTED.search(question):
            # "they've got no 7zip - can I send it unencrypted just this once?": a permissive FAQ never answers a
            # proposal to send unprotected; the rules' question (who receives it decides), with the FAQ beneath
            return replace(by_rules, faq_note=(faq.question, faq.answer), faq_id=faq.id)
        if by_rules.asks and by_rules.asks != "harm" and self._only_route(prepared) \
                and not (form and not _ACTING.search(question)):  # not "is texting secure?": a question of fact
            # "can I fax it?", "can I text this to the foster carer?": a way and a person, nothing of what it is:
            # the rules' question, with the FAQ's text beneath
            return replace(by_rules, faq_note=(faq.question, faq.answer), faq_id=faq.id)
        if by_rules.rule_id == "misdirected" and match.score >= CLEAR_FAQ and not _HAPPENED.search(question):
            return self.faq_reply(faq.id, understood.facts, form=form)  # breaches asked about, none told
        if _THEIR_ACCESS.search(question) and not _ACTING_NOW.search(question):
            # "can parents get hold of emails I've written about them?": what someone else may see or ask for, not
            # a sending; the FAQ answers it (subject access, FOI), whatever way or person it names
            return self.faq_reply(faq.id, understood.facts, form=form)
        silent = by_rules.verdict is Verdict.NEED_MORE_INFO and not by_rules.asks  # "the protocol does not cover"
        if by_rules.verdict is not Verdict.NEED_MORE_INFO or (silent and faq.verdict is not Verdict.ESCALATE):
            # the rules decide, the protocol's silence included, unless the FAQ says ring the Hub; the FAQ adds its text
            if ((match.score >= CLEAR_FAQ and self._asked_together(question, match))
                    or self._premise_refuted(faq, prepared, match.score)) \
                    and faq.verdict.severity > by_rules.verdict.severity \
                    and form == "yes_no" and faq.verdict is not Verdict.ESCALATE and not self.after_the_event(by_rules) \
                    and not _steps_for_duty(faq, question) and not understood.facts.get("received") \
                    and not (understood.facts.get("in_subject") and clean_subject(question)) \
                    and understood.facts.get("kind") in (None, *self.policy.groups.get("personal", ())):
                # a finer point the rules do not hold: the stricter (the Hub only where harm is read: the
                # inquest report on a drowning "with no concerns" asks nothing of the Hub). Not a "No" to "do I
                # need to mark it CONFIDENTIAL?": a duty asked about is answered by the steps. Nor where what is sent
                # identifies no one: the finer points are the protocol's for personal information. Nor to what someone
                # else sent the user: the FAQ's No is to the user's own sending
                told = self.faq_reply(faq.id, understood.facts)
                return replace(told, checklist=told.checklist + by_rules.checklist,
                               citations=tuple(dict.fromkeys(told.citations + by_rules.citations)),
                               understood=by_rules.understood)
            return replace(by_rules, faq_note=(faq.question, faq.answer), faq_id=faq.id)
        if faq.verdict is Verdict.ESCALATE:  # "who do I ring if I'm worried?": unless the user says no concerns,
            # or asks how to send something (a channel named, other than the phone the Hub is rung on) and the
            # FAQ only half matches: another question
            sending = understood.facts.get("channel") not in (None, "phone") and match.score < CLEAR_FAQ
            # "can I share the anonymised figures on Hub contacts?": asking to share some information, no worry told
            # (or to tell someone named: "can I tell the grandparent who does the school run about the school's
            # concerns?" asks whether to share, not whom to ring)
            sharing = form == "yes_no" and understood.harm.level is None and (
                understood.facts.get("kind") is not None or understood.facts.get("recipient") is not None)
            if understood.harm.level is HarmLevel.NO or sending or sharing:
                return by_rules
            return self.faq_reply(faq.id, understood.facts, form=form)
        if by_rules.asks == "kind" and faq.verdict in _PERMITTING and form == "yes_no" \
                and understood.facts.get("recipient") is None and not _PASSWORD_WORD.search(_PROTECTED.sub("", question)) \
                and advise(self.policy, understood.facts.with_(kind="pid")).verdict is Verdict.NOT_ALLOWED:
            # "can I open an encrypted zip on my home PC?": a way the rules refuse for anything personal; a
            # permissive FAQ does not answer it alone: what it is decides, the FAQ beneath
            return replace(by_rules, faq_note=(faq.question, faq.answer), faq_id=faq.id)
        if match.faq_id == DEFINITIONS_FAQ and understood.facts.get("channel") is not None \
                and not _CLASSED.search(question) \
                and (form == "yes_no" and _ACTING.search(question)
                     or form == "how" and (_WHEN_ALLOWED.search(question) or _HOW_TO_SEND.search(question))):
            # "fax the child's immunisation history and date of birth ... is fax OK here?": the definitions matched
            # only the words for the information; the question is the sending, the rules' (its next question, with
            # what the protocol says either way); so is "when is it ok to put a name and DOB on a fax?", and "it has
            # the child's name and date of birth ... what do I need to do to fax it properly?"
            return replace(self.both_ways(understood, by_rules), faq_note=(faq.question, faq.answer), faq_id=faq.id)
        # "do I need to mark it CONFIDENTIAL if it only has initials?": a duty asked about gets the steps, as a how
        # question does
        duty = "how" if _steps_for_duty(faq, question) else form
        told = self.faq_reply(faq.id, understood.facts, form=duty)
        if form == "yes_no" and told.verdict in _PERMITTING and _UNBOUNDED.search(question):
            # "safeguarding overrides confidentiality, so I can send anything to anyone, right?": no leave is that
            # wide; the FAQ's own conditions say why
            return replace(told, verdict=Verdict.NOT_ALLOWED,
                           summary=f"No, not anything to anyone. {told.summary[:1].upper()}{told.summary[1:]}")
        if (form == "yes_no" or (form == "" and _OWN_ACT.search(question))) and told.verdict in _PERMITTING \
                and _UNCHECKED.search(question) and "check" in faq.answer:
            # "can I forward the chain without reading what's further down?", "forwarding the chain, they won't read
            # the older bit": the check the FAQ's yes rests on, proposed to be skipped, is a No
            return replace(told, verdict=Verdict.NOT_ALLOWED, summary=f"No: {told.summary[:1].lower()}{told.summary[1:]}")
        return told

    def _asked_together(self, question: str, match: FaqMatch) -> bool:
        """In a long question, the matched wording's words all in one sentence of it: "... send us the report in a
        zip with a password. Our nhs.net email is secure, so ..." never asks to send the password in an email, though
        it uses all three words. (A short one is its premise and its question: "Our external emails have the
        disclaimer. Does that mean I don't need to mark them confidential?")"""
        sentences = re.split(r"(?<=[.!?])\s+", question.strip())
        if len(sentences) < 2 or len(question.split()) <= _PADDED:
            return True
        wanted = set(self.prepare(match.paraphrase).split()) - QUESTION_WORDS
        return any(wanted <= set(self.prepare(s).split()) for s in sentences)

    def _only_route(self, prepared: str) -> bool:
        """The question (prepared) names a way of sending, or who receives it, and nothing else."""
        if self._route_words is None:
            # an app the protocol does not name is a route by its name ("zoom"), not by the words of a longer one
            # ("message encryption": encrypting is no route)
            words = [w for terms in (self.policy.channels, self.policy.recipients) for t in terms.values() for w in t.words
                     if t.covered or " " not in w]
            self._route_words = frozenset(p for w in (*words, *_ROUTE_ONLY) for p in self.prepare(w).split())
        asked = set(prepared.split())
        return bool(asked) and asked <= self._route_words

    def after_the_event(self, reply: Reply) -> bool:
        """The rules' answer is what to do now about something already done (rules.yaml `happened`): a stricter
        FAQ's "No" does not replace it."""
        happened = self.policy.happened
        return happened is not None and reply.verdict is happened.verdict and not reply.asks \
            and told_after(self.policy, reply.facts)

    def proposal(self, reply: Reply, form: str, question: str) -> Reply:
        """A rule's answer to a yes/no question, or a statement, proposing what it warns against ("should I
        send the whole file?", "I'll just leave it in my sent items"): its `proposed` verdict, No. "Do we have to
        delete sent emails?" asks about the duty, "what do I put in the subject?" how: the steps."""
        proposed = self._proposed.get(reply.rule_id)
        after = proposal_happened(self.policy, reply.rule_id, reply.facts) if proposed is not None else None
        if after is not None:  # "I put her name in the subject line yesterday, what now?": what to do now
            return replace(Reply.from_advice(after, channels=reply.channels, understood=reply.understood),
                           harm=reply.harm)
        if proposed is not None and bool(reply.facts and reply.facts.get("in_subject")) and clean_subject(question):
            return reply  # "Is 'CONFIDENTIAL' on its own OK as the subject line?": the marking, and no personal details
        if reply.rule_id == "thread-holds" and not _LEFT_AS_IS.search(question):
            return reply  # "can I reply? the chain underneath mentions the CP plan": yes, once the thread is checked;
            # what is warned against is leaving it in as it is ("just hit reply?")
        if proposed is None or not (form == "yes_no" or (form == "" and _OWN_ACT.search(question)
                                                         and not _WH_ASKED.search(question))) \
                or _duty_asked(question) or (_CLASSED.search(question) and not _SO_I_CAN.search(question)
                                                 and not _CLASS_PREMISE.search(question)
                                                 and not (_OWN_ACT.search(question) and _AGREE_LAST.search(question))
                                                 and not _REASON_ASKED.search(question)
                                                 # "is an NHS number PID? I was going to email it unencrypted"
                                                 and not _PROPOSING.search(question)) \
                or _ADVICE.search(QUOTE.sub(" ", question)) \
                or _CHECK_PROPOSED.search(question) or reply.verdict is proposed.verdict \
                or _COPY_DUTY.search(question.strip()) \
                or (bool(reply.facts and reply.facts.get("aftermath")) and _CONSEQUENCE_ASKED.search(question)) \
                or bool(reply.facts and reply.facts.get("received")
                        and (reply.facts.get("opening") or reply.facts.get("aftermath") or _STILL_USED.search(question))) \
                or (_STEP_MISSED.search(question) and (_DO_IT_NOW.search(question)
                                                        or bool(reply.facts and reply.facts.get("aftermath")))) \
                or (bool(reply.facts and reply.facts.get("already")) and not _ASKING.search(question) and bool(
                    (reply.facts.get("aftermath") and "?" in question) or (form == "" and _MISTAKE.search(question)))):
            # (nor a slip told as done, with what now asked or nothing asked: "Oops - I put the password in the same
            # email and it's already gone", "... is that a breach?": the rule's own answer, what to do now. Told
            # with a reason and nothing asked, it stays a proposal ("I've put the password at the bottom so the GP
            # can open it easily"), as does a next step asked ("forgot to ring with it - can I email it now?"))
            return reply
        return replace(reply, verdict=proposed.verdict, summary=proposed.summary)

    def no_template(self, question: str, advice: Advice) -> Reply:
        """A set form or template asked for: the protocol gives none anywhere. What it does say of the subject comes
        after, as the content any form would carry: the rule that answers the facts told (`advice`, the rules'
        answer), else the FAQ the question matches."""
        said: tuple[str, ...] = ()
        citations: tuple[Section, ...] = ()
        if advice.question is None:  # a rule answers what was told: what it says
            said, citations = (advice.summary, *advice.reasons), advice.citations
        elif (match := self.faq_match(question)) is not None:
            faq = self.policy.faq[match.faq_id]
            said = (f"What the protocol does say: {faq.answer}",)
            citations = tuple(self.policy.sections[c] for c in faq.cites)
        return Reply(Verdict.NEED_MORE_INFO, TEMPLATE_SILENCE, said, citations=citations, facts=advice.facts,
                     rule_id="no-template")

    def protocol_words(self, question: str, prepared: str, form: str, understood: Understanding, reply: Reply) \
            -> Reply | None:
        """A question no rule or FAQ answers, that sends nothing to anyone ("where does the unzipped document
        go?", "is sharing on a need to know basis?"): the protocol's nearest sentence, quoted and cited, with the
        rules' question kept so the check can go on. None when the rules can say more once asked, or when no
        sentence of the protocol is near enough."""
        facts = understood.facts
        channel = self.policy.channels.get(facts.get("channel") or "")
        # "is cjsm secure?": the recipient a way of sending implies is no one named
        recipient = self.policy.recipients.get(facts.get("recipient") or "")
        said = " ".join(understood.tokens)
        named = recipient is not None and not (channel is not None and (channel.recipient == recipient.id or any(
            re.search(rf"\b{re.escape(w)}\b", said) for w in set(recipient.words) & set(channel.words))))
        fact = not _ACTING.search(question)  # a question of fact: "is texting secure?", "ICT desk number pls"
        # "what does 'risk managed approach' mean when emailing confidential info?": how email is done, asked
        # of no one in particular
        general = reply.asks == "recipient" and form == "how"
        if reply.verdict is not Verdict.NEED_MORE_INFO or reply.asks not in ("channel", "kind", "recipient") \
                or (reply.asks == "kind" and form != "how" and not fact) or named \
                or (reply.asks == "recipient" and not general) \
                or (facts.get("kind") and not general and not (fact and reply.asks == "channel")) \
                or len(understood.tokens) > QUOTE_WORDS or len(understood.channels) > 1 or facts.get("down"):
            # something is to be sent (a choice of ways too), or a story told, or a way that is not working ("fax
            # machine's broken, what are my options?"): the rules' question first, with the safer ways
            return None
        term = _term_asked(question)  # "what does 'need to know' mean?": the protocol's words holding it
        quote = (term and self.clauses.phrase(term)) or self.clauses.best(prepared)
        if (quote is None or quote.coverage < FACT_COVERAGE) and self._topic_unmet(" ".join(understood.tokens)) \
                and NOT_SURE_FAQ in self.policy.faq:
            # "what's the process for overseas requests?": a subject no item of the protocol names, and none near
            # enough; its silence answers, not the nearest item's words on some other process
            unsure = self.faq_reply(NOT_SURE_FAQ, facts, form=form)
            return replace(unsure, reasons=(_SUBJECT_UNMET,) + unsure.reasons)
        if quote is None:
            return None
        asked_leave = form == "yes_no"
        if fact and form != "how":
            if quote.coverage >= FACT_COVERAGE:
                form = "how"  # what the protocol says is the answer, not the rules' question
            elif reply.asks == "kind":
                return None  # "does it say anything about shared printers?": no item holds enough of it
        section = quote.section
        shared = set(quote.shared)  # the sentences of the item that hold the words asked about, not all of it
        sentences = [x for x in re.split(r"(?<=[.!?])\s+", section.text)
                     if shared & set(self.prepare(x).split()) or any(w in x for w in _UNSETTLED)]
        words = " ".join(sentences) or section.text
        said = f"The protocol's nearest words ({section.title}): \u201c{words}\u201d"
        why = "The protocol does not say this directly, and SafeShare will not guess: if these words do not answer your " \
              "question, ask your manager."
        if form == "how":
            # what the words are: the protocol's silence on how long anything is kept (its supporting documents
            # name the council's Records Retention and Disposal schedule) or on a process it says is still being
            # reviewed; the steps, for "how do I ...?"; else what it says, for "which Act?", "where does it go?"
            asked = " ".join(understood.tokens)
            how_long = _HOW_LONG.search(asked)
            # (or whether a thing counts as what the protocol names and does not define: "does the C drive on my
            # laptop count as a 'local drive'?" is not answered by the words that name it)
            if how_long or any(w in section.text for w in _UNSETTLED) or _AMOUNT_ASKED.search(asked) \
                    or _COUNTS_AS_ASKED.search(asked) or self._topic_unmet(asked) \
                    or (_WHO_IS.match(question) and not _SOMEONE_NAMED.search(words)):
                verdict = Verdict.NEED_MORE_INFO
                if how_long:
                    why = first_sentence(self.policy.faq[KEEPING_FAQ].answer)
            elif channel is not None and _MY_OWN.search(question) and any(_FORBIDS.search(x) and any(
                    re.search(rf"\b{re.escape(w)}\b", x, re.IGNORECASE) for w in channel.words) for x in sentences):
                # the nearest words forbid the way the user's own case would use: "why can't I use a USB stick when
                # mine has a password?" quotes "DO NOT SAVE TO A USB STICK": No, not Allowed
                verdict = Verdict.NOT_ALLOWED
            elif not _PROCEDURE.search(asked):
                # (words quoted give no leave: "can it go on the child's file?" met an item on faxing mental health)
                verdict = Verdict.NEED_MORE_INFO if asked_leave and _LEAVE_ASKED.search(question) else Verdict.ALLOWED
                if verdict is Verdict.ALLOWED and channel is not None and reply.asks == "kind" \
                        and not _WHY_ASKED.search(question) and self._refused_whatever_kind(facts):
                    # "can an encrypted USB be my 'secure folder'?", "we film contact on a camera with an SD card:
                    # what are the rules?": a way the rules refuse for anything personal is no Allowed; the rules'
                    # question stands (a reason asked, "why is texting insecure?", is answered by the words)
                    return None
            else:  # steps only where the item holds at least half of what is asked: "how do I do a DPIA for the
                # new case recording system?" shares only "case" and "record" with an item about serious case reviews
                verdict = Verdict.ALLOWED_WITH_CONDITIONS if quote.coverage >= STEPS_COVERAGE else Verdict.NEED_MORE_INFO
            if verdict is not Verdict.NEED_MORE_INFO:
                why = "These are the protocol's own words; it does not say more than this. If they do not answer your " \
                      "question, ask your manager."
            return Reply(verdict, said, (why,), citations=(section,), facts=facts, rule_id="protocol-words")
        return replace(reply, summary=said, reasons=(why,) + reply.reasons,
                       citations=tuple(dict.fromkeys((section,) + reply.citations)))

    def _personal_verdicts(self, facts: Facts) -> set[Verdict]:
        """The verdicts the rules give these facts for each kind of personal information (none without the group)."""
        return {outcome(self.policy, facts, {"kind": kind})[1] for kind in self.policy.groups.get("personal", ())}

    def _refused_whatever_kind(self, facts: Facts) -> bool:
        """The rules refuse these facts for every kind of personal information."""
        return self._personal_verdicts(facts) == {Verdict.NOT_ALLOWED}

    def _topic_unmet(self, asked: str) -> bool:
        """Whether the protocol covers a subject is asked ("is there guidance on sharing information about a child
        who has died?"), and a word of that subject is one no item of the protocol uses: the nearest item's words are
        not the answer, the protocol's silence is."""
        topic = _GUIDANCE_ON.search(asked) or _COVERS_ASKED.search(asked)
        if topic is None:
            return False
        # a subject word the protocol never uses: an everyday English word, or a long one the speller does not know
        # either ("Gillick competence"); not an abbreviation ("the DPA" is its Data Protection Act), nor a word that
        # only widens the question ("apart from this document")
        # (a long word only where the protocol knows no word of the subject: "iMessage vs normal SMS" asks of texts)
        speller = self.reader.speller
        stems = {w: stem for w in topic.group(1).split() if len(w) >= 4 and w.isalpha() and w not in _WIDENING
                 and (stem := self.prepare(w))}  # (not a word too common to stand for anything: "this")
        unknown = {w for w, stem in stems.items() if not self.clauses.knows(stem)}
        return any(speller.everyday(w) or speller.everyday(w.removesuffix("s"))
                   or (len(w) >= _LONG_WORD and len(unknown) == len(stems)) for w in unknown)

    @property
    def clauses(self) -> ClauseIndex:
        """The protocol's items, prepared the first time a question needs them."""
        if self._clauses is None:
            common = self.prepare(" ".join(_COMMON)).split()  # words every kind of sentence uses
            self._clauses = ClauseIndex(self.policy.sections.values(), self.prepare, QUESTION_WORDS | {"not", *common})
        return self._clauses

    def personal_reading(self, understood: Understanding, reply: Reply, asks_secure: bool = False,
                         acting: bool = False) -> Reply:
        """The kind not said, where every kind of personal information gets the same answer (a child's plan
        to a Hotmail address: not allowed, whatever is in it): that answer, saying what it assumed and what
        changes if the information identifies no one. Otherwise the question stands. `acting`: the user asks
        to do something ("forward the chain to the provider", "open the zip straight from Outlook"), which in
        children's services is about someone whether or not a person is named."""
        if reply.asks != "kind" or len(understood.channels) > 1 or "personal" not in self.policy.groups \
                or not (asks_secure or acting or self.reader.about_someone(understood.tokens)) \
                or _MANY.search(" ".join(understood.tokens)):
            return reply  # nothing said of a child, a family or a document, or a mailing to many: the question stands
        kinds = sorted(self.policy.groups["personal"])
        verdicts = self._personal_verdicts(understood.facts)
        if len(verdicts) != 1 or verdicts & {Verdict.NEED_MORE_INFO, Verdict.ESCALATE}:
            return reply
        first = advise(self.policy, understood.facts.with_(kind="pid" if "pid" in kinds else kinds[0]))
        told = Reply.from_advice(first, channels=understood.channels, understood=self.recap(first.facts))
        assumed = "SafeShare has read this as personal information about a child or family, as work in " \
                  "children's services usually is."
        none = outcome(self.policy, understood.facts, {"kind": NOTHING_PERSONAL})[1] \
            if NOTHING_PERSONAL in self.policy.kinds else None
        if none is not None and none is not first.verdict and none is not Verdict.NEED_MORE_INFO:
            if none in _PERMITTING and unnegated(_WAY_AT_ALL, " ".join(understood.tokens), _NONE_AT_ALL, 6) \
                    and understood.facts.get("recipient") != "webmail_personal":
                # "can I text parents at all?": whether the way is ever open, asked. It is, for what identifies
                # no one; the No for personal information is its condition, not the answer
                # (not a personal email account "ever ok for council stuff": staff must not use commercial accounts
                # for council business (Internet Email 1), whoever holds one)
                open_way = advise(self.policy, understood.facts.with_(kind=NOTHING_PERSONAL))
                return replace(Reply.from_advice(open_way, channels=understood.channels,
                                                 understood=self.recap(understood.facts)),
                               reasons=(f"Personal information: {_lower_first(first.summary)}", *first.reasons),
                               alternatives=told.alternatives,
                               citations=tuple(dict.fromkeys(open_way.citations + first.citations)))
            assumed += f" If it identifies no one at all: {_lower_first(none.label)}."
        return replace(told, reasons=told.reasons + (assumed,))

    def any_route(self, understood: Understanding, reply: Reply) -> Reply:
        """The way of sending unsaid, asked how ("what do I need to do to send the spreadsheet to the provider?"):
        the protocol's answer for the first way it allows, in the order the guided check offers them, naming the
        other ways it allows and those it rules out. The question stands if no way is allowed, or one needs more
        to be known, or any way would ring the Hub."""
        facts = understood.facts
        if reply.asks != "channel" or understood.channels or facts.get("kind") is None or facts.get("recipient") is None \
                or facts.get("misdirected"):
            return reply  # nothing to choose a way for: it has already gone ("it went to a parent, what now?")
        ways = [(channel, outcome(self.policy, facts, {"channel": channel.id})[1])
                for channel in self.policy.channels.values() if channel.choice]
        if any(verdict is Verdict.ESCALATE for _, verdict in ways):
            return reply
        allowed = [c for c, v in ways if v in (Verdict.ALLOWED, Verdict.ALLOWED_WITH_CONDITIONS)]
        if not allowed:
            return reply
        channel = allowed[0]  # the first allowed in the order the guided check offers the ways (email first)
        best = advise(self.policy, facts.with_(channel=channel.id))
        refused = [c.label for c, v in ways if v is Verdict.NOT_ALLOWED]
        said = f"You did not say how you will send it. The protocol allows: {'; '.join(c.label for c in allowed)}."
        if refused:
            said += f" Not: {'; '.join(refused)}."
        told = Reply.from_advice(best, understood=self.recap(understood.facts))
        return replace(told, summary=f"By {_lower_first(channel.label)}: {told.summary}",
                       reasons=told.reasons + (said,), facts=facts)

    def both_ways(self, understood: Understanding, reply: Reply) -> Reply:
        """A one-shot answer still needing a yes or no ("is it urgent and absolutely necessary?") says what the
        protocol says either way, with the steps for the way that is allowed, and keeps the question."""
        fact = self.policy.facts.get(reply.asks) if reply.asks else None
        if fact is None or fact.id == "harm" or len(fact.choices) != 2 or len(understood.channels) > 1 \
                or not all(isinstance(c.value, bool) for c in fact.choices):
            return reply  # several ways named ("doesn't do email, can I fax?"): just the question
        ways = []
        for choice in fact.choices:
            advice = advise(self.policy, understood.facts.with_(**{fact.id: choice.value}))
            if advice.verdict in (Verdict.NEED_MORE_INFO, Verdict.ESCALATE):
                return reply  # another fact is still missing that way: just the question
            ways.append((choice, advice))
        if len({advice.verdict for _, advice in ways}) < 2:
            return reply
        both = "; ".join(f"if {_lower_first(choice.label)}: {_lower_first(advice.verdict.label)}"
                         for choice, advice in ways)
        reasons = (both[:1].upper() + both[1:] + ".",) + tuple(
            f"If {_lower_first(choice.label)}: {advice.summary}" for choice, advice in ways)
        allowed = min((advice for _, advice in ways), key=lambda a: a.verdict.severity)
        steps = tuple(replace(part, title=f"If {_lower_first(choice.label)}: {part.title}")
                      for choice, advice in ways if advice is allowed for part in advice.checklist)
        citations = tuple(dict.fromkeys(reply.citations + tuple(s for _, a in ways for s in a.citations)))
        if self._about_the_allowed_way(understood, allowed, [a for _, a in ways if a is not allowed]):
            # "can I use the IAS number instead of the name on a fax?": what is asked is a condition only the
            # allowed way has; that way is the answer, the yes or no still asked first among its conditions
            return replace(reply, verdict=allowed.verdict, summary=allowed.summary, rule_id=allowed.rule_id,
                           reasons=reasons + allowed.reasons, checklist=allowed.checklist, citations=citations)
        return replace(reply, reasons=reasons + reply.reasons, checklist=steps + reply.checklist,
                       citations=citations)

    def _about_the_allowed_way(self, understood: Understanding, allowed: Advice, others: list[Advice]) -> bool:
        """The question tells a fact that only the allowed way's rule reads, beside what is sent, to whom and how."""
        read = self._rule_reads
        own: set[str] = set(read.get(allowed.rule_id, ())) - {"channel", "kind", "recipient"}
        own -= {name for other in others for name in read.get(other.rule_id, ())}
        return any(understood.facts.get(name) is not None for name in own)

    def advise(self, understood: Understanding) -> Reply:
        """The rules' answer; with several channels named, the strictest."""
        facts = understood.facts
        channels = understood.channels or (None,)
        advices = [advise(self.policy, facts.with_(channel=c) if c else facts) for c in channels]
        advice = safest(advices)
        return Reply.from_advice(advice, channels=understood.channels, understood=self.recap(advice.facts))

    def recap(self, facts: Facts) -> tuple[tuple[str, str], ...]:
        """(fact, label) for the channel, kind and recipient read from a question."""
        terms = (("channel", self.policy.channels), ("kind", self.policy.kinds), ("recipient", self.policy.recipients))
        return tuple((name, terms_[value].label.split(" (")[0]) for name, terms_ in terms
                     if (value := facts.get(name)) and value in terms_)

    def mentioned(self, harm: HarmAssessment, then: str = "") -> tuple[str, ...]:
        """('You mentioned "bruises" (physical abuse).' + then,), or () when nothing was read."""
        cue = harm.first
        if cue is None:
            return ()
        if cue.reading == "threshold":  # whether it is one for the Hub, asked
            return ("You asked whether this is one for the Hub: that turns on whether a child is suffering, or likely "
                    f"to imminently suffer, significant harm.{then}",)
        if cue.reading == "disclosure":  # someone's own words about a child, told as now
            return (f"You reported what someone said about a child's situation now.{then}",)
        if cue.reading == "learned" or cue.words.startswith("\u201c"):
            # no word of harm.yaml, a message like those where a child was at risk (its words come quoted)
            return (f"Your message reads like ones where a child was at risk (words such as {cue.words}).{then}",)
        if not cue.words:  # a story about a child, with no word of harm.yaml in it
            return (f"You described a child's situation; I can't tell from the words whether they are at risk.{then}",)
        # every sign read, up to three, each once: where two signs together rang ("no coat again ... he'll get
        # what's coming if he tells"), naming only the first hid the one that weighed more (a README trial)
        said: list[str] = []
        for c in harm.because:
            if c.words and not c.words.startswith("\u201c") and c.reading not in ("threshold", "disclosure", "learned") \
                    and all(c.words not in s for s in said) and len(said) < 3:
                title = _lower_first(self.reader.harm.title(c.category))  # "FGM, forced marriage ..." keeps capitals
                said.append(f"\u201c{c.words}\u201d ({title})")
        return (f"You mentioned {' and '.join([', '.join(said[:-1]), said[-1]] if len(said) > 1 else said)}.{then}",)

    def ask_harm(self, facts: Facts, harm: HarmAssessment) -> Reply:
        """Maybe: the harm question first, with the other facts kept for the answer that follows."""
        advice = ask_for(self.policy, facts.with_(harm=None), ["harm"])
        reply = Reply.from_advice(advice, harm=harm)
        if facts.get("channel") is not None:
            # "fax the CAMHS letter about her self-harm to the GP": the harm question first, and what the protocol
            # says of that way whatever the answer, where it is a No (a ring to the Hub goes by phone anyway)
            refused = advise(self.policy, facts.with_(harm=False))
            if refused.verdict is Verdict.NOT_ALLOWED:
                either = ChecklistSection("Whatever the answer", (refused.summary,))
                reply = replace(reply, checklist=(either, *reply.checklist),
                                citations=tuple(dict.fromkeys(reply.citations + refused.citations)))
        return replace(reply, reasons=self.mentioned(harm) + reply.reasons)

    def escalation(self, reply: Reply, harm: HarmAssessment) -> Reply:
        """The Hub answer, with what was read and, for immediate danger, 999 first."""
        checklist, citations = reply.checklist, reply.citations
        # a child gone missing: the police's request for a photo is how the child is found (not a document "sent
        # ahead of the call"); a child in immediate danger: 999 first. Either shown first.
        missing = any(c.category == "missing" and c.level is HarmLevel.YES for c in harm.because)
        if missing:  # hub_sending's "no photos ahead of the call" is not for the police looking for the child
            sending = self.policy.checklists["hub_sending"].title
            checklist = tuple(replace(part, items=tuple(i for i in part.items if "photo" not in i.lower()))
                              if part.title == sending else part for part in checklist)
        for name in ["hub_immediate"] * harm.immediate + ["hub_missing"] * missing:
            checklist = checklist_advice(self.policy, [name]) + checklist
            cites = [c for item in self.policy.checklists[name].items for c in item.cites]
            citations = citations + tuple(self.policy.sections[c] for c in cites if self.policy.sections[c] not in citations)
        # the recap keeps the way and the information, not a recipient: in a child's story "mum" or "dad" is
        # someone in it, not who the user writes to, and the Hub comes first whoever that is
        understood = tuple((name, label) for name, label in reply.understood if name != "recipient")
        return replace(reply, reasons=self.mentioned(harm) + reply.reasons, checklist=checklist,
                       citations=citations, harm=harm, understood=understood)

    def faq_reply(self, faq_id: str, facts: Facts = Facts(), form: str = "") -> Reply:
        """The FAQ's answer. Asked as how, what or which (form "how"), it gives the steps: a verdict of
        "Not allowed" would answer a question nobody asked ("what should I call the zip file?")."""
        faq = self.policy.faq[faq_id]
        verdict, summary = faq.verdict, faq.answer
        if form == "how" and verdict is Verdict.NOT_ALLOWED:
            verdict, summary = Verdict.ALLOWED_WITH_CONDITIONS, _YES_NO.sub("", summary, count=1)
        elif form == "how" and verdict is Verdict.ESCALATE:
            verdict = Verdict.ALLOWED  # "what's the Hub's number?" with no sign of harm: the number, as information
        checklist = checklist_advice(self.policy, [faq.checklist] if faq.checklist else [], facts)
        cites = list(faq.cites)
        if faq.checklist:
            cites += [c for item in self.policy.checklists[faq.checklist].items for c in item.cites]
        citations = tuple(self.policy.sections[c] for c in dict.fromkeys(cites))
        quick = tuple(Option(self.policy.faq[f].question, self.policy.faq[f].question) for f in faq.follow_ups)
        return Reply(verdict, summary, checklist=checklist, citations=citations,
                     quick_replies=quick, facts=facts, faq_id=faq.id, rule_id=f"faq:{faq.id}")

    def faq_match(self, question: str) -> FaqMatch | None:
        """The FAQ this question asks, if the match is good and covers it.

        token_set_ratio scores 100 when one text's words are a subset of the
        other's, so "can I send it" would match "can I send the password in
        an email". A match must also cover at least half of the
        paraphrase's words, not counting question words ("records" alone
        does not make a question "what records do I keep of faxes"), and
        below a clear match a third of them weighted by how few FAQs use
        each word: "a child's file" shares 'child' and 'file' with "the
        child's name as the file name" but not its telling word, 'name'.
        A query of one or two words is enough if they are all in the
        paraphrase and one is used by at most two FAQs.
        """
        return self.match_prepared(self.prepare(question))

    def _premise_told(self, faq: Faq, asked: set[str]) -> bool:
        """The premise an FAQ refutes (faq.yaml `refutes`), told in its telling words: one of its `needs` and one of
        its `needs_too`."""
        return faq.refutes and bool(self._needs(faq.id) & asked and self._needs(faq.id, "needs_too") & asked)

    def _refute_cutoff(self, asked: set[str]) -> float:
        """How near a refuting FAQ's wordings a premise must read: nearer unless a word for sparing a step is said."""
        return _REFUTED_SPARING if self._sparing & asked else _REFUTED

    def _premise_refuted(self, faq: Faq, prepared: str, score: float) -> bool:
        """The premise an FAQ refutes, told and near enough one of its wordings: "the disclaimer is stuck on
        automatically, so I don't need to write CONFIDENTIAL ...?" The rules' Allowed for the email does not answer
        that; the FAQ's No does."""
        asked = set(prepared.split())
        return self._premise_told(faq, asked) and score >= self._refute_cutoff(asked)

    def proposed(self, rule_id: str) -> Proposed | None:
        """rules.yaml `proposed` of a rule: its answer to a yes/no question proposing what it warns against."""
        return self._proposed.get(rule_id)

    def match_prepared(self, prepared: str) -> FaqMatch | None:
        """`faq_match` for a question already prepared: once, for both indexes."""
        found = self._match_in(self.faq_index, prepared, LIKELY_FAQ)
        if found is None and len(self.also_index):  # the looser wordings, only when no paraphrase fits
            found = self._match_in(self.also_index, prepared, CLOSE_ALSO)
        if found is not None and self.policy.faq[found.faq_id].unsettled:
            return found
        asked = set(prepared.split())
        if found is None or self.policy.faq[found.faq_id].verdict in _PERMITTING:
            # a premise an FAQ refutes, told with that FAQ's own words, outranks one that only informs on the same
            # subject (faq.yaml `refutes`): "the disclaimer's at the bottom anyway, so doesn't that cover us?"
            # (or, with none matched, stands alone: "... so I can skip the delete-after-use line?")
            if self._refuting is None:  # read once
                self._refuting = tuple((f, tuple(self.faq_index.prepared(p) for p in (f.question, *f.paraphrases)))
                                       for f in self.policy.faq.values() if f.refutes)
            query = " ".join(sorted(asked))
            for faq, wordings in self._refuting:
                if (found is None or faq.id != found.faq_id) and self._premise_told(faq, asked):
                    score = max(SCORER(query, w) for w in wordings)
                    if score >= self._refute_cutoff(asked):
                        # ... and reads as one of its paraphrases ("on leave" is no "leave out")
                        return FaqMatch(faq.id, score, faq.question)
        # what the protocol leaves unsettled (faq.yaml `unsettled`) is asked of by its own words, however the rest
        # reads: "Mum's solicitor wants the contact notes: what do I need to redact first?"; not where a way of
        # sending is named ("the redacted file to the solicitor's email": how to send it)
        if any(w in self._channel_words for w in asked):
            return found
        telling = self._needs(found.faq_id) & asked if found is not None else frozenset()
        if telling and not telling <= _EVERYDAY_NEEDS:
            return found  # an FAQ matched on its own telling words ("data protection ... without consent, right?")
        if self._unsettled is None:  # the FAQs that say the protocol's silence, with their words: read once
            self._unsettled = tuple((f, self._needs(f.id, "unsettled_by") or self._needs(f.id),
                                     self._needs(f.id, "needs_too"))
                                    for f in self.policy.faq.values() if f.unsettled)
        # ... and by what its answer is about, where faq.yaml says (`needs_too`): "I don't recognise the number"
        # of a caller is no message that may not be genuine
        unsettled = next((f for f, needs, too in self._unsettled if asked & needs and (not too or asked & too)), None)
        # (an FAQ matched only on words any request uses gives way to the silence asked of: "a department in Poland
        # is asking for a child's records. Can we send them abroad?")
        return found if unsettled is None else FaqMatch(unsettled.id, found.score if found else 0.0, unsettled.question)

    @property
    def section_words(self) -> dict[str, frozenset[str]]:
        """Each protocol item's prepared words, less the common ones, for nearest_cited: built the first time."""
        if self._section_words is None:
            common = set(self.prepare(" ".join(_COMMON)).split()) | QUESTION_WORDS | {"not"}
            self._section_words = {s.id: frozenset(self.prepare(s.text).split()) - common
                                   for s in self.policy.sections.values()}
        return self._section_words

    @property
    def also_index(self) -> FaqIndex:
        """The FAQ's looser wordings (faq.yaml `also`), prepared the first time a question needs them."""
        if self._also_index is None:
            self._also_index = FaqIndex(((f.id, f.also) for f in self.policy.faq.values() if f.also), self.prepare)
        return self._also_index

    def _match_in(self, index: FaqIndex, prepared: str, cutoff: float) -> FaqMatch | None:
        match = index.match_prepared(prepared, cutoff=cutoff)
        if match is None:
            return None
        asked = set(prepared.split())
        if self._covers(index, asked, match):
            return match
        if len(asked) <= 2:
            return None  # a terse query: words many FAQs use say nothing on their own
        # The same FAQ's other paraphrases scoring as well ("transmission report" tying with "log faxes")
        query = " ".join(sorted(asked))
        for paraphrase in index.phrases(match.faq_id):
            score = SCORER(query, index.prepared(paraphrase))
            other = FaqMatch(match.faq_id, score, paraphrase)
            if paraphrase != match.paraphrase and score >= cutoff and self._covers(index, asked, other):
                return other
        # ... or, for a question opening with a wh-word, which asks to be told something, another FAQ's, next best:
        # "what's the right way to pass on the password for a zipped file - phone call?" is not "what should I call
        # the zip file", but is "Can I email the file and phone the password?". (A yes/no question or a statement
        # gets no second guess: "... so I can put all 40 email addresses in CC?" is not "can I use an email group")
        # (met on two words or more, one of them used by it and at most one other FAQ: not "what does the protocol
        # say about letters?" met "what does the protocol say sharing must be")
        if prepared.split(" ", 1)[0] not in QUESTION_WORDS:
            return None
        runner_up = index.match_prepared(prepared, cutoff=cutoff, besides=match.faq_id)
        if runner_up is None:
            return None
        shared = asked & self._wanted(index, runner_up)
        if len(shared) < 2 or not any(index.faqs_using(w) <= 2 for w in shared):
            return None
        # a person or a reason asked is answered by a wording asking it: "who signs off a request for secure email
        # access?" is not "are emails included in subject access requests"
        person_or_reason = _wh_kinds(asked) & {"who", "why"}
        if person_or_reason and not person_or_reason & _wh_kinds(index.prepared(runner_up.paraphrase).split()):
            return None
        return runner_up if self._covers(index, asked, runner_up) else None

    def _needs(self, faq_id: str, field: str = "needs") -> frozenset[str]:
        """faq.yaml `needs` (or `needs_too`, or the `unsettled` list), prepared: a question this FAQ answers uses
        one of them."""
        needs = self._faq_needs.get((faq_id, field))
        if needs is None:
            needs = self._faq_needs[(faq_id, field)] = frozenset(
                w for word in getattr(self.policy.faq[faq_id], field) for w in self.prepare(word).split())
        return needs

    @staticmethod
    def _wanted(index: FaqIndex, match: FaqMatch) -> set[str]:
        """The words of the paraphrase matched that a question asking it uses, less question words and fillers."""
        wanted = set(index.prepared(match.paraphrase).split()) - QUESTION_WORDS
        # "I don't have 7-Zip": "not" and "have" say nothing of which FAQ it is; its telling word must be asked
        return (wanted - _FAQ_FILLERS) or wanted

    def _covers(self, index: FaqIndex, asked: set[str], match: FaqMatch) -> bool:
        wanted = self._wanted(index, match)
        needs = self._needs(match.faq_id)
        if needs and not needs & asked:
            return False  # "the IAS number instead of the child's name when faxing" names no file to be named
        too = self._needs(match.faq_id, "needs_too")
        if too and not too & asked:
            return False  # "can I still save it to the child's file?" names a file, not what it is called
        named = {self._channel_words[w] for w in wanted if w in self._channel_words}
        said = {self._channel_words[w] for w in asked if w in self._channel_words}
        if named and not named & said and (said or named - _UNSAID_ROUTES):
            # the paraphrase is about a way of sending the question does not name: another way, or, other than
            # email or the phone (which a question about sent items or passwords leaves unsaid), none ("how do I send a
            # confidential fax" is not "can I send the confidential spreadsheet?")
            return False
        refused = self._needs(match.faq_id, "not_with")
        if refused & asked and not refused & wanted:
            return False  # "how do I open the protected file I was sent?" is no question how to make one (`not_with`)
        if said and self.policy.faq[match.faq_id].unless_sent:
            return False  # "fax a consent form": a way of sending named, the rules answer (faq.yaml `unless_sent`)
        faqs_using = index.faqs_using  # "child" or "file" says little about which FAQ is asked
        if len(asked) <= 2 and asked <= wanted and any(faqs_using(w) <= 2 for w in asked - _BARE_REPLIES):
            # a terse query ("foi", "usb ok?") naming what only this FAQ or one other speaks of (not a bare "no",
            # which names nothing: the word is rare in the paraphrases, not telling)
            return True
        if len(asked & wanted) * 2 < len(wanted):
            return False
        if match.score < CLEAR_FAQ:
            asked_kind = _wh_kinds(asked)
            wanted_kind = _wh_kinds(index.prepared(match.paraphrase).split())
            if asked_kind and wanted_kind and not asked_kind & wanted_kind and (asked_kind | wanted_kind) - {"what"}:
                return False  # "which law does the protocol say ...?" is not "who wrote the protocol?"
            # exact fractions: float sums taken in a set's order (which the hash seed sets) could fall either
            # side of a tie, so the same question could get a different answer from one run to the next
            from fractions import Fraction  # noqa: PLC0415 - on first use: `safeshare ask` starts without it

            weight = {w: Fraction(1, max(1, faqs_using(w))) for w in wanted}
            if sum(weight[w] for w in asked & wanted) * 3 < sum(weight.values()):
                return False
        return True
