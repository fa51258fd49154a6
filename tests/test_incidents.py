"""Event words and their frames (`sitrep.incidents`): a killing told with its killers, an explosion told as "blown
up", and the words of harm that only say whom an event already told hit. Short texts of our own, in the style of
wire reports and coders' notes (place names real, events invented)."""
from __future__ import annotations

import pytest

from sitrep import incidents
from sitrep.nlp import NLP

ATTACK = ("violence_against_civilians", "Attack")
IED = ("explosion_remote_violence", "Remote explosive/landmine/IED")
AIR = ("airstrike", "Air/drone strike")

# A killing told with its killers is an attack, even where the victim is named by a title the figures do not count.
KILLINGS = [
    "Unknown gunmen murdered Jowhar port manager on Tuesday evening.",
    "Suspected Al Shabaab assassins killed director of the regional water agency in Garowe on Friday.",
    "Attackers killed head of the electoral office of Kismayo late on Monday, officials said.",
    "On 4 June, a lorry driver was slain by unknown attackers on the road between Garissa and Mandera.",
]


@pytest.mark.parametrize("text", KILLINGS)
def test_a_killing_told_with_its_killers_is_an_attack(extract, text):
    events = extract(text).events
    assert len(events) == 1, [(e.event_type, e.sub_event_type) for e in events]
    assert (events[0].event_type, events[0].sub_event_type) == ATTACK


@pytest.mark.parametrize("text", [
    "The militia has threatened to kill the governor if the troops do not leave.",
    "Farmers fear that the bandits could kill more villagers if the army withdraws.",
])
def test_a_killing_not_asserted_is_no_event(extract, text):
    assert extract(text).events == []


def test_the_killers_of_an_attack_told_before_are_that_attack(extract):
    """"The attackers killed ..." says whom the raid told before hit: one event, at the raid's place."""
    rec = extract("Gunmen raided two villages in the Menaka region of Mali on Tuesday. The attackers killed 14 "
                  "herders and burned their huts.")
    assert len(rec.events) == 1
    e = rec.events[0]
    assert e.event_type == "violence_against_civilians" and e.location and e.location.country == "ML"
    assert [(f.category, f.min) for f in e.figures if not f.superseded] == [("killed", 14)]


def test_harm_alone_does_not_tell_an_event_of_its_own():
    parsed = NLP().parse("Gunmen raided the village. The attackers killed 14 herders.")
    assert incidents.tells_event(parsed, 1)  # a killing with its killers tells an event where nothing else does
    assert not incidents.tells_event(parsed, 1, harm=False)  # but not one apart from the raid told before it
    assert incidents.tells_event(parsed, 0, harm=False)


@pytest.mark.parametrize("text,expected", [
    ("A minibus was blown up on the road to Kidal on Sunday, a local official said.", IED),
    ("Three teenagers were blown up when army jets carried out an aerial raid on a rebel hideout in Guaviare.", AIR),
])
def test_blown_up_is_an_explosion_typed_by_the_weapon_named(extract, text, expected):
    events = extract(text).events
    assert len(events) == 1
    assert (events[0].event_type, events[0].sub_event_type) == expected


def test_the_flight_of_those_who_got_away_does_not_type_the_attack(extract):
    """Soldiers who fled an ambush are no displacement; the killing of some of them later is the event told."""
    rec = extract("Insurgents attacked a military convoy near Diffa on Monday, killing five soldiers. Three soldiers "
                  "who survived fled into the forest; the militants tracked them down on Wednesday and shot two.")
    assert len(rec.events) == 2 and all(e.event_type != "displacement" for e in rec.events)


def test_a_claim_of_whom_the_attack_killed_is_the_attack_told_before(extract):
    """"... said its fighters killed four officers in the attack": whom the blast told in the lead hit; the lead is that
    event's, with its weapon, place and date."""
    text = ("On 9 June, an explosive device tore through a police truck on the road outside Baidoa. Al Shabaab said its "
            "fighters killed four officers in the attack.")
    parsed = NLP().parse(text)
    assert incidents.tells_event(parsed, 1) and not incidents.tells_event(parsed, 1, harm=False)
    rec = extract(text)
    assert len(rec.events) == 1
    e = rec.events[0]
    assert e.sub_event_type == "Remote explosive/landmine/IED" and e.evidence[0].start == 0
    assert [(f.category, f.min) for f in e.figures if not f.superseded] == [("killed", 4)]


@pytest.mark.parametrize("text,sub", [
    ("Settlers uprooted almond trees on a hillside near Hebron on Tuesday.", "Looting/property destruction"),
    ("Unknown men sabotaged the water pipeline serving the town of Beledweyne overnight.",
     "Looting/property destruction"),
    ("On 6 May, the government released 80 prisoners from the central jail in Kandahar.", "Other"),
    # A curfew or an emergency declared: a change to what a side may do (the violence behind it, where told, types
    # the event instead).
    ("On 3 June, the governor of Kayes imposed a curfew on the town after a quarrel over who would be chief.",
     "Change to group/activity"),
    ("On 11 May, the authorities declared a state of emergency in the district of Mopti.",
     "Change to group/activity"),
])
def test_strategic_developments_told_by_their_words(extract, text, sub):
    events = extract(text).events
    assert len(events) == 1 and (events[0].event_type, events[0].sub_event_type) == ("other", sub)


def test_people_uprooted_by_fighting_are_still_displaced(extract):
    events = extract("Some 3,000 families were uprooted by the fighting around Marib last week, the UN said.").events
    assert events and events[0].event_type == "displacement"


@pytest.mark.parametrize("text,sub", [
    ("Rival families from two hamlets clashed over a land dispute near Bogra on Sunday. Police used rubber "
     "bullets to break up the fighting.", "Mob violence"),
    ("Two clans clashed over grazing land outside Bogra on Friday, leaving one dead; police dispersed them with "
     "tear gas.", "Mob violence"),
    ("Opposition supporters marching to the election office clashed with police in Kakamega, who used tear gas to "
     "scatter them.", "Violent demonstration"),
])
def test_a_crowd_that_clashes_is_a_demonstration_only_where_one_is_told(extract, text, sub):
    events = extract(text).events
    assert events and (events[0].event_type, events[0].sub_event_type) == ("protest_riot", sub)


def test_where_a_civilian_was_killed_is_not_whom_the_attack_hit(extract):
    """"killed a fuel vendor at the taxi rank": the rank is where, not an armed target."""
    e = extract("On 3 May, masked gunmen killed a fuel vendor at the busy taxi rank of Onitsha.").events[0]
    assert (e.event_type, e.sub_event_type) == ("violence_against_civilians", "Attack")
    e = extract("On 3 May, masked gunmen fired at the divisional police station in Onitsha.").events[0]
    assert e.event_type == "battle"


@pytest.mark.parametrize("text, events", [
    # The clash told, then dated by a verb of happening with "the clash" as its subject: one event.
    ("Nine people died in a feud between two clans of Marsabit county. The fighting broke out on Thursday, leaving "
     "four herders and five traders dead.", 1),
    ("Gunmen and villagers traded fire in Kauru, leaving 12 people dead. The shootout, which happened on Friday, "
     "started after the gunmen wounded a shepherd.", 1),
    # ... but a clause of its own with its own time is another event, and so is a past event named with "the".
    ("Five people were killed when rival groups clashed near Wukari. The clashes happened on Monday in the same area "
     "where raiders killed 20 farmers last April.", 2),
    ("Gunmen abducted 40 passengers from a bus near Katsina a week ago. The raid recalled the 2019 kidnapping of 80 "
     "traders on the same road.", 2),
])
def test_a_time_that_dates_the_event_told_is_no_event_of_its_own(extract, text, events):
    assert len(extract(text).events) == events, [(e.date, [(f.category, f.min) for f in e.figures])
                                                 for e in extract(text).events]


def test_a_curfew_after_a_riot_leaves_the_riot_its_type(extract):
    events = extract("Rioters burned the town hall of Dori on Monday. The prefect imposed a curfew on the town.").events
    assert [(e.event_type, e.sub_event_type) for e in events] == [("protest_riot", "Violent demonstration")]


def test_a_list_of_tolls_the_parser_hangs_as_complements_is_one_event(extract):
    """"11 were killed, 19 others wounded, and seven died": one list of one raid's tolls, not two events."""
    rec = extract("A police spokesman said that 11 members of the Joint Task Force were killed, 19 others wounded, and "
                  "seven members of the Ansaru group lost their lives in the night-time assault on Birnin Gwari.")
    assert len(rec.events) == 1
