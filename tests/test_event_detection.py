"""Event detection: every event a report tells, with or without a toll, typed with ACLED's event and sub-event
types; and what is no event stays out. Short texts written by us in the style of news reports and coders' notes
(place and group names are real, the events invented)."""
from __future__ import annotations

from pathlib import Path

import pytest

import sitrep
from sitrep import incidents, lexicon

CLASH = ("battle", "Armed clash")
GOV = ("battle", "Government regains territory")
NSA = ("battle", "Non-state actor overtakes territory")
CHEM = ("explosion_remote_violence", "Chemical weapon")
AIR = ("airstrike", "Air/drone strike")
SUICIDE = ("explosion_remote_violence", "Suicide bomb")
SHELL = ("explosion_remote_violence", "Shelling/artillery/missile attack")
IED = ("explosion_remote_violence", "Remote explosive/landmine/IED")
GRENADE = ("explosion_remote_violence", "Grenade")
SEXUAL = ("violence_against_civilians", "Sexual violence")
ATTACK = ("violence_against_civilians", "Attack")
ABDUCT = ("abduction", "Abduction/forced disappearance")
PEACEFUL = ("protest_riot", "Peaceful protest")
INTERVENED = ("protest_riot", "Protest with intervention")
FORCE = ("protest_riot", "Excessive force against protesters")
VIOLENT = ("protest_riot", "Violent demonstration")
MOB = ("protest_riot", "Mob violence")
AGREEMENT = ("other", "Agreement")
ARRESTS = ("other", "Arrests")
CHANGE = ("other", "Change to group/activity")
DISRUPTED = ("other", "Disrupted weapons use")
BASE = ("other", "Headquarters or base established")
LOOTING = ("other", "Looting/property destruction")
TRANSFER = ("other", "Non-violent transfer of territory")
DISPLACEMENT = ("displacement", None)

# text -> ((event_type, sub_event_type) of the first event, number of events)
CASES = [
    # Battles: Armed clash
    ("Government troops clashed with Al Shabaab fighters near Afgooye on Monday.", CLASH, 1),
    ("Soldiers and ISWAP militants exchanged fire for two hours outside Damboa on Friday.", CLASH, 1),
    ("On 4 May, Maoist cadres exchanged gun shots with the Armed Police in Ilam district.", CLASH, 1),
    ("Taliban militants attacked a police checkpoint in Kunduz on Tuesday night.", CLASH, 1),
    ("Gunmen ambushed an army convoy near Djibo, killing four soldiers.", CLASH, 1),
    ("Security forces killed six militants during a gunfight in the Shopian district on Sunday.", CLASH, 1),
    ("Rebels repulsed an army assault on their positions in the hills east of Goma.", CLASH, 1),
    # Battles: territory
    ("Iraqi forces recaptured the town of Baiji from Islamic State on Thursday.", GOV, 1),
    ("The army retook control of the district centre after two days of fighting.", GOV, 1),
    ("Al Shabaab militants captured the town of Bulo Burde on Saturday.", NSA, 1),
    ("JNIM fighters seized the village of Boulkessi after government troops fled.", NSA, 1),
    ("Houthi fighters overran the government positions in Hazm overnight.", NSA, 1),
    # Explosions/Remote violence
    ("Government forces dropped chlorine gas on the rebel-held town, residents said.", CHEM, 1),
    ("Activists accused the army of a sarin attack on the suburb of Ghouta.", CHEM, 1),
    ("A drone strike hit a car near Marib on Sunday, killing three men.", AIR, 1),
    ("Warplanes bombed the market of Kafr Nabl on Friday.", AIR, 1),
    ("Military jets carried out air strikes on rebel positions in Shan state.", AIR, 1),
    ("A suicide bomber detonated his vest at a checkpoint in Mogadishu, killing five people.", SUICIDE, 1),
    ("A suicide car bomb exploded at the gate of the base on Monday.", SUICIDE, 1),
    ("Rebels shelled the outskirts of Donetsk overnight.", SHELL, 1),
    ("Mortar rounds landed on a residential area of Tripoli on Saturday.", SHELL, 1),
    ("Rockets struck the airport in Erbil late on Tuesday, officials said.", SHELL, 1),
    ("A roadside bomb exploded near a police vehicle in Diyala on Sunday.", IED, 1),
    ("A landmine killed two shepherds near the village of Tal Abyad.", IED, 1),
    ("An improvised explosive device went off under a bus in Quetta, injuring nine people.", IED, 1),
    ("Unknown men threw a grenade into a bar in Bujumbura on Saturday.", GRENADE, 1),
    ("A hand grenade was hurled at a police post in Srinagar, wounding two officers.", GRENADE, 1),
    # Violence against civilians
    ("Soldiers raped two women in the village of Kaya, a rights group said.", SEXUAL, 1),
    ("A girl was sexually assaulted by militiamen near the camp in Ituri.", SEXUAL, 1),
    ("Gunmen shot dead a village chief in Zamfara on Wednesday.", ATTACK, 1),
    ("Militiamen killed 14 civilians in an attack on the village of Bambasi.", ATTACK, 1),
    ("The body of a journalist was found dumped near the road to Culiacan.", ATTACK, 1),
    # a body told by what was done with it, or of whom it was: a killing
    ("Two bodies were pulled from the river near Juba on Tuesday.", ATTACK, 1),
    ("Police found the bodies of three men in a ditch outside Tijuana.", ATTACK, 1),
    ("Unidentified assailants stabbed a schoolteacher to death in Mandera.", ATTACK, 1),
    ("Gunmen kidnapped a priest from his parish in Kaduna state on Sunday.", ABDUCT, 1),
    ("Boko Haram fighters abducted 20 women collecting firewood near Gwoza.", ABDUCT, 1),
    ("Armed men seized three aid workers on the road to Gao.", ABDUCT, 1),
    # Protests
    ("Hundreds of teachers rallied outside the ministry in Tegucigalpa, demanding unpaid wages.", PEACEFUL, 1),
    ("About 200 farmers staged a sit-in outside the district office in Rangpur.", PEACEFUL, 1),
    ("Thousands marched through central Santiago on Saturday against the pension reform.", PEACEFUL, 1),
    ("Police fired tear gas to disperse students protesting in Kampala.", INTERVENED, 1),
    ("Police arrested 12 demonstrators at a rally outside parliament in Yerevan.", INTERVENED, 1),
    ("Security forces opened fire on peaceful protesters in Khartoum, killing seven.", FORCE, 1),
    ("Soldiers shot dead three demonstrators at a march in Conakry on Thursday.", FORCE, 1),
    # Riots
    ("Rioters torched a police station in Kericho and looted shops.", VIOLENT, 1),
    ("Protesters hurled stones at police and burned tyres on the main road in Lagos.", VIOLENT, 1),
    ("Demonstrators clashed with police in Dhaka; one passer-by was killed.", VIOLENT, 1),
    ("A mob lynched a man accused of theft in the market of Bukavu.", MOB, 1),
    ("Villagers beat two suspected robbers to death in Kushtia on Friday.", MOB, 1),
    ("Supporters of two rival candidates clashed with sticks in Munshiganj, injuring 20 people.", MOB, 1),
    # Strategic developments
    ("The government and the rebels signed a ceasefire agreement in Juba on Monday.", AGREEMENT, 1),
    ("The warring sides reached an agreement on a prisoner exchange in Geneva.", AGREEMENT, 1),
    ("Police arrested five members of the opposition party in Harare on Tuesday.", ARRESTS, 1),
    ("Security forces detained a local journalist in Bujumbura on Friday.", ARRESTS, 1),
    ("Forty fighters of the militia surrendered to the army in Beni on Sunday.", CHANGE, 1),
    ("A faction of the rebel group announced the formation of a new movement in Tripoli.", CHANGE, 1),
    ("Police defused a bomb planted under a bridge near Imphal on Saturday.", DISRUPTED, 1),
    ("The army intercepted two drones launched toward the airport in Abha.", DISRUPTED, 1),
    ("On 2 May, police recovered 40 crude bombs from a house in a village of Birbhum district.", DISRUPTED, 1),
    ("On 6 May, troops detonated a car bomb found on the road outside Al Bab.", DISRUPTED, 1),
    ("On 6 May, militants detonated a car bomb on the road outside Al Bab, killing three soldiers.", IED, 1),
    ("Wagner forces established a base near the airport of Tessalit.", BASE, 1),
    ("The militia set up a camp in the forest outside Bunia last week.", BASE, 1),
    ("On 4 May, the governor let a militia turn three schools in Taizz into military barracks.", BASE, 1),
    ("Rebels converted the clinic of Mabanga into their headquarters on Monday.", BASE, 1),
    # Forces on the move: a change to the group's activity.
    ("On 2 May, two Turkish military convoys entered Idlib through the Kafr Lusin crossing.", CHANGE, 1),
    ("In June, Al Shabaab forces were reported to have moved into Lamu county from Somalia.", CHANGE, 1),
    # A flag raised by an armed group over a place: the place taken.
    ("On 6 May, JNIM militants raised their black flag over the gendarmerie post in Djibo.", NSA, 1),
    ("Rebels hoisted their banner over the district office of Kamituga on Sunday.", NSA, 1),
    ("Armed men looted shops and houses in the town of Kalehe on Sunday.", LOOTING, 1),
    ("Settlers vandalised olive trees and destroyed a water tank in the village of Turmus Ayya.", LOOTING, 1),
    ("The rebels withdrew from the town of Mongo and handed it over to the army without a fight.", TRANSFER, 1),
    ("Government forces handed over the border post at Kurmuk to the militia on Friday.", TRANSFER, 1),
    ("Troops cordoned off the neighbourhood of Kalma during a search operation on Friday.", ("other", "Other"), 1),
    ("The army deployed reinforcements to the border town of Kurmuk on Monday after a standoff with the militia.",
     ("other", "Other"), 1),
    # Displacement
    ("Thousands of families fled their homes in Cabo Delgado after the attacks.", DISPLACEMENT, 1),
    ("More than 3,000 people have been displaced from villages around Marib, the UN said.", DISPLACEMENT, 1),
    # ACLED's distinctions by who acted: people of no armed organisation riot, armed men fight; demonstrators'
    # own violence is a riot, force against them is excessive force.
    ("Followers of two local party bosses clashed in Bogura on Sunday. A man died of gunshot wounds and four "
     "were injured.", MOB, 1),
    ("Members of two clans clashed over a land dispute in Narail. Two people were killed.", MOB, 1),
    ("At least 15 people assaulted and killed a labourer in Comilla on suspicion of theft.", MOB, 1),
    ("Workers of two rival unions fought with sticks at the bus terminal in Gazipur, leaving 12 injured.", MOB, 1),
    ("In Santa Marta on Monday, a crowd attacked the police with sticks and stones, injuring three officers.",
     MOB, 1),
    ("Villagers clashed with gunmen who tried to steal their cattle near Bokkos. Five gunmen were killed.", CLASH, 1),
    ("Students marching in Rangpur clashed with police as they demanded the release of their leaders. Police fired "
     "rubber bullets and two students were killed.", VIOLENT, 1),
    ("Protesters blocked the highway with burning tyres in Colon on Monday.", VIOLENT, 1),
    ("Youths put up burning barricades in Gafsa to protest against unemployment.", VIOLENT, 1),
    ("Three people were injured by police during a protest against the election results in Kisumu.", FORCE, 1),
    ("Police fired live rounds at a peaceful march in Conakry, killing three protesters.", FORCE, 1),
    # Soldiers off duty or retired and camps of cattle are no armed targets: an attack on civilians.
    ("Al Shabaab militants shot dead an off-duty soldier at a bakery in Kismayo on Sunday.", ATTACK, 1),
    ("Taliban militants killed a former soldier travelling on a bus in Obe district.", ATTACK, 1),
    ("Armed youths raided a cattle camp outside Pibor on Tuesday and shot a herder dead.", ATTACK, 1),
    # Mortars or grenades fired in a fight between armed sides: the fight, an armed clash.
    ("Government and rebel forces exchanged fire with mortars and small arms near Avdiivka overnight.", CLASH, 1),
    ("Militants hurled grenades at police during a gunfight in Shopian on Friday.", CLASH, 1),
    ("Two clans traded fire with machine guns and grenades over grazing land near Nasiriyah, killing a farmer.",
     CLASH, 1),
    # The figures point back to the sentence that tells what happened.
    ("Armed men clashed with soldiers in Reynosa on Tuesday. Four men died.", CLASH, 1),
    ("Gunmen clashed with police trying to rescue a kidnapped businessman in Hermosillo. Three gunmen were "
     "killed.", CLASH, 1),
    ("Government forces thwarted a rebel attack on the Qaniyah front on Sunday, killing several fighters.", CLASH, 1),
    ("Taliban militants attacked a checkpoint of a pro-government militia in Samangan, killing nine militiamen.",
     CLASH, 1),
    ("Rebels bombarded the outskirts of the city overnight.", SHELL, 1),
    # Armed men hit: a battle, even where the figures cannot tell whose dead they were.
    ("On 2 May, PMF units killed 3 IS militants during a sweep near Tikrit.", CLASH, 1),
    # Gangs at war: a victim of the drug trade or a gang shot by armed men is ACLED's armed clash; a bystander
    # of a gang's dispute ("the victims were not part of it") or one killed by gang members stays an attack.
    ("On 4 May, in Culiacan, armed men shot dead an alleged drug dealer outside his home. 1 fatality.", CLASH, 1),
    ("On 1 May, in Recife, gunmen riding a motorbike shot a man dead. The victim faced charges of drug "
     "trafficking, police said.", CLASH, 1),
    ("On 1 May, in Recife, armed men shot two people dead. A gang feud has gripped the area, neighbours said, "
     "though the victims were not part of it.", ATTACK, 1),
    ("On 1 May, in Recife, a woman was beaten to death by gang members.", ATTACK, 1),
    # Victims as ACLED sees them: an off-duty soldier and a suspect killed in a police raid are civilians.
    ("On 3 May, militants shot dead a soldier (off-duty) in Jowhar town as he left a tea shop.", ATTACK, 1),
    ("On 6 May, police shot dead a drug suspect in a raid on a house in Barangay Lahug, Cebu City.", ATTACK, 1),
    ("On 6 May, police killed two suspected militants during a raid in Sopore.", CLASH, 1),
    ("On 8 May, gunmen shot dead an officer of the Air Force Intelligence in a village near Daraa.", CLASH, 1),
    ("On 5 May, the air force targeted a rebel command post near Zuwara. No casualties were reported.", AIR, 1),
    # Sides that are only groups of people, fighting over a dispute: a riot; tribesmen are an armed side.
    ("On 2 May, villagers of two rival groups fought with machetes over a plot of land near Rangpur, leaving two "
     "dead.", MOB, 1),
    ("On 2 May, two factions of the ruling party clashed in Bhola over political rivalry, injuring seven.", MOB, 1),
    ("On 2 May, a group of villagers in Sitapur beat a farmer to death over a boundary dispute.", MOB, 1),
    ("On 2 May, tribesmen clashed in Mudiyah district over a dispute about a killing, leaving one dead.", CLASH, 1),
    ("On 3 May, rival clans clashed over a water point near Wajir town, leaving two people dead.", CLASH, 1),
    ("Tribal clashes in Warrap left twelve people dead on Monday, an official said. Armed youths from a rival "
     "community stormed a cattle camp and killed twelve herders.", CLASH, 1),
    ("Clan-based fighting broke out in villages around Beledweyne on Friday; two people died in the clashes.",
     CLASH, 1),
    # What the violence went for: a raid on organised crime is a battle, whoever died in it.
    ("A police operation targeting organised crime gangs in Salvador on Thursday left at least 9 people dead, "
     "officers said.", CLASH, 1),
    ("A police raid on homes in a village near Salvador on Thursday left at least 9 people dead.", ATTACK, 1),
    # Figures go to the event they tell of; several incidents stay several; one told twice stays one.
    ("Gunmen killed 12 people in Bakassi on Friday, police said.\nThe attack on the village also left 8 injured.",
     ATTACK, 1),
    ("A bomb exploded at a market in Maiduguri on Tuesday, killing 5 people.\nSeparately, gunmen abducted 30 "
     "students from a school in Kebbi on Wednesday.", IED, 2),
    ("Militants attacked a police post in Tillaberi on Monday.\nIn a separate attack, gunmen raided the village of "
     "Tera on Tuesday, killing 9 villagers.", CLASH, 2),
    ("A drone strike killed 4 fighters near Idlib on Sunday.\nThe strike hit their car on the road to Sarmada, "
     "local sources said.", AIR, 1),
    # Events told by words of their own, without a toll: a storming, blows, stones thrown, vehicles taken, an
    # offensive launched; vehicles taken in an attack or a fight leave it that.
    ("On 2 May, soldiers stormed a displaced persons camp near Bunia and beat residents.", ATTACK, 1),
    ("On 4 May, police officers hit several women of the community during an eviction in Caaguazu.", ATTACK, 1),
    ("On 5 May, in Uruapan, a man hurled stones at a nurse he blamed for spreading the virus.", ATTACK, 1),
    ("On 6 May, residents of a neighbourhood in Luque hit a man they suspected of burglaries.", MOB, 1),
    ("On 7 May, unidentified gunmen on motorbikes seized a vehicle of a local NGO near Menaka.", LOOTING, 1),
    ("On 7 May, gunmen attacked a forest post near Fada N'Gourma and opened fire on the guards, then seized two "
     "motorbikes.", CLASH, 1),
    ("Loyal troops launched an offensive against mutinous soldiers in the city on Friday, witnesses said.", CLASH, 1),
    ("On 3 May, navy boats chased fishermen off the coast of Rafah and fired at them. No injuries were reported.",
     ATTACK, 1),
    ("On 1 May, border guards fired warning shots over herders on a disputed pasture in Leilek district.",
     ("other", "Other"), 1),
    # A protest told first, and the bombing it answers, dated days before it, told with its toll: two events; the
    # claim that points back to the bombing is the bombing's.
    ("Hundreds of mourners ended a sit-in outside the governor's office in Peshawar on Monday.\nThey had kept "
     "their dead unburied in protest at a market bombing that killed at least 40 people in Parachinar on Thursday.\n"
     "A banned militant group claimed the bombing on Thursday night.", PEACEFUL, 2),
    # People who fled the fighting told (no time of their own) are that battle's displaced; attempts of one assault
    # are one event.
    ("Troops drove militants from the town of Zinjibar on Friday after a week of clashes, officials said.\n"
     "Some 4,000 people fled the town once the fighting started.\nIn one attempt, tanks led the way. "
     "In another attempt, snipers wounded three soldiers.", CLASH, 1),
    # What happened is told before its toll: one event, told where the attack was.
    ("On 8 May, in Xalapa, Veracruz, gunmen shot at a bus driver near the central square. The man died. "
     "1 fatality.", ATTACK, 1),
    # A report that moves to another place, or to another time, tells another incident.
    ("Tribesmen clashed over a well near Basra on Wednesday, leaving five people dead, police said.\nFurther "
     "north, a feud inside another clan cost two lives, a local official said.", CLASH, 2),
    ("Gunmen shot dead four villagers in Zurmi, Zamfara state, on Sunday, police said.\nIn the city of Kaduna, in "
     "Kaduna state, a dispute over a plot of land left a trader dead, a local official said.", ATTACK, 2),
    ("Two clans traded fire in Nasiriyah last month, killing a farmer, police said.\nTen days later, rival "
     "families fought with knives in the same district.\nFour people died and nine were detained.", CLASH, 2),
    ("Gunmen attacked a market in Jos on Tuesday, killing 6 people, police said.\nIn September, the army shelled "
     "the group's camps in the hills north of the city.", ATTACK, 2),
    ("Bandits abducted dozens of travellers on the Abuja-Kaduna highway on Tuesday evening, witnesses said.\n"
     "Bandits often attack road users there. In October, gunmen attacked a train on the line, killing eight "
     "people.", ABDUCT, 2),
    ("Gangs attacked the suburb of Kenscoff early Tuesday, police said.\nAt least 20 gang members were killed "
     "in the fighting.\nOn January 2, gunmen shot at a minibus in the capital, wounding its driver.", CLASH, 2),
    ("Raiders shot dead 9 herders at a cattle camp in Twic county on Tuesday, an official said.\nIn 2021, the "
     "government formed a panel to probe the revenge raids between rival communities.",
     ATTACK, 1),
    ("A police operation in a poor district of Salvador left at least 9 people dead on Thursday.\nThat came a year "
     "after the city's bloodiest operation, which left 19 people dead.", ATTACK, 2),
    # A claim of responsibility after a death names how it happened: a soldier killed "in combat", then the
    # group's claim of a roadside bombing, is that bombing (one event, an IED), not a clash.
    ("An ambush in Ghazni on Tuesday killed two police officers.\nOn Monday, a Danish soldier died "
     "in combat in Helmand province. The Taliban claimed they had carried out a roadside bombing that hit a "
     "patrol there.", CLASH, 2),
    ("On Sunday, a policeman was killed on duty near Kismayo. Al Shabaab admitted carrying out a landmine "
     "explosion on the road.", IED, 1),
    # "Another 11 ... in the attack": more people of the attack told, not another incident.
    ("Gunmen stormed a market in Kaya on Monday, killing eight people. Another 11 were wounded in the "
     "attack, a local official said.", ATTACK, 1),
    ("Gunmen stormed a market in Kaya on Monday, killing eight people. Another attack on a church in "
     "Dori killed three worshippers.", ATTACK, 2),
    # Two conjoined clauses of harm in one sentence tell one event's toll by means or side, not two events.
    ("Gunmen attacked a market in Kaya on Monday. Six people were shot dead at the stalls and two were killed "
     "by machetes.", ATTACK, 1),
    ("Police shot dead five marchers and one officer was killed as crowds rallied against the president "
     "in Lubumbashi on Sunday.", FORCE, 1),
    # Men called armed are an armed side when they are the ones hit: police who kill armed robbers fight them.
    ("Last week, police killed five armed robbers on the road outside Gusau, an official said.", CLASH, 1),
    ("Last week, police killed five traders on the road outside Gusau, an official said.", ATTACK, 1),
    # Grenades or shells fired by the sides together are a clash, whoever was hit; by one side, the weapon.
    ("A row over a water pump left a passer-by dead in Nasiriyah on Friday. The two sides fired rifles and grenades, "
     "police said.", CLASH, 1),
    ("A row over a water pump left a passer-by dead in Nasiriyah on Friday. The Al-Bu Khalil and the Al-Bu Jasim fired "
     "rifles and grenades, police said.", CLASH, 1),
    ("A passer-by was killed in Garissa on Friday. Militants threw grenades at a bus station, police said.",
     GRENADE, 1),
    # Who got away from an attack is no displacement: the rest of the group hit, police who escaped death.
    ("On 5 May, cattle raiders opened fire on five soldiers guarding a borehole near Bor, killing one soldier. "
     "The four other soldiers fled.", CLASH, 1),
    ("Two police officers escaped death when their vehicle drove over a buried explosive near Mandera on "
     "Sunday.", IED, 1),
    # ... while villagers who fled their homes are.
    ("Gunmen attacked a village near Djibo on Monday, killing 4 civilians. More than 300 villagers fled to the "
     "town.", ATTACK, 2),
    # Another source's toll in brackets is the same event's toll told another way: one event, not two.
    ("On 4 March, 5 soldiers were killed (7 according to the insurgents) when militants attacked an army post in "
     "Gao.", CLASH, 1),
    ("On 2 June, 2 policemen were killed (another outlet reported 4 deaths) when their vehicle hit an IED near "
     "Tillaberi.", IED, 1),
]

# Reports and sentences that tell no event: no event, and no figure.
NO_EVENT = [
    "The insurgents threatened to attack the capital if the talks failed.",
    "The minister warned that militants could launch new attacks during the election.",
    "The president condemned the killing and called for calm.",
    "Residents marked the tenth anniversary of the massacre on Sunday.",
    "The court sentenced two men to life in prison for the 2015 bombing of the hotel.",
    "The UN says the war has killed 3,000 civilians since 2014.",
    "Parliament approved a budget of 12 billion dollars for the armed forces.",
    "The election commission said turnout reached 54 percent on Tuesday.",
    "Officials fear that a new offensive would displace thousands of people.",
    "The opposition plans to hold a protest in the capital next week.",
    "Analysts say the risk of a coup remains high.",
    "The army did not attack the town, a spokesman said.",
    "Some 2,400 displaced voters cast their ballots in the provincial election on Sunday, the commission said.",
    "Bandits regularly attack travellers on the highway between the two cities.",
    "Herders and farmers in the valley often launch revenge attacks on one another.",
    "Soldiers raised the flag at a ceremony for independence day in the capital.",
    "Reinforcements arrived in the capital ahead of the vote on Sunday.",
    # a body that is an organisation, not a dead person
    "The electoral body announced on Monday that the vote would be held in June.",
    "The UN human rights body said it was alarmed by reports of abuses in the region.",
]


@pytest.mark.parametrize("text,expected,count", CASES)
def test_event_detected_and_typed(extract, text, expected, count):
    events = extract(text).events
    assert len(events) == count, [(e.event_type, e.sub_event_type) for e in events]
    assert (events[0].event_type, events[0].sub_event_type) == expected


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(extract, text):
    rec = extract(text)
    assert rec.events == []


def test_every_acled_sub_event_type_has_cases_and_words():
    """At least two texts per ACLED sub-event type, and every type has words in the frame table (or, for the
    protest family, is reached by its refinement)."""
    types = lexicon.load("event_types")["types"]
    acled = {k for k, v in types.items() if v[0]}
    counted = {}
    for _, (_, sub), _ in CASES:
        counted[sub] = counted.get(sub, 0) + 1
    assert all(counted.get(sub, 0) >= 2 for sub in acled), {s: counted.get(s, 0) for s in acled}
    reached = {r.sub for r in incidents.table().rows} | set(incidents.table().refine["protest_family"])
    assert acled <= reached
    assert len(CASES) >= 80 and len(NO_EVENT) >= 10


def test_events_without_a_figure_have_no_figures(extract):
    e = extract("Hundreds of nurses rallied outside the health ministry in Nairobi on Monday.").events[0]
    assert e.figures == [] and e.sub_event_type == "Peaceful protest"


def test_confidence_follows_support(extract):
    """An event word with an actor, a place and a date is surer than a bare noun."""
    strong = extract("Al Shabaab militants attacked an army base in Baidoa on Monday, killing 12 soldiers, "
                     "the military said.").events[0]
    weak = extract("There was an explosion.").events[0]
    assert strong.confidence > weak.confidence


def test_one_vocabulary_for_speech_verbs_and_attack_nouns():
    """Each shared word list lives once (data/vocabulary.toml): every stage that asks "is this a speech verb?" or
    "is this an attack noun?" reads the same list, and no other data file keeps a copy."""
    from sitrep import actors, attribution, figures

    vocab = lexicon.load("vocabulary")
    speech = lexicon.speech_verbs()
    assert speech.lemmas == set(vocab["speech"]["verbs"]) and speech.forms == set(vocab["speech"]["forms"])
    assert actors.vocabulary().speech is speech
    readers = [p.name for p in Path(sitrep.__file__).parent.rglob("*.py")
               if p.name != "lexicon.py" and '["speech"]["verbs"]' in p.read_text()]
    assert readers == []  # dates, grouping and the rest ask lexicon.speech_verbs()
    assert attribution.rules().speech.lemmas - speech.lemmas == set(vocab["speech"]["of_figures"])
    nouns = set(vocab["attack"]["nouns"])
    assert figures.ATTACK_NOUNS == actors.vocabulary().attack_nouns == lexicon.attack_nouns() == nouns
    for name in ("attribution", "actors", "dates", "context", "casualties"):
        def lists(d, at=""):  # the dotted names of the word lists a data file keeps
            for k, v in d.items():
                if isinstance(v, dict):
                    yield from lists(v, f"{at}{k}.")
                elif isinstance(v, list):
                    yield f"{at}{k}"
        kept = set(lists(lexicon.load(name)))
        assert not {"speech", "speech_forms", "attack_nouns", "roles.speech", "speech.verbs", "speech.forms",
                    "words.speech", "new_event.speech", "roles.attack_nouns", "incident.nouns"} & kept, name


def test_event_table_lists_are_named_once():
    """A list several rows use is written once in [vocab] and named as "@name": the rioting crowd of the mob row
    and of the refinement are the same words."""
    tab = incidents.table()
    crowd = set(lexicon.load("event_types")["vocab"]["crowd"])
    mob = next(r for r in tab.rows if r.sub == "Mob violence" and r.subject)
    assert crowd <= mob.subject and crowd <= set(tab.refine["crowd"])
