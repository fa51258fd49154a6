"""Phrase -> figures: the SPEC §2 range table, number words, casualty words, traps, negation, tallies.

Every text here is written by us. Each row states what a careful analyst would code from the sentence alone.
"""
from __future__ import annotations

import pytest

from tests.conftest import live_figures, triples

K, I, D, A, R, M = "killed", "injured", "displaced", "abducted", "arrested", "missing"

RANGES = [
    # exact and approximate: min = max
    ("Gunmen killed 12 villagers in the raid on Tuesday.", {(K, 12, 12)}),
    ("About 25 people were killed in the fighting.", {(K, 25, 25)}),
    ("Approximately 3,000 people fled their homes after the clashes.", {(D, 3000, 3000)}),
    ("Some 70 fighters died in the battle for the bridge.", {(K, 70, 70)}),
    ("Around a dozen police officers were injured by stones.", {(I, 12, 12)}),
    ("Roughly 400 people were displaced by the offensive.", {(D, 400, 400)}),
    ("An estimated 12,000 people have fled the town since Monday.", {(D, 12000, 12000)}),
    ("Twenty-five people were killed when the convoy was ambushed.", {(K, 25, 25)}),
    ("Two hundred villagers fled into the forest.", {(D, 200, 200)}),
    # lower bounds
    ("At least 30 people died when the bus struck a landmine.", {(K, 30, None)}),
    ("More than 40 soldiers were killed in the ambush.", {(K, 40, None)}),
    ("Over 150 people were wounded in the market bombing.", {(I, 150, None)}),
    # upper bounds
    ("The attack killed up to 80 worshippers.", {(K, None, 80)}),
    ("As many as 1,500 residents fled the district overnight.", {(D, None, 1500)}),
    ("Nearly 60 people were wounded in the blast.", {(I, None, 60)}),
    ("Almost 300 civilians were displaced by the shelling.", {(D, None, 300)}),
    ("Fewer than ten people were hurt in the stampede at the checkpoint.", {(I, None, 10)}),
    # ranges
    ("Between 20 and 30 people were killed in the raid.", {(K, 20, 30)}),
    ("Ten to 15 civilians were killed in the shelling.", {(K, 10, 15)}),
    ("Two or three people were injured by the grenade.", {(I, 2, 3)}),
    # vague words with conventional bounds
    ("Dozens of people were wounded in the blast.", {(I, 24, None)}),
    ("Scores of villagers were killed in the massacre.", {(K, 40, None)}),
    ("Hundreds of people fled the fighting on Sunday.", {(D, 200, None)}),
    ("Thousands were displaced by the army's offensive last week.", {(D, 2000, None)}),
    ("Tens of thousands of people fled the city in the past week.", {(D, 20000, None)}),
    # vague words with no number: no figure
    ("Several people were killed in the attack.", set()),
    ("Many civilians were injured when the shells landed.", set()),
    ("A number of soldiers were wounded in the clash.", set()),
    # zero
    ("No one was hurt in the explosion.", {(I, 0, 0)}),
    ("Nobody was killed when the rocket hit the school.", {(K, 0, 0)}),
    ("No civilians were killed in the strike, the army said.", {(K, 0, 0)}),
    # the hedge binds to the first number only
    ("At least four people were killed and 16 injured in the blast.", {(K, 4, None), (I, 16, 16)}),
]

CATEGORIES = [
    ("Militants executed nine prisoners in the square.", {(K, 9, 9)}),
    ("Medics said more than 30 people were treated for gunshot wounds.", {(I, 30, None)}),
    ("Doctors treated 40 people for gunshot wounds.", {(I, 40, 40)}),
    ("A drone strike hit a house on Sunday, killing a family of five, residents said.", {(K, 5, 5)}),
    ("Separatist fighters stormed a school and took away at least 30 students.", {(A, 30, None)}),
    ("Police took away 12 bodies from the scene.", {(K, 12, 12)}),
    ("Twelve people were hospitalised with injuries after the blast.", {(I, 12, 12)}),
    ("The bodies of 18 men were found near the river.", {(K, 18, 18)}),
    ("The car bomb left 12 dead outside the ministry.", {(K, 12, 12)}),
    ("Eight soldiers were shot dead at the checkpoint.", {(K, 8, 8)}),
    ("Seventeen civilians were massacred in the village.", {(K, 17, 17)}),
    ("Four hostages were beheaded by the group.", {(K, 4, 4)}),
    ("The death toll from the bombing rose to 45.", {(K, 45, 45)}),
    ("Officials put the death toll at 31.", {(K, 31, 31)}),
    ("Hospital staff reported 22 deaths after the air raid.", {(K, 22, 22)}),
    ("Gunmen abducted 30 bus passengers on the highway.", {(A, 30, 30)}),
    ("Seven aid workers were kidnapped near the camp.", {(A, 7, 7)}),
    ("About 20 people were taken hostage in the raid.", {(A, 20, 20)}),
    ("Police arrested 45 protesters outside parliament.", {(R, 45, 45)}),
    ("Eleven fishermen are still missing after the attack on their boat.", {(M, 11, 11)}),
    ("The fighting forced 5,000 people to flee.", {(D, 5000, 5000)}),
    ("The raid drove 800 people from their homes.", {(D, 800, 800)}),
    ("Some 900 people were made homeless when militias torched the camp.", {(D, 900, 900)}),
    ("4,000 displaced people arrived in the provincial capital.", {(D, 4000, 4000)}),
    ("A policeman was killed in the ambush.", {(K, 1, 1)}),
    ("A child was injured by shrapnel.", {(I, 1, 1)}),
    ("The strike killed a senior commander of the group.", {(K, 1, 1)}),
]

MORE_WORDING = [
    ("Twenty people lost their lives in the attack on the convoy.", {(K, 20, 20)}),
    ("The explosion claimed the lives of 14 workers.", {(K, 14, 14)}),
    ("The blast killed five, including two children.", {(K, 5, 5)}),
    ("The raid left 30 people dead and dozens more wounded.", {(K, 30, 30), (I, 24, None)}),
    ("Nigeria: 40 killed in attack on farming community", {(K, 40, 40)}),
    ("Blast kills 12 at crowded bus station", {(K, 12, 12)}),
    ("The number of dead rose to 31 on Wednesday, officials said.", {(K, 31, 31)}),
    ("Twelve people are feared dead after the boat was shelled.", {(K, 12, 12)}),
    ("More than a dozen police officers were wounded.", {(I, 12, None)}),
    ("A 25-year-old man was killed by a sniper.", {(K, 1, 1)}),
    ("The 17 wounded were taken to the district hospital.", {(I, 17, 17)}),
    ("Some 2,000 people abandoned their homes as the fighting approached.", {(D, 2000, 2000)}),
    ("The five injured were evacuated to a hospital in the capital.", {(I, 5, 5)}),
    ("Meanwhile, the death toll from Sunday's bombing rose to 52.", {(K, 52, 52)}),
    ("In addition, 20 people were injured in the stampede that followed.", {(I, 20, 20)}),
]

# "N of them" of a group told without a number is the count of the harmed; after a count it is a part of it.
PART_OF_A_GROUP = [
    ("Gunmen stopped a minibus of traders on Monday, shooting at least six of them dead by the road.", {(K, 6, None)}),
    ("Soldiers raided a hideout of the rebels in the hills, killing 4 of them in an exchange of fire.", {(K, 4, 4)}),
    ("A bomb hit a patrol of border guards near the river, killing 3 of them and wounding 2 others.",
     {(K, 3, 3), (I, 2, 2)}),
    ("Eleven villagers were killed in the raid. Four of them were children.", {(K, 11, 11)}),
    ("Gunmen killed 12 people in the night. Police said five of them were traders.", {(K, 12, 12)}),
]

# A word of a cumulative tally inside a name ("the Daily Herald") is part of the name, not a window of time.
TALLY_WORD_IN_A_NAME = [
    ("A reporter for the Daily Herald was shot dead outside his home on Tuesday.", {(K, 1, 1)}),
    ("Three staff of the Daily Courier newspaper were injured when gunmen attacked the office.", {(I, 3, 3)}),
]

# One victim whose clause the parser lost: the sentence is parsed as one noun phrase, and "was killed" takes the
# newspaper's name (no person) as subject; the root noun, a person told before it, is the victim.
LOST_SUBJECT = [
    ("A respected editor working for the opposition weekly newspaper Dunavska Pravda was killed in central Ruse by a "
     "gunman waiting outside his flat.", {(K, 1, 1)}),
]

# A count after "and" that the parser hung inside the first victim's phrase is the harm verb's further object.
COORDINATED_OBJECTS = [
    # the victim and the counted people killed with him are one toll (five), however the parser hung the count
    ("A drone strike killed a mayor allied with the insurgents and four members of his staff in the port city on "
     "Tuesday.", {(K, 5, 5)}),
    ("Gunmen raided a gold mine in the hills killing 9 diggers and traders and three police escorts.",
     {(K, 9, 9), (K, 3, 3)}),
    ("Police killed 3 suspects and arrested 10 others in the raid.", {(K, 3, 3), (R, 10, 10)}),
]

# Words the tagger misreads: "a civilian" taken for an adjective is one person; "that one man" after a
# complementizer is a count, not the pronoun "that one".
TAGGER_MISREADS = [
    ("Masked men shot and killed a civilian walking home from the fields near the river.", {(K, 1, 1)}),
    ("Witnesses reported that one boy drowned and a woman was wounded when the boat was fired upon.",
     {(K, 1, 1), (I, 1, 1)}),
    ("Residents said that one woman was wounded by the shelling.", {(I, 1, 1)}),
]

# "the death of X" holds a victim when told as the event's outcome, not as a motive or a background.
DEATH_AS_OUTCOME = [
    ("Two militias traded gunfire near a water point, resulting in the death of its owner.", {(K, 1, 1)}),
    ("The dispute over grazing land led to the death of the herder, police said.", {(K, 1, 1)}),
    ("Traders shut their stalls across the town, protesting the death of their union leader in detention.", set()),
]

# A headline's bare singular victim ("Gunmen kill farmer") is one person.
HEADLINE_VICTIMS = [
    ("Gunmen kill villager in night raid on farm", {(K, 1, 1)}),
    ("Armed men kill teacher, injure student in Kaduna", {(K, 1, 1), (I, 1, 1)}),
    ("Roadside blast kills police officer near Jalalabad", {(K, 1, 1)}),
]

# Coders' shorthand: "N killed" before a thing told aside or before another count with its own participle, and a
# participle right after the counted noun whatever the parse; a count before a verb with people as its object is
# the perpetrators.
CODED_SHORTHAND = [
    ("4 killed (spears) during the cattle raid.", {(K, 4, 4)}),
    ("2 killed 5 injured. Details not specified.", {(K, 2, 2), (I, 5, 5)}),
    ("Bandits fought a vigilante group near the river, resulting in 3 vigilantes killed and 1 bandit wounded.",
     {(K, 3, 3), (I, 1, 1)}),
    ("Two gunmen killed a priest in the chapel on Sunday.", {(K, 1, 1)}),
]

# A passive subject shared by harm verbs of different categories counts each.
SHARED_PASSIVE = [
    ("Three villagers including a former chief were kidnapped and killed by militants in the town.",
     {(A, 3, 3), (K, 3, 3)}),
    ("Two teachers were abducted and later released by the gang.", {(A, 2, 2)}),
]

# A hedge the parser takes for a noun or a preposition still leaves the count in its place on the verb.
HEDGE_PARSED_AS_PHRASE = [
    ("A total of 85 people were injured in the clashes, the health ministry said.", {(I, 85, 85)}),
    ("Troops killed a total of 14 fighters near the border on Sunday.", {(K, 14, 14)}),
    ("The suicide bomber killed 31 people and wounded close to 60 others at the rally.", {(K, 31, 31), (I, None, 60)}),
    ("Militants wounded close on 40 villagers in the raid.", {(I, None, 40)}),
    ("A total of 9 soldiers died when the convoy was ambushed.", {(K, 9, 9)}),
]

TRAPS = [
    ("A 7-year-old boy was among those hurt, and 3 people were injured.", {(I, 3, 3)}),
    ("The army deployed 3,000 troops to the region after the attack.", set()),
    ("The fighting lasted three days and spread to two districts.", set()),
    ("Rebels seized 12 villages in the north.", set()),
    ("The kidnappers demanded $2 million for the release of the engineers.", set()),
    ("Turnout was 60 percent in the disputed vote.", set()),
    ("In 2014 the city fell to the militants.", set()),
    ("Twelve vehicles were destroyed in the convoy.", set()),
    ("The 40-year-old commander survived the attack.", set()),
    ("The mission has 17,000 peacekeepers and a budget of $1.2 billion.", set()),
    ("Some 300 air strikes were carried out against the group last year.", set()),
    ("About 50 gunmen on motorbikes stormed the village at dawn.", set()),
    ("The ceasefire was signed on 12 March after 18 months of talks.", set()),
    ("The victims, aged 15 to 60, were buried on Friday.", set()),
    ("The health ministry says the death toll in the war has reached 34,000.", set()),
    ("Route 6 was closed after the attack, and Resolution 2334 was cited by diplomats.", set()),
    ("Three bombs exploded within 30 minutes of each other, but nobody was killed.", {(K, 0, 0)}),
]

HYPOTHETICAL_AND_NEGATED = [
    ("The governor warned that thousands could be killed if the dam failed.", set()),
    ("The rebels threatened to kill 20 hostages unless their demands were met.", set()),
    ("Aid groups fear the disease could kill hundreds in the camps.", set()),
    ("The militia vowed to kill every soldier it captured.", set()),
    ("The army said 14 of its soldiers were not killed but captured.", set()),
]

TALLIES = [
    ("More than 6,000 people have been killed since the conflict began in 2017.", set()),
    ("So far this year, 120 journalists have died in the country.", set()),
    ("An average of 30 people die each day in the violence.", set()),
    ("Over two million people have fled the country since the war started.", set()),
    ("The conflict has cost more than 3,000 lives and forced half a million people to flee.", set()),
    # a comparison with the conflict is no tally of it
    ("Air strikes killed 492 people on Monday, the deadliest day of the conflict since 2006.", {(K, 492, 492)}),
    # a country's displaced population is a stock, not an event's figure
    ("The agency said the total number of displaced people in the country now stood at over 360,000.", set()),
    # the insurgency is the subject of the relative clause
    ("The country has been battling an insurgency since 2015 that has killed more than 20,000 people.", set()),
]

STRUCTURE = [
    # a breakdown introduced by "including" is not its own figure
    ("Twenty people were killed, including five children.", {(K, 20, 20)}),
    # "two more" in the same sentence adds to the count before it
    ("Three soldiers died in the first blast and a second explosion killed two more.", {(K, 5, 5)}),
    # a revised toll supersedes the earlier one
    ("Officials had initially said 12 people were killed. The toll later rose to 19.", {(K, 19, 19)}),
    # the same figure said twice is one figure, with the widest range
    ("Up to 500 people were killed. \"500 people have been killed,\" the mayor said.", {(K, None, 500)}),
    # counts by side in one clause are separate figures
    ("Five police officers and 15 Taliban fighters were killed in the clash.", {(K, 5, 5), (K, 15, 15)}),
    # a headline total over its breakdown told after it is one figure said twice: the open bound of a part stays
    ("30 killed in raids on two army posts\nAt least 12 soldiers and 18 attackers were killed in raids on two army "
     "posts in the north, officials said.", {(K, 30, None)}),
    # ... but a total told after its parts is a deliberate sum, exact
    ("At least 12 soldiers and 18 attackers were killed in the raids. Fatalities coded as 30.", {(K, 30, 30)}),
    # an earlier event told again ("earlier ... the same gunmen") keeps its figures to itself
    ("Gunmen killed eleven passengers after stopping a bus on Saturday. Earlier, the same gunmen killed three people "
     "and wounded five in a car. Police found eleven bodies near the road. Earlier on Saturday, the same gunmen had "
     "fired at a car, killing three and wounding five.", {(K, 11, 11), (K, 3, 3), (I, 5, 5)}),
]


@pytest.mark.parametrize("text,expected", RANGES + CATEGORIES + MORE_WORDING + HEDGE_PARSED_AS_PHRASE + PART_OF_A_GROUP
                         + TALLY_WORD_IN_A_NAME + LOST_SUBJECT
                         + COORDINATED_OBJECTS + TAGGER_MISREADS
                         + DEATH_AS_OUTCOME + HEADLINE_VICTIMS
                         + CODED_SHORTHAND + SHARED_PASSIVE)
def test_figures_ranges_and_categories(extract, text, expected):
    assert triples(extract(text)) == expected


@pytest.mark.parametrize("text,expected", TRAPS)
def test_figures_traps_give_no_figure(extract, text, expected):
    assert triples(extract(text)) == expected


@pytest.mark.parametrize("text,expected", HYPOTHETICAL_AND_NEGATED + TALLIES)
def test_figures_hypotheticals_and_tallies(extract, text, expected):
    assert triples(extract(text)) == expected


@pytest.mark.parametrize("text,expected", STRUCTURE)
def test_figures_consolidation_within_report(extract, text, expected):
    assert triples(extract(text)) == expected


def test_figures_keep_household_unit(extract):
    rec = extract("As many as 1,500 families fled the district after the attack.")
    assert triples(rec) == set()
    assert triples(rec, unit="households") == {(D, None, 1500)}


@pytest.mark.parametrize(
    "text,victims",
    [
        ("Gunmen killed 12 civilians in the market.", "civilians"),
        ("Six soldiers were killed in the ambush.", "security_forces"),
        ("Troops killed 30 militants in the operation.", "militants"),
        ("Up to 500 people - both civilians and soldiers - were killed.", "mixed"),
        ("Twelve people were killed in the shelling.", "unknown"),
    ],
)
def test_figures_victims(extract, text, victims):
    figs = live_figures(extract(text))
    assert [f.victims for f in figs] == [victims]


def test_figures_superseded_stay_marked(extract):
    rec = extract("Officials had initially put the toll at 12. By evening the toll had risen to 20.")
    figs = [f for e in rec.events for f in e.figures]
    assert {(f.max, f.superseded) for f in figs} == {(12, True), (20, False)}


def test_figures_point_back_to_their_words(extract):
    text = "At least 19 people were killed and scores were injured in a mortar attack."
    rec = extract(text)
    for f in live_figures(rec):
        assert text[f.span.start : f.span.end] == f.text
    assert {f.text for f in live_figures(rec)} == {"At least 19", "scores"}


def test_figures_words_are_the_stated_number(extract):
    """A vague headline count folded into the stated number points to the number's words, not "Hundreds"."""
    rec = extract("Hundreds killed in raid on market\n\nThe raid killed more than 240 people, officials said.")
    (fig,) = live_figures(rec)
    assert (fig.min, fig.max, fig.text, len(fig.mentions)) == (240, None, "more than 240", 2)
