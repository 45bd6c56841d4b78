"""Days named through another date (dates_days) and the dates added in session 4's dates pass:
"the week of Dec. 2", "Nov. 12 and 13", "post-1959", Election Day, a plan participle in a past
clause. Each case has a TimeML/grammar reason (dates_days' and dates.py's docstrings)."""
from __future__ import annotations

import datetime as dt

import pytest

from factwire.facts.dates import find_dates
from factwire.facts.nlp import parse

PUB = dt.date(2019, 11, 20)  # a Wednesday
MON = dt.date(2019, 11, 18)

CASES = [
    # the ISO week holding the day (TimeML 2019-W49)
    ("The hearing will be held the week of Dec. 2.", PUB, "the week of Dec. 2", "2019-12-02", "2019-12-08"),
    # each conjunct its own day, month and year shared
    ("The talks were held on Nov. 12 and 13.", PUB, "13", "2019-11-13", None),
    ("The talks were held on Nov. 12 and 13.", PUB, "Nov. 12", "2019-11-12", None),
    # TimeML: "post-1959" is the year 1959 (mod AFTER)
    ("The post-1959 politics split thousands of families.", PUB, "post-1959", "1959", None),
    # US federal Election Day: the Tuesday after the first Monday of November
    ("He campaigned hard until Election Day.", PUB, "Election Day", "2019-11-05", None),
    ("Polls close at 8 p.m. on Election Day 2020.", PUB, "Election Day 2020", "2020-11-03", None),
    # a plan participle after its noun, in a past clause: the nearer day, not the next one
    ("A memorial service planned for Saturday was canceled after the plans leaked.", MON, "Saturday",
     "2019-11-16", None),
    # the week holding a holiday; on its Monday, a past clause means this year's
    ("Protesters prayed as Easter week began.", dt.date(2000, 4, 17), "Easter week", "2000-04-17", "2000-04-23"),
    ("Shops will close during Christmas week.", PUB, "Christmas week", "2019-12-23", "2019-12-29"),
    # spelled-out years (broadcast transcripts)
    ("In nineteen ninety-one Keating was convicted.", PUB, "nineteen ninety-one", "1991", None),
    ("Atlanta, nineteen ninety-six. A bomb blast shocks the games.", PUB, "nineteen ninety-six", "1996", None),
    ("The approach of the year two thousand worries them.", PUB, "the year two thousand", "2000", None),
    ("It was built in nineteen hundred.", PUB, "nineteen hundred", "1900", None),
    # year-end after a preposition: the end of the year (value December, calendar the year)
    ("The deal should close by year-end.", PUB, "year-end", "2019-12", None),
    ("Rules should be in place by year's end.", PUB, "year's end", "2019-12", None),
    ("The percentage change is since year-end.", PUB, "year-end", "2018-12", None),
    # "the day before/after <day>": that day moved by one, the phrase as its text
    ("The day before last Tuesday's hearing, he went home.", dt.date(2000, 2, 24), "The day before last Tuesday",
     "2000-02-21", None),
    ("Shops reopened the day after Christmas.", PUB, "the day after Christmas", "2018-12-26", None),
    # a planned object's date and a deadline after "until": the nearer day (PUB is a Wednesday)
    ("Protesters planned a large demonstration on Saturday.", dt.date(2000, 1, 7), "Saturday", "2000-01-08", None),
    ("The court has given the relatives until Thursday to sign.", PUB, "Thursday", "2019-11-21", None),
    ("The court gave them until Monday to leave.", PUB, "Monday", "2019-11-18", None),
    # "be to" + infinitive is an arrangement (future); a modal perfect is past
    ("The stock is to resume trading in Paris Tuesday.", PUB, "Tuesday", "2019-11-26", None),
    ("The chip may have been responsible for a drop in the stock on Monday.", PUB, "Monday", "2019-11-18", None),
    ("The shares could have fallen on Monday.", PUB, "Monday", "2019-11-18", None),
    # a bare month in the infinitive of a past verb reads as if untensed: next month is the coming one
    ("NATO has decided to admit the three countries in early March.", dt.date(1999, 2, 10), "early March",
     "1999-03", None),
    ("A man pleaded guilty to threatening to kill her in March.", PUB, "March", "2019-03", None),
    # ... and in a present/future clause still the coming one
    ("The vote is scheduled for Monday.", PUB, "Monday", "2019-11-25", None),
]


def find_in(sentence: str, published: dt.date) -> list[dict]:
    return find_dates(parse(sentence), published)


@pytest.mark.parametrize(("sentence", "published", "expr", "frm", "to"), CASES)
def test_day_through_another_date(sentence, published, expr, frm, to):
    items = [d for d in find_in(sentence, published) if d["text"] == expr]
    assert items, (expr, [d["text"] for d in find_in(sentence, published)])
    assert (items[0]["from"], items[0]["to"]) == (frm, to), items[0]
    assert sentence[items[0]["start"]:items[0]["end"]] == expr


@pytest.mark.parametrize("sentence", [
    "Inflation was between 3 and 5 percent.",           # no month-day before the conjunction
    "He was charged on Nov. 12 and 3 others were freed.",  # a smaller number is no later day
    "They met on Nov. 12 and 15 people were hurt.",      # a count (spaCy NER: CARDINAL)
])
def test_a_number_after_a_conjunction_is_a_day_only_after_a_month_day(sentence):
    texts = [d["text"] for d in find_in(sentence, PUB)]
    assert not {"3", "5", "15"} & set(texts), texts


def test_a_coordinated_day_needs_its_first_conjunct_in_the_paragraph():
    items = find_in("Shares rose 12 and 13 times.", PUB)
    assert items == []


@pytest.mark.parametrize("sentence", ["He paid with nineteen twenty-dollar bills.",
                                      "Nineteen people were hurt in the blast."])
def test_spelled_numbers_that_are_counts_are_no_years(sentence):
    assert find_in(sentence, PUB) == []


def test_year_end_as_an_adjective_is_no_date():
    assert find_in("The company paid year-end bonuses and posted year-end results.", PUB) == []


def test_year_end_names_the_year_as_its_calendar_unit():
    item = find_in("The deal should close by year-end.", PUB)[0]
    assert item["calendar"] == {"from": "2019", "to": None}
