"""The event's place: which of a report's places is where its event happened. Texts written by us.

Each row is a short report and the place its (first) event must be placed at: the name as the report spells it and
the country. The rows cover the choices `sitrep.event_place` makes: the place the event words attach to over a
dateline, a speaker's city or a reference point; a village told in a town's countryside; where a person comes
from; a people's name; a site and the town that holds it; a region narrowed to a town told later; a lake narrowed
to the village a later sentence puts the event's site at; "in the area" pointing back to the place named last.
"""
from __future__ import annotations

import pytest

from sitrep import event_place
from sitrep.nlp import NLP
from sitrep.places import Geoparser

EVENT_PLACES = [
    # the place the event words attach to, not the dateline, a speaker's city or a reference point
    ("KABUL, March 2 (Reuters) - A roadside bomb killed four soldiers in Kandahar on Monday, officials said.",
     "Kandahar", "AF"),
    ("Speaking in Nairobi, a UN official said 12 villagers were killed in Beni, North Kivu.", "Beni", "CD"),
    ("Raiders shot five traders dead in the village of Kadarko, 40 km north of Makurdi, police said.", "Kadarko",
     "NG"),
    # the country across a border only says which border, even when the other place is where troops went
    ("Army units moved into Kaduna, near the border with Niger, after bandits killed 12 villagers on Sunday.",
     "Kaduna", "NG"),
    ("Gunmen killed nine soldiers at a base near the border with Niger, officials in Mali said.", "Mali", "ML"),
    ("Six traders were killed by gunmen in Gok State, on the border with Maridi State.", "Gok", "SS"),
    # the seat of those who govern says who, not where
    ("Shells hit a rally of forces loyal to the parliament in Tobruk in the centre of Benghazi, killing four people.",
     "Benghazi", "LY"),
    # a village told in a town's countryside, or in a city named as its province, is a place of its own
    ("On 8 August, artillery fire hit the village of Kafr Nabudah in Hama countryside and killed 3 farmers.",
     "Kafr Nabudah", "SY"),
    ("On 8 August, a landmine blast killed a goatherd in Maadan in Ar-Raqqa.", "Maadan", "SY"),
    ("On 8 August, an explosive device went off beside a minibus in Tell Shihab in Dar'a countryside, wounding "
     "4 conscripts.", "Tell Shihab", "SY"),
    # ... but a place told before the speech verb that closes the sentence is in what was said; a village the
    # gazetteer lacks takes the province named with it, not the country
    ("Raiders on camels shot dead six herders in the village of Kindjandi, a day's walk from the Chadian "
     "frontier, in Niger's Diffa region, a regional councillor said on Friday.", "Kindjandi", "NE"),
    # where a person comes from is not where it happened
    ("On 12 August, masked men shot dead a shopkeeper from Manbij in Azaz as he closed his stall.", "Azaz", "SY"),
    ("On 12 August, a mine killed a lorry driver from Mopti in Douentza.", "Douentza", "ML"),
    # ... but a place people were taken from is
    ("On 14 August, Al Shabaab gunmen abducted two teachers from Sabiid village (Afgooye, Lower Shabelle).",
     "Sabiid", "SO"),
    # a people's name is no place
    ("Seven fighters died when the Murusade and Duduble clans fought over a well outside Dhuusamarreeb town.",
     "Dhuusamarreeb", "SO"),
    ("Five villagers were hacked to death late on Monday as Tiv herders and Jukun farmers fought over a boundary in "
     "Gassol.", "Gassol", "NG"),
    ("Three men died as the Eggon and Alago ethnic groups fought in Akwanga town of Akwanga Local Government Area "
     "of Nasarawa State.", "Akwanga", "NG"),
    # "the X town of Y": the town is Y, X only qualifies it
    ("A land rights campaigner was stabbed to death in the Andean town of Juliaca on Tuesday.", "Juliaca", "PE"),
    ("A water engineer was shot in the Darfur town of Kutum.", "Kutum", "SD"),
    # a site is not a settlement: the town that holds it is the place
    ("A hand grenade blew up at Sololo market, in Moyale, injuring 6 shoppers.", "Moyale", "KE"),
    ("On 9 August, in San Rafael (Chalatenango), soldiers guarding the Ortiz coffee farm came under fire.\n"
     "One gunman died.", "San Rafael", "SV"),
    ("A mob set fire to the houses of two councillors in Koudougou.\nGendarmes used batons.\n"
     "Two bodies were found in the Kabore house once the flames died down.", "Koudougou", "BF"),
    ("On 10 August, militants flogged and then killed a young man in Market Square in the middle of Bulo Burto "
     "District (Bulo Burto, Hiraan).", "Bulo Burto", "SO"),
    # ... but a site the report places itself, its areas in brackets, is the coded location
    ("On 11 August, gunmen at Al Dabab checkpoint (Jabal Habashi, Taizz) fired on a minibus, killing its driver.",
     "Al Dabab", "YE"),
    # a region is narrowed to a town told later where the report says what was done
    ("Gunmen killed seven guests at a family party in Mexico's Michoacan state late on Saturday.\n"
     "The attackers burst into a house in the city of Zamora and shot at the crowd.", "Zamora", "MX"),
    # ... and to a village the gazetteer lacks where the next sentence says the attackers struck, though the tagger
    # reads "X axis" as an organisation's name
    ("Gunmen seized an unknown number of travellers on Sunday evening after opening fire on cars along a highway in "
     "north-western Nigeria.\nA lorry driver told reporters the gunmen struck around Katari axis shortly before "
     "dusk.", "Katari", "NG"),
    # ... though the gazetteer knows the village's name only in another country
    ("Nine herders were shot dead by troops in the far south-east of Niger on Tuesday, a local official said.\n"
     "The men were watering cattle at the village of Abadam by Lake Chad when an army patrol opened fire.", "Abadam",
     "NE"),
    # ... not to a town named later for something else
    ("Clashes in Anbar province on Monday left at least 30 people dead, officials said.\nThe army sent "
     "reinforcements.\nThe governor later held a press conference.\nSchools in Haditha will reopen next week.",
     "Anbar", "IQ"),
    # "the attack took place in X": where the report says it happened
    ("Raiders on motorbikes killed nine villagers in central Nigeria, an official said.\n"
     "The attack took place late on Friday in the Bokkos district of Plateau state.", "Bokkos", "NG"),
    ("Five men died in a feud between two farming communities in Mexico's Guerrero state, officials said.\n"
     "The shootout happened on Thursday in Tlapa district, after one side blocked a road.", "Tlapa", "MX"),
    # "The incident in X ...": the report points back to the event and says where it was
    ("Quarrels over water often end in gunfire in southern Iraq, from Hilla to Kut.\nOn Sunday, a farmer was shot "
     "dead and two of his sons hurt in a row over an irrigation ditch.\nThe incident in the Muthanna province "
     "started when a neighbour blocked the ditch.", "Muthanna", "IQ"),
    # the capital that only locates the place is not the place
    ("Jihadists killed seven Malian gendarmes in a raid on a post north-east of the capital, the army said.",
     "Mali", "ML"),
    # a village the gazetteer lacks, named with its kind word, is the place (at its area's coordinates)
    ("Bandits shot 5 people in Tudun Bako village in Katsina state on Thursday.", "Tudun Bako", "NG"),
    # a place told past another event's sentences is that event's (a second incident told "Further south, in
    # <province>, ..." and then "The clash, which took place in the town of X"): the first event keeps its country
    ("Land disputes have turned deadly across the south this year.\nOfficials blamed most of them on quarrels over "
     "water and grazing.\nFour people were shot dead on Friday in a fight between two families over an orchard.\n"
     "The shooting went on into the night, officials said.\nFurther south, in Basra province, a feud within one "
     "clan left two people dead.\nThe clash, which took place in the town of Zubair, started over a "
     "dowry.", "Iraq", "IQ"),
    # the last place named before the figures, not a country named after it
    ("Clan feuds flare often in Diyala, a province bordering Iran.\nOn Thursday, five men were killed in a quarrel "
     "over grazing rights, officials said.", "Diyala", "IQ"),
    # ... and not the areas named in brackets after it
    ("On 14 July 2021, troops fought Al Shabaab fighters during a sweep around Lego village (Wanla Weyn, Lower "
     "Shabelle).\nThe troops pulled back at nightfall. One militant was killed.", "Lego", "SO"),
    # "the city" is the last city named
    ("Insurgents overran Tikrit on Tuesday.\nAt least 25 people were killed as the city fell.", "Tikrit", "IQ"),
    # the areas a place is set in are never a finer place of its event, whatever the gazetteer calls them
    ("On 12 June, insurgents ambushed a convoy at Metuge (Pemba, Cabo Delgado), killing two drivers.", "Metuge",
     "MZ"),
    ("On 2 June, a shell fell on a farmhouse in Mawiyah district, south-west Yemen (Taizz); a boy was hurt.",
     "Mawiyah", "YE"),
    # a province and its capital spelt apart ("Quneitra", "Al Qunaytirah") are one name: the village told in it
    ("On 3 June, an air raid hit militia posts in Tall Kroum in Quneitra. No casualties were reported.",
     "Tall Kroum", "SY"),
    # a lake is no settlement: the village a later sentence puts "this post" at is the place ...
    ("Insurgents overran a new army outpost on Lake Chad before dawn, killing three Chadian soldiers, the army said."
     "\nChad has fought the group for years. The army had set up this post between Kaiga and Bol in March, a "
     "commander said.", "Kaiga", "TD"),
    # no place named with the figures: a place in the report's country told where the event is told again
    ("Insurgents overran an army camp west of the capital on Sunday, killing nine Somali soldiers, officials said."
     "\nA car bomb went off at the gate of the Bariire camp before fighters rushed in.", "Bariire", "SO"),
    # a journey told inside the event's clause is the victims', not a speaker's
    ("Eleven passengers died when a roadside bomb tore through the minibus they were travelling in outside the "
     "Hiraan town of Buuloburde.", "Buuloburde", "SO"),
    # a village the gazetteer lacks, told with a district it lacks as well, is the place; a district is no village
    ("Armed men stormed the village of Ntapuala, in the nearby Nkoromba district of Mozambique, killing four "
     "farmers.", "Ntapuala", "MZ"),
    # "the attack in the town of X": the report points back to the event and says where it was, though the
    # province it first named does not hold X
    ("A truck bomb killed seven civilians in Syria's Idlib province on Sunday, monitors said.\nOfficials said a "
     "rival faction carried out this attack in the town of Azaz.", "Azaz", "SY"),
    # ... but with no such sentence the lake stays
    ("The bodies of nine fishermen were recovered from Lake Chad, officials in Chad said.", "Lake Chad", "TD"),
    # the people of a place who tell what happened there are no speakers from afar: their place is the event's
    ("Residents of Ngamdu village, 40 km from Damaturu, said gunmen shot dead nine men on Sunday.", "Ngamdu", "NG"),
    ("People in Khogyani district of Nangarhar province have said that six shepherds were killed in an air strike "
     "in the district.", "Khogyani", "AF"),
    # figures told past the sentences just before them, which name only the country: the place the report told first
    ("On 4 May, near Kyauk Taw bridge, Minbya Township, Mrauk-U District, Rakhine State, soldiers and rebels clashed."
     "\nThe army said it took a rebel camp.\nFighting also went on elsewhere in Myanmar.\nThree soldiers were "
     "killed.", "Minbya", "MM"),
    ("Gunmen opened fire on a bus in Petionville, a hillside suburb of Port-au-Prince, on Monday.\nPolice sealed the "
     "road.\nViolence has grown across Haiti this year.\nFour passengers died.", "Petionville", "HT"),
    # a foreign country that only backs an actor is no place, even the only one named with the figures
    ("Fighting between the army and rebels backed by the United Arab Emirates has killed at least eleven people.\n"
     "The army took back the town of Ataq.", "Ataq", "YE"),
    # a district the gazetteer lacks told in a city is a ward of it: the city is the place
    ("A car bomb went off near a tea shop in the Wadajir district of Mogadishu, killing six people.", "Mogadishu",
     "SO"),
    # a foreign country told with the figures: the town of the report's country where the harm is told again
    ("Yemen's Houthis said an air strike killed 17 civilians, while state media in Saudi Arabia reported an attack "
     "on its border.\nAccording to the Houthis, nine children died in Hays, south of Hodeidah.", "Hays", "YE"),
    # where the raiders came from is no finer place of the event than the camp they raided
    ("At least 9 people were killed in clashes in South Sudan's Jonglei state.\nRaiders believed to be from the "
     "neighbouring Pibor area attacked Pakeer cattle camp in Twic East county of Jonglei state.", "Pakeer", "SS"),
    # a name told before a word for a family or an armed unit is theirs, not a place
    ("On 9 May, members of the Hamza Division and the Sultan Murad Division clashed over a checkpoint in "
     "al-Hasakeh. Two fighters were hurt.", "al-Hasakeh", "SY"),
    ("On 6 May, a gunfight between the Al Omar and Al Sayid families in Homs left one man wounded.", "Homs", "SY"),
    # a capital that does something stands for its government: no place of the event
    ("Six villagers died in air raids on Syria despite a truce declared by Moscow.", "Syria", "SY"),
    # a town set in the province only to locate the event is no finer place of it than the area it locates ...
    ("Nine villagers were killed in the Kasiki area, to the north of Butembo town in North Kivu province.", "Kasiki",
     "CD"),
    ("Nine villagers were killed in Kasiki village, 30 km north of Butembo town in North Kivu province.", "Kasiki",
     "CD"),
    # ... but one the report places itself, its areas in brackets, is the coded location
    ("On 29 April 2020, soldiers shelled militants south of Sheikh Zuweid (Rafah, North Sinai); no casualties were "
     "reported.", "Sheikh Zuweid", "EG"),
    # the place of an office-holder says whose office; the place the event's words govern is where it happened
    ("The police chief of Kandahar province was killed on Sunday when a mine hit his car in Arghandab district.",
     "Arghandab", "AF"),
    # ... but alone it is the event's place
    ("The mayor of Tlalnepantla was shot dead on Monday, prosecutors said.", "Tlalnepantla", "MX"),
    # a settlement named beside "outside X" is where the event was, after it or before it ...
    ("Gunmen shot dead four farmers outside the city of Kano, in Dangora village.", "Dangora", "NG"),
    ("Bandits killed seven herders at a well near Dangora outside Kano city.", "Dangora", "NG"),
    ("Bandits shot nine soldiers near Gongola outside Maiduguri city on Friday.", "Gongola", "NG"),
    # ... but alone, or with only the area holding it, the town is, not its province
    ("Gunmen shot dead four farmers outside Kano, in Kano State.", "Kano", "NG"),
    # a town told where the harm is told again, over the sea the province lies on
    ("A radio reporter was killed on Monday in the eastern state of Veracruz on the Gulf of Mexico.\nHe was shot dead "
     "by gunmen as he left his office in the port city of Coatzacoalcos.", "Coatzacoalcos", "MX"),
    # what is said that is no speech ("said mass") leaves the place it was said at a place of the event
    ("A priest was shot dead on Sunday hours after he said mass in Ituri province.", "Ituri", "CD"),
    # a speaker's place that a clause after it tells the event at is the event's place
    ("They shot him like a dog, his widow told reporters from Kohat, where her husband was gunned down last week.",
     "Kohat", "PK"),
    # a destination is no place of the event ("a Kandahar-bound bus")
    ("A mine tore through a Kandahar-bound minibus in Helmand province, killing nine passengers.", "Helmand", "AF"),
]


@pytest.mark.parametrize("text,names", [
    # "in the area" points back to the place named last, though the gazetteer lacks it
    ("Chad has sent more troops to the lake shore.\nGunmen killed four fishermen at Tchoukoutalia on Monday.\n"
     "Two days later, gunmen killed two herders in the area.", ["Tchoukoutalia", "Tchoukoutalia"]),
    # the next sentence says where the event happened, though it goes on to tell an older one
    ("Seven people died when herders and farmers fought in north-east Nigeria, police said.\nThe fighting happened "
     "on Monday in Demsa district, an Adamawa area in which gunmen had killed 20 villagers last year.",
     ["Demsa", "Demsa"]),
])
def test_event_place_of_each_event_told_with_a_place_pointed_back_to(extract, text, names):
    assert [e.location.name for e in extract(text).events] == names


@pytest.mark.parametrize("text,name,country", EVENT_PLACES)
def test_event_place(extract, text, name, country):
    loc = extract(text).events[0].location
    assert (loc.name, loc.country) == (name, country)


@pytest.fixture(scope="module")
def parse():
    nlp, geoparser = NLP(), Geoparser()

    def run(text: str):
        parsed = nlp.parse(text)
        mentions, _ = geoparser.parse(parsed)
        return parsed, mentions

    return run


def test_event_place_choice_keeps_its_reasons(parse):
    """The choice is a score over named cues, and each place weighed keeps the reasons that made its score."""
    parsed, mentions = parse("A hand grenade blew up at Sololo market, in Moyale, injuring 6 shoppers.")
    anchor = next(t.i for t in parsed.tokens if t.lower == "blew")
    weighed = event_place.weigh(parsed, mentions, mentions, [anchor])
    assert [w.mention.text for w in weighed][0] == "Moyale"
    market = next(w for w in weighed if w.mention.text == "Sololo")
    assert "site" in market.cues and market.score < weighed[0].score
    assert any("site" in r for r in market.reasons)


@pytest.mark.parametrize("text,name,country", [
    # a site named last: the town that holds it, named with it
    ("In Gao, herders had gathered at the Wabaria market.\nA bomb killed five of them on Friday.", "Gao", "ML"),
    # a country named last qualifies the place before it
    ("Fighting flared again in Diyala, Iraq.\nThe army sent more troops.\nThree soldiers were killed on Monday.",
     "Diyala", "IQ"),
])
def test_event_place_the_best_place_named_before_the_figures(extract, text, name, country):
    """With no place named with its figures, an event takes the best place named just before them."""
    loc = extract(text).events[0].location
    assert (loc.name, loc.country) == (name, country)


def test_event_place_choice_before_the_figures_keeps_its_reasons(parse):
    """The place named before the figures is a scored choice too, each place weighed keeping its reasons."""
    parsed, mentions = parse("Fighting flared again in Diyala, a province bordering Iran.")
    weighed = event_place.weigh_before(parsed, mentions)
    assert [w.mention.text for w in weighed] == ["Diyala", "Iran"]
    assert "country" in weighed[1].cues and any("country" in r for r in weighed[1].reasons)


def test_event_place_a_name_the_gazetteer_lacks_is_still_the_location(extract):
    """A report that names no place the gazetteer knows still gives its event the place it names, without
    coordinates: an event has a location whenever a place is named for it."""
    loc = extract("On 4 June, in Rancho Las Palmitas, two armed men fired on a patrol.\nOne officer died later in "
                  "hospital.").events[0].location
    assert loc is not None and (loc.name, loc.country, loc.lat) == ("Rancho Las Palmitas", None, None)


def test_event_place_country_as_agent_is_an_actor(parse):
    """A country named as the agent of a passive ("backed by Rwanda") stands for an actor, not a location: it is
    weighed below the floor, left out of the choice, and its reasons still say why when asked for."""
    parsed, mentions = parse("Fighting between soldiers and rebels backed by Rwanda killed nine people in Rutshuru.")
    anchor = next(t.i for t in parsed.tokens if t.lower == "killed")
    assert [w.mention.text for w in event_place.weigh(parsed, mentions, mentions, [anchor])] == ["Rutshuru"]
    weighed = {w.mention.text: w for w in event_place.weigh(parsed, mentions, mentions, [anchor], below_floor=True)}
    assert {"modifier", "actor_country"} <= set(weighed["Rwanda"].cues)
    assert weighed["Rwanda"].score < event_place.cues().choice.threshold <= weighed["Rutshuru"].score
    assert any("actor" in r for r in weighed["Rwanda"].reasons)


def test_event_place_floor_leaves_no_place_when_only_an_actor_country_is_told(parse):
    """The floor is no ranking: a country that only describes an actor is no event place even when it is the only
    place told with the figures, so the choice is left empty for the fallbacks."""
    parsed, mentions = parse("Militias backed by Rwanda killed twelve villagers on Monday.")
    anchor = next(t.i for t in parsed.tokens if t.lower == "killed")
    assert [m.text for m in mentions] == ["Rwanda"]
    assert event_place.weigh(parsed, mentions, mentions, [anchor]) == []


def test_event_place_below_the_floor_the_event_is_placed_as_if_none_were_told(extract):
    """With only a country that describes an actor told with the figures, the event takes the place named before."""
    loc = extract("Fighting flared again near Goma.\nMilitias backed by Rwanda killed twelve villagers on Monday."
                  ).events[0].location
    assert (loc.name, loc.country) == ("Goma", "CD")


def test_event_place_floor_lies_between_the_cues_against_a_place_and_the_one_that_rules_it_out():
    """Every cue against a place together still leaves it above the floor; the cue that rules a place out takes it
    below, whatever else holds for it."""
    c = event_place.cues().choice
    against = sum(w for name, w in c.weights.items() if w < 0 and name != "actor_country")
    for_it = sum(w for w in c.weights.values() if w > 0) + 4 * c.weights["specificity"]
    assert against >= c.threshold > c.weights["actor_country"] + for_it


def test_event_place_inner_choice_keeps_its_reasons(parse):
    """The walk down to the place named inside the one chosen is a scored choice too: a place it passes over is
    scored below the floor with the reason why (a ward of the city it is told in), one it takes is not."""
    parsed, mentions = parse("Gunmen shot dead four guards in the Karan district of Mogadishu on Sunday.")
    city = next(m for m in mentions if m.text == "Mogadishu")
    assert event_place.weigh_inner(parsed, city, mentions) == []
    [ward] = event_place.weigh_inner(parsed, city, mentions, below_floor=True)
    assert ward.mention.text == "Karan" and "city_ward" in ward.cues and any("ward" in r for r in ward.reasons)
    parsed, mentions = parse("Gunmen shot dead four guards in Bura village, Tana River county (Kenya).")
    county = next(m for m in mentions if m.text.startswith("Tana"))
    assert [w.mention.text for w in event_place.weigh_inner(parsed, county, mentions)] == ["Bura"]


def test_event_place_earlier_choice_keeps_its_reasons(parse):
    """Where the sentences just before the figures name only a country, the places named earlier are a scored choice:
    a place set in others beats the areas named as holding it, and a site or a place abroad falls below the floor."""
    parsed, mentions = parse("Near Sangu bridge, Paletwa Township, Chin State, soldiers clashed with rebels.\nThe "
                             "rebels came from Bangladesh.\nFighting also went on elsewhere in Myanmar.")
    weighed = event_place.weigh_earlier(parsed, mentions, 2, "MM")
    assert [w.mention.text for w in weighed][:1] == ["Paletwa"]
    assert all(w.mention.text not in ("Sangu", "Bangladesh") for w in weighed)
    everyone = {w.mention.text: w for w in event_place.weigh_earlier(parsed, mentions, 2, "MM", below_floor=True)}
    assert {"coarse", "elsewhere"} <= set(everyone["Bangladesh"].cues) \
        and everyone["Bangladesh"].score < event_place.cues().earlier.threshold
    assert "area_of_another" in everyone["Chin"].cues and any("area" in r for r in everyone["Chin"].reasons)


def test_event_place_office_and_outskirts_are_weighed_with_reasons(parse):
    """An office-holder's place and a town the event was outside of, with a settlement beside it, are cues of the
    choice with their reasons, not branches: each lowers the place below the one the event's words govern."""
    parsed, mentions = parse("The deputy governor of Kunar province was killed by a bomb in Asadabad city.")
    anchor = next(t.i for t in parsed.tokens if t.lower == "killed")
    weighed = event_place.weigh(parsed, mentions, mentions, [anchor])
    assert weighed[0].mention.text == "Asadabad"
    kunar = next(w for w in weighed if w.mention.text == "Kunar")
    assert "office" in kunar.cues and any("office" in r for r in kunar.reasons)
    parsed, mentions = parse("Raiders shot dead six farmers outside the city of Kano, in Dangora village.")
    anchor = next(t.i for t in parsed.tokens if t.lower == "shot")
    weighed = {w.mention.text: w for w in event_place.weigh(parsed, mentions, mentions, [anchor])}
    assert "outskirts" in weighed["Kano"].cues and weighed["Kano"].score < weighed["Dangora"].score


def test_event_place_figures_pointing_back_to_the_attack_tell_it_where_it_was_told(parse):
    """Figures told as "also wounded in the attack" point back to an event told in the sentences just before: those
    sentences tell this event again, and a finer place told there is sought too; not when the figures do not point
    back."""
    told = "Gunmen shot a candidate for mayor of Anapolis on Sunday evening. Police sealed off the square. "
    harm = frozenset({"wound", "injure", "hurt"})
    parsed, mentions = parse(told + "The deputy governor of Goias State was also wounded in the attack.")
    assert 0 in event_place._alike(parsed, mentions, {2}, harm)
    parsed, mentions = parse(told + "The deputy governor of Goias State was also wounded on Monday.")
    assert 0 not in event_place._alike(parsed, mentions, {2}, harm)


def test_event_place_weights_are_data():
    """The cue weights and their reasons come from data/event_place.toml, one reason per weight."""
    c = event_place.cues()
    assert c.choice.weights["attached"] > 0 > c.choice.weights["reference_point"]
    assert all(set(t.reasons) == set(t.weights) for t in (c.choice, c.before, c.inner))
    assert c.before.weights["site"] < c.before.weights["country"]
    assert all(w < c.inner.threshold for w in c.inner.weights.values())  # each alone rules an inner place out
    assert "countryside" in c.rural and "clans" in c.people and "market" in c.sites
    assert {"attack", "incident", "conflict"} <= c.event_nouns  # the places file's, the shared attack nouns, ours


def test_event_place_unknown_village_takes_the_province_named_with_it(extract):
    """A village the gazetteer lacks takes the nearest known place named with it finer than a country, and a place
    told before the speech verb closing the sentence is no speaker's place."""
    loc = extract("Raiders on camels shot dead six herders in the village of Kindjandi, a day's walk from the "
                  "Chadian frontier, in Niger's Diffa region, a regional councillor said on Friday."
                  ).events[0].location
    assert (loc.name, loc.admin1, loc.country, loc.precision) == ("Kindjandi", "Diffa", "NE", "admin1")


@pytest.mark.parametrize("text,expected", [
    # a village the gazetteer lacks, held only by the country: the one province the report's towns lie in
    ("Gunmen seized an unknown number of travellers on Sunday evening after opening fire on cars along a highway in "
     "north-western Nigeria.\nA lorry driver told reporters the gunmen struck around Katari axis shortly before "
     "dusk.\nPolice in Kaduna said a rescue team had been sent.", ("Katari", "Kaduna", "NG", "admin1")),
    # ... not the province of a town named only as a reference point
    ("Nine herders were shot dead by troops in the far south-east of Niger on Tuesday.\nThe men were watering cattle "
     "at the village of Abadam when an army patrol opened fire.\nThe area lies some 1,300 km east of Niamey.",
     ("Abadam", None, "NE", "country")),
    # ... nor a known town named with it only as a reference point: it says how far, not what holds it
    ("Rebels killed eleven miners at the Ndassima gold site, some 300 km north-east of Bangui, on Monday.",
     ("Ndassima", None, "CF", "country")),
    # ... nor the province of a seat of government told as such
    ("Two gunmen on a motorbike shot dead a militia commander near Tinzaouatene in northern Mali.\nHis group is "
     "allied to the government in Bamako.", ("Tinzaouatene", None, "ML", "country")),
])
def test_event_place_unknown_village_takes_the_one_province_named(extract, text, expected):
    loc = extract(text).events[0].location
    assert (loc.name, loc.admin1, loc.country, loc.precision) == expected
