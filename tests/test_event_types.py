"""Event typing the way analysts type events: SPEC event_type and ACLED sub_event_type. Sentences written by us."""
from __future__ import annotations

import pytest

AIR = ("airstrike", "Air/drone strike")
SHELL = ("explosion_remote_violence", "Shelling/artillery/missile attack")
IED = ("explosion_remote_violence", "Remote explosive/landmine/IED")
SUICIDE = ("explosion_remote_violence", "Suicide bomb")
GRENADE = ("explosion_remote_violence", "Grenade")
VAC = ("violence_against_civilians", "Attack")
ABD = ("abduction", "Abduction/forced disappearance")
PROT = ("protest_riot", "Excessive force against protesters")
TERR = ("battle", "Non-state actor overtakes territory")
CLASH = ("battle", "Armed clash")
DISP = ("displacement", None)

CASES = [
    ("Warplanes killed 14 people in a market in Idlib.", AIR),
    ("A drone strike killed 3 fighters in their car.", AIR),
    ("Government helicopters dropped barrel bombs on the district, killing 20 civilians.", AIR),
    ("The military bombed the village from the air, killing 12 people.", AIR),
    ("Coalition air raids killed 8 people in Saada.", AIR),
    ("Rocket fire killed 2 people in the border town.", SHELL),
    ("Artillery shells hit a school, killing 5 children.", SHELL),
    ("Mortar rounds killed 4 soldiers at the base.", SHELL),
    ("A missile struck an apartment block, killing 23 people.", SHELL),
    ("A roadside bomb killed 6 soldiers on patrol.", IED),
    ("A landmine killed 3 children near the village.", IED),
    ("A car bomb exploded outside the ministry, killing 11 people.", IED),
    ("A suicide bomber detonated his vest at a wedding, killing 40 guests.", SUICIDE),
    ("A grenade thrown into a bar killed 2 people.", GRENADE),
    ("Gunmen on motorbikes killed 18 villagers and burned their homes.", VAC),
    ("Militiamen massacred 30 displaced people at a camp.", VAC),
    ("Bandits killed 9 farmers working in their fields.", VAC),
    ("The bodies of 12 men were found dumped by a road.", VAC),
    ("Gunmen kidnapped 40 passengers from a bus.", ABD),
    ("Armed men abducted 15 aid workers.", ABD),
    ("Militants took 20 villagers hostage.", ABD),
    ("Police opened fire on protesters, killing 8.", PROT),
    ("Security forces killed 12 demonstrators at a rally in the capital.", PROT),
    ("Rioters clashed with police; 3 people were killed.", ("protest_riot", "Violent demonstration")),
    ("Insurgents seized the district headquarters after killing 15 policemen.", TERR),
    ("Militants took control of the town, killing 30 people.", TERR),
    ("Troops and rebels clashed overnight; 9 soldiers and 14 rebels died.", CLASH),
    ("Militants attacked an army checkpoint, killing 6 soldiers.", CLASH),
    ("Gunmen ambushed a police patrol, killing 4 officers.", CLASH),
    ("Fighting between the army and the RSF killed 50 soldiers.", CLASH),
    # A bomb or shells with small-arms fire: a complex attack, fought as a clash (not the bomb alone).
    ("Insurgents hit an army patrol near Djibo with an IED, then opened up with small arms; two soldiers died.", CLASH),
    ("Rebels fired mortars and automatic rifles at a police post in Beni, wounding 5 officers.", CLASH),
    ("Monitors recorded 40 explosions and bursts of small arms fire near Avdiivka on Monday.", CLASH),
    ("A roadside bomb struck an army truck near Djibo, wounding 3 soldiers.", IED),
    # State forces named by their short names are armed men: an attack on them is a clash.
    ("On 9 May, gunmen on motorbikes shot dead 3 NDS members at a market in Ghazni.", CLASH),
    ("Militants fired on a CRPF convoy near Sopore, killing two CRPF personnel.", CLASH),
    ("More than 3,000 people fled their villages.", DISP),
    ("Some 12,000 people were displaced by the floods of violence in the region last week.", DISP),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_event_type(extract, text, expected):
    e = extract(text).events[0]
    assert (e.event_type, e.sub_event_type) == expected


def test_event_types_enough_cases():
    assert len(CASES) >= 30
