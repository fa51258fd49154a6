"""Actors: aliases normalised to one name, national forces by country, roles. Sentences written by us."""
from __future__ import annotations

import pytest

from sitrep.actors import ActorBook, _default_book, vocabulary

ALIASES = [
    # Iraq / Syria
    ("Daesh fighters attacked a checkpoint near Kirkuk, killing 4 soldiers.", "Islamic State"),
    ("ISIL militants killed 12 villagers in Diyala.", "Islamic State"),
    ("ISIS gunmen killed 12 villagers in Diyala.", "Islamic State"),
    ("IS militants killed 12 villagers in Diyala.", "Islamic State"),
    ("Islamic State militants killed 12 villagers in Diyala.", "Islamic State"),
    ("Iraqi security forces killed 6 militants near Mosul.", "Military Forces of Iraq"),
    ("Iraqi police killed 6 militants near Mosul.", "Police Forces of Iraq"),
    ("Hashd al-Shaabi fighters killed 6 militants near Tikrit.", "Military Forces of Iraq Popular Mobilization Forces"),
    ("The US-led coalition killed 9 militants in an air strike near Raqqa.", "US-led Coalition"),
    ("HTS fighters killed 5 soldiers in Idlib.", "Hayat Tahrir al-Sham"),
    ("SDF fighters killed 5 militants near Deir ez-Zor.", "Syrian Democratic Forces"),
    ("Syrian government helicopters killed 20 civilians in Aleppo.", "Military Forces of Syria"),
    # Nigeria and the Lake Chad basin
    ("Boko Haram insurgents killed 30 farmers near Maiduguri.", "Boko Haram"),
    ("ISWAP fighters killed 8 soldiers in Borno.", "Islamic State West Africa Province"),
    ("Nigerian troops killed 20 militants in an ambush.", "Military Forces of Nigeria"),
    ("Fulani herdsmen killed 15 villagers in Plateau state.", "Fulani Ethnic Militia"),
    # Somalia and the Horn
    ("Al-Shabaab militants killed 7 soldiers near Mogadishu.", "al-Shabaab"),
    ("al-Shabab fighters killed 7 soldiers near Mogadishu.", "al-Shabaab"),
    ("Shabaab gunmen killed 7 soldiers near Mogadishu.", "al-Shabaab"),
    ("Somali troops killed 10 al-Shabaab fighters near Kismayo.", "Military Forces of Somalia"),
    ("TPLF fighters killed 11 soldiers in Tigray.", "Tigray People's Liberation Front"),
    ("Fano militiamen killed 9 people in Amhara.", "Fano Militia"),
    ("Eritrean soldiers killed 100 civilians in Axum.", "Military Forces of Eritrea"),
    # Sudan
    ("RSF fighters killed 40 civilians in El Geneina.", "Rapid Support Forces"),
    ("The Rapid Support Forces killed 40 civilians in El Geneina.", "Rapid Support Forces"),
    ("Sudanese army jets killed 20 people in Nyala.", "Military Forces of Sudan"),
    # Afghanistan and Pakistan
    ("Taliban fighters killed 9 policemen in Kunduz.", "Taliban"),
    ("The Taliban killed 9 policemen in Kunduz.", "Taliban"),
    ("IS-K claimed a bombing that killed 20 people in Kabul.", "Islamic State Khorasan Province"),
    ("ISKP militants killed 20 people in Jalalabad.", "Islamic State Khorasan Province"),
    ("TTP militants killed 6 soldiers in North Waziristan.", "Tehrik-i-Taliban Pakistan"),
    ("Pakistani Taliban fighters killed 6 soldiers in North Waziristan.", "Tehrik-i-Taliban Pakistan"),
    ("Afghan police killed 3 militants in Herat.", "Police Forces of Afghanistan"),
    ("Pakistani troops killed 6 militants in Balochistan.", "Military Forces of Pakistan"),
    # Yemen, Gaza, Lebanon
    ("Houthi rebels killed 12 soldiers in Marib.", "Military Forces of Yemen Supreme Political Council (Houthis)"),
    ("Ansar Allah fighters killed 12 soldiers in Marib.", "Military Forces of Yemen Supreme Political Council (Houthis)"),
    ("Ansarallah forces killed 12 soldiers in Marib.", "Military Forces of Yemen Supreme Political Council (Houthis)"),
    ("AQAP militants killed 5 soldiers in Abyan.", "al-Qaeda in the Arabian Peninsula"),
    ("Hamas militants killed 3 soldiers near the border.", "Hamas"),
    ("Hezbollah fighters killed 2 soldiers near the border.", "Hezbollah"),
    ("Israeli strikes killed 25 people in Khan Younis.", "Military Forces of Israel"),
    # Sahel
    ("JNIM fighters killed 15 soldiers near Djibo.", "JNIM: Group for Support of Islam and Muslims"),
    ("Wagner mercenaries killed 30 civilians near Moura.", "Wagner Group"),
    ("Africa Corps fighters killed 30 civilians near Moura.", "Wagner Group"),
    ("Malian soldiers killed 30 civilians near Moura.", "Military Forces of Mali"),
    ("Burkinabe soldiers killed 12 civilians near Djibo.", "Military Forces of Burkina Faso"),
    # Great Lakes
    ("M23 rebels killed 20 civilians near Goma.", "M23: March 23 Movement"),
    ("ADF rebels killed 35 villagers near Beni.", "Allied Democratic Forces"),
    ("Congolese troops killed 20 rebels near Goma.", "Military Forces of Democratic Republic of the Congo"),
    # Myanmar, Ukraine, Cameroon, Mexico
    ("Arakan Army fighters killed 14 soldiers in Rakhine.", "Arakan Army"),
    ("PDF fighters killed 14 soldiers in Sagaing.", "People's Defence Force"),
    ("Myanmar military jets killed 30 villagers in Sagaing.", "Military Forces of Myanmar"),
    ("Russian forces killed 7 civilians in Kharkiv.", "Military Forces of Russia"),
    ("Ukrainian artillery killed 4 civilians in Donetsk.", "Military Forces of Ukraine"),
    ("Anglophone separatists killed 5 gendarmes in Bamenda.", "Ambazonian Separatists"),
    ("Sinaloa cartel gunmen killed 6 people in Culiacan.", "Sinaloa Cartel"),
    ("CJNG gunmen killed 6 people in Guadalajara.", "Jalisco New Generation Cartel"),
]


@pytest.mark.parametrize("text,name", ALIASES)
def test_actors_alias_is_the_perpetrator(extract, text, name):
    perps = [a.name for a in extract(text).events[0].actors if a.role == "perpetrator"]
    assert perps == [name]


def test_actors_cover_many_countries():
    assert len(ALIASES) >= 50


def test_actors_types_are_acled_style(extract):
    actors = {a.name: a.type for a in extract("ISIL militants killed 12 Iraqi soldiers in Diyala.").events[0].actors}
    assert actors == {"Islamic State": "rebel group", "Military Forces of Iraq": "state forces"}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gunmen killed 12 villagers in Zamfara state.",
         [("Unidentified Armed Group (Nigeria)", "perpetrator"), ("Civilians (Nigeria)", "target")]),
        ("Militants attacked Nigerian troops in Borno, killing 8 soldiers.",
         [("Unidentified Armed Group (Nigeria)", "perpetrator"), ("Military Forces of Nigeria", "target")]),
        ("Eight soldiers were killed by Boko Haram fighters in Borno.",
         [("Boko Haram", "perpetrator"), ("Military Forces of Nigeria", "target")]),
        ("A car bomb killed 9 people in Mogadishu. Officials blamed al-Shabaab.",
         [("al-Shabaab", "perpetrator"), ("Civilians (Somalia)", "target")]),
        # a country as the subject of a violent verb is its military; a country's name of two words
        ("Russia launched a missile attack on Kharkiv on Monday, killing at least 6 people, officials said.",
         [("Military Forces of Russia", "perpetrator"), ("Civilians (Ukraine)", "target")]),
        ("Burkina Faso's army killed 30 militants in the north.",
         [("Military Forces of Burkina Faso", "perpetrator"), ("Unidentified Armed Group (Burkina Faso)", "target")]),
        # the group that says it was behind the bombing
        ("A suicide bomber killed at least 43 people at a mosque in Kunduz, officials said.\nThe Islamic State "
         "group's Afghan branch said it was behind the bombing.", [("Islamic State", "perpetrator"), ("Civilians (Afghanistan)", "target")]),
        # a group named where no group has claimed the attack did not claim it; one blamed after "but" did
        ("Gunmen killed 10 worshippers at a church in Burkina Faso.\nNo group has claimed the attack, but jihadists "
         "linked to al-Qaeda and Islamic State operate in the area.",
         [("Unidentified Armed Group (Burkina Faso)", "perpetrator"), ("Civilians (Burkina Faso)", "target")]),
        ("A truck bomb killed 14 people in Mogadishu.\nNo group has said it carried out the bombing, but the police "
         "blamed al-Shabaab.", [("al-Shabaab", "perpetrator"), ("Civilians (Somalia)", "target")]),
        # whom officials blame is the perpetrator, in the present tense too, not a target
        ("Officials blame al-Shabaab for a car bomb that killed 12 people in Mogadishu on Sunday.",
         [("al-Shabaab", "perpetrator"), ("Civilians (Somalia)", "target")]),
        ("Twelve civilians were killed in Sagaing, police said.",
         [("Unidentified Armed Group (Myanmar)", "perpetrator"), ("Civilians (Myanmar)", "target")]),
        ("Witnesses accuse the RSF of killing 40 civilians in El Geneina.",
         [("Rapid Support Forces", "perpetrator"), ("Civilians (Sudan)", "target")]),
        ("Israeli strikes on Hamas positions killed 25 people in Khan Younis.",
         [("Military Forces of Israel", "perpetrator"), ("Hamas", "target")]),
        # "Islamic State militants" is one actor, the named one, not also an unidentified group
        ("Taliban forces killed eight Islamic State militants in a raid in Kabul.",
         [("Taliban", "perpetrator"), ("Islamic State", "target")]),
        # a headline's counted subject of "killed" is who was killed
        ("Three US troops killed in drone attack in Jordan",
         [("Unidentified Armed Group (Jordan)", "perpetrator"), ("Military Forces of United States", "target")]),
        # a title-case headline: the tagger leaves "Raids" unlemmatised
        ("Houthi Raids Kill 12 Soldiers In Marib", [("Military Forces of Yemen Supreme Political Council (Houthis)", "perpetrator"), ("Military Forces of Yemen", "target")]),
        # who retakes a town is the side that acts, not an unknown group
        ("The Nigerian army recaptured Gwoza from Boko Haram on Friday after fighting that killed 30 insurgents.",
         [("Military Forces of Nigeria", "perpetrator"), ("Unidentified Armed Group (Nigeria)", "target"),
          ("Boko Haram", "other")]),
    ],
)
def test_actors_roles(extract, text, expected):
    assert [(a.name, a.role) for a in extract(text).events[0].actors] == expected


def test_actors_user_file_adds_aliases(tmp_path, monkeypatch):
    user = tmp_path / "my_actors.toml"
    user.write_text('[[actor]]\nname = "Islamic State"\naliases = ["Dawla"]\n\n'
                    '[[actor]]\nname = "Local Defence Militia"\ntype = "political militia"\naliases = ["LDM"]\n',
                    encoding="utf-8")
    monkeypatch.setenv("SITREP_ACTORS", str(user))
    _default_book.cache_clear()
    book = ActorBook.default()
    assert book.entries["Local Defence Militia"].type == "political militia"
    assert "Islamic State" in book.entries and len(book.entries) > 30
    _default_book.cache_clear()


def test_actors_a_group_named_in_one_event_is_not_another_events(extract):
    rec = extract("At least 9 people were killed when Boko Haram fighters attacked a village in Borno state on "
                  "Saturday, residents said.\n\nIn Zamfara state, bandits abducted 40 villagers from their farms on "
                  "Sunday, police said.")
    perpetrators = [[a.name for a in e.actors if a.role == "perpetrator"] for e in rec.events]
    assert perpetrators == [["Boko Haram"], ["Unidentified Armed Group (Nigeria)"]]


# Acronyms, branches and named groups worldwide, and aliases that hold in one country only. Sentences written by us.
MORE_ALIASES = [
    ("ANDSF troops killed 9 Taliban fighters in Helmand.", "Military Forces of Afghanistan"),
    ("ANP officers killed 3 militants in Kandahar.", "Police Forces of Afghanistan"),
    ("NDS special forces killed 6 militants in Nangarhar.", "Police Forces of Afghanistan National Directorate of Security"),
    ("FARDC soldiers killed 11 rebels near Beni.", "Military Forces of Democratic Republic of the Congo"),
    ("Mayi-Mayi militiamen killed 4 soldiers near Mambasa in Ituri.", "Mayi Mayi Militia"),
    ("CODECO militiamen killed 22 villagers in Djugu, Ituri.", "CODECO: Cooperative for Development of Congo"),
    ("SSPDF soldiers killed 12 herders in Aweil East.", "Military Forces of South Sudan"),
    ("SPLA-IO fighters killed 7 soldiers in Upper Nile.", "SPLM/A-IO: Sudan People's Liberation Movement/Army (In Opposition)"),
    ("BGB members killed 2 smugglers at the border in Cox's Bazar.", "Military Forces of Bangladesh Border Guard Bangladesh"),
    ("RAB members killed 2 suspects in a gunfight in Dhaka.", "Police Forces of Bangladesh Rapid Action Battalion"),
    ("CRPF personnel killed 3 militants in Pulwama.", "Police Forces of India Central Reserve Police Force"),
    ("Maoists killed 5 policemen in Dantewada, Chhattisgarh.", "CPI (Maoist): Communist Party of India (Maoist)"),
    ("LNA forces killed 6 fighters south of Tripoli.", "Military Forces of Libya Haftar Faction"),
    ("GNA forces killed 4 fighters near Sirte, Libya.", "Military Forces of Libya Government of National Accord"),
    ("SNA soldiers killed 8 militants near Afgoye, Somalia.", "Military Forces of Somalia"),
    ("AMISOM troops killed 10 militants in Lower Shabelle, Somalia.", "AMISOM: African Union Mission in Somalia"),
    ("KDF soldiers killed 6 militants in Lamu.", "Military Forces of Kenya"),
    ("ENDF troops killed 15 rebels in Oromia.", "Military Forces of Ethiopia"),
    ("OLA fighters killed 9 soldiers in western Oromia, Ethiopia.", "OLF-Shane: Oromo Liberation Front-Shane"),
    ("Civilian JTF members killed 4 insurgents near Maiduguri.", "CJTF: Civilian Joint Task Force"),
    ("IPOB members killed 2 policemen in Imo state.", "IPOB: Indigenous People of Biafra"),
    ("FAMa soldiers killed 8 militants near Mopti.", "Military Forces of Mali"),
    ("Ansaroul Islam fighters killed 6 civilians in Soum province.", "Ansaroul Islam"),
    ("BIR soldiers killed 5 separatists near Bamenda.", "Military Forces of Cameroon Rapid Intervention Battalion"),
    ("Anti-Balaka militiamen killed 7 herders near Bambari.", "Anti-Balaka"),
    ("Syrian Arab Army troops killed 9 fighters in Idlib.", "Military Forces of Syria"),
    ("Pro-Russian separatists killed 2 soldiers near Donetsk, Ukraine.", "NAF: United Armed Forces of Novorossiya"),
    ("IDF soldiers killed 3 gunmen in Jenin.", "Military Forces of Israel"),
    ("Tatmadaw troops killed 11 villagers in Sagaing.", "Military Forces of Myanmar"),
    ("KIA fighters killed 6 soldiers in Kachin state.", "KIA: Kachin Independence Army"),
    ("NPA rebels killed 3 soldiers in Samar, Philippines.", "NPA: New People's Army"),
    ("Abu Sayyaf militants killed 4 soldiers in Sulu.", "Abu Sayyaf Group"),
    ("ELN guerrillas killed 3 soldiers in Arauca, Colombia.", "ELN: National Liberation Army"),
    ("Gulf Clan gunmen killed 5 people in Antioquia, Colombia.", "AGC: Gaitanist Self-Defence Forces of Colombia"),
    ("MS-13 gang members killed 4 people in San Salvador.", "MS-13: Mara Salvatrucha"),
    ("Comando Vermelho gunmen killed 3 people in Rio de Janeiro, Brazil.", "Comando Vermelho"),
    ("Hashd al-Shaabi fighters killed 7 militants near Tikrit.", "Military Forces of Iraq Popular Mobilization Forces"),
    ("Security Belt Forces killed 4 fighters in Aden.", "Military Forces of Yemen Security Belt Forces"),
    ("Koglweogo militiamen killed 9 herders in Burkina Faso.", "Koglweogo Militia"),
    ("Defence and security forces killed 10 militants in Tillaberi, Niger.", "Military Forces of Niger"),
]


@pytest.mark.parametrize("text,name", MORE_ALIASES)
def test_actors_more_aliases_are_the_perpetrator(extract, text, name):
    perps = [a.name for a in extract(text).events[0].actors if a.role == "perpetrator"]
    assert name in perps


@pytest.mark.parametrize("text,absent", [
    # an acronym that names a force in one country only names it there
    ("SNA fighters killed 8 soldiers near Afrin, Syria.", "Military Forces of Somalia"),
    ("NPA members killed 3 soldiers in Nangarhar, Afghanistan.", "NPA: New People's Army"),
])
def test_actors_country_aliases_hold_only_there(extract, text, absent):
    assert absent not in [a.name for e in extract(text).events for a in e.actors]


# People named by what they are or do, the ACLED way: by the event's country, by their part in it.
CROWDS = [
    ("Protesters pelted police with stones in Nairobi, injuring 4 officers.",
     ("Rioters (Kenya)", "perpetrator")),
    ("Police fired tear gas at protesters in Nairobi, injuring 12 protesters.",
     ("Protesters (Kenya)", "target")),
    ("An angry mob lynched 2 suspected thieves in Kisumu, Kenya.", ("Rioters (Kenya)", "perpetrator")),
    ("Students clashed with police in Dhaka, leaving 3 people injured.", ("Rioters (Bangladesh)", "perpetrator")),
    ("Villagers beat to death 2 suspected cattle thieves in Kano state.", ("Rioters (Nigeria)", "perpetrator")),
    ("Gunmen killed 12 villagers in Zamfara state.", ("Civilians (Nigeria)", "target")),
    ("Gang members shot and killed 3 men in Acapulco, Guerrero.", ("Unidentified Gang (Mexico)", "perpetrator")),
    ("Criminal groups clashed near Chilapa, Guerrero, leaving 4 dead.", ("Unidentified Gang (Mexico)", "perpetrator")),
    ("Clan militiamen killed 5 people near Galkayo, Somalia.", ("Unidentified Clan Militia (Somalia)", "perpetrator")),
    ("Communal militiamen killed 6 herders in Benue state.", ("Unidentified Communal Militia (Nigeria)", "perpetrator")),
    ("Cultists killed 3 students in Port Harcourt, Rivers state.", ("Unidentified Cult Militia (Nigeria)", "perpetrator")),
    ("Tribesmen killed 4 soldiers in Marib, Yemen.", ("Unidentified Tribal Militia (Yemen)", "perpetrator")),
    ("Pro-government militiamen killed 5 civilians in Darfur.", ("Militia (Pro-Government)", "perpetrator")),
    # a killing nobody is named for, in violence against civilians: civilians are its target
    ("Two men were found dead with gunshot wounds in Tijuana, Baja California.", ("Civilians (Mexico)", "target")),
]


@pytest.mark.parametrize("text,expected", CROWDS)
def test_actors_crowds(extract, text, expected):
    assert expected in [(a.name, a.role) for e in extract(text).events for a in e.actors]


@pytest.mark.parametrize("text,expected", [
    # counted police victims are the police, not the military
    ("Gunmen killed 2 policemen at a checkpoint in Kandahar.", ("Police Forces of Afghanistan", "target")),
    # "clashed with" names the other side as the target
    ("Fulani militiamen clashed with soldiers in Plateau state, killing 4 soldiers.",
     ("Military Forces of Nigeria", "target")),
    # a short report's only event: whom its opening sentence names acting
    ("On 14 March 2021, Mayi-Mayi militiamen raided a gold mine outside Komanda, Ituri. 3 soldiers were killed.",
     ("Mayi Mayi Militia", "perpetrator")),
])
def test_actors_victims_and_sides(extract, text, expected):
    assert expected in [(a.name, a.role) for e in extract(text).events for a in e.actors]


@pytest.mark.parametrize("text,expected", [
    ("Suspected Pokot militia killed 3 police reservists near Kapedo, Baringo.", ("Pokot Ethnic Militia (Kenya)", "perpetrator")),
    ("Murle youths killed 14 people in Jonglei state, South Sudan.", ("Murle Ethnic Militia (South Sudan)", "perpetrator")),
    ("Leelkayse clan militiamen killed 2 people near Galkayo, Somalia.", ("Leelkayse Clan Militia (Somalia)", "perpetrator")),
])
def test_actors_militias_named_by_their_people(extract, text, expected):
    assert expected in [(a.name, a.role) for e in extract(text).events for a in e.actors]


@pytest.mark.parametrize("text,expected", [
    # the part the whole names: "a group of villagers" attacked, so the villagers did (rioters)
    ("A group of villagers attacked 2 suspected thieves in Kano state, killing one.", ("Rioters (Nigeria)", "perpetrator")),
    ("Members of two rival clans clashed near Galkayo, Somalia, leaving 3 dead.",
     ("Unidentified Clan Militia (Somalia)", "perpetrator")),
])
def test_actors_part_of_a_whole(extract, text, expected):
    assert expected in [(a.name, a.role) for e in extract(text).events for a in e.actors]


@pytest.mark.parametrize("text,expected", [
    # gunmen said to be unknown stay unknown though the report names one group (here their target)
    ("Unknown gunmen shot and killed 2 SDF fighters in Raqqa, Syria.", ("Unidentified Armed Group (Syria)", "perpetrator")),
])
def test_actors_unknown_stay_unknown(extract, text, expected):
    assert expected in [(a.name, a.role) for e in extract(text).events for a in e.actors]


# The ACLED way, from the event's sub-event type and setting (texts written by us).
@pytest.mark.parametrize("text,expected", [
    # a peaceful protest: whoever protests is its protesters, the first actor
    ("On 3 May 2024, nurses held a sit-in outside the district hospital in Kisumu, Kenya, demanding unpaid wages.",
     ("Protesters (Kenya)", "perpetrator")),
    ("On 4 May 2024, residents of Ngong protested peacefully against water shortages in Kajiado, Kenya.",
     ("Protesters (Kenya)", "perpetrator")),
    ("On 5 May 2024, hundreds of teachers marched in Lusaka, Zambia, to demand higher pay.",
     ("Protesters (Zambia)", "perpetrator")),
    # a killing in a criminal setting, where gangs do most of the killing: an unidentified gang
    ("On 6 May 2024, in Culiacan, Sinaloa, armed men killed a man in a drive-by shooting. 1 fatality.",
     ("Unidentified Gang (Mexico)", "perpetrator")),
    ("On 7 May 2024, in Recife, Pernambuco, a man with a record of drug trafficking was shot dead by two armed men.",
     ("Unidentified Gang and/or Police Militia", "perpetrator")),
    # the same killers with no criminal setting stay an unidentified armed group
    ("On 8 May 2024, in Celaya, Guanajuato, armed men attacked a police patrol, killing 2 officers.",
     ("Unidentified Armed Group (Mexico)", "perpetrator")),
    ("On 9 May 2024, gunmen attacked a bus bound for the capital near Celaya, Guanajuato, killing 3 passengers.",
     ("Unidentified Armed Group (Mexico)", "perpetrator")),
    # named groups of the dictionary, written the ACLED way
    ("Houthi forces shelled a village in Taizz, Yemen, killing 2 children.",
     ("Military Forces of Yemen Supreme Political Council (Houthis)", "perpetrator")),
    ("Saudi-led coalition air strikes hit a market in Saada, Yemen, killing 6 people.",
     ("Operation Restoring Hope (Saudi-led coalition)", "perpetrator")),
    ("National Resistance forces attacked Houthi positions near Hays, Yemen, killing 3 fighters.",
     ("National Resistance Forces", "perpetrator")),
    ("Imbonerakure members beat and injured 2 opposition supporters in Ngozi, Burundi.",
     ("CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)", "perpetrator")),
    ("Islamist militants attacked a village in Macomia, Cabo Delgado, Mozambique, killing 4 civilians.",
     ("Islamist Militia (Mozambique)", "perpetrator")),
    ("TMF fighters killed 3 IS militants in Anbar, Iraq.", ("TMF: Tribal Mobilization Forces", "perpetrator")),
    # a group the report says is suspected or planted the bomb did it
    ("A roadside bomb killed 3 civilians in Ghazni, Afghanistan. Officials said the Taliban planted the bomb.",
     ("Taliban", "perpetrator")),
    ("A mine blast killed 3 police officers near Garissa, Kenya. Al-Shabaab is suspected to be responsible.",
     ("al-Shabaab", "perpetrator")),
    # state forces named by an operation, an acronym or a regime's word
    ("French Operation Barkhane forces killed 12 militants near Menaka, Mali.", ("Military Forces of France", "perpetrator")),
    ("An operation by Afghan army commandos killed 9 Taliban fighters in Faryab.",
     ("Military Forces of Afghanistan", "perpetrator")),
    ("LDU paramilitaries beat 3 traders in Gulu town, Uganda.",
     ("Military Forces of Uganda Local Defense Unit", "perpetrator")),
    ("A regime sniper shot dead a farmer near Atarib, Aleppo, Syria.", ("Military Forces of Syria", "perpetrator")),
    ("Pro-Hadi forces repelled a Houthi attack in Marib, Yemen, killing 6 fighters.", ("Military Forces of Yemen", "perpetrator")),
    # a police officer or a prison guard named by no country: the police of the report's country
    ("On 2 May 2024, a policeman shot and killed a trader in Bunia, Ituri, DR Congo.",
     ("Police Forces of Democratic Republic of the Congo", "perpetrator")),
    ("On 3 May 2024, prison guards beat and injured 4 inmates in a prison in Abidjan, Ivory Coast.",
     ("Police Forces of Ivory Coast Prison Guards", "perpetrator")),
    # violence against civilians: its victim is a civilian, though an off-duty soldier
    ("On 4 May 2024, gunmen abducted an off-duty police officer and his wife from their home in Katsina, Nigeria.",
     ("Civilians (Nigeria)", "target")),
    # a group of people who beat someone to death is a mob
    ("A group of men beat a suspected thief to death in Gazipur, Bangladesh.", ("Rioters (Bangladesh)", "perpetrator")),
])
def test_actors_the_acled_way(extract, text, expected):
    assert expected in [(a.name, a.role) for e in extract(text).events for a in e.actors]


def test_actors_user_file_extends_word_lists(extract, tmp_path, monkeypatch):
    """A user's $SITREP_ACTORS file of the package's shape adds to its word lists too, read when the pipeline asks
    (not frozen at import): perpetrators named by the user's own words point back to them."""
    text = "Hooded men stormed a village in Zamfara state on Sunday and killed seven farmers, police said."
    before = [a for a in extract(text).events[0].actors if a.role == "perpetrator"]
    assert [(a.name, a.text) for a in before] == [("Unidentified Armed Group (Nigeria)", None)]
    user = tmp_path / "my_actors.toml"
    user.write_text('[unidentified]\nwords = ["hooded men"]\n', encoding="utf-8")
    monkeypatch.setenv("SITREP_ACTORS", str(user))
    after = [a for a in extract(text).events[0].actors if a.role == "perpetrator"]
    assert [(a.name, a.text) for a in after] == [("Unidentified Armed Group (Nigeria)", "Hooded men")]
    assert ("gunmen",) in vocabulary().unidentified.all  # the package's words stay


@pytest.mark.parametrize(
    "text, perpetrator",
    [
        # the subject a violent verb shares with the verb it is coordinated to is its perpetrator
        ("Gunmen rode into a village in Katsina state on Tuesday and opened fire on worshippers, killing 12 people, "
         "police said.", ("Unidentified Armed Group (Nigeria)", "Gunmen")),
        # a perpetrator the event implies takes the words the report names it with beside the killing
        ("Armed gangs control most of Port-au-Prince. At least 20 civilians were killed in the Cite Soleil district "
         "on Monday, the UN said.", ("Unidentified Gang (Haiti)", "gangs")),
    ],
)
def test_actors_point_back_to_their_words(extract, text, perpetrator):
    actors = extract(text).events[0].actors
    assert [(a.name, a.text) for a in actors if a.role == "perpetrator"] == [perpetrator]
    assert all(a.text == text[a.span.start : a.span.end] for a in actors if a.span is not None)


def test_actors_state_forces_of_a_report_that_names_no_country(extract):
    """"police" in a note that names no country are still the police: Police Forces, of no country, the way a
    crowd there is "Rioters" of none."""
    actors = extract("Rioters torched a bus after the verdict; police opened fire, killing two of them.").events[0].actors
    assert [(a.name, a.role, a.text) for a in actors] == [("Rioters", "perpetrator", "Rioters"),
                                                          ("Police Forces", "perpetrator", "police")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("French and Burkinabe forces killed 20 militants near Djibo on Monday, the army said.",
         ["Military Forces of France", "Military Forces of Burkina Faso"]),
        ("Joint British-US airstrikes hit rebel positions near Hodeidah on Friday, killing 16 people.",
         ["Military Forces of United Kingdom", "Military Forces of United States"]),
    ],
)
def test_actors_countries_that_share_one_noun_are_each_a_side(extract, text, expected):
    """"French and Burkinabe forces": each country's forces, both with the words of the whole phrase."""
    actors = [a for a in extract(text).events[0].actors if a.role == "perpetrator"]
    assert [a.name for a in actors] == expected
    assert len({a.text for a in actors}) == 1 and " " in actors[0].text


def test_actors_a_perpetrator_never_takes_the_words_of_its_victims(extract):
    """The militants killed are no perpetrator's words, even when the perpetrator is an unidentified armed group."""
    actors = extract("Iraqi troops retook the town on Sunday after heavy fighting that killed 30 militants.").events[0].actors
    assert not [a for a in actors if a.role == "perpetrator" and a.text == "militants"]
