"""The ids in the knowledge files that SafeShare's code relies on by name.

An information-governance officer may rename or remove anything else; these
few the Python code looks up itself, so renaming one would load fine and
then break answers. The loader checks every one of them, and a rename
stops start-up (and `safeshare check`) with the file, the line and what to
do, never an error in the middle of an answer. tests/test_contract.py
finds every string in the code that names a knowledge id and checks it is
listed here.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Needed:
    """One id the code uses: in which file and list, and what for."""

    file: str  # the knowledge file, without .yaml
    part: str  # the list or mapping it lives in ("recipients", "signals", "facts.password")
    id: str
    why: str  # what stops working without it, for the officer


NEEDED: tuple[Needed, ...] = (
    # vocabulary.yaml: dialogs/understand.py and dialogs/conversation.py
    Needed("vocabulary", "recipients", "webmail_personal",
           "a Gmail or Hotmail word is read as this recipient after \"to\", and as the sender's own webmail otherwise"),
    Needed("vocabulary", "recipients", "generic_address", "an address such as info@school.org.uk is read as this recipient"),
    Needed("vocabulary", "recipients", "secure_mail", "a cjsm or gsx address is read as this recipient"),
    Needed("vocabulary", "recipients", "team_mailbox",
           "a generic mailbox said to be the user's own team's, or inside the council, is read as this recipient"),
    Needed("vocabulary", "recipients", "individual",
           "a parent or carer named with secure email is who receives it, not a secure address"),
    Needed("vocabulary", "kinds", "sensitive", "\"Not sure\" at the guided check's kind question reads it as this"),
    *(Needed("vocabulary", "kinds", value, "\"no ... in it\" before this kind says it is not what is sent")
      for value in ("mental_health", "intimate_health")),
    Needed("vocabulary", "recipients", "external_org",
           "\"Not sure\" at the guided check's recipient question reads it as this"),
    *(Needed("vocabulary", "recipients", value, "a question about encrypting something for this recipient is read as "
             "an email attachment") for value in ("school", "colleague")),
    Needed("vocabulary", "channels", "email", "an email named with a platform (\"email it via Objective Connect\") "
           "gives way to the platform"),
    Needed("vocabulary", "channels", "webmail", "\"use Gmail\" (the sender's own webmail) is read as this channel"),
    Needed("vocabulary", "channels", "secure_email", "a carer named with secure email is the recipient, not a secure address"),
    Needed("vocabulary", "channels", "phone", "\"ring them with the password\" is not a phone question"),
    Needed("vocabulary", "channels", "post", "\"posted it in the WhatsApp group\" is put online, not this channel"),
    Needed("vocabulary", "channels", "removable_media", "\"save the attachment onto a USB\": the stick is the route, "
           "the attachment what goes"),
    # facts.yaml: the password reader (dialogs/understand.py) judges a proposed password into these
    *(Needed("facts", "facts.password", value, "the password reader sets the password fact to this value")
      for value in ("strong", "guessable", "common", "too_short", "no_mix", "short_no_mix", "reused", "about_child",
                    "example")),
    *(Needed("facts", "facts.follow_up_by", value, "the days or hours between a Hub call and its written follow-up "
             "set this value (dialogs/understand.py)") for value in ("in_time", "weekend", "late", "hours_asked")),
    # signals.yaml: each sets a fact, or a reading, in dialogs/understand.py
    *(Needed("signals", "signals", name, f"it sets the {fact} fact from a question")
      for name, fact in (("urgent", "urgent"), ("other_identifier", "other_identifier"), ("agreement", "agreement"),
                         ("encrypted", "encrypted"), ("aes", "aes"), ("password_reused", "password"),
                         ("password_emailed", "password_emailed"), ("password_missing", "password_missing"),
                         ("received", "received"),
                         ("already", "already"),
                         ("everything", "everything"), ("unavailable", "down"), ("passed_over", "passed_over"), ("in_body", "in_body"),
                         ("in_subject", "in_subject"), ("borrowed_account", "borrowed_account"),
                         ("group_address", "group_address"), ("file_named", "file_named"),
                         ("kept_in_mailbox", "kept_in_mailbox"), ("misdirected", "misdirected"),
                         ("to_hub", "to_hub"), ("name_removed", "name_removed"), ("cc_many", "cc_many"),
                         ("not_intended", "not_intended"), ("opening", "opening"),
                         ("self_made_account", "self_made_account"), ("off_record", "off_record"),
                         ("autocomplete", "autocomplete"), ("process_asked", "process_asked"),
                         ("unrecorded", "unrecorded"), ("copies_reversed", "copies_reversed"),
                         ("addresses_shown", "addresses_shown"), ("no_secure_account", "no_secure_account"),
                         ("unsaved", "unsaved"), ("media_handover", "media_handover"),
                         ("list_stale", "list_stale"), ("aftermath", "aftermath"),
                         ("password_relayed", "password_relayed"), ("public_office", "public_office"),
                         ("unattended", "unattended"), ("thread_holds", "thread_holds"),
                         ("sent_in", "sent_in"), ("secure_unnamed", "secure_unnamed"))),
    Needed("signals", "signals", "webmail_use", "\"use my Gmail\" is read as sending from webmail"),
    Needed("signals", "signals", "hub_rung", "\"I rang the Hub this morning about ...\": the harm is told, the written "
           "follow-up comes next"),
    Needed("signals", "signals", "skipped_step", "\"no need to zip it, yeah?\": a step left out is answered No"),
    Needed("signals", "signals", "passed_over", "\"rather than the portal\": a route named as not taken is not the route"),
    # vocabulary.yaml: the fax cover sheet (dialogs/fax.py) asks the advisor about this channel and kind
    Needed("vocabulary", "channels", "fax", "the fax cover sheet asks the advisor whether this fax may be sent"),
    Needed("vocabulary", "kinds", "pid", "the fax cover sheet's default kind of information"),
    Needed("vocabulary", "kinds", "safeguarding", "information about abuse or neglect (harm words read as past or a "
           "document's description) is read as this kind"),
    Needed("vocabulary", "kinds", "anonymous", "an answer that assumes personal information says what changes if "
           "the information identifies no one"),
    Needed("vocabulary", "kinds", "anonymised", "a kind that identifies no one: \"anonymised figures\" stay anonymised"),
    # checklists.yaml: shown by name
    Needed("checklists", "checklists", "hub_immediate", "the answer for a child in immediate danger shows it first"),
    Needed("checklists", "checklists", "hub_missing", "the answer for a child gone missing shows it first"),
    Needed("checklists", "checklists", "hub_sending", "the Hub answer's sending steps, whose photo items a missing "
           "child's answer leaves out"),
    Needed("checklists", "checklists", "not_sure", "the guided check's \"Not sure\" button shows it"),
    Needed("checklists", "checklists", "package_sending", "the encrypted package's instructions"),
    Needed("checklists", "checklists", "package_email_body", "the encrypted package's text for the email body"),
    Needed("checklists", "checklists", "package_receiving", "the encrypted package's steps for the recipient"),
    # faq.yaml
    Needed("faq", "faq", "who-to-ask", "a person asked for whom the protocol does not name (\"who is our Caldicott "
           "Guardian?\") gets who to ask, not \"how do you plan to send it?\""),
    Needed("faq", "faq", "what-is-pid", "a question how some information is classed (\"is an NHS number PID?\") "
           "gets its definitions"),
    Needed("faq", "faq", "subject-access", "deleting what a subject access or FOI request covers, asked about, "
           "gets how a request is handled (not the FOI FAQ's \"Yes\")"),
    Needed("faq", "faq", "foi", "whether emails fall within a subject access or FOI request, asked, gets All Email 7's "
           "answer (included), not advice on emailing the person who asked"),
    Needed("faq", "faq", "email-address-unknown", "an email address asked for (\"what email address do I use for the "
           "Hub?\") gets what the protocol has: no email addresses, the Hub's number"),
    # faq.yaml: what to do after a mistake is their own answer, never put behind "it has already happened"
    # (dialogs/answer.py, _AFTER_A_MISTAKE)
    Needed("faq", "faq", "secure-large-file", "email said to be too big, asked what else (\"way too big to email - "
           "options?\"), gets the ways other than email"),
    Needed("faq", "faq", "receive-encrypted", "an encrypted file received, what to do with it asked (\"Received an "
           "encrypted zip from the hospital. What do I do with it?\"), gets Appendix A's receiving steps"),
    *(Needed("faq", "faq", value, "a question that rings the password through is answered by the phone FAQ, not "
                                   "the one refusing it by email") for value in ("password-same-email", "password-by-phone")),
    Needed("faq", "faq", "wrong-recipient", "a slip told with what now asked: its own answer stands"),
    # faq.yaml: the user unsure whether to share at all (dialogs/answer.py, NOT_SURE_FAQ)
    Needed("faq", "faq", "not-sure", "unsure whether to share at all (\"I don't know if that's ours to share\"), "
           "gets the protocol's answer to not being sure, not a general FAQ's Yes"),
    Needed("faq", "faq", "breach-consequences", "a slip told with what now asked: its own answer stands"),
    Needed("faq", "faq", "received-password-in-email", "a slip told with what now asked: its own answer stands"),
    # faq.yaml: its answer offers the fax walkthrough that makes a cover sheet (dialogs/conversation.py)
    Needed("faq", "faq", "fax-cover-sheet", "\"what goes on a fax cover sheet?\" offers to make one"),
    # sections.yaml: the Hub follow-up reminder (dialogs/reminder.py) quotes the 48-hour rule
    Needed("sections", "sections", "safeguarding.followup",
           "the reminder to follow up a call to the Hub in writing quotes and cites it"),
    # faq.yaml: a question how long anything is kept, what a route costs, whether files are encrypted before they
    # go on Objective Connect, or whether a team's shared mailbox is a generic address, is answered by the FAQ that
    # says the protocol is silent on it (dialogs/answer.py, KEEPING_FAQ, COSTS_FAQ, OC_ENCRYPTION_FAQ and
    # SHARED_MAILBOX_FAQ)
    Needed("faq", "faq", "keeping-period", "\"how long do we keep the copies?\": the protocol sets no period"),
    Needed("faq", "faq", "costs-not-covered", "\"is there a cost for Objective Connect?\": the protocol names none"),
    Needed("faq", "faq", "objective-connect-encryption",
           "\"do I still encrypt before putting it on Objective Connect?\": the protocol leaves it open"),
    Needed("faq", "faq", "shared-mailbox-generic",
           "\"is our duty inbox classed as a generic address?\": the protocol's one example is info@"),
    # sections.yaml: a confidence raised beside the harm question (dialogs/answer.py) cites the duty that overrides it
    Needed("sections", "sections", "safeguarding.duty", "a confidence raised: the duty to safeguard overrides it"),
    # rules.yaml: a question about marking CONFIDENTIAL is answered without this rule (dialogs/answer.py)
    Needed("rules", "rules", "email-identifier-instead-of-names",
           "\"do I need to mark emails CONFIDENTIAL if they only have initials?\" is answered as the marking asked"),
    # rules.yaml: whether files must be encrypted as well before they go on Objective Connect is answered as the
    # protocol's silence, where this rule would have given its steps (dialogs/answer.py)
    Needed("rules", "rules", "objective-connect",
           "\"do I still need to encrypt files before putting them on Objective Connect?\" gets the protocol's silence"),
    # rules.yaml: a yes/no question about a thread holding something is a No only where it is left in (dialogs/answer.py)
    Needed("rules", "rules", "thread-holds",
           "\"can I reply? the chain underneath mentions the CP plan\" gets the check; \"just hit reply?\" the No"),
    # harm.yaml: dialogs/harm.py files an adult much older than a child under this category
    Needed("harm", "harm.categories", "sexual_exploitation",
           "a child's age next to a much older adult's is read as a sign in this category"),
    Needed("harm", "harm.categories", "fgm_forced_marriage_honour",
           "FGM told of a mother, with a girl in the family, is always asked about (dialogs/harm.py)"),
    Needed("harm", "harm.categories", "sexual",
           "a sign of sexual activity with a child's age under 16 told is always asked about (dialogs/harm.py)"),
    Needed("harm", "harm.categories", "physical",
           "an injury seen and put down to a parent or an adult (\"says stepdad did it\") is rung (dialogs/harm.py)"),
)
