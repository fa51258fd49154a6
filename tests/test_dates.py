"""Dates: time words resolved against a pinned publication date (never the clock). Phrases written by us."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.dates import acled_time_precision, resolve
from sitrep.model import When

MON_18_MAY_2015 = date(2015, 5, 18)  # a Monday
FRI_25_MAR_2022 = date(2022, 3, 25)  # a Friday
WED_10_JAN_2024 = date(2024, 1, 10)  # a Wednesday

D = date

CASES = [
    # weekdays: the last such day on or before publication
    ("on Friday", MON_18_MAY_2015, D(2015, 5, 15), D(2015, 5, 15), "day"),
    ("Friday", MON_18_MAY_2015, D(2015, 5, 15), D(2015, 5, 15), "day"),
    ("on Sunday night", MON_18_MAY_2015, D(2015, 5, 17), D(2015, 5, 17), "day"),
    ("a weekend", MON_18_MAY_2015, D(2015, 5, 16), D(2015, 5, 17), "day"),  # "a weekend siege"
    ("11-12 May", MON_18_MAY_2015, D(2015, 5, 11), D(2015, 5, 12), "day"),
    # parts of a month or a year
    ("the first week of May", MON_18_MAY_2015, D(2015, 5, 1), D(2015, 5, 7), "week"),
    ("the last week of April", MON_18_MAY_2015, D(2015, 4, 24), D(2015, 4, 30), "week"),
    ("the end of April", MON_18_MAY_2015, D(2015, 4, 21), D(2015, 4, 30), "week"),
    ("the start of 2014", MON_18_MAY_2015, D(2014, 1, 1), D(2014, 4, 30), "year"),
    ("mid-April", MON_18_MAY_2015, D(2015, 4, 1), D(2015, 4, 30), "month"),
    ("May 11–12", MON_18_MAY_2015, D(2015, 5, 11), D(2015, 5, 12), "day"),
    ("Thursday morning", FRI_25_MAR_2022, D(2022, 3, 24), D(2022, 3, 24), "day"),
    ("on Monday", MON_18_MAY_2015, D(2015, 5, 18), D(2015, 5, 18), "day"),
    ("last Friday", FRI_25_MAR_2022, D(2022, 3, 18), D(2022, 3, 18), "day"),
    ("overnight Thursday and Friday", date(2023, 2, 14), D(2023, 2, 9), D(2023, 2, 10), "day"),
    ("Sunday morning", date(2023, 2, 14), D(2023, 2, 12), D(2023, 2, 12), "day"),
    # since / over the past
    ("since Friday", MON_18_MAY_2015, D(2015, 5, 15), D(2015, 5, 18), "day"),
    ("over the past three days", MON_18_MAY_2015, D(2015, 5, 15), D(2015, 5, 18), "day"),
    ("in the past 24 hours", MON_18_MAY_2015, D(2015, 5, 17), D(2015, 5, 18), "day"),
    ("in the last week", D(2021, 8, 12), D(2021, 8, 5), D(2021, 8, 12), "week"),
    ("the past few days", MON_18_MAY_2015, D(2015, 5, 15), D(2015, 5, 18), "day"),
    ("since April", MON_18_MAY_2015, D(2015, 4, 1), D(2015, 5, 18), "month"),
    # yesterday, last night, today
    ("yesterday", MON_18_MAY_2015, D(2015, 5, 17), D(2015, 5, 17), "day"),
    ("last night", D(2017, 10, 19), D(2017, 10, 18), D(2017, 10, 18), "day"),
    ("today", MON_18_MAY_2015, D(2015, 5, 18), D(2015, 5, 18), "day"),
    ("three days ago", MON_18_MAY_2015, D(2015, 5, 15), D(2015, 5, 15), "day"),
    ("a week ago", D(2018, 2, 26), D(2018, 2, 19), D(2018, 2, 19), "week"),
    # weeks and months
    ("last week", FRI_25_MAR_2022, D(2022, 3, 14), D(2022, 3, 20), "week"),
    ("earlier this week", FRI_25_MAR_2022, D(2022, 3, 21), D(2022, 3, 25), "week"),
    ("over the weekend", MON_18_MAY_2015, D(2015, 5, 16), D(2015, 5, 17), "day"),
    ("earlier this month", MON_18_MAY_2015, D(2015, 5, 1), D(2015, 5, 18), "month"),
    ("last month", WED_10_JAN_2024, D(2023, 12, 1), D(2023, 12, 31), "month"),
    ("in April", MON_18_MAY_2015, D(2015, 4, 1), D(2015, 4, 30), "month"),
    ("in December", WED_10_JAN_2024, D(2023, 12, 1), D(2023, 12, 31), "month"),
    ("Last March", D(2023, 1, 30), D(2022, 3, 1), D(2022, 3, 31), "month"),
    ("April 2005", MON_18_MAY_2015, D(2005, 4, 1), D(2005, 4, 30), "month"),
    # seasons: northern, the last one before publication
    ("last summer", MON_18_MAY_2015, D(2014, 6, 1), D(2014, 8, 31), "season"),
    ("in the winter", WED_10_JAN_2024, D(2023, 12, 1), D(2024, 2, 29), "season"),
    ("last spring", WED_10_JAN_2024, D(2023, 3, 1), D(2023, 5, 31), "season"),
    # explicit dates, with and without years; year roll-over
    ("May 15", MON_18_MAY_2015, D(2015, 5, 15), D(2015, 5, 15), "day"),
    ("15 May 2015", None, D(2015, 5, 15), D(2015, 5, 15), "day"),
    ("2015-05-15", None, D(2015, 5, 15), D(2015, 5, 15), "day"),
    ("December 28", WED_10_JAN_2024, D(2023, 12, 28), D(2023, 12, 28), "day"),
    ("Aug. 27", D(2021, 8, 27), D(2021, 8, 27), D(2021, 8, 27), "day"),
    ("between June 3 and July 9", D(2021, 7, 15), D(2021, 6, 3), D(2021, 7, 9), "day"),
    ("November 28 and 29", D(2021, 2, 26), D(2020, 11, 28), D(2020, 11, 29), "day"),
    # years
    ("in 2014", None, D(2014, 1, 1), D(2014, 12, 31), "year"),
    ("late 2006", None, D(2006, 9, 1), D(2006, 12, 31), "year"),
    ("last year", WED_10_JAN_2024, D(2023, 1, 1), D(2023, 12, 31), "year"),
    # day-first, abbreviated, numeric and ISO forms
    ("On 30 April 2020", None, D(2020, 4, 30), D(2020, 4, 30), "day"),
    ("28 Apr 2020", None, D(2020, 4, 28), D(2020, 4, 28), "day"),
    ("3 Sept. 2019", None, D(2019, 9, 3), D(2019, 9, 3), "day"),
    ("on 14/08", D(2021, 8, 20), D(2021, 8, 14), D(2021, 8, 14), "day"),
    ("07/07/2015", None, D(2015, 7, 7), D(2015, 7, 7), "day"),
    ("3/5/20", None, D(2020, 5, 3), D(2020, 5, 3), "day"),
    ("12/25/2020", None, D(2020, 12, 25), D(2020, 12, 25), "day"),  # the second number cannot be a month
    ("on 2020-05-03", None, D(2020, 5, 3), D(2020, 5, 3), "day"),
    ("the 3rd of March 2021", None, D(2021, 3, 3), D(2021, 3, 3), "day"),
    # hedged and reported days: the day itself
    ("Around 17 June 2019 (as reported)", None, D(2019, 6, 17), D(2019, 6, 17), "day"),
    ("Reported on 8 March 2020", None, D(2020, 3, 8), D(2020, 3, 8), "day"),
    ("as reported on 21 October 2019", None, D(2019, 10, 21), D(2019, 10, 21), "day"),
    ("about 12 June", D(2022, 6, 20), D(2022, 6, 12), D(2022, 6, 12), "day"),
    # nights and ranges of days
    ("On the night of 2-3 May", D(2020, 5, 9), D(2020, 5, 2), D(2020, 5, 3), "day"),
    ("the night of 2 to 3 May 2020", None, D(2020, 5, 2), D(2020, 5, 3), "day"),
    ("between 1 and 3 May", D(2020, 5, 9), D(2020, 5, 1), D(2020, 5, 3), "day"),
    ("from 26 April to 29 April", D(2020, 5, 9), D(2020, 4, 26), D(2020, 4, 29), "day"),
    ("between 26 April - 29 April 2020", None, D(2020, 4, 26), D(2020, 4, 29), "day"),
    # a day just after publication is of the publication's year (then in the future: it dates no event)
    ("6 August", D(2024, 8, 5), D(2024, 8, 6), D(2024, 8, 6), "day"),
    ("28 December", D(2024, 1, 10), D(2023, 12, 28), D(2023, 12, 28), "day"),
    ("June 28", D(2016, 6, 24), D(2016, 6, 28), D(2016, 6, 28), "day"),  # up to a month ahead: to come
    ("on 12/07", D(2016, 6, 24), D(2016, 7, 12), D(2016, 7, 12), "day"),
    ("in July", D(2016, 6, 24), D(2015, 7, 1), D(2015, 7, 31), "month"),  # a month not yet begun: the last one
    # the end of a range comes after its start, read from it (not back from publication on its own)
    ("4 and 7 October", D(2016, 10, 4), D(2016, 10, 4), D(2016, 10, 7), "day"),
    ("the nights of October 2 and October 5", D(2021, 10, 2), D(2021, 10, 2), D(2021, 10, 5), "day"),
    ("between 28 December and 2 January", WED_10_JAN_2024, D(2023, 12, 28), D(2024, 1, 2), "day"),
    ("Friday and Saturday", D(2024, 3, 8), D(2024, 3, 1), D(2024, 3, 2), "day"),  # a Friday's report: last week's
    ("Thursday and Friday", D(2024, 3, 12), D(2024, 3, 7), D(2024, 3, 8), "day"),
    # a weekday named with its date: the date, and the weekdays before it counted back from it
    ("the night of Friday to Saturday, 9 March", D(2024, 3, 8), D(2024, 3, 8), D(2024, 3, 9), "day"),
    ("Sunday, 21 July 2019", None, D(2019, 7, 21), D(2019, 7, 21), "day"),
    ("on Friday 13 March 2020", None, D(2020, 3, 13), D(2020, 3, 13), "day"),
    ("late Tuesday, May 12", D(2020, 5, 14), D(2020, 5, 12), D(2020, 5, 12), "day"),
    # a day of the month alone: of the month of publication, or of the month before if that day is still to come
    ("on the 14th", D(2019, 12, 20), D(2019, 12, 14), D(2019, 12, 14), "day"),
    ("the 3rd", D(2024, 3, 12), D(2024, 3, 3), D(2024, 3, 3), "day"),
    ("the 23rd", D(2018, 5, 18), D(2018, 4, 23), D(2018, 4, 23), "day"),
    # a Saturday's report: "the weekend" is the one it is in; "last weekend" the one before
    ("over the weekend", D(2024, 3, 9), D(2024, 3, 9), D(2024, 3, 9), "day"),
    ("at the weekend", D(2024, 3, 9), D(2024, 3, 9), D(2024, 3, 9), "day"),
    ("last weekend", D(2024, 3, 9), D(2024, 3, 2), D(2024, 3, 3), "day"),
    # a day the model tagged with what follows it: the day before the link
    ("Friday after months", FRI_25_MAR_2022, D(2022, 3, 25), D(2022, 3, 25), "day"),
    ("Tuesday before dawn prayers", MON_18_MAY_2015, D(2015, 5, 12), D(2015, 5, 12), "day"),
    ("3 May 2020 following the raid", None, D(2020, 5, 3), D(2020, 5, 3), "day"),
    # a month or a day told with "last year" / "this year": that year
    ("December last year", date(2021, 12, 20), D(2020, 12, 1), D(2020, 12, 31), "month"),
    ("in March of last year", WED_10_JAN_2024, D(2023, 3, 1), D(2023, 3, 31), "month"),
    ("on 3 May this year", date(2019, 12, 3), D(2019, 5, 3), D(2019, 5, 3), "day"),
    ("early June last year", MON_18_MAY_2015, D(2014, 6, 1), D(2014, 6, 30), "month"),
    ("October 2 last year", FRI_25_MAR_2022, D(2021, 10, 2), D(2021, 10, 2), "day"),
]


@pytest.mark.parametrize("text,published,start,end,precision", CASES)
def test_dates_resolve(text, published, start, end, precision):
    got = resolve(text, published)
    assert got is not None, text
    assert (got.start, got.end, got.precision) == (start, end, precision)


@pytest.mark.parametrize("text,days", [
    # a time counted from another: how many days it moves by
    ("A week later", 7), ("two days later", 2), ("Three days earlier", -3), ("the next day", 1),
    ("the following morning", 1), ("the day before", -1), ("the day after", 1), ("a day after", 1),
    ("hours later", 0), ("minutes later", 0), ("later that day", 0), ("that evening", 0), ("a few days later", 3),
    ("some ten days later", 10), ("the previous week", -7),
    # not counted from another time
    ("last week", None), ("a nine-year-old", None), ("a year later", None), ("the coming days", None),
])
def test_dates_offset_days(text, days):
    from sitrep.dates import offset_days

    got = offset_days(text)
    assert (got and got[0]) == days if days is not None else got is None


@pytest.mark.parametrize("text", ["on Friday", "last week", "yesterday", "in April", "since Sunday", "May 15"])
def test_dates_relative_words_need_a_publication_date(text):
    assert resolve(text, None) is None


@pytest.mark.parametrize("text", ["the coming days", "soon", "a long time", "shortly"])
def test_dates_vague_words_resolve_to_nothing(text):
    assert resolve(text, MON_18_MAY_2015) is None


EVENT_DATES = [
    # the event's own time words
    ("Gunmen killed 12 villagers on Friday, police said.", date(2015, 5, 18), "2015-05-15", "2015-05-15"),
    # a statement's date is not the event's when the event has its own
    ("Police said on Monday that gunmen had killed 12 villagers on Saturday.", date(2015, 5, 18), "2015-05-16", "2015-05-16"),
    # ... but it is when the event has none (analysts code the report's date)
    ("The monitor said on Thursday that 20 civilians had been killed in the strike.", date(2014, 11, 7), "2014-11-06", "2014-11-06"),
    # a background event keeps its own time
    ("A bomb killed 9 people on Sunday.\n\nIn April, a similar attack killed 30 people.", date(2015, 5, 18), "2015-04-01", "2015-04-30"),
    # the dateline is when the story was filed
    ("KABUL, May 20 (AP) - A bomb killed 9 people at a market on Tuesday, officials said.", date(2015, 5, 20), "2015-05-19", "2015-05-19"),
    # the day a toll rose is not the day of the attack ...
    ("The death toll from Friday's bombing of a market in Quetta rose to 31 on Sunday, hospital officials said.",
     date(2024, 1, 15), "2024-01-12", "2024-01-12"),
    ("The toll from the bombing rose to 31 on Sunday.\nThe bomb exploded in a crowded market on Friday.",
     date(2024, 1, 15), "2024-01-12", "2024-01-12"),
    # ... nor the night more victims died
    ("The toll from a weekend attack on a hotel has climbed to 45, officials said on Tuesday.\nTwo more victims died "
     "in hospital overnight, a doctor said.", date(2024, 4, 2), "2024-03-30", "2024-03-31"),
    # ... unless nothing else dates it
    ("The death toll from the bombing of a market in Quetta rose to 31 on Sunday, hospital officials said.",
     date(2024, 1, 15), "2024-01-14", "2024-01-14"),
    # "the attack on the mine last Sunday" further on dates the killing at the mine; an attack on something else
    # does not
    ("Investigators said the killing of 7 workers at a gold mine remained unsolved.\nThe company has closed the "
     "site.\nSurvivors of the attack on the mine last Sunday said the gunmen wore uniforms.", date(2024, 5, 8),
     "2024-05-05", "2024-05-05"),
    ("Investigators said the killing of 7 workers at a gold mine remained unsolved.\nThe company has closed the "
     "site.\nSurvivors of the attack on the village last Sunday said the gunmen wore uniforms.", date(2024, 5, 8),
     None, "2024-05-08"),
    # a comparison ("the deadliest day ... since 2006") dates nothing, and "more than 1,600" adds nothing
    ("Air strikes killed 492 people and wounded more than 1,600 on Monday, the ministry said, the deadliest day of "
     "the conflict since 2006.", date(2024, 9, 24), "2024-09-23", "2024-09-23"),
    # "Sunday" and "evening", tagged apart, are one time that hangs on "exploded"
    ("Car bomb kills five in northern Iraq, officials say\n\nMOSUL, Iraq (AP) — A car bomb exploded beside an "
     "army checkpoint south of Mosul on Sunday evening, killing three soldiers and two civilians, Iraqi security "
     "officials said. Eleven others were wounded.", date(2023, 3, 20), "2023-03-19", "2023-03-19"),
    # days of a month the model does not tag at all
    ("More than 3,200 people fled to the city between 1 and 7 April after attacks on villages, the agency said.",
     date(2024, 4, 10), "2024-04-01", "2024-04-07"),
    # two days the model tags apart ("11 and" + "12 May") are one time
    ("At least 27 civilians were killed in clashes in the town on 11 and 12 May.", date(2024, 5, 14), "2024-05-11",
     "2024-05-12"),
    # the report's opening date line dates what it tells in later sentences
    ("On 11 February 2021, two farming families quarrelled over a boundary near Adikpo and came to blows. Two "
     "men were killed in the fight.", date(2021, 2, 15), "2021-02-11", "2021-02-11"),
    ("Around 17 June 2019 (as reported), in Tepic, Nayarit, a taxi driver lay dead beside a highway. He had "
     "been shot twice. 1 fatality.", date(2019, 6, 17), "2019-06-17", "2019-06-17"),
    ("Reported on 8 March 2020, militants attacked an army post in the district. As a result 3 soldiers were "
     "killed.", date(2020, 3, 8), "2020-03-08", "2020-03-08"),
    ("On 28 Apr 2020, the militia destroyed two hideouts in the hills. 7 militants were killed in the operation.",
     date(2020, 4, 30), "2020-04-28", "2020-04-28"),
    ("24 April. While police chased a suspect through the market, a crowd gathered. Police fired into the crowd, "
     "killing one.", date(2018, 4, 24), "2018-04-24", "2018-04-24"),
    ("On the night of 2-3 May, gunmen raided the village of Dankali. 5 villagers were killed.", date(2020, 5, 9),
     "2020-05-02", "2020-05-03"),
    # an own date beats the opening one
    ("On 5 May 2020, local officials reported the attack. The gunmen killed 4 farmers on 3 May near the river.",
     date(2020, 5, 5), "2020-05-03", "2020-05-03"),
    # numeric day and month in the text
    ("Armed men set fire to shops in the market on 23/10. 6 people died.", date(2015, 10, 26),
     "2015-10-23", "2015-10-23"),
    ("Raiders burned a customs office on the night of 18/09, killing 6 guards. A similar raid hit a nearby "
     "office a month earlier.", date(2015, 9, 20), "2015-09-18", "2015-09-18"),
    # a note of one paragraph about one event: its time words, wherever they hang
    ("Raiders struck the camp while the herders were asleep on 21 September. 9 dead.", date(2016, 9, 23),
     "2016-09-21", "2016-09-21"),
    # a day after publication told beside the opening date line does not date the event a year back
    ("On 9 October 2023, unknown men set fire to a party office in Kumasi, a day before a march planned for 10 "
     "October. 3 people were injured.", date(2023, 10, 9), "2023-10-09", "2023-10-09"),
    # "happened", "occurred": a verb that only says when the event took place
    ("Gunmen killed 27 farmers praying in a mosque, a police spokesman told reporters on Monday. The attack happened "
     "at dawn on Saturday in the village.", date(2017, 5, 15), "2017-05-13", "2017-05-13"),
    # a date on a statement noun dates the statement: the event's own start told beside it dates the event
    ("Fighting between the army and a militia began on 3 June in the town. At least 40 people were killed in the "
     "fighting, according to an army statement on 7 June.", date(2016, 6, 9), "2016-06-03", "2016-06-03"),
    # a time in a clause about another noun dates that noun's past, not the event ...
    ("Gunmen killed 12 villagers near Kauri on Tuesday. The village lies near a base that rebels captured from the "
     "army on 2 March.", date(2021, 6, 10), "2021-06-08", "2021-06-08"),
    ("Gunmen killed 12 villagers near Kauri. Kauri is a market town taken from the rebels in 2016.",
     date(2021, 6, 10), "2021-06-10", "2021-06-10"),
    # ... but a participle at the same time dates the event, and in the event's own sentence the time is the
    # event's wherever the parse hangs it
    ("A lorry carrying grain to the border on Monday was ambushed by militants. Its four drivers were killed.",
     date(2018, 5, 10), "2018-05-07", "2018-05-07"),
    ("A drone strike killed a mayor allied with the insurgents and four members of his staff in the port city on "
     "Tuesday, witnesses said.", date(2016, 1, 28), "2016-01-26", "2016-01-26"),
    # a span of years beyond the event's sentences is a history, not the event's time
    ("Twelve people were killed when herders and farmers clashed in the village. The two communities have disputed "
     "the land in the last ten years.", date(2019, 12, 20), "2019-12-20", "2019-12-20"),
    # a weekday and its date the model tags apart are one time
    ("Five fishermen were killed when raiders stormed their camp on the night of Friday to Saturday, 9 March.",
     date(2024, 3, 11), "2024-03-08", "2024-03-09"),
    # a day of the month alone
    ("Clashes have flared in the district since early in the month. On the 14th, six farmers were killed in an "
     "attack on their village.", date(2019, 12, 16), "2019-12-14", "2019-12-14"),
    # a time counted from another event's: that event's day moved by the offset
    ("Two weeks ago, a bomb hidden in a cart went off at a cattle market and killed a herder.\nThree days later, "
     "police traded fire with smugglers at a highway checkpoint.\nTwo officers died in the shootout.",
     date(2022, 4, 20), "2022-04-09", "2022-04-09"),
    ("On 3 March, gunmen killed 6 traders at a market near the border.\n\nTwo days later, soldiers ambushed the "
     "gunmen in the hills, killing 11 of them.", date(2022, 3, 10), "2022-03-05", "2022-03-05"),
    # "<month> last year" dates a background event in the year before publication
    ("Clashes in the district killed 14 people on Monday.\n\nIn March last year, a raid on the same market killed "
     "30 traders.", date(2024, 1, 10), "2023-03-01", "2023-03-31"),
    # a lead telling several incidents at once dates each that has no time of its own
    ("Eleven people died on Thursday in three separate raids across the north, police said.\n\nGunmen killed "
     "seven farmers in their fields near the river, a police officer said.\n\nFurther south, in a neighbouring "
     "province, four travellers were killed when raiders stopped their bus.", date(2023, 9, 16), "2023-09-14",
     "2023-09-14"),
    # a claim of responsibility is a statement: its day is not the attack's
    ("A rebel spokesman claimed responsibility on Tuesday for the deaths of two customs officers, ambushed near the "
     "border on Monday.", date(2023, 9, 13), "2023-09-11", "2023-09-11"),
    # in the event's own clause, the time on its own verb beats one on a verb above it
    ("Bandits shot three traders dead when they stopped a lorry, police said. The ambush happened on Wednesday on "
     "the Gusau road, where the same gang had kidnapped 20 passengers in March.", date(2018, 1, 20), "2017-03-01",
     "2017-03-31"),
    # a page's time stamp line dates nothing
    ("Families leave villages in the south\n\n4 March 2022, 9:47 am\n\nClashes in the last week have driven "
     "thousands of families from their villages, the UN said.", date(2022, 3, 4), "2022-02-25", "2022-03-04"),
]


@pytest.mark.parametrize("text,published,start,end", EVENT_DATES)
def test_dates_event_date(extract, text, published, start, end):
    events = extract(text, published).events
    when = events[-1].date
    assert (when.start and when.start.isoformat(), when.end.isoformat()) == (start, end)


def test_dates_report_without_time_words_is_dated_by_publication(extract):
    """Nothing in the report dates anything: the event is the report's news, of its day, known only to that."""
    when = extract("Twelve people died in the ambush, residents said.", date(2020, 3, 10)).events[0].date
    assert (when.start, when.end, when.precision) == (date(2020, 3, 10), date(2020, 3, 10), "reported")


def test_dates_note_whose_time_words_date_something_else_is_dated_by_publication(extract):
    """A one-paragraph note of one event whose only time words date what came after it: the note's own day."""
    when = extract("A blast hit a market in the town. 4 people died. In the days that followed, police arrested "
                   "dozens of suspects.", date(2014, 3, 31)).events[0].date
    assert (when.start, when.end, when.precision) == (date(2014, 3, 31), date(2014, 3, 31), "reported")


def test_dates_event_without_time_words_in_a_dated_report_ends_at_publication(extract):
    rec = extract("A bomb killed 9 people at a market on Sunday.\n\nSeparately, twelve people were shot dead on a bus "
                  "in the north, residents said.", date(2020, 3, 10))
    when = rec.events[-1].date
    assert (when.start, when.end, when.precision) == (None, date(2020, 3, 10), "unknown")


def test_dates_time_on_another_counts_clause_of_the_sentence_dates_an_event_with_no_other():
    """One sentence, one time: a time on another count's clause of the event's own sentence dates the event when
    nothing else does (the other count's event keeps its own)."""
    from sitrep.dates import event_date, time_words
    from sitrep.nlp import NLP

    parsed = NLP().parse("Soldiers killed 15 raiders in the hills, and four soldiers were wounded on Monday.\n\n"
                         "Separately, a bomb killed 2 people in the capital.")
    own, other = (next(t for t in parsed.tokens if t.text == word) for word in ("killed", "wounded"))
    second = parsed.tokens[-2].sent
    when = event_date(parsed, time_words(parsed), [own.sent], [own.i], date(2024, 3, 13), foreign=[other.i],
                      others={second})
    assert (when.start, when.end, when.text) == (date(2024, 3, 11), date(2024, 3, 11), "Monday")


def test_dates_time_counted_from_nothing_is_unresolved(extract):
    """"Two days later" with no day told before it dates nothing: the event's start stays unknown."""
    rec = extract("Fighting for the town went on for weeks.\n\nTwo days later, soldiers ambushed the fighters in "
                  "the hills, killing 11 of them.", date(2022, 3, 10))
    assert rec.events[-1].date.start is None


def test_dates_no_publication_date_gives_only_absolute_dates(extract):
    rec = extract("A bomb killed 9 people on Sunday.\n\nIn 2014, a similar attack killed 30 people.", None)
    first, second = rec.events
    assert (first.date.start, first.date.end) == (None, None)
    assert (second.date.start, second.date.end) == (date(2014, 1, 1), date(2014, 12, 31))


@pytest.mark.parametrize("when,code", [
    (When(date(2020, 5, 6), date(2020, 5, 6), "day"), 1),
    (When(date(2020, 5, 6), date(2020, 5, 6), "week"), 2),  # a day hedged "(as reported)"
    (When(date(2020, 5, 6), date(2020, 5, 6), "reported"), 2),  # nothing in the report dates it
    (When(date(2020, 5, 2), date(2020, 5, 3), "day"), 2),  # "the night of 2-3 May"
    (When(date(2020, 5, 1), date(2020, 5, 31), "month"), 3),
    (When(None, date(2020, 5, 6), "unknown"), 3),
])
def test_dates_acled_time_precision(when, code):
    assert acled_time_precision(when) == code


def test_dates_vocabulary_is_read_from_its_data_file():
    """The time words are data (data/dates.toml), read once by a cached loader when the pipeline is built."""
    from sitrep import lexicon
    from sitrep.dates import vocabulary

    rules = lexicon.load("dates")
    vocab = vocabulary()
    assert vocabulary() is vocab
    assert vocab.seasons["winter"] == (12, 1, 2) and vocab.numbers["few"] == 3
    assert vocab.event_words == set(rules["words"]["event_words"]) and "statement" in vocab.statements
    assert vocab.hedges.sub("", "around 6 may") == "6 may"


@pytest.mark.parametrize("text,published,code", [
    ("On 3 May 2020, gunmen killed 4 farmers near the river.", date(2020, 5, 6), 1),
    ("About 3 May 2020 (as reported), gunmen killed 4 farmers near the river.", date(2020, 5, 6), 2),
    ("Gunmen killed 4 farmers near the river, residents said.", date(2020, 5, 6), 2),  # the report's own day
    ("Gunmen killed 4 farmers near the river in early May.", date(2020, 5, 20), 3),
])
def test_dates_record_carries_acled_time_precision(extract, text, published, code):
    """The record's date says ACLED's time precision beside its own precision label."""
    from sitrep.record import event_to_dict

    assert event_to_dict(extract(text, published).events[0])["date"]["time_precision"] == code


@pytest.mark.parametrize("text,day", [
    ("about 2:30 am Sunday, local time", D(2015, 5, 17)),
    ("at 3 pm on Friday", D(2015, 5, 15)),
    ("around midnight on Saturday", D(2015, 5, 16)),
    ("0300 GMT on 14 May", D(2015, 5, 14)),
    ("Friday at 10.30 p.m.", D(2015, 5, 15)),
])
def test_dates_clock_time_with_its_day_is_the_day(text, day):
    got = resolve(text, MON_18_MAY_2015)
    assert got is not None and (got.start, got.end, got.precision) == (day, day, "day")


@pytest.mark.parametrize("text", ["3 pm", "around midnight", "2 hours"])
def test_dates_clock_time_alone_has_no_day(text):
    assert resolve(text, MON_18_MAY_2015) is None
