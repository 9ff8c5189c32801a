"""Issue 11, "finer points of the protocol missed": each point answered as the protocol says.

Every test asks the Assistant a question in words and checks the reply, so a point
holds whatever rule, vocabulary or FAQ carries it; where the protocol covers a case
only by analogy, the answer must say so and send the user to the manager or the Hub.
"""
from __future__ import annotations

import re

import pytest

from dialogs.reply import SAFETY_NOTE
from knowledge.advisor import advise
from knowledge.model import Verdict
from packager.password import GROUP_SIZE, GROUPS, new_password

NOT, AWC, ALLOWED, ASK = Verdict.NOT_ALLOWED, Verdict.ALLOWED_WITH_CONDITIONS, Verdict.ALLOWED, Verdict.NEED_MORE_INFO


def ask(assistant, question):
    reply = assistant.answer(question)
    return reply, reply.text()


def reads_as(assistant, question, verdict, rule):
    """The answer's verdict, and its rule where one is named (None: any)."""
    reply, _ = ask(assistant, question)
    assert reply.verdict is verdict and rule in (None, reply.rule_id), (question, reply.verdict, reply.rule_id)
    return reply


def cited(reply) -> set[str]:
    return {s.id for s in reply.citations}


# 1. A password the user proposes, against external.1 -----------------------------------

@pytest.mark.parametrize("question, rule, why", [
    ("can I use the password abcdefgh for the zip?", "password-no-mix", "mix of numbers and letters"),
    ("the password is bluebells, will that do?", "password-no-mix", "mix of numbers and letters"),
    ("I set the password as 12345678", "password-no-mix", "mix of numbers and letters"),
    ("is the password 'abc123' ok for the encrypted file", "password-too-short", "fewer than 8"),
    ("my zip password: Jp2024", "password-too-short", "fewer than 8"),
    ("can I use password 123456 for the encrypted file", "password-short-no-mix", "fewer than 8 characters"),
    # "pwd" as people type it; a password asked about as "a good password"
    ("pwd for the zip is 'Kt7' ok?", "password-too-short", "fewer than 8"),
    ("is 87654321 a good password for the zip?", "password-no-mix", "mix of numbers and letters"),
    # asked as a check, or opening the message
    ("Password check: Tiger12", "password-too-short", "fewer than 8"),
    ("Tiger12 ok as a password?", "password-too-short", "fewer than 8"),
])
def test_a_weak_password_is_not_allowed_with_why(assistant, question, rule, why):
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, NOT)
    assert why in text and "external.1" in cited(reply)


@pytest.mark.parametrize("question, judged", [("Foster#9 - long enough?", "guessable"),  # a word, a digit
                                             # the word itself with a digit: the first guess anyone makes
                                             ("is password1 acceptable for the zip?", "common")])
def test_a_password_put_forward_without_the_usual_words(assistant, question, judged):
    reply, text = ask(assistant, question)
    assert reply.rule_id == f"password-{judged}" and reply.facts.password == judged


@pytest.mark.parametrize("question", ["CP12 - long enough for the subject line?",
                                      "What does the example password !2012JSOct02 actually mean?"])
def test_a_reference_or_the_example_explained_is_no_password_put_forward(assistant, question):
    assert assistant.reader.read(question).facts.password is None


@pytest.mark.parametrize("question, rule", [
    ("can I make the password the child's surname and birth year, like Jones2016?", "password-about-child"),
    ("Can I just use '!2012JSOct02'? It's the one in the guide", "password-example"),
])
def test_a_password_anyone_could_guess_is_not_allowed(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, NOT)


@pytest.mark.parametrize("question, emailed", [
    ("I've already sent the zip but forgot to give them the password. can I email it over now?", True),
    ("The sender of an encrypted file hasn't phoned me with the password. Can I ask them to just email it over?", True),
    # "it" is the file: named after the password, or the password given by phone, or the way not taken
    ("I set a password on the report, can I email it to the GP?", None),
    ("zip the file with a password, email it and ring them with the password", None),
    ("I'll ring the LAC nurse at the trust with the password before I email it. Right?", None),
    ("Can I ring the recipient with the password instead of emailing it?", None),
    ("Is it ok to just phone a partner agency to pass on info rather than email it?", None),
])
def test_email_it_is_the_password_only_when_the_password_was_named_last(assistant, question, emailed):
    assert assistant.reader.read(question).facts.password_emailed is emailed


@pytest.mark.parametrize("question, rule", [
    ("I sent the zip and put the password in the same email by mistake. Does it matter?", "password-emailed-by-me"),
    ("I accidentally sent the CP report unencrypted to the hospital yesterday. They've received it. Is that a problem?",
     "misdirected"),
])
def test_the_users_own_slip_is_a_near_miss_for_the_manager_not_a_condition(assistant, question, rule):
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, Verdict.NEED_MORE_INFO)
    assert "manager" in text and "Save the attachment" not in text


def test_a_password_that_meets_the_rules(assistant):
    reply, text = ask(assistant, "I was going to use Gw7tarnK4x as the password, is that ok?")
    assert (reply.rule_id, reply.verdict) == ("password-meets-rules", AWC)
    assert "new password per transmission" in text or "this transmission only" in text
    assert "Gw7tarnK4x" not in text  # the password is never repeated back


@pytest.mark.parametrize("question", [
    "can I use the same password for every file I send the school?",
    "we have a standing password with the hospital, can I use it again",
])
def test_one_password_for_many_transmissions_is_not_allowed(assistant, question):
    reply, text = ask(assistant, question)
    assert reply.verdict is NOT and reply.facts.password == "reused"
    assert "new password per transmission" in text


@pytest.mark.parametrize("question", [
    "is the password strong enough?",
    "how long should the password be",
    "can I send the password separately by phone",
    "can I email the password protected report to the GP",
])
def test_words_after_password_are_not_taken_for_one(assistant, question):
    assert assistant.reader.read(question).facts.password is None


def test_the_generated_password_meets_the_rules_it_checks(assistant):
    password = new_password()
    assert assistant.reader.read(f"is the password {password} ok?").facts.password == "strong"


# 2. Already happened: a password in the same email, a file on a USB stick or home computer

@pytest.mark.parametrize("question", [
    "I received a file with the password in the same email, what do I do?",
    "the health visitor sent me the report and put the password in the email",
])
def test_a_password_received_in_the_same_email(assistant, question):
    reply, text = ask(assistant, question)
    assert reply.verdict is AWC
    assert "shared drive" in text and "USB stick" in text and "manager" in text
    assert {"appendix.receive.2", "appendix.receive.3", "monitoring.breaches"} <= cited(reply)


@pytest.mark.parametrize("question", [
    "I saved the child's report to a USB stick",
    "I saved the assessment to my home computer",
    "I've copied the case notes onto my own laptop",
])
def test_a_file_already_saved_locally_gets_what_to_do_now(assistant, question):
    """Told with nothing asked, as what now: what to do now, not a No to what cannot be undone."""
    reply, text = ask(assistant, question)
    assert reply.verdict is ASK and reply.rule_id == "removable-media-done-what-now"
    assert "shared drive" in text and "delete it from the" in text and "manager" in text
    assert "appendix.receive.3" in cited(reply)


def test_planning_to_save_locally_is_still_plain_not_allowed(assistant):
    reply, _ = ask(assistant, "can I save the court report on my home pc")
    assert (reply.rule_id, reply.verdict) == ("removable-media", NOT)


# 3. Generic mailboxes described in words -------------------------------------------------

@pytest.mark.parametrize("question", [
    "can I email the referral to the practice's generic inbox",
    "can I send the attendance report to the school's reception email",
    "can I email the GP surgery's office email with the child's details",
    "can I send the referral to admissions@school.org.uk",
    "can I email the chronology to the team mailbox at the hospital",
    "can I send his date of birth to referrals@trust.nhs.uk",
])
def test_generic_mailboxes_in_words_are_generic_addresses(assistant, question):
    reply, text = ask(assistant, question)
    assert reply.facts.recipient == "generic_address"
    assert (reply.rule_id, reply.verdict) == ("email-to-generic-address", NOT)
    assert "internet.2" in cited(reply)


@pytest.mark.parametrize("question", [
    "can I email the referral to our team's shared inbox?",
    "the duty team has an internal shared mailbox, ok to send the chronology there?",
    "is my team's generic mailbox in the council ok for case notes, or is that a generic address?",
])
def test_a_council_teams_own_mailbox_is_internal_email(assistant, question):
    """(rounds 118-119, two writers) Internet Email 2's generic addresses sit with external personal accounts: a
    council team's own shared mailbox is internal email, said so, with the need-to-know point for its readers."""
    reply, text = ask(assistant, question)
    assert reply.facts.recipient == "team_mailbox"
    assert (reply.rule_id, reply.verdict) == ("email-to-team-mailbox", AWC)
    assert {"internal.1", "internet.2"} <= cited(reply)


def test_a_named_person_at_the_school_is_not_a_generic_mailbox(assistant):
    reply, _ = ask(assistant, "can I email the attendance report to the head teacher")
    assert reply.facts.recipient == "school"


# 4. Cloud storage and shared links: by analogy ---------------------------------------------

@pytest.mark.parametrize("question", [
    "can I share the report via Google Drive",
    "can I put the case notes in my Dropbox",
    "can I send the parent a shared link to the report",
    "can I use OneDrive personal to share the assessment with the GP",
    "can I send the court bundle to the solicitor with WeTransfer",
])
def test_cloud_accounts_and_shared_links_by_analogy(assistant, question):
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("cloud-account", NOT)
    assert "by analogy" in text and "manager" in text
    assert {"internet.1", "safeguarding.unsure"} <= cited(reply)


# 5. Secure email needs an account at both ends; external.2 in the protocol's words ------------

@pytest.mark.parametrize("question", [
    "can I send the report to mum by secure email",
    "can I send the foster carer the care plan through cjsm",
])
def test_secure_email_to_a_private_individual(assistant, question):
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("secure-email-to-individual", NOT)
    assert "Objective Connect" in text and "secure.1" in cited(reply)


def test_secure_email_needs_your_own_account_and_theirs(assistant):
    reply, text = ask(assistant, "can I send the report to the police by cjsm")
    assert (reply.rule_id, reply.verdict) == ("secure-email", AWC)
    assert "your own" in text and "secure address" in text
    assert "needs to be authorised and recorded by the Team" in text


def test_no_agreement_needs_authorising_and_recording_by_the_team(assistant):
    reply, text = ask(assistant, "can I email the report to the solicitor, there is no information sharing agreement")
    assert reply.verdict is AWC
    assert "needs to be authorised and recorded by the Team" in text
    assert "external.2" in cited(reply)


# 6. "Encrypted" is not taken at its word ------------------------------------------------------

@pytest.mark.parametrize("question", [
    "can I send it as a Windows compressed folder to the GP",
    "it's encrypted with ZipCrypto, can I email it to the health visitor",
    "I right click compress the assessment, then email it to the school",
])
def test_weaker_encryption_is_not_the_protocols(assistant, question):
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("weak-encryption", NOT)
    assert "AES-256" in text and "appendix.zip.aes" in cited(reply)


@pytest.mark.parametrize("question", [
    "can I email the password protected report to the GP",
    "can I send it as a password protected zip to the GP",
    "can I email the encrypted chronology to the solicitor",
])
def test_a_claimed_encryption_is_checked_for_aes_256(assistant, question):
    reply, text = ask(assistant, question)
    assert reply.verdict in (AWC, ALLOWED)
    assert "ZipCrypto" in text and "AES-256" in text


def test_aes_named_needs_no_warning(assistant):
    reply, text = ask(assistant, "can I email the report to the GP encrypted with 7-Zip AES-256")
    assert reply.verdict is AWC and "check it is AES-256" not in text


# 7. Fax: the ban by analogy, urgency confirmed, the identifier as the protocol's own condition ---

@pytest.mark.parametrize("question", [
    "can I fax the sexual health clinic letter to the GP",
    "can I fax the HIV test result to the clinic",
    "can I fax the pregnancy test result to the GP, it's urgent",
    "can I fax the substance misuse assessment to the solicitor",
    "can I fax the hair strand test results to the court",
])
def test_fax_ban_covers_intimate_health_by_analogy(assistant, question):
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("fax-highly-sensitive-by-analogy", NOT)
    assert "by analogy" in text and "manager" in text and "fax.4" in cited(reply)


@pytest.mark.parametrize("question", [
    "I need to fax the child's details to the GP today",
    "can I fax the contact schedule to the solicitor asap",
])
def test_a_time_is_not_confirmation_of_urgency(assistant, question):
    reply, _ = ask(assistant, question)
    assert (reply.verdict, reply.asks) == (ASK, "urgent")
    assert reply.follow_up.startswith("Is it urgent and absolutely necessary")


def test_urgent_in_the_users_words_is_confirmation(assistant):
    reply, text = ask(assistant, "it's urgent and absolutely necessary: can I fax the child's details to the GP")
    assert (reply.rule_id, reply.verdict) == ("fax-personal", AWC)
    assert "cover sheet" in text.lower()


def test_using_the_ias_number_is_the_protocols_own_condition(assistant):
    reply, text = ask(assistant, "it's urgent, can I fax the referral to the GP using the IAS number instead of the name")
    assert (reply.rule_id, reply.verdict) == ("fax-other-identifier", AWC)
    assert "protocol's own condition" in text and "fax.2" in cited(reply)
    reply, _ = ask(assistant, "can I fax the referral to the GP if I use the IAS number instead of the name")
    assert reply.verdict is not NOT and reply.asks == "urgent"


# 8. A route that is down; a phone call that carries only the password --------------------------

@pytest.mark.parametrize("question", [
    "the portal is down, can I email the school?",
    "the school portal isn't working, can I email the attendance report to the school",
    "I can't get into the school portal, can I email the head teacher the referral",
])
def test_the_portal_down_gets_the_email_routes_conditions(assistant, question):
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("email-school-portal-down", AWC)
    assert reply.facts.channel == "email" and reply.facts.down == "school_portal"
    assert "AES-256" in text and "by phone" in text and "external.1" in cited(reply)


def test_a_portal_that_works_is_still_the_route(assistant):
    reply, _ = ask(assistant, "can I put the attendance report on the school portal")
    assert (reply.rule_id, reply.verdict) == ("school-portal", ALLOWED)


@pytest.mark.parametrize("question", [
    "can I email it and ring them with the password",
    "I'll email the encrypted report to the GP and phone the password through",
    "ok to phone the business manager with the password after the zip has gone?",
])
def test_phoning_the_password_is_not_a_phone_call_channel(assistant, question):
    reply, text = ask(assistant, question)
    assert "phone" not in reply.channels
    assert reply.verdict in (AWC, ALLOWED)
    assert "by phone" in text


# 9. Not information about a child ---------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "can I text the parent the address of the contact centre",
    "can I text the carer my name and number",
    "can I WhatsApp dad the family centre address for Tuesday",
    "can I text mum my work mobile",
])
def test_the_workers_or_venues_details_are_not_pid(assistant, question):
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("service-contact", AWC)
    assert "not personal information about the child" in text


@pytest.mark.parametrize("question", [
    "can I text mum the foster carer's address for the contact centre",
    "can I text dad the child's new address and the contact centre address",
])
def test_a_persons_address_next_to_a_venue_is_still_pid(assistant, question):
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("text-personal", NOT)


# 10. Distribution lists, separate recipients, minimum necessary, anonymised ---------------------

def test_distribution_lists_when_necessary_and_well_managed(assistant):
    reply, text = ask(assistant, "can I use a distribution list to send the minutes")
    assert reply.verdict is AWC
    assert "carefully managed and checked regularly" in text and "email.recipients" in cited(reply)


def test_every_email_checklist_keeps_the_protocols_words_on_lists(assistant):
    reply, text = ask(assistant, "can I email the anonymised figures to the team")
    assert "if one is necessary, it must be carefully managed and checked regularly" in text


def test_separated_parents_bcc_or_separate_emails(assistant):
    reply, text = ask(assistant, "can I invite both separated parents in one email")
    assert reply.verdict is AWC
    assert "BCC" in text and "own email" in text and "email.3" in cited(reply)


@pytest.mark.parametrize("question", [
    "the solicitor wants everything you hold on the child",
    "the barrister asked for the whole case file, what do I send?",
])
def test_only_what_is_needed(assistant, question):
    reply, text = ask(assistant, question)
    assert reply.verdict is AWC
    assert "only the statement" in text and "fax.3" in cited(reply)


@pytest.mark.parametrize("question", [
    "can I email everything we hold on the child to the solicitor",
    # the whole history, as the whole file ("the whole assessment" is one document: its own rules decide)
    "The GP only wants the immunisation dates but I'll just email the whole family history, easier",
])
def test_everything_by_email_is_no_with_only_what_is_needed(assistant, question):
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("send-everything", Verdict.NOT_ALLOWED)  # proposed: no
    assert "not the whole file or everything you hold" in text


@pytest.mark.parametrize("question, rule", [
    ("can I email the anonymised health data to the university", "email-no-personal"),
    ("can I text the anonymised safeguarding figures to my manager", "text-logistics"),
    ("can I fax the anonymized mental health audit to the trust", "fax-no-personal"),
])
def test_anonymised_wins_over_any_other_kind(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert reply.facts.kind == "anonymised"
    assert reply.rule_id == rule and reply.verdict in (AWC, ALLOWED)


def test_not_anonymised_is_personal(assistant):
    reply, _ = ask(assistant, "can I email the health report to the GP, it is not anonymised")
    assert reply.facts.kind != "anonymised" and reply.rule_id == "external-email"


@pytest.mark.parametrize("question", [
    "Emailing the school nurse the class list with initials and each child's inhaler dose. Initials mean it's anonymised, yeah?",
    "it's only initials and date of birth on the spreadsheet for the provider, so that's anonymised isn't it?",
    "Does initials plus postcode count as anonymised if I send it to the trust?",
])
def test_anonymised_asked_of_what_may_identify_is_not_taken_at_its_word(assistant, question):
    # definitions, PID: a date of birth, a post code or a specific drug treatment may identify beside initials
    reply, _ = ask(assistant, question)
    assert reply.facts.kind != "anonymised" and reply.verdict is not ALLOWED


# 11. Wording: the protocol's words, the code's numbers, the right phone number -------------------

def test_imminently_is_kept_wherever_the_hub_test_is_quoted(assistant, policy):
    texts = [SAFETY_NOTE, *(s.text for s in policy.sections.values()), *(f.answer for f in policy.faq.values()),
             *(f.question for f in policy.facts.values()), *(f.help for f in policy.facts.values())]
    texts += [r.text for rule in policy.rules for r in rule.reasons]
    texts += [i.text for c in policy.checklists.values() for i in c.items]
    quoted = [t for t in texts if re.search(r"likely to (imminently )?suffer", t)]
    assert quoted and all("likely to imminently suffer" in t for t in quoted)
    assert "likely to imminently suffer" in assistant.answer("can I email the review to the GP").text()


def test_the_faq_gives_the_generated_passwords_length(policy):
    answer = policy.faq["password-good"].answer
    assert f"{GROUPS * GROUP_SIZE}-character" in answer
    assert len(new_password().replace("-", "")) == GROUPS * GROUP_SIZE


def test_outside_recipients_are_not_given_the_internal_ict_number(policy):
    for cid in ("package_receiving", "package_email_body"):
        for item in policy.checklists[cid].items:
            assert "226000" not in item.text, item.text
    assert any("contact you, the sender" in i.text for i in policy.checklists["package_receiving"].items)


# Round 5 (general_batch9): ways of saying it the words did not reach -------------------

@pytest.mark.parametrize("question", [
    "Can I log in with his details to send the bundle from his cjsm account?",
    "I've no gsx account, so could I use her account to send the report?",
])
def test_someone_elses_account_in_any_persons_words(assistant, question):
    reply, _ = ask(assistant, question)
    assert reply.verdict is NOT and reply.rule_id == "borrowed-account"


def test_sensitive_said_as_such_is_sensitive(assistant):
    reply, _ = ask(assistant, "can I put sensitive stuff in a WhatsApp to the carer?")
    assert reply.verdict is NOT and reply.facts.get("kind") == "sensitive"


def test_an_independent_advocate_is_outside_the_council(assistant):
    reply, text = ask(assistant, "Can I email the advocate the child's care plan without encrypting it?")
    assert reply.facts.get("recipient") == "external_org" and reply.verdict is not ALLOWED
    assert "AES-256" in text


@pytest.mark.parametrize("question, must", [
    ("is a date of birth on its own classed as PID?", "date of birth"),
    ("Religion on the care plan - sensitive or not?", "religious"),
    ("do a carer's payment details come under confidential data?", "financial"),
])
def test_how_information_is_classed_gets_the_definitions(assistant, question, must):
    reply, text = ask(assistant, question)
    assert reply.faq_id == "what-is-pid" and not reply.asks and must in text
    assert reply.verdict is ALLOWED  # a definition informs; nothing is sent


def test_a_definition_asked_beside_a_sending_carries_its_conditions(assistant):
    reply, _ = ask(assistant, "Is ethnicity classed as sensitive? I'm sending the cohort stats to a partner agency")
    assert reply.faq_id == "what-is-pid" and reply.verdict is AWC


@pytest.mark.parametrize("question", [
    "Can I use the IAS number instead of the child's name when faxing?",
    "On a fax should I put the child's name or can I just use their IAS number?",
])
def test_the_ias_number_on_a_fax_is_never_the_file_naming_no(assistant, question):
    """Issue 11: "saying you will use the IAS number gets 'Not allowed'". The file-naming FAQ answers only a
    question that names a file (faq.yaml `needs`)."""
    reply, _ = ask(assistant, question)
    assert reply.faq_id != "attachment-name" and reply.verdict is not NOT
    assert reply.facts.get("channel") == "fax"


def test_how_it_is_classed_with_a_way_of_sending_is_sending_advice(assistant):
    reply, _ = ask(assistant, "can I text a child's diagnosis to the carer, or is that classed as sensitive?")
    assert reply.verdict is NOT and reply.rule_id == "text-personal"  # the rules decide; the FAQ only adds its text


@pytest.mark.parametrize("question", [
    "can I email the school the child's plan instead of using the portal? it's quicker",
    "the school portal takes ages to upload, ok to email the report to the head?",
])
def test_a_route_named_as_not_taken_is_not_the_route_nor_down(assistant, question):
    reply, text = ask(assistant, question)
    assert reply.facts.get("channel") == "email" and reply.facts.get("recipient") == "school"
    # still the protocol's preferred route, working: being quicker does not make email necessary
    assert reply.rule_id == "email-secure-route-passed-over" and reply.verdict is NOT and "school portal" in text
    assert reply.facts.get("passed_over") == "school_portal"


# Round 11 (general_batch15): the protocol's own front matter and supporting documents ------------------------
@pytest.mark.parametrize("question, faq, must", [
    ("Who signed off this protocol and when was it issued?", "about-protocol", "8 January 2014"),
    ("what legislation sits behind the info sharing rules?", "which-law", "Data Protection Act 1998"),
    ("I'm a locum social worker through an agency, do I have to follow this?", "who-it-covers", "at all times"),
    ("where do I find the acceptable use policy?", "more-guidance", "Acceptable Use Policy"),
    ("how long do we keep case records, where does it say?", "more-guidance", "Retention"),
    # Round 12 (general_batch16): questions every round asks, answered from their section
    ("Outlook's auto-complete keeps offering me the wrong Jo, how do I make sure I pick the right one?",
     "check-recipients", "properties"),
    ("what wording do I put in the body of an internal email that has an attachment with personal info?",
     "internal-email", "not the intended recipient"),
    ("is there a guide to the tests sharing information has to meet?", "sharing-principles", "proportionate"),
    ("what happens to me if I lose personal information about a family?", "breach-consequences", "disciplinary"),
    ("how do I open an encrypted zip I've been sent by the school?", "receive-encrypted", "Extract here"),
    # Round 15 (general_batch19): a call before faxing is a step of the fax, not a route of its own
    ("do I have to give them a ring first before I fax it?", "fax-steps", "Ring"),
    ("I haven't got 7zip on this laptop, what now?", "no-7zip", "226000"),
])
def test_the_protocols_front_matter_and_supporting_documents_are_answered(assistant, question, faq, must):
    reply, text = ask(assistant, question)
    assert reply.faq_id == faq and not reply.asks and must in text


def test_another_paraphrase_of_the_best_faq_may_cover_the_question(assistant):
    """The closest paraphrase shares too few telling words ("guidance" is not "stuff"), another of the same
    FAQ's covers the question: that FAQ answers, rather than a question about the channel."""
    reply, text = ask(assistant, "where is the information security stuff kept on the intranet")
    assert reply.faq_id == "more-guidance" and "Intouch" in text


@pytest.mark.parametrize("question", [
    "the provider's IT say AES-128 is plenty, can I zip it with that and email it over?",
    "7-Zip is offering me 128 bit, is that ok for a report going to the IFA?",
])
def test_fewer_bits_than_aes_256_is_not_the_protocols_encryption(assistant, question):
    reply, text = ask(assistant, question)
    assert reply.verdict is NOT and "AES-256" in text


def test_a_paraphrase_about_another_way_of_sending_does_not_answer(assistant):
    """'what records do i keep of faxes' shares 'records' and 'keep' with an email question: not its FAQ."""
    reply, _ = ask(assistant, "what record do I keep of emails I send?")
    assert reply.faq_id != "fax-steps"


def test_a_paraphrase_about_email_recipients_does_not_answer_a_fax_question(assistant):
    reply, _ = ask(assistant, "how do I check the fax got to the right person after I've sent it?")
    assert reply.faq_id != "check-recipients"


@pytest.mark.parametrize("question", [
    "the IFA can't open 7-Zip on their system, can I just send the review unencrypted this time?",
    "can I resend the assessment unzipped to the GP practice? they couldn't open it",
])
def test_sending_something_unencrypted_is_an_email_attachment_without_its_encryption(assistant, question):
    reply, text = ask(assistant, question)
    assert reply.verdict is NOT and reply.facts.get("channel") == "email" and "AES-256" in text


def test_a_zip_received_without_its_password_is_not_an_unencrypted_email(assistant):
    reply, _ = ask(assistant, "the school sent me a zip but no password came with it, what do I do?")
    assert reply.rule_id != "email-unencrypted"


def test_opening_a_zip_you_were_sent_is_not_how_to_send_the_password(assistant):
    """'how should the password be sent' was two words once prepared: every question holding 'password' and 'sent'
    scored 100 against it. Asked in nine rounds of held-out questions, opening a zip is receiving."""
    reply, text = ask(assistant, "how can I open a password-protected zip a colleague sent me?")
    assert reply.faq_id == "receive-encrypted" and "Extract here" in text




def test_info_is_information(assistant):
    reply, text = ask(assistant, "where would I find the info security pages on the intranet?")
    assert reply.faq_id == "more-guidance" and "Intouch" in text


@pytest.mark.parametrize("question, rule", [
    # a step the protocol forbids, asked to be agreed
    ("I put the password in the same email so they have everything together, that's fine isn't it?",
     "password-emailed-by-me"),
    ("is it ok to put the child's surname in the subject line as long as I put CONFIDENTIAL too?", None),
    # a name proposed after "what should I call the zip?" is the question asked, yes or no
    ("what do I call the zip file? can I name it kbrown_pep.zip", "identifying-file-name"),
    ("what do I call the zip? 'Tyler Brooks CIN plan.zip'?", "identifying-file-name"),
    # spaces split 'Leah Ward review.docx' into words; in quotes it is one file name, and it names her
    ("the doc is called 'Leah Ward review.docx' but the zip is 20250101.zip, that's ok since the zip name is "
     "generic?", "identifying-file-name"),
    # the password on the same email chain is the password by email
    ("can the provider just reply with the password on the same email chain?", None),
    # a webmail account on the user's own phone is the user's own commercial account
    ("hotmail on my phone is easier for sending carers the rota, fine if there are no names?", "webmail-account"),
    # details typed into the message are in the body of the email
    ("email to my TM with the child's diagnosis typed straight into the message, ok?", None),
])
def test_what_the_protocol_rules_out_said_another_way_is_no(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert reply.verdict is NOT and (rule is None or reply.rule_id == rule)


def test_a_wh_question_after_a_dash_decides_the_form(assistant):
    """"... smudged - what is it?": the question is what, not the "is it?" inside it."""
    reply, text = ask(assistant, "The Hub number on our leaflet has worn off - what is it?")
    assert reply.verdict is not Verdict.ESCALATE and "0333 240 1727" in text


@pytest.mark.parametrize("question", [
    "the school sent me a zip but no password came with it, what do I do?",
    "a provider emailed me an encrypted report and nobody's given me the password",
    "I got a protected file from the YOT this morning, still waiting for the password",
])
def test_a_file_received_without_its_password_waits_for_the_senders_call(assistant, question):
    """Appendix A, receiving 4: the sender rings with the password; never asked for by email (External Mail 1)."""
    reply, text = ask(assistant, question)
    assert reply.rule_id == "password-not-received" and "ring you with the password" in text


def test_no_password_in_a_question_about_sending_is_still_unencrypted(assistant):
    reply, _ = ask(assistant, "can I email the plan to the GP with no password on it?")
    assert reply.rule_id != "password-not-received" and reply.verdict is NOT


@pytest.mark.parametrize("question, recipient", [
    # who sent it to the user is not who it goes to
    ("the password for the zip the school sent me was in the same email", None),
    ("got a report from another council with the child's address in the body, what now?", None),
    # a document's origin, still going somewhere
    ("can I email the report from the school to the GP?", "external_org"),
])
def test_who_sent_it_to_the_user_is_not_the_recipient(assistant, question, recipient):
    assert assistant.reader.read(question).facts.recipient == recipient


@pytest.mark.parametrize("question, rule", [
    ("I received an internal email about a child I don't know - I think it was meant for a different Dave. Can I "
     "open it to check who it's for?", "not-intended-open"),
    # opened already: what to do now
    ("an email meant for another team came to me and I opened the attachment before I realised", "not-intended-recipient"),
])
def test_an_email_meant_for_someone_else(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert reply.rule_id == rule


@pytest.mark.parametrize("question, rule, verdict", [
    # when and where, nothing about the child: logistics
    ("youth worker - can i text the lads on the trip that the minibus leaves at 8", "text-logistics", None),
    ("can I text mum to say the meeting is at 2 on Thursday?", "text-logistics", None),
    # "a copy of the whole plan" is one copy, not copying everyone in
    ("Housing asked for a copy of the whole CIN plan for a rehousing bid. Can I email it?", None, None),
    # "plain email": nothing added to protect it
    ("external counsellor wants the referral form - name, DOB and reason. Plain email ok?", None, NOT),
    # received unencrypted: not the user's sending; what to do now the protocol does not say (by analogy only)
    ("A SW has just emailed me a child's CP plan unencrypted. Do I need to do anything?", "received-unencrypted",
     Verdict.NEED_MORE_INFO),
])
def test_logistics_copies_plain_email_and_what_came_in(assistant, question, rule, verdict):
    reply, _ = ask(assistant, question)
    assert rule is None or reply.rule_id == rule
    assert reply.rule_id != "cc-too-many"
    assert verdict is None or reply.verdict is verdict


def test_a_college_is_outside_the_council(assistant):
    assert assistant.reader.read("can I email the care leavers' list to the college?").facts.recipient == "external_org"


@pytest.mark.parametrize("question, password", [
    # a password asked of a zip without the word "password"
    ("Is 'Summer2015' strong enough for the 7zip file?", "guessable"),
    # described, not given: numbers only or letters only, and known to anyone who knows the child
    ("If the password is agreed in advance, can it be something like the child's date of birth?", "no_mix"),
    # (her surname as the password: made from the child's details, which anyone who knows her could guess)
    ("can I use her surname as the password?", "about_child"),
    # not a password
    ("is JSmith_PEP.zip alright for the zip file name?", None),
    ("the password must not be in the same email as the child's name, right?", None),
])
def test_a_password_put_forward_without_its_word_or_described(assistant, question, password):
    assert assistant.reader.read(question).facts.password == password


@pytest.mark.parametrize("question, rule", [
    ("An internal email has landed with me about a family I don't work with. Should I open it to see who it's for?",
     "not-intended-open"),
    ("can i text a young person just to ask them to ring me back", "text-logistics"),
    ("Can a password be six characters if it's got loads of symbols in it?", "password-too-short"),
])
def test_round_33_rules(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert reply.rule_id == rule


def test_information_security_is_a_subject_not_everything_held(assistant):
    reply, _ = ask(assistant, "Is there a page on Intouch with all the information security stuff?")
    assert reply.rule_id != "send-everything" and reply.verdict is not NOT


@pytest.mark.parametrize("question, rule, verdict", [
    # Internal Mail 1: not in the body; initials or a commonly understood identifier instead of names
    ("Can I type the child's full name and address in the email to my team manager since it's internal?",
     "email-pid-in-body", "not_allowed"),
    ("internal email about a YP to my manager - can i just use initials in the body?", "email-initials-in-body",
     "allowed_with_conditions"),
    ("do we put the details in the email or attach them, emailing the panel admin internally", None, None),
    # Secure Mail 1: an account is its holder's
    ("I don't have a gsx account, can I just log in on my colleague's to send the court bundle to the police?",
     "borrowed-account", "not_allowed"),
    # a step left out, in other words
    ("Can I fax a placement request to a number the caller gave me without phoning ahead?", None, "not_allowed"),
    ("Is zipping with AES really needed for external PID?", None, "not_allowed"),
    # everything beside the file: send only what is needed
    ("A solicitor has asked me to fax over everything on a child's file. Is that OK?", "send-everything",
     "not_allowed"),
    # a gmail address is where it goes, not someone's address; with nothing personal in it, kept that way
    ("Can I email a gmail address about a room booking, nothing personal in it?", "email-no-personal-private",
     "allowed_with_conditions"),
    # an encrypted attachment to a contact group: each address entered individually (Appendix A)
    ("Sending the zipped file to 3 people - can I use the contacts group I made?", "encrypted-to-list", "not_allowed"),
    ("Can I zip up my case recordings and email them to my home address?", "email-to-personal-account",
     "not_allowed"),
    ("Does the protocol say anything about sharing stuff in Teams chats?", "channel-not-covered", "need_more_info"),
    # when to destroy anything: the protocol sets no period ("shred" is not corrected to "shared")
    ("When can I shred my handwritten notes from visits once they're typed up?", "faq:keeping-period", "need_more_info"),
    # the time and place of a review is logistics
    ("Can I text a young person the time and place of their LAC review?", "text-logistics",
     "allowed_with_conditions"),
    # a report about abuse is safeguarding information, however long ago (Faxes 4: never faxed)
    ("can I fax the report about the domestic abuse in 2019 to the court?", "fax-highly-sensitive", "not_allowed"),
    ("If I put the IAS number on the cover sheet instead of names, can I fax the forced marriage protection order "
     "paperwork to the court?", "fax-highly-sensitive", "not_allowed"),
    # the copies once an encrypted file has gone: the unencrypted kept, the protected deleted (External Mail 1)
    ("Once the zip's sent can I delete the unencrypted original from the shared drive too?", "keep-unencrypted-copy",
     "not_allowed"),
    ("Can I keep the zipped, password protected version in My Documents in case I need to resend it?",
     "keep-unencrypted-copy", "not_allowed"),
    ("After I've emailed the encrypted zip, do I keep the zipped copy or the original?", "keep-unencrypted-copy",
     "allowed_with_conditions"),
    # a password from the child's details can be guessed by anyone who knows the child
    ("Can I send an encrypted zip to the solicitor with a password made of the child's initials and DOB?",
     "password-about-child", "not_allowed"),
    # a secure account needs a senior manager's say, whoever sets it up
    ("I'll just ask ICT to give me a gsx account, I don't need anyone else to OK it do I?",
     "self-made-secure-account", "not_allowed"),
    ("i'll just fax it to the number on their website, dont need to ring them first do i", None, "not_allowed"),
    # a password named with what it protects ("my zip password"), or offered "like" one
    ("can I use Fostering123 as my zip password", "password-guessable", "allowed_with_conditions"),
    ("I've set the zip password to Ab12 - short and easy for the GP to type. OK?", "password-too-short",
     "not_allowed"),
    # when a review is: logistics
    ("Can I text mum to remind her the review meeting is at 10 tomorrow?", "text-logistics",
     "allowed_with_conditions"),
    # "mum missed the conference": no one went missing
    ("mum missed the child protection conference, can i just text her the outcome and the plan", "text-personal",
     "not_allowed"),
    # a referral going to CAMHS is mental health information (Faxes 4: never faxed)
    ("can i snd the refferal to camhs by fax its urgnt", "fax-highly-sensitive", "not_allowed"),
    # sent unencrypted by mistake: a breach, for the manager
    ("Sent an unencrypted attachment to an external agency by mistake. Whats the process?", "misdirected",
     "need_more_info"),
])
def test_round_39_readings(assistant, question, rule, verdict):
    reply = assistant.answer(question).to_json()
    if rule is not None:
        assert reply["rule"] == rule
    if verdict is not None:
        assert reply["verdict"] == verdict
    if rule is None and verdict is None:
        assert reply["rule"] != "email-pid-in-body"  # a choice asked about, not details typed in


@pytest.mark.parametrize("question, rule, verdict", [
    # names written into emails, the emails plural; the rule only told ("don't put PID in emails") is no act
    ("my SWs write full names in internal emails all the time because it's internal. Is that actually ok?",
     "email-pid-in-body", "not_allowed"),
    ("whats PID? my manager keeps saying dont put PID in emails but nobody has told me what counts", None,
     "allowed_with_conditions"),
    # a password named as the one kept for many
    ("I've set up one standard password for all the encrypted files our team sends. Good idea?", "password-reused",
     "not_allowed"),
    # an attachment names what came by email; the stick is where it goes
    ("Can I save an encrypted attachment from a partner agency straight onto a USB to take to a meeting?",
     "removable-media", "not_allowed"),
    # details said not to be included, and what runs on from them; someone else's account written back to
    ("Can I reply to a parent who emailed me from their hotmail, as long as I don't include any details about "
     "the child?", "email-no-personal-private", "allowed_with_conditions"),
    # a working portal passed over because email is quicker; one the recipient is not on is no choice
    ("i'll just bung the core assessment in an outlook email to the head, way quicker than the portal",
     "email-secure-route-passed-over", "not_allowed"),
    ("need the minutes with the DC today and she's not on cjsm. Can I just send them from Outlook?", None,
     "allowed_with_conditions"),
    # invented for training: identifies no one
    ("The training examples are all made up. Can I email the slides to the nursery's info@ address?",
     "email-no-personal", "allowed"),
    # a generic inbox takes nothing personal, encrypted or not
    ("The provider says send it to their team inbox, referrals@theirprovider.co.uk. If it's encrypted that's ok, "
     "isn't it?", "email-to-generic-address", "not_allowed"),
    ("Can I use the same 7zip password I used last month for the new reports to the GP surgery?",
     "password-reused", "not_allowed"),
    # several documents zipped together with one password: one transmission; an email said not to mention the child
    ("How do I zip several documents together with one password?", None, "allowed_with_conditions"),
    ("Can I send a thank-you email to a foster carer's gmail address? It doesn't mention the child at all.",
     "email-no-personal-private", "allowed_with_conditions"),
    # everyone's address where all can see it: BCC (All Email 3)
    ("Is it OK to put all the parents' email addresses in the To box for the parenting group reminder?",
     "addresses-shown", "not_allowed"),
    ("I'm sending the minutes to nine people from different agencies. Do I put them all in BCC?", None, None),
    # a password as the child's date of birth; the child's surname as the zip's name
    ("Can I just put the password as the child's date of birth so the school will remember it?",
     "password-about-child", "not_allowed"),
    ("Sending a zip to a school - I put the child's surname as the zip name so they don't lose it. ok?",
     "identifying-file-name", "not_allowed"),
    # someone absent from a meeting is no child missing; "the LA's evidence" is a document; a reminder of a meeting
    ("Can I text dad the outcome of the child protection conference because he didn't turn up?", "text-personal",
     "not_allowed"),
    ("Can I email the children's guardian (Cafcass) the LA's evidence without encrypting because it's going to "
     "court anyway?", "email-unencrypted", "not_allowed"),
    ("PA for a care leaver - can I text him a reminder about his pathway plan meeting?", "text-logistics",
     "allowed_with_conditions"),
    # what goes in the body, asked, gets the steps; the details put there, proposed or told, a No
    ("I'm sending a zipped file to an external partner, what goes in the email itself?", "email-pid-in-body",
     "allowed_with_conditions"),
    ("Internal email is secure, so I'll paste the whole assessment into the body instead of attaching it.",
     "email-pid-in-body", "not_allowed"),
    ("tbh is PID in the body of an internal email actually a problem? everyone in our team does it",
     "email-pid-in-body", "not_allowed"),
    ("Internal emails are secure so surely I can put the mum's diagnosis and address in the email text?",
     "email-pid-in-body", "not_allowed"),
    # "does it matter which one?" asks whether a step matters: the steps, not a No that reads as "it doesn't"
    ("Outlook autofilled 'Dave' and there are three Daves in the address book. Does it matter which one?",
     "choose-recipient", "allowed_with_conditions"),
    ("I've emptied sent items but the emails are still in deleted items - does that matter?", "mailbox-copies",
     "allowed_with_conditions"),
    # a duty asked about gets an FAQ's steps, never its "No"
    ("Do I need to mark emails CONFIDENTIAL if they only have the kid's initials?", "faq:subject-line",
     "allowed_with_conditions"),
    # a choice of two ways with nothing said of what goes: the rules' question, not the nearest sentence
    ("can I email the file or put it on a usb?", "ask-kind", "need_more_info"),
])
def test_round_41_readings(assistant, question, rule, verdict):
    reply = assistant.answer(question).to_json()
    if rule is not None:
        assert reply["rule"] == rule
    if verdict is not None:
        assert reply["verdict"] == verdict
    else:  # "all in BCC": the addresses are not shown
        assert reply["rule"] != "addresses-shown"


def test_a_route_named_as_when_is_not_passed_over(assistant):
    """ "the IAS number instead of the child's name when faxing": what is passed over is the name, not the fax."""
    assert assistant.reader.read("Can I use the IAS number instead of the child's name when faxing?").facts.get(
        "channel") == "fax"
    assert assistant.reader.read("instead of by fax, can I use a courier?").facts.get("channel") != "fax"


@pytest.mark.parametrize("question, rule, verdict", [
    # one sort of character is no mix of numbers and letters; "reuse it" is a password for many transmissions
    ("can the password just be letters, like a word?", "password-no-mix", "not_allowed"),
    ("is a numbers-only password ok for the zip?", "password-no-mix", "not_allowed"),
    ("Is a password like Password2024 ok and can I reuse it next month?", "password-reused", "not_allowed"),
    # "in the message" of an email is its body (Internal Mail 1)
    ("Internal email to finance about a foster carer payment - can I put the carer's name and bank details in the "
     "message?", "email-pid-in-body", "not_allowed"),
    # working offline is the user's circumstance, not the drive out of action
    ("can I download an encrypted attachment to my laptop's hard drive when working offline?", "removable-media",
     "not_allowed"),
    # breaches asked about, none told: what happens, not what to do now
    ("can the council actually be fined for a data breach?", "faq:breach-consequences", "allowed"),
    ("I've just emailed a child's PEP to the wrong school, what do I do?", "misdirected", "need_more_info"),
    # a choice offered after a dash is answered with the steps, not a No
    ("Sending a list of CP cases to the QA team internally - in the body of the email or as an attachment?",
     "email-pid-in-body", "allowed_with_conditions"),
    # every address shown to all; a copy left in the mailbox; one password for all of them
    ("Can I cc all adopters on the support group invite? it's just a date and venue", "addresses-shown",
     "not_allowed"),
    ("I need to keep a copy of the report I sent CAMHS. can I just leave it in my outlook?", "mailbox-copies",
     "not_allowed"),
    ("We've been using Summer2023 as the password for all our encrypted files this year. That's fine isn't it?",
     "password-reused", "not_allowed"),
    # a Hub call is the Hub; two people of one name in the address book is the auto-complete point; a how-question
    # after a comma is what is asked
    ("how long have I got to follow up a hub call in writing?", "hub-call", "allowed_with_conditions"),
    ("there are 2 Dave Smiths in the address book, what should I do before sending?", "choose-recipient",
     "allowed_with_conditions"),
    # that contact is cancelled is logistics (Texts 1); a worker's work number is no one's personal information
    ("ok to text a mum that contact tomorrow is cancelled?", "text-logistics", "allowed_with_conditions"),
    ("can I text the young person their new worker's work number?", "service-contact", "allowed_with_conditions"),
    # an initial's full stop ends no sentence: the subject line proposed is what is asked
    ("Is 'CONFIDENTIAL - J.S. dob 03/04/12' ok as a subject line?", "email-pid-in-subject", "not_allowed"),
    # an Outlook archive (a PST file) is the mailbox kept on (All Email 6)
    ("is it OK to keep an archive of my sent emails about families in an outlook PST file?", "mailbox-copies",
     "not_allowed"),
])
def test_round_42_readings(assistant, question, rule, verdict):
    reply = assistant.answer(question).to_json()
    assert (reply["rule"], reply["verdict"]) == (rule, verdict)


def test_the_full_answer_quotes_the_cited_items_nearest_the_question(assistant):
    """The protocol's own words behind the answer, the item nearest what was asked first; the first message
    stays short."""
    reply = assistant.answer("Do I need to log faxes?")
    full = reply.text()
    words = full.split("The protocol's words:\n", 1)[1].splitlines()
    assert words[0].startswith("- Faxes, 10: \u201cLog all confidential faxes")
    assert len([w for w in words if w.startswith("- ")]) <= 3
    assert "The protocol's words" not in reply.to_json()["short"]


def test_a_quoted_message_is_never_cut_in_the_middle(assistant):
    """The cover sheet's message is one sentence to the first message and to the protocol's words: never cut after
    its first sentence with the quotation left open, nor quoted where the steps already give it."""
    reply = assistant.answer("what goes on a fax cover sheet?")
    for text in (reply.to_json()["short"], reply.text()):
        for line in text.splitlines():
            assert line.count('"') % 2 == 0, line
    assert "Faxes, 7, cover sheet: message:" not in reply.text().split("The protocol's words:")[-1]


# Round 47 (session 18): Faxes 2 asked about; questions of fact, which send nothing ------------------

@pytest.mark.parametrize("question, rule, verdict", [
    # the identifier asked about, urgency unsaid: the protocol's own condition, urgency first among its steps
    ("Can I put the child's IAS number on a fax instead of their name?", "fax-other-identifier", AWC),
    # a name to go although an identifier would do (Faxes 2), whatever the urgency
    ("Can I fax a child's name and DOB to the benefits office when there's an IAS number I could use?",
     "fax-name-over-identifier", NOT),
    ("I'm faxing the GP the child's name and DOB, although we could use the IAS number. Any issue?",
     "fax-name-over-identifier", NOT),
    # the user's own word that it can wait
    ("Can I fax a copy of a child's birth certificate to the passport office? There's no rush.", "fax-not-urgent", NOT),
])
def test_round_47_fax_readings(assistant, question, rule, verdict):
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, verdict)
    assert "fax.2" in cited(reply) or rule == "fax-not-urgent"
    if verdict is AWC:
        assert "urgent and absolutely necessary" in text and reply.asks == "urgent"


@pytest.mark.parametrize("question, said", [
    ("is cjsm the same as gsx", "such as cjsm or gsx"),
    ("do many people in childrens services have cjsm?", "Few people in children's services have access"),
])
def test_a_question_of_fact_gets_the_protocols_words_not_the_channel_question(assistant, question, said):
    reply, text = ask(assistant, question)
    assert reply.verdict is ALLOWED and reply.rule_id == "protocol-words" and said in text


@pytest.mark.parametrize("question", [
    "What does the protocol mean by confidential data?",
    "What does 'confidential data' actually mean in our protocol? Everything feels confidential",
    "Is a parent's mental health history 'sensitive' or just 'confidential'?",
])
def test_what_a_kind_means_gets_the_definitions(assistant, question):
    reply, _ = ask(assistant, question)
    assert reply.verdict is ALLOWED and reply.faq_id == "what-is-pid"


@pytest.mark.parametrize("question, rule, verdict", [
    # Secure Mail 1: secure from one secure account to another; the sender's ordinary Outlook is external email
    ("Police want the strategy notes sent to their secure address but I don't have cjsm. Can I send from normal "
     "Outlook?", "secure-address-no-account", AWC),
    ("The guardian's solicitor has cjsm. Can I email the care plan from my ordinary Outlook without encrypting "
     "because their end is secure?", "secure-address-no-account-unencrypted", NOT),
    # someone else's account, sent from
    ("I don't have cjsm but my colleague does. Can I just send the court bundle from her account?", "borrowed-account",
     NOT),
])
def test_a_secure_address_needs_a_secure_account_to_send_from(assistant, question, rule, verdict):
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, verdict) and "secure.1" in cited(reply)
    if rule.startswith("secure-address"):
        assert "256" in text


@pytest.mark.parametrize("question", [
    "Can I text a 16 yr old to remind her we're meeting at 3 at the library?",
    "Can I text the foster carer to say the SW visit has moved to Thursday?",
    "hv - ok to text mum 'see you Tues 10am' to confirm my visit?",
    # when and where named together, or a reminder of an appointment: nothing about the child
    "is it ok to text dad the date and time of the family group conference?",
    "Can I send a session reminder by text to the young people in my group?",
])
def test_a_text_that_arranges_when_and_where_is_logistics(assistant, question):
    """Texts 2 bars sensitive information; a meeting's time and place identifies no one (no kind word needed)."""
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("text-logistics", AWC)


def test_an_arrangement_with_a_childs_details_is_still_personal(assistant):
    reply, _ = ask(assistant, "can I text mum the child's new address and that contact is at 2pm tomorrow?")
    assert reply.verdict is NOT


@pytest.mark.parametrize("question, rule", [
    # something the user means to do, with no kind named: read as personal, as children's services work is
    ("do I need authorisation to email stuff externally if we already have an information sharing agreement with "
     "that provider?", "external-email"),
    ("Can I keep the unencrypted copy on my desktop so I can find it again?", "removable-media"),
    # an address written out is personal identifiable information, whatever words name it
    ("Can I email the foster carer 'Visit at 14 Elm Rd moved to 3pm'?", "email-to-individual"),
])
def test_what_the_user_means_to_do_is_read_as_personal(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert reply.rule_id == rule and reply.verdict is not ASK


def test_how_email_is_done_asked_of_no_one_gets_the_protocols_words(assistant):
    """'Who receives it?' helps no one asking where a sent email's copy goes: the nearest item answers, or the
    common question on clearing sent items, which says where the copy goes."""
    reply, text = ask(assistant, "If I save a copy of the sent PID email, where should it go?")
    assert reply.rule_id in ("protocol-words", "faq:delete-after-sending") and reply.verdict in (ALLOWED, AWC)
    assert "secure folder" in text


@pytest.mark.parametrize("question", [
    "Can parents get to see emails I've written about them?",
    "can the parents see my emails about them if they ask for them?",
])
def test_what_a_parent_may_see_is_not_a_sending(assistant, question):
    """Subject access and FOI, asked about: not 'do not email a parent', whatever way or person is named."""
    reply, _ = ask(assistant, question)
    assert reply.faq_id == "foi" and reply.verdict is ALLOWED


def test_the_protocols_name_for_itself_picks_no_item(assistant):
    """'the protocol' in a question means this one; only the LSCB item names a protocol, so the word once drew
    every 'is there X linked from the protocol?' there."""
    reply, text = ask(assistant, "is there ICO guidance linked from the protocol?")
    assert reply.rule_id == "protocol-words" and "ICO guidance" in text


@pytest.mark.parametrize("question, rule", [
    # a password the child's details go into, in any order of words
    ("Can I include the child's name in the password so the HV remembers it?", "password-about-child"),
    # one password agreed once for all that follows
    ("Can I agree a password with the probation officer once on the phone and then use it for all the reports?",
     "password-reused"),
])
def test_round_47_password_readings(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, NOT)


def test_a_distribution_list_kept_in_use_is_no_password_reused(assistant):
    reply, _ = ask(assistant, "our team has its own distribution list that's years old. can we keep using it?")
    assert reply.rule_id != "password-reused"


@pytest.mark.parametrize("question", [
    "Can I just use the example password from the appendix (!2012JSOct02) exactly as it is?",
    "is '!2012JSOct02' ok as the password?",
])
def test_the_protocols_example_password_is_not_used(assistant, question):
    """Appendix A's example shows a pattern; everyone who has read the protocol knows it (round 48)."""
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("password-example", NOT)
    assert "(the year, the sender's initials, and the month and day)" in reply.brief()  # not cut inside brackets


def test_asking_for_the_example_is_not_using_it(assistant):
    reply, _ = ask(assistant, "Is there an example of a good password in the guidance?")
    assert reply.rule_id != "password-example" and reply.verdict is not NOT


@pytest.mark.parametrize("question, verdicts", [
    # only the quoted words go: who the recipient is ("a teen on my caseload") is not sent
    ("Text a teen on my caseload 'running late, there in 10' - fine?", {AWC, ALLOWED}),
    ("text a carer 'please ring me re J when you get a sec' - ok?", {AWC, ALLOWED}),
    ("Can I reply to a parent's gmail with just 'thanks, received'?", {AWC, ALLOWED}),
    # a name, or what is told about a child, in the quoted words is still personal
    ("can I text the carer 'Jayden Smith has his dentist at 3'?", {NOT}),
    ("HV - can i text the SW 'seen baby, weight faltering, mum low in mood'?", {NOT}),
    # a name that begins like a day or a month is still a name; a day or a month is none
    ("can I text the carer 'dentist for Jane at 3'?", {NOT}),
    ("can I text the carer 'dentist for Sunita at 3'?", {NOT}),
    ("hv - ok to text mum 'see you Tues 10am' to confirm my visit?", {AWC, ALLOWED}),
])
def test_a_quoted_message_is_what_is_sent(assistant, question, verdicts):
    reply, _ = ask(assistant, question)
    assert reply.verdict in verdicts, (question, reply.verdict, reply.rule_id)


@pytest.mark.parametrize("question", [
    "Police liaison. Monthly MARAC figures - counts only, no names or addresses - can I email them to the LSCB business manager?",
    "Can I email the monthly child protection stats to the LSCB board? It's just numbers per locality, no names or anything identifying.",
])
def test_figures_about_a_kind_of_case_identify_no_one(assistant, question):
    """'MARAC figures', 'child protection stats': counts about cases, not a case's information (round 48)."""
    reply, _ = ask(assistant, question)
    assert reply.verdict in (ALLOWED, AWC) and reply.rule_id != "still-identifiable"


def test_a_domestic_abuse_referral_is_safeguarding_information(assistant):
    """Faxes 4: a DA referral to the MARAC is safeguarding information, never faxed (round 48)."""
    reply, _ = ask(assistant, "Can I fax a DA referral to the MARAC coordinator?")
    assert reply.verdict is NOT and "fax.4" in cited(reply)


def test_a_computers_downloads_folder_is_its_local_drive(assistant):
    """Appendix A receiving 3; "for a day or two" is a rough time, not a choice between two ways (round 48)."""
    reply, _ = ask(assistant, "Is it alright for downloads to sit in my laptop's Downloads folder for a day or two?")
    assert reply.verdict is NOT


@pytest.mark.parametrize("question", [
    "sent an attachment to the right person at the trust but forgot to zip it first. do I need to do anything?",
    "Accidentally put parents in CC instead of BCC on a group email to nursery families. Is that an issue?",
])
def test_a_step_forgotten_after_sending_is_a_breach_to_tell(assistant, question):
    """'forgot to zip it' is not zipped; addresses shown by mistake, like an unencrypted attachment, is a breach
    or near miss to tell the manager about, not the steps for next time (round 48)."""
    reply, text = ask(assistant, question)
    assert reply.rule_id == "misdirected" and "manager" in text


@pytest.mark.parametrize("question, rule, verdict", [
    # Friday to Wednesday: later than 48 hours, and than two working days
    ("Called the hub at 4pm Friday re a sibling group. Can my written follow-up wait till Wednesday when I'm back in?",
     "hub-follow-up-late", NOT),
    ("follow up to a hub call, its the bank hol weekend so 72 hours ok?", "hub-follow-up-late", NOT),
    # Friday to Monday: later in hours, within two working days: the protocol does not say which it means
    ("I phoned the safeguarding hub on friday afternoon, is monday ok for the written follow up?",
     "hub-follow-up-weekend", AWC),
    # never is later still (round 49)
    ("So if the hub already took everything over the phone I can skip the written bit, right?",
     "hub-follow-up-late", NOT),
    # a time named in words, and the call itself counted as the writing (round 52)
    ("rang the hub on tuesday about a toddler, fine to write it up next week?", "hub-follow-up-late", NOT),
    ("would my phone call to the hub do as the written follow up?", "hub-follow-up-late", NOT),
])
def test_a_written_follow_up_later_than_48_hours(assistant, question, rule, verdict):
    """Information Sharing, written follow-up: within 48 hours of the call (checker round 15)."""
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, verdict) and "48 hours" in text


def test_whether_weekends_count_in_the_48_hours_is_left_to_the_manager(assistant):
    """The protocol says within 48 hours and nothing of working hours or weekends (round 52)."""
    reply, text = ask(assistant, "for the written follow up to the hub, do bank holidays count in the 48 hours?")
    assert (reply.rule_id, reply.verdict) == ("hub-follow-up-hours", Verdict.NEED_MORE_INFO) and "manager" in text


@pytest.mark.parametrize("question", ["rang the hub monday, is tuesday ok for the follow up in writing?",
                                      "do i have to follow up a hub call in writing or is the phone call enough"])
def test_a_follow_up_in_time_is_not_called_late(assistant, question):
    reply, _ = ask(assistant, question)
    assert reply.rule_id not in ("hub-follow-up-late", "hub-follow-up-weekend")


def test_a_follow_up_asking_the_way_is_not_shown_once_the_way_is_told(assistant):
    """'Tell SafeShare how you plan to send it' beneath an answer that has read 'email' (checker round 15)."""
    told, _ = ask(assistant, "I've taken the name off, so can I email the report to the provider as it is?")
    untold, _ = ask(assistant, "I've taken the name off the report, is it anonymous now?")
    assert told.rule_id == "still-identifiable" and not told.follow_up
    assert untold.rule_id == "still-identifiable" and untold.follow_up


@pytest.mark.parametrize("question, verdict", [
    # Faxes 7: contact details for the sender (or use letter headed paper); the cover sheet names a fax
    ("Can I use council headed paper instead of a separate cover sheet?", AWC),
    ("Can I use letter headed paper instead of putting my contact details on the cover sheet?", ALLOWED),
])
def test_the_cover_sheet_is_the_faxs(assistant, question, verdict):
    reply, text = ask(assistant, question)
    assert reply.verdict is verdict and "texting" not in text.lower()


def test_a_choice_asked_last_is_answered_with_the_steps(assistant):
    """'Can I send it by email? Body of the email or attachment?': the choice, not the first yes/no, decides."""
    reply, text = ask(assistant, "Fostering admin. I've got a list of 10 looked after children's names and DOBs for "
                                 "routine dental check-ups. Can I send it to the community dental service by email? "
                                 "Body of the email or attachment?")
    assert reply.verdict is AWC and "attachment" in text


@pytest.mark.parametrize("question", [
    "Can we use WhatsApp to arrange team meeting times? No client info at all.",
    "Emailing 5 foster carers about a training date, no child info. Is email ok?",
])
def test_no_child_information_said_identifies_no_one(assistant, question):
    reply, _ = ask(assistant, question)
    assert reply.verdict in (ALLOWED, AWC) and reply.facts.get("kind") == "anonymous"


def test_a_reply_all_that_reached_a_parent_is_a_breach_not_a_route(assistant):
    """Something sent unseen further down a thread, told after the event: tell the manager (round 33, kept)."""
    reply, text = ask(assistant, "Just realised I reply-all'd a thread that had a kid's full medical history further "
                                 "down, and it went to a parent. What now?")
    assert reply.rule_id == "misdirected" and "Objective Connect" not in reply.brief()


def test_a_gmail_address_after_at_is_where_it_goes(assistant):
    """'the mum's solicitor at a gmail address': the recipient's account, not the sender's (found by a new user)."""
    reply, _ = ask(assistant, "can I send the court report to the mum's solicitor at a gmail address?")
    assert reply.verdict is NOT and reply.facts.get("recipient") == "webmail_personal"


@pytest.mark.parametrize("question", ["is Summer2024 ok as the zip password?",
                                      "is 'abc12345' ok as a zip password?",
                                      # a name with a year, in the vocabulary or not (a new user, session 22)
                                      "is Thirlmere1998 ok as the zip password?"])
def test_a_password_that_meets_the_minimum_is_still_warned_against_if_guessable(assistant, question):
    """Appendix A asks for a strong password: the first message says a word with a number is easily guessed."""
    reply, _ = ask(assistant, question)
    assert reply.rule_id == "password-guessable" and "easily guessed" in reply.brief()


@pytest.mark.parametrize("question", ["is Hx7!qk29Lm ok as the zip password?", "is Sw2015ab strong enough as a zip password"])
def test_a_strong_password_is_not_warned_against(assistant, question):
    """A new user saw the 'easily guessed' warning beside a strong password: it belongs to guessable ones only."""
    reply, _ = ask(assistant, question)
    assert reply.rule_id == "password-meets-rules" and "easily guessed" not in reply.text()


@pytest.mark.parametrize("question, kind", [
    ("Can I fax a child's CAMHS discharge letter to the school?", "mental_health"),
    ("can I email the camhs and school reports to the IRO?", None),
])
def test_one_describing_word_inside_a_kind_of_document(assistant, question, kind):
    """'a CAMHS discharge letter' is a CAMHS letter (checker round 16); 'the CAMHS and school reports' is not read
    as one from the joining word."""
    facts = assistant.reader.read(question).facts
    assert facts.kind == kind or (kind is None and facts.kind != "mental_health")


@pytest.mark.parametrize("question, kind", [
    ("Can I fax a child's ICPC report to the hospital ward?", "safeguarding"),
    ("school wants me to fax over the RCPC minutes today. can i?", "safeguarding"),
])
def test_child_protection_conferences_as_practitioners_abbreviate_them(assistant, question, kind):
    """Faxes 4: never safeguarding information; an ICPC or RCPC is a child protection conference (round 49)."""
    reply, _ = ask(assistant, question)
    assert reply.facts.kind == kind and reply.verdict is NOT


@pytest.mark.parametrize("question", [
    "Stats request: number of section 47s that went to ICPC last quarter, no names. Can I email the table?",
    "police analyst wants number of CCE referrals per quarter, no names. fine on normal email?",
])
def test_a_count_of_cases_is_no_case(assistant, question):
    """'the number of ... referrals': counts about a kind of case identify no one (as 'MARAC figures' do)."""
    assert assistant.reader.read(question).facts.kind in (None, "anonymous", "anonymised")


def test_a_phone_number_is_no_count(assistant):
    assert assistant.reader.read("can I text mum the phone number of the ICPC chair?").facts.kind == "safeguarding"


def test_personal_details_in_the_body_are_answered_before_the_subject_line(assistant):
    """Round 16 (unsafe): a draft quoted with its subject, 'the body has the child's full details', 'good to send'
    is a proposal: No, for the body (Internal Mail 1, External Mail 1)."""
    reply, _ = ask(assistant, "Subject: 'Re: that family'. The body has the child's full details. Good to send to the "
                              "school?")
    assert (reply.rule_id, reply.verdict) == ("email-pid-in-body", NOT)


def test_a_name_in_the_email_subject_is_the_subject_line_not_the_body(assistant):
    reply, _ = ask(assistant, "can I put the young person's full name in the email subject line so panel members "
                              "can find it?")
    assert (reply.rule_id, reply.verdict) == ("email-pid-in-subject", NOT)


@pytest.mark.parametrize("question", [
    "I zipped the file but didn't set a password. It's compressed so that's secure, right?",
    "if I zip the file but don't set a password is that good enough?",
])
def test_a_zip_with_no_password_set_is_not_encrypted(assistant, question):
    """External Mail 1: at least 256-bit AES; a zip with no password is compressed, not encrypted (round 16)."""
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("weak-encryption", NOT) and "AES-256" in text


@pytest.mark.parametrize("question, rule, verdict", [
    ("I need to email an encrypted file to two people at the hospital trust. Can I put them both in the To line?",
     "addresses-shown-professionals", AWC),
    ("Can I put the SW and TM addresses in the To field together?", "addresses-shown-professionals", AWC),
    ("Sending an invite to 12 parents for a parenting group. Can I put them all in the To line?", "addresses-shown", NOT),
    ("sending a training invite to 15 foster carers. can I just put all their emails in the To box?", "addresses-shown",
     NOT),
])
def test_addresses_shown_to_colleagues_and_agencies_or_to_private_people(assistant, question, rule, verdict):
    """All Email 3: BCC where there is no permission to disclose addresses; colleagues and agencies working on a
    case may see each other's work addresses (rounds 16, 49), parents and carers are private people."""
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, verdict) and "BCC" in text


@pytest.mark.parametrize("question, verdict", [
    ("It's internal so none of the email rules apply, yeah?", NOT),
    ("I'm emailing the IFA a breakdown of one of our carers' fostering allowance payments. It's not about the child so "
     "the rules don't apply right?", NOT),
])
def test_the_rules_said_not_to_apply_where_the_answer_has_conditions(assistant, question, verdict):
    """A claim that the rules do not apply, put for agreement, where the answer carries conditions: No (round 49)."""
    reply, text = ask(assistant, question)
    assert reply.verdict is verdict and "the protocol's rules still apply" in text.lower()


@pytest.mark.parametrize("question, rule, verdict", [
    ("Our team DL hasn't been updated since 2022 I think. ok to use it for a case summary?",
     "distribution-list-stale", NOT),
    ("A social worker left the council last month. Can I keep her on our team distribution list in case she needs "
     "updates?", "distribution-list-stale", NOT),
    ("our team DL still has people on it who left ages ago. whose job is it to update it?",
     "distribution-list-stale-who", ASK),
])
def test_a_distribution_list_not_kept_up_to_date(assistant, question, rule, verdict):
    """All Email, recipients: a list that is necessary must be carefully managed and checked regularly; the protocol
    does not say by whom (rounds 16, 49)."""
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, verdict) and "checked regularly" in text


@pytest.mark.parametrize("question", [
    "I cc'd dad by mistake on an email that had mum's new refuge address in it. It's a DV case. What now?",
    "Already sent: I cc'd the child's dad on an email to mum, and the thread further down had mum's new refuge "
    "address in it.",
])
def test_a_refuge_address_sent_to_the_wrong_person_rings_the_hub(assistant, question):
    """A cc told in the past, by mistake or with personal information further down the thread (rounds 16, 49): a
    breach for the manager. With a refuge's address in it gone to the dad, the place the family hides has reached
    the one they fled: since session 30 the Hub now (round 62's writers: only that will do), where round 56 asked
    first; the mistake is kept, and after a "No" it is still the breach answer."""
    reply, _ = ask(assistant, question)
    assert reply.verdict is Verdict.ESCALATE and reply.facts.get("misdirected"), reply.rule_id
    after = advise(assistant.policy, reply.facts.with_(harm=False))
    assert (after.rule_id, after.verdict) == ("misdirected", ASK)


@pytest.mark.parametrize("question, rule, verdict", [
    # a password put forward in quotes, with what it is made of said but no password word (round 52)
    ("is 'Kx7pQ2' alright? it has capitals and numbers", "password-too-short", NOT),
    # the same password for every transmission
    ("can the zip password be 'Fern2021' for each file I send the nursery?", "password-reused", NOT),
    # the appendix's example named, then chosen
    ("Appendix A's example is !2012JSOct02 - could I use that for tonight's zip?", "password-example", NOT),
    # a step let off: an agreement does not remove the encryption
    ("does an ISA mean we can skip password protection?", None, NOT),
    # a document's own words pasted into an email are in its body
    ("can I paste the core assessment into an email to my manager?", "email-pid-in-body", NOT),
    # a proposal asked as "good idea?"
    ("I'll name the zip 'Jayden_Price_CIN.zip' so the school knows whose it is. Good idea?", "identifying-file-name", NOT),
    # the same list by another name; recipients meant to see each other
    ("sending the encrypted zip to five people at the police, can I pick their address group?", "encrypted-to-list", NOT),
    ("I'll email the three sets of parents with everyone in CC so they can see who else got it, ok?",
     "addresses-shown", NOT),
    # someone else's secure account
    ("my colleague is on leave, can I borrow her cjsm login to send the court report?", "borrowed-account", NOT),
    # a list by the name the address book shows
    ("for the encrypted zip to the four health visitors, can I just choose the 'HV North' group?", "encrypted-to-list",
     NOT),
    # a way the rules refuse for anything personal: what it is decides, not a permissive common question
    ("can I open the encrypted zip on my own pc?", "ask-kind", ASK),
    # the user's own deleting is no harm; a fax after a three-letter slip is still a fax
    ("I'll text the carer the child's new address and then delete the text straight away, ok?", "text-personal", NOT),
    ("can i fxa the mental health assessment to the gp", "fax-highly-sensitive", NOT),
])
def test_round_52_finer_points(assistant, question, rule, verdict):
    reply, _ = ask(assistant, question)
    assert reply.verdict is verdict and (rule is None or reply.rule_id == rule), (reply.rule_id, reply.verdict)


@pytest.mark.parametrize("question, rule", [
    # what a rule refuses, told as done by the user, what now asked (rules.yaml `happened`, round 53)
    ("Yesterday I sent an assessment to an external charity without encrypting it. Do I need to do anything?",
     "email-unencrypted"),
    ("I put a child's full name in the subject line of an internal email yesterday. Is that a problem now?",
     "email-pid-in-subject"),
    ("Accidentally put the child's full name in the subject line and it's gone to the school. What now?",
     "email-pid-in-subject"),
    ("I reused last week's password on today's encrypted email to the same agency. Does that need sorting?",
     "password-reused"),
])
def test_a_refused_sending_told_as_done_gets_what_to_do_now(assistant, question, rule):
    """Not "No", which would answer "does it matter?" the wrong way round: tell the manager, then the rule's reasons."""
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, ASK), (reply.rule_id, reply.verdict)
    assert text.startswith("It has already happened") and "manager" in text and "0333 240 1727" in text


@pytest.mark.parametrize("question, rule", [
    # done, approval asked, not what now: the rule's No
    ("I put the child's name in the subject line of the email to the school, that's fine isn't it?",
     "email-pid-in-subject"),
    # planned, not done
    ("can I put the child's full name in the subject line of an internal email?",
     "email-pid-in-subject"),
])
def test_a_refused_sending_not_told_as_done_or_approval_asked_is_no(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, NOT), (reply.rule_id, reply.verdict)


def test_what_is_done_after_a_sending_that_went_as_it_should_keeps_its_steps(assistant):
    """rules.yaml `happened.not_for`: sent items after a send are a duty, not a mistake to report."""
    reply, text = ask(assistant, "I sent the parenting assessment yesterday. Do I need to do anything with my sent items?")
    assert (reply.rule_id, reply.verdict) == ("mailbox-copies", AWC) and "It has already happened" not in text


@pytest.mark.parametrize("question, rule", [
    ("Ab12 as a pasword - ok?", "password-too-short"),
    ("can I use my dog's name 'biscuit' as the zip pasword", "password-short-no-mix"),
    ("is 'Kx7mPq2w' a good enough passwrd?", "password-meets-rules"),
])
def test_a_password_put_forward_under_a_misspelt_password_word_is_judged(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert reply.rule_id == rule, reply.rule_id


@pytest.mark.parametrize("question, rule", [
    # a word saying which password, inside the words for emailing it (round 53)
    ("Can I email the zip password to the recipient's colleague instead, so it isn't going to the same person?",
     "password-by-email"),
    ("Can I put the zip password in the subject line so they don't miss it?", "password-by-email"),
])
def test_which_password_inside_the_words_for_emailing_it(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, NOT), (reply.rule_id, reply.verdict)


@pytest.mark.parametrize("question", ["email the zip", "put the", "email the encryption", "password zip"])
def test_a_question_ending_inside_a_phrase_is_read(assistant, question):
    assert assistant.answer(question).verdict is not None


def test_a_devices_own_folders_are_its_local_drive(assistant):
    """"my work laptop's documents folder" (round 53): Appendix A, never a removable or local drive."""
    reply, _ = ask(assistant, "Can I save the encrypted zip to my work laptop's documents folder temporarily?")
    assert (reply.rule_id, reply.verdict) == ("removable-media", NOT)


@pytest.mark.parametrize("question", [
    "Does the email to my manager still need CONFIDENTIAL in the subject line?",
    "do emails sent through cjsm need CONFIDENTIAL in the subject too?",
])
def test_whether_the_marking_is_needed_is_a_duty_asked_not_a_no(assistant, question):
    """"do internal emails still need CONFIDENTIAL in the subject?" read as proposing personal details in the
    subject and got "Not allowed" (round 54): a duty asked about gets the steps."""
    reply, _ = ask(assistant, question)
    assert reply.verdict is not NOT


@pytest.mark.parametrize("question, rule", [
    # shortenings too short for the speller, and a signal's phrase typed without its "the" (round 54)
    ("pswd in same email as the zip file, fine?", "password-by-email"),
    ("can i text the carer what meds he is on and his allergies", "text-personal"),
])
def test_short_forms_and_health_words_are_read(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert reply.verdict is NOT, (reply.rule_id, reply.verdict)


def test_details_typed_into_an_email_are_read_past_a_place_inside_them(assistant):
    """"type 'J (DOB ..., lives off Main St in Penrith)' in an internal email": the first "in" is the child's
    town, the second the email's; the details go in the body (round 54)."""
    reply, _ = ask(assistant, "can I write 'B, DOB 4/5/2016, moved to a flat on Mill Lane in Kendal last week' in "
                              "an email to my manager?")
    assert (reply.rule_id, reply.verdict) == ("email-pid-in-body", NOT)


@pytest.mark.parametrize("question", [
    "has GDPR changed what the protocol says?",
    "does the data protection act 2018 change anything in the ISP?",
])
def test_the_later_data_protection_law_is_not_settled_by_the_protocol(assistant, question):
    """The protocol names only the Data Protection Act 1998: a question about the UK GDPR or the 2018 Act is
    answered as not settled, with who to ask (round 54), not as "Allowed"."""
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("faq:current-law", ASK), reply.rule_id
    assert "Shaun Smith" in reply.text()


def test_a_name_faxed_when_an_identifier_is_already_to_hand_is_refused(assistant):
    """Faxes 2: "when we already have the IAS number" says another identifier would do, as "could use" does
    (round 54): the name and date of birth stay off the fax."""
    reply, _ = ask(assistant, "ok to fax her name and DOB to the clinic even though we've got the IAS number?")
    assert (reply.rule_id, reply.verdict) == ("fax-name-over-identifier", NOT), reply.rule_id


@pytest.mark.parametrize("question", [
    "is parental consent needed before I share information with the school nurse?",
    "do we need the family's consent to share?",
])
def test_consent_is_answered_as_not_settled_by_the_protocol(assistant, question):
    """The protocol never mentions consent (round 55): said so, with the manager to ask and the Hub where a
    child may be at risk, not the principles FAQ's "Allowed"."""
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("faq:consent", ASK), reply.rule_id
    assert "does not mention consent" in text and "0333 240 1727" in text


def test_a_consent_form_sent_is_the_rules_question_not_the_consent_faq(assistant):
    """faq.yaml `unless_sent`: "fax the signed consent form" names a way of sending; the rules answer it."""
    reply, _ = ask(assistant, "can I fax the signed consent form to the hospital?")
    assert reply.rule_id != "faq:consent" and not reply.rule_id.startswith("faq:consent")


@pytest.mark.parametrize("question", [
    "is zoom ok for a core group with the police?",
    "can I put the referral on sharepoint for the other team?",
    "can I use chatgpt to tidy up my assessment?",
])
def test_an_app_the_protocol_does_not_name_is_said_to_be_not_covered(assistant, question):
    """An app or service the protocol does not name (round 55): no rule of its own, the manager to ask; never
    the nearest FAQ's "Allowed"."""
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("channel-not-covered", ASK), reply.rule_id
    assert "manager" in text


def test_an_unnamed_app_beside_a_named_way_is_only_context(assistant):
    reply, _ = ask(assistant, "can I email the minutes of the zoom meeting to the school?")
    assert reply.facts.get("channel") == "email"


def test_deleting_what_a_subject_access_request_covers_is_never_allowed(assistant):
    """All Email 7 says only that emails are included: how a request is handled is not settled, and deleting what
    it covers is an offence in national law (sections.yaml, marked external), not the FOI FAQ's "Yes"."""
    reply, text = ask(assistant, "mum has made a subject access request - can I delete the email where I called "
                                 "her difficult before it goes out?")
    assert (reply.rule_id, reply.verdict) == ("faq:subject-access", ASK), reply.rule_id
    assert "Do not delete" in text and "national.disclosure_offence" in cited(reply)


@pytest.mark.parametrize("question, rule", [
    ("can i put the childs name n dob in body of internal email??", "email-pid-in-body"),  # the article dropped
    ("subj line 'CONFIDENTIAL - T Smith' ok?", "email-pid-in-subject"),  # "subj"
    # the identifier known first, the name all the same (Faxes 2)
    ("the clinic knows him by his IAS number but it's easier to fax his name and address, urgent so fine?",
     "fax-name-over-identifier"),
    # an act "counts as" the protocol's care: the act proposed, not a question of what information is
    ("I'll keep the encrypted zip in my sent items - that counts as keeping a secure copy, doesn't it?",
     "keep-unencrypted-copy"),
    # "needn't": a step left out (Faxes 9, the log)
    ("my manager says we needn't log faxes if we keep the printouts, is that ok?", "faq:fax-steps"),
])
def test_finer_points_in_shorter_or_turned_round_words(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, NOT), reply.rule_id


def test_a_conclusion_after_so_is_asked_to_be_agreed(assistant):
    """"..., so I'm compliant?" proposes what it concludes: the rule's No, not its conditions."""
    reply, _ = ask(assistant, "My subject line says 'CONFIDENTIAL - A Jones CIN review', so I'm compliant?")
    assert reply.verdict is NOT


def test_faxing_is_allowed_only_when_urgent_and_absolutely_necessary(assistant):
    """Faxes 1: "urgent" alone is not all the protocol asks; the answer says both."""
    reply, _ = ask(assistant, "it's urgent, can I fax the referral to the GP?")
    assert reply.verdict is AWC and "urgent and absolutely necessary" in reply.summary


@pytest.mark.parametrize("question", [
    "Do I need a DPIA before we start a new tracking spreadsheet?",
    "can I print the assessment on my printer at home?",
])
def test_asked_how_it_will_be_sent_the_answer_says_what_the_protocol_covers(assistant, question):
    """Asked before any way of sending is known, the question may not be about sending at all (round 55):
    the answer says the protocol covers sending and receiving, and to ask the manager about anything else."""
    reply, text = ask(assistant, question)
    assert reply.verdict is ASK and "it does not cover anything else, so ask your manager" in text


@pytest.mark.parametrize("question, rule, verdict", [
    ("wat do i put in the subject line?", "faq:subject-line", AWC),  # "wat": a how question, the steps
    ("can i re-use the same pw wiv the school?", "password-reused", NOT),  # "pw", "wiv"
    ("Can I use 'Re: Kai T, DOB 01/02/20, core group' as my subject?", "email-pid-in-subject", NOT),
])
def test_text_speak_and_a_subject_proposed(assistant, question, rule, verdict):
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, verdict), reply.rule_id


def test_a_person_asking_for_everything_held_about_them_is_a_subject_access_request(assistant):
    """Not "send only what is needed": the person the records are about is asking for them (round 55)."""
    reply, text = ask(assistant, "mum wants a copy of all the records we hold about her, what do I do?")
    assert (reply.rule_id, reply.verdict) == ("faq:subject-access", ASK), reply.rule_id
    assert "manager" in text


@pytest.mark.parametrize("question, verdict", [
    ("can I put 'dad is useless and lazy' in my email to the team manager?", NOT),
    ("ok to write 'she is a liar' in an email to my colleague? it's internal", NOT),
])
def test_scorn_quoted_for_an_email_is_refused(assistant, question, verdict):
    """All Email 7: all emails are included in FOI and subject access requests; write as if the person discussed
    may read it. Scornful words quoted as what an email is to say propose writing off the record."""
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("off-the-record", verdict), reply.rule_id


def test_a_childs_own_words_quoted_are_not_scorn(assistant):
    reply, _ = ask(assistant, "can I email school the note saying 'the child has nightmares'?")
    assert reply.rule_id != "off-the-record"


@pytest.mark.parametrize("question, rule", [
    ("rang hub this morning, do i have to write it up?", "hub-call"),  # the article dropped
    ("can i fwd the whole thread to the yot? it has old msgs in it", "faq:forward-thread"),  # fwd, msgs
])
def test_phone_shortenings_reach_the_rule(assistant, question, rule):
    reply, text = ask(assistant, question)
    assert reply.rule_id == rule, reply.rule_id


@pytest.mark.parametrize("question, rule, verdict", [
    ("r team emails ok 2 put the kid's name and address in the body", "email-pid-in-body", NOT),  # "r": are
    ("cn i fax the strat mtg notes to the GP", "fax-highly-sensitive", NOT),  # "cn", "strat mtg"
])
def test_a_question_typed_in_short_forms_is_read_as_asked(assistant, question, rule, verdict):
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (rule, verdict), reply.rule_id


def test_the_48_hours_named_are_the_hub_calls_follow_up(assistant):
    """Information Sharing: the protocol's only 48 hours are for the written follow-up of a Hub call; whether a
    weekend counts it does not say (round 56)."""
    reply, text = ask(assistant, "do bank holidays count in the 48 hrs for the written follow up?")
    assert (reply.rule_id, reply.verdict) == ("hub-follow-up-hours", ASK), reply.rule_id
    assert "manager" in text


def test_everything_held_on_them_asked_for_is_a_subject_access_request(assistant):
    reply, _ = ask(assistant, "A former foster child has requested all the records on him. How do I handle it?")
    assert (reply.rule_id, reply.verdict) == ("faq:subject-access", ASK), reply.rule_id


def test_the_law_replaced_is_the_current_law_question(assistant):
    reply, _ = ask(assistant, "The protocol quotes the 1998 Act - hasn't it been replaced?")
    assert (reply.rule_id, reply.verdict) == ("faq:current-law", ASK), reply.rule_id


def test_a_council_service_number_is_not_personal_information(assistant):
    reply, _ = ask(assistant, "can I text a parent the safeguarding hub number?")
    assert reply.verdict is not NOT, reply.rule_id


@pytest.mark.parametrize("question", [
    "ok to send the CIN review notes to the whole locality list so no one misses out?",
    "Can I reply all to the core group with the child's school so everyone is up to date?",
])
def test_everyone_reached_on_purpose_is_beyond_need_to_know(assistant, question):
    """All Email 1: disclosure is on a need to know basis, to the minimum number of people; "so nobody misses out"
    is the opposite of choosing each recipient (round 56)."""
    reply, _ = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == ("cc-too-many", NOT), reply.rule_id


@pytest.mark.parametrize("question", [
    # a document sent, half like "I am concerned about a child's safety": asked about, not the worried FAQ's Hub
    # ("plan to the GP" is where it goes, not "plans to" do something)
    "can I fax the self-harm plan to the GP?",
])
def test_a_document_about_self_harm_sent_is_asked_about(assistant, question):
    reply, _ = ask(assistant, question)
    assert reply.asks == "harm" and reply.rule_id != "faq:worried-about-child", reply.rule_id


def test_a_safety_plan_for_self_harm_is_the_harm_managed_and_never_faxed(assistant):
    """A safety plan is the harm kept off by an agreed plan (session 47): the rules answer, by analogy with mental
    health, never the worried FAQ's Hub."""
    reply, _ = ask(assistant, "The fax goes to the ward office, so can I fax CAMHS the child's self-harm safety plan?")
    assert reply.verdict is NOT and reply.rule_id.startswith("fax-highly-sensitive"), reply.rule_id


@pytest.mark.parametrize("question, faq", [
    ("Our IRO wants the care plan sent to the child's aunt, who lives abroad. What do I need to do?",
     "overseas"),
    ("Mum's solicitor wants the contact notes: what do I need to redact first?", "redaction"),
    # the later law named, whatever FAQ the rest of the words resemble (`unsettled: [gdpr]`)
    ("Under UK GDPR, what's our legal basis for sharing an EHCP with the CAMHS team?", "current-law"),
])
def test_what_the_protocol_leaves_unsettled_is_said_first(assistant, question, faq):
    """faq.yaml `unsettled`: the protocol says nothing of sending abroad or of redaction; said so before the rules'
    route, with the manager to ask (round 56)."""
    reply, text = ask(assistant, question)
    assert (reply.rule_id, reply.verdict) == (f"faq:{faq}", ASK), reply.rule_id
    assert "Not settled by the protocol" in text and "manager" in text


def test_an_unsettled_faq_named_by_its_common_words_only_answers_where_it_matches(assistant):
    """`unsettled: [gdpr]`: current-law's other needs ("changed", "2018") are everyday words; a question with them
    and no GDPR is not told the protocol is silent on the law."""
    reply, _ = ask(assistant, "The core group changes a lot. Can I set up a distribution list for them?")
    assert reply.rule_id != "faq:current-law", reply.rule_id


def test_a_no_from_the_rules_stands_before_an_unsettled_faq(assistant):
    reply, _ = ask(assistant, "can I whatsapp the assessment to the grandmother abroad?")
    assert reply.verdict is NOT, reply.rule_id


def test_a_meeting_on_an_unnamed_app_is_not_offered_a_file_route(assistant):
    """Zoom for a core group is a meeting: Objective Connect, a file-sharing route, is no safer way to hold it
    (the README trial of session 25). A file on an unnamed service still gets the protocol's routes."""
    meeting, _ = ask(assistant, "is zoom ok for a core group meeting with the police?")
    assert meeting.alternatives == ()
    document, _ = ask(assistant, "can I put the referral on sharepoint for the other team?")
    assert any("Objective Connect" in a for a in document.alternatives)


@pytest.mark.parametrize("question, verdict", [
    ("the school need the CIN plan today, can I fax it? it's urgent", NOT),  # Faxes 4: safeguarding, never faxed
    ("can I text mum the time of the CIN meeting on Thursday?", AWC),  # the meeting's time: logistics
])
def test_a_child_in_need_plan_is_safeguarding_its_meeting_time_is_not(assistant, question, verdict):
    reply, _ = ask(assistant, question)
    assert reply.verdict is verdict, reply.rule_id


@pytest.mark.parametrize("question", [
    "I sent the unencrypted assessment to the nursery by mistake last night.",
    "A carer put a child's full name and school in the carers' WhatsApp group by accident and wants to know what to do",
])
def test_a_slip_told_with_nothing_asked_gets_what_to_do_now(assistant, question):
    """rules.yaml `happened`: a refused sending told as done, with nothing else asked (no question, no intent), is
    answered with what to do now, not a bare No (round 56)."""
    reply, text = ask(assistant, question)
    assert reply.verdict is ASK and "manager" in text, reply.rule_id


@pytest.mark.parametrize("question, channel", [
    ("can I post the minutes on our Teams channel?", "teams_chat"),
    ("can I post the child's photo in the carers' WhatsApp group?", "text"),
    ("can I post the report to the GP tomorrow?", "post"),
])
def test_posted_online_is_not_the_post(assistant, question, channel):
    reply, _ = ask(assistant, question)
    assert reply.facts.get("channel") == channel


def test_a_passwords_length_told_is_not_the_password(assistant):
    """External 1: at least 8 characters with a mix of numbers and letters. "The password is 10 characters with
    letters and numbers" tells its length; "10" is not the password put forward (round 56)."""
    reply, _ = ask(assistant, "zipped with AES-256, the password is 10 characters with letters and numbers, ok to send "
                              "to the school?")
    assert reply.facts.get("password") != "short_no_mix" and reply.verdict is not NOT, reply.rule_id


def test_a_number_asked_for_in_text_speak(assistant):
    reply, text = ask(assistant, "wots the safeguarding hub no")
    assert "0333 240 1727" in text and reply.verdict is not ASK, reply.rule_id


def test_a_secure_account_asked_for_around_the_manager_is_refused(assistant):
    """Secure Mail: an account must be authorised by the appropriate senior manager; leaving the manager out on
    purpose is refused (round 56)."""
    reply, _ = ask(assistant, "could I phone the ICT desk for a gsx account myself? I'd rather not bother my manager")
    assert (reply.rule_id, reply.verdict) == ("self-made-secure-account", NOT), reply.rule_id


def test_the_school_portal_is_offered_for_a_school_and_only_there(assistant):
    """The protocol's more secure route "the school portal for information for schools" (All Email 2): first of
    the safer ways for a fax to a school, never offered for a GP or a hospital."""
    school, _ = ask(assistant, "can I fax the child protection plan to the school?")
    assert school.verdict is NOT and school.alternatives[0].startswith("The school portal")
    for question in ("can I fax the child protection plan to the GP?",
                     "Objective Connect is slow, can I just email the referral to the hospital instead?"):
        reply, _ = ask(assistant, question)
        assert not any("school portal" in a for a in reply.alternatives), question


@pytest.mark.parametrize("question, rule", [
    # the portal named as there, and email asked: the route passed over (All Email 2)
    ("Is it OK to email PID to a school when the school portal is available?", "email-secure-route-passed-over"),
    ("I know there's a school portal but I've never used it. Can I just email the CP plan encrypted instead?",
     "email-secure-route-passed-over"),
    # the portal named as the way
    ("can I email it via the school portal?", "school-portal"),
    # a way someone has not got, or one not working, is not passed over
    ("I don't have a login for the schools portal, can I email the school instead?", "email-to-school"),
    ("Objective connect keeps timing out, can I just email the assessment to the provider instead?",
     "external-email"),
    # unencrypted is refused whatever route is down or passed over (External Email 1)
    ("the school portal is down, can I email the plan to the school unencrypted?", "email-unencrypted"),
    ("can I just email the plan to school unencrypted rather than use the portal?", "email-unencrypted"),
    # the portal told of before the question to email is where the document is, not the way asked about
    ("The school says they can't see the document on the portal. Can I just email them the plan unencrypted?",
     "email-unencrypted"),
    ("I put the plan on the school portal yesterday. Can I email it too, encrypted?",
     "email-secure-route-passed-over"),
])
def test_a_portal_named_beside_email(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert reply.rule_id == rule, (question, reply.rule_id)


def test_a_camhs_appointment_by_text_is_sensitive_not_logistics(assistant):
    """Texts 2: no sensitive information by text. A CAMHS appointment tells that the child is seen for their
    mental health (two round-55 writers independently); a time for an ordinary meeting stays logistics."""
    camhs, _ = ask(assistant, "Can I text a young person to remind them about their CAMHS appointment?")
    assert camhs.verdict is NOT and camhs.rule_id == "text-personal"
    meeting, _ = ask(assistant, "can I text the parent that the meeting is at 10am tomorrow? it has no personal information")
    assert meeting.rule_id == "text-logistics"


@pytest.mark.parametrize("question, rule", [
    ("can I post about a case on social media?", "channel-not-covered"),
    ("can I message the young person on instagram?", "channel-not-covered"),
    ("Can I message a foster carer on Facebook Messenger about the child's contact arrangements?", "text-personal"),
])
def test_social_media_is_a_service_the_protocol_does_not_name_but_messenger_is_a_text(assistant, question, rule):
    reply, _ = ask(assistant, question)
    assert reply.rule_id == rule, (question, reply.rule_id)


@pytest.mark.parametrize("question", ["should I put confidential in the subject line?", "should I mark it confidential?",
                                      "shud i put confidental in da subjct line"])
def test_the_confidential_marking_proposed_gets_the_steps_not_a_no(assistant, question):
    """All Email 4 asks for CONFIDENTIAL in the subject: proposing the marking itself is no breach (checker 22);
    "can I put 'CONFIDENTIAL - J Smith' in the subject?" still gets the No, and so does a name in the body."""
    reply, _ = ask(assistant, question)
    assert reply.verdict is AWC, (question, reply.verdict)


@pytest.mark.parametrize("question", ["can I put 'CONFIDENTIAL - J Smith DOB 01/02/2015' in the subject line?",
                                      "cn i put childs name in body of internal email"])
def test_personal_details_proposed_for_the_subject_or_body_are_still_refused(assistant, question):
    reply, _ = ask(assistant, question)
    assert reply.verdict is NOT, (question, reply.verdict)


@pytest.mark.parametrize("question", ["what encryption do I need for external email?",
                                      "wot encryption do i need 4 emails 2 nhs"])
def test_what_encryption_is_needed_is_answered_for_personal_information(assistant, question):
    """Encryption is asked about only for personal information: the answer is External Mail 1's (AES-256, the
    password by phone), saying what it assumed, not "what is it?" first (checker 22, general 55)."""
    reply, text = ask(assistant, question)
    assert reply.rule_id == "external-email" and "AES-256" in text


@pytest.mark.parametrize("question, rule", [
    ("can i bcc the foster carers on the newsletter", "addresses-hidden"),
    ("Sending the foster carer training invite out to about 40 carers - should I BCC them?", "addresses-hidden"),
    ("can I email the CP plan to both parents using bcc?", "email-to-individual"),  # what goes decides
    ("I emailed 30 foster carers about a training day and put them all in CC instead of BCC.", "addresses-shown"),
])
def test_bcc_asked_about_is_all_email_3(assistant, question, rule):
    """All Email 3: BCC where there is no permission to disclose addresses. Asked about with nothing said of what
    goes, that is the answer (+7 stored); a document named brings the email rules; CC used instead of BCC is a
    slip told."""
    reply, _ = ask(assistant, question)
    assert reply.rule_id == rule, (question, reply.rule_id)


def test_a_sending_asked_is_not_answered_by_the_definitions(assistant):
    """Checker 22: "fax the child's immunisation history and date of birth ... Is fax OK here?" got what PID is,
    "Allowed". The sending is the rules' (Faxes 1: urgent and absolutely necessary?), the definitions beneath."""
    reply, _ = ask(assistant, "A GP practice manager has rung asking me to fax the child's immunisation history and "
                              "date of birth because their NHS mail is down. The child's vaccine appointment is next "
                              "week. Is fax OK here?")
    assert reply.verdict is not ALLOWED and reply.rule_id.startswith(("fax", "ask-"))


@pytest.mark.parametrize("question, verdict", [
    ("The fax machine prints a confidentiality footer on every page, so I don't need to bother with a cover sheet, "
     "do I?", NOT),
    ("I dont need a cover sheet, do I?", NOT),
    ("do I need to bother with a cover sheet?", AWC),  # the duty asked about: the steps, not a "No"
])
def test_a_step_said_to_be_left_out_is_refused_but_a_duty_asked_about_gets_the_steps(assistant, question, verdict):
    reply, _ = ask(assistant, question)
    assert reply.verdict is verdict, (question, reply.verdict)


def test_a_plain_zip_sent_is_a_slip_told(assistant):
    """Checker 22: "I zipped a file and emailed it ... but forgot to set a password, so it's just a plain zip. What
    now?" A zip with no password is not encrypted (External Mail 1), and "and emailed it" tells it has gone."""
    reply, _ = ask(assistant, "I zipped a file and emailed it to an external provider but forgot to set a password, "
                              "so it's just a plain zip. What now?")
    assert reply.verdict is ASK and "manager" in reply.text()


@pytest.mark.parametrize("question, verdict, rule", [
    # a step left out, told with a tag asking for a yes: No, then the steps
    ("No need to bother with a fax cover sheet if I ring them first to say it's coming, is there?", NOT, None),
    ("External emails have a disclaimer on the bottom anyway - doesn't that mean I don't need to encrypt?", NOT,
     None),
    # a list nobody keeps is stale (All Email: carefully managed and checked)
    ("Can I use the old 'All Partners' list nobody has checked in years for a child's review papers?", NOT,
     "distribution-list-stale"),
    # told as done, what now asked (or told as a slip): what to do now first
    ("I CC'd all the birth parents on an email, so now they can all see each other's email addresses. What now?",
     ASK, "addresses-shown"),
    ("I saved an encrypted file to a USB stick last week and now I can't find the stick anywhere. What now?", ASK,
     "misdirected"),
    ("I replied all by accident and a child's health details went to twenty people on a mailing list.", ASK,
     "misdirected"),
    # someone else's login, however it is put (Secure Mail 1)
    ("My colleague has cjsm. Can I log in with her account to send my court report?", NOT, "borrowed-account"),
    # the password by phone is the protocol's way, however far the phone is from the word "password"
    ("Can I give the recipient the password for an encrypted file over the phone?", AWC, None),
    # a time is logistics; the school in "the school pick-up time" is not who it goes to
    ("Can I text the foster carer the school pick-up time for tomorrow?", AWC, "text-logistics"),
    # "his personal address" beside email is his email address, not a home address sent
    ("Can I email dad on his personal address just to confirm the meeting is at 10am on Tuesday, with nothing "
     "about the children?", AWC, "email-no-personal-private"),
    # sent emails kept in the mailbox (All Email 6)
    ("I'm tidying my mailbox. There are hundreds of sent emails with case reports attached. My manager says to "
     "leave them because the mailbox is secure. Is that right?", NOT, "mailbox-copies"),
    # council legal is a council colleague
    ("Is it okay to send a chronology to council legal by Outlook? Same organisation.", AWC, "internal-email"),
    # someone's call told is how the request came, not the way it goes (README trial)
    ("the school phoned, can I email them the CP plan?", AWC, "email-to-school"),
    # an encrypted zip sent instead of the portal: email, the portal passed over
    ("Can I send the DSL a CP plan as an encrypted zip instead of using the school portal?", NOT,
     "email-secure-route-passed-over"),
    # the subject as the email's title; where it goes said as a place
    ("Can I title my email 'Re: Jayden Smith ICPC 14th'?", NOT, "email-pid-in-subject"),
    ("Is there ever a situation where I can email PID externally without encrypting it?", NOT, "email-unencrypted"),
    # the user's email gone astray, told by the school that got it: not a stray email the user received
    ("A school has rung to say they've received a CP report meant for another school. What do I do?", ASK,
     "misdirected"),
    ("an email came to me by mistake, what do I do?", AWC, "not-intended-recipient"),
    # a voicemail is a recording, not the recipient told the password on the phone
    ("They didn't pick up - is it ok to leave the zip password on their voicemail?", ASK, None),
])
def test_what_people_say_they_did_skip_or_mean(assistant, question, verdict, rule):
    reply, _ = ask(assistant, question)
    assert reply.verdict is verdict, (question, reply.verdict, reply.rule_id)
    assert rule is None or reply.rule_id == rule, (question, reply.rule_id)


def test_a_faq_about_another_way_of_sending_does_not_answer_a_question_naming_none(assistant):
    # "how do i send a confidential fax" shares 'send' and 'confidential' with it
    reply, _ = ask(assistant, "A researcher wants CP counts by ward; some wards have one or two children. "
                              "It's confidential. Can I send the spreadsheet?")
    assert reply.faq_id != "fax-steps"


def test_what_may_be_told_is_not_answered_with_a_way_of_sending(assistant):
    reply, _ = ask(assistant, "Our local MP has written asking about a child in care on behalf of the "
                              "grandmother. What can I tell him?")
    assert reply.verdict is not ALLOWED and "Objective Connect is the protocol" not in reply.summary


@pytest.mark.parametrize("question, verdict, rule", [
    # initials instead of names, as Internal Mail 1 asks (not joined to another detail)
    ("Can I put the child's initials in the body of an internal email to a colleague?", AWC, "email-initials-in-body"),
    # whether emails fall within a request: All Email 7, not advice on emailing the person who asked
    ("young person has put in a SAR - will our emails about him be included?", ALLOWED, "faq:foi"),
    ("If a third party's details are in an email, can the parent still see it under SAR?", ASK, "faq:subject-access"),
    ("If I delete an email will it be excluded from a subject access request?", ASK, "faq:subject-access"),
    ("A dad asked me directly for every email we've written about him. Can I just forward them all to him?", ASK,
     "faq:subject-access"),
    # an email address the protocol does not give
    ("What email address do I use for the written follow-up to the Hub?", ASK, "faq:email-address-unknown"),
    # slips told, and a near miss caught before it went
    ("I've sent the LAC review to the whole distribution list by mistake.", ASK, "misdirected"),
    ("I forwarded a thread to the school and realised it had old info about the sibling further down.", ASK,
     "misdirected"),
    ("I nearly sent a CP plan to a parent's gmail but caught it before sending. Do I need to tell anyone?", ASK,
     "misdirected"),
    # a duty asked about, and advice asked for: the steps, not a No
    ("Should I still mark an internal email with a PID attachment as CONFIDENTIAL?", AWC, None),
    ("I've got emails with PID in my sent items from last month. Should I do something about them?", AWC,
     "mailbox-copies"),
    # 'for every email' is no password reused; 'a strong password' before 'emailed it' is the file's
    ("Is cjsm something I should be using for every email to the courts?", ASK, None),
    ("I zipped a parenting assessment, used AES-256 and a strong password, and emailed it to the health visitor. "
     "I rang her with the password. Now what should I do with the files on my side?", AWC, None),
    # from the README trial: a text sent by accident, papers left on a train
    ("I texted the birth dad the foster carers phone number by accident, what now", ASK, "misdirected"),
    ("I left the case file on the train", ASK, "misdirected"),
    ("can I post a photo of the kids on the team's facebook page?", ASK, "channel-not-covered"),
    # a sensitive kind coordinated with one said to be absent is absent too
    ("Can I fax a statement about contact arrangements (nothing about abuse or mental health) to a barrister?",
     None, None),
])
def test_round_59_readings(assistant, question, verdict, rule):
    reply, _ = ask(assistant, question)
    assert verdict is None or reply.verdict is verdict, (question, reply.verdict, reply.rule_id)
    assert rule is None or reply.rule_id == rule, (question, reply.rule_id)
    if verdict is None:
        assert reply.rule_id != "fax-highly-sensitive", reply.rule_id


def test_a_caller_asking_for_details_is_answered_for_the_telephone(assistant):
    reply, _ = ask(assistant, "A woman has rung claiming to be a nurse. She wants to know whether a child is on a "
                              "CP plan. I can't verify her number. What should I do?")
    assert reply.facts.get("channel") == "phone" and reply.verdict is ASK, (reply.facts, reply.verdict)


@pytest.mark.parametrize("question, verdict, rule", [
    # the password named, then "it in the same email"; one that follows in a second email; one kept on
    ("pasword 4 the zip - can i just put it in the same emial lol", NOT, "password-by-email"),
    ("i have two reports, can I put it in the same email", None, None),
    ("If the encrypted file goes in one email and the password follows in a second email a few minutes later, "
     "that's fine, isn't it?", NOT, "password-by-email"),
    ("Can I stick with the password I agreed with the provider last month for every attachment from now on?", NOT,
     "password-reused"),
    ("do i hav 2 use a new pasword evry time", AWC, None),
    # CC where the addresses may not be shared; CC used for BCC, told with what now
    ("Can I email the adopters' support group using CC? They haven't agreed to share their email addresses.", NOT,
     "addresses-shown"),
    ("I put all the foster carers' email addresses in CC instead of BCC on a newsletter. What should I do?", ASK,
     "addresses-shown"),
    # a list for everyone, named without quotes, with a child's address
    ("Can I use the All Children's Services Staff distribution list to ask if anyone knows Ruby Delaney's family, "
     "including her address?", NOT, "distribution-list-too-many"),
    # a check the FAQ's yes rests on, proposed to be skipped
    ("Can I forward an email to a provider without reading what's further down the chain?", NOT,
     "thread-holds"),
    # duties asked in text-speak and the passive: the steps
    ("do i hav to put confidential in the subject", AWC, None),
    # (an envelope is the post, for which the protocol sets no rule: said so, never a No, nor the email subject's rule)
    ("Should envelopes containing personal information be marked confidential?", ASK, "channel-not-covered"),
    ("subjct line shud say wat", AWC, "faq:subject-line"),
    # subject access and erasure by any name; a country named
    ("A dad has asked for a copy of everything we hold on his son. How do I handle the request?", ASK,
     "faq:subject-access"),
    ("A mother wants her child's whole social care file deleted. Do we have to do it?", ASK, "faq:subject-access"),
    ("My care leaver has asked for a copy of his records from when he was in care, what do I do?", ASK,
     "faq:subject-access"),
    ("Dad wants to see everything the school holds on his son. Where do I start?", ASK, "faq:subject-access"),
    # who the protocol binds beyond the council's staff, and recording a meeting: not settled by it
    ("Does the info sharing protocol apply to our volunteers at the contact centre too?", ASK,
     "faq:who-it-covers-outside"),
    ("Mum has asked if she can video the core group on her phone. Is that allowed?", ASK, "faq:recording-meetings"),
    ("Our info sharing protocol was revised in 2015 - is it still the current one?", ASK, "faq:protocol-current"),
    # a proposal put as "any issues with that?"; a phone as where a received file is kept
    ("Subject line: 'Core group - Kayden, DOB 14/09/19'. Any issues with that?", NOT, "email-pid-in-subject"),
    ("The GP sent me a zip, I'll save it onto my phone to open at home, ok?", NOT, None),
    # the password through a go-between, not to the recipient; a receptionist who only reports it is no go-between
    ("The SENCO is teaching all day. Can I ring through the password to their receptionist to hand on?", NOT,
     "password-relayed"),
    # sent to an address no longer used: a slip; a message that may not be genuine: not settled
    ("Just realised the assessment went to the dad's old email address from two years ago. Now what?", ASK,
     "misdirected"),
    ("Got a zip from a sender I don't recognise who says she's from CAFCASS. Safe to open?", ASK,
     "faq:suspicious-attachment"),
    # someone else's practice, kept up: how to raise it is not settled; the manager
    ("The nursery always sends our referrals back from the manager's gmail. Do I report it?", ASK, None),
    ("A colleague keeps texting foster carers the kids' full names. What should I do?", ASK, None),
    # a copy to one's own personal account, BCC or not; the later law; where safe haven applies
    ("I'll just bcc my home email on the placement referral so I have a copy - fine?", NOT, None),
    # whether encryption is owed at all, for a recipient named: that recipient's rules, not the how-to
    ("Do I have to zip an email to my team manager at cumbria.gov.uk?", AWC, "internal-email"),
    # consent asked with no worry about a child and no word of confidentiality: consent's silence
    ("Is it ok to pass the school nurse a boy's asthma plan without asking his mum's consent first?", ASK,
     "faq:consent"),
    # a name given in quotes without an extension, proposed
    ("Thinking of titling the document 'Jayden Okafor chronology' for the panel. Sensible?", NOT,
     "identifying-file-name"),
    ("We still quote the 1998 Data Protection Act - is that still right now the law has changed?", ASK,
     "faq:current-law"),
    ("Their secretary says the password I rang through doesn't work. What now?", None, None),
    # the user's word that it can wait, for a fax
    ("Nothing urgent here - can I fax the child's name and date of birth to the dentist?", NOT, "fax-not-urgent"),
    ("Can we share a child's records with a social services department in Poland?", ASK, "faq:overseas"),
    ("Mum's asked for everything we hold on her son. Can I just email it to her hotmail?", NOT,
     "email-to-personal-account"),
    # what now, asked as putting it right; naming told
    ("I sent an email with the child's full name in the subject line. How do I put this right?", ASK, None),
    ("I named the zip after the child and it's already gone to the school. What now?", ASK, "identifying-file-name"),
    ("name the zip afta the kid? makes it eazy 2 find", NOT, "identifying-file-name"),
    # the zip is there when it cannot be opened; "normally" is no zip
    ("The person at the trust can't open my zip file. What should I do?", AWC, None),
    ("GP practice manager says just email the referral normally because they can't open zip files. Can I?", NOT,
     None),
    # classed; the first line is the body; the deletion statement is no personal information
    ("Is a child's NHS number PID even if I leave their name off?", AWC, "still-identifiable"),
    ("Emailing my manager a summary of a home visit - is it ok to put mum's name and address in the first line?",
     NOT, "email-pid-in-body"),
    # a route that bounces or is not used; the other one named is asked about
    ("Their secure inbox keeps bouncing and they've asked me to fax the contact timetable instead. Can I fax it?",
     None, None),
    ("Jonah doesn't check email. I want to remind him that his pathway plan meeting has moved to Wednesday at 11 "
     "at the leaving care office. Can I just send him a text?", AWC, "text-logistics"),
    # text-speak; MH; a venue's address named twice
    ("cn i txt foster carer that im runin l8", AWC, "text-logistics"),
    ("can i fax camhs the mh assesment 4 jaz asap", NOT, "fax-highly-sensitive"),
    ("A teenager has texted asking for the family centre's address. Can I text back the centre's public address?",
     AWC, "service-contact"),
    # the name over an identifier, when the identifier could be used
    ("Can I fax a child's name, address and date of birth to a provider if I could use their IAS number instead?",
     NOT, "fax-name-over-identifier"),
    # what the protocol leaves out is said
    ("Can I store case documents in my own personal Dropbox to work from home?", NOT, "cloud-account"),
])
def test_round_61_readings(assistant, question, verdict, rule):
    reply, _ = ask(assistant, question)
    assert verdict is None or reply.verdict is verdict, (question, reply.verdict, reply.rule_id)
    assert rule is None or reply.rule_id == rule, (question, reply.rule_id)
    if question.startswith("i have two reports"):
        assert not reply.rule_id.startswith("password"), reply.rule_id
    if "keeps bouncing" in question:
        assert reply.facts.get("channel") == "fax", reply.facts


def test_what_the_protocol_leaves_out_is_said(assistant):
    for question in ("Who is the council's Data Protection Officer?",
                     "What's the biggest fine the ICO could give the council for a data breach?",
                     "Can I store case documents in my own personal Dropbox to work from home?"):
        reply, _ = ask(assistant, question)
        text = " ".join((reply.summary, *reply.reasons)).lower()
        assert "does not say" in text or "does not mention" in text, (question, text)


def test_who_and_why_are_not_answered_by_a_paraphrase_asking_another_thing(assistant):
    for question in ("Which law does the information sharing protocol say we have to comply with?",
                     "Why does the protocol say information sharing matters so much?"):
        reply, _ = ask(assistant, question)
        assert reply.rule_id != "faq:who-to-ask", (question, reply.rule_id)


@pytest.mark.parametrize("question, verdict, rule", [
    # a conclusion asked to be agreed is a proposal, not a classification question
    ("Internal email is classed as secure, so it's fine to type the child's full name and date of birth straight "
     "into the body of an email to a colleague, yes?", NOT, "email-pid-in-body"),
    # another way put forward is a yes/no
    ("What about an encrypted USB stick, is that ok?", NOT, "faq:usb-stick"),
    # a password described as one sort of character
    ("pw ok if its 8 letters no numbers?", NOT, "password-no-mix"),
])
def test_round_63_readings(assistant, question, verdict, rule):
    reply, _ = ask(assistant, question)
    assert (reply.verdict, reply.rule_id) == (verdict, rule), (question, reply.verdict, reply.rule_id)


@pytest.mark.parametrize("question, verdict, rule", [
    # a removing act itself denied ("no need to clear them out") leaves the mail kept; a relative clause in the
    # middle ("which is secure") is not what is asked
    ("Emails about children are in my council mailbox, which is secure, so there's no need to clear them out of "
     "Sent Items — I can just leave them there?", NOT, "mailbox-copies"),
    # the unzipped file is what opening the encrypted one made, not how it came; a memory stick is refused
    ("The police sent me an encrypted zip of interview notes for a child. A colleague suggested I copy the "
     "unzipped file onto a memory stick so I can show it on the court's laptop. Is that OK?", NOT, None),
    # the Documents folder is the computer's own drive
    ("Can I keep the unencrypted copy of what I sent in the Documents folder on my laptop?", NOT, None),
])
def test_denied_removal_and_the_local_drive(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


def test_a_resend_unzipped_is_still_unencrypted(assistant):
    reply, _ = ask(assistant, "i sent an encrypted file but my colleague at the trust can't open it. she's asked me "
                              "to just resend it unzipped. shall I?")
    assert reply.verdict is NOT, reply.rule_id


@pytest.mark.parametrize("question, verdict, rule", [
    # a conclusion put forward after "so" is a proposal, whichever order "can I" comes in; "surely it doesn't
    # matter" asks agreement
    ("Internal email counts as secure, so can I just type Noah Pryce's full name, date of birth and address into "
     "the body of my email to the finance team?", NOT, "email-pid-in-body"),
    ("I've encrypted the file with AES-256, so surely it doesn't matter that the zip is called "
     "Harvey_Booth_LAC_review.zip?", NOT, "identifying-file-name"),
    # the same email told after the password; "reply with it" after the password is asked for
    ("If I put the zip password at the very bottom of the same email in small text, that's fine as long as the "
     "file is AES-256 encrypted?", NOT, None),
    ("I sent an encrypted file to the youth offending team but forgot to agree a password first. They've emailed "
     "asking for it, so can I just reply with it?", NOT, None),
    # one way put forward over another: the rules answer the way chosen, not an FAQ about the other
    ("Can I fax it because it's quicker than encrypting an email?", ASK, "ask-kind"),
])
def test_round_64_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


def test_a_fax_asked_about_before_its_contents_says_what_decides_it(assistant):
    reply, _ = ask(assistant, "Can I fax it because it's quicker than encrypting an email?")
    text = " ".join(item for part in reply.checklist for item in part.items)
    assert "urgent and absolutely necessary" in text and "mental health" in text
    # (and a fax's line is not cited where it is not shown)
    reply, _ = ask(assistant, "Can I email it?")
    assert not any(s.id.startswith("fax.") for s in reply.citations), reply.citations


@pytest.mark.parametrize("question, verdict", [
    # a slip told, what now asked: what to do now first, the FAQ on doing it right for next time
    ("Someone replied all with a child's full details to about 40 people. What should happen now?", ASK),
    ("I replied to a parent's Gmail with her daughter's review report attached before I realised. What happens now?",
     ASK),
    ("I mistyped the fax number and the cover sheet and report went to an unknown number. What should I do?", ASK),
])
def test_a_slip_told_gets_what_to_do_now(assistant, question, verdict):
    reply, _ = ask(assistant, question)
    assert reply.verdict is verdict and "manager" in reply.summary, (question, reply.verdict, reply.summary)


def test_after_a_sending_that_went_right_the_faq_answers(assistant):
    reply, _ = ask(assistant, "After I've sent the encrypted file, what do I do with the zip and the original?")
    assert reply.rule_id == "faq:delete-after-sending", reply.rule_id


@pytest.mark.parametrize("typed, meant", [
    ("pls can i fax cp conf minutes 2 da gp, need it there 2day", "to da gp"),
    ("hw do i zip n pasword protect a doc b4 emailin it", "how do i zip and password protect a doc before emailing it"),
    ("sbjct line - cn i put the kids name in it so i can find it l8r", "subject line"),
    # "da" is domestic abuse as practitioners write it; "n't" keeps its n
    ("attended a da last night, didn't stay", "attended a da last night didnt stay"),
])
def test_text_speak_little_words(typed, meant):
    from dialogs.text import normalise
    assert meant in normalise(typed), normalise(typed)


@pytest.mark.parametrize("question, verdict, rule", [
    # an internet provider's own mail is a commercial account
    ("She's asked me to send his hospital discharge letters to her BT Internet address. Can I do that if I "
     "encrypt them?", NOT, "email-to-personal-account"),
    # an earlier password named by when; text-speak weeks
    ("can i re-use last wks pasword 4 the IRO, its a gd one", NOT, "password-reused"),
    # a quoted subject put up for judging
    ("Is 'Strategy meeting - Smith family' an acceptable subject?", NOT, "email-pid-in-subject"),
    # "asked me to text her a copy of her crisis plan": the user sending, not someone's words
    ("Shannon (16) asked me to text her a copy of her mental health crisis plan because she keeps losing paper "
     "copies - she's consented, so that's fine?", NOT, "text-personal"),
])
def test_round_65_readings(assistant, question, verdict, rule):
    reply, _ = ask(assistant, question)
    assert (reply.verdict, reply.rule_id) == (verdict, rule), (question, reply.verdict, reply.rule_id)


def test_whom_it_is_about_is_not_whom_it_goes_to(assistant):
    reply, _ = ask(assistant, "can I forward the whole chain to the new SW it has loads of history on the family")
    assert reply.facts.get("recipient") != "individual", reply.rule_id


@pytest.mark.parametrize("question, verdict, rule", [
    # a password agreed before, kept on; an attachment "as it comes" is unencrypted
    ("We agreed a strong password with the Bridgewater fostering agency last month, so I can just keep using it for "
     "all their placement referrals?", NOT, "password-reused"),
    ("I'll email the education psychologist's report to the private tutor agency as a normal attachment, it's not "
     "that sensitive.", NOT, None),
    # a classification put up with the user's own act, asked to be agreed: a proposal
    ("I'll keep PID emails in a personal Outlook folder so I can find them, that counts as a secure folder right?",
     NOT, "mailbox-copies"),
])
def test_round_66_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


def test_a_distribution_list_kept_on_is_not_a_password_reused(assistant):
    reply, _ = ask(assistant, "our team has its own distribution list that's years old. can we keep using it?")
    assert reply.rule_id != "password-reused", reply.rule_id


@pytest.mark.parametrize("question, verdict, rule", [
    # every one of a kind counted is everything, the count aside
    ("The solicitor asked for the social worker's statement dated 4 March. I may as well fax all five statements on "
     "the file so they've got the full picture?", NOT, "send-everything"),
    ("pswrd in the same email ok if its zipped??", NOT, None),
])
def test_round_66_late_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # a team the user places inside the council: a colleague there is a colleague
    ("can I send an internal email to a colleague in the youth offending team with the assessment?", AWC,
     "internal-email"),
    ("can I email the assessment to my colleague in YOT, they're on a council address", AWC, "internal-email"),
    # without the user's word, or an organisation (not a team), it stays outside
    ("can I email the assessment to a colleague in the youth offending team?", AWC, "external-email"),
    ("A colleague at the health trust wants the plan, internal email ok?", AWC, "external-email"),
    # the marking asked about, with the sending told after it: the rules, never the FAQ's "No"
    ("should I mark the email confidential when I send the contact timetable to the school?", AWC, None),
])
def test_session_32_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # a proposed subject line, asked "good to go?": the proposal is what is asked
    ("Subject line: CONFIDENTIAL - Ruby Patel DOB 03/04/2016 - LAC review. Good to go?", NOT, "email-pid-in-subject"),
    # the identifier there, the name preferred a few words later
    ("The receiving team can match the child on the IAS number, but I'd rather fax the referral with his full name "
     "and address to be safe. That's fine?", NOT, "fax-name-over-identifier"),
    # a list of sixty, all of it, for one family's plan: not the minimum number of people
    ("We've got a 'Partners - Early Help' distribution list with about 60 people on it. Can I send the family's "
     "support plan to the whole list in one go?", NOT, "distribution-list-too-many"),
    # a PIN set on a zip is its password
    ("Is a 6 digit PIN enough to protect the zip?", NOT, None),
    # a generic inbox is a generic address, whoever it is for (not the Hub's written follow-up)
    ("Police said to send the child's details to their MASH team inbox rather than a named officer. That's fine "
     "because it's the police, right?", NOT, "email-to-generic-address"),
])
def test_round_67_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


def test_a_list_owned_is_not_something_done(assistant):
    """ "We've got a distribution list" says what the team has, not that anything has been sent."""
    reply, _ = ask(assistant, "We've got a distribution list for the panel. Can I send the agenda to it?")
    assert "already happened" not in reply.summary, reply.summary


def test_a_letter_to_all_parents_naming_no_child_is_not_too_many(assistant):
    reply, _ = ask(assistant, "Head wants to email all 200 parents a letter about the new term dates - no child named. Is "
                              "using the whole parents mailing list ok?")
    assert reply.verdict is not NOT, reply.rule_id


@pytest.mark.parametrize("question, verdict, rule", [
    # late already, what now asked: the steps; put forward or asked to count: No
    ("I rang the Hub about a child on Monday and it's now Thursday - I never sent the written follow-up. What do I "
     "do?", AWC, "hub-follow-up-overdue"),
    ("I rang the hub on Friday, can the written follow-up wait until Wednesday?", NOT, "hub-follow-up-late"),
    ("Does a phone call to the Hub count as my written follow-up if they take notes?", NOT, "hub-follow-up-late"),
    # the wrong paper sent is gone astray: tell the manager
    ("Yesterday I emailed a parenting assessment to mum's solicitor, but checking my sent items this morning I'd "
     "attached dad's assessment instead. What should I do now?", ASK, "misdirected"),
    # taking it back asked, or whether it matters: what to do now
    ("I've already sent an email with the boy's full name in the subject line. Can I recall it, or does it not "
     "really matter?", ASK, "email-pid-in-subject"),
    # a resend proposed is the proposal, not what now
    ("The recipient couldn't open the zip I sent. Can I resend it with the same password as before?", NOT, None),
])
def test_round_67_after_the_event(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # already encrypted, on its way: the sending rules, not the FAQ about lacking 7-Zip
    ("I'm emailing an adoption agency in Scotland a CPR and I've already 7zipped it with AES-256. Anything else I "
     "have to do?", AWC, "external-email"),
    # received, saving asked: where what came goes (not told as saved already)
    ("Health sent me a zip with a child's assessment in it. Can I save it to My Documents on the laptop?", NOT,
     "removable-media-received"),
    ("Someone emailed me an encrypted zip. Can I save it to my desktop to open it?", NOT, "removable-media-received"),
    ("I received an encrypted file and saved it to my desktop, what now?", NOT, "removable-media-done"),
    # a child's case file is no file's name
    ("A referral email says 'please delete after use'. Can I still save it to the child's file?", None, None),
    # a family name is a surname
    ("is it ok to save the attachment as the family name", NOT, "faq:attachment-name"),
    ("Should I mark an email CONFIDENTIAL if the only personal info is the child's first name?", None, None),
])
def test_round_67_fit(assistant, question, verdict, rule):
    reply, _ = ask(assistant, question)
    assert verdict in (None, reply.verdict) and rule in (None, reply.rule_id), (question, reply.verdict, reply.rule_id)
    assert reply.rule_id != "faq:attachment-name" or "name" in question, reply.rule_id
    assert not (question.startswith("Should I mark") and reply.verdict is NOT), reply.rule_id


@pytest.mark.parametrize("question, verdict, rule", [
    # what the email body reads is in the body
    ("My email body just says 'Please see attached re Tyler Jones'. Is that ok for an internal email?", NOT,
     "email-pid-in-body"),
    # case info is personal
    ("is imessage or whatsapp any better than normal sms for sending case info?", NOT, "text-personal"),
    # a proposal judged for a use: "ok for an internal email?"
    ("subject line 'Re: Lily (DOB 03/04/19)' ok for an internal email?", NOT, "email-pid-in-subject"),
])
def test_round_68_unsafe_answers(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # a way someone lacks is not the way asked about
    ("A lot of the parents on my caseload don't have email, so I text them meeting reminders. Can I text dad that "
     "the conference decided on a child protection plan?", NOT, "text-personal"),
    # the route preferred over the portal: email, asked for
    ("School DSL here - we'd rather the council emailed stuff to us than used the portal, it's quicker. Is that ok?",
     None, None),
    # what a term means, asked: information, not a "Not allowed"
    ("What counts as a generic email address?", ALLOWED, "email-to-generic-address"),
    # what the family may come to see
    ("Could my emails about a family end up being disclosed to the family?", ALLOWED, "faq:foi"),
    # a quoted word a zip is locked with is a password
    ("Can I protect the zip with 'abc123'? It's only a short contact note going to the family centre.", NOT,
     "password-too-short"),
    ("Should I still write CONFIDENTIAL in the subject for internal emails with PID attached?", AWC, None),
    ("Public health want teenage pregnancy numbers by ward - aggregate only. Can I email it?", ALLOWED, None),
])
def test_round_68_fit(assistant, question, verdict, rule):
    reply, _ = ask(assistant, question)
    assert verdict in (None, reply.verdict) and rule in (None, reply.rule_id), (question, reply.verdict, reply.rule_id)
    assert reply.rule_id != "school-portal", reply.rule_id


def test_a_tool_in_quotes_is_not_a_password(assistant):
    reply, _ = ask(assistant, "can I encrypt it with '7zip'?")
    assert not reply.rule_id.startswith("password-"), reply.rule_id


@pytest.mark.parametrize("question, verdict, rule", [
    # a list by its quoted name, "DL" after it
    ("Our old 'Locality North' DL still has people on it who left last year. Can I still use it?", NOT,
     "distribution-list-stale"),
    # the removing step missed, doing it now asked: yes, with the steps
    ("Forgot to clear out my sent items after sending loads of reports last month. Should I do it now?", AWC,
     "mailbox-copies"),
    ("forgot to delete sent items with PID in from months ago, is that a problem?", AWC, "mailbox-copies"),
    # a slip of another step keeps its answer
    ("emailed a HV a summary with PID and forgot to put CONFIDENTIAL in the subject, is that a problem", None, None),
    # several documents under one password: one transmission
    ("How do I zip several documents together under one password?", None, "faq:how-to-encrypt"),
])
def test_round_68_later_readings(assistant, question, verdict, rule):
    reply, _ = ask(assistant, question)
    assert verdict in (None, reply.verdict) and rule in (None, reply.rule_id), (question, reply.verdict, reply.rule_id)
    assert reply.verdict in (NOT, ASK) or not question.startswith("emailed a HV"), reply.verdict


@pytest.mark.parametrize("question, verdict, rule", [
    # a mail domain written alone is the address's kind
    ("Our adopters have an icloud.com email. Can we send them the child's permanence report encrypted?", NOT,
     "email-to-personal-account"),
    # "- ok or not?" asks for a proposal to be judged
    ("subject line 'concerns re baby at 14 Acacia Ave' - ok or not?", NOT, "email-pid-in-subject"),
])
def test_round_69_unsafe_answers(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # received with the password in it, what now asked: the steps for after the event
    ("The health visitor put the zip password in the same email as the attachment. What should I do?", AWC,
     "password-emailed-already"),
    # someone else's reply to all, told: what to do now first
    ("Someone hit reply all and the whole core group, including dad, got mum's mental health info. I'm the chair. "
     "What do I do?", ASK, None),
    # a condition first, then a choice asked: the steps
    ("After I've sent the encrypted zip, should I keep the zip or the original?", AWC, "keep-unencrypted-copy"),
    # the body's statement that the data is deleted after use (All Email 5)
    ("Do I need to tell the recipient to delete the info once they've used it?", AWC, "faq:deletion-statement"),
    # a password kept for something else, used on the zip
    ("Someone said just use your network login as the zip password as you'll remember it. Is that ok?", NOT,
     "password-reused"),
    # both ways offered are refused: still No
    ("got an encrypted zip from another LA - can I save it to my desktop or a USB stick to open it?", NOT, None),
])
def test_round_69_fit(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # another area's council is outside
    ("I need to send an assessment, a chronology and a genogram to an out-of-county social worker. How do I send "
     "them securely?", AWC, "external-email"),
    # a team of the council's own is inside
    ("Can I email a spreadsheet of foster carers' bank details and allowances to the council's payments team?", AWC,
     "internal-email"),
    # when a place is open identifies no one
    ("I want to email three sets of birth parents about a change to the contact centre opening hours. Can I put them "
     "all on one email?", None, None),
])
def test_round_69_recipients(assistant, question, verdict, rule):
    reply, _ = ask(assistant, question)
    assert verdict in (None, reply.verdict) and rule in (None, reply.rule_id), (question, reply.verdict, reply.rule_id)
    assert reply.verdict is not NOT, reply.rule_id


@pytest.mark.parametrize("question, verdict, rule", [
    # a meeting's paper is no arrangement: session notes pasted into the body
    ("I need to send my session notes to the allocated social worker, and I'd normally just paste them into the "
     "body of the email. Is that OK?", NOT, "email-pid-in-body"),
    # asked on a manager's behalf whether a practice is still OK: the rules (a fax of names and addresses)
    ("We've always faxed the weekly list of children in placements, with names, dates of birth and placement "
     "addresses, to a commissioning provider. My new manager has asked me to check if this is still OK.", ASK, None),
])
def test_round_70_readings(assistant, question, verdict, rule):
    reply = reads_as(assistant, question, verdict, rule)
    assert not reply.rule_id.startswith("faq:"), reply.rule_id


@pytest.mark.parametrize("question, verdict, rule", [
    ("What does the protocol mean by a generic email address?", ALLOWED, "email-to-generic-address"),
    ("texted the wrong foster carer a childs medical info :(", ASK, "misdirected"),
    ("Rather than attaching the case note, can I paste it straight into the email to my senior? It's quicker", NOT,
     "email-pid-in-body"),
    ("I want to email a child's health summary over to the SEN team, they're council too. What should I do?", AWC,
     "internal-email"),
    # the Hub's written follow-up is about a child at risk: never by fax
    ("Can I fax my written follow-up of a Hub referral?", NOT, "hub-by-fax-or-text"),
])
def test_round_70_more_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    ("A hospital ward has marked its request urgent: they want a 14-year-old's CAMHS diagnosis and medication history "
     "by fax before her planned admission tomorrow. Fax is quickest, so can I?", NOT, "fax-highly-sensitive"),
    # "e.g." does not end the question's sentence
    ("Should the attachment have the child's name on it, e.g. 'Poppy Jones PEP.docx'?", NOT, "identifying-file-name"),
])
def test_round_71_unsafe_answers(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question", [
    # a colleague copied in is not who the email goes to: the parent is
    "can I email mum the plan and cc my manager?",
    "can I cc my manager on the email to dad with the plan?",
])
def test_a_colleague_copied_in_does_not_make_an_email_to_a_parent_internal(assistant, question):
    reads_as(assistant, question, NOT, "email-to-individual")


@pytest.mark.parametrize("question, verdict, rule", [
    # a sending told as a note is written, no one named first: it has happened (and "texted" is still a text)
    ("Texted the carer the boy's diagnosis earlier, what should I do now?", ASK, "text-personal"),
    # the password to him or her by email is the password by email
    ("She can't find the password I rang through. Can I email her the password this time?", NOT, None),
    # how long a file stays somewhere is how long it is kept: the protocol sets no period
    ("how long do documents stay on objective connect?", ASK, "faq:keeping-period"),
    # a review confirmed is an arrangement: when and where, no one's details
    ("can I text dad to confirm Thursday's review is at 2pm?", AWC, "text-logistics"),
    # CONFIDENTIAL in the subject is the marking asked about, where what is sent identifies no one ...
    ("No personal info in it, just a room booking. Do I still need CONFIDENTIAL in the subject line?", ALLOWED,
     "email-no-personal"),
    # ... and the marking is still read as what it marks where nothing else is said
    ("The disclaimer goes on automatically, so I don't need CONFIDENTIAL in the subject, do I?", NOT, None),
    # "psych" as practitioners shorten psychiatric or psychological
    ("can I fax the psych assessment to the GP?", NOT, "fax-highly-sensitive"),
    # what counts as a safe haven is the corporate procedure's, which the protocol names and does not set out
    ("Is the fax in our open-plan office a safe haven?", ASK, "faq:safe-haven-content"),
    ("where can I find the Safe Haven procedure?", ALLOWED, None),
])
def test_session_34_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict", [
    # the disclaimer said to be enough, or to spare a step: it spares none (All Email 5, External Mail 1)
    ("Isn't the automatic email disclaimer enough protection to send the report unencrypted?", NOT),
    ("The disclaimer is at the bottom of every external email, so I don't need anything else in the body, right?", NOT),
    # "on every email" says where the disclaimer is, not who is copied in
    ("we've got the auto disclaimer on every email, do I still have to encrypt?", NOT),
    # ... while who adds it is the disclaimer's own question
    ("Do I need to type the confidentiality disclaimer myself on emails to the GP?", ALLOWED),
])
def test_the_disclaimer_spares_no_step(assistant, question, verdict):
    reply, _ = ask(assistant, question)
    assert reply.verdict is verdict, (question, reply.verdict, reply.rule_id)
    assert reply.rule_id == ("faq:disclaimer-not-enough" if verdict is NOT else "faq:email-disclaimer")


@pytest.mark.parametrize("question", [
    "Is safe haven compulsory for us, or only advice?",
    "Who does safe haven apply to - health too?",
    # what the procedure says, or which wins where the two documents conflict: not set out in the protocol
    "Where the Safe Haven procedure conflicts with the ISP, whose rule do we go with?",
    "Does safe haven say the fax machine has to be in a locked office?",
])
def test_what_the_safe_haven_procedure_holds_is_not_settled_here(assistant, question):
    reads_as(assistant, question, ASK, "faq:safe-haven-content")


@pytest.mark.parametrize("question, rule", [
    # one password for all of a kind, said with "our": reused, however strong
    ("We use one 14-character password with the IFA for all our zips. Fine?", "password-reused"),
    # the Hub's written follow-up made a call: no follow-up in writing
    ("Can I do the written follow up to the hub by phone instead?", "hub-follow-up-late"),
    # the password to the user by email, proposed by the other side: the rule, not only the common question
    ("The IRO will email me the password he wants to use. OK?", "password-by-email"),
])
def test_round_77_proposals_the_protocol_refuses(assistant, question, rule):
    reads_as(assistant, question, NOT, rule)


def test_a_no_that_answers_the_premise_stands_for_a_duty_asked(assistant):
    """faq.yaml `refutes`: "the disclaimer is there, so do I still need to encrypt?" is answered No (it spares no
    step), not by the steps alone, which would read as leave to send with conditions."""
    reply, text = ask(assistant, "With the automatic disclaimer on, do I still need to encrypt?")
    assert reply.verdict is NOT and reply.rule_id == "faq:disclaimer-not-enough" and "AES-256" in text


@pytest.mark.parametrize("question, verdict, rule", [
    # the wrong thing sent, told as a note is written, with no "I" and no article: a mistake, what now
    ("faxed wrong report to the nursery earlier, what do i do", ASK, "misdirected"),
    # one page said to be enough where the steps ask for every page; "every page or just the cover sheet?" asks which
    ("Just the top sheet of the fax has to say Confidential, correct?", NOT, "faq:fax-cover-sheet"),
    ("Do I mark all the fax pages confidential or only the first page?", AWC, "faq:fax-cover-sheet"),
    # a file name given that names someone, asked about in any form: not that name; what to change asked: the steps
    ("Saved the plan as 'Harvey Cole review.docx' - is that alright to zip up?", NOT, "identifying-file-name"),
    ("how should I name the zip, something like MasonReid_PEP.zip?", NOT, "identifying-file-name"),
    ("It's called 'Harvey Cole review.docx'. Do I need to rename it before zipping?", AWC, "identifying-file-name"),
    # BCC named as the way not taken, and addresses told as on show: the BCC rule, what now
    ("Emailed the adopters' picnic invite and forgot to BCC, so now the emails are on show. Help?", ASK, None),
    ("I sent the carers' newsletter to them all and forgot to BCC; their addresses are on show now. What do I do?",
     ASK, None),
    # a fax to a number a digit out, and a forwarding told as a note is written: mistakes told, what now
    ("Realised the referral I faxed went to a number two digits out. Now what?", ASK, "misdirected"),
    ("Forwarded my case chain to the nursery and only then saw mum's diagnosis further down. What do I do?", ASK,
     "misdirected"),
    # a disc or a stick handed over or posted: the protocol does not cover it (its one rule is where a received
    # encrypted file is saved); a file put onto a stick to take home is still No
    ("The guardian wants the contact videos on a DVD - can I do that?", ASK, "removable-media-handover"),
    ("Mum's solicitor gave me a memory stick of the family's documents. Can I open it at work?", ASK,
     "removable-media-handover"),
    ("Can I copy the assessment onto a USB stick to finish at home?", NOT, "removable-media"),
    # a habit told as going on is done already: what now
    ("We've been keeping the CAMHS zips on a memory stick to read at home. How do we put it right?", ASK,
     "removable-media-done-what-now"),
    # who "the Team" is: the process the protocol says is being reviewed
    ("No ISA with the charity - which team signs off the email, and is there a form?", ASK, "no-agreement-process"),
    # what is the matter with a child, by text: health information
    ("can i text mum the hospital appt and whats wrong with her?", NOT, "text-personal"),
    # "ok or nah" asks to be agreed with: a proposal, answered No
    ("kids DOBs in the email body to my TM ok or nah", NOT, "email-pid-in-body"),
    # a note of what was done, with a past time: what now
    ("Typed the boy's full name into the subject line of the email to nursery earlier. Do I need to do anything?",
     ASK, "email-pid-in-subject"),
    # a route that will not work for someone is down, not the route: the way asked is the webmail
    ("Mum couldn't get Objective Connect to open on her phone, can I just send it to her gmail?", NOT,
     "email-to-personal-account"),
    # a generic mailbox described in words: "the main email"
    ("The nursery said just use the main nursery email address for the child's details, is that alright?", NOT,
     "email-to-generic-address"),
    # a call with the password that went unanswered: "email it" is the password
    ("I phoned the GP practice with the password, went to voicemail. OK to email it to them instead?", NOT,
     "password-by-email"),
    # an empty form, with the user saying nothing of anyone goes: identifies no one
    ("Can I email a blank assessment template to the nursery's admin@ address? Nothing about any child.", ALLOWED,
     "email-no-personal"),
    # "anything I need to do now?" after a slip told: what now (tell the manager)
    ("I WhatsApped the carer the boy's diagnosis on Monday. Anything I should do now?", ASK, "text-personal"),
    # a company is an outside organisation, whoever the information is about (young people named as its subject)
    ("Sending the young people's medical forms to the coach company for the trip - email ok?", AWC, "external-email"),
    # someone else's secure account, "log on" or "sign in" as them
    ("Could I just log on as her on the gsx account to send the court report?", NOT, "borrowed-account"),
    # a password named in its short forms is checked as one
    ("passwd for the zip is 7 characters, letters n numbers, fine?", NOT, "password-too-short"),
    # a mailing list chosen over the portal, the portal the only way named: email, the secure route passed over
    ("The heads' distribution list is faster than the portal - can the pupils' exclusion details go out on that?",
     NOT, "email-secure-route-passed-over"),
])
def test_session_35_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # "now what" as well as "what now"
    ("Put the girl's surname in the subject of an email to the dentist by mistake and it's sent. Now what?", ASK,
     "email-pid-in-subject"),
    # something left behind, told without "I" at the start, and with a longer name for it
    ("Left my work mobile on the bus, it has texts from two foster carers on it.", ASK, "misdirected"),
    ("I left a bundle of the family's court papers on the train yesterday.", ASK, "misdirected"),
    # "does that count as a breach?" classes what happened, not what the information is
    ("Emailed a care plan to the wrong school by mistake. Does that count as a data breach?", ASK, "misdirected"),
    # the wrong one of a name (README trial): "emailed the wrong Dave"
    ("I emailed the wrong Sarah this morning with the pathway plan, what now", ASK, "misdirected"),
])
def test_session_37_after_the_event_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


def test_email_too_big_asked_what_else_gets_the_other_routes(assistant):
    """"Too big to email" rules email out, as "the portal is down" rules the portal out; asked what else (or just
    "Options?"), the answer is the protocol's other routes (Objective Connect), not a question about the channel.
    A proposal about email itself stays the rules'."""
    for question in ("The chronology and photos are far too big to email for the IRO. What else can I use?",
                     "Adoption medicals for the agency, too large for email. Options?"):
        reply, text = ask(assistant, question)
        assert reply.rule_id == "faq:secure-large-file" and "Objective Connect" in text, (question, reply.rule_id)
    proposal, _ = ask(assistant, "It's too big to email encrypted, so can I zip the case file with no password?")
    assert proposal.verdict is NOT, proposal.rule_id


def test_the_protocols_no_in_its_own_words_is_not_allowed_for_the_users_own_case(assistant):
    """"No sensitive information should be sent via text" forbids, as "do not" does: quoted for "why can't I, on my
    own work phone?", it is Not allowed, not Allowed."""
    reply, text = ask(assistant, "Why is texting a no for us? My own phone is a council one")
    assert reply.verdict is NOT and "No sensitive information should be sent via text" in text, reply.rule_id


@pytest.mark.parametrize("question, verdict, rule", [
    # the document as it is: "the plain Word doc" is unencrypted, as "a plain attachment" was
    ("The zip keeps getting blocked, so I'll email the adoption agency the plain PDF instead. Fine?", NOT,
     "email-unencrypted"),
    # "subject lines" said in the plural; a proposal said to be fine, asked, with its reason after
    ("Subject lines aren't read by anyone, so putting 'Re: Kai Morgan strategy' in it is fine, as I've marked it "
     "confidential?", NOT, "email-pid-in-subject"),
    # an empty form sent to be filled in names no one, even to a generic inbox
    ("OK to email a blank referral form to office@ at the nursery for them to fill out?", ALLOWED,
     "email-no-personal"),
    # "whatever we hold", a conclusion drawn with "so basically I can hand over"
    ("Data protection isn't a barrier, so basically we can give the police whatever you hold on the dad?", NOT,
     "send-everything"),
])
def test_session_37_proposals(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


def test_encryption_the_sender_left_out_is_not_the_users_step_left_out(assistant):
    """"... no encryption. Should I be flagging that?": what came in unencrypted is the receiving rule's steps (tell
    the sender and the manager), not "No: the protocol does not let you leave that step out"."""
    reply, text = ask(assistant, "A GP surgery sent me a child's full details typed into the email, no attachment, "
                                 "no encryption. Should I be raising that with someone?")
    assert reply.verdict is ASK and "leave that step out" not in text, reply.rule_id


def test_reply_to_all_says_to_check_the_thread_it_carries(assistant):
    """README trial: a reply to all on a chain got All Email 1-3 and not 4, check the earlier messages in the thread."""
    _, text = ask(assistant, "ok to hit reply all on the core group chain with the new meeting date?")
    assert "thread" in text and "All Email (Internal and External) 1, 2, 3, 4" in text


@pytest.mark.parametrize("question, verdict, rule", [
    # the name chosen over an identifier the sender could look up (Faxes 2)
    ("It's easier to write the boy's name and address on the fax than find his reference number, that's ok?", NOT,
     "fax-name-over-identifier"),
    # a council named by its area is another council, not ours (External Mail 1); ours is a colleague's
    ("Can I email the placement plan to the IRO at Durham County Council?", AWC, "external-email"),
    ("Can I email the placement plan to a team manager at Cumbria County Council?", AWC, "internal-email"),
    # a home account is a personal account (Internet Email 2)
    ("is it ok to forward the strategy notes to my home account so I can read them tonight?", NOT,
     "webmail-account"),
    # a Word document's own lock is not the 7-Zip AES-256 the protocol names
    ("Can I just lock the Word document with a password instead of zipping it?", NOT, "weak-encryption"),
    # a town and the kind of place in a quoted text are where, not who
    ("ok to text the grandad 'Contact moved to 2pm at Penrith family centre'?", AWC, "text-logistics"),
    ("ok to text the grandad 'Tyler's contact moved to 2pm'?", NOT, "text-personal"),
    # the address of a family contact centre is the venue's
    ("Dad wants the address of the family contact centre texting to him, can I?", AWC, "service-contact"),
])
def test_session_38_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, rule", [
    # the message told as gone, with the password in it: the sender's own near miss, manager told
    ("Oh no, the password was in the same email as the zip and it's gone to the YOT worker. What now?",
     "password-emailed-by-me"),
    # a fax slip showing another number than the recipient's: gone to the wrong place
    ("faxed the care plan, now the transmission report shows a different number from the clinic's. Help?",
     "misdirected"),
])
def test_session_38_mistakes_told(assistant, question, rule):
    reads_as(assistant, question, Verdict.NEED_MORE_INFO, rule)


def test_whether_a_thing_counts_as_a_word_the_protocol_does_not_define_is_not_settled(assistant):
    """"does my laptop's own drive count as a 'local drive'?": the protocol names local drives and does not define
    them; its nearest words are quoted, not called an answer."""
    reply, text = ask(assistant, "Does the D drive on my office PC count as a local drive?")
    assert reply.verdict is Verdict.NEED_MORE_INFO and "LOCAL DRIVE" in text, reply.rule_id


def test_the_portal_been_down_is_down(assistant):
    reply, _ = ask(assistant, "School portal's been down since this morning and the DSL needs the plan today. Can I "
                              "email it instead?")
    assert reply.rule_id == "email-school-portal-down" and reply.verdict is AWC


@pytest.mark.parametrize("question, verdict, rule", [
    # a conclusion drawn with "surely" is put forward for agreement, as "so basically" is
    ("Internal email is secure, so surely we can paste the boy's name and address in the body when emailing "
     "payroll?", NOT, "email-pid-in-body"),
    # a word opening the message whose length is told is the password proposed (letters only)
    ("bluebellwood has over 10 characters, that's fine as the zip password right?", NOT, "password-no-mix"),
    # the child's own detail as the password
    ("Would his date of birth as the zip password be ok? the school know it already", NOT,
     "password-about-child"),
    # where the form is, asked: the process the protocol says is being reviewed
    ("where do I find the form for sending PID to an agency we've no sharing agreement with?", ASK,
     "no-agreement-process"),
    # a quoted yes or no tells whatever it answers
    ("Dad's texted to ask whether the section 47 found anything. Can I text back 'no, nothing found'?", NOT,
     "text-personal"),
    # a number typed wrong and the fax gone elsewhere is a fax gone astray
    ("Misdialled the surgery's fax and the referral has gone somewhere else. What now?", ASK, "misdirected"),
    # the name left off for the IAS number is the protocol's own way to fax, not a name taken off an identifying
    # document
    ("Is it ok to fax the hospital the request with just her IAS number on it and the name left off?", AWC,
     "fax-other-identifier"),
    # a way named in the plural is the same way
    ("The team keeps a drawer of encrypted memory sticks - can I copy the contact notes onto one for the contact "
     "centre?", NOT, "removable-media"),
    # "do I put ...?" asks; it tells nothing done
    ("do i put the password in the same email as the zip?", NOT, None),
    # cc'd where BCC was meant: the addresses are on show
    ("I cc'd instead of bcc'd the whole adopters' support group on the invite. What do I do?", ASK,
     "addresses-shown"),
    # the identifier let go beside the name: the name over the identifier
    ("We fax the surgery the child's full name and DOB every time, so there's no need to bother with the IAS "
     "number, right?", NOT, "fax-name-over-identifier"),
    # emails believed to be no part of a subject access request, so written off the record
    ("Emails to colleagues don't come up in a subject access request, so I can say what I really think of dad, "
     "can't I?", NOT, "off-the-record"),
    # the phone a message came to is no contact detail sent; that a child is known to social care is what is told
    ("The school texted my work mobile asking if the boy is known to social care - can I text back yes?", NOT,
     "text-personal"),
    # "anything I'm meant to do?" after sending asks what now
    ("I emailed the LAC review to the IRO this morning. Is there anything I'm supposed to do with my sent items "
     "now?", AWC, "mailbox-copies"),
    # Objective Connect is allowed on its steps (set up for the recipient, only what is needed)
    ("Can I put the chronology on Objective Connect for the children's guardian?", AWC, "objective-connect"),
    # which category a piece of information falls in is the definitions' question, not how to send it
    ("Step-dad's criminal record - which data category is that under the protocol?", ALLOWED, "faq:what-is-pid"),
    ("Is a child's asthma sensitive personal data or just ordinary personal information?", ALLOWED,
     "faq:what-is-pid"),
    # a child's whole history is everything held
    ("Data protection isn't a barrier, so I can send the child's full history to the youth club, can't I?", NOT,
     "send-everything"),
    # "what if ...?" asks whether that changes the answer
    ("what if it's one of the council's encrypted memory sticks?", NOT, None),
    # the identifier said to be at hand after the name: the name over the identifier; what to put on, asked, gets
    # the identifier as the way
    ("Can I fax the referral with her name and DOB on it? We already have her IAS number.", NOT,
     "fax-name-over-identifier"),
    ("The hospital want her name and DOB on the fax but we already have her IAS number - what should I put on it?",
     AWC, "fax-name-over-identifier"),
    # a colleague offering to take the password down for the recipient is a go-between
    ("The solicitor's out so his colleague offered to take it down for him - can I give her the zip password?", NOT,
     "password-relayed"),
    # "so I'll do that, ok?" is agreement asked, not a when-question
    ("When I fax the GP, the name and address are clearer than his IAS number, so I'll use those, ok?", NOT,
     "fax-name-over-identifier"),
    # the agreement named bare, and who in the team authorises, asked: the process under review
    ("For emails not covered by an agreement, who in the team does the authorising?", ASK, "no-agreement-process"),
    # papers carried home are no sending: not covered, ask the manager (not "how will you send it?")
    ("Is it ok to take the case files home in my car overnight?", ASK, "channel-not-covered"),
])
def test_session_38_proposals(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # a secure account from another job was never authorised for this one (Secure Mail 1)
    ("I kept my cjsm login from my previous job at the YOT - fine to use it for our LAC reviews?", NOT,
     "self-made-secure-account"),
    # the inbox a website gives for anyone to write to is a generic address (Internet Email 2)
    ("The GP surgery says use the contact us email on their website for the referral, ok?", NOT,
     "email-to-generic-address"),
    # a plan told, for agreement: a whole group for a family's case is not need to know (All Email 1)
    ("Thinking of using the All Staff list to send round the Jones children's case summary so everyone knows them",
     NOT, "distribution-list-too-many"),
    # the address autocomplete picked, told as gone, what now asked: the breach answer
    ("Autocomplete put in the wrong Priya and the PEP has gone to her. What now?", ASK, "misdirected"),
])
def test_session_38_round_88_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # a team's group in the address book is an address list (Appendix A, sending 1)
    ("Emailing an encrypted zip to the three school nurses - fine to use their team group in Outlook?", NOT,
     "encrypted-to-list"),
    # the council's paper post between offices: the protocol's "Internal Mail" is email, so post has no rule
    ("Can the original court bundle go in the internal post bag to the Workington office?", ASK,
     "channel-not-covered"),
])
def test_session_38_lists_and_paper_post(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # two ways offered with "do they ... or ...?": one is the protocol's, with its steps
    ("Business support again: sending the panel minutes to colleagues, names in them. Do they go as an attachment or "
     "can they be pasted in the message?", AWC, "email-pid-in-body"),
    # ... but not a second way asked leave for: "or can I ...?"
    ("does the follow-up have to go by work email or can I send it from my hotmail?", NOT, "webmail-account"),
])
def test_session_38_two_ways_offered(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


def test_how_much_a_slip_matters_asked_is_what_to_do_now(assistant):
    """"Is that a big deal?" after a slip told: what now, as "is that a problem?" is."""
    facts = assistant.reader.read("Sent the minutes with a child's full name in the subject line. Big deal?").facts
    assert facts.get("aftermath") is True


def test_the_short_why_is_not_cut_inside_a_list(assistant):
    """README trial: "one made from the child's name." had cut "name, initials or date of birth can be guessed ..."
    at the list's first comma."""
    reply, _ = ask(assistant, "can I use 02112016, her date of birth, as the zip password?")
    assert reply.verdict is NOT and reply.rule_id == "password-about-child"
    assert "initials or date of birth can be guessed" in reply.why()


def test_an_emails_own_words_quoted_with_a_name_are_in_the_body(assistant):
    """"a quick email: 'Visited Kayla Brown at ...'": the quoted words are what the email says, so the name is in
    its body (Internal Mail 1), however internal."""
    reply, _ = ask(assistant, "ok to send my senior an email that says 'Home visit to Darcy Pearson went fine, no "
                              "concerns'?")
    assert reply.verdict is NOT and reply.rule_id == "email-pid-in-body"
    plain, _ = ask(assistant, "can I email my manager saying 'back at 2, meeting ran over'?")
    assert plain.verdict is not NOT


@pytest.mark.parametrize("question, verdict, rule", [
    # why not, asked: what follows "can't send" is what goes, not something left out
    ("hotmail's got better spam filters than outlook, any reason we can't send assessments from it?", NOT, None),
    # a password named in a message about passwords in the plural
    ("Our carers hate long passwords, so I'll use 'sunflower' for the zips. That's fine?", NOT, "password-no-mix"),
    # a step called a bother
    ("Hub already knows, so I don't need to faff about encrypting the chronology to the police, right?", NOT, None),
    # one password on all of them
    ("we've used Panel2016 as the password on all our zips this year, ok?", NOT, "password-reused"),
    # "so when I ..., I can ...": a conclusion put forward
    ("Internal mail is secure, so when I email payroll I can put the boy's name and address in the body, yes?", NOT,
     "email-pid-in-body"),
])
def test_session_38_round_89_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # a file's name in quotes, beside the word "password", is not a password put forward
    ("The attachment will be called 'Kyle_Dobson_PEP.pdf', it's password protected so that's alright?", NOT,
     "identifying-file-name"),
    # news of a child, what the text would say
    ("can I WhatsApp the IRO to say the girl has been excluded today?", NOT, "text-personal"),
    # the whole of one's own file asked for, or to see it: a subject access request, however unnamed
    ("An adult who was in our care as a teenager has asked for his whole file. Is there a deadline?", ASK,
     "faq:subject-access"),
    ("If a dad asks to see their file, what has to be blacked out?", ASK, "faq:subject-access"),
    # the envelope a letter goes in is the post
    ("Do letters about a child have to go in a windowed envelope?", ASK, "channel-not-covered"),
    # "which is which" ends a yes/no question, not a what or which one
    ("Shall I write the boy's name in the email body so the IRO knows which report is which?", NOT, "email-pid-in-body"),
    # nothing sent but the blank form
    ("could I send a blank referral form to the sports club's admin@ address?", ALLOWED, "email-no-personal"),
    # the options on the screen, which one asked: the steps, not a No
    ("The encryption drop-down in 7-Zip says ZipCrypto. Which option am I supposed to pick?", AWC, "weak-encryption"),
    # what came in, asked whether it may still be used
    ("The hospital emailed us the x-ray report and put the password in the same email. Can we still use it?", AWC,
     "password-emailed-already"),
    # a phone as where a file is kept
    ("ok to download the referral to my work phone to read later?", NOT, "removable-media"),
])
def test_session_39_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


def test_a_reply_all_told_with_a_hyphen_is_a_mistake_told(assistant):
    """"replied-all": what to do now comes first, as for "replied all"."""
    reply, _ = ask(assistant, "I replied-all to the core group email with my notes on the girl's contraception "
                              "appointment and 12 people got it. How serious is this and what should I do?")
    assert reply.verdict is not AWC and "tell your manager" in reply.summary


def test_no_harm_as_an_idiom_with_its_reason_is_no_sign_of_harm(assistant):
    reply, _ = ask(assistant, "I'll put the review in a zip called 'Jayden_Price_review.zip' - no harm since it's "
                              "encrypted?")
    assert reply.asks != "harm" and reply.verdict is NOT


def test_a_duty_asked_after_a_sentence_of_context_gets_the_steps(assistant):
    """"We email the LA about a pupil. Does it need CONFIDENTIAL in the subject?": the duty asked, answered by the
    steps, not by the rule against names in the subject."""
    reply, _ = ask(assistant, "We send the council a termly update on a pupil. Does it need CONFIDENTIAL in the "
                              "subject line?")
    assert reply.verdict is not NOT


def test_something_another_sent_to_the_users_own_address_is_received(assistant):
    """"A health visitor emailed the boy's assessment to my work email without a zip": what came in, and what the
    recipient does now, not a rule against the user's own sending."""
    reads_as(assistant, "A health visitor emailed the boy's assessment to my work email without a zip, what do I "
                        "do?", ASK, "received-unencrypted")


def test_opening_what_came_with_its_password_in_the_email_is_not_refused(assistant):
    reply = reads_as(assistant, "The sender has put the zip's password in the same email. Am I ok to open it?", AWC,
                     "password-emailed-already")
    assert "tell the sender" in reply.summary


def test_a_way_said_to_be_better_than_another_is_the_way_asked_about(assistant):
    """"Is phoning the nurse better than faxing her the CP plan?": the fax is the way passed over."""
    reply, _ = ask(assistant, "Is phoning the nurse better than faxing her the CP plan?")
    assert reply.rule_id != "fax-highly-sensitive" and reply.facts.get("channel") == "phone"


def test_leave_to_ignore_a_procedure_is_a_no(assistant):
    reads_as(assistant, "Since we follow the information sharing protocol, can we skip the Safe Haven procedure?",
             NOT, None)


def test_an_identifier_instead_of_names_in_emails_is_what_the_protocol_asks_for(assistant):
    """Internal Mail 1: "use a commonly understood identifier or initials, instead of names". Asked with no
    recipient named, that is the answer, not "who will receive it?" first."""
    reply = reads_as(assistant, "Is it ok to put the IAS number in emails instead of the child's name?", AWC,
                     "email-identifier-instead-of-names")
    assert "identifier or initials instead of names" in reply.summary


def test_what_a_child_said_or_how_contact_went_is_news_of_the_child(assistant):
    """Not logistics: what the text would tell is about the children."""
    for question in ("Can I text the carer how contact went?",
                     "ok to message dad anything the twins said at school today?"):
        assert assistant.reader.read(question).facts.get("kind") == "pid", question


def test_the_memory_stick_answer_gives_the_safer_way(assistant):
    """README trial: a file too big to email, put on a stick for the solicitor, got a No and no way to send it."""
    reply, text = ask(assistant, "it's too big to email, can I put it on a memory stick and take it to the school?")
    assert reply.faq_id == "usb-stick" and "Objective Connect" in text


def test_a_word_of_doubt_needs_what_the_unsettled_answer_is_about(assistant):
    """The answer for a message that may not be genuine (faq.yaml `needs_too`) is about attachments, links and
    emails: "recognise" of a caller or of people on a thread is not that."""
    for question in ("The woman says she's his aunt but I don't recognise the number. Can I tell her where he lives?",
                     "I don't recognise half the people at the core group. Can I still talk about the children?"):
        reply, _ = ask(assistant, question)
        assert reply.faq_id != "suspicious-attachment", question
    reply, _ = ask(assistant, "There's a zipped file in my inbox from someone I don't recognise. Open it?")
    assert reply.faq_id == "suspicious-attachment"


@pytest.mark.parametrize("question", [
    "I've extracted the zip from the school onto my laptop's desktop rather than the shared drive. What now?",
    "I've saved the referral on a USB stick and it's still there, a week later. What should I do?",
])
def test_something_saved_or_lost_on_a_drive_with_what_now_asked_gets_what_to_do_now(assistant, question):
    """What cannot be undone, told with what now asked, gets what to do now (rules.yaml `happened`), not a No."""
    reply = reads_as(assistant, question, ASK, "removable-media-done-what-now")
    assert "tell your manager" in reply.summary


def test_a_slip_told_as_a_note_is_written_is_told_as_done(assistant):
    """"Forgot to encrypt ... Sent 5 mins ago. Help": no "I", and still the user's own slip."""
    reply, _ = ask(assistant, "Forgot to zip the attachment going to the dentist. Went 10 mins ago. Help")
    assert reply.verdict is ASK and "manager" in reply.summary


def test_a_step_that_cannot_be_done_is_a_step_left_out(assistant):
    """Faxes 2: ring the recipient first. "Nobody's picking up at their end; fax it anyway?" leaves it out."""
    reply, _ = ask(assistant, "The GP's secretary isn't picking up the phone. Can I fax her the referral anyway? It's urgent.")
    assert reply.verdict is NOT


def test_a_duty_asked_after_a_dash_gets_the_steps(assistant):
    """"Internal email with the plan attached - does it still need CONFIDENTIAL in the subject?": the duty asked,
    after a dash as after a full stop: the steps, not the rule against names in the subject line."""
    reply, _ = ask(assistant, "Email to our own legal team with the chronology attached - does it still need "
                              "CONFIDENTIAL in the subject?")
    assert reply.verdict is AWC


def test_calling_the_hub_is_a_phone_call(assistant):
    """"Called the Hub" (not "a file called ..."): the call, and the written follow-up within 48 hours after it."""
    reply, text = ask(assistant, "I called the Hub this morning about a 9 year old. Anything else I have to do?")
    assert reply.rule_id == "hub-call" and "48 hours" in text


@pytest.mark.parametrize("question, verdict, rule", [
    # a device "nicked": stolen, told or feared
    ("Someone nicked my work laptop out of the car last night, it had case notes on. Who do I tell?", ASK, "misdirected"),
    # a secure account got by going round the manager
    ("Could I sign up for a gsx address online myself without asking anyone first?", NOT, "self-made-secure-account"),
    # words to be written, quoted: what they say is not what is asked ("... need advice ..." asks no advice)
    ("Can I put 'Kai Jones 2/2/19 - any advice on the PLO letter?' in the body of an email to legal?", NOT,
     "email-pid-in-body"),
])
def test_session_40_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question", [
    "Whoops, I typed the zip password into the same email to the dentist and it's gone.",
    "I accidentally put the password in the same email as the zip to CAMHS. Is that a breach?",
])
def test_a_slip_told_as_done_gets_what_to_do_now_not_a_no(assistant, question):
    """The rule's No is for the same thing proposed ("that's fine, isn't it?"); told as done, with what now asked or
    nothing asked, its own answer stands: ring the recipient, tell your manager."""
    reply = reads_as(assistant, question, ASK, "password-emailed-by-me")
    assert "manager" in reply.summary


@pytest.mark.parametrize("question, verdict, rule", [
    # any personal details written into an email, not only a name: in its body (Internal Mail 1)
    ("Can I write up dad's CAMHS history directly into an email to my team manager?", NOT, "email-pid-in-body"),
    # fewer bits than External Mail 1's "at least 256bit AES"
    ("zipping the assessment for the GP - what encryption do I pick, is 128 enough?", NOT, "weak-encryption"),
    # a thread sent on unchecked, or left for the recipient to pass over (All Email 4)
    ("I'll forward the chain to the GP, there's some old stuff about mum's drinking further down but she'll skip "
     "over it, ok?", NOT, None),
    # outside the council personal information goes encrypted, and an encrypted attachment never to an address list
    # (Appendix A, sending 1)
    ("Can I email the LAC review minutes to the partner agencies using the contact group?", NOT,
     "list-outside-council"),
    # the readers said to be only colleagues: All Email 7, every email may be seen by the person it discusses
    ("Can I say what I really think of the stepdad in an email? Only staff will see it.", NOT, "off-the-record"),
    # BCC hides the addresses, not the over-sharing (All Email 1)
    ("Can I bcc every worker in the service on the plan for one boy?", NOT, "cc-too-many"),
    # the password rung through: the phone FAQ, not the one refusing it by email
    ("can I phone the password when I send the email", AWC, None),
    # an empty form said to hold no personal information ("info" is read as "information")
    ("Can I email a blank referral form to mum's gmail? There's no personal info on it.", AWC, None),
    # "got ... to send": the user's to send, nothing received
    ("I've got the chronology to send to the solicitor, can it go in a zip?", AWC, "external-email"),
    # round 98's
    # "counts as secure, so I can paste ... yes?": a proposal, whatever the premise (Internal Mail 1)
    ("Internal email counts as secure, so I can paste her full name and DOB into the body, yes?", NOT,
     "email-pid-in-body"),
    # the disclaimer takes the place of no other step (All Email 5)
    ("Outlook puts a disclaimer on external emails automatically, so there's no need for me to add anything about "
     "deleting it?", NOT, None),
    # what the asker wants, not what is needed (Principles; Faxes 3)
    ("If the police ask about a family I can just give them whatever they ask for, can't I?", NOT, "send-everything"),
    # a worker "in a different county" is at another council
    ("Can I email the pathway plan to a personal adviser in a different county?", AWC, "external-email"),
    # someone else's secure account, used (Secure Mail 1)
    ("My manager has a gsx account - could I use it to send the bundle to court?", NOT, "borrowed-account"),
    # sharing an office does not bring another organisation inside the council (Internal Mail 1)
    ("The CAMHS team sit with us in the same office. Can we treat emails to them as internal?", NOT, "external-email"),
])
def test_session_41_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


def test_where_the_user_works_is_not_who_receives_it(assistant):
    """"I work in the fostering team": the team is the user's, the carers the email goes to are private
    individuals, so their addresses in the To field are shown to each other (All Email 3)."""
    reply, _ = ask(assistant, "I work in the fostering team. We email all our foster carers a monthly update with the "
                              "children's first names in it, about 150 of them in the To box. Is that ok?")
    assert reply.verdict is NOT and reply.rule_id == "addresses-shown"


def test_the_hub_as_who_spoke(assistant):
    """"Hub said they'd take it from here": the Safeguarding Hub, told by phone: the written follow-up within 48
    hours is still owed."""
    reply, text = ask(assistant, "Hub said they'd deal with it after I rang them. Anything else I need to do?")
    assert reply.rule_id == "hub-call" and "48 hours" in text


def test_whom_the_safe_haven_procedure_covers_is_not_settled(assistant):
    """The protocol names the corporate Safe Haven procedure and says both apply, not whom that procedure covers: a
    question whether it "applies to" other organisations is answered as unsettled, not "follow both"."""
    reply, _ = ask(assistant, "Does the safe haven procedure apply to the private nurseries we work with?")
    assert reply.verdict is ASK and reply.faq_id == "safe-haven-content"


def test_a_visit_to_a_named_child_is_about_that_child(assistant):
    """"I'm collecting Oskar on Monday at 12": when and where, and whom, by name: the name identifies the child, so
    the email to the school ("her secondary") carries personal information and gets the school's steps."""
    reply, _ = ask(assistant, "Can I email her secondary that I'm collecting Oskar on Monday at 12?")
    assert reply.verdict is AWC and reply.rule_id == "email-to-school"


def test_a_way_someone_has_not_got_is_not_the_way_asked(assistant):
    """"she's not got a work email": email is what she lacks, so WhatsApp is the way asked about."""
    facts = assistant.reader.read("can i whatsapp the foster carer the care plan, she's not got a work email").facts
    assert facts.channel == "text"


@pytest.mark.parametrize("question, verdict, rule", [
    # the protocol's own minimum asked about, not a password proposed: "min" is no password, "10" a length
    ("is the zip pasword min 6 chars or 12??", None, None),
    # a council next door is another council
    ("Can I email the child's plan to the social worker at the neighbouring council?", AWC, "external-email"),
])
def test_session_41_round_b_more(assistant, question, verdict, rule):
    reply, _ = ask(assistant, question)
    assert not (reply.rule_id or "").startswith("password-") or reply.rule_id == "password-meets-rules", question
    if verdict is not None:
        reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # a conclusion told with its reason and a question mark ("..., that covers it, since ...?") is put forward to be
    # agreed: the rule's No for what it proposes, a name in the subject line
    ("If I title it 'CONFIDENTIAL – Smith twins LAC review' that covers it, as it says confidential?", NOT,
     "email-pid-in-subject"),
    # "good practice?" judges what was just proposed, as "good idea?" does
    ("I'd rather copy my whole team in on every email about this girl so we're all aware. Normal practice?", NOT,
     "cc-too-many"),
    # "when ..." opening a clause, the conclusion after it: a proposal, not a question about when
    ("Sharing is allowed, so when the health trust asks about a child I should just send them his whole file?", NOT,
     "send-everything"),
    # "..., do I?" with its question mark, as without it: agreement asked for
    ("Teams chat is classed as internal so I don't need to take the child's name out, do I?", NOT,
     "still-identifiable"),
    # a class of Royal Mail post is the post
    ("Can I send the child's plan to his grandmother by 1st class post?", ASK, "channel-not-covered"),
    # (round 99's readings)
    # the council's own lawyers, in-house, are colleagues
    ("Can I email the in house solicitor the child's chronology?", AWC, "internal-email"),
    # the whole form for the one line needed from it
    ("The interpreter service only needs mum's phone number, so I'll just send them the whole assessment form with it "
     "on. OK?", NOT, "send-everything"),
    # the subject a reply keeps from its thread
    ("The thread subject is 'Jayden Cole - LAC review'. Fine to leave it when I reply with the minutes?", NOT,
     "email-pid-in-subject"),
    # an application for an emergency protection order is child protection information: never faxed
    ("Can I fax the EPO application to the family court this afternoon?", NOT, "fax-highly-sensitive"),
    # (round 100's readings)
    # "no issue with that?" judges what was just proposed, as "any issues with that?" does
    ("We prefer to leave the PID emails in our sent items as a record - no problems with that?", NOT,
     "mailbox-copies"),
    # papers about FGM are child protection information, never faxed, whatever else the question says
    ("Just wondering - if I ever needed to get a girl's FGM risk assessment to her GP in a hurry, could I fax it?",
     NOT, "fax-highly-sensitive"),
    # how long to "hang on to" something is how long to keep it: the protocol sets no period
    ("How long should the team hang onto the old fax transmission reports?", ASK, "faq:keeping-period"),
    # a therapist is outside the council (a health service's or private)
    ("Can I email the occupational therapist the child's care plan? She's not council.", AWC, "external-email"),
    # the whole chronology "so they've got the full picture", where one fact was asked for: everything
    ("The GP only asked if the family had moved. Can I send her the whole chronology so she's got the full picture?",
     NOT, "send-everything"),
    # "so there's no harm ...": a conclusion put forward, as "so it's fine to ..." is
    ("Internal email counts as secure, so there's no harm typing the child's name and address into the body?", NOT,
     "email-pid-in-body"),
    # (session 43, round 101's readings)
    # what the user may do, told for agreement, is proposed as "I'll" is: "I can paste it in, right?"
    ("It's only going to my own manager, so I can just paste the boy's name and address into the email, yeah?", NOT,
     "email-pid-in-body"),
    # ... and what someone asks the user to do: "my manager wants me to ..."
    ("The deputy wants me to put every looked-after child's name and school in the body of the weekly email.", NOT,
     "email-pid-in-body"),
    # a password kept "for everything" is one password for every transmission
    ("We set up a really strong password with the solicitors last year and use it for everything now. Fine?", NOT,
     "password-reused"),
    # an account signed off by its own holder is not authorised by a senior manager
    ("Could I authorise my own gsx account application? I'm a team manager.", NOT, "self-made-secure-account"),
    # what a document inside the zip is to be called is its file name
    ("Can the report inside the zip be called Amy Wood referral.docx?", NOT,
     "identifying-file-name"),
    # a phone's own folders are where a file is kept on the device, as a laptop's are
    ("Is it alright to keep the encrypted file in my phone downloads for the hearing?", NOT, None),
    # parents copied in on one email see each other's addresses: told as done, what to do now
    ("I copied all the parents in on the class email about their children's reports - is that a problem?", ASK,
     "addresses-shown"),
    # when a review is, texted as a reminder, identifies no one's information
    ("Can I text dad to remind him about the child in need review on Thursday at 2?", AWC, "text-logistics"),
    # "no real rush" is not urgent, as "no rush" is
    ("Fax the school the child's health plan? There's no big rush on it.", NOT, "fax-not-urgent"),
    # whether an email needs the marking asks about the duty, not to put personal details in the subject
    ("Does an internal email with the child's chronology attached need CONFIDENTIAL in the subject?", AWC,
     "email-pid-in-subject"),
    # "until IT fix it" is the service desk mending an outage, not the user putting a slip right: keeping on with
    # a personal account is proposed, and refused
    ("Work email died on Friday so I used my Yahoo for a couple of referrals. Can I carry on with Yahoo till IT fix it?",
     NOT, None),
    # a fax printed at the user's end was received: the sender's slip, what the recipient does the protocol leaves
    # to the manager
    ("A safeguarding referral about a boy we don't know came through on our fax this morning. What do I do with it?",
     ASK, "fax-highly-sensitive-received"),
    # the professionals round a child are from several agencies, and may see each other's work addresses
    ("Is it OK to put all the professionals from the strategy meeting in the To line together?", AWC,
     "addresses-shown-professionals"),
    # "that ticks the box?" judges what was just told, as "good practice?" does
    ("The email with the plan is out of Sent Items now but still in Deleted Items. That ticks the box?", NOT,
     "mailbox-copies"),
    # (session 43, round 103's readings)
    # a step said to be spared by the disclaimer, however worded: the disclaimer takes the place of nothing
    ("Disclaimer gets added to all our external mail so I can skip the bit asking them to delete it after use?", NOT,
     "faq:disclaimer-not-enough"),
    # (session 44, round 104's readings)
    # the press and elected members: the protocol is silent, so the manager
    ("A councillor emailed asking how a looked-after boy in her ward is getting on. Can I reply with an update?", ASK,
     "public-office-not-covered"),
    ("Someone from the Evening News rang wanting a comment on the girl in foster care. What can I say? I'm a reporter's "
     "dream apparently.", ASK, "public-office-not-covered"),
    # where a story appeared is no one to share with
    ("The family were all over the press last year, so is their address still confidential? Can I email it to mum's "
     "advocate?", AWC, None),
    # a way that works only some of the time is not the way: the other is the one asked about
    ("The GP surgery's secure inbox is flaky at weekends so they said fax the police protection paperwork. Fine?",
     NOT, "fax-highly-sensitive"),
    # the password sent in its own email, with words between: still by email
    ("I send passwords on to the school in a separate email a few minutes later. Is that right?", NOT, None),
    # a practice told, and whether it must change asked: whether it is all right
    ("We've always put the initials and DOB in the subject of referrals. Do I need to change what we do?", NOT,
     "email-pid-in-subject"),
    # more than is needed, said outright, or whoever comes asking
    ("Police only asked for the date of the incident but I'll send the full chronology. Better to overshare?", NOT,
     "send-everything"),
    ("It's on Facebook already so I'll forward the assessment to anyone who asks, fine?", NOT, "cc-too-many"),
    # how a request is handled is not settled by the protocol, whatever way it came in
    ("Got a freedom of information request in my inbox this morning, how long do I have to reply?", ASK,
     "faq:subject-access"),
    # a subject the protocol never names: the nearest words are not its answer
    ("Does the protocol say anything about sharing information when a child dies?", ASK, "protocol-words"),
    # the steps asked for by asking to be walked through them
    ("I need to zip a PEP to the virtual school and the file has the child's name on it. Could you talk me through it?",
     AWC, None),
    # the number shortened, or a fax taken by someone it was not for: a slip to report
    ("Sent the fax to the wrong no by mistake, what now", ASK, "misdirected"),
    ("My fax was sitting on the machine and someone else picked it up before I got there. Who do I tell?", ASK,
     "misdirected"),
    # a webmail account spelt by ear
    ("Can I send it from my hotmale just this once?", NOT, "webmail-account"),
    # nothing about anyone, said outright
    ("Can I email the holiday club timetable (nothing about any child) to the enquiries@ address?", ALLOWED,
     "email-no-personal"),
    # deleting what was left in sent items, proposed now: the protocol's own step
    ("Never cleared my sent items since I started. Should I delete them all now?", AWC, "mailbox-copies"),
    # a child's placement papers and immunisations are sensitive: a fax asks whether it is urgent
    ("Can I fax the placement plan to the residential home?", ASK, "ask-urgent"),
    ("Can I fax the baby's vaccinations record to the GP?", ASK, "ask-urgent"),
    # (round 105) what goes to the Hub is safeguarding information: never faxed or texted, follow-up included
    ("After I ring the Hub can I fax them my written referral tomorrow?", NOT, "hub-by-fax-or-text"),
    # an email thought to be no record is written as if the person could read it
    ("It's off the record so can I write what I really think of the stepdad in my email to the school?", NOT,
     "off-the-record"),
    # what is left once the name is off, called anonymous, still identifies
    ("Surname gone, just initials and DOB - that's basically anonymous, so can I email it to the dentist?", NOT,
     "still-identifiable"),
    # sent where it should not have gone, however it is told
    ("I replied to all by mistake and the carer's new address went to the whole core group", ASK, "misdirected"),
    ("I emailed the plan to who I thought was the IRO but it was someone else", ASK, "misdirected"),
    ("A nurse rang to say she received it in error - what do I do?", ASK, "misdirected"),
    ("Just found out the distribution list I sent the minutes to yesterday still has people on it who left last year",
     ASK, "distribution-list-stale"),
    # a premise the disclaimer FAQ refutes, with a choice of steps in it: still the premise
    ("The council disclaimer gets added to all outgoing mail by itself, so I don't need to add the delete-after-use "
     "wording or CONFIDENTIAL?", NOT, "faq:disclaimer-not-enough"),
    # a password named, then the child's details proposed for it
    ("password for the zip - can i just use her initials lol", NOT, "password-about-child"),
    # a whole office, or everyone on a list
    ("ok to cc the whole office on my update about the twins?", NOT, "cc-too-many"),
    # a worker's name and number are the service's, not the child's
    ("Can I text the care leaver the name and number of their new worker?", AWC, "service-contact"),
    # (round 106) every sent email kept, as good practice: the mailbox is not the place
    ("We never clear out sent items here - we keep every sent email with case details as our record. That's right "
     "isn't it?", NOT, "mailbox-copies"),
    # letting off steam about a parent is writing as if no one else will read it
    ("Can I email my colleague to let off steam about dad, using his name? It's only internal", NOT, "off-the-record"),
    # details typed at the top of the body are in the body
    ("Can I put the child's full name and DOB at the top of the email to legal so they know who it's about?", NOT,
     "email-pid-in-body"),
    # many recipients hidden in BCC are still many
    ("If the addresses are hidden in bcc can I send the boy's plan to a large group of partners?", NOT, "cc-too-many"),
    # setting the protocol aside, however the protocol is named
    ("As long as I stick to the Safe Haven procedure, can I just ignore the children's services protocol?", NOT, None),
    # the one way named is the one he lacks, and how to get it to him is asked: not email refused, the safe way
    # (session 46: email he has none of is no way at all, and the common question of secure ways answers)
    ("Grandad doesn't have email. How do I get the contact schedule to him?", AWC, "faq:secure-large-file"),
    # a reminder of when something is, by text
    ("Can I text the care leaver to remind her she's got her pathway review on Thursday at 2?", AWC, "text-logistics"),
    # a breach only likened to
    ("Giving the child's address over the phone to the Hub feels like a breach - do I have to?", AWC, None),
    # (round 107) whatever is pasted into the email is in its body
    ("Our admin want me to copy and paste the spreadsheet of LAC birthdays into the email to the fostering team. OK?",
     NOT, "email-pid-in-body"),
    # an appointment's time by WhatsApp is logistics
    ("can i whatsapp mum the appt time for the clinic?", AWC, "text-logistics"),
    # a journalist asking, after the family went to the paper: the protocol's silence, not a missing family
    ("The parents have gone to the papers about us and a reporter wants a quote. Can I give one?", ASK,
     "public-office-not-covered"),
    # a child's removal is no removable drive (they shared a stem): the email stays the way asked about
    ("Can I email the removal plan to legal? They're council too.", AWC, "internal-email"),
    # everyone copied in on one email sees each other's addresses
    ("I send the review minutes to the SW, the school and the nurse in one email with everyone cc'd. Fine?", AWC,
     "addresses-shown-professionals"),
    # (round 108) "w/out" is without, however short; a password put under the signature is in the email
    ("can i email the LAC review to the IRO's agency w/o zipping it? theyre nhs", NOT, "email-unencrypted"),
    ("I'll pop the password in my signature of the same email so they have it - fine?", NOT, None),
    # a way not working, and the options asked: the safer ways and the rules' question, not the dead way's words
    ("The fax has packed up and this can't wait. What else can I do?", ASK, "ask-channel"),
    # (session 45) an encryption product the protocol does not name is its silence, not the 7-Zip steps
    ("Is the Office 365 message encryption good enough for sending the plan to the GP?", ASK, "channel-not-covered"),
    # a document's own password, however the document is named
    ("Can I just put a password on the Word file itself before I email it to the school nurse team?", NOT,
     "weak-encryption"),
    # emails kept in the mailbox's folders; Outlook named only as where something is done is not keeping
    ("Is it ok to file the family's emails in my Outlook folders so I can find them again?", NOT, "mailbox-copies"),
    ("Using Outlook, can I email my manager the chronology? We're both in the council.", AWC, "internal-email"),
    # encrypted, a laptop and its own drive: the local drive, not the rules' question
    ("Our laptops are encrypted, so am I alright keeping the referral on the desktop?", NOT, "faq:usb-stick"),
    # (round 109) clearing sent items called needless is keeping them
    ("Our mailboxes have passwords, so I don't need to bother clearing the children's reports out of sent items, right?",
     NOT, "mailbox-copies"),
    # a password opening the message, called decent
    ("Kt4mw9 is a good password for the encrypted zip, right?", NOT, "password-too-short"),
    # a detail in the subject, the marking told as the user's own act, asked with a question mark
    ("Subject: CONFIDENTIAL re Ruby T, 14/02/17 - all fine now I've marked it?", NOT, "email-pid-in-subject"),
    # the disclaimer's premise told with a step to skip, and no FAQ matched otherwise
    ("The disclaimer goes on automatically, so I can skip writing the delete-after-use line?", NOT,
     "faq:disclaimer-not-enough"),
    # a class asked, and what the user was going to do told: the doing is the question too
    ("Is a postcode on its own PID? I was going to put just the postcode in the email body to the nurse.", NOT, None),
    # the name left out, the rest kept
    ("I left out his name but kept his school and his rare condition - email it unencrypted to the clinic, yes?", NOT,
     "still-identifiable"),
    # "HV" is the health visitor
    ("Can I email the HV the child's plan?", AWC, "external-email"),
    # a blank form names no one
    ("Is it fine to send a blank referral form to the charity's info@ address?", ALLOWED, None),
    # CONFIDENTIAL asked of an email with nothing about anyone
    ("Does CONFIDENTIAL need to go on an email that just books a room, no case details in it?", ALLOWED, None),
    # a generic address passed over for a named one
    ("Rather than the GP practice's admin@ inbox, can I send the referral to the GP's own nhs address?", AWC,
     "external-email"),
    # what comes of what is already in the mailbox, asked: what to do now
    ("I've just realised my deleted items are full of emails about the kids. Will I get in trouble?", AWC,
     "mailbox-copies"),
    # a mailbox named for the desk that reads it, or said to be shared: generic
    ("The clinic wants it sent to their admissions nhs.net inbox. OK if the zip is encrypted?", NOT,
     "email-to-generic-address"),
    ("Their CAMHS inbox is read by the whole admin team. Can I email the referral there?", NOT,
     "email-to-generic-address"),
    # more than was asked for, added for good measure
    ("The IRO wants the latest care plan. Shall I send her the previous ones as well?", NOT, "send-everything"),
    # (round 110) the holder letting the user into her account
    ("My manager has cjsm. She says she'll let me log in on her PC to send the court docs - ok?", NOT,
     "borrowed-account"),
    # the whole list, however many words come between the BCC and it
    ("Once the addresses are all in BCC, can the child's plan go to the whole multi-agency list?", NOT, "cc-too-many"),
    # a proposal judged: "anything wrong with that?"
    ("Subject line reads 'Core group - Leo P, DOB 9/9/19'. Anything wrong with that?", NOT, "email-pid-in-subject"),
    # "can't find" is the user's trouble, not a question opening with "can't"
    ("can't find anything on how long we should keep case emails, what's the rule?", ASK, "faq:keeping-period"),
    # a form or template asked for: the protocol has none, and says so, with what it does say
    ("Is there a template I should use for the written follow-up to the Hub?", ASK, "no-template"),
    # unsure whether to share at all, asked what the protocol says: its answer to not being sure
    ("Grandad wants dad's new phone number passed to his solicitor and I honestly don't know if I'm allowed to give it. "
     "What does the protocol say about sharing?", ASK, "faq:not-sure"),
    # a looked-after child's education plan, and a child's screening scores, are sensitive
    ("Need to get a PEP over to the virtual school head. What's the process?", AWC, "email-to-school"),
    ("Can I text the SDQs to the foster carer?", NOT, "text-personal"),
    # ... but the plan's meeting, reminded of, is logistics
    ("Ok to text the carer a reminder that the PEP meeting has moved to Friday?", AWC, "text-logistics"),
    # where the CONFIDENTIAL marking applies, asked: not the subject-line FAQ's No
    ("Does marking emails CONFIDENTIAL apply to internal ones too?", AWC, None),
    # the software's suggestion, and the user's pick from it
    ("Outlook came up with four Jos and I just clicked the top one, is that ok?", NOT, "choose-recipient"),
    # (round 111) "old school" said of fax is the idiom; a DV incident log is safeguarding information
    ("Fax is a bit old school I know, but can I fax the domestic incident log to the housing team?", NOT,
     "fax-highly-sensitive"),
    # whatever the user judges might help is more than is needed
    ("Data protection isn't a barrier, so I can share whatever I think might help the family, right?", NOT,
     "send-everything"),
    # told as done, and whether anything is needed now, asked
    ("The child's name went in the subject of an email that's gone to the school. Does that need doing anything about?",
     ASK, None),
    # gone to more people than it should
    ("Sent the minutes to the whole locality list when they should only have gone to the core group. What now?", ASK,
     "misdirected"),
    # the protocol's nearest words give no leave
    ("The hospital sent us a discharge letter about dad's mental health we never asked for. Can it go on the child's "
     "file?", ASK, "protocol-words"),
    # "to get advice" is why the user would post, not advice asked of SafeShare
    ("Can I post about a child, no name, in a Facebook group for adopters to get advice?", NOT, None),
    # an agreement said to spare the encryption: the email's zip, to an outside body
    ("There's a sharing agreement with the CAMHS trust, so no need to encrypt the referral, is there?", NOT,
     "email-unencrypted"),
    # (round 112) the password named, then "it" put at the bottom of the email
    ("She's expecting the password so I'll put it at the bottom of the email with the zip. Fine?", NOT, None),
    # a mix of letters and digits opening the message, told of; not a tool or a year group
    ("Kq2019 has a capital and numbers so it's ok as the zip password, yes?", NOT, "password-too-short"),
    ("7zip is asking me to re-enter the password, do I type the same one again?", AWC, None),
    # "password protected" describes the zip; a permissive FAQ does not answer a stick the rules refuse
    ("The zip's password protected so I can keep it on my memory stick, can't I?", ASK, "ask-kind"),
    # (round 113) a received fax the user asks to read: only the person its cover sheet names may
    ("There's a fax on the machine addressed to the duty SW who's off sick. Am I ok to read it?", ASK,
     "fax-received-read"),
    # the Hub already rung, and someone else named to receive it by email: the email to them is what is asked
    ("The Hub are already involved about the bruising. Can I email the nursery the family's new address?", AWC,
     "external-email"),
    # the 7-Zip FAQ needs the tool or what it does named: not "I can't find anything on this in the guidance"
    ("Dad wants the contact photos sent on Facebook Messenger. I can't find anything on it in the policy, help?", NOT,
     "text-personal"),
    # the user's own family's email is a personal account, like their own
    ("Printer's broken at the office, can I email the court report to my wife's email and print it at home?", NOT,
     None),
    # a way refused for anything personal gets no Allowed from the protocol's nearest words
    ("Can a council SD card be the secure folder for my unencrypted copies?", ASK, "ask-kind"),
    # the protocol's own name for Objective Connect
    ("Which team sets up secure file sharing for a guardian's solicitor?", AWC, "objective-connect"),
    # words of stress change nothing asked: the common question of the plain form
    ("Honestly what actually happens to me if I lose a child's file?", ALLOWED, "faq:breach-consequences"),
    # "forgot 2 bcc" is "forgot to bcc", as "need 2 encrypt" is; whether to worry is asking what now
    ("forgot 2 bcc the parents on the invite n they all got each others emails, wat now", ASK, "misdirected"),
    ("Yesterday I emailed the CIN plan to the school's admin@ address. Should I be worried?", ASK,
     "email-to-generic-address"),
    # "in the text" of a message that is an email is the email's words; a text to someone is a text
    ("Writing an email to my manager about the family - is it ok to put the boy's first name in the text?", AWC,
     "internal-email"),
    # a consent form names the child; a recipient who can't take email leaves the fax, urgency asked
    ("The optician can't take email, can I fax over the signed consent form for the child's glasses?", ASK,
     "ask-urgent"),
    # needed only later is the user's word that it can wait: no fax
    ("The portal's down - can I fax the school the child's new address? They don't need it until the 20th.", NOT,
     "fax-not-urgent"),
    # (round 114) a dental practice is an outside body: the duty to safeguard spares no encryption
    ("The duty to safeguard comes first, so I can skip zipping the CP plan I'm emailing the dental surgery, right?",
     NOT, "email-unencrypted"),
    # "anything I need to do?" after a slip asks what now; "anything I need to do first?" before a sending does not
    ("I emailed the health visitor this morning with the baby's full name in the subject. Anything I should do?",
     ASK, "email-pid-in-subject"),
    ("The file's saved as 'Jones_K_LAC_review.docx'. Anything we need to do before we zip it?", AWC,
     "identifying-file-name"),
    # a list found to hold someone who left: what now, with the list's own rule
    ("Emailed the strategy notes to our DL and it turns out a social worker who left in March is still on it.", ASK,
     "distribution-list-stale"),
    # whether the protocol covers a subject it never names: its silence, not a common question
    ("Does the protocol say anything about sharing with a step-grandparent who has no parental responsibility?",
     ASK, "faq:not-sure"),
    # a court order said to be absent says nothing of what is sent; the court in it is not who receives it
    ("Nan wants the CIN plan emailed to her. There's no court order yet. Is that ok?", NOT,
     "email-to-individual"),
    # (README trial, session 46) a recipient with no email leaves email out: the way is asked
    ("Can I get the safety plan to a kinship carer who doesn't have email?", ASK, "ask-channel"),
    # received, and by mistake, with words between: the statement for mail not meant for you
    ("I've received a referral about another family by mistake, with an attachment. What should I do?", AWC,
     "not-intended-recipient"),
    # (round 113) no time had is nothing received; sent "plain" is sent unprotected; a strategy meeting's outcome
    # is child protection information
    ("The solicitor wants the contact notes and I've not got time to faff about. Can I send them plain?", NOT,
     "email-unencrypted"),
    ("The IRO wants the strategy minutes, can I fax them?", NOT, "fax-highly-sensitive"),
    # a whole staff is no need to know
    ("Can I email the child's care plan to all the teachers at her school so they're aware?", NOT, "cc-too-many"),
    # ten or more children counted is a figure, not a child (not a list with their names)
    ("Can I email the CCG this, no names: '31 children became looked after in March'?", ALLOWED, "email-no-personal"),
    # personal information named in general, put "in an email": whether email will do, not the email's body
    ("Is it ever ok to put personal information in an email?", AWC, "faq:email-for-personal-information"),
    # (checker round 80) being on a long thread taken for a need to know; a thread "already running" is no act done
    ("A 25 person email chain is already running; can I reply all with the foster placement address because "
     "everyone is on the chain?", NOT, "cc-too-many"),
    # a list left alone for years is not checked regularly
    ("Our LAC review distribution list hasn't been looked at in years. Can I still use it to send the minutes?", NOT,
     "distribution-list-stale"),
    # destroying papers: the protocol covers sending, not shredding
    ("Should the old contact notes be shredded when the case closes?", ASK, "faq:disposal"),
    # a fax that came in, left where anyone can read it: the protocol does not say how faxes that arrive are kept
    ("Incoming faxes for the duty team get left in the tray by reception for whoever's in. Is that ok?", ASK,
     "fax-left-unattended"),
    # a step the thing itself lacks, asked to be agreed with: No, then the steps
    ("The fax header we've always used hasn't got the confidentiality warning on it. That's fine, isn't it?", NOT,
     "faq:fax-cover-sheet"),
    # the user's own lateness, by text: nothing about anyone
    ("Can I text dad that I'll be 15 mins late for the home visit, the traffic is awful?", AWC, "text-logistics"),
    # (rounds 114, checker 81) an appointment that is itself intimate health is no mere time
    ("Is a text ok to remind a 16 year old about her termination appointment on Friday?", NOT, "text-personal"),
    # a caller is on the phone, which the protocol has no rule for
    ("A caller says he's her probation officer and wants the child's new address. Can I just tell him?", ASK,
     "channel-not-covered"),
    # a zip to bear the child's name is a file named after them
    ("Can the zip have the child's surname so the GP knows who it's about?", NOT, "identifying-file-name"),
    # "but not his name": the name struck out, the rest kept
    ("The supplier only needs his very rare syndrome and the town, but not his name. That's anonymous then?", AWC,
     "still-identifiable"),
    # a recipient who will not use a route leaves it out, as one who cannot does; a stick given to the user, asked
    # to be saved onto, is removable media
    ("The adoption agency refuses to use Objective Connect. Can I email them the CPR instead?", AWC, "external-email"),
    ("Mum gave me a USB stick with her statement on it. Can I copy my assessment onto it for her?", NOT,
     "removable-media"),
    # the papers of a child in need meeting are safeguarding papers; the way asked last decides the question's form
    ("Can I fax the CIN minutes to the school nurse?", NOT, "fax-highly-sensitive"),
    ("Can the new school have the review paperwork this week? Which route should I use?", AWC, "email-to-school"),
    # (round 115, checker 82) a conclusion after "then", asked with a question mark, is a proposal
    ("When the subject line says 'CONFIDENTIAL - Kai Brown CIN plan' then that's us covered?", NOT,
     "email-pid-in-subject"),
    # an office's mailbox is a generic one; the user's own login lent out; sent by mistake by the user
    ("I'll copy the practice office mailbox in as well so they have it on file, is that ok?", NOT,
     "email-to-generic-address"),
    ("Could I give the business support officer my Objective Connect login so she can upload the files?", NOT,
     "borrowed-account"),
    ("We emailed the strategy notes to the old school by mistake. Can we just ask them to bin it?", ASK, "misdirected"),
    # a young person asking whether they may read their own file is a subject access request
    ("A young person asked whether he can read what's been written in his file. Can I just let him?", ASK,
     "faq:subject-access"),
    # more people told for its own sake is no need to know
    ("I'll email the minutes to the whole team list, the more people that know the better, right?", NOT,
     "distribution-list-too-many"),
    # an email's words given after a dash are its body; a verdict word first ("fine as ...?") asks for the proposal
    ("Quick email to my manager - 'saw Kayla M at 22 Mill Lane this morning, all ok'. Fine as it's internal?", NOT,
     "email-pid-in-body"),
    # a second phone word soon after the one that rings with the password is the same call
    ("The GP is going to ring me for the password of the zip. Is that allowed, or do I have to be the one who phones "
     "the GP?", AWC, "faq:password-by-phone"),
    # (round 118, checker 83, general 116) a file told as given someone's name, already sent: what to do now
    ("Emailed the encrypted PEP to the college yesterday but saved the zip under the pupil's surname. What now?", ASK,
     "identifying-file-name"),
    # 7-Zip's encryption method left at its default is not AES-256 (the archive format's default is another matter)
    ("Is it fine to just keep the encryption method on the default when I zip the plan?", NOT, "weak-encryption"),
    # the whole of a file, with a word between; not said of what is not sent
    ("Can I send the complete school record to the football club?", NOT, "send-everything"),
    # no trouble in it, asked to be agreed: a proposal
    ("There's no problem forwarding the complete case record to the youth club leader, is there?", NOT,
     "send-everything"),
    # a check said not to be needed on a thread: No
    ("I'm forwarding the GP the email thread, so I don't need to bother reading through the earlier emails, do I?", NOT,
     "faq:forward-thread"),
    # a distribution list is an email's addressees
    ("Is it ok to use the whole-school distribution list to tell staff a pupil is on a child protection plan?", NOT,
     None),
    # a file received and saved to a home computer, though it came to the inbox
    ("A zipped referral from the health visitor is in my inbox; can I save it onto my own home PC to read tonight?",
     NOT, "removable-media-received"),
    # the Hub given writing instead of the call
    ("Rather than phone the Hub with my worry, can I just email them the details?", NOT, "hub-instead-of-call"),
    # the protocol asked to give leave, not asked about as a document
    ("Does the information sharing protocol allow us to use a US-hosted school system for safeguarding notes?", ASK,
     "faq:who-to-ask"),
    # letters the user posts: post, not the fax it is compared with
    ("Should letters with personal details that I post be logged the way faxes are?", ASK, "channel-not-covered"),
    # a slip told with a cry for help: what to do now
    ("help, I've put the password in the same email as the attachment and it's already gone", ASK,
     "password-emailed-by-me"),
    # someone else's slip: received with the name in the subject, or to a personal account
    ("Health have emailed me a referral with the baby's name and DOB in the subject. Anything I should do?", ASK,
     "received-pid-in-subject"),
    ("The school emailed a pupil's report to my personal Gmail by mistake - what should I do?", ASK, "misdirected"),
    # a fax that came for someone elsewhere is returned, as the cover-sheet message says
    ("We've received a fax that was intended for the hospital ward - what do we do?", AWC, "not-intended-fax"),
    # something printed for everyone about a harm identifies no one
    ("Can I email all the parents the self-harm awareness leaflet from CAMHS?", AWC, None),
    # (round 119, checker 84, general 117) text-speak for "without"; being on the first email is no need to know
    ("can i send the pep 2 the college wivout encryptin it", NOT, "email-unencrypted"),
    ("Everybody on the multi-agency chain was on the first email, so reply all with the new address is fine, isn't it?",
     NOT, "cc-too-many"),
    # the protocol's silence on sending abroad, whatever words of a request come with it
    ("Social services in Romania are asking for the boy's file. Can we send it?", ASK, "faq:overseas"),
    # someone else's slip received, with what to do asked: the rule's own answer, not a No to the user
    ("The health visitor emailed me the zip with its password in the same email. Is that a problem and what should I "
     "do?", AWC, "password-emailed-already"),
    # (round 120, checker 85, general 118) the disclaimer said to cover what encryption would: No
    ("Rather than zipping it, can I send the minutes to the trust as they are? Our disclaimer covers us.", NOT, None),
    # ... or only said to be sent as it is: never the disclaimer FAQ's Allowed
    ("The automatic disclaimer covers us, so can I just send the external email to the trust as it is?", ASK,
     "ask-kind"),
    # a way ruled out, another proposed: the one proposed
    ("Mental health stuff can't be faxed, so can I post the CAMHS letter instead?", ASK, "channel-not-covered"),
    # when a sending is allowed, asked: the rules' conditions, not what the words for the information mean
    ("When would it be acceptable to include the child's name, postcode and date of birth in a fax?", ASK,
     "ask-urgent"),
    # a file only named, not sent: the name given is the answer's No
    ("what do I name the zip? I've called it 'Jayden Smith CIN plan.zip'", NOT, "identifying-file-name"),
    # a slip done, then what now asked in other words: what to do now
    ("I pasted a boy's name and DOB into the body of an internal email. How do I handle that?", ASK,
     "email-pid-in-body"),
    ("I forwarded the minutes from my hotmail when outlook was down. What do I need to do now?", ASK, None),
    # "was that wrong?" asks yes or no about the act told: the rule's No
    ("I typed the child's address into the body of an email to a colleague in housing. Was that wrong?", NOT,
     "email-pid-in-body"),
    # (round 121) a quoted text telling a test's finding carries health information
    ("can I text the lad 'your test came back positive for cocaine, ring me'?", NOT, "text-personal"),
    # (round 122) everyone ever involved is not who needs to know; one password kept for the year is not new
    ("I'm going to copy in everybody who has ever worked with the family on the minutes, that's fine isn't it?", NOT,
     "cc-too-many"),
    ("The school and I agreed one secure password back in September for all the encrypted reports. That's fine, yes?",
     NOT, "password-reused"),
    # (round 123) a department's address is generic; a person asked for, the protocol naming none, is not settled
    ("Can I send the encrypted referral to finance@fosteringagency.co.uk?", NOT, "email-to-generic-address"),
    ("Who's our Caldicott Guardian?", ASK, "faq:who-to-ask"),
    # the check of what a reply carries, proposed skipped; leave put forward with no limit
    ("Replying all to the core group chain now, I don't need to look at all the earlier emails, do I?", NOT, None),
    ("The duty to safeguard trumps everything, so I can share whatever with whoever asks, right?", NOT, None),
    # (round 124) every address shown, told as done
    ("I sent the newsletter to the adopters and their emails were all in the cc. Is that a problem?", ASK,
     "addresses-shown"),
    # (session 50) a quoted subject of the marking and what the email is names no one; one with a detail, asked as
    # "Problem?", is judged
    ("Would 'Confidential - strategy meeting minutes' do for the subject line?", AWC, "email-pid-in-subject"),
    ("can my subject just say 'CONFIDENTIAL referral'?", AWC, "email-pid-in-subject"),
    ("Subject line reads 'Ellie R - CAMHS letter'. Problem?", NOT, "email-pid-in-subject"),
    ("I'll put 'Confidential' and her first name in the subject line, ok?", NOT, "email-pid-in-subject"),
    # an address's own kind said after it is where it goes, not a detail sent; a mailbox's "general address" is no
    # home address
    ("Can I send the CP referral to the info@ address for the youth charity?", NOT, "email-to-generic-address"),
    ("ok to email the nursery's general address asking the manager to ring me, nothing about any child in it?",
     ALLOWED, None),
    # what came from someone's personal account, what now asked; a reply asked is a sending
    ("A parent sent me her son's hospital letters from her yahoo account. What should I do with them?", ASK,
     "received-from-personal-account"),
    ("A parent sent me her son's hospital letters from her yahoo account and wants me to reply with the plan. Can I?",
     NOT, "email-to-personal-account"),
    # the sender's slip, told without an article: what the user does now, not the No to sending it
    ("Sender included the password in the same email as the zip. Am I still ok to open it?", AWC,
     "password-emailed-already"),
    # said to have a password is what it is, not a password asked about: what is on it decides
    ("Can I keep a spare copy on my own USB stick? It has a password.", NOT, None),
    # a document written short
    ("can i fax the camhs rpt to the gp", NOT, None),
    # a remedy put forward after a slip is what now
    ("I texted the childminder the boy's diagnosis by mistake. Should I just delete the text?", ASK, None),
    # every one of several, sent to save time; "all the time" is how often
    ("The court wants the March statement and we hold four. Can I email them all to save time?", NOT, "send-everything"),
    ("We fax the surgery all the time - can I store their number in the fax memory?", ALLOWED, None),
    # where the marking goes, offered as a choice: the steps, not a No
    ("For a fax, does CONFIDENTIAL go on the cover sheet only or on every page?", AWC, None),
    # how to send it, asked of what the definitions name: the rules' next question, not what PID is
    ("The form has the child's name and date of birth on it. What do I need to do to fax it to the court?", ASK,
     "ask-urgent"),
    # (round 126) a password built on the word itself; a document's own password offered instead of 7-Zip; everyone
    # in a team copied in
    ("is 'Password2026' alright for the encrypted zip?", NOT, "password-common"),
    ("Is 'Summer2026' ok for the zip password?", AWC, "password-guessable"),
    ("Could I just use password protection in Word rather than 7zip?", NOT, "weak-encryption"),
    ("ok to cc everyone in the team on the strategy notes email?", NOT, "cc-too-many"),
    # (round 127) someone else's secure login; a zip named after the child, in text speak; a request rung through
    # for a personal address; the right way asked of one's own; internal said of a sending; a charity by name
    ("can I log into his cjsm to send the report to probation?", NOT, "borrowed-account"),
    ("ok to name zip wiv the kids surname? easier for skool", NOT, "identifying-file-name"),
    ("The IRO rang asking me to email the review minutes to her gmail as her laptop is broken. Can I?", NOT,
     "email-to-personal-account"),
    ("The provider wants us to email it as usual: the carers' bank details. What's the correct way to send it?", AWC,
     "email-unencrypted"),
    ("Forwarding the chronology to our legal team - it's internal, so nothing else needed?", AWC, "internal-email"),
    ("Can I email the NSPCC the referral without encrypting it?", NOT, "email-unencrypted"),
    # (round 128) a reply-all told, someone else now holding what was further down; a firm asked for by name;
    # convenience is no urgency; the user's own way judged as well as a better one asked
    ("I pressed reply all and the parents now have the sibling's notes from further down the chain. What now?", ASK,
     "misdirected"),
    ("What courier company should we use for the court bundles?", ASK, None),
    ("My student wants to fax the school nurse the care plan because it's less hassle than email. Is that ok?", NOT,
     "fax-not-urgent"),
    ("Can I WhatsApp the carer the new contact times with the child's name? Is that OK or is there a better way?", NOT,
     "text-personal"),
    # (README trial, session 50) a recipient word naming a detail, after the one written to: whose detail it is
    ("can I text the childminder the boy's new school address?", NOT, "text-personal"),
    # a text told with only "oops": the texting was the slip, answered by the texts rule's what now
    ("I've texted the school nurse about his CP plan. Oops?", ASK, "text-personal"),
    ("oops I texted the wrong mum the meeting notes", ASK, "misdirected"),
    # "no fixed address" is where someone lives, not a detail left out
    ("She has no fixed address and wants her care plan emailed to her hotmail. Can I?", NOT,
     "email-to-personal-account"),
    # (round 129) passing on a password is giving it, unless someone is named to pass it on; a place after a time in a
    # quoted text; "call" someone something in writing; a mind gone blank names no blank form
    ("What is the best way to pass on the zip's password - by phone call?", AWC, "faq:password-by-phone"),
    ("can I ask their reception to pass the password on to her?", NOT, "password-relayed"),
    ("Can I text mum 'Review moved to Weds 2pm at Riverside'?", AWC, "text-logistics"),
    ("Can we call the girl 'Child B' in our internal emails rather than use her name?", AWC, "internal-email"),
    ("My student asked me about the principles for sharing and my mind went blank. What are they?", ALLOWED,
     "faq:sharing-principles"),
    # an FAQ on the way that is missing ("no secure email") is not the question of the way chosen; a slip told, with
    # what to do asked without "now"; the Mental Health Act is mental health; a password not to go by email, told
    ("The nursery has no secure email - can I fax them the child's registration form instead?", ASK, "ask-urgent"),
    ("I typed a child's full name into the subject of an email to the GP. What do I have to do?", ASK,
     "email-pid-in-subject"),
    ("Mental Health Act assessment of dad is done; can I fax the outcome to his GP?", NOT, "fax-highly-sensitive"),
    ("Since I can't put the password in the email, how do they get it?", AWC, "faq:password-same-email"),
    ("Emailing a colleague in the council with the plan attached - is there a sentence I have to put in the body?",
     AWC, "internal-email"),
    # the wrong child's papers sent, and what never reached the one it was sent to, are slips: what now
    ("oops, wrong kids report went to the nursery by email. what now?", ASK, "misdirected"),
    ("Oh no - I attached the wrong pupil's plan to the email for the college. What do I do now?", ASK, "misdirected"),
    # a statement asked with a question mark, proposing the reverse of the protocol's copies: its No
    ("Once it's gone I'll delete my unencrypted copy and keep just the zip. That's the sensible way?", NOT,
     "keep-unencrypted-copy"),
    ("The solicitor rang: she says it never arrived. I faxed it at 9. What now?", ASK, "misdirected"),
    # a rule broken is no information gone astray: what the rule itself says
    ("Would keeping old referrals in my sent items count as a breach of the protocol?", AWC, "mailbox-copies"),
    # a term of the protocol's, asked what it means: the protocol's own words holding it, not an FAQ sharing a word
    ("So what is 'minimum recipients' supposed to mean?", ALLOWED, "protocol-words"),
    ("what's meant by a 'secure folder' in the protocol?", ALLOWED, "protocol-words"),
    # Google's own mail by its long name is commercial mail; a password manager is no manager
    ("Can I use my Google Mail account for work emails while Outlook is down?", NOT, "webmail-account"),
    ("is a password manager app ok for storing the zip passwords?", ASK, None),
    # the tool missing is not a file sent unencrypted: who to ring, not the unencrypted-email No
    ("I don't have 7-Zip so I can't open the file the YOT worker sent me", ALLOWED, "faq:no-7zip"),
    ("My work laptop doesn't seem to have 7-Zip and the assessment needs to go to the GP today, who do I call?",
     ALLOWED, "faq:no-7zip"),
    ("Can I send the assessment to the GP without 7zip, just this once?", NOT, "email-unencrypted"),
    # sent "outside an information sharing agreement" is sent where none covers it; who "signs that off" asks the
    # process the protocol says is still being reviewed
    ("We sometimes email reports outside an information sharing agreement. Who actually signs this off?", ASK,
     "no-agreement-process"),
])


def test_sessions_42_44_readings(assistant, question, verdict, rule):
    reads_as(assistant, question, verdict, rule)


def test_a_messaging_app_is_a_text_by_analogy_and_the_answer_says_so(assistant):
    reply, _ = ask(assistant, "Can I send the contact plan to the carer on WhatsApp? It's end-to-end encrypted.")
    assert reply.verdict is NOT
    assert any("does not mention WhatsApp" in reason and "analogy" in reason for reason in reply.reasons)


def test_a_fax_gone_astray_gets_what_the_cover_sheet_asks(assistant):
    reply, _ = ask(assistant, "I faxed the referral to the wrong number. What do I do?")
    assert reply.verdict is ASK and reply.rule_id == "misdirected"
    assert any("cover-sheet" in reason and "return" in reason for reason in reply.reasons)


def test_no_secure_account_of_ones_own_is_no_account_made(assistant):
    """"I don't have a cjsm account myself": no account at all, so not one the user set up unauthorised; the police's
    secure address from ordinary council email is the rule for a secure address without an account."""
    reads_as(assistant, "The police gave me their cjsm address but I don't have a cjsm account myself. Can I send the "
                        "strategy notes from my normal Outlook?", AWC, "secure-address-no-account")


def test_the_confidential_marking_said_not_to_be_needed_is_a_no(assistant):
    """All Email 5: emails containing personal information are marked CONFIDENTIAL in the subject header. "So I don't
    need to put CONFIDENTIAL on it" proposes leaving it off: a No, from the subject-line rule (round 99, unsafe)."""
    reads_as(assistant, "We're both in children's services so I don't need to put CONFIDENTIAL on the email, do I?", NOT,
             "email-pid-in-subject")


@pytest.mark.parametrize("question, done", [
    # (session 47) what something already says or holds, or a thread already going, is no act of the user's done
    ("The subject line already says CONFIDENTIAL so I can add her initials after it?", None),
    ("There's a big thread already going, so I can reply all with the new address?", None),
    # ... while an act told as done beside it still is
    ("I've already sent it, and the email already has her DOB in the subject. What now?", True),
])
def test_a_state_already_standing_is_no_act_done(assistant, question, done):
    assert assistant.reader.read(question).facts.already is done, question


@pytest.mark.parametrize("typed, words", [("fax coversheet", "fax cover sheet"), ("the subjectline", "the subject line")])
def test_two_words_typed_as_one_are_read_apart(typed, words):
    from dialogs.text import normalise
    assert normalise(typed) == words


def test_a_confidence_raised_with_the_harm_question_is_answered_by_the_duty(assistant):
    """A promise of secrecy raised against passing a worry on: the harm question (or the Hub) first, and the duty to
    safeguard, which overrides confidentiality, said with it."""
    reply, _ = ask(assistant, "Her nan told me in confidence that mum's boyfriend hits the children. Surely I have to "
                              "keep that to myself?")
    assert reply.asks == "harm" or reply.verdict is Verdict.ESCALATE
    assert any("overrides confidentiality" in reason for reason in reply.reasons)
    assert "safeguarding.duty" in {section.id for section in reply.citations}


def test_the_one_written_to_is_the_recipient_not_a_detail_named_after(assistant):
    reply, _ = ask(assistant, "can I text the childminder the boy's new school address?")
    assert reply.facts.get("recipient") not in (None, "school")  # the childminder's, not the school's


@pytest.mark.parametrize("question, verdict, rule", [
    # a length put forward after the rule is asked, and a password named in text speak: judged
    ("how long does a zip password have to be - would 7 do?", NOT, "password-too-short"),
    ("pwrd for the encrypted file, is six enough??", NOT, "password-too-short"),
    # "again" asking to be reminded is no password used again
    ("What's the minimum for the zip password again?", AWC, "faq:password-good"),
    # a duty asked in its order, or after a clause, gets the steps, not an FAQ's No
    ("Do I change the file name before zipping it?", AWC, "identifying-file-name"),
    ("Emailing a zipped assessment to the GP - apart from the subject, does the body need any wording?", AWC, None),
    # "so no problem ...?" after a premise asks agreement with it: the rule's No
    ("Internal email is secure, so no problem writing the child's name and address in the body?", NOT,
     "email-pid-in-body"),
    # someone said not to be of the council is outside it
    ("The panel's independent chair isn't council staff - how do I email her the reports?", AWC, "external-email"),
    # "where am I meant to save it?" is a duty, not a file meant for someone else
    ("A provider has emailed me an encrypted zip - where am I meant to save it before opening?", AWC,
     "faq:receive-encrypted"),
    # "mental hlth" is mental health: never faxed
    ("can i fax the mental hlth report to the gp, its urgent", NOT, "fax-highly-sensitive"),
    # a body map is a drawing of injuries, not the body of the email
    ("Can I email the body map from the medical to my manager internally?", AWC, "internal-email"),
    # a letter that never arrived went by post, which the protocol does not cover: the manager, not a way to send
    ("Dad says he never received the letter with the review minutes in. What should I do?", ASK, None),
    # a way asked for with none named in the asking: the safer ways, not a No to the way only told as context
    ("The young person only ever reads texts. How can I send him his review minutes?", AWC, "text-personal"),
    ("if the provider only has an enquiries@ address what do we do instead", AWC, "email-to-generic-address"),
    # the number asked for in a word or two: the number, as information (no sign of harm asked about)
    ("ict service desk number pls", ALLOWED, None),
    # whether something counts as personal data, asked: what the protocol says of it, not a No
    ("A postcode on its own with no name - is that still personal data?", AWC, None),
    # a place's own inbox, and an inbox said to be a generic one, are generic addresses
    ("The surgery says to use their practice inbox for the report. OK?", NOT, "email-to-generic-address"),
    # everything the user has, asked for: only what is needed
    ("A new TA wants everything I've got on the family so she knows the background. Email it all to her?", NOT,
     "send-everything"),
    # a stick fallen out of a bag somewhere is lost: what to do now
    ("My memory stick with the core assessment has fallen out of my bag somewhere in town. What now?", ASK, None),
    # (round 142) a kind named as what training is about is no one's information
    ("Can I email the self-harm training presentation to the school? There are no names in it.", ALLOWED,
     "email-no-personal"),
    # professionals named in the plural are who it goes to
    ("Our team emails encrypted zips to the school nurses every week. Is there something better?", AWC, None),
    # a secure account the user registered and nobody authorised
    ("I registered for a cjsm account myself online and nobody authorised it. Can I send the bundle from it?", NOT,
     "self-made-secure-account"),
    # (round 143) whether something counts as personal information, asked with a condition: what it is
    ("is a date of birth personal info if there's no name with it?", AWC, "still-identifiable"),
    # the number asked for again, in text speak
    ("wats the hub no again", ALLOWED, "faq:worried-about-child"),
    # (round 144) the email's own words quoted after "Emailing ...:" are its body
    ("Emailing my manager: 'Leah Ward (DOB 02/05/2016), 3 Oak Road, dad back in prison' - internal so fine", NOT,
     "email-pid-in-body"),
    # the password placed in the email's own text
    ("Emailing the zip to the GP with the password in the last paragraph", NOT, "password-by-email"),
    # a premise that the protocol need not be followed, asked to be agreed
    ("We follow the records policy so we don't need to bother with this protocol, right?", NOT, None),
    # the way told, judged with a tag
    ("Using the 'All Staff North' list to ask if anyone knows the family. Quickest way, no?", NOT, None),
    ("cc'ing the whole locality team so they're in the loop. No problem there?", NOT, "cc-too-many"),
    # the form for authorising a share outside an agreement, asked for: the process is still being reviewed
    ("Sharing outside an ISA has to be authorised and recorded - where's the actual form?", ASK,
     "no-agreement-process"),
])
def test_session_53_readings(assistant, question, verdict, rule):
    """Session 53, rounds 140 to 144 (each later round's readings under its note)."""
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # (round 145) the password put in an email of its own is still emailed
    ("Rather than ring the password through I'll send it in a separate email afterwards. That's different, isn't it?",
     NOT, "password-by-email"),
    # a list "nobody's updated" in years is not kept up to date
    ("Sending the review papers to the old panel DL, nobody's checked it in years - fine?", NOT,
     "distribution-list-stale"),
    # sharing told to be only in case is more than is needed
    ("Shall I copy the housing officer in on the chronology on a just-in-case basis?", NOT, "send-everything"),
    # "call" weighing one name against another names the child; no telephone
    ("Emailing the virtual school - can I call the boy 'KT' instead of his full name?", AWC, None),
    # a meeting's time in an email's quoted words is logistics, not the meeting's business
    ("Is an email that only says 'core group moved to 3pm Thursday' personal information?", ALLOWED, None),
    # ... but a child protection meeting named in a text is itself sensitive
    ("Can I text dad 'CP conference moved to 3pm Thursday'?", NOT, "text-personal"),
    # a barrister in proceedings and their chambers are an outside organisation
    ("The barrister's chambers want the parenting assessment by email. Is that ok?", AWC, "external-email"),
    # whose relatives are asked about is no one to send to; a process the protocol never names is its silence
    ("An agency abroad is asking about a child's aunt. What's the process for international enquiries?", ASK, None),
    # a team named for safeguarding is where someone works, not what is faxed
    ("I'm admin for the safeguarding team - what does the fax log need to record?", AWC, "faq:fax-steps"),
    # proposed, not asked: "quicker to email" is the way, the portal passed over
    ("The portal is there but it'd be quicker to email the school the CIN plan. That's fine?", NOT, None),
    # (round 146) a list named for everyone on it: no conscious choice of recipients
    ("Can I put the referral out on the 'All Locality Staff' list to see who knows the family?", NOT,
     "distribution-list-too-many"),
    # "whole" typed as its homophone, and two words run together
    ("court wants 1 report, shud i just send the hole bundle incase", NOT, "send-everything"),
    # sent back by post
    ("The nursery asked me to post back the signed consent forms. Is that ok?", ASK, "channel-not-covered"),
    # (round 147) the way told, then judged with "nothing wrong with that?"
    ("Emailed the plan to the IFA. I'll keep it in my Sent Items as the record - nothing wrong with that?", NOT,
     "mailbox-copies"),
    # initials with an age beside them are still initials for names
    ("Internal email to my TM: I've written the summary in the body using initials and ages only. OK?", AWC,
     "email-initials-in-body"),
    # whether another folder matters too is a duty asked about: the steps
    ("Cleared my sent items already - does the deleted items folder matter as well?", AWC, "mailbox-copies"),
    # a family described by its street is still identified; calling them so in an email is no phone call
    ("I'll just call them 'the lad from Mill Lane with the dog' in my email to finance, that's not naming him.",
     NOT, "still-identifiable"),
    # (round 148) everyone given it, with "has" shortened: too many people
    ("The whole core group's on the thread. Can I reply all with mum's new address so everyone's got it?", NOT,
     "cc-too-many"),
    # (round 149) encryption denied in the past tense: it went unencrypted, what now
    ("I emailed the school nurse the child's care plan but I didn't encrypt it. Is that a breach?", ASK, None),
    ("Sent the review report to the IFA and didn't encrypt it. Do I need to report that?", ASK, "email-unencrypted"),
])
def test_session_54_readings(assistant, question, verdict, rule):
    """Session 54, round 145."""
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # (round 149) no one authorising it is as unrecorded as no one recording it
    ("No sharing agreement with the tutoring firm, but if I encrypt the plan I can send it without authorisation?",
     NOT, "no-agreement-unrecorded"),
    # the canonical slip told as a note, with no "I": what now
    ("ccd rather than bcc on the foster carers newsletter, everyone can see the addresses. What now?", ASK, None),
    # (round 150) a thread holding something further down: checked first, and No to leaving it in as it is
    ("Can I forward the contact email to the IRO? Lower down the thread there's the old CAMHS letter.", AWC,
     "thread-holds"),
    ("Can I just reply all? The chain has dad's address further down but everyone's a professional.", NOT,
     "thread-holds"),
    # found out once it had gone: what now
    ("Noticed after sending that the subject line had the boy's surname in it. What do I do?", ASK, None),
    # several documents go in one folder, zipped together
    ("Got three documents for the guardian, one zip each or all in one?", AWC, "faq:how-to-encrypt"),
    # an allegation is safeguarding information, never faxed; a family's new council is another organisation
    ("Can I fax the LADO allegation paperwork to the academy trust?", NOT, "fax-highly-sensitive"),
    ("Family's moved away and the new LA wants the CIN plan. Best way to send it?", AWC, None),
    # information doubted as out of date, sent "as is": its accuracy, not its encryption
    ("The assessment I'm passing to the new authority is from 2016 and probably out of date. Just send it as is?",
     ASK, None),
    # (round 151) copying in loads of people is over using cc, secure email or not
    ("With gsx I can cc loads of people on the strategy notes, can't I?", NOT, "cc-too-many"),
    # "no PID to X" puts a rule, not a message holding nothing personal
    ("Just checking: no PID to generic addresses like office@, even zipped?", NOT, "email-to-generic-address"),
    # letters sent out are post; faxes left to sit on the machine, and who collects them, the protocol leaves open
    ("Should letters we send out be logged the way faxes are?", ASK, None),
    ("Whose job is it to take faxes off the machine so they don't sit there all day?", ASK, "fax-left-unattended"),
    # the way put forward for its speed is proposed: No where the rule refuses it
    ("Easiest way to update the core group is to cc the whole team in.", NOT, "cc-too-many"),
    # blacking out is redacting, which the protocol does not explain
    ("Before I send mum's file to her solicitor, which bits do I black out?", ASK, "faq:redaction"),
    # a slip's outcome told as now has happened
    ("Sent the adopters' newsletter with everyone in To, so now they can all see each other's emails. What now?", ASK,
     None),
    # (round 152) the way put forward for its speed after it; more added "while I'm at it" is more than is needed
    ("Honestly cc'ing the whole team is the easiest way to keep everyone updated on the boy.", NOT, "cc-too-many"),
    ("I'm emailing the school the attendance plan, so I'll tell them about dad's prison sentence while I'm at it.",
     NOT, "send-everything"),
    # a skeletal survey is a child protection investigation's, never texted
    ("Ok to text the carer the skeletal survey results? Child's fine with her.", NOT, "text-personal"),
    # no child's names in it is nothing personal; "big deal?" after a slip asks whether it matters
    ("Can I bcc the parents on the sports day reminder? No children's names in it.", AWC, None),
    ("Noticed I used the same zip password as last month for the IRO's file. Big deal?", ASK, "password-reused"),
    # (round 153) a body map is child protection information; posting is post; a premise of what something counts
    # as does not make the proposal after it a definitions question
    ("Can I fax the old body map to the solicitor?", NOT, "fax-highly-sensitive"),
    ("Best way to post the care plan to dad's solicitor?", ASK, "channel-not-covered"),
    ("Our council email is treated as secure, so 'Ava Reid DOB 2/2/15' in the subject line is ok?", NOT,
     "email-pid-in-subject"),
    # something sent to others than meant, told "by mistake instead of"
    ("Emailed the password to my manager by mistake instead of to the GP. What now?", ASK, None),
])
def test_session_55_readings(assistant, question, verdict, rule):
    """Session 55, round 150."""
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # (round 154) what came of a meeting is its content, not a time arranged
    ("Dad wants me to text him the decisions from yesterday afternoon's core group. Fine?", NOT, "text-personal"),
    # earlier messages left for the recipient to pass over are not checked
    ("Forwarding the whole trail to the health visitor by email; the old bits about mum's mental health are further up "
     "but she'll skip them.", NOT, None),
    # everyone on a list "so nobody's left out" is not a choice of who needs it
    ("Can I put the CIN minutes out to the team DL so nobody's left out?", NOT, "distribution-list-too-many"),
    # names taken out, but still recognisable: not anonymised
    ("I've removed the names from the case study but anyone on the estate would recognise the family. Can I email it "
     "to the college?", NOT, "still-identifiable"),
    # whether a way is ever open, asked of the way: open for what identifies no one, the No its condition
    ("Can we WhatsApp carers at all?", AWC, "text-logistics"),
    ("It isn't urgent at all, but can I text mum the plan?", NOT, "text-personal"),
    # (round 156) not a personal email account "ever ok": commercial accounts are not for council business
    ("Are hotmail accounts ever ok for our case work?", NOT, None),
    # (round 155) a premise of class put first as the reason ("As X is classed as Y, I can ..."): still a proposal
    ("Seeing as internal email is classed as secure, I can paste the girl's address and diagnosis into the message to "
     "my team, can't I?", NOT, "email-pid-in-body"),
    # an ordinary email said to be enough is one sent without encryption
    ("It's just the GP's letter about his ADHD meds going to the youth club, an ordinary email is fine isn't it?",
     NOT, "email-unencrypted"),
    # earlier messages named as in the thread hold something; left in "as my bit isn't sensitive", a No
    ("Older messages in the thread mention dad's conviction. I'm only adding the meeting time, so replying is ok?", NOT,
     "thread-holds"),
    # how long anything is kept, asked as whether the protocol says: it does not
    ("Does the protocol say how long shared files can be left on Objective Connect?", ASK, "faq:keeping-period"),
    # a worker's name with the worker called "SW" is the worker's contact details, not a child's
    ("ok to text dad the duty SW's name so he knows who's calling?", AWC, "service-contact"),
    # "is there anything else I should add?" asks for the steps, after a clause or not
    ("Once I've zipped the referral for the GP, is there anything else I need to include in the email?", AWC, None),
    # "no real need to" clear them out denies the clearing, not the keeping
    ("Council email is secure anyway, so there's no real need to delete the kids' details from my sent items?", NOT,
     "mailbox-copies"),
])
def test_session_56_readings(assistant, question, verdict, rule):
    """Session 56, round 154."""
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # (round 157) a password named with who chose it between ("the password I've set on the zip is ..."): judged
    ("The password we picked for the file is sunflowers, is that alright?", NOT, "password-no-mix"),
    # many people however hidden: BCC does not make a big send a need-to-know one
    ("Using bcc, can I email the update about the boy to lots of parents?", NOT, "cc-too-many"),
    # a slip told by where it went, and the remedy asked: what now
    ("I put the boy's full name in the subject line and it's gone to four colleagues. Should I recall it?", ASK, None),
    ("I emailed the review to dad's gmail on Friday. Do I need to do something now?", ASK, None),
    # a long ordinary request that says no safeguarding is in it: the rules answer, not the Hub's FAQ
    ("Surgery admin. Urgent request from the fostering team to confirm a child's NHS number for a placement move today. "
     "Our nhs mail is down, only the fax is working. There's nothing clinical or safeguarding in it. Is faxing ok and "
     "what do we do?", AWC, "fax-personal"),
    # (round 158) a child protection enquiry named short is child protection information
    ("Can I text the carer 'visit off today due to the cp enquiry'?", NOT, "text-personal"),
    # one password for all of them, in text-speak
    ("can i use 1 password 4 all of em this term?", NOT, "password-reused"),
    # a generic mailbox at a secure domain is still read by whoever works there
    ("Can I email the summary to admin.team@nhs.net? No named person given.", NOT, "email-to-generic-address"),
    # (round 159) a whole file named by its service is everything held, whatever the premise put first
    ("The duty to safeguard comes first, so can I email the whole social care file to her dance teacher?", NOT,
     "send-everything"),
    # earlier messages said to hold something: a forward carries them (checked first; left in as they are, a No)
    ("Can I forward the chain to the nursery? Earlier emails mention dad's conviction.", AWC, "thread-holds"),
    ("I'll just forward the chain to the nursery, earlier emails mention dad's conviction but it's fine, yes?", NOT,
     "thread-holds"),
    # (round 160) "ok 2 put ...?" is "ok to put ...?": a proposal, as typed in full
    ("internal email - ok 2 put her full name and address in the body? only going 2 my manager", NOT,
     "email-pid-in-body"),
    # (round 161) whether something is PID "on its own": the definition, not a sending
    ("Is a school admission number PID on its own?", ALLOWED, "faq:what-is-pid"),
    # whether to tell someone named about concerns asks whether to share, not whom to ring
    ("Can I tell his aunt about the nursery's concerns?", ASK, None),
    # (round 162, and rounds 155 and 158 before it) whether files must be encrypted as well before they go on
    # Objective Connect: the protocol does not say; which of the two ways is better is still answered
    ("Should I encrypt the bundle as well before uploading it to Objective Connect?", ASK, "faq:objective-connect-encryption"),
    ("Is Objective Connect safer than a zipped email for the guardian?", AWC, "objective-connect"),
])
def test_session_57_readings(assistant, question, verdict, rule):
    """Session 57, round 157."""
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # (rounds 163, 166) what a route costs, who pays for it, whether a licence is needed: the protocol says nothing
    ("How much does Objective Connect cost the team?", ASK, "faq:costs-not-covered"),
    ("Do we need a licence to use 7zip at home?", ASK, "faq:costs-not-covered"),
    # (round 167) the disclaimer named far from the body the user fills with details does not make it the wording
    ("Our disclaimer is on every email so it's fine to type the boy's address in the body to the provider?", NOT,
     "email-pid-in-body"),
    # a subject named with "as": the subject line is what is judged
    ("I set the subject as 'Jayden Ross, Y5 - mum's DV'. All right to send it to the school?", NOT,
     "email-pid-in-subject"),
    # a case or a placement as what a message is about: information about a child, never by text
    ("Can I WhatsApp the carer about his placement?", NOT, "text-personal"),
    ("Can I text the SW to ring me back about a case?", AWC, "text-logistics"),
    ("Can I text the carer the case meeting time?", AWC, "text-logistics"),
    # whether the protocol speaks of a subject it never names: its silence, not the nearest words
    ("Does the protocol say anything about Caldicott guardians?", ASK, "protocol-words"),
    # (round 168) whether one of its procedures reaches a subject it never names
    ("Does Safe Haven cover conversations in the corridor?", ASK, "protocol-words"),
    # (rounds 158 to 165) others sending into a council team's shared mailbox: the protocol's generic-address rule
    # is about where its staff send, and it says nothing of this; our own sending there is still internal email
    ("Can health visitors send PID into our team's shared inbox?", ASK, "team-mailbox-sent-in"),
    ("Can I email the referral to our own team's shared inbox?", AWC, "email-to-team-mailbox"),
    # (round 169) a reply to all on a thread of twenty or more with a child's details: too many
    ("Can I reply all to the 40 person thread with Kai's new address?", NOT, "cc-too-many"),
    # everyone reached so nobody misses it, by a service-wide list
    ("So no one misses it, can I send the core group minutes to the whole East Team distribution list?", NOT, None),
    # the name added to the identifier on a fax is the name over it
    ("They want her name and date of birth as well as the reference number on the fax. Fine?", NOT,
     "fax-name-over-identifier"),
    # "or nah" closes a yes/no question, as "or not" does
    ("can i keep the zip on my laptop desktop or nah", NOT, None),
    # the password step asked of Objective Connect is the same silence as its encryption
    ("Does Objective Connect need a password phoned through too?", ASK, "faq:objective-connect-encryption"),
    # the user's own word that there is no concern keeps the Hub FAQ from answering a request from a parent
    ("Dad (no concerns about him, no orders) wants copies of her school reports. Can I send them?", ASK, None),
    # (rounds 163 to 168) the time and place of a core group or a conference may go by text, its name may not: a
    # text that names it ("CP conference moved to 3pm") stays a No
    ("Can I text dad what time the core group starts on Monday?", AWC, "text-logistics"),
])
def test_session_58_readings(assistant, question, verdict, rule):
    """Session 58, rounds 165 to 169."""
    reads_as(assistant, question, verdict, rule)


@pytest.mark.parametrize("question, verdict, rule", [
    # (rounds 160 to 170) an NHS address taken for secure email: the protocol names cjsm and gsx and no others
    ("Does NHSmail count as secure email, same as gsx?", ASK, "secure-address-unnamed"),
    ("Our health visitor says her nhs.net account is secure email. Is it?", ASK, "secure-address-unnamed"),
    # ... and where encrypting is to be left out: No, it is external email
    ("Their nhs.net email is secure so can I skip zipping the report I am sending?", NOT,
     "secure-address-unnamed-unencrypted"),
    # (rounds 77 to 132) how large a fine could be: the protocol says only that it could be serious
    ("Roughly how much would a fine be if I lost a child's file?", ASK, "faq:fine-size"),
    ("Can the council be fined for a data breach?", ALLOWED, "faq:breach-consequences"),
    # (rounds 102 to 169) whether a team's shared mailbox is one of the generic addresses: the protocol's one example
    # is info@
    ("Is the fostering team's shared inbox treated as a generic address?", ASK, "faq:shared-mailbox-generic"),
    ("Does the generic rule apply to the hospital's duty mailbox?", ASK, "faq:shared-mailbox-generic"),
    # ... an address like its example is its rule's
    ("Is contact@ classed as a generic address?", NOT, "email-to-generic-address"),
    # ... what the word means, as information
    ("What does 'generic email address' mean?", ALLOWED, "email-to-generic-address"),
    # asking a partner to send into the team's inbox is others sending in
    ("Could we ask the school to send attendance data into our team's shared inbox?", ASK, "team-mailbox-sent-in"),
    # (round 171) who to ask when unsure, with no sharing named: what the protocol says to do
    ("Who should I speak to when I can't tell if I'm allowed to share?", AWC, "faq:not-sure"),
    # (round 172) information that cannot be anonymised is what it is about
    ("It has to include her name and DOB, I cannot anonymise it. How do I email it to my manager?", AWC,
     "internal-email"),
    # (round 173) a number asked for by name alone is information
    ("ICT service desk number?", ALLOWED, None),
    # what is done with a copy, asked as "do I ...?", gets the steps, not a No to a proposal
    ("Do I delete the unencrypted original once the zip has gone?", AWC, "keep-unencrypted-copy"),
    # an address typed as "addy": the venue's, which is no one's personal information
    ("can i txt dad the addy of the family centre for sat?", AWC, "service-contact"),
    # a cost asked without "is there": the protocol says nothing of it
    ("Would a cjsm account cost our team money?", ASK, "faq:costs-not-covered"),
    # a password asked of Objective Connect is the same silence as its encryption, not its own sign-in
    ("Do files on Objective Connect need a password like a 7zip does?", ASK, "faq:objective-connect-encryption"),
    # "alright or too much?" asks whether the subject line is acceptable, as "alright?" does
    ("Subject is 'CONFIDENTIAL - AB Y6 diabetes plan'. OK or too much?", NOT, None),
    # (round 174) who keeps a distribution list: the protocol says it must be managed, not by whom
    ("Whose job is it to keep the team distribution list up to date?", ASK, "distribution-list-stale-who"),
    # the reason for a rule asked is information; a case put for breaking it is still a No
    ("Why are hotmail and yahoo not allowed?", ALLOWED, "webmail-account"),
    ("why can't I use gmail? it's got 2FA", NOT, "webmail-account"),
    # (round 175) "wrkin" typed for "working": the way that is down is not the way asked about
    ("cjsm not wrkin. can i fax the referral to the school? it's urgent and absolutely necessary", AWC, None),
    # every document of a kind sent "to be safe" is more than was asked for
    ("Solicitor wants 'the report'; there are 3 on file, should I fax all of them to be safe?", NOT, "send-everything"),
])
def test_session_59_readings(assistant, question, verdict, rule):
    """Session 59, rounds 171 and 172."""
    reads_as(assistant, question, verdict, rule)


def test_a_meeting_by_text_is_when_and_where_only(assistant):
    """The time of a child protection conference by text is logistics, with the step that keeps its name out."""
    reply, text = ask(assistant, "Can I text mum the time of Thursday's child protection conference?")
    assert reply.rule_id == "text-logistics"
    assert "not what kind of meeting it is" in text


def test_everyone_alone_names_no_recipients(assistant):
    """The copying-in FAQ answers questions about who receives an email; "simpler for everyone" asks nothing of
    recipients, and "a copy of their file" or "other people's details" nothing of copying people in."""
    reply = assistant.answer("Is it fine to keep one password for all our zips? Simpler for everyone.")
    assert (reply.verdict, reply.rule_id, reply.faq_id) == (NOT, "password-reused", "")
    assert assistant.answer("Do I need to redact other people's details before mum gets a copy of her file?").faq_id \
        == "redaction"
    assert assistant.answer("How many people should an email about a child go to?").faq_id == "cc-everyone"


def test_a_long_question_matches_a_strict_faq_only_on_words_asked_together(assistant):
    """A long question holds many words; an FAQ's "No" replaces the rules' answer only where its wording's words are
    asked in one sentence: a zip "with a password" and "our email is secure" two sentences apart never ask to email
    the password."""
    question = ("School business manager here. We've been asked to send our attendance notes for a pupil on a CP plan "
                "to the council ahead of a review, and the social worker says she'll send us the minutes later in a "
                "zip with a password. Our school email is already encrypted by the trust, so we wonder whether she "
                "really needs to zip what she sends us, since it slows our office down.")
    assert assistant.answer(question).verdict is not NOT


def test_a_fax_already_sent_is_not_asked_whether_it_was_urgent(assistant):
    """Whether it was urgent is a question before a fax goes; once it has gone and what now is asked, the answer is
    what to do now (the manager; breaches and near misses are monitored)."""
    reply = assistant.answer("I faxed the solicitor all four statements when she only wanted one. Should I ask "
                             "for the others back?")
    assert reply.asks != "urgent" and reply.verdict is ASK and "manager" in reply.text()


def test_initials_asked_of_are_answered_by_the_definitions(assistant):
    """(rounds 66 to 165) whether initials or an IAS number are personal information: the definitions, with what the
    protocol says of initials and identifiers in place of names."""
    reply, text = ask(assistant, "do initials on their own count as PID?")
    assert reply.faq_id == "what-is-pid" and "initials" in text.lower() and "IAS number" in text
