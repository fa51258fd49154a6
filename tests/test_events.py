"""One report, several events: grouping statements into events, consolidating figures, typing events.

Texts written by us.
"""
from __future__ import annotations

import pytest

from tests.conftest import triples


def event_triples(rec):
    return [sorted((f.category, f.min, f.max) for f in e.figures if not f.superseded) for e in rec.events]


def test_events_background_event_with_its_own_time(extract):
    text = ("A suicide bomber killed 14 people at a checkpoint on Monday, police said.\n\n"
            "On Saturday, rockets killed at least 6 people in the same district.")
    assert event_triples(extract(text)) == [[("killed", 14, 14)], [("killed", 6, None)]]


def test_events_separately_opens_another_event(extract):
    text = ("Shelling killed 3 civilians in the city centre, the mayor said.\n"
            "Separately, officials said a raid on a village to the east killed 2 soldiers and wounded 2.")
    assert event_triples(extract(text)) == [[("killed", 3, 3)], [("injured", 2, 2), ("killed", 2, 2)]]


def test_events_repeated_paragraph_is_one_event(extract):
    para = "A drone strike killed 4 fighters near the border, a security source said."
    assert event_triples(extract(f"{para}\n{para}")) == [[("killed", 4, 4)]]


def test_events_headline_and_body_are_one_figure(extract):
    text = "Twelve killed in raid on farming village\n\nGunmen killed at least 12 farmers in the raid, residents said."
    rec = extract(text)
    assert event_triples(rec) == [[("killed", 12, None)]]
    assert len(rec.events[0].figures[0].mentions) == 2


def test_events_total_of_two_incidents_is_not_a_third_figure(extract):
    text = ("Two bombs killed at least five people in the capital on Friday, police said.\n\n"
            "Three people were killed when the first bomb exploded in a bus station.\n\n"
            "Another bomb killed two people outside a bank.")
    assert event_triples(extract(text)) == [[("killed", 3, 3)], [("killed", 2, 2)]]


def test_events_breakdown_that_adds_up_to_the_total(extract):
    text = ("Militants attacked an army post, killing at least nine people, officials said.\n\n"
            "\"We buried six soldiers and three civilians who were killed there,\" a villager said.")
    assert triples(extract(text)) == {("killed", 9, None)}


def test_events_the_other_side_of_a_fight_is_not_part_of_the_toll(extract):
    """Soldiers are not among the militants dead; a guard shot at the gate is among the worshippers killed."""
    rec = extract("Troops recaptured the town on Saturday after heavy fighting that left 25 militants dead, the "
                  "defence ministry said.\nTwo soldiers were killed and five were wounded, a commander said.")
    assert event_triples(rec) == [[("injured", 5, 5), ("killed", 2, 2), ("killed", 25, 25)]]
    rec = extract("At least 40 worshippers were killed when a bomber detonated his vest inside a mosque, police said.\n"
                  "The attacker first shot dead one of the police guards at the gate.")
    assert event_triples(rec) == [[("killed", 40, None)]]


def test_events_displacement_told_apart_is_its_own_event(extract):
    text = ("Fighters killed 25 villagers in the attack on Friday, a local leader said.\n\n"
            "Some 3,000 people have fled to the district capital in the past two days, the UN said.")
    rec = extract(text)
    assert [e.event_type for e in rec.events] == ["violence_against_civilians", "displacement"]


def test_events_a_separate_incident_is_its_own_event_and_type(extract):
    """"In a separate incident" opens one incident, not a sum of many; another event's words do not type it."""
    rec = extract("A roadside bomb struck a police van on Thursday, killing five officers, police said.\n"
                  "In a separate incident earlier this week, gunmen shot dead a dozen workers at a construction site "
                  "near the border, officials said.")
    assert [(e.event_type, [(f.category, f.min) for f in e.figures]) for e in rec.events] == [
        ("explosion_remote_violence", [("killed", 5)]), ("violence_against_civilians", [("killed", 12)])]


def test_events_an_earlier_event_the_main_one_comes_after(extract):
    rec = extract("The toll from a weekend attack on a hotel in Mogadishu has climbed to 45, officials said.\n"
                  "The attack comes a week after 22 people died in a car bombing at a checkpoint in the city.")
    assert [(e.kind, e.location.name, [(f.category, f.min) for f in e.figures if not f.superseded])
            for e in rec.events] == [("main", "Mogadishu", [("killed", 45)]),
                                     ("background", "Mogadishu", [("killed", 22)])]


@pytest.mark.parametrize("text,main,earlier", [
    # The only figures belong to the earlier event: the main one is told before them without a toll.
    ("Soldiers shot dead a shopkeeper in Petare, Caracas, on 3 May. The killing occurred after days of clashes "
     "between troops and gangs in which 5 gang members died. 1 fatality.", [("killed", 1)], [("killed", 5)]),
    ("Gunmen stormed a church in Ondo on Sunday. The raid happened after weeks of fighting between vigilantes and "
     "herders in which 9 people died.", [], [("killed", 9)]),
])
def test_events_an_earlier_event_told_first_leaves_the_main_one_its_own(extract, text, main, earlier):
    rec = extract(text)
    got = {e.kind: [(f.category, f.min) for f in e.figures if not f.superseded] for e in rec.events}
    assert got == {"main": main, "background": earlier}


@pytest.mark.parametrize("text,sub", [
    # The toll after a sentence of background: the event told before it, one event.
    ("On 2 May, soldiers clashed with armed smugglers in the forest near Mae Sai, Chiang Rai. The area lies on an old "
     "smuggling route. One suspect was injured.", "Armed clash"),
    # An arrest after the event is no event of its own.
    ("On 3 May, gunmen raided a college in Kakamega and assaulted five students. The college lies outside the "
     "town. A suspect has been arrested.", "Attack"),
    # Two sentences tell the event before its toll: both are the event's, back to the first.
    ("On 4 May, dozens of residents held a demonstration in Bilasuvar against the way state aid was shared out. "
     "Some of them tried to force their way into the district office, which led to clashes with police. The "
     "interior ministry reported 7 detainees.", "Violent demonstration"),
    # "The explosion ..." points back to the blast told before.
    ("A bomb went off at the district hospital in Mandera on Thursday. The explosion caused no deaths, the "
     "commissioner said, but four people were treated for bullet wounds.", "Remote explosive/landmine/IED"),
])
def test_events_a_toll_told_after_the_event_is_that_event(extract, text, sub):
    events = extract(text).events
    assert [(e.sub_event_type, e.evidence[0].start) for e in events] == [(sub, 0)]


def test_events_the_attack_told_again_is_no_new_incident(extract):
    """"Meanwhile ... men suspected of carrying out the attack" points back to the event told; "another attack" does not."""
    rec = extract("Gunmen killed 12 people in a market on Monday, police said.\nMeanwhile, the minister said police "
                  "had identified two men suspected of carrying out the attack.")
    assert len(rec.events) == 1
    rec = extract("Gunmen killed 12 people in a market on Monday, police said.\nSeparately, there were reports of "
                  "another attack on a village to the north.")
    assert [len(e.figures) for e in rec.events] == [1, 0]


def test_events_hazard_guesses_no_perpetrator(extract):
    rec = extract("A powerful earthquake killed at least 40 people in the mountain villages, officials said.")
    assert [(e.event_type, e.actors) for e in rec.events] == [("other", [])]


def test_events_displacement_said_again_beside_the_violence_is_one_figure(extract):
    rec = extract("Floods displace 2,000 families in camps\n\nHeavy rains flooded the camps, displacing about 2,000 "
                  "families and killing three people, officials said.")
    households = [(e.event_type, f.min, len(f.mentions))
                  for e in rec.events for f in e.figures if f.unit == "households"]
    assert households == [("displacement", 2000, 2)]


def test_events_lead_told_of_another_place_is_its_own_event(extract):
    """A lead that tells a flight from one province, with the figures told later of another: two events, the
    lead's without a figure; a lead that sums up the figures' own event is not a second event."""
    later = "\n\nUp to 400 families from Baghlan crossed into Samangan province last night, officials said."
    rec = extract("Charities are sheltering households who fled Kunduz province over the past week, fearing "
                  "fighting.\n\nMany of them reached Mazar-i-Sharif." + later)
    assert [(e.event_type, e.location.name, len(e.figures)) for e in rec.events] == [
        ("displacement", "Kunduz", 0), ("displacement", "Baghlan", 1)]
    rec = extract("Charities are sheltering households who fled Baghlan province over the past week." + later)
    assert [(e.location.name, len(e.figures)) for e in rec.events] == [("Baghlan", 1)]
    rec = extract("Gunmen attacked villages in Borno state over the weekend, residents said.\n\n"
                  "Police said 12 people were shot dead in Gwoza.")
    assert [(e.location.name, len(e.figures)) for e in rec.events] == [("Gwoza", 1)]


def test_events_no_event_gives_empty_list(extract):
    text = ("The finance ministry said the defence budget would rise by 4 percent to $12 billion in 2025.\n"
            "About 2,000 new recruits will join the army next year.")
    assert extract(text).events == []


TYPES = [
    ("A car bomb killed 8 people outside a hotel.", "explosion_remote_violence", "Remote explosive/landmine/IED"),
    ("A drone strike killed 5 militants in the mountains.", "airstrike", "Air/drone strike"),
    ("Gunmen killed 11 villagers in an overnight attack.", "violence_against_civilians", "Attack"),
    ("Armed men kidnapped 15 students from their dormitory.", "abduction", "Abduction/forced disappearance"),
    ("Security forces shot dead 9 protesters during the demonstration.", "protest_riot",
     "Excessive force against protesters"),
    ("Insurgents captured the town, killing 20 soldiers.", "battle", "Non-state actor overtakes territory"),
    ("Artillery shelling killed 6 people in the suburb.", "explosion_remote_violence",
     "Shelling/artillery/missile attack"),
    ("More than 7,000 people fled the villages after the raids.", "displacement", None),
    ("A suicide bomber killed 30 worshippers at the mosque.", "explosion_remote_violence", "Suicide bomb"),
    ("Troops and rebels clashed for hours; 12 soldiers and 20 rebels were killed.", "battle", "Armed clash"),
    # the sentence of the main figure tells what happened, before the response told after it
    # deaths in a natural hazard are no political violence
    ("Heavy monsoon rains triggered floods and landslides in the hills, killing 14 people, officials said.",
     "other", None),
    ("Up to 200 migrants are feared dead after their boat capsized off the coast on Saturday.", "other", None),
    ("A fire swept through a market overnight, killing 3 traders, the fire service said.", "other", None),
    ("Militants killed 12 soldiers in an ambush near the town on Friday, security sources said.\nThe army "
     "responded with air strikes that killed dozens of the attackers, one source said.", "battle", "Armed clash"),
]


@pytest.mark.parametrize("text,event_type,sub", TYPES)
def test_events_type(extract, text, event_type, sub):
    e = extract(text).events[0]
    assert (e.event_type, e.sub_event_type) == (event_type, sub)


def test_events_ids_are_stable(extract):
    text = "A car bomb killed 8 people outside a hotel, police said."
    assert [e.id for e in extract(text).events] == [e.id for e in extract(text).events]
    assert extract(text).events[0].id != extract(text.replace("hotel", "bank")).events[0].id


def test_events_ids_are_unique_within_a_report(extract):
    text = ("Police found two men dead in the town on Tuesday and believe the pair took part in the "
            "massacre of 9 students at a concert.")
    ids = [e.id for e in extract(text).events]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_events_lead_event_is_told_by_the_reports_source(extract):
    rec = extract("Charities are sheltering households who fled Kunduz province over the past week."
                  "\n\nUp to 400 families from Baghlan crossed into Samangan province last night.\n\n\"We are deeply "
                  "concerned,\" said the UNHCR representative, Maria Lopez.")
    lead = next(e for e in rec.events if not e.figures)
    assert (lead.location.name, lead.claim_source) == ("Kunduz", "the UNHCR representative, Maria Lopez")


def test_events_a_toll_in_brackets_from_another_source_is_its_rival_not_another_event(extract):
    """The report's own count stands; the other source's, in brackets after it, is kept as a superseded rival
    (as annotators keep it among the alternatives), not the far end of a range nor another event's toll."""
    rec = extract("On 4 March, 5 soldiers were killed (7 according to the insurgents) when militants attacked an "
                  "army post in Gao.")
    assert len(rec.events) == 1
    killed = sorted((f.min, f.max, f.superseded) for f in rec.events[0].figures if f.category == "killed")
    assert killed == [(5, 5, False), (7, 7, True)]


def test_events_a_bracket_without_a_source_is_no_alternative(extract):
    rec = extract("On 4 March, 6 people (4 soldiers and 2 villagers) died when militants raided a market "
                  "in Gao.")
    killed = [(f.min, f.max) for e in rec.events for f in e.figures if f.category == "killed" and not f.superseded]
    assert (6, 8) not in killed and (4, 6) not in killed


def test_events_a_separate_event_without_a_figure_is_told_by_its_own_speaker(extract):
    rec = extract("Shelling killed 4 civilians in the old market of Kadugli on Thursday, local media reported.\n\n"
                  "Separately, witnesses told a radio station on Friday that soldiers shot down drones over El Obeid.")
    other = next(e for e in rec.events if not e.figures)
    assert other.claim_source == "witnesses"
