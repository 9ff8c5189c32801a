"""Safeguarding first: harm read in ordinary words, asked when unsure, never lost.

The held-out batches in tests/data/harm_batch*.yaml were written by helpers
who had read only the protocol and the list of categories, never knowledge/.
Their first-time scores are in the README; here they are regression sets:
the numbers may rise, never fall.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dialogs.conversation import Conversation, Incoming, Kind
from dialogs.harm import HarmLevel, _adults_own
from knowledge.model import Verdict

DATA = Path(__file__).parent / "data"


def level(assistant, text: str) -> HarmLevel | None:
    return assistant.reader.read(text).harm.level


@pytest.mark.parametrize("text, expected", [
    # session 53, rounds 140 to 144 (each reading's round in its note)
    ("dad hits her", HarmLevel.YES),  # an act with a person close by
    ("he said he'll kill all of us tonight", HarmLevel.YES),  # "he'll" is "he will", not "hell"
    ("he let slip his uncle hits him, he goes back tonight", HarmLevel.YES),  # "let slip" is not "slipped"
    # a worry about a child in the user's own words: ask; a worry about sending is not one
    ("I'm worried about a child on my caseload, not sure what to do", HarmLevel.MAYBE),
    ("something doesn't feel right about the Smith family", HarmLevel.MAYBE),
    ("I'm worried I sent the report to the wrong person", None),
    ("daddy's friend hurts her when he babysits", HarmLevel.YES),  # family words as children say them
    ("Mum says she didn't cause the bruises on the baby", HarmLevel.YES),  # a denial reported from someone else
    ("dad denies hitting him", HarmLevel.YES),
    ("he left the kids alone all night", HarmLevel.YES),  # a phrase with words inside it
    ("she's in real immediate danger", HarmLevel.YES),
    ("no bruises were seen", HarmLevel.MAYBE),  # negated: ask, not no
    ("can I fax the minutes about the non-accidental injury to the GP", HarmLevel.MAYBE),  # a document's description
    ("she handed me a note saying I've taken all the tablets", HarmLevel.YES),  # a note in her own words
    ("the report says he took all the tablets in 2019", None),  # a document's words, and a past year
    ("no concerns, can I email the review to the health visitor", HarmLevel.NO),
    ("no ongoing concerns, can I email the review to the health visitor", HarmLevel.NO),  # one word inside
    ("Riley kicked off at contact", None),  # everyday words
    ("can you get in touch with her mum", None),
    ("no harm in asking, can I email her the template", None),
    ("can I send a section 47 report to the school by email", None),  # 'sectioned' is not 'section'
    # worrying signs add up: two told as happening now, or three told any way
    ("mum is slurring and can barely stand", HarmLevel.MAYBE),
    ("mum is slurring and can barely stand, she has the baby with her now", HarmLevel.YES),
    # one worrying sign told of a child as happening now is a sign of harm now; without the child or the now, ask
    ("mum is slurring and her 5 year old is with her", HarmLevel.MAYBE),
    ("mum is slurring and her 5 year old is with her now", HarmLevel.YES),
    ("mum is slurring and her 5 year old hasn't been seen since", HarmLevel.YES),  # "not" is about the seeing
    # an adult's past offence is the risk now (risky_adult is timeless), whatever else was last week
    ("mum's boyfriend who moved in last week is on the sex offenders register, he is minding her 6yo tonight",
     HarmLevel.YES),
    ("Sixth form student says she will bring shame on the family", HarmLevel.YES),  # not the document "form"
    ("mum is slurring, she is collecting her 5 yo tomorrow", HarmLevel.YES),  # about to happen: likely to suffer
    # an age gap: a child and a much older man or partner (a parent's age does not count)
    ("a 14yo girl has been seeing a 26 year old man", HarmLevel.MAYBE),
    ("15yo girl says a 30 yr old man gives her drugs and she is going back there tonight", HarmLevel.YES),
    ("mum (34) and her son (6) moved in last week, can I email the school?", None),
    # weak words say nothing alone, and add up with a worrying sign told as now
    ("the hungry caterpillar is on their own shelf", None),
    ("she said uncle does secret tickles and it hurts her front bottom, she went home with him today", HarmLevel.YES),
    # a missing child who is back: over; but back, then gone again, is not
    ("Boy reported missing last night turned up at his nan's at 11pm", None),
    ("12yo out overnight again, came back this morning and now he's gone again", HarmLevel.YES),
    # the user's own "no concerns" lowers a clear cue to a question; someone else's does not
    ("he broke his wrist, no concerns, can I text his teachers the injury", HarmLevel.MAYBE),
    ("mum says no concerns but the baby has bruises on her face", HarmLevel.YES),
    # not a real child, or a child who is safe now: no sign of harm now
    ("I wrote a made-up case study about a toddler with bruises for the training day", None),
    ("the boy who ran away was found safe and well at his nan's", HarmLevel.NO),
    ("the girl who went missing on Saturday was found safe at her nan's", None),
    ("his injury details from 2019 are in the chronology", None),  # a document's words, and a past year
    ("she was abused as a toddler. She is doing really well now with her adopters", None),
    # a story about a child told as now, in words harm.yaml does not list: ask
    ("Two kids aged 3 and 5 are at a neighbour's house tonight. Their mum went out yesterday and nobody "
     "can reach her on the phone at all. Can I email the school?", HarmLevel.MAYBE),
    ("Can I email the school the name, date of birth and address of the boy who starts in year 7 next week "
     "and his timetable?", None),  # a question is not a story
    # weak words match as written: "privates" is a worrying word, "private" (tutoring) is not
    ("she said his privates hurt and she has to go back there tonight", HarmLevel.YES),
    ("the 9 year old has a private tutor now, can I email her the plan", None),
    # a threat in a child's words is not the figure of speech "this is killing me"
    ("a 14yo at the station now says he cant go back without the money or theyll kill me", HarmLevel.YES),
    ("this deadline is going to kill me, can I email the court bundle tonight", None),
    # a child's distress, told as now or about to happen ("dad collects her at 3"), with a worrying sign
    ("a year 4 girl is in tears in my office with red marks on her arm, dad collects her at 3", HarmLevel.YES),
    ("the baby was crying at clinic today, can I email the HV her weight chart", None),  # everyday words
    # someone's own words reported about a child now: a disclosure, whatever the words
    ("My foster child is 9. Tonight at bedtime she told me 'the man at contact does the special game with "
     "me'. Contact is tomorrow afternoon. Can I email her social worker?", HarmLevel.YES),
    # "he's 12" is a child's age; "training" is not "the train station"
    ("He's 12 and he messaged me late last night on the homework system saying he'd put a rope up in the "
     "garage and 'tested it'. Can I forward his message to the school counsellor?", HarmLevel.YES),
    ("A Year 8 boy is meeting a grown man at the train station on Saturday, the man told him to keep it "
     "secret. Can I email his mum?", HarmLevel.YES),
    # harm told as past, to someone who is an adult now: not a child at risk now
    ("A care leaver, now 34, has asked for her file. She was abused by her stepdad back then (he died years "
     "ago). Can I post it to her?", None),
    # everyday phrases that were once clear signs: a list of names is not a hit list, "has told me" not a
    # disclosure on its own
    ("the school nurses are all nhs.net, can I email them a list of names and DOBs?", None),
    ("Dad has told me he doesn't consent to us passing anything to the school. Does confidentiality win?", None),
    # medical words and games that hold a harm word; an innocent fall explains an injury, not a drunk parent
    ("Pupil had an asthma attack in PE, I was there, she's fine now. Can I text mum?", None),
    ("Dad arrived to collect a Y2 girl at 3.15 very drunk, slurring, fell over in the playground, and he's now "
     "banging on the door. Can I text the social worker?", HarmLevel.YES),
    # a worrying sign, or what is about to happen, told in someone's own words: a disclosure
    ("A 14yo told a TA his older brother is taking him to 'join the brothers' over in Turkey next week and "
     "he mustn't tell anyone. He has been asking how to get a passport. Can I email Prevent?", HarmLevel.YES),
    # quotes that are a document's name are not anyone's words: a story told as now, asked about, no more
    ("The 9 year old's report is called 'Smith assessment final' and the school wants it today for his "
     "review meeting this afternoon. Can I email it?", HarmLevel.MAYBE),
    # a word for a document used as a verb tells of someone: "a neighbour reporting", "I noted bruises"
    ("The caretaker is reporting a girl, about 8, locked out of her flat since this morning, crying at the "
     "door. Can I email housing?", HarmLevel.YES),
    # the user's own childhood is an adult's past; "bit" in "a bit" is not a bite
    ("Bit of a strange one - I was hit a lot when I was a kid and this case brings it back. Can I tell my "
     "supervisor by email?", None),
    # "fine now" said by the user ends an accident; quoted from the child it is part of the worry
    ("He caught his arm on a fence at forest school, it bled a lot, all fine now. Can I text his dad?", None),
    ("Saw fresh cuts on a 15yo's wrist today. She told me she's 'fine now, honestly'. Can I email her mum?",
     HarmLevel.YES),
    # someone else's childhood, long over; a sport; a decade gone; "no paperwork" is no document
    ("The adopter told us she was hit by her mum as a child, decades ago. Can the assessment go by email?", None),
    ("Judo club - a girl got a bloody lip in a throw, first aid given, mum collected her. Can I email mum the "
     "accident sheet?", None),
    ("A 12yo arrived with an 'aunt', no passport and no paperwork, and says he must work nights to pay back his "
     "travel. Can I email the admissions form to the council?", HarmLevel.YES),
    # a parent's threat to end it with the children: the Hub, whatever else is asked
    ("Mum just phoned me crying that she can't do this anymore and is taking them with her. Can I text the "
     "duty worker?", HarmLevel.YES),
    # regional words, slang for drunk, an age given as a decade, what police write
    ("me mam locks me in the shed when I cry, the girl (7) told me this morning. Can I email the DSL?",
     HarmLevel.YES),
    ("Mum arrived at pick-up today absolutely hammered and put the 2 year old in the car. Can I text the SW?",
     HarmLevel.YES),
    ("A 13 year old is going to parties with men in their 30s who give her vodka. Can I email her school?",
     HarmLevel.YES),
    # over, not real, or figures: not a child at risk now
    ("Hoax call to the school about a gun this morning, all clear now. Can I email parents a letter?", None),
    ("I'm killing myself trying to finish these reports lol, can I work on them at home?", None),
    # an accident told twice over, and the user informing the parents, is not a worry; a story that keeps
    # changing is one; an age written as a word in brackets counts for the age gap
    ("Lad tripped over the kerb on the school trip and grazed his chin, first aid done, parents told, he's "
     "fine. Can I email the trip report to the head?", None),
    ("Toddler has a bruise on her cheek and a different story every time we ask - fell off the sofa, the "
     "cat, her brother. Can I email the HV?", HarmLevel.YES),
    ("One of my group (fourteen) says her boyfriend is 22 and she's staying at his tonight. Can I text her "
     "mum?", HarmLevel.YES),
    # words from across the UK and from the message itself: a farewell, a belt buckle, a bairn
    ("just got a message from a 14 year old: 'thanks for everything, I won't be around after tonight'. Can I "
     "ring his mum?", HarmLevel.YES),
    ("The bairn next door (3) has been screaming since this morning and nobody's come. Can I ring someone?",
     HarmLevel.YES),
    # a harm named as the topic of a service or a guide, a thing gone missing, a match's score, a time that is
    # not an age, and a sign of harm a diagnosed condition explains: no child at risk
    ("Can I email our draft domestic abuse policy to the governors?", None),
    ("The CSE team want the referral template, can I send it over Teams?", None),
    ("The court bundle came yesterday but now it's gone missing from my tray, who do I tell?", None),
    ("Our under 12s got hammered on Saturday, lost 6-1, can I email the match report to parents?", None),
    ("We closed our work with a young person 3 years ago and she's at college now, her boyfriend is 25. Can I "
     "archive the file?", None),
    ("Y2 girl with haemophilia has bruises on her shins again, the consultant has seen them. Can I email her "
     "care plan to the cover teacher?", HarmLevel.MAYBE),
    # what a child says an adult does, in the child's own room; burns the size of a cigarette end
    ("Y5 boy says his uncle comes in my room after lights out and I have to be quiet. Can I email the DSL?",
     HarmLevel.YES),
    ("Saw two small round burns on the back of a toddler's hand at nursery today. Can I message the SW?",
     HarmLevel.YES),
    # someone called a drama queen is not a drama lesson; a disclosure in a PSHE lesson is real; "mentioned"
    # is telling, not a document that has gone missing; a fairy tale is not a child; an adult now, doing great
    ("My 14yo foster lass says her mate 'hasn't been home since Friday' but she's a right drama queen. Can I text "
     "the mate's mum?", HarmLevel.YES),
    ("In PSHE a Y4 girl said 'daddy hits mummy when he's drunk'. Can I email the DSL?", HarmLevel.YES),
    ("A lad at the youth club mentioned he hasn't been home since Tuesday. Can I ring his mum?", HarmLevel.YES),
    ("Our Y2s are writing fairy tales about a wicked stepmum who hurts the children. Can I email the best ones to "
     "the local paper?", None),
    ("The care leaver who was abused by her stepdad is 23 now and doing great. Can I send her file to her "
     "solicitor?", None),
    # the user's exasperation at a thing, children's play with a laugh, a statistic, contraception, an adult with
    # no children: nothing; "has a record" is a criminal record, not a document; an age in words counts
    ("The new case system is a car crash and I'm ready to strangle the printer. Can I email the CIN plan to my TM?",
     None),
    ("Two Y5s were play fighting and one yelled 'I'll murder you' while they were both laughing. Can I mention it in "
     "the email home?", None),
    ("For our training day can I email staff the NSPCC stat on how many children are neglected?", None),
    ("Can I tell a mum her 16 year old has been in for the contraceptive pill?", None),
    ("Our tenant has no kids and a history of self-harm; can I share her support plan with her GP?", None),
    ("Mum's new lodger has a record for something to do with kids and he babysits the girls. Can I email the HV?",
     HarmLevel.YES),  # signs that add up
    ("My 13 year old niece says her boyfriend is thirty four. Can I email her school?", HarmLevel.MAYBE),
    # a browsing history is no history; an adult's teenage years are past; a household with no children; what
    # the user needs to share or was asked to pass on is no story about the child
    ("Y9 lad's search history is full of bomb making videos and he says he'll do something big at the fair. Can I "
     "email the DSL?", HarmLevel.YES),
    ("The foster carer applicant told us she was assaulted as a teenager; it's in her assessment. How do I send the "
     "assessment to panel?", None),
    ("Tenant's lodger has convictions, but there are no children in the household. Can I share the tenancy file "
     "with police?", HarmLevel.NO),
    ("We need to share a young person's diabetes plan with the residential trip provider next week, they've asked "
     "for it in writing. Best way?", None),
    # a child's own essay is the child's words, not a document about them; "explained by" reports no one;
    # aggregated figures are no child; "no kids involved"; a family gone overnight
    ("A Y8 handed in a poem about wanting to disappear so nobody has to bother with her. Can I email her tutor?",
     HarmLevel.MAYBE),
    ("The child has brittle bones, diagnosed, and her fractures are explained by it. Can I email the care plan?",
     HarmLevel.MAYBE),
    ("Can I email the aggregated self-harm admission figures for under 18s to public health?", None),
    ("A dad shouted 'I'll kill you' at the referee (adult ref, no kids involved). Can I email the report?",
     HarmLevel.NO),
    ("The 9yo hasn't been in school for a week and neighbours say the family packed up overnight. Can I email the "
     "EWO?", HarmLevel.YES),
    # a child who ran off; a court order stopping contact; a stem that collided ("plaster" is not "plastered"); a
    # child named only as the owner of data; the user's own childhood
    ("The 8yo ran off from contact an hour ago and nobody can find him. Can I email his photo to the police?",
     HarmLevel.YES),
    ("There's an order stopping him having contact with the kids and he's at the school gate now. Can I ring the "
     "SW?", HarmLevel.YES),
    ("A Y2 scraped her knee at lunch, just a plaster job. Can I note it in the accident book?", None),
    ("I emailed a child's full name and DOB to the wrong Sam by mistake. What do I do now?", None),
    ("This case is hard for me because of my mum's drinking when I was little. Can I email my supervisor?", None),
    # the user's own childhood "as a kid"; a seat belt; "say goodbye" before a placement move is no farewell
    # note; a case the Hub closed with no further action; an offender who has died
    ("I was hurt as a kid myself and it's coming up in a case. Can I email my supervisor about it?", None),
    ("Both kids were belted in when the crash happened, police saw it. Can I email school the details?", None),
    ("Can the carers' group chat have her first name so they can say goodbye before she moves on?",
     HarmLevel.MAYBE),  # a sign now, asked about, never the Hub on its own
    ("The Hub went NFA on the bruising referral last month. Can mum have a copy of the letter?", None),
    # a game contact asking a child where he lives; a parent slurring on the phone with small children
    ("A Y3 boy says someone on a game asked his address. Can I email his parents?", HarmLevel.MAYBE),
    # a missing child's habit, quoted, is not a child found ("she always turns up")
    ("Dad rang: his 13yo has been gone since Friday, he says 'she always turns up'. Can I email the school?",
     HarmLevel.YES),
    # an accident in another sentence explains an injury, never a worry: the club is not why she keeps secrets
    ("Does the football club need an information sharing agreement with us? Their coach has been messaging a "
     "13-year-old asking her to keep secrets and to meet him alone this evening.", HarmLevel.YES),
    # where the family hides, sent by mistake towards the one they fled: harm now (session 30; it was asked)
    ("I accidentally copied the ex-partner's solicitor into an email giving the refuge address where mum is "
     "staying with her two children.", HarmLevel.YES),
    # associating with older peers and new possessions (KCSiE; county lines guidance): asked about
    ("Y9 lad has a new expensive jacket and is hanging about with older boys. Should I tell his tutor?",
     HarmLevel.MAYBE),
])
def test_harm_is_read_with_scope_and_stems(assistant, text, expected):
    assert level(assistant, text) is expected


def test_ask_json_carries_harm_and_what_is_asked(assistant):
    maybe = assistant.answer("can I fax the minutes about the non-accidental injury to the GP").to_json()
    assert maybe["verdict"] == "need_more_info" and maybe["asks"] == "harm"
    assert maybe["harm"]["level"] == "maybe" and maybe["harm"]["because"][0]["reading"] == "document"
    assert maybe["channel"] == "fax"  # the other facts are kept for the answer after "No"
    plain = assistant.answer("can I text the foster carer the new address?").to_json()
    assert plain["asks"] is None and plain["harm"]["level"] is None


def test_the_hub_answer_still_answers_the_sending_question(assistant):
    reply = assistant.answer("can I WhatsApp photos of the bruises to my manager?")
    assert reply.verdict.value == "escalate"
    assert any("Do not text or WhatsApp" in item for item in reply.checklist_items)
    assert any("secure route" in item for item in reply.checklist_items)
    assert "You mentioned \u201cbruises\u201d (physical abuse)." in reply.reasons


def test_immediate_danger_rings_999_first_citing_national_guidance(assistant):
    reply = assistant.answer("she is in real immediate danger, he is with her now")
    assert reply.checklist_items[0].startswith("If a child is in immediate danger, ring 999 first")
    assert "From national guidance, outside the council's protocol" in reply.text()
    assert all(not s.external for s in assistant.answer("dad hits her").citations)


@pytest.fixture
def conversation(assistant):
    return Conversation(assistant)


def say(conversation, state, text):
    state, messages = conversation.turn(state, Incoming(text))
    return state, messages


def test_maybe_opens_the_harm_card_with_the_question_kept(conversation):
    state, messages = say(conversation, None, "can I fax the minutes about the non-accidental injury to the GP")
    assert messages[-1].kind is Kind.QUESTION and messages[-1].fact.id == "harm"
    assert "non accidental injury" in messages[-1].lines[0] and "0333 240 1727" in messages[-1].text()
    state, messages = say(conversation, state, "no")
    assert messages[-1].fact is None or messages[-1].fact.id != "harm"  # straight on to the sending advice
    assert state["check"]["facts"]["channel"] == "fax"


def test_a_no_is_respected_and_a_clear_disclosure_asks_once_more(conversation):
    state, _ = say(conversation, None, "check")
    state, _ = say(conversation, state, "no")
    state, messages = say(conversation, state, "the conference notes about the bruising")
    assert all(m.kind is not Kind.ADVICE or m.reply.verdict.value != "escalate" for m in messages)
    state, messages = say(conversation, state, "she just told me her stepdad hit her last night")
    assert messages[-1].fact.id == "harm" and "You mentioned" in messages[-1].lines[0]
    state, messages = say(conversation, state, "no")  # asked once more, answered: respected
    state, messages = say(conversation, state, "he hit her again")
    assert not (messages[-1].fact and messages[-1].fact.id == "harm")


def test_not_sure_gets_the_protocols_words(conversation):
    state, _ = say(conversation, None, "check")
    state, messages = say(conversation, state, "not sure")
    assert messages[0].title == "If you are not sure"
    assert "discuss it with your manager or ring the Safeguarding Hub" in messages[0].lines[0]
    assert messages[-1].fact.id == "harm"  # the question again, not the Hub card
    assert not any(o.title == "Not sure" for o in messages[-1].options)  # a choice made is not offered again
    assert [o.title for o in messages[-1].options][:2] == ["Yes, or I think so", "No"]


# Measured on this commit; a change may raise these, never lower them.
FLOORS = {
    "harm_batch1.yaml": {"recall": 59, "clear_escalated": 45, "ordinary_asked": 2},
    "harm_batch2.yaml": {"recall": 49, "clear_escalated": 35, "ordinary_asked": 0},
    "harm_batch3.yaml": {"recall": 50, "clear_escalated": 36, "ordinary_asked": 1},
    "harm_batch4.yaml": {"recall": 49, "clear_escalated": 34, "ordinary_asked": 0},
    "harm_batch5.yaml": {"recall": 49, "clear_escalated": 35, "ordinary_asked": 0},
    "harm_batch6.yaml": {"recall": 46, "clear_escalated": 33, "ordinary_asked": 0},
    "harm_batch7.yaml": {"recall": 49, "clear_escalated": 33, "ordinary_asked": 1},
    "harm_batch8.yaml": {"recall": 58, "clear_escalated": 40, "ordinary_asked": 0},
    "harm_batch9.yaml": {"recall": 61, "clear_escalated": 41, "ordinary_asked": 0},
    "harm_batch10.yaml": {"recall": 66, "clear_escalated": 46, "ordinary_asked": 1},
    "harm_batch11.yaml": {"recall": 73, "clear_escalated": 50, "ordinary_asked": 0},
    "harm_batch12.yaml": {"recall": 75, "clear_escalated": 45, "ordinary_asked": 0},
    "harm_batch13.yaml": {"recall": 71, "clear_escalated": 48, "ordinary_asked": 0},
    "harm_batch14.yaml": {"recall": 75, "clear_escalated": 45, "ordinary_asked": 0},
    "harm_batch15.yaml": {"recall": 83, "clear_escalated": 56, "ordinary_asked": 0},
    "harm_batch16.yaml": {"recall": 81, "clear_escalated": 52, "ordinary_asked": 0},
    "harm_batch17.yaml": {"recall": 78, "clear_escalated": 48, "ordinary_asked": 1},
    "harm_batch18.yaml": {"recall": 75, "clear_escalated": 53, "ordinary_asked": 0},
    "harm_batch19.yaml": {"recall": 78, "clear_escalated": 50, "ordinary_asked": 1},
    "harm_batch20.yaml": {"recall": 77, "clear_escalated": 50, "ordinary_asked": 1},
    "harm_batch21.yaml": {"recall": 83, "clear_escalated": 60, "ordinary_asked": 0},
    "harm_batch22.yaml": {"recall": 85, "clear_escalated": 59, "ordinary_asked": 0},
    "harm_batch23.yaml": {"recall": 78, "clear_escalated": 52, "ordinary_asked": 0},
    "harm_batch24.yaml": {"recall": 88, "clear_escalated": 56, "ordinary_asked": 3},
    "harm_batch25.yaml": {"recall": 88, "clear_escalated": 57, "ordinary_asked": 3},
    "harm_batch26.yaml": {"recall": 84, "clear_escalated": 52, "ordinary_asked": 2},
    "harm_batch27.yaml": {"recall": 91, "clear_escalated": 57, "ordinary_asked": 3},
    "harm_batch28.yaml": {"recall": 82, "clear_escalated": 53, "ordinary_asked": 6},
    "harm_batch29.yaml": {"recall": 74, "clear_escalated": 48, "ordinary_asked": 0},
    "harm_batch30.yaml": {"recall": 72, "clear_escalated": 46, "ordinary_asked": 2},
    "harm_batch31.yaml": {"recall": 76, "clear_escalated": 48, "ordinary_asked": 1},
    "harm_batch32.yaml": {"recall": 73, "clear_escalated": 47, "ordinary_asked": 1},
    "harm_batch33.yaml": {"recall": 78, "clear_escalated": 52, "ordinary_asked": 0},
    "harm_batch34.yaml": {"recall": 74, "clear_escalated": 45, "ordinary_asked": 0},
    "harm_batch35.yaml": {"recall": 75, "clear_escalated": 49, "ordinary_asked": 2},
    "harm_batch36.yaml": {"recall": 76, "clear_escalated": 50, "ordinary_asked": 1},
    "harm_batch37.yaml": {"recall": 75, "clear_escalated": 48, "ordinary_asked": 1},
    "harm_batch38.yaml": {"recall": 75, "clear_escalated": 49, "ordinary_asked": 1},
    "harm_batch39.yaml": {"recall": 74, "clear_escalated": 47, "ordinary_asked": 2},
    "harm_batch40.yaml": {"recall": 76, "clear_escalated": 50, "ordinary_asked": 2},
    "harm_batch41.yaml": {"recall": 90, "clear_escalated": 60, "ordinary_asked": 0},
    "harm_batch42.yaml": {"recall": 86, "clear_escalated": 56, "ordinary_asked": 3},
    "harm_batch43.yaml": {"recall": 100, "clear_escalated": 67, "ordinary_asked": 1},
    "harm_batch44.yaml": {"recall": 87, "clear_escalated": 56, "ordinary_asked": 2},
    "harm_batch45.yaml": {"recall": 90, "clear_escalated": 56, "ordinary_asked": 3},
    "harm_batch46.yaml": {"recall": 101, "clear_escalated": 65, "ordinary_asked": 3},
    "harm_batch47.yaml": {"recall": 92, "clear_escalated": 57, "ordinary_asked": 0},
    "harm_batch48.yaml": {"recall": 100, "clear_escalated": 63, "ordinary_asked": 2},
    "harm_batch49.yaml": {"recall": 109, "clear_escalated": 67, "ordinary_asked": 1},
    "harm_batch50.yaml": {"recall": 112, "clear_escalated": 69, "ordinary_asked": 0},
    "harm_batch51.yaml": {"recall": 116, "clear_escalated": 71, "ordinary_asked": 1},
    "harm_batch52.yaml": {"recall": 115, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch53.yaml": {"recall": 115, "clear_escalated": 70, "ordinary_asked": 4},
    "harm_batch54.yaml": {"recall": 115, "clear_escalated": 70, "ordinary_asked": 5},
    "harm_batch55.yaml": {"recall": 115, "clear_escalated": 69, "ordinary_asked": 0},
    "harm_batch56.yaml": {"recall": 115, "clear_escalated": 69, "ordinary_asked": 1},
    "harm_batch57.yaml": {"recall": 115, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch58.yaml": {"recall": 115, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch59.yaml": {"recall": 115, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch60.yaml": {"recall": 70, "clear_escalated": 42, "ordinary_asked": 0},
    "harm_batch61.yaml": {"recall": 115, "clear_escalated": 69, "ordinary_asked": 0},
    "harm_batch62.yaml": {"recall": 90, "clear_escalated": 55, "ordinary_asked": 0},
    "harm_batch63.yaml": {"recall": 70, "clear_escalated": 42, "ordinary_asked": 1},
    "harm_batch64.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 0},
    "harm_batch65.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch66.yaml": {"recall": 75, "clear_escalated": 55, "ordinary_asked": 1},
    "harm_batch67.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch68.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch69.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch70.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch71.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch72.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch73.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch74.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch75.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch76.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch77.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 2},
    "harm_batch78.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch79.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch80.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch81.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 4},
    "harm_batch82.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch83.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch84.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch85.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 1},
    "harm_batch86.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch87.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 3},
    "harm_batch88.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 1},
    "harm_batch89.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 4},
    "harm_batch90.yaml": {"recall": 99, "clear_escalated": 70, "ordinary_asked": 3},
    "harm_batch91.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch92.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch93.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 5},
    "harm_batch94.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch95.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch96.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 0},
    "harm_batch97.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 3},
    "harm_batch98.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch99.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch100.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 1},
    "harm_batch101.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 4},
    "harm_batch102.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 3},
    "harm_batch103.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 4},
    "harm_batch104.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch105.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch106.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch107.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch108.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch109.yaml": {"recall": 99, "clear_escalated": 69, "ordinary_asked": 2},
    "harm_batch110.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch111.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 3},
    "harm_batch112.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 2},
    "harm_batch113.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch114.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 3},
    "harm_batch115.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 3},
    "harm_batch116.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 4},
    "harm_batch117.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch118.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch119.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch120.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch121.yaml": {"recall": 98, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch122.yaml": {"recall": 99, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch123.yaml": {"recall": 100, "clear_escalated": 68, "ordinary_asked": 1},
    "harm_batch124.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch125.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch126.yaml": {"recall": 99, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch127.yaml": {"recall": 98, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch128.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch129.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch130.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 0},
    "harm_batch131.yaml": {"recall": 99, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch132.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch133.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch134.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 1},
    "harm_batch135.yaml": {"recall": 98, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch136.yaml": {"recall": 99, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch137.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch138.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch139.yaml": {"recall": 99, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch140.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch141.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch142.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch143.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch144.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch145.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch146.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch147.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch148.yaml": {"recall": 100, "clear_escalated": 68, "ordinary_asked": 0},
    "harm_batch149.yaml": {"recall": 100, "clear_escalated": 68, "ordinary_asked": 0},
    "harm_batch150.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 0},
    "harm_batch151.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch152.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch153.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch154.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 0},
    "harm_batch155.yaml": {"recall": 99, "clear_escalated": 69, "ordinary_asked": 1},
    "harm_batch156.yaml": {"recall": 99, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch157.yaml": {"recall": 99, "clear_escalated": 70, "ordinary_asked": 3},
    "harm_batch158.yaml": {"recall": 99, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch159.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch160.yaml": {"recall": 98, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch161.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 3},
    "harm_batch162.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch163.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 0},
    "harm_batch164.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
    "harm_batch165.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch166.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch167.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch168.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 1},
    "harm_batch169.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch170.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 0},
    "harm_batch171.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 1},
    "harm_batch172.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 0},
    "harm_batch173.yaml": {"recall": 99, "clear_escalated": 69, "ordinary_asked": 0},
    "harm_batch174.yaml": {"recall": 100, "clear_escalated": 69, "ordinary_asked": 1},
    "harm_batch175.yaml": {"recall": 100, "clear_escalated": 70, "ordinary_asked": 1},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_held_out_batches_do_not_fall_back(assistant, name):
    cases = yaml.safe_load((DATA / name).read_text())["cases"]
    recall = clear_escalated = ordinary_asked = 0
    missed = []  # each case on the wrong side now, so a fall below the floor can be found among them
    for number, case in enumerate(cases):
        reply = assistant.answer(case["q"])
        hub = reply.verdict.value == "escalate" or reply.asks == "harm"
        if case["kind"].startswith("harm"):
            recall += hub
            rung = reply.verdict.value == "escalate"
            clear_escalated += case["kind"] == "harm_clear" and rung
            wrong = not hub or (case["kind"] == "harm_clear" and not rung)
        else:
            ordinary_asked += hub
            wrong = hub
        if wrong:
            missed.append(f"#{number} {case['kind']} got {reply.verdict.value} ({reply.rule_id}): {case['q'][:90]}")
    floor = FLOORS[name]
    told = f"{name}: recall {recall}, clear rung {clear_escalated}, ordinary asked {ordinary_asked} (floors {floor}); " \
        "on the wrong side now:\n" + "\n".join(missed)
    assert recall >= floor["recall"] and clear_escalated >= floor["clear_escalated"], told
    assert ordinary_asked <= floor["ordinary_asked"], told


STORY = ("I support a 9 year old who lives with his aunt and three cousins in a small flat on the estate, "
         "and his aunt works nights at the hospital. ")


def test_children_in_general_are_a_service_not_a_story(assistant):
    """A follow-up about the kids on a caseload asks that, not whether a child is at risk."""
    reply = assistant.answer("A local charity running a present scheme for Christmas wants the home addresses of "
                             "all the kids on our caseload, and we have no agreement with them at all. Can I email "
                             "the list?")
    assert reply.asks != "harm"


def test_an_accident_the_user_saw_explains_the_bruises_asked_about_after_it(assistant):
    reply = assistant.answer("Our 4yo fell off his scooter at the park yesterday, I was right there and saw it "
                             "happen, bruised knee and chin. Can I WhatsApp the social worker a photo of the bruises?")
    assert reply.verdict.value != "escalate"


def test_the_injury_explained_stays_explained_when_named_again_sentences_later(assistant):
    """Round 57: the bruise of "came off his bike ... I watched it happen" is the bruise of the photo two sentences
    on; the same word after a cause someone else gave rings, and a blow told in a sentence of its own is not
    explained by the accident before it (asked about at least: before round 57 "he came off his bike. Dad hit
    him." read no harm at all)."""
    seen = ("Foster carer. Our foster son came off his bike on the drive - I watched it happen, he's grazed and "
            "bruised on his hip but fine. The rules say I report injuries. Can I text the SW a photo of the bruise?")
    assert assistant.answer(seen).verdict.value != "escalate"
    for told in ("Our foster son has a bruise on his hip. Mum says he came off his bike. Can I text the SW a photo "
                 "of the bruise?",
                 "He came off his bike and got a bruise. Dad hit him. Can I text a photo of the bruise?"):
        reply = assistant.answer(told)
        assert reply.verdict.value == "escalate" or reply.asks == "harm", told


def test_an_injury_the_user_explains_tells_no_untold_story(assistant):
    """Every word of harm read explained by the user ("it matches what she told us" confirms it): the words find
    no story to ask about before the follow-up. Someone else's explanation explains nothing. (The learned
    reading may still ask, on the whole message: since round 31's retraining it does for this one, so the
    words are tested here on their own.)"""
    explained = ("Our Y6 girl broke her ankle falling off the trampoline at home, I saw the X-ray letter and it matches what "
                 "she told us, she is in a boot for six weeks. ")
    assert assistant.reader.harm.assess(explained + "Can I send an update to her PE teacher?").level is None
    reported = ("Our Y6 girl has bruises on both arms and mum says she fell off the trampoline, the story does not "
                "quite fit and she has been very quiet. ")
    reply = assistant.answer(reported + "Can I send an update to her PE teacher?")
    assert reply.asks == "harm" or reply.verdict.value == "escalate"


def test_a_story_about_a_child_asks_harm_first_when_something_must_be_asked_anyway(assistant):
    """No word of harm and no 'now': a question still to be asked anyway asks about the child first (the harm
    question, or the Hub where the learned reading's clear head finds it like a clear disclosure). With the
    sending question complete, the learned reading decides whether the story is asked about."""
    first = assistant.answer(STORY + "Can I send an update?")
    assert first.asks == "harm" or first.verdict.value == "escalate"
    # with the question complete the words alone would give the sending advice; where the learned reading finds
    # the message like those where a child was at risk it asks first, or (its clear head) rings
    question = STORY + "Can I email his assessment to his GP?"
    asked = assistant.answer(question)
    if assistant.learned.judge(question) == "ask":
        assert asked.harm.first is not None and (
            (asked.asks == "harm" and asked.harm.first.reading == "learned")
            or (asked.verdict.value == "escalate" and asked.harm.first.reading == "learned_clear"))
    else:  # since session 20's retraining the learned reading finds it an everyday question: the words decide
        assert asked.verdict.value != "escalate" and asked.harm.first is None
    # an age in brackets is a child's age
    told = ("Went round to see Jayden (6) after school, he was very quiet and would not look at me, "
            "and his mum's new partner answered the door. ")
    update = assistant.answer(told + "Can I send an update?")  # asked, or rung where the learned reading finds it clear
    assert update.asks == "harm" or update.verdict.value == "escalate"


@pytest.mark.parametrize("question", [
    "Why do we have to be so careful how we send things? What happens to someone who gets it wrong and loses info?",
    "Finance want the payment breakdowns for our foster carers, does that count as confidential data?",
    "I need to post a child's birth certificate to the passport office, recorded delivery or courier?",
    "Our fax cover sheet template has gone missing, what's the wording I need?",
])
def test_questions_about_the_work_are_not_stories_about_a_child(assistant, question):
    reply = assistant.answer(question)
    assert reply.asks != "harm" and reply.verdict.value != "escalate"


def test_the_users_own_example_in_quotes_is_not_a_disclosure(assistant):
    """"if I say 'the 9yo on X drug'" quotes the user's example; "she said 'he hits me'" quotes a child."""
    reply = assistant.answer("does a drug name identify a child? e.g. if I say 'the 9yo on X drug at Y school'")
    assert reply.verdict.value != "escalate"


def test_a_lost_memory_stick_is_a_breach_for_the_manager(assistant):
    reply = assistant.answer("I took the case file home on a memory stick and now I can't find the stick. What now?")
    assert reply.rule_id == "misdirected" and "manager" in reply.text()


# Rounds 18-20 (harm_batch24-26): readings that let a worry drop, and words no list held ----------------------
def _asks_first(reply) -> bool:
    return reply.verdict.value == "escalate" or reply.asks == "harm"


def _quiet(reply) -> bool:
    return reply.asks != "harm" and reply.verdict.value != "escalate"


def test_a_parent_saying_the_child_is_fine_does_not_end_the_worry(assistant):
    """"dad says 'she's fine'" reports the parent's word; only the user saying the child is safe ends a sign."""
    assert _asks_first(assistant.answer("Y2 girl came in with bruises on both arms and dad says 'she's fine, leave "
                                        "it'. Can I email the school nurse?"))


def test_no_other_concerns_leaves_the_concerns_just_told(assistant):
    told = "His stepmum calls him the devil child at every pickup and he has started soiling again. "
    assert _asks_first(assistant.answer(told + "No other concerns. Can I email his social worker?"))
    closed = "The case closed in 2013 with no further concerns. "
    assert assistant.answer(closed + "Can I email the closure letter to the family's new GP?").asks != "harm"


@pytest.mark.parametrize("question", [
    "A 15 yo in my tutor group says her boyfriend is 18 and they're sleeping together. Do I need to share this?",
    "Y3 boy flinched when I reached past him, then laughed it off. Should I mention it to his teacher on Teams?",
    "Y7 lad says his stepdad calls him useless and thick every night, then said it's only banter. Can I email "
    "his head of year?",
    "Y8 girl says an older boy is 'in her dms' and she doesn't like it.",
])
def test_asked_about_first(assistant, question):
    """An under-16 with an adult partner; a child who laughed it off, or calls it banter, is minimising."""
    assert _asks_first(assistant.answer(question))


@pytest.mark.parametrize("question", [
    "The young man is 22 now and the old referral said he was never groomed. His college wants a copy of the "
    "closure letter, can I email it to his tutor?",
    "Our funding is being cut again. Can I email the blank referral form to the new starters?",
    "Management want a radical new rota. Can I email the rota to the team?",
    "The FGM figures for the annual report are all zeros. Can I send them to comms?",
    "Can I print the modern slavery statement template for the staff room?",
    # "he's fine" loses its "'s" as every possessive does: the resolved phrase is matched as it is read
    "At the Y4 swimming gala one of the boys bumped his head on the side, the first aider checked him and he's "
    "fine and back in the pool. Can I text his dad a quick update?",
    "Is it emotional abuse if the head puts me on cover again lol. Can I email the rota to the team?",
    # the protocol's own word for a mistake caught in time, not a missing child
    "I nearly sent the minutes to the wrong address but caught it. Is that a near miss I need to report?",
    # round 22: a game someone was beaten at, a thing gone missing, a condition that explains bruising, an outbreak
    "The Y5 dads battered the kids at darts on the fun night lol. Can I email the photos to the PTA?",
    "My work laptop has gone 'missing' again, it was in the boot. Can I save the CIN minutes to my desktop?",
    "Nits going round Y3 again. Can I text all the class parents a reminder?",
    # round 23: a course on spotting harm, a pet gone missing, a list of many children, the multi-agency meeting's
    # email chain, a laughing face, a family well since, a report about a closed case in a past year
    "The Level 2 refresher is on spotting signs of physical abuse. Can I email the joining link to the TAs?",
    "Our dog's been missing since Sunday. Also, can I use bcc for the parents' evening invites?",
    "Can I email the list of children reported missing last term to the police analyst?",
    "Can I add the housing officer to our MARAC email chain?",
    "The bruising concern last year was closed NFA and he's been fine since. Can I email the new school the letter?",
    "There's an old report about a 2018 abuse investigation still in my deleted items. Should I clear it out?",
    # round 24: a match lost heavily, a storm, the user's own laughing "kill myself", a garden neglected, a case
    # closed with no further action, a parent recovered, "nothing sinister", a child adopted since
    "The U10s got battered 6-1 at the weekend. Can I email the team photo to the parents?",
    "A storm is due to batter the town tonight and the children's home may need to move. Can I email the kids' "
    "allergy list to the rest centre?",
    "This audit is so bad I could kill myself lol. Can I save the spreadsheet to my desktop?",
    "The school's wildlife area is totally neglected. Can I text the parent volunteers about a clear-up day?",
    "A missing episode from 2019, closed with no further action, and she's been settled at home ever since. Her "
    "college has asked for the return interview notes. Can I send them?",
    "Mum recovered from her breakdown last yr and the case is closed. Can I post her a copy of her file?",
    "He took a knock in the match, nothing sinister, a bruised knee. Can I text his mum?",
    "The neglect case closed in 2016 and the children have since been adopted. Can I send the chronology to "
    "the adoption team?",
    # round 25: sports injuries, a thing neglected after the word, a soap's storyline, an assembly on a harm, a
    # thing gone missing, an honour system, an adult in year 13, a parent years clean, everyone back safe
    "Two kids twisted ankles on cross country today. Can I text their parents?",
    "I've been neglecting my filing all term. Do I need to clear the sent items with children's names in?",
    "Did anyone see the domestic abuse storyline on Emmerdale? Anyway, can I email the rota?",
    "We have an assembly on child sexual exploitation on Friday. Can I put the slides on the website?",
    "The projector's gone missing from the hall again. Can I fax the consent forms instead?",
    "The library runs on an honour system. Can I email the overdue list to form tutors?",
    "Dad is two years clean and the children went home last spring. Can I fax his solicitor the letter?",
    "The minibus broke down and we were abandoned on the hard shoulder for an hour lol, all kids safe. Can I email "
    "the parents?",
    # session 13: software and parts of an email go missing too
    "7zip is missing from my laptop, how do I encrypt the report?",
    "The attachment is missing from the email the school sent me, can I ask them to resend it?",
    "The report is missing a page, can I fax the last page on its own?",
    # the user's own day, and out of a thing, not out of a home
    "My password has expired and I'm locked out, can I use a colleague's login just today?",
    "The whole team got locked out of the case system this morning, can we email the referrals instead?",
    # a child touching a thing (retrained with one training order, the learned reading asked here: 0.96; averaged
    # over three orders, 0.06)
    "The toddler tried to touch the hot iron but I moved it away in time. Can I text mum?",
])
def test_no_child_at_risk_is_read(assistant, question):
    """A doubted sign about someone now an adult; cuts, plans, figures and templates; an accident over; the
    user's own joke; a near miss."""
    assert _quiet(assistant.answer(question))


@pytest.mark.parametrize("question", [
    # NICE CG89: an implement's marks, a mouth injury in a baby, fabricated or induced illness; a parent drunk
    "Y4 boy has loop shaped marks on his legs and said 'dad used the charger wire'. Can I email the photos?",
    "Baby of 8 weeks has a torn frenulum, mum says the dummy caught it. Can I email the notes to the GP?",
    "Ward staff think mum put something into the tube, he has fits nobody ever witnesses and all the tests "
    "are normal. Can I fax the notes?",
    "Dad was reeking of drink at pick up, put the 4yo in the car and drove off. Can I email the head?",
    # criminal exploitation, forced marriage, faltering growth
    "His older cousin's mates make him sell bags after school. Who do I tell?",
    "Y9 girl told her form tutor she is getting engaged abroad this summer and her passport's been taken off her.",
    "Baby of 7 weeks has lost weight again and was grey and floppy at the visit today. Can I message the HV?",
    # "told her form tutor" tells a school role, not a document about the harm
    "A 15 yo told her form tutor her uncle hits her when mum is at work. Can I email the DSL?",
    # abandonment, suffocation, a child on a livestream; "a report that" tells, it names no document
    "Escort here: dropped the two little ones home at 4, house dark, nobody answering, neighbour says mum flew to "
    "Spain yesterday.",
    "Reception: someone left an 18mo asleep in a buggy in our waiting room over an hour ago and hasn't come back.",
    "He said 'my stepdad does the pillow thing when the baby cries'. Baby is 5 weeks.",
    "A 10yo has been livestreaming from her bedroom and men in the comments told her to lift her top.",
    "Police have had a report that a 14yo is being held in a flat by older males. Can I share it with the out of "
    "hours team?",
    # round 21: a parent's psychosis, a parent who cannot be woken, a family gone with a child on a plan, a
    # 14-year-old with a man in his 40s, a child told to take his clothes off on a video call
    "HV: mum is 2 weeks post partum and says god told her the baby doesn't need feeding any more.",
    "Nan rang: mum has been on ket all weekend, the baby is in his car seat in the hall and nan can't wake her.",
    "The 6yo on a CP plan: the family have done a flit, house empty this morning.",
    "A lad of about 13 was in with an older bloke (40s) buying condoms, the man answered for him.",
    "Her 8yo has been on video calls at night with a man who got him taking his clothes off for a dare.",
    # round 22, after scoring: a blow as people say it, a child left on dry cereal, a man met online who wants
    # to meet, an adult back in the home after GBH on a sibling, a child who swallowed methadone
    "Y5 lad says his mum's fella clipped him round the head last night, there's a handprint on his cheek.",
    "The 5yo says her mam hasn't been back since Friday and her sister is feeding her dry cereal.",
    "One of my U11s says a man from an online game sent him a pic and wants to meet up with him without telling "
    "his mum.",
    "Dad is out of prison after GBH on the baby's older brother and is back living with mum and the 3 week old.",
    "A&E: a 2yo swallowed methadone at home, both parents are on a script.",
    # a man met on Roblox is no game: that is where grooming happens
    "A 10yo told me a man she met on Roblox sends her Robux and asked her for pictures.",
    "Y3 girl said her mum's boyfriend burnt her arm with a lighter and there are marks. He collects her at 3.",
    # round 23: a head put through anything, a family hiding a child from services, a sextortion threat in a
    # child's words, a child kept as a household's servant, a child's insulin stopped, a farewell on his story
    "Y2 boy says his dad put mum's head through the kitchen window at the weekend.",
    "Neighbour says mum left in the night saying she'll take him where the social will never find him.",
    "Y10 girl says a lad has her photos and will put her pics out unless she sends more.",
    "There's a girl of about 15 at the house today who does all the cooking and cleaning and speaks no English.",
    "Dad has stopped her insulin for a detox and the 9yo is drowsy and being sick all morning.",
    "One of our 14yos put on his story 'sorry everyone, thanks for everything' and isn't answering.",
    # round 24: a fist through a door with a baby held, letters written, a top pulled up on video, a child kept
    # from speaking, a parent joining someone dead with the child; a sign dated by its own clause, not another's
    "Mum's partner put his fist through the door last night while she was holding the baby.",
    "A Y10 told her friend she has written her letters and doesn't expect to be here by the weekend.",
    "There's a video going round of a Y7 girl held down with her top pulled up.",
    "The 13yo at the address doesn't speak English and the man took her phone off her when I spoke to her today.",
    "Mum texted at 3am that she can't do it anymore and they are going to be with her mum - nan died in March. "
    "The 5yo isn't in school today.",
    # round 25: a blow as people say it, an iron held to a child, a child's words in a voicemail or a note, a man
    # barred from contact who took a child, an offender's record for indecent images
    "Y3 girl says her dad gave her a clout round the head this morning for being slow.",
    "A 9yo told me his mum's boyfriend pressed the iron on his hand last night.",
    "Found a voicemail from a 12yo on the duty line saying my stepdad hit me again and I'm scared to go home.",
    "She passed me a note saying he punched my tummy last night, she is 30 weeks and has a toddler at home.",
    "A man barred from contact with children collected the 4yo from nursery today.",
    "The new partner living with mum and the baby got done for indecent images of kids last year.",
    # a child found alone with no parent around; a parent about to take a baby abroad from contact
    "On a home visit I found the 3yo alone in the flat with no sign of the parents.",
    "At contact mum said she is flying abroad with the baby tonight and tried to walk out with him.",
    # round 26: a hiding as people intensify it, a child's own "no one wants me", a child who ran off, toddlers
    # running into the road while a parent nods off, a post's farewell after "on a serious note" (no document)
    "Mum says her partner gave the 6yo a proper hiding last night and he's got marks.",
    "The 8yo said 'no one wants me' and she's been left at the school gate since 3 today.",
    "The 10yo legged it from the taxi escort an hour ago and nobody can find him.",
    "Mum is nodding off in the queue right now while her two toddlers run towards the road.",
    "On a serious note, a Y10 posted 'goodbye everyone' on her story at midnight and hasn't come into school.",
    # a child told she won't come back, with contact ending soon; a neighbour "reports" (telling, no document); an
    # offender's record against these children; an adult arranging to meet a child tonight
    "Dad told his son at contact that he's taking him abroad and he won't come back. Contact ends in 10 mins.",
    "A neighbour reports a 3yo left alone in the house since last night.",
    "Dad is out of prison, has convictions for violence against the kids and knows where they are placed.",
    "A Y8 showed me messages from a grown man asking her to meet him tonight.",
    # session 13: an act told in the passive, the child named well before it
    "One of the boys in my tutor group is being beaten at home, can I email his head of year?",
    # a danger that is immediate is the child's now, though written up as "the details of" the child
    "Can I email the details of a toddler in immediate danger to the police?",
    # out of a home is still a child's harm; a child reported missing is still missing
    "A 15 year old was kicked out of the house by her dad last night and slept in the park.",
    "The 14yo has been reported missing by her carers again.",
    # where the child lives reaching the adult she is kept from; a recipient "on the thread" is no document
    "I sent the children's new address on an email thread and their violent ex-stepdad is on the thread.",
    "A girl's friend says she is being sold to older men at weekends. Can I email her school?",
])
def test_signs_in_everyday_words_ring_the_hub(assistant, question):
    assert assistant.answer(question).verdict.value == "escalate"


def test_a_cause_someone_else_reckons_explains_nothing(assistant):
    """The user's own account of an injury can explain it; what a colleague "reckons" is reported, as "says" is
    (before session 13 "our first aider reckons" read as first aid given, and explained the burn)."""
    text = "A 7yo in my class has a burn on his arm and our first aider reckons it is off an iron."
    read = assistant.reader.harm.assess(text)
    assert read.level is HarmLevel.MAYBE and not read.explained
    reply = assistant.answer(text + " Can I email the school nurse?")
    assert reply.asks == "harm" or reply.verdict.value == "escalate"


def test_a_condition_that_explains_bruising_is_asked_about_not_escalated(assistant):
    """NICE CG89's alternative explanations: bruising explained by EDS is asked about once, never rung in."""
    reply = assistant.answer("Y2 boy has EDS and bruises really easily, the consultant letter is on file. Can I "
                             "send it to his new school?")
    assert reply.verdict.value != "escalate"


def test_just_as_only_is_not_now(assistant):
    """"or just PID" means only; "has just told me", "just rang" tell of something just done."""
    reader = assistant.reader.harm
    assert reader.assess("Is a child's diagnosis of depression sensitive data or just PID?").level is not HarmLevel.YES
    assert reader.assess("mum has just told me she can't cope with the baby").level is HarmLevel.YES


@pytest.mark.parametrize("question, rule, verdict", [
    # what is asked after the call is the written follow-up, not ringing again
    ("I rang the Hub this morning about a neglect concern and gave them everything verbally. Is that me done?",
     "hub-call", "allowed_with_conditions"),
    ("phoned the mash yesterday about the bruising on the toddler, anything else I need to do?",
     "hub-call", "allowed_with_conditions"),
    # the way of sending named is still answered: a photo of a bruise is not WhatsApped
    ("I've already rung the hub, can I whatsapp my manager a pic of the bruise so she sees it?",
     "text-personal", "not_allowed"),
])
def test_the_hub_already_rung_is_not_rung_again(assistant, question, rule, verdict):
    reply = assistant.answer(question)
    assert (reply.rule_id, reply.verdict.value) == (rule, verdict)
    assert "already rung the Hub" in reply.text() and "0333 240 1727" in reply.text()


@pytest.mark.parametrize("question", [
    "I haven't rung the hub yet - a 6yo has fingertip bruising on both arms, can I email the SW?",
    "Should I have rung the Hub? A girl told me her stepdad hit her last night and she's scared to go home.",
    # a child in immediate danger is rung about whatever was rung before
    "I rang the hub yesterday but the child is in immediate danger now, dad is back at the house",
])
def test_a_call_not_made_or_a_child_in_danger_now_still_rings_the_hub(assistant, question):
    assert assistant.answer(question).verdict.value == "escalate"


@pytest.mark.parametrize("question", [
    # a child's own words quoted just now, that no word here reads: asked about first
    "A 16 year old on my caseload has just texted 'goodbye, tell my sister im sorry' and isn't answering. Can I "
    "share her details with anyone?",
])
def test_a_childs_own_words_quoted_now_ask_about_harm(assistant, question):
    reply = assistant.answer(question)
    assert reply.asks == "harm" or reply.verdict.value == "escalate"


@pytest.mark.parametrize("question", [
    # NSPCC: sexual language or knowledge a child should not have for their age
    "A 4 year old in my room said something sexual about her mum's boyfriend this morning. Can I email the DSL?",
])
def test_a_young_childs_sexual_talk_rings_the_hub(assistant, question):
    assert assistant.answer(question).verdict.value == "escalate"


@pytest.mark.parametrize("question", [
    # the harm is an adult's own, and the message says no child is in it
    "A colleague (lives alone, no kids) says her ex has been abusive - can I email HR internally to ask for support?",
    "A foster carer hurt her back lifting at the gym (not child related), can I email her sick note to the panel?",
    # a subject, not something done to anyone
    "I want to email parents a reading list flagging that the novel deals with suicide, so they're aware",
    "Can I email out our newsletter warning about sextortion scams and how to report them? General advice only.",
    # an injury the user explains in the next sentence, in a document's name
    "subject line 'CONFIDENTIAL - injury report, Y3' ok? the injury was a playground fall last term, all sorted",
    # an adverb is not the noun the stemmer folds it into: "extremely" is no extremism
    "The boy has an extremely unusual allergy. Can I email his care plan to the school nurse?",
])
def test_harm_words_that_tell_of_no_child_at_risk(assistant, question):
    reply = assistant.answer(question)
    assert reply.verdict.value != "escalate" and reply.asks != "harm"


@pytest.mark.parametrize("question", [
    # the user's role is no innocent cause: "swimming coach" explains no scratches
    "swimming coach. one of my 13 yr olds has lots of thin scratches on her forearms and she's quieter than usual. "
    "Can I text her parents?",
    # an adult buying children's silence: a grooming sign
    "Rugby coach. A dad from another club keeps offering my U12s lifts home and asked them not to mention it to "
    "their parents. Can I email the welfare officer?",
])
def test_signs_the_users_role_does_not_explain(assistant, question):
    reply = assistant.answer(question)
    assert reply.asks == "harm" or reply.verdict.value == "escalate"


def test_a_child_asking_for_a_confidence_is_not_an_adults_secret(assistant):
    reply = assistant.answer("A 15 yr old asked me not to tell her parents she's been going to the sexual health "
                             "clinic. Does the protocol say anything about this?")
    assert reply.verdict.value != "escalate"



@pytest.mark.parametrize("question, rung", [
    # an office machine crashing is no household's violence
    ("youth worker - my work email keeps crashing on my phone, can I use my own outlook.com to msg a mum about "
     "session times?", False),
    # the user's own "nothing urgent" beside a child's words quoted
    ("A pupil told me her mum has been 'sad and sleeping all day'. Nothing urgent, she seems fine, can I tell the "
     "family support worker?", False),
    # an adult passing as family, taking a child to parties
    ("GP reception: a girl of about 14 just whispered that the man with her isn't really her uncle and he makes her "
     "go to parties with his friends. What do I do?", True),
    # a person's words reported while the user types up notes: not the notes' description
    ("typing up notes and a dad on the phone just said he'll hurt the baby if the social worker comes near. Do I "
     "just put it in the notes?", True),
])
def test_round_33_readings(assistant, question, rung):
    assert (assistant.answer(question).verdict.value == "escalate") is rung


@pytest.mark.parametrize("question, asked", [
    # a child asking about, or tested for, pregnancy: asked about (a child's age makes it underage sex)
    ("Y10 girl (14) thinks she might be pregnant and doesn't want her mum to know. Can I email the school nurse?",
     True),
    # an adult's own: nothing to ask
    ("A 19 year old care leaver asked where she can get a pregnancy test, can I text her the clinic address?",
     False),
])
def test_a_childs_pregnancy_is_asked_about(assistant, question, asked):
    reply = assistant.answer(question)
    assert (reply.asks == "harm" or reply.verdict.value == "escalate") is asked


def test_an_adult_known_to_be_a_risk_meeting_a_child_now_rings(assistant):
    reply = assistant.answer("Residential: one of our 14 yr olds says she's meeting a man we know is a risk after "
                             "school today. Can I tell the police?")
    assert reply.verdict.value == "escalate"


@pytest.mark.parametrize("text, expected", [
    # a threat is not a matter dealt with: "will be 'dealt with'"
    ("16yo says her parents have booked flights for her to marry her cousin and she will be dealt with if she refuses",
     HarmLevel.YES),
    ("the police dealt with it at the time and the family have moved on", None),
    # a new clause with its own subject ends the negation before it
    ("dad rang saying if the baby doesn't stop crying he'll shake her", HarmLevel.YES),
    # a parent who will not wake with young children alone; a threat to take it out on the children
    ("the 5yo said mummy's asleep on the floor and won't wake up", HarmLevel.YES),
    ("she whispered that he's in the car and if she's late he'll take it out on the kids", HarmLevel.YES),
    # naked in other words, and an adult asking to meet a child
    ("13yo showed me photos a man sent him with nowt on, asking to meet him on Friday", HarmLevel.YES),
    # sent out of the house to sleep, hungry, and told to keep it secret: three signs add up
    ("the boy (9) says mum's boyfriend makes him sleep in the shed, he's always hungry, and mum asked me not to "
     "tell anyone", HarmLevel.YES),
    # asked to text the family is no one's words reported: the bonfire is the cause the user gives
    ("the hospital asked me to text the family the follow up time for a burn she got at a bonfire night do", None),
])
def test_round_41_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # an attack planned for next week: a list of names beside it is a list of targets
    ("his search history is all how to make explosives and a doc says he'll 'cleanse' the school next week with a "
     "list of kids' names", HarmLevel.YES),
    # an allegation looked into and not upheld, in a document: nothing to ask
    ("can I email the chronology to my supervisor? It includes an old sexual abuse allegation that was investigated "
     "and found unfounded", None),
    # a difficult birth explains a baby's bruising; a single A&E visit is no sign; nits are every school's
    ("Baby J bruising review in the subject? Bruising was from a forceps delivery, reviewed and closed", None),
    ("the A&E visit when she bumped her head on the coffee table, fully explained", None),
    ("a kid in yr 2 has nits, can I name him in the letter?", None),
])
def test_round_42_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # a decade gone and the people now adults: history; a scar's own stated cause explains it
    ("DC on a non-recent abuse investigation into a children's home from the 90s (everyone involved is now adult) "
     "wants our archive file", HarmLevel.MAYBE),
    ("placed with me with a healed burn (oven accident, checked out at the time, NFA); school asks about the scar",
     None),
    # NICE CG89's injuries: teeth chipped again, with the cause in quotation marks
    ("mum cancelled his appointment because he 'fell' and chipped his teeth again, second time this year",
     HarmLevel.MAYBE),
    # the user's mistake unnoticed is no child unseen
    ("I left a fax on the machine and nobody's noticed, do I have to tell anyone?", None),
    # published material for everyone is about no child
    ("School nurse - I've got the NHS leaflet about FGM being illegal, can I email it to all parents?", None),
    # a no the user hedges is no answer: asked about
    ("He's NOT in danger as such, mum's just 'popped into the shop' - but a toddler has been strapped in a car "
     "for 40 mins now, windows up, it's 27 degrees out", HarmLevel.MAYBE),
    # a child not at school is still a worry
    ("she didn't turn up at school today and mum isn't answering", HarmLevel.YES),
    # an adult's record is asked about, not rung, unless the message puts him in a child's life (harm.yaml linked_by)
    ("Police - the man in last year's online grooming case has now been charged. CPS want her school attendance "
     "record - can school email it?", HarmLevel.MAYBE),
    ("Housing - applicant has a conviction flagged. He has a 9yo staying weekends. Do I share this?",
     HarmLevel.YES),
    ("mum's new boyfriend has a conviction for GBH and is moving in this week with her 3 kids", HarmLevel.YES),
    # safe where she lives now; passports are a school trip's paperwork
    ("15yo came back home on Sunday after being missing overnight, return interview done, she's safe with mum. "
     "Can I email the report to the police?", None),
    ("school trip next week - can I save scans of the kids' passports on a USB stick?", None),
])
def test_rounds_43_and_44_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # an adult's age written as a child's often is ("19yo", "30yo") is no child's age: harm told of an adult's past
    ("A 30yo woman who went through FGM as a child is now a volunteer speaker; can I email her details to schools?",
     None),
    ("Housing: a tenant's 19yo daughter was sexually assaulted at uni last term, police are dealing", None),
    ("Our 15yo was sexually assaulted at the park last night", HarmLevel.YES),
    # a worry found groundless; a claim in law for an accident
    ("Child 'missing' from registration this morning turned out to be at the dentist", None),
    ("a solicitor wants a 16yo's medical records for a personal injury claim after a car crash", None),
    # a child called evil or possessed by a parent (abuse linked to faith or belief); a partner who has the address
    ("newborn at home, mum is really unwell mentally and keeps talking about the baby being evil", HarmLevel.YES),
    ("the perpetrator in the DA case was released today and knows where mum and the kids are living", HarmLevel.YES),
    # round 46: a carer telling of urges he cannot control; no one at home knowing where a child is; teeth left to
    # rot with appointments missed (NICE: dental neglect); a return interview is held when the child is back
    ("GP: dad of a 4 yo told me he's been having 'thoughts about children' he can't control. He's the main carer",
     HarmLevel.YES),
    ("14 yo not in school today, mum doesn't know where she is staying", HarmLevel.YES),
    ("dentist: 5 yo with decayed teeth and an abscess, hasnt slept properly in weeks", HarmLevel.YES),
    ("Missing-from-care return interview forms - upload to the portal or email them to the team?", None),
    # round 47: a note the child left is her own words, not a case paper
    ("the 15 yo in my care left a note saying goodbye and sorry, she was looking up how to tie a noose last night",
     HarmLevel.YES),
    ("the social worker left a note on the file about the noose incident in 2019, can I email it?", None),
    # round 48: an infection passed on sexually, in a child; a husband lined up for a sixth former; training told as
    # an awareness session; "of course" is no course
    ("GP. 11 year old seen this morning with genital soreness, swab came back positive for chlamydia. Mum can't "
     "explain it and the child went very quiet when I asked who she spends time with.", HarmLevel.YES),
    ("I'm running a CSE and county lines awareness session for our foster carers next week", None),
    ("mum has type 3 FGM herself, she said 'of course we will do it for her, we go home for it at christmas'",
     HarmLevel.YES),
    # not being here, and no one minding (the learned reading, retrained, no longer asked on its own)
    ("a girl keeps leaving poems in the returns box about disappearing and 'nobody noticing when im gone'",
     HarmLevel.YES),
    # a machine that locks the user out is no child shut out of home
    ("Outlook has locked me out and the report's due. Can I send it from my hotmail just this once?", None),
])
def test_rounds_45_and_46_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("question", [
    # two doubtful signs read together; one word of harm alone, in what reads as an everyday question
    "Foster carer here - I want to text the child's social worker that he's come home smelling of cannabis again. "
    "Is that OK?",
    "Mrs P says she's going to strangle the photocopier if it jams once more. Can I email the staff meeting agenda "
    "to the whole staff list?",
    "Nursery. Usual toddler biting incident - A bit B on the arm, skin not broken. Can I text B's mum the name of "
    "the child who bit?",
])
def test_doubtful_signs_in_an_everyday_question_are_asked_not_rung(assistant, question):
    reply = assistant.answer(question)
    assert reply.asks == "harm" and reply.verdict.value == "need_more_info"


@pytest.mark.parametrize("text, expected", [
    # "plans to" is an intent, not a plan document; a threat that no one will have the children
    ("our client says her ex plans to collect their daughter from school tomorrow and fly abroad with her",
     HarmLevel.YES),
    ("dad has just texted saying he's going to take the kids somewhere and 'make sure nobody gets them'",
     HarmLevel.YES),
    # the crying goes on: "doesn't stop crying" negates nothing after it
    ("mum said if the baby doesn't stop crying she's going to do something to it", HarmLevel.YES),
    ("can I just attach the minutes or do I need to do something to it first?", None),
])
def test_round_40_threats(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # the user's own "not urgent danger" lowers a sign to a question; a strategy meeting is the Hub's work already
    ("a 7 year old has had severe untreated tooth decay for a year. Not urgent danger but worried", HarmLevel.MAYBE),
    ("I'll whatsapp my manager a photo of the bruise on the child's back before the strategy meeting", HarmLevel.MAYBE),
])
def test_the_users_own_measure_of_danger(assistant, text, expected):
    assert level(assistant, text) is expected


def test_the_hub_card_offers_no_button_that_shows_it_again(conversation):
    _, messages = say(conversation, None, "I think a baby is at risk of serious harm right now")
    assert "What to have ready for the call" not in [o.title for o in messages[-1].options]
    # a sending question answered in the Hub's terms: the call's steps are a card of their own
    _, messages = say(conversation, None, "can I whatsapp a photo of the bruise to my manager")
    assert "What to have ready for the call" in [o.title for o in messages[-1].options]


def test_an_answer_that_asks_nothing_is_not_headed_as_asking(assistant):
    reply = assistant.answer("how long do we keep case notes for?")
    assert reply.verdict.value == "need_more_info" and not reply.asks
    assert reply.headline().startswith("Not settled by the protocol")


@pytest.mark.parametrize("question, asked", [
    # a girl whose mother has had FGM is at risk of it: asked, however everyday the rest reads (round 50)
    ("HV: mum had FGM herself as a child, new baby girl born last week. Is there anything I should be sharing and "
     "with who?", True),
    # no girl in the family: the mother's own history is no child's risk
    ("midwife - mum had type 3 FGM herself as a child, recorded at booking. baby is a boy and there are no "
     "daughters. can i include it in the discharge summary to the GP?", False),
])
def test_a_girl_whose_mother_has_had_fgm_is_asked_about(assistant, question, asked):
    reply = assistant.answer(question)
    assert (reply.asks == "harm" or reply.verdict.value == "escalate") is asked
    if asked:
        assert "FGM, forced marriage" in reply.text()


@pytest.mark.parametrize("text, expected", [
    # a child moved from address to address by adults: an indicator of exploitation and trafficking
    ("year 9 girl says older men keep taking her to different addresses at weekends", HarmLevel.YES),
    # about to happen, in a document's description: the child's now, whatever paper it is on
    ("I need to email the referral about the 14yo who is being moved around by adults tonight", HarmLevel.YES),
    ("I need to email the referral about the bruising from last year", None),
    # a diagnosis named after what harmed a child before birth is no parent drinking now
    ("can I email the paediatric report to the GP? the boy has fetal alcohol spectrum disorder", None),
    # an occasion for a girl abroad, called a ceremony: asked about, as a celebration is
    ("mum wants 4 weeks off school for her daughter (8) for a special ceremony in the family's home country",
     HarmLevel.MAYBE),
    # the user's own deleting, after "but": not a child told to delete messages
    ("I'll WhatsApp the contact times to the carer and then delete the messages from my phone", None),
    ("he sends her pictures and then makes her delete the messages", HarmLevel.YES),
])
def test_round_52_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("question", [
    "The team laptop has been missing since Tuesday. Also, is bcc right for the newsletter to parents?",
    "our rabbit's been missing since the weekend lol. anyway can I email the rota to the team?",
])
def test_a_thing_or_a_pet_gone_missing_is_not_asked_about(assistant, question):
    """The learned reading weighs "missing since" as a child's (round 52's unclear cases, now trained on): where
    the words read it as said of a thing or a pet, it asks nothing either."""
    reply = assistant.answer(question)
    assert reply.asks != "harm" and reply.verdict is not Verdict.ESCALATE


def test_the_hub_answers_recap_names_no_recipient_read_from_the_story(assistant):
    """A new user saw "Understood: A private individual" under the Hub answer, read from "mum" in the story."""
    reply = assistant.answer("my 12 year old client says mum's boyfriend hits her and she's scared to go home tonight")
    assert reply.verdict is Verdict.ESCALATE
    assert "individual" not in reply.recap().lower()
    assert "Text message" in assistant.answer("can i whatsapp the photos of her bruises to my manager? dad did it "
                                              "last night").recap()


@pytest.mark.parametrize("text, expected", [
    # "history of" dates what follows it, not a sign before it (round 53)
    ("16yo LAC is missing from placement since 6pm, history of CSE. Who else do I tell?", HarmLevel.YES),
    ("she has a history of going missing, can I email the return interview to the school?", None),
    # how many between the words of a phrase: "taken a load of tablets" is "taken tablets"
    ("she snapchatted me saying she's taken a load of tablets", HarmLevel.YES),
    # county lines' "plugging", not a USB stick plugged in
    ("can I plug the foster carer's USB stick into my work laptop to copy the photos off it?", None),
    ("they made him plug the drugs before the train", HarmLevel.YES),
    # below the threshold, in practitioners' own words
    ("parents said no to sharing with nursery. The worries are low level, late pick ups and missed lunch money", HarmLevel.NO),
])
def test_round_53_readings(assistant, text, expected):
    assert level(assistant, text) is expected


def test_a_message_with_an_innocent_cause_told_is_not_rung_on_how_it_reads_alone(assistant):
    """No sign read by the words, a message reading like a clear disclosure, and the user's own innocent cause
    ("fell off a swing, the nursery worker saw it happen"): asked, not rung (round 53)."""
    reply = assistant.answer("A&E: toddler in with a lump on his head from falling off a swing, nursery worker saw it "
                             "happen and came with him, totally consistent, he's going home. can I email the "
                             "discharge summary to the HV?")
    assert reply.verdict is not Verdict.ESCALATE


def test_a_visit_told_beside_harm_is_no_arrangement(assistant):
    """"bruises on a 4yo at the home visit this morning, can I whatsapp the photos?" was recapped as "information
    that identifies no one" (a visit and a time read as an arrangement); a new user's trial, session 23."""
    reply = assistant.answer("I found bruises on a 4yo at the home visit this morning, can I whatsapp the photos to "
                             "my manager?")
    assert reply.verdict is Verdict.ESCALATE and reply.facts.kind != "anonymous"
    assert "identifies no one" not in reply.recap()


@pytest.mark.parametrize("text, expected", [
    # an injury the user gives an innocent cause for: no untold story, even for a clear sign (round 54)
    ("our 10yo bruised his knee at football practice yesterday, can I let his teacher know?", None),
    ("broke her wrist snowboarding on the school trip, I was there. can I email the hospital letter to the nurse?",
     None),
    # "their abuse history": the history is of what comes before it
    ("the twins were adopted last year; can I archive the emails about their neglect history?", None),
    # a time of day tells of today: gone at 2am, a man she met online
    ("our 14yo went out at 2am and isn't back, her phone shows a flat with a 30 year old man", HarmLevel.YES),
    # a document in someone's own first-person words is their disclosure, not a record about harm
    ("the caretaker found a letter in the corridor: 'please help, he touches me at night', unsigned", HarmLevel.YES),
    # the user's own message, proposed, reports no one: its innocent cause is the user's
    ("can I text her dad 'grazed elbow from the climbing frame at nursery, all fine'?", None),
    # a topic word after two signs joined by "and" is a subject for both
    ("can I email the 'self harm and suicide' workshop dates to the youth workers?", None),
    # a sign's words put in a subject line are a label
    ("is it ok to type 'sexual abuse' in the subject line so the DSL opens it first?", None),
    # a thing that has not arrived is no missing child
    ("the new starter's council laptop hasn't arrived, can she use her agency email for a week?", None),
])
def test_round_54_readings(assistant, text, expected):
    assert level(assistant, text) is expected


def test_someone_elses_innocent_cause_explains_nothing(assistant):
    assert level(assistant, "mum says the bruise on his cheek is from football, can I email the SW?") is not None


def test_words_quoted_about_a_thing_are_no_disclosure(assistant):
    """A quote after a word for telling is a disclosure only when someone is in it ("she said 'he hurts me'"):
    "the SENCo says the portal is 'a faff'" is about a thing (checker round 20 rang the Hub for it)."""
    reply = assistant.answer("The SENCo wants the paediatric letter about a 9-year-old before tomorrow. The "
                             "school is on the portal, but she says the portal is 'a faff' and asked me to email "
                             "it. What should I do?")
    assert reply.verdict is not Verdict.ESCALATE and reply.to_json()["asks"] != "harm"


def test_a_category_of_harm_as_a_field_of_a_record_is_no_sign(assistant):
    """harm.yaml topic_of: "category of abuse" names a field of a spreadsheet, not a child harmed."""
    reply = assistant.answer("can I email the monthly return (names, dates of birth and category of abuse for each "
                             "child on a plan) to the performance team?")
    assert reply.verdict is not Verdict.ESCALATE and reply.to_json()["asks"] != "harm"


@pytest.mark.parametrize("no_before", ["no concerns before", "no concerns previously", "no concerns until now"])
def test_a_no_of_the_past_says_nothing_of_now(assistant, no_before):
    """Round 57: "a lovely family, no concerns before" is history, not the user's no for now; the sign of the
    message (a long summer visit abroad for a girl: FGM) is still asked about. Without "before" it is a no."""
    story = "Parents of a Y5 girl have asked for an extended holiday abroad in the summer. They're a lovely family, "
    assert assistant.reader.harm.assess(story + no_before + ". Can I tell the nurse?").level in (HarmLevel.MAYBE,
                                                                                        HarmLevel.YES)
    assert assistant.reader.harm.assess(story + "no concerns. Can I tell the nurse?").level is HarmLevel.NO


@pytest.mark.parametrize("told", [
    "A Year 2 child told her teacher this morning that daddy put her in a bath of boiling water. Can I phone the school?",
    "His son told me today that dad holds his hand over the cooker ring when he's naughty. Can I email the school?",
    "Today mum told me she'd rather the kids were dead than in care and that she's 'got a plan'. Can I email my manager?",
    "A mother has told the health visitor she's going to drown her baby. Can I email the GP?",
])
def test_round_57_checker_disclosures_in_words_not_listed_before(assistant, told):
    """Checker 22: a scald, a hand held over heat, a parent wishing the children dead, a threat to drown a baby:
    general signs from NICE CG89 and the filicide warning signs, not the batch's sentences."""
    assert assistant.answer(told).verdict.value == "escalate", told


def test_drowning_in_paperwork_is_a_figure_of_speech(assistant):
    assert assistant.reader.harm.assess("I'm drowning in them, is there a set wording for the subject line?").level \
        is None


def test_what_keeps_happening_most_nights_is_now(assistant):
    """Checker 22: "a 14-year-old girl is staying most nights at a 30-year-old man's flat" goes on now; her "it's
    her choice and she's fine" is her word, reported, not the user's no."""
    told = ("Would it be proportionate to share that a 14-year-old girl is staying most nights at a 30-year-old man's "
            "flat? She says it's her choice and she's fine.")
    assert assistant.answer(told).verdict.value == "escalate"


def test_the_child_by_mistake_is_a_slip_not_a_child_called_a_mistake(assistant):
    """Checker 22: "I named the encrypted zip after the child by mistake" rang the Hub (emotional abuse: "the
    mistake", with "child" between as a person). Only a child called a mistake is that sign."""
    slip = "I named the encrypted zip after the child by mistake and it's already been sent to the school."
    assert assistant.reader.harm.assess(slip).level is None
    assert assistant.reader.harm.assess("Dad calls him the mistake in front of everyone, every day.").level \
        is not None


def test_the_hub_answer_says_not_to_send_photos_where_no_way_is_named(assistant):
    """The README trial of session 27: "what's the best way to send the photos?" with bruises and a child afraid
    to go home got the Hub and nothing on the photos; the Hub answer says not to send them ahead of the call."""
    reply = assistant.answer("he has bruises and says he doesn't want to go home tonight, what's the best way to send "
                             "the photos?")
    assert reply.verdict.value == "escalate" and "Do not send photos or documents ahead of the call" in reply.text()


@pytest.mark.parametrize("told", [
    # a child's age after her name, with her own words quoted
    "Do I need to delete my sent copy? I emailed CAMHS about Freya, 14, who sent me a photo of fresh cuts at "
    "lunchtime saying 'this time I'll go deeper'.",
    # a disclosure after a document word is the child's, not the document's
    "What's the minimum password length? I need to send school the details on Kayden, who told his teacher an hour "
    "ago that his dad held his hand on the cooker on purpose and he doesn't want to go home.",
    # someone else witnessing an act does not make it an accident; an act told as just now
    "The social worker wants the referral about a baby whose dad shook him this afternoon - mum saw it happen.",
    # an adult barred from the child, reached by a slip; one just released after an offence against a baby
    "I texted a new mum the address of her unit but sent it to her ex's number by mistake - he's barred from the "
    "baby by a court order and has replied 'see you soon'. What now?",
    "Which drive do I save it to? It's about a newborn discharged this afternoon to parents where dad has just been "
    "released after a serious assault on a previous baby.",
    # signs told as happening right now, or within the hour
    "Can I text a foster carer the time of contact? Also, Reece, 12, just told me his birth mum's new partner is "
    "outside the placement right now with a knife.",
    "When I rang the Hub this morning I forgot to say the alleged abuser, the child's dad, is collecting her from "
    "school in an hour. What do I do?",
])
def test_round_59_disclosures_ring_the_hub(assistant, told):
    assert assistant.answer(told).verdict.value == "escalate", told


def test_round_59_signs_are_asked_about(assistant):
    for told in ("12yo in foster care has a second Instagram account her carer didn't know about. Email the SW?",
                 "Dad has been taking Leo (10) to camps where he's taught to shoot air rifles at pictures of "
                 "'traitors'. Can I share with school?"):
        assert level(assistant, told) is not None, told


def test_round_60_a_no_taken_back_and_a_ligature(assistant):
    """'Nothing urgent really, except ...' takes the no back; a ligature in plain words is self-harm (NICE NG225)."""
    for told in ("Can I send the health visitor Otis's chronology by internal email? Nothing urgent really, except his "
                 "dad smashed up the flat last night and mum just rang to say he's back there now with the baby.",
                 "Carers of Harvey (14) say he's tied something round his neck twice this week and told them he'll 'do "
                 "it properly next time'. Can I email the risk assessment to their hotmail?"):
        assert assistant.answer(told).verdict.value == "escalate", told


@pytest.mark.parametrize("question", [
    # a child held by adults (Modern Slavery Act indicators)
    "Should the zip be called after the date? Inside is a note that Connor, 14, rang his mum crying from a flat where "
    "older dealers are refusing to let him leave.",
    # a clear sign told as just now inside a document's description is the child's now
    "I need to send a report about a 10-month-old with a suspected broken arm whose parents took him out of A&E "
    "against medical advice an hour ago. How do I get 7zip?",
    # a parent who cannot be roused, a baby's care not given
    "HV: 10 month old twins, nothing in the fridge, heating off, mum unrousable on the sofa. Can I email the SW?",
    # where a family hides, sent by mistake to the one it fled, whenever the fleeing was
    "I accidentally copied the father into an email that gave the address of the refuge where mum and the two "
    "children fled from him last week. What do I do?",
])
def test_round_61_signs_ring_the_hub(assistant, question):
    reply = assistant.answer(question)
    assert reply.verdict is Verdict.ESCALATE, (question, reply.verdict, reply.harm)


def test_a_past_sign_in_a_document_is_not_made_now_by_still(assistant):
    reply = assistant.answer("Just noticed I've got a confidential report about a closed sexual abuse investigation "
                             "from 2017 still sat in my Outlook sent items. Should I delete it?")
    assert reply.verdict is not Verdict.ESCALATE, reply.harm


def test_minutes_of_time_are_not_a_meetings_minutes(assistant):
    """ "Twenty minutes ago" dates a call; it names no document the sign is written in."""
    reply = assistant.answer("I'm writing a multi-agency email about Freya, 2, and wondering whether to BCC the "
                             "agencies. Mum rang me twenty minutes ago crying, saying her partner threw Freya "
                             "against the wall this morning and he'll be back from work at six.")
    assert reply.verdict is Verdict.ESCALATE, reply.rule_id


@pytest.mark.parametrize("question", [
    "What should the password look like when I zip a looked after child's medical that mentions past injuries?",
    "Does Objective Connect work for sending an archived file about a past neglect investigation to another local "
    "authority?",
    "The adoption medical notes some healed fractures from infancy and needs to go to the IRO internally. Does it "
    "need to be zipped or can I just put it in the email?",
    # the time word dates the training, not the scenario's disclosure
    "On the safeguarding training today the trainer asked us to look up what number we'd ring in the scenario "
    "where a child discloses. What's the Hub number?",
    # a child's words the user laughs at; a document's own words quoted
    "lol one of mine just said 'my mum's gonna kill me' cos she lost her new coat again. anyway - can I email "
    "parents a lost property list with the kids' names on?",
    "The referral doesn't name anyone, it just says 'boy, 9, rare genetic condition, lives on the Harbour estate'. "
    "Does that still count as identifying him?",
])
def test_round_65_ordinary_questions_ask_nothing(assistant, question):
    reply = assistant.answer(question)
    assert reply.asks != "harm" and reply.verdict is not Verdict.ESCALATE, (question, reply.rule_id)


def test_a_family_members_message_quoted_now_is_asked_about_even_when_everyday(assistant):
    reply = assistant.answer("mum just txt me 'hes here again kids r upstairs pls dont ring me' - can i reply by "
                             "text or does that count as sensitive info")
    assert reply.asks == "harm" or reply.verdict is Verdict.ESCALATE, reply.rule_id


@pytest.mark.parametrize("question", [
    # a partner forcing a way in, now, children there
    "A caller wants us to fax her support plan to Women's Aid. She's whispering, says her ex is outside right now "
    "kicking the back door in and the kids are upstairs. What's the process for faxing?",
    # a child shut out of home
    "btw one of our lads (13) has been kipping in the skate park shelter 3 nights now, says his dad changed the "
    "locks on him and there's nobody else he can go to. what password do I use for 7zip?",
])
def test_round_66_signs_ring_the_hub(assistant, question):
    assert assistant.answer(question).verdict is Verdict.ESCALATE


def test_old_emails_about_an_injury_are_history(assistant):
    reply = assistant.answer("The dad in a closed case has put in a subject access request. Will my old emails "
                             "about his son's injuries be included?")
    assert reply.verdict is not Verdict.ESCALATE and reply.asks != "harm", reply.rule_id


def test_filming_a_child_is_not_a_film(assistant):
    """ "films it on his phone" is done to the child: not the fiction "film" the not-real list means."""
    assert level(assistant, "Y5 girl said mum's boyfriend makes her do video calls with his friend who tells her "
                            "to take her top off, and the boyfriend films it.") is not None


def test_the_harm_question_says_what_the_way_is_whatever_the_answer(assistant):
    """A fax of a self-harm letter: the harm question first, and the fax ban shown beside it, not instead."""
    reply = assistant.answer("I'm going to fax the CAMHS letter about the young person's self harm to the GP since "
                             "their email is down.")
    assert reply.asks == "harm", reply.rule_id
    assert reply.checklist[0].title == "Whatever the answer" and "fax" in reply.checklist[0].items[0].lower()


def test_a_reassurance_in_quotes_is_someones_word_not_the_users(assistant):
    """ "it's all fine now" inside quotes is the mother's word: her new partner with a past with children stays
    a worry."""
    reply = assistant.answer("Mum mentioned at parents' evening that her new partner is moving in this weekend and "
                             "'he's done his time for that stuff with kids so it's all fine now'. She's got a 7 and a "
                             "10 year old. Can I email the Y3 teacher to let her know?")
    assert reply.verdict is Verdict.ESCALATE or reply.asks == "harm", reply.rule_id


@pytest.mark.parametrize("text", [
    "What do I do with the encrypted copy of an old abuse investigation after I've emailed it to legal?",
    "7zip isn't on my laptop and I need to encrypt an old abuse report for legal, who do I ring?",
    "Can I share our blank CSE risk assessment template with the youth club? No names on it.",
    "Channel case closed in 2020, the young man's 23 now. Counter Terrorism Policing want a copy of our notes - do "
    "we have cjsm or should I 7zip it?",
])
def test_round_67_ordinary_questions_ask_nothing(assistant, text):
    """An old report, a blank form, a police unit's name: no child's harm now."""
    assert level(assistant, text) is None, text


def test_an_age_before_old_is_not_history(assistant):
    assert level(assistant, "a 3 year old abused by her stepdad last night, can I email the school?") is HarmLevel.YES


def test_taxis_no_one_at_home_pays_for_are_asked_about(assistant):
    reply = assistant.answer("Foster carer mentioned her 14yo keeps getting taxis home that she never seems to pay "
                             "for. Do I need to encrypt the carer's diary notes?")
    assert reply.verdict is Verdict.ESCALATE or reply.asks == "harm", reply.rule_id


def test_a_fax_that_never_arrived_is_a_thing_not_a_child(assistant):
    assert level(assistant, "The solicitor says my fax never arrived, but the machine said it went through. Do I "
                            "just send it again?") is None


@pytest.mark.parametrize("text", [
    # shouting told, not words reported: the child thriving since is the user's word
    "Life story book draft mentions mum used to shout and lock her out (2015 - she's been with her SGO grandparents "
    "ever since and is thriving). Can I email the draft to grandad's hotmail?",
    # a meeting named for a harm is a meeting
    "I take minutes for a monthly multi-agency child exploitation meeting with about 25 people. The chair wants the "
    "minutes sent as one email to the meeting's distribution list.",
])
def test_round_68_ordinary_questions_ask_nothing(assistant, text):
    assert level(assistant, text) is None, text


@pytest.mark.parametrize("text", [
    # an adult's own injury, told with the adult's own "her"
    "Mum's broken her leg (she's ok, on crutches) and asked us to email the kids' contact arrangements to her sister.",
    # the sentence after the story says it is made up
    "A Y6 pupil wrote a brilliant story for English about a girl who runs away from home and gets lost in the "
    "woods. It's made up, she's a happy kid. Can I email it to the young writers competition?",
])
def test_round_69_ordinary_questions_ask_nothing(assistant, text):
    assert level(assistant, text) is None, text


@pytest.mark.parametrize("text", [
    # a received referral telling of a fresh injury this morning: the child's now, not the paper's
    "A primary school has just emailed me a referral - a 6 year old came in with fresh bruising on his face this "
    "morning and says dad did it. What do I do with it?",
    # a court order keeping a father away, and the placement address sent to him
    "I accidentally emailed the children's foster placement address to their father. There's an injunction against "
    "him and he's already replied saying he's 'coming to get them'. What do I do about the data breach?",
])
def test_round_69_disclosures_are_rung(assistant, text):
    assert assistant.answer(text).verdict is Verdict.ESCALATE, text


def test_an_adults_possessive_does_not_hide_a_childs_injury(assistant):
    """Only the adult as the subject: "mum's boyfriend broke her arm" is not mum's own injury."""
    assert not _adults_own(["mums", "boyfriend"], ["broke", "her", "arm"])
    assert _adults_own(["mums"], ["broken", "her", "leg"])
    assert not _adults_own(["mum"], ["broke", "his", "arm"])


def test_children_fine_in_the_users_words_settle_a_parents_talk(assistant):
    assert level(assistant, "During supervised contact today, dad talked openly about his drug use, but the children "
                            "were fine and went home with their foster carers.") is None


def test_a_sign_quoted_as_a_subject_line_is_a_label(assistant):
    assert level(assistant, "For the archived 2021 s47 (NFA, closed) can I put 'CONFIDENTIAL - s47 J.S. bruising' as "
                            "the email subject?") is None


def test_an_injury_to_a_baby_not_yet_mobile_is_never_only_a_documents(assistant):
    """NICE CG89: bruising in a child who is not independently mobile; the visit notes carry it, the baby has it."""
    reply = assistant.answer("What's the minimum password length for 7zip? I'm sending my visit notes to the social "
                             "worker - the 8-week-old had a swollen forearm and bruising behind his ear, nobody could "
                             "explain it, and the parents asked me to leave before I could do anything.")
    assert reply.verdict is Verdict.ESCALATE, reply.rule_id
    # a past one in a document stays past
    assert level(assistant, "the 2019 minutes about the 8 week old's bruising, can I email them to legal?") \
        is not HarmLevel.YES


@pytest.mark.parametrize("question", [
    # a paper named in the next sentence explains no self-harm (round 70's one recall miss)
    "resi: 15yo just told staff she took 20 paracetamol about an hour ago. do we need to "
    "send the incident report encrypted to the placing authority?",
    # "still hasn't been found" denies the end of it (round 71's one recall miss)
    "Fostering SSW - carer just rang, their 8yo ran off in the park 3 hours ago and still "
    "hasn't been found, he has epilepsy and no meds on him. Do I email EDT or fax them his "
    "care plan?",
    # old breaks nobody can explain, and a child taken home against advice
    "Hospital play worker on the kids ward. 2 yr old admitted with a 'fall', x-ray shows old "
    "healed breaks in both arms nobody can explain, and mum's boyfriend has just said he's "
    "taking her home against advice.",
    # a child by age telling in a referral is a disclosure, not the document's contents
    "I'm tidying up a referral before I email it to the school. In the notes the referrer "
    "says the 5-year-old told nursery this morning that daddy 'squeezed her neck until she "
    "couldn't breathe', and dad is collecting her at 3. Attachment or body of the email?",
])
def test_session_32_disclosures_are_rung(assistant, question):
    assert assistant.answer(question).verdict is Verdict.ESCALATE, question


def test_a_hub_answer_to_a_sending_question_keeps_the_sending_step_in_its_first_message(assistant):
    """With the 999 step for a child in danger tonight, the first message still says not to send documents ahead
    of the call (the written follow-up is in the first line already, so its step is not repeated there)."""
    reply = assistant.answer("A 9-year-old told me mum's boyfriend hits her with a belt and she's scared to go home "
                             "tonight. Can I email the school?")
    assert reply.verdict is Verdict.ESCALATE
    assert any("ahead of the call" in step for step in reply.brief_steps()), reply.brief_steps()



@pytest.mark.parametrize("question, words", [
    # someone finding a thing is not the child found: the child is still missing
    ("Mum rang: her 13yo didn't come home last night and she's found texts on his laptop from a man he met online. "
     "Can I email his school photo to the police?", "didnt come home"),
    # a child not back when expected
    ("Our 14yo in foster care is an hour late back tonight and her phone's switched off. Can I text her SW?",
     "late back"),
])
def test_session_34_children_not_back_are_read(assistant, question, words):
    harm = assistant.reader.read(question).harm
    assert harm.level is not None and words in [c.words for c in harm.because], harm
    assert not _quiet(assistant.answer(question))


@pytest.mark.parametrize("question", [
    # safe in refuge, in the user's words; the MARAC named again is the one already told as over
    "The MARAC was on Monday, dad is on remand, mum and the kids are safe in refuge with a safety plan. Can I "
    "email the MARAC actions to the school?",
    # pressing for something, not pushing someone
    "The guardian's solicitor is really pushing for the parenting assessment today. Can I email it to her?",
])
def test_session_34_signs_told_as_over_or_not_of_a_child(assistant, question):
    assert assistant.reader.read(question).harm.level is None
    assert _quiet(assistant.answer(question))


def test_a_childs_whereabouts_sent_to_a_danger_rings_the_hub(assistant):
    """A sending that happened, with where the child lives, to someone told as a danger: a risk now, whatever else
    the message reads like; not an address sent where no danger is told, nor a danger with nothing sent."""
    rung = assistant.answer("I forwarded the review minutes with the children's new address to their father by "
                            "mistake - there's a non-molestation order against him.")
    assert rung.verdict is Verdict.ESCALATE
    for question in ("I sent mum's new address to the housing officer yesterday, is that ok?",
                     "Dad has a history of violence. Can I email him the contact dates?"):
        reply = assistant.answer(question)
        assert not any(c.reading == "whereabouts" for c in (reply.harm.because if reply.harm else ())), question


def test_a_parent_at_the_door_for_the_child_is_now(assistant):
    """Read as now by the words (the learned reading may still have it asked, two doubtful signs together)."""
    question = "Nursery: mum's here to collect and she's slurring and can barely stand. Who do I tell?"
    assert assistant.reader.read(question).harm.level is HarmLevel.YES
    assert not _quiet(assistant.answer(question))


@pytest.mark.parametrize("question, rung", [
    # a farewell sent as a direct message is someone's own words, told
    ("A 15yo from our club DM'd me 'sorry for everything, goodbye' and now her phone is off. Can I email the police "
     "her address?", True),
    # an adult's own girlhood, and no girl in the family now
    ("Family support: mum had FGM as a young girl, she has two boys and no plans for more. Can I email my notes to "
     "the GP?", False),
    # safe, said with "and"
    ("The MARAC was last week and mum and the kids are in the refuge now and safe. Can I email the MARAC minutes "
     "to the school?", False),
])
def test_session_34_round_78_readings(assistant, question, rung):
    """Rung, or not rung (a mother's own FGM told as past may still be asked about)."""
    reply = assistant.answer(question)
    assert (reply.verdict is Verdict.ESCALATE) is rung, (question, reply.rule_id)


def test_a_childs_pick_up_details_sent_to_an_offender_rings_the_hub(assistant):
    reply = assistant.answer("I texted the pick-up details for the boy's contact to the wrong number and it turns "
                             "out to be a registered sex offender in the family. Contact's at 4. What now?")
    assert reply.verdict is Verdict.ESCALATE


def test_a_childs_quoted_cry_for_help_naming_someone_run_on_is_asked_about(assistant):
    """ "hes back" is "he's back" typed without the apostrophe: a person named in the child's own words."""
    reply = assistant.answer("A girl on my caseload just messaged me 'please help shes hitting me again'. Can I "
                             "text her back?")
    assert not _quiet(reply)
    assert _asks_first(assistant.answer("a kid on a CP plan just texted me 'help hes back'. should i text back?"))


def test_a_sentence_opening_on_when_is_told_not_asked(assistant):
    """ "When I asked she said '...'." tells what a child said; it is no question, so the quote is a disclosure."""
    question = ("Y8 has been quiet all week. When I asked what was up she said 'he owns me now and I have to go "
                "back to him'. Can I upload her details to the school portal?")
    assert any(c.reading in ("disclosure", "quoted") for c in assistant.reader.read(question).harm.because)
    assert _asks_first(assistant.answer(question))


# Session 35 (round 79) ----------------------------------------------------------------------------------------
def test_a_mothers_fgm_as_a_child_with_a_daughter_is_asked_however_she_is_named(assistant):
    """ "she had FGM as a child" tells of an adult's childhood, which drops a past sign; a daughter in the family
    keeps it (the inherited risk), whether the mother is "she" or "mum"."""
    for mother in ("she", "mum"):
        reply = assistant.answer(f"{mother} had FGM herself as a child and there's a newborn daughter now. can i "
                                 "email the HV my visit notes?")
        assert _asks_first(reply), mother
    # no girl: her own childhood, which the words no longer read as a sign (the learned reading may still ask)
    assert assistant.reader.read("HV: mother had FGM as a child, strongly opposed to it, and her only baby is a "
                                 "boy. Can I email the GP my notes?").harm.level is None


@pytest.mark.parametrize("question", [
    "Building a training pack on head injuries in toddlers, with a fictional family. Can I share it on the team drive?",
    "Writing a school newsletter piece on county lines in general. Can I email it to parents with BCC?",
    "My foster son's running off is much better, nothing since Easter. Can I email the SW my log?",
])
def test_session_35_harm_as_a_subject_or_as_over_is_not_asked(assistant, question):
    assert _quiet(assistant.answer(question)), question


def test_a_ban_on_contact_with_a_word_between_is_read(assistant):
    """ "not allowed any contact" is "not allowed contact": "any" is a filler between a phrase's words."""
    reply = assistant.answer("Nursery: the 4 year old was collected by her dad at 2pm and he's not allowed any "
                             "contact with her. Can I email the SW the signing-out sheet?")
    assert reply.verdict is Verdict.ESCALATE


def test_a_sign_told_in_its_own_sentence_is_not_quieted_by_the_sending_question(assistant):
    """The learned reading may find the whole message an everyday one (the sending question weighs most); a
    sentence with the sign that, alone, is not everyday keeps the harm question."""
    assert _asks_first(assistant.answer("Year 5 girl said a man on a game she plays asked what school she goes to. "
                                        "Can I put her initials in the email to our DSL?"))


def test_a_refuge_address_that_reached_the_one_fled_rings_the_hub_without_by_mistake(assistant):
    """A sending told as done, not said to be a mistake, that put where a family hides before the one it fled."""
    reply = assistant.answer("I replied all on the strategy email, the stepdad included, and it had the refuge "
                             "address mum and the girls are in.")
    assert reply.verdict is Verdict.ESCALATE and reply.harm.because[0].reading == "whereabouts"


def test_a_time_that_says_when_an_appointment_is_leaves_a_documents_sign_a_documents(assistant):
    """ "in an hour" after "appointment" says when the appointment is; the self-harm named in the details sent is
    a document's (asked about), not a child in immediate danger."""
    reply = assistant.answer("Can I fax CAMHS the notes on her self harm as her appointment is in half an hour?")
    assert reply.verdict is not Verdict.ESCALATE and reply.asks == "harm"
    assert assistant.answer("Can I fax CAMHS the notes on her self harm as she's threatening to do it again in half "
                            "an hour?").verdict is Verdict.ESCALATE


@pytest.mark.parametrize("question", [
    # a hard time with a thing, not a carer's crisis
    "Foster carer with a 10yo placed: I struggle with the zip files and only have my phone now. Can the SW text me "
    "his meds changes?",
    # "up to now" is until now: a habit told, not a sign happening now
    "There are kids in the household for most MARAC cases. Up to now admin has emailed the whole MARAC list to every "
    "DSL. Is that right?",
])
def test_session_35_everyday_words_beside_a_sign_are_not_rung(assistant, question):
    assert assistant.answer(question).verdict is not Verdict.ESCALATE, question


@pytest.mark.parametrize("question, asked", [
    # a knock to a small child's head, again, with a parent who always has a reason: asked, whatever form it is on
    ("2yo came in with another bump on his head, mum always has an excuse. Can I email the nursery incident form "
     "to the HV?", True),
    # the police's missing-person packs made for every child, just in case: no child missing
    ("The police want grab sheets for all our looked-after teens, in case any of them ever go missing. All settled. "
     "Can I email them over?", False),
    # a panel's record of many children, by name of its harm
    ("Updating the CSE mapping grid before panel - can I put the young people's initials in the email body?", False),
    # a day that says when the conference is
    ("The child protection conference is next Monday - can I email the school the invite with the child's name in "
     "the subject?", False),
])
def test_session_35_round_80_readings(assistant, question, asked):
    reply = assistant.answer(question)
    assert (reply.verdict is Verdict.ESCALATE or reply.asks == "harm") is asked, (question, reply.rule_id)


@pytest.mark.parametrize("question", [
    # a farewell told by what it says
    "Year 9 left a letter to say goodbye on her desk and isn't in school. Can I email the pastoral lead a photo of it?",
    # a baby on a plan taken where no one can find them
    "Dad took the baby from the ward against advice and the address he gave is fake. Can I fax the notes to the GP?",
    # an adult's record of harming children, without a conviction, in a home with children
    "Their new lodger has a history of abusing children and the twins (6) live there. Email the SW his details?",
])
def test_session_35_round_80_disclosures_are_rung(assistant, question):
    assert assistant.answer(question).verdict is Verdict.ESCALATE, question


def test_a_medicine_named_by_what_it_treats_is_no_parents_drug_use(assistant):
    reply = assistant.answer("Emailing my TM the list of our LAC kids' meds now - one is on a new ADHD drug. Fine?")
    assert reply.verdict is not Verdict.ESCALATE and reply.asks != "harm"


def test_a_time_after_the_users_own_sending_dates_the_sending_not_the_sign(assistant):
    """ "I emailed the school the minutes about his bruising this morning": this morning is when it went; the
    bruising named is a document's (asked), not a child hurt this morning (rung)."""
    reply = assistant.answer("I emailed the school the minutes about his bruising this morning. Should it have been "
                             "encrypted?")
    assert reply.verdict is not Verdict.ESCALATE
    assert assistant.answer("The school emailed me - a boy came in with fresh bruising this morning and says dad did "
                            "it. What do I do?").verdict is Verdict.ESCALATE


def test_a_clear_threat_about_to_happen_is_rung_whatever_plan_is_named(assistant):
    """A plan named in the sentence says the case is known, which makes a past sign a question; a clear threat
    told as about to happen is rung all the same."""
    reply = assistant.answer("dad is going to kill the kids and himself he says, wants his CP plan emailed first")
    assert reply.verdict is Verdict.ESCALATE


def test_not_safe_said_with_its_verb_is_the_clear_sign(assistant):
    """ "isn't safe to go home" is "not safe" told with the verb: the Hub, not the written route asked about."""
    reply = assistant.answer("Can I email the Hub instead of ringing? The girls aren't safe at home tonight, mum's "
                             "partner is back.")
    assert reply.verdict is Verdict.ESCALATE


def test_a_return_only_expected_is_not_a_child_back(assistant):
    """ "she was due back at 8" is when she should have come home, not that she did: the child is still missing."""
    reply = assistant.answer("Residential worker: our 14yo hasn't come home, she was supposed to be back at 9pm and "
                             "she's not answering. Text the on-call SW her details?")
    assert reply.verdict is Verdict.ESCALATE


@pytest.mark.parametrize("question", [
    # the Hub's handling told in other words than ringing it
    "Hub dealt with it last week and the toddler's burns are healing at his gran's. Can I email the school the "
    "update?",
    # a case said to have ended, the children fine
    "The grooming case has ended, police done and both kids fine. Can I keep the notes on my desktop?",
    # counts by area, for a board
    "Can I email the board the CSE referrals for under-16s by district? Some districts are tiny.",
    # a term asked about, not a child
    "What is the threshold for neglect in this protocol? Asking for a student.",
])
def test_session_36_harm_as_handled_over_or_a_term_is_not_rung(assistant, question):
    assert assistant.answer(question).verdict is not Verdict.ESCALATE, question


def test_significant_harm_asked_as_a_term_is_the_protocols_silence(assistant):
    reply = assistant.answer("how serious does it need to be to count as significant harm?")
    assert reply.rule_id == "faq:significant-harm-meaning" and reply.verdict is Verdict.NEED_MORE_INFO
    assert "0333 240 1727" in reply.text()


@pytest.mark.parametrize("question", [
    # a child moving back to a grandparent: no abuser returned
    "Can I let the school know by email that Kai is back living with his nan from next week?",
    # what belongs to someone, not a child alone
    "Is it alright for the carers to type up the child's life story work on their own laptop at home?",
    # "keep" as holding on to something, not what keeps happening
    "Can the nursery keep the child's accident book in a locked drawer overnight?",
])
def test_session_36_everyday_words_are_not_a_child_at_risk(assistant, question):
    assert assistant.answer(question).verdict is not Verdict.ESCALATE, question


def test_violence_towards_the_children_in_other_words_rings_the_hub(assistant):
    reply = assistant.answer("Sister told me the stepdad is violent towards the children. Email my manager?")
    assert reply.verdict is Verdict.ESCALATE


def test_a_call_to_the_hub_just_ended_is_the_hub_already_rung(assistant):
    reply = assistant.answer("Just got off the phone with the hub about the baby's bruising - what do I need to "
                             "write up now?")
    assert reply.verdict is not Verdict.ESCALATE and "48 hours" in reply.text()


@pytest.mark.parametrize("question", [
    # a kind of case, a piece of work
    "I'm writing up a neglect case for my practice educator - can I email it to her with the names taken out?",
    "Do my emails about exploitation cases need CONFIDENTIAL in the subject?",
    # a national scheme named for a harm
    "Can I share the Domestic Violence Disclosure Scheme leaflet with the whole team by email?",
])
def test_a_kind_of_case_or_a_scheme_named_for_a_harm_is_not_a_child_at_risk(assistant, question):
    reply = assistant.answer(question)
    assert reply.verdict is not Verdict.ESCALATE and reply.asks != "harm", question


def test_a_closed_case_named_for_its_harm_keeps_its_papers_about_harm(assistant):
    """A past case named for its harm is no child at risk now, and its file is still safeguarding information:
    no fax (Faxes 4)."""
    reply = assistant.answer("Historic neglect case from 2016, now closed. Can I fax the chronology to the "
                             "adoptive parents' solicitor?")
    assert reply.verdict is Verdict.NOT_ALLOWED


def test_the_hubs_number_asked_with_please_is_a_number(assistant):
    reply = assistant.answer("hub no pls, girl says she cant go home tonite")
    assert reply.verdict is Verdict.ESCALATE


@pytest.mark.parametrize("question", [
    # "is not" as people write it, late at night
    "Gone midnight and our 14yo still isnt home, phone off. Do I email the EDT or ring?",
    # a child's medicine not given
    "Year 4 boy with epilepsy hasn't had his medication all week, mum won't collect the prescription, he had a "
    "seizure in class today. Can I email the school nurse his care plan?",
])
def test_session_36_round_84_disclosures_are_rung(assistant, question):
    assert assistant.answer(question).verdict is Verdict.ESCALATE, question


@pytest.mark.parametrize("question", [
    # research on outcomes, not a child now
    "Our research study looks at outcomes for children who were neglected as toddlers - can I upload the "
    "anonymised data to Objective Connect?",
    # safe where placed; the abuser locked up
    "The boys witnessed domestic abuse but they're safe in foster care and dad is in prison now. Can I email the "
    "school their new address?",
    # an adult's record said to involve no child
    "A job applicant has an old assault conviction, nothing involving children. Can I email HR the DBS outcome?",
])
def test_session_36_round_84_ordinary_questions_are_not_asked(assistant, question):
    reply = assistant.answer(question)
    assert reply.verdict is not Verdict.ESCALATE and reply.asks != "harm", question


def test_a_missing_child_s_photo_for_the_police_is_not_held_back(assistant):
    """The Hub answer's "no photos ahead of the call" is not for the police looking for a missing child: their
    request for a photo is how the child is found (the duty to safeguard overrides confidentiality); 999 first
    where the child may be in immediate danger."""
    reply = assistant.answer("The police want a recent photo of the 14yo who's been missing since last night. Can I "
                             "email it to the officer?")
    text = reply.text()
    assert reply.verdict is Verdict.ESCALATE and "999" in text and "give it to them" in text
    assert "Do not send photos" not in text
    other = assistant.answer("A 6yo has fingertip bruises on both arms, can I email the photos to the SW?").text()
    assert "Do not send photos" in other and "police ask" not in other


def test_a_gang_named_for_its_harm_is_who_does_it_not_a_service(assistant):
    """"a county lines group" after "by" is the gang doing it; "her domestic abuse support group" stays a service."""
    reply = assistant.answer("Youth worker. A 16yo from our club is being run by a county lines network and gets "
                             "picked up after school today. Can I email his SW the car reg?")
    assert reply.verdict is Verdict.ESCALATE
    other = assistant.answer("Mum has her domestic abuse support group session on Tuesday. Can I text her the room "
                             "number?")
    assert other.verdict is not Verdict.ESCALATE and other.asks != "harm"


def test_a_return_told_in_the_next_sentence_ends_the_going_missing(assistant):
    reply = assistant.answer("Our 14yo went missing on Saturday night. She's back now, tired but fine. Can I email "
                             "the police the details of where she'd been staying?")
    assert reply.verdict is not Verdict.ESCALATE and reply.asks != "harm"
    again = assistant.answer("Our 14yo went missing on Saturday night. She's back out again tonight and not "
                             "answering. Can I email the police?")
    assert again.verdict is Verdict.ESCALATE


def test_the_users_own_doubt_keeps_a_sign_that_is_not_clear_asked_about(assistant):
    """The protocol: not sure, discuss with your manager or ring the Hub. A doubtful sign said with that doubt is
    asked about, not rung on; a clear one still rings."""
    unsure = assistant.answer("Not sure if this is even safeguarding, but a Year 3 girl has seemed withdrawn lately. "
                              "Can I mention it to the school nurse?")
    assert unsure.verdict is Verdict.NEED_MORE_INFO and unsure.asks == "harm"
    clear = assistant.answer("Not sure if this is even safeguarding, but a Year 3 girl told me her stepdad hits her "
                             "with a belt. Can I mention it to the school nurse?")
    assert clear.verdict is Verdict.ESCALATE


def test_a_child_on_a_plan_gone_missing_is_not_a_paper_gone_missing(assistant):
    """"on a CP plan's been missing": the plan is what the child is on; "the CP plan's gone missing from the drive"
    is a paper."""
    harm = assistant.reader.read("A 13yo on a CP plan's been missing since Sunday per her aunt. Can I fax the "
                                 "police the description?").harm
    assert any(c.category == "missing" for c in harm.because), harm
    paper = assistant.answer("The CP plan's gone missing from the shared drive. Can I email IT to ask them to look?")
    assert paper.verdict is not Verdict.ESCALATE and paper.asks != "harm"


def test_the_words_a_learned_reading_weighed_are_quoted_once(assistant):
    """README trial: 'You mentioned ““baby”, “the baby”, “told””': the learned reading's words come quoted, and were
    quoted again as if one harm.yaml phrase."""
    reply = assistant.answer("mum says theres nothing in for the baby and the electric's been off since Monday, she "
                             "told me on the phone. can I email the HV?")
    text = reply.text()
    assert "\u201c\u201c" not in text and "\u201d\u201d" not in text
    if reply.harm.first is not None and reply.harm.first.words.startswith("\u201c"):
        assert "reads like ones where a child was at risk" in text


@pytest.mark.parametrize("question", [
    # the concern already passed to the Hub, told in other words than a call
    "The assault on the 9yo went through the Hub last week and a strategy meeting decided on a s47. Can I get the "
    "minutes to the school?",
    # safe in a place, with its article
    "The children are safe at the refuge with mum now. Can I email the nursery the actions from the meeting?",
])
def test_session_38_ordinary_questions_are_not_asked(assistant, question):
    reply = assistant.answer(question)
    assert reply.verdict is not Verdict.ESCALATE and reply.asks != "harm", question


def test_the_group_called_islamic_state_is_named_as_isis_is(assistant):
    reply = assistant.answer("A 15yo keeps sharing Daesh videos with younger kids on the estate, can I text his YOT "
                             "worker?")
    assert reply.verdict is Verdict.ESCALATE and reply.harm.first.category == "radicalisation"


def test_no_harm_as_an_idiom_before_an_act_is_no_sign(assistant):
    reply = assistant.answer("There's no harm putting the boy's initials and DOB in the subject line, is there?")
    assert reply.asks != "harm" and reply.verdict is not Verdict.ESCALATE


def test_a_disclosure_made_before_with_the_child_still_there_is_now(assistant):
    """"She told me on Friday her uncle has been hurting her ... she's still living with him": told before, the
    child still with it now. Told as over ("she moved out in May") it stays asked about."""
    now = assistant.answer("A Year 9 told me on Friday her uncle has been touching her. She's still living with "
                           "him. Can I email her head of year?")
    assert now.verdict is Verdict.ESCALATE


def test_a_child_on_a_child_protection_plan_is_a_status_not_a_paper(assistant):
    reply = assistant.answer("Intel just in that a 3 year old on a child protection plan is at a flat where a "
                             "registered sex offender stays. Can I send it to the SW by secure email?")
    assert reply.verdict is Verdict.ESCALATE


def test_a_phone_that_never_stops_is_a_sign_of_exploitation_asked_about(assistant):
    """The Home Office's county lines guidance: a phone ringing constantly with adults the child will not name.
    Asked about, not rung on, alone; a call the user got themselves is no child's sign."""
    reply = assistant.answer("Year 10 lad in our children's home, his phone never stops and he won't say who it is. "
                             "Can I mention it in the weekly email to his SW?")
    assert reply.asks == "harm" or reply.verdict is Verdict.ESCALATE


def test_never_for_not_in_a_missing_child(assistant):
    """"never came home from school" is "didn't come home": the "came home" inside it is no return."""
    reply = assistant.answer("Her foster son never came home from football last night. Can I email his school?")
    assert reply.verdict is Verdict.ESCALATE


@pytest.mark.parametrize("question", [
    "Is this one for the hub? Toddler at nursery keeps turning up in the same dirty clothes and eats like he's starving",
    "does this meet threshold or do I just log it - Y8 boy says his stepdad 'loses it' sometimes",
    "should I refer it to the hub? lad in my group has a new phone and trainers and won't say where from",
    # (round 167) whether what someone told the user can wait to be passed on: whether a child may be at risk first
    "Is it ok to hold off until Friday's meeting to share what the 6yo said to me at breakfast club?",
    # whether the duty to safeguard overrides a confidence, asked of one child
    "Does the duty to safeguard override confidentiality for a 16 year old who told me something in confidence?",
])
def test_whether_it_is_one_for_the_hub_asks_the_harm_question(assistant, question):
    """The Hub's test is the harm question: asked whether something is one for the Hub, SafeShare asks it (or rings,
    where the message is a clear disclosure), never answers a way to send alone."""
    reply = assistant.answer(question)
    assert reply.asks == "harm" or reply.verdict is Verdict.ESCALATE


@pytest.mark.parametrize("question", [
    # run from where a child is placed
    "13yo ran from placement at teatime. Can I email the police his photo?",
    # contact with someone in a conflict zone (Prevent)
    "Y10 girl has been chatting to someone in Iraq most nights, can I email her SW?",
])
def test_missing_from_placement_and_contact_in_a_conflict_zone_are_read(assistant, question):
    reply = assistant.answer(question)
    assert reply.verdict is Verdict.ESCALATE or reply.asks == "harm"


def test_others_raising_no_concerns_is_not_the_users_no(assistant):
    """"No concerns raised by anyone else" is others' silence: the worry the user tells still stands."""
    assert level(assistant, "Neighbour says she hears screaming from the flat most nights, 3 kids live there. No "
                            "concerns raised by anyone else. Can I pass it on?") is not HarmLevel.NO



def test_a_paper_wanted_by_tonight_is_not_harm_tonight(assistant):
    """"The ward wants his self-harm safety plan tonight": when the paper is due, not when a child is harmed. Asked
    about, as a document naming harm is, not rung as a danger tonight."""
    reply = assistant.answer("The ward wants the boy's self-harm safety plan tonight. Can I fax it over?")
    assert reply.verdict is not Verdict.ESCALATE and reply.asks == "harm"


def test_papers_by_their_plain_name_and_children_now_fine_are_not_harm_now(assistant):
    """"FGM protection order docs" are papers; "kids now fine" is the user's word that the children are safe."""
    for question in ("Sending the forced marriage protection order docs to our solicitor - same zip password for "
                     "all of them ok?",
                     "Mum from an old case (breakdown in 2022, kids now fine) has asked for her file. Are my emails "
                     "in it?"):
        assert assistant.answer(question).verdict is not Verdict.ESCALATE, question


def test_someone_who_has_turned_up_is_there_now(assistant):
    """"has turned up at the nursery drunk and swinging a bottle": arrived and still there, so two worrying signs
    told as now add up to ringing the Hub."""
    reply = assistant.answer("Mum's ex has turned up at the nursery drunk and swinging a bottle. Who do I email "
                             "about it?")
    assert reply.verdict is Verdict.ESCALATE


def test_the_words_to_be_sent_given_with_no_word_of_harm_ring_nothing(assistant):
    """"email the childminder saying pick-up is at 4": the message to be sent is all there, and nothing in it is a
    sign of harm; the learned reading alone (which weighs "say" heavily since round 93) neither asks nor rings."""
    reply = assistant.answer("can I email the childminder saying pick-up is at 4 instead of 3 on Friday?")
    assert reply.verdict is not Verdict.ESCALATE and reply.asks != "harm"


@pytest.mark.parametrize("question, rung", [
    # where children stay tonight says nothing of who controls them (not a trafficking sign)
    ("Police dealt with the incident at home last night and the children are staying at their nan's for now. Can I "
     "email the class teacher to let her know?", False),
    # a word for hurting alone reads as everyday to the learned reading; seen minutes ago it is rung
    ("Is it ok to cc the nursery manager on an email about a toddler I saw being shaken at the gate about five "
     "minutes ago?", True),
    # going off in a car with a man no one knows, just now; collected by an adult no one knows, the child not where
    # she should be
    ("Can I email the police the misper form? Our 14yo has just been driven off in a car with a man we don't know "
     "and isn't answering her phone.", True),
    ("A 7yo was collected at lunch by a woman none of us know, and now mum's rung to ask why he isn't in school. Can "
     "I email the police his photo?", True),
    # the abuser "remanded" (held by the court till trial), like "in prison now": the danger held off
    ("Mum and the boys are in a refuge now and dad has been remanded. Can I email the core group minutes to the "
     "boys' new school?", False),
    # children hiding from an adult's violence, told now
    ("mum's just messaged - her partner is smashing the place up and the kids are hiding upstairs. can I forward "
     "it to my manager?", True),
    # training, a postgraduate study, a list of many children, the category a plan was made under: not a child now
    ("I'm running a staff twilight on neglect next week. Can I use an old anonymised chronology?", False),
    ("Doing my masters on child sexual abuse in care. Can I email my tutor anonymised figures?", False),
    ("Old case, closed in 2018. Dad wants everything we hold about his daughter's registration under neglect. "
     "Can I post it to him?", False),
])
def test_session_40_harm_readings(assistant, question, rung):
    assert (assistant.answer(question).verdict is Verdict.ESCALATE) is rung, question


@pytest.mark.parametrize("question, outcome", [
    # a plan does not manage a child whose whereabouts are unknown now, and "we have no idea where they are" is the
    # user's own words about someone else (not "we've no idea where the minutes went")
    ("Mum has taken the twins, both on CP plans, out of the area against the written agreement and we have no idea "
     "where they are now. Can I email the plan to the neighbouring authority?", "rung"),
    # people who "miss" a meeting: no one has gone missing (the stem of "missing" is "miss")
    ("Our core group meetings are on Teams now and someone suggested recording them so people who miss them can "
     "catch up. It would include the children's needs.", "quiet"),
    # (session 44) what the user saw with their own eyes is now, whatever paper it is going on
    ("Can I post the Hub the referral form about the 3yo I watched his mum slap across the face in the car park "
     "this morning?", "rung"),
    # a course on recognising a harm is material about harm, not a child now
    ("I'm running an induction session on recognising shaken baby injuries. Can I email the slides to the new "
     "starters?", "quiet"),
    # abuse aimed at staff, not at a child
    ("A dad was abusive to staff at the front desk today. Can I email the incident log to my manager?", "quiet"),
    # (round 105) the user's own phone out of charge; a study of figures; a referral the police already have
    ("My work phone's dead, can I email the visit notes from my laptop tonight?", "quiet"),
    ("I'm doing an MA on neglect. Can I email my tutor the anonymised counts of referrals by year?", "quiet"),
    ("The exploitation referral for the 15yo - police already have it. Can I post a copy to the new LA?", "quiet"),
    # a debt the child is told of, a threat to his family, a phone that keeps going: signs that add up
    ("LAC girl (14) got in at 4am and her phone keeps pinging: 'u owe 300 or your family gets it'. Can I text the "
     "screenshots to her SW?", "rung"),
    # (round 106) "beats" as better than; a practice for whichever child it happens to; slides for a talk; a family in
    # a refuge with the abuser held
    ("Posting it beats ringing the mum again, doesn't it? Can I send the letter second class?", "quiet"),
    ("At the unit we text the on-call manager whenever one of the young people self-harms. Is that allowed?", "quiet"),
    ("I'm presenting on neglect to the new starters next week, with a real case anonymised in my slides. Can I email "
     "the deck to the trainer?", "quiet"),
    ("The family are in a refuge now and dad's in custody. Can I email the DA referral to the new school?", "quiet"),
    # a child's teeth left to rot, in pain all week (NICE: dental neglect; the learned reading alone had caught it)
    ("Can I text dad about the dentist? Maisie (5) has missed two now, her teeth are rotten and she's had toothache "
     "all week.", "heard"),
    # (round 108) a note handed over by the child is her own words, not a document's; what a place turns out to be
    # is news, not a worry found groundless
    ("Y9 girl passed me a note at break saying 'they're taking me to get married in the summer, help'. Can I email "
     "the DSL?", "rung"),
    ("Schedule 1 offender has moved to what turns out to be a flat shared with his new partner and her 4 kids. Can I "
     "email probation?", "rung"),
    # (round 107) a label in the subject line, with a name, a DOB and its date past the harm word
    ("Can the subject say 'Physical abuse - T Green DOB 12/05/16' so legal know which one it is?", "quiet"),
    # a newborn taken off the ward while still being treated, to a squat (the learned reading alone had caught it)
    ("Mum left the ward with her newborn who's still being treated for withdrawal, and home is a squat. Can I email "
     "the HV the discharge letter?", "rung"),
    # (session 45) violence at home told in one word, kept secret at a parent's plea: the Hub's, not the channel's
    ("Mum has told me about her boyfriend's violence. Which is the best way to tell the school?", "heard"),
    # at risk, and now; a parent set on taking the children back from their placement tonight; what a paper shows of
    # a child now (not what it is about)
    ("The baby's at risk right now - can I text the HV?", "rung"),
    ("Birth mum found out where the carers live and says she's coming to take the children back tonight. Can I email "
     "the IRO?", "rung"),
    ("A letter sent to us in error shows a 6yo who just moved here is living with a registered sex offender. Who can I "
     "tell?", "rung"),
    # (round 111) the user's own document named after the harm it assesses; children seen since by the police
    ("Can I email my CSE screening tool to the college? It's done and the plan is working.", "heard"),
    ("Every day I get the list of overnight domestic incidents with children present, all seen and fine. Can I "
     "email each school its bit?", "quiet"),
    # a label quoted as the subject line, however far back the subject was named; a child's own psychosis is no
    # parent's crisis; injuries from this morning, the child said by the user to be safe now: asked, not rung
    ("The subject line says 'URGENT - Kai Brown 4/5 belt marks'. Is that ok since it's internal?", "quiet"),
    ("Can I post the CAMHS letter about a teenager's psychosis to her GP?", "quiet"),
    ("Police want the photos of the bruises from this afternoon's CP medical. She's safe at her aunt's now. Can I "
     "email them?", "asked"),
    # (round 112) a baby losing weight and a parent keeping everyone out
    ("HV says the 3 week old is losing weight and dad won't let anyone in to see her. Can I email the GP?", "heard"),
    # (README trial, session 45) a body map is the drawing injuries are marked on: a document, asked about
    ("Can I email the body map with the bruise on it to my team manager?", "asked"),
    # (round 113) a "not" run into its helping verb is the not: "hasn't been fed" is "not been fed"
    ("A neighbour rang: the little ones next door hasn't been fed since Friday. Ok to pass it to the HV by email?",
     "rung"),
    # a sign that is itself a not is not denied by a not before it: two signs, the second no denial
    ("Dad never replies and isn't answering the door. Can I text the HV about the baby?", "rung"),
    # (round 114) a note the user is writing tells what was seen: not a document's description
    ("Can I leave a note on the school portal that Ava arrived with a handprint bruise on her cheek? Stepdad collects "
     "her at 3.", "rung"),
    # (round 115) a pregnancy told of a child under 13, who cannot consent in law: rung; 13 to 15: asked at least
    ("She is only 11 and the school nurse thinks she's pregnant. Can I ring her GP?", "rung"),
    ("The Y10 girl I mentor, 14, told me she's pregnant. Can I email the school nurse?", "heard"),
    # (round 117) an everyday word of neglect with the user asking whether to worry: asked, not dropped
    ("Y4 kid is often hungry and his uniform is grubby, dad says money's tight. Should I be worried? Can I email early "
     "help?", "heard"),
    # no one said by the user to be in danger; a child held in a secure unit since the harm
    ("Can the exploitation panel use a WhatsApp group? No one is in danger, it's just for updates.", "quiet"),
    ("She's in a secure unit now after the county lines stuff. Can I email her NRM form to the Home Office?", "quiet"),
    # what a record shows a child did is the child's now, not a document's description
    ("The web filter report shows a Y10 boy searched for how to make a nail bomb. Can I email it to the DSL?", "rung"),
    # (round 116) the harm being treated, or kept off by an agreed plan: not a child at risk now
    ("Can I text the carer that the counselling for her neglect starts next week?", "quiet"),
    ("He's living with his gran under a safety plan since the physical abuse came to light. Can I text her the "
     "review date?", "quiet"),
    # well ever since, in the user's words: the harm named is over
    ("Dad has been doing well ever since his overdose and the children are home. Can I text him the review date?",
     "quiet"),
])
def test_sessions_41_44_harm_readings(assistant, question, outcome):
    """`heard`: rung or asked, whichever the learned reading makes of two signs together (a retraining may move it)."""
    reply = assistant.answer(question)
    shown = "rung" if reply.verdict is Verdict.ESCALATE else "asked" if reply.asks == "harm" else "quiet"
    assert shown == outcome or (outcome == "heard" and shown != "quiet"), question


@pytest.mark.parametrize("text", [
    # (after retraining, session 46) weight not gained: faltering growth, asked about
    "The 3 month old hasn't put on any weight since the last weigh-in. Can I email the GP the growth chart?",
    # an adult investigated over a child, charged or not, staying where children live
    "Her uncle is staying with them for a while; he was investigated over a child years ago. Can I tell the school?",
    # (session 47, after retraining) a baby or a toddler with no adult: not the learned reading's to find
    "Home visit: nobody in but a baby and a 2 year old, no adult anywhere. Can I email my TM?",
    # an adult adding children on a private account and messaging them there
    "The new volunteer has been adding the scouts on Instagram and DMing them. Can I email the district lead?",
])
def test_words_alone_ask_about(assistant, text):
    """Read by the words alone, before any learned reading: a doubt at least."""
    assert assistant.reader.harm.assess(text).level in (HarmLevel.MAYBE, HarmLevel.YES), text


@pytest.mark.parametrize("text", [
    # (round 113) a thing, past a word of time, that hasn't arrived: no child missing
    "I'm a new starter and my work laptop still hasn't arrived. My manager says use my home PC until it does.",
    # the statutory name for children off any school roll: a duty and its lists, not a child gone missing
    "We send the trust a spreadsheet of children missing education every month. Is a normal email enough?",
    # (round 115) every child with a flag, listed for a study: many children, no one child now
    "Our analyst holds a list of every child flagged for exploitation since 2021. Can it go to the university?",
    # a mother's pregnancy, however near a child's age; weeks of one are no age
    "The 5 year old's mum is pregnant again and due in May. Can I email the HV the family's new address?",
    "Mum is 14 weeks pregnant with twins. Can I email the midwife the booking form?",
    # road traffic is no child trafficked
    "Can I text dad I'm stuck in traffic?",
    # a placement that has ended is no parent's breakdown
    "My email about the placement breakdown went to the birth parents by mistake. What now?",
])
def test_words_that_name_no_child_gone(assistant, text):
    """Read by the words alone, before any learned reading: nothing about a child at risk."""
    assert assistant.reader.harm.assess(text).level is None, text


@pytest.mark.parametrize("question", [
    # a completed assessment tool is a document: its harm word is what it is about, asked about at most
    "Can I email my TM the graded care profile (neglect) I've just finished? We're both council.",
    # an emergency told as over ("an ambulance came"), after the Hub was rung: the written follow-up, not a new call
    "I phoned the Hub yesterday about a dad who overdosed - an ambulance came and the kids are with their nan, the "
    "Hub are dealing. Can I email the follow-up?",
])
def test_session_41_not_rung(assistant, question):
    assert assistant.answer(question).verdict is not Verdict.ESCALATE, question


def test_an_escalation_names_every_sign_that_rang_it(assistant):
    """A README trial: two signs together rang the Hub ("no coat again ... he'll get what's coming if he tells"), and
    the answer named only the first. Each sign read is named, up to three."""
    reply = assistant.answer("Can I email the school about a Y2 boy? No coat again today, and he says he'll get "
                             "what's coming if he tells.")
    said = " ".join(reply.reasons)
    assert reply.verdict is Verdict.ESCALATE and "no coat" in said and "if he tells" in said, said


@pytest.mark.parametrize("question", [
    # a child not brought to the checks every child is offered (NICE: was not brought), with no answer at the door
    "The 2 year old has missed her development review and both sets of jabs, and no one came to the door on my last "
    "two visits. Can I write to dad at home?",
    # "no previous concerns" is a no about the past: it says nothing of what the user is worried about now
    "No prior concerns about this family, but the baby has missed three immunisations and mum won't open the door "
    "to me. Can I text her to rebook?",
])
def test_session_42_a_child_not_brought_to_health_checks_is_asked_about(assistant, question):
    reply = assistant.answer(question)
    assert reply.verdict is Verdict.ESCALATE or reply.asks == "harm", question


@pytest.mark.parametrize("question, rung", [
    # a parent injecting is a sign (cues_written); a child's injections at the clinic share its stem and are not
    ("The school nurse is giving the Y8 HPV injections on Friday. Can I email her the class list?", False),
    ("Mum was injecting in the kitchen with the toddler sat on the floor next to her when I visited just now. Can "
     "I email the HV?", True),
])
def test_a_childs_injections_are_not_a_parent_injecting(assistant, question, rung):
    assert (assistant.answer(question).verdict is Verdict.ESCALATE) is rung, question


@pytest.mark.parametrize("question", [
    # the time of a meeting dates the meeting, not the harm it was about; the child removed to foster care since
    ("The core group meeting was this afternoon about the baby with the fractured ribs - she's in foster care now. "
     "Can I email the minutes to the health visitor?"),
    # the plan's category, as the conference says it, is the plan's, not a child's harm now
    "Review conference yesterday, plan made under emotional abuse, kids living with their aunt. Can I post the "
    "outcome letter to dad?",
    # "I don't see the harm": a judgement of the user's own plan, no harm to anyone
    "The grandparent wants the contact schedule sent to his Gmail and honestly I can't see the harm. Can I?",
    # the user's "nothing acute": nothing sudden or severe now
    "CAMHS referral for a 13yo who's been self-harming, nothing acute. Can I email it over?",
    # (session 43) the case said to be closed in the sentence after a paper named for a harm: the paper is of the past
    "Can I finish the sexual abuse assessment on my home laptop? The case is closed, it's just the ending.",
    # the words of a subject line, past a name's initials: "J.B." ends no sentence
    "Is 'Neglect - T.M. Y4' ok in the subject line for the nurse?",
])
def test_sessions_42_43_ordinary_questions_are_answered_as_asked(assistant, question):
    reply = assistant.answer(question)
    assert reply.verdict is not Verdict.ESCALATE and reply.asks != "harm", question


def test_harm_the_police_already_know_of_is_asked_about_not_rung(assistant):
    """The police told already ("already know about", harm.yaml `managed`): a clear sign is a doubt, as one a plan
    manages is, never rung. (Whether the doubt is asked is the learned reading's: retrained on round 102, it answers
    this one as asked.)"""
    question = "The police already know about the grooming and say the girl is fine. Can I email them the screenshots?"
    assert assistant.answer(question).verdict is not Verdict.ESCALATE
    harm = assistant.reader.harm.assess(question)
    assert harm.level is HarmLevel.MAYBE and [c.reading for c in harm.because] == ["managed"]


def test_a_count_of_sets_stands_between_the_words_of_a_sign(assistant):
    """"missed 2 sets of jabs": "sets" is a count, as "lots" and "loads" are (harm.yaml fillers)."""
    cue = assistant.reader.harm.assess("Toddler has missed 2 sets of jabs. Can I email the HV?").first
    assert cue is not None and cue.words == "missed 2 sets of jabs"


@pytest.mark.parametrize("question", [
    # an audit of many cases, named for a harm, is a piece of work, not a child now
    "Doing the annual physical abuse audit - can I email the spreadsheet of case numbers to the QA team?",
    # a what-if for the user one day, not a child now
    "Out of interest, if we ever had a child being sexually exploited, should we email or phone the police?",
])
def test_session_42_round_100_ordinary(assistant, question):
    assert assistant.answer(question).verdict is not Verdict.ESCALATE, question


def test_a_parent_not_allowed_contact_typed_with_isnt_is_read(assistant):
    """"dad isn't allowed contact": the negation joined to its verb, as people type it, is the same sign as "not
    allowed contact" (a round-100 recall miss: a father barred by a court order taking a 3-year-old from nursery)."""
    reply = assistant.answer("Dad isn't allowed contact but he's turned up at the school asking for his son. Can I "
                             "email the police?")
    assert reply.verdict is Verdict.ESCALATE or reply.asks == "harm"


def test_a_case_we_dealt_with_is_someone_already_acting(assistant):
    """"from a case we dealt with": already acted on, as "police dealt with it" is (harm.yaml `managed`)."""
    reply = assistant.answer("Can I use a real grooming chat from a case we dealt with in the staff briefing, names "
                             "blurred?")
    assert reply.verdict is not Verdict.ESCALATE and reply.asks != "harm"


def test_a_young_child_found_wandering_alone_is_rung(assistant):
    """A young child found out alone late at night, the parents not found (round 101, unsafe: asked about)."""
    reply = assistant.answer("Police found a 4 year old wandering alone on the estate after midnight and nobody can "
                             "find the parents. Can I email the duty worker his details?")
    assert reply.verdict is Verdict.ESCALATE


def test_a_case_handled_by_the_police_is_someone_already_acting(assistant):
    """"handled by the police": already acted on, as "dealt with" is (harm.yaml `managed`)."""
    assert level(assistant, "The grooming was handled by the police. Can I email the school the summary?") \
        is HarmLevel.MAYBE


def test_a_child_back_with_the_one_who_hurt_them_is_rung(assistant):
    """Marks on a young child, who is at home with the adult who caused them (round 102, unsafe: answered with how
    long Objective Connect takes)."""
    reply = assistant.answer("Can I send the GP the pictures of the marks on a toddler? He's gone home with the one who "
                             "did it.")
    assert reply.verdict is Verdict.ESCALATE


def test_an_offender_linked_to_none_of_our_families_is_not_rung(assistant):
    """The user's word that a known offender is nothing to do with any family the service works with is a no, as
    "no children in the household" is: asked about at most, never rung."""
    reply = assistant.answer("A schedule 1 offender has moved into the area but he's not linked to any of our families. "
                             "Can I email the police briefing to my team?")
    assert reply.verdict is not Verdict.ESCALATE


def test_a_parents_overdose_and_goodbye_told_in_her_own_words_is_rung(assistant):
    """A parent's own words that she has taken everything in the cupboard, with a goodbye to the children (a stored
    harm_clear case the retrained reading alone had stopped ringing): the words are read, not left to the model."""
    question = "Dad messaged me 'taken all my tablets, tell the kids i love them', the boys are 3 and 5. Can I " \
               "screenshot it to my TM?"
    assert assistant.answer(question).verdict is Verdict.ESCALATE
    cues = {cue.words for cue in assistant.reader.harm.assess(question).because}
    assert {"taken all my tablets", "tell the kids i love them"} <= cues


def test_injuries_that_keep_coming_are_not_explained_away_one_by_one(assistant):
    """NICE CG89: repeated injuries. Each with its own innocent cause, "another injury" that is "adding up" is the
    worry, not its answer."""
    reply = assistant.answer("Another injury for the 6yo this half term, skateboarding this time, and last month the "
                             "playground. Injuries adding up. Email the HV?")
    assert reply.verdict is Verdict.ESCALATE or reply.asks == "harm"


def test_an_allegation_named_is_a_matter_not_words_reported(assistant):
    """"a sexual abuse allegation on Tuesday": the noun names the matter, so the user's own "the girl is safe in
    foster care" after it is the user's word, not someone's reported (the stem of "allegation" is "alleged"'s)."""
    question = ("Police have taken over the sexual abuse allegation about the 9yo and she is safe with her nan now. Can "
                "I email the DC our chronology?")
    assert assistant.answer(question).verdict is not Verdict.ESCALATE
    assert level(assistant, "Mum alleged on Monday that he hit her son, she says he is safe now.") is HarmLevel.YES


@pytest.mark.parametrize("text, expected", [
    # "any" before a sign asks whether there is one, or lists what is wanted: asked about, never rung on its own
    ("The IRO wants the school's view on attendance and any child protection concerns. Can I email it?",
     HarmLevel.MAYBE),
    ("Any safeguarding concerns? Her stepdad hit her again last night.", HarmLevel.YES),
    # (round 119) a child out for nights; an adult barred from unsupervised contact waiting for the child; people
    # telling what they saw are not a report
    ("Residential worker: our 14yo has been out 3 nights now and isn't answering. Can I email the police the form?",
     HarmLevel.YES),
    ("Mum's ex, who is not allowed any unsupervised contact with the kids, was at the school gate asking for them. "
     "Can I WhatsApp the SW?", HarmLevel.YES),
    ("Neighbours report a baby crying for hours and nobody is answering the door. Which email route should I use?",
     HarmLevel.YES),
])
def test_round_118_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("question", [
    # a time that says when a meeting is, with what is wanted before it, is not harm soon
    "The HV wants my visit notes ahead of next Thursday's core group meeting; they're mostly about home conditions. "
    "What do I need to do before I email them?",
    # a service's appointment about a harm is care in place
    "Can I text the carer that his CAMHS appointment about the self-harm has moved to Monday?",
    # a pupil's scrap at school is no domestic abuse
    "can I text dad that his son was sent home after a fight?",
])
def test_round_118_no_child_at_risk_now(assistant, question):
    assert assistant.answer(question).verdict is not Verdict.ESCALATE


def test_a_childs_whereabouts_sent_to_the_one_she_was_hidden_from_is_rung(assistant):
    """A placement moved so that a parent could not find the child, then its address sent to him: the child's
    safety now, whatever else the slip asks."""
    question = ("I emailed dad the review minutes with the carers' new address in. She was placed there so that he "
                "wouldn't know where she is. What should I do?")
    assert assistant.answer(question).verdict is Verdict.ESCALATE
    assert level(assistant, "I emailed mum the plan with the carers' address; she doesn't know where the school is. "
                            "What now?") is None


@pytest.mark.parametrize("text, expected", [
    # "safe" said of a way of sending is the protocol's question, secure or not; said of a child it is still harm
    ("our fax isn't a safe way to send the referral, is it?", None),
    ("teams chat is not safe for this kind of thing, right?", None),
    ("is it unsafe to text the carer the new address?", None),
    ("The ISP doesn't say what to do when a report turns up somewhere that isn't a safe haven, does it?", None),
    ("the lad isn't safe at home tonight, can I email his social worker?", HarmLevel.YES),
    ("it's not safe to send him back to his stepdad's tonight. how do I let the school know?", HarmLevel.YES),
    # the user's own telling ("to mention in a message that ...") is no document: what was seen today is now
    ("Can I mention on Teams to my senior that the 6yo I saw this morning has a fresh handprint bruise on his cheek "
     "and says mummy's boyfriend did it?", HarmLevel.YES),
    # minor injuries told over and over are asked about, however each was explained
    ("School nurse: a Y2 girl has been sent to us 4 times this half term with minor injuries, each with a reason. "
     "Can I email the list to her social worker?", HarmLevel.YES),
])
def test_round_120_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # a child gone with someone, no one knowing where (not one who keeps slipping off and coming back)
    ("the 2yo on a plan has disappeared with mum's ex and nobody can reach them. can I email the plan to police?",
     HarmLevel.YES),
    # a paper about a child, with someone to meet her told as about to happen: the child's now
    ("CSE referral came in about a 13yo sending pictures to a man online who says he'll come and get her tomorrow. "
     "Can I forward it to school?", HarmLevel.YES),
    # the user's own plan judged unsafe, no child named with it
    ("Do I really have to read the child's details out to the Hub on the phone? Sounds unsafe to me.", None),
    # (round 122) an adult directing a child on a webcam
    ("Our digital team found a 10yo boy being directed by a man over webcam most evenings. Can I send the screenshots "
     "to his social worker by secure email?", HarmLevel.YES),
    # (round 123) a child found once before is no child found now; an adult's purpose said outright
    ("Our 13yo has been gone since last night; she was previously found at a flat in town. Can I email the police her "
     "photo?", HarmLevel.YES),
    ("can I forward the school the messages where a man tells the 11yo he'll pick her up for sex?", HarmLevel.YES),
    # (round 124) a wound by its bleeding; paid to do things; a phone from older lads; an attack planned
    ("YP in our unit is still bleeding from where she cut her leg and says she'll go deeper tonight. Email the IRO?",
     HarmLevel.YES),
    ("A 13yo says an older lad pays him to do things for him at a flat in town. Can I send this to the police?",
     HarmLevel.YES),
    ("12yo missing from school all week, his mum says he's staying with older lads in Leeds. Who do I email?",
     HarmLevel.YES),
    ("My 16yo student has been told online to carry out an attack to prove himself. Can I email prevent?",
     HarmLevel.YES),
])
def test_round_121_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # (session 50) an adult who left a role for messaging children, with children now
    ("Heard our new helper was sacked from a summer camp for messaging kids, and he's alone with the kids at the "
     "sleepover tonight. Can I email the camp?", HarmLevel.YES),
    # ... the same words without the reason are the user's own work
    ("I'm messaging kids on the club's group chat about the trip. Can I include their first names?", None),
    # a sign put as a possibility is asked about; told of a child now, rung
    ("Think one of my Y9s might be self harming. Can I share it with the school nurse by email?", HarmLevel.MAYBE),
    ("a 14yo I see weekly (self harm?) - am I ok to share with CAMHS?", HarmLevel.MAYBE),
    ("The baby maybe has a non accidental fracture and is being discharged home with dad tonight. Fax the ward notes?",
     HarmLevel.YES),
    # a professional's "possible" stays the concern it names
    ("the GP wrote 'possible FGM' for a 6 year old. Can I email the notes to children's services?", HarmLevel.YES),
    # the user's word that the children seem fine now leaves a parent's drinking asked about, not rung
    ("Dad's drinking again, says mum, but the kids seem fine at the moment. Can I tell the health visitor?",
     HarmLevel.MAYBE),
    # (round 126) a family gone with a child who "can't be found" is no child found; a child's death in an adult's
    # care; an adult once banned for photographing children, filming them now
    ("The twins haven't been in all week, the flat's empty and mum texted that they can't be found now. Can I email "
     "the SW?", HarmLevel.YES),
    ("Mum's new boyfriend moves in this weekend - a toddler died in his care a few years back. Email the police?",
     HarmLevel.YES),
    ("A man who was thrown out of the gym for taking photos of kids is filming the toddler swim class right now. Text "
     "the manager?", HarmLevel.YES),
    ("Nobody's in danger as far as I know, just a messy house. Can I email the HV?", HarmLevel.NO),
    # (round 127) a device from fertiliser; a child's own writing is no paper about them; parents too intoxicated
    # to care; a login that locks the user out; contact meant to be watched
    ("Y10 boy has written about martyrs in his planner and says he's making something out of fertiliser for Friday. "
     "Email the DSL?", HarmLevel.YES),
    ("Neighbour rang: the baby's been crying all afternoon and both parents are out of it. Who do I email?",
     HarmLevel.YES),
    ("The portal keeps locking me out - can I email the CP plan to the school instead?", None),
    ("I cc'd the children's dad on the placement address by mistake. His contact is meant to be supervised.",
     HarmLevel.MAYBE),
    # (session 51) a thing sent that never arrived is no child missing; a child who never arrived is
    ("Health visitor says the letter never arrived, so I'll post another copy. Ok?", None),
    ("Our 8 year old never arrived at school this morning and nobody can reach mum. Email the SW?", HarmLevel.YES),
    # a note a child passes is the child's own telling, not a paper about them
    ("Year 8 girl handed her tutor a note saying her family are taking her abroad to be married off this weekend. "
     "Email the DSL?", HarmLevel.YES),
    # (session 52) a paper that tells what has just happened tells of now; one that only names a past finding
    # is still asked about
    ("Can I pass the MASH log to the nursery? The log says a convicted sex offender moved in with mum and the "
     "toddler over the weekend.", HarmLevel.YES),
    ("Can I pass the MASH log to the nursery? The log says mum's ex is on the sex offenders register.",
     HarmLevel.MAYBE),
    # a child's revealing picture passed round is a semi-nude in other words: asked about; a parent's drinking at
    # contact with the child said, after it, to be fine with a carer is asked about, not rung
    ("A Year 7 boy's revealing picture is going round the year group on Snapchat. Can I email his mum?",
     HarmLevel.MAYBE),
    ("Dad turned up to contact smelling of alcohol this morning so it was stopped; the baby went back with her "
     "foster carer and is fine. Can I email the report to the SW?", HarmLevel.MAYBE),
    # the child's life before the placement is the past, for an adopter as for a carer
    ("Adoptive mum here - can I tell his new football coach about the neglect he suffered before he was placed "
     "with us? He's settled and safe now.", None),
    # a sign in a paper's description told as just now is the child's now; a child's own words for sexual abuse;
    # a parent's relapse told of a child in their care
    ("The GP wants the contact record for a toddler whose dad arrived slurring and has just driven off with him. "
     "Do I need a cover sheet?", HarmLevel.YES),
    ("The nursery wants the chronology for a baby whose mum's boyfriend is at the house right now after the "
     "non-molestation order. Do I fax it?", HarmLevel.YES),
    ("I have just emailed the minutes about the bruising to the school, was that ok?", HarmLevel.MAYBE),
    ("My Year 6 pupil says her mum's boyfriend does things to her when mum is at work. Can I email the DSL?",
     HarmLevel.YES),
    ("Dad has relapsed and has the kids this weekend. Can I tell the SW?", HarmLevel.YES),
    ("Her eczema relapsed so can I email the GP letter to the school nurse?", None),
    # "what do I do now?" asks what to do; it tells no time of the child's
    ("I emailed my write-up of a pupil's disclosure to the wrong team by mistake. What do I do now?",
     HarmLevel.MAYBE),
    ("She's with him now and says he hurts her. What now?", HarmLevel.YES),
    # a farewell in other words; a child's note passed over, with her age for her name; the adult a child was
    # removed from, finding her placements
    ("Our 15 year old just messaged the group chat 'this is goodbye, thanks for trying everyone'. Email the SW?",
     HarmLevel.YES),
    ("I won't need the laptop after Friday anyway, can I email the files to myself?", None),
    ("At the home visit the 9-year-old passed me a note saying 'dad hits mum and me'. Can I save my notes to my "
     "desktop?", HarmLevel.YES),
    ("Sent the foster carer's address to dad by mistake - he's the reason she was removed and he tracked her down "
     "at the last placement. What do I do?", HarmLevel.MAYBE),
    # the protocol's own test put as a possibility is a child who appears likely to suffer it
    ("The nursery won't share their records with me. I'm worried the boy may be at risk of significant harm. Can I "
     "insist?", HarmLevel.YES),
    # a girl's procedure to be done back home, an elder flown over for it (FGM statutory guidance)
    ("Health visitor. Mum says her 4 year old daughter is having a procedure done back home at Easter and her "
     "grandmother has flown over to help. Can I email the GP?", HarmLevel.YES),
    # time spent is no meeting's minutes: a sign after "every spare minute" is read, not dropped as a paper's
    ("14 yr old spends every spare minute in a chat group about a race war. Can I tell the DSL?", HarmLevel.MAYBE),
    # "from birth dad's" is a birth parent's home, not a mark there from birth
    ("Baby came back from birth mum's with bruises on both arms and goes back there tomorrow. Can I email the SW?",
     HarmLevel.YES),
    ("The mark on her back has been there from birth, the HV says. Can I email the HV's note to nursery?", None),
    # a young person taken to a place she does not know, her whereabouts sent
    ("Our 14 yr old has just sent me a location pin - she says she's been taken to a flat she doesn't know. Can I "
     "email the police the pin?", HarmLevel.YES),
    ("Mum won't let her go to the sleepover, can I email the school?", None),
])
def test_round_125_readings(assistant, text, expected):
    assert level(assistant, text) is expected


def test_a_childs_own_wedding_is_a_sign(assistant):
    """A child's own wedding set, with her passport taken: forced marriage (marriage under 18 is unlawful in
    England), never sending advice."""
    question = "Year 10 girl says her dad has taken her passport and her wedding is in Pakistan next month. " \
               "Can I email her form tutor?"
    assert any(c.words == "her wedding" for c in assistant.answer(question).harm.because)
    assert assistant.answer(question).verdict is Verdict.ESCALATE


def test_punishment_for_what_shames_a_family_is_asked_about(assistant):
    """(round 122) a daughter to be 'dealt with' for having a boyfriend: honour-based abuse, never sending advice."""
    question = "A mum told me her 15yo will be dealt with for having a boyfriend once her brothers find out. " \
               "Can I put that in an email to school?"
    assert any(c.category == "fgm_forced_marriage_honour" for c in assistant.answer(question).harm.because)
    assert assistant.answer(question).verdict in (Verdict.ESCALATE, Verdict.NEED_MORE_INFO)
    assert assistant.answer(question).verdict is Verdict.ESCALATE or assistant.answer(question).asks == "harm"


def test_a_weapon_read_with_another_sign_is_rung(assistant):
    """(round 124) two signs read together are asked about where the message reads as everyday, but not where one
    is a weapon: an adult at the school gate with a knife this morning."""
    question = "Can I send the carers the contact plan on Objective Connect? Mum's ex turned up at the school gate " \
               "today with a knife asking where she was."
    reply = assistant.answer(question)
    assert reply.verdict is Verdict.ESCALATE


def test_a_parent_who_might_do_something_stupid_is_in_crisis_not_calling_names(assistant):
    """README trial, session 52: "she said she might do something stupid" was read as "stupid" (emotional abuse, a
    child called names); said by a parent who cannot cope, it hints at harm to herself or the baby."""
    harm = assistant.reader.harm.assess("Mum rang in tears, she can't cope with the baby and said she might do "
                                        "something stupid. Can I email the health visitor?")
    assert harm.level is not None
    categories = {c.category for c in harm.because}
    assert "parent_crisis" in categories and "emotional" not in categories


@pytest.mark.parametrize("text, expected", [
    # (round 140) a police officer saying who writes ("PC here") names no computer beside the cue
    ("PC here, called out overnight, attended a domestic, two toddlers asleep upstairs. Which address do I email?",
     HarmLevel.YES),
    ("We got called to a domestic at the flat this morning and the baby was there. Can I email CSC the log?",
     HarmLevel.YES),
    ("Her partner has threatened to finish her if she goes to the refuge; the twins are 4. Email or phone?",
     HarmLevel.YES),
    # food kept from a child as a rule or a punishment, or days without it
    ("Boy, 7, told the TA he isn't allowed to eat tea when he gets a bad report. Can I email his SW?", HarmLevel.YES),
    ("the 6yo says she hasnt eaten since saturday and its tuesday, can I ring or email the duty team?",
     HarmLevel.YES),
    # an everyday word with its own ending is not corrected onto a sign: "GDPR scares me" is no scars
    ("Data protection honestly scares me - can I still email the school nurse the care plan?", None),
    # (round 141) a conference called on the harm manages it: a text about the conference date is not the Hub's
    ("Can I text mum the date of the review child protection conference about the bruising?", HarmLevel.MAYBE),
    # British spelling of a parent smelling of drink, with the child handed over to them
    ("Mum smelt of alcohol at pickup and put the twins in the car. Can I email the SW?", HarmLevel.YES),
    # (round 142) scalds in the outline of a child's feet or hands held in hot water are patterned injuries
    ("Nurse here: toddler with burns to both feet, dad says he stepped in the bath. Can I email the HV?",
     HarmLevel.YES),
    # a child under 13 in for a pregnancy test, her mother with her: no consent in law, whoever came along
    ("An 11 year old came in with her mum for a pregnancy test today. Can the GP email the note to CSC?",
     HarmLevel.YES),
    # the threshold doubted in the user's own words: asked, never rung
    ("I've a niggle about a 9 year old's home conditions, not sure if it's enough. Who do I talk to?",
     HarmLevel.MAYBE),
    # (round 143) a verb after its teller and emergency contraception name no paper: the signs are the child's now
    ("Taxi firm says one of the drivers reports he keeps taking a 13yo from the home to a hotel at night, "
     "different men paying. Email the log?", HarmLevel.YES),
    ("Pharmacy: a 14yo buys plan b every week, older men wait for her in a car. Can I email the school nurse?",
     HarmLevel.YES),
    # a parent in tears is a parent upset, no child's distress
    ("Dad was in tears at reception about the assessment and wants a copy. Can we email it to him?", None),
    # the reason a child came into care, told of a child in care now, is her past
    ("Our foster child is in care because of neglect at home; can I tell her swimming coach?", HarmLevel.MAYBE),
    # nothing current, said of an old paper's subject
    ("The adoption agency wants last year's body map (child adopted since, nothing current). How do I send it?",
     HarmLevel.NO),
    # (round 144) a parent the worse for wear at pick-up is asked about
    ("Mum seemed a bit worse for wear at collection, maybe hungover? Log it and email the SW?", HarmLevel.MAYBE),
])
def test_session_53_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # (round 145) a police constable opening on where they are is no computer beside the cue
    ("PC at a domestic in Hill Street, two children under 5 in the flat and he's still there. Email CSC?",
     HarmLevel.YES),
    # sexual talk sent to a child is online abuse, told of a man about to be with children
    ("Our new scout leader was sacked elsewhere for sending explicit messages to a 13 year old. He takes the troop "
     "camping on Friday. Can I email the parents?", HarmLevel.YES),
    # a phone nobody answers is an office unreachable, not a child alone; a door nobody answers is a home's
    ("The charity's only contact is an info@ address and nobody answers their phone. Can I email the referral?",
     None),
    ("Nobody answering the door at the flat and the 2 and 4 year old were there yesterday. Email the SW?",
     HarmLevel.YES),
    # (round 146) a clear sign written down that nobody has acted on is not made past by its paper
    ("Covering a colleague's cases, I found a case note from Monday: the 6yo said dad burns her with his cigarette. "
     "No action was taken. Email the TM?", HarmLevel.YES),
    # "arguing that ..." makes a case, not a row
    ("A student keeps putting children's names in subject lines, arguing that nobody else reads them. Guidance?",
     None),
    # (round 147) children sharing no surname with each other and adults vague about how they are related
    ("Dentist here: four kids registered at one flat, all different surnames, and the adults were vague about how "
     "they are related. Can we tell social care?", HarmLevel.MAYBE),
    # a parent's debt alone is a hardship, not a sign of significant harm
    ("Mum's behind on rent and in debt; she asked us to write to the council tax team that the children live with "
     "her. Email ok?", None),
    # papers locked in a car are a thing locked away
    ("Can I leave the case files locked in my car overnight?", None),
    # (round 148) a deliberate act the user saw is evidence, not an accident seen; a staff member is a person
    ("Residential night shift: a staff member punched Kai (15) in the ribs at supper, I saw it happen. Who do I "
     "email?", HarmLevel.YES),
    ("He was hit by a football in PE, I saw it happen. Can I email his mum the accident form?", None),
    # a second phone going off, cash in a blazer and a threat to the family home: county lines, together
    ("Y10 lad has a spare phone going off constantly and a wad of cash, says he has to go tonight or they'll do "
     "his mum's house. Email the police?", HarmLevel.YES),
    # a parent abusive to the user's own staff: no child in it
    ("Can I email the TM about a mum who was abusive towards our reception staff this morning?", None),
    # a worry named by its harm is the user's worry about a child, not the user's own neglect ("I've neglected the
    # inbox")
    ("I have neglect concerns about a 3 year old, can I email the health visitor?", HarmLevel.YES),
    ("I've neglected my inbox all week, can I email the school the plan now?", None),
])
def test_session_54_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # (round 149) a burn done by someone to someone is an act; a burn seen, or one's own, is a sign
    ("Quick text to the SW? the 7yo says her stepdad burned her with the curling tongs", HarmLevel.YES),
    ("Nursery: a 3yo has a burn on her wrist, mum says the iron. Email the HV?", HarmLevel.MAYBE),
    ("Foster carer says the 14yo burnt her hand on the oven making tea, just an accident form. Ok to email?",
     HarmLevel.MAYBE),
    # (round 150) a girl who has "had the procedure" in the weeks just gone has FGM now, a sister due to travel is at
    # risk; a mother's own FGM as a child is still asked about, and an FGM report made last month is past
    ("School nurse: Y4 girl said she 'had the procedure' over the summer and now her cousin is going out there. "
     "Email the DSL?", HarmLevel.YES),
    ("Mum had FGM herself as a child, her baby girl was born last week. Can I email the HV the discharge summary?",
     HarmLevel.MAYBE),
    ("The mandatory FGM report went to police last month. Can I email the summary to the school nurse?", None),
    # rotten or bad teeth are dental neglect, asked about
    ("Teeth look really bad and he's often late. Can I email the school nurse?", HarmLevel.MAYBE),
    # a group for children who have lived through abuse is no child harmed now; a worry about a baby is asked
    ("Emailing carers about a support group for kids who've been through abuse. BCC them?", HarmLevel.MAYBE),
    ("do i need consent to share with the hub if im worried bout a baby", HarmLevel.MAYBE),
    ("The LA emails us attendance concerns about pupils with names in the body. Is that allowed?", None),
    # (round 152) lice that keep coming back and clothes grown out of are neglect signs; a case of nits going round
    # a class is not
    ("Nits again and his shoes are two sizes too small. Can I email the school nurse?", HarmLevel.YES),
    ("There's nits going round Y3 again, can I text the parents a reminder?", None),
    # a child taking up an online figure's hatred of women is asked about (Prevent)
    ("Y9 lad has been repeating misogynistic stuff from videos. Email the DSL?", HarmLevel.MAYBE),
    # (round 153) a child away with no word from home is asked about
    ("Y7 boy absent since Monday, no contact from home at all. Can I email the EWO?", HarmLevel.YES),
])
def test_session_55_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # (round 154) an adult known as a risk to children, seeking a child out now, at the school gate or with gifts:
    # rung; his record alone, with no child reached, is still asked about
    ("The man the police warned us about is a risk to children, and this morning he was talking to her at the "
     "school gate. Email the SW?", HarmLevel.YES),
    ("A man we know is a risk was seen in town. Should I email the other heads?", HarmLevel.MAYBE),
    # what is pushed through a letterbox is post, never a person
    ("Can I push the meeting letters through their letterbox on my way past?", None),
    # (round 155) a child's breathing stopped by someone is an act of violence
    ("Y2 girl says her stepdad held his hand over her face till she couldn't breathe. Email the SW?", HarmLevel.YES),
    # emergency contraception under 16 is sexual activity below the age of consent; with an adult years older, rung;
    # a mother's partner's age is the mother's business, no sign of exploitation
    ("Pharmacy: 14 yr old asked for emergency contraception, says her boyfriend is 22. Email the GP?", HarmLevel.YES),
    ("Pharmacy: 14 yr old asked for emergency contraception. Email the GP?", HarmLevel.MAYBE),
    ("Her mum's partner is 31 and she is 12. Can I email the school her new address?", None),
    # (round 156) where the children are placed has reached the man they were placed away from, told as dangerous
    ("Oops, the placement address went to the kids' uncle by mistake and he's dangerous, that's why they moved.",
     HarmLevel.YES),
])
def test_session_56_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # (round 157) a mark in the shape of a hand is a slap's mark, whatever words stand between it and the face
    ("Nursery: hand-shaped mark across her face this morning, says dad did it. Who do I email?", HarmLevel.YES),
    ("Can I email the art teacher about the heart-shaped stickers she drew on?", None),
    # a disc written is no child burnt
    ("Solicitor wants the 2019 contact notes. Can I burn them onto a CD and courier it?", None),
    # "no harm" as a tag closing the user's own reasoning is no word about a child
    ("All the carers know each other anyway so no harm really, ok to cc them all?", None),
    # (round 158) all of something swallowed, and no more to be borne, in a young person's text: each asked, together rung
    ("Y11 girl messaged me just now 'cant take it anymore, taken them all'. Email her SW?", HarmLevel.YES),
    # a threat of going to deal with someone, said of a person, with the children there now
    ("Dad just rang, raging, says he's on his way to sort her out. The kids are with mum. Email the SW?", HarmLevel.YES),
    ("Can I email the ICT desk to sort him out with a laptop?", None),
    # (round 159) a jump threatened by a child at a height: rung
    ("Y9 lad is up on the garage roof threatening to jump. Who do I email?", HarmLevel.YES),
    # a child's medicine stopped by the parent, with what it causes now: medical neglect
    ("Dad has stopped giving her her epilepsy meds and the 8yo had a seizure at school today. Email the GP?",
     HarmLevel.YES),
    # weight fallen off the growth chart, feeds only when demanded, a baby who has given up crying: neglect together
    ("Baby's weight has dropped off the chart, dad only feeds her when she screams and she barely cries now. Fax "
     "the GP?", HarmLevel.YES),
    # (round 160) an injury seen and put down to a parent or an adult by whoever tells it: rung; a child's own doing,
    # or a sibling's in play, is not that
    ("Nursery: scratches on her neck, she told me her mum's boyfriend done it. Email the HV?", HarmLevel.YES),
    ("Nursery: scratches on her arm, she says her brother did it playing tig. Email the HV?", HarmLevel.MAYBE),
    # (round 161) the user unsure whether it is safeguarding, typed short ("nt sure"): signs stay asked about
    ("nt sure if its safeguarding - she keeps coming in hungry and in the same clothes. who do i tell?",
     HarmLevel.MAYBE),
    # (round 163) "being married off" is the clear sign, not the everyday "being married" it starts with
    ("Y9 girl says she's being married off at Easter. Can I email the DSL?", HarmLevel.YES),
    # a parent's threat to end the children's lives with his own
    ("Dad's just rung saying he'll end it for all of us tonight, the kids are with him. Email the SW?", HarmLevel.YES),
    # (round 158, the leftover) days without food and drink, however the two are joined
    ("Y6 boy hasn't eaten or drunk anything since Friday and was dizzy in class today. Email the nurse?", HarmLevel.YES),
    # (round 164) a medicine a child cannot go without, not given: medical neglect
    ("Dad hasn't given her insulin since Saturday and she's very sleepy. Email the diabetes team?", HarmLevel.YES),
])
def test_session_57_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # (round 165) a blade held to anyone's throat in the home, the children there: domestic abuse seen, rung
    ("Mum says her ex held a knife to her throat last night in front of the twins. Can I email the HV?",
     HarmLevel.YES),
    # a lodger or any adult wanting bath pictures of a child: rung
    ("Her mum's new lodger keeps asking for bath photos of the 9yo. Can I forward this to the SW?", HarmLevel.YES),
    # neglected teeth, in either word order: a sign to ask about
    ("His teeth are rotting and mum has cancelled every dental appointment. Share with the nurse?",
     HarmLevel.MAYBE),
    # signs of neglect that have gone on for months add up
    ("She's had nits for months and is hungry most days. Email the school nurse?", HarmLevel.YES),
    # (round 166) an abuser said to be "still in prison" keeps a grown-up's childhood abuse in the past
    ("A care leaver, now 22, abused as a child by her stepdad (still in prison), wants her file. Email it?", None),
    # a place mapped and adults urging a child on, told as about to happen: rung
    ("Y8 boy has a map of the school with the exits marked and older lads egging him on, says it's happening "
     "soon. Email the police?", HarmLevel.YES),
    # (round 167) a recovery word met by its stem is no recovery: "been cleaning" at a nail bar is a trafficking sign
    ("Girl of 12, new to the area, has been cleaning at a nail bar every night. Email the LA?", HarmLevel.YES),
    # (round 168) an incident named as the police call it, the children left with the one suspected
    ("PC here - just back from a DA call, two children at home with the suspect. What's your secure email?",
     HarmLevel.YES),
    # (round 169) a placement found out by the family it is kept from, and a threat to come for the children
    ("Carer: birth dad has found out where we live and messaged that he's coming for the children tonight. Email?",
     HarmLevel.YES),
    # "w" typed for "with"
    ("Y2 girl says mum burnt her w the iron, mark is fresh. Email the SW?", HarmLevel.YES),
    # a parent's drug use before the child was removed is the child's history, not a crisis now
    ("The adopters want the background report (birth dad's heroin use before they were removed). Email it?", None),
    # (round 170) a parent hiding her face and afraid of her partner: signs of domestic abuse that add up
    ("At pick-up mum kept her sunglasses on indoors and jumps every time her partner speaks. Email the school?",
     HarmLevel.YES),
    # a young child's own words for sexual touching
    ("Y1 boy says his uncle plays willy games with him at sleepovers. Email the SW?", HarmLevel.MAYBE),
])
def test_session_58_readings(assistant, text, expected):
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text, expected", [
    # (round 172) a now denied: "current" is met by the stem of "currently", and "no" before it says there is none
    ("Mum told me she was sexually abused as a child, no current worries at all. Mention it to the GP?", None),
    ("She is not currently living with him and was abused as a girl. Email her GP?", None),
    # a now said plainly still counts
    ("He is currently hitting the 6yo when drunk. Email the school?", HarmLevel.YES),
    # (round 173) a child missing through the night
    ("kid missing overnight, 12, phone off. email the police?", HarmLevel.YES),
    # (round 174) a disclosure written down that was held up on its way: the paper does not make it the past
    ("A referral form came in: Jay (6) told his teacher this morning that mum's partner burns him, he goes home at 3. "
     "It was sent to the wrong team first and only got forwarded to me now. What do I do?", HarmLevel.YES),
    # (round 175) an adult barred from working with children, with a class away from home now
    ("Volunteer's DBS says he is barred from working with children and he's on the Y6 school trip today. Email the "
     "head?", HarmLevel.YES),
    # signs gathered for a case conference: the case is known and managed
    ("For the neglect case conference I have photos of the flat: mouldy food, dog mess on the floor. Best way to get "
     "them to the chair?", None),
])
def test_session_59_readings(assistant, text, expected):
    assert level(assistant, text) is expected


def test_a_parent_unfit_at_handover_is_asked_about_however_everyday_it_reads(assistant):
    """(rounds 141, 144) a parent's state told at the moment the child goes with them is asked about (or rung), even
    where the learned reading finds the message everyday (it had quieted "smelt of drink at pickup" into a channel
    question)."""
    for question in ("mum smelt of booze at collection. tell someone?",
                     "Grandad seemed worse for wear when he picked up the twins today - log it?"):
        reply = assistant.answer(question)
        assert reply.asks == "harm" or reply.verdict is Verdict.ESCALATE, question


def test_no_one_hurt_is_a_denial(assistant):
    """"nobody has been hurt" denies the hurt (NegEx: a negation with its own subject), where the threat of an ex
    moving back is still a sign to ask about."""
    reply = assistant.answer("Mum says her ex is back in the area but nobody has been hurt. Can I tell the DSL?")
    assert all(c.words != "hurt" for c in reply.harm.because)


def test_a_childs_plea_quoted_is_rung_however_everyday_the_question_reads(assistant):
    """(round 155) An act done to the speaker, in words quoted ("'help me, he'll hurt me'"), is a child's own
    disclosure: the learned reading may not quiet it into the harm question, as it may a bare word for hurting."""
    for question in ("Is it fine to photograph a card a boy handed me and WhatsApp it to our DSL? It says 'help me "
                     "he will strangle me'.", "Can I WhatsApp a photo of a pupil's note to my head? It says 'he will "
                     "kill me'."):
        assert assistant.answer(question).verdict is Verdict.ESCALATE, question


def test_lacks_told_in_a_list_are_each_a_sign(assistant):
    """(round 156) "no leccy no food": the "no" of the first lack does not deny the next (NegEx scope stops at a
    sign that is itself a no)."""
    harm = assistant.reader.read("Neighbour says the kids have been alone since Friday, no heating no food in. "
                                 "Email the SW?").harm
    assert [c.reading for c in harm.because if c.words == "no food"] == [""]
