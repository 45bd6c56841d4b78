"""Quantities: value, relation, counted item, unit and offsets (src/factwire/facts/quantities.py).

Conventions are those of the facts gold (tests/fixtures/README.md sums them up). The
hand-written sentences cover each rule with text that is not in the DEV gold, so they guard the
general rules, not the DEV score (a gate: bench/gates/test_gate_facts.py).
"""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from factwire.facts.nlp import parse
from factwire.facts.quantities import find_quantities

REPO = Path(__file__).resolve().parents[2]


def quantities(text: str) -> list[dict]:
    return find_quantities(parse(text), None)


def by_text(text: str) -> dict[str, dict]:
    return {q["text"]: q for q in quantities(text)}


def one(text: str) -> dict:
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


# --- the seed page -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_quantities() -> tuple[str, list[dict]]:
    from factwire import extract

    seed = (REPO / "examples" / "seed-drones.txt").read_text(encoding="utf-8")
    rec = extract(seed, published="2022-11-19")
    text = rec.text if hasattr(rec, "text") else rec["text"]
    return text, find_quantities(parse(text), datetime.date(2022, 11, 19))


@pytest.mark.parametrize("value,relation,item_word", [
    (1000, "eq", "drones"), (400, "approx", "drones"), (150, "approx", "missiles"),
    (25, "gt", "drones"), (100, "gt", "airstrikes"), (50, "approx", "nations"), (2, "eq", None),
])
def test_seed_quantities(seed_quantities, value, relation, item_word):
    _, found = seed_quantities
    hits = [q for q in found if q["value"] == value and q["relation"] == relation]
    assert hits, (value, relation, found)
    if item_word:
        assert any(item_word in (q["item"] or "") for q in hits), hits


def test_seed_kamikaze_item_and_no_model_number(seed_quantities):
    text, found = seed_quantities
    assert any(q["item"] == "kamikaze drones" and q["value"] == 25 for q in found)
    assert all(q["value"] != 136 for q in found)  # Shahed-136
    assert all(q["value"] not in (18, 5) for q in found)  # headline of another story
    assert all(text[q["start"]:q["end"]] == q["text"] for q in found)


# --- relations -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,value,relation", [
    ("Officials counted about 300 tents.", 300, "approx"),
    ("Roughly 40 families left.", 40, "approx"),
    ("The army sent some 900 soldiers.", 900, "approx"),
    ("Nearly 70 homes burned.", 70, "approx"),
    ("It lasted almost 12 hours.", 12, "approx"),
    ("The fund holds close to 8,000 accounts.", 8000, "approx"),
    ("The city had an estimated 2,500 refugees.", 2500, "approx"),
    ("More than 60 villages lost power.", 60, "gt"),
    ("The team walked over 30 miles.", 30, "gt"),
    ("At least 14 miners were trapped.", 14, "gte"),
    ("Fewer than 20 lawmakers voted.", 20, "lt"),
    ("Inflation stayed below 3 percent.", 3, "lt"),
    ("The ferry carries up to 90 cars.", 90, "lte"),
    ("As many as 45 ships were delayed.", 45, "lte"),
    ("He faces a maximum of 20 years in prison.", 20, "lte"),
    ("Five or more trucks crossed.", 5, "gte"),
    ("Dozens of shops closed.", 12, "gt"),
    ("Hundreds of fans waited.", 100, "gt"),
    ("Thousands of workers marched.", 1000, "gt"),
    ("Tens of thousands of voters queued.", 10000, "gt"),
    ("Hundreds of thousands of homes lost power.", 100000, "gt"),
    ("Several dozen pilots resigned.", 12, "gt"),
    ("A couple of guards ran.", 2, "approx"),
])
def test_relations(sentence, value, relation):
    q = one(sentence)
    assert (q["value"], q["relation"]) == (value, relation)


@pytest.mark.parametrize("sentence,low,high", [
    ("The hall seats 150 to 200 guests.", 150, 200),
    ("The project costs $20-30 million.", 20_000_000, 30_000_000),
    ("Yields rose 1.5% to 1.9% across maturities.", 1.5, 1.9),
    ("Between 40 and 60 buses were used.", 40, 60),
    ("About 12–15 million tons were shipped.", 12_000_000, 15_000_000),
])
def test_ranges(sentence, low, high):
    q = one(sentence)
    assert (q["value"], q["relation"], q["value_max"]) == (low, "range", high)


def test_change_is_not_a_range():
    found = quantities("Its value was cut from $12 billion to $3 billion.")
    assert [(q["value"], q["relation"]) for q in found] == [(12e9, "eq"), (3e9, "eq")]


# --- values: words, scales, money, percent, fractions, ages, measures ----------------------

@pytest.mark.parametrize("sentence,value,item", [
    ("Seven sailors drowned.", 7, "sailors"),
    ("Twenty-five nurses quit.", 25, "nurses"),
    ("A dozen ambulances arrived.", 12, "ambulances"),
    ("Two dozen eggs broke.", 24, "eggs"),
    ("The firm hired 3.2 million contractors.", 3_200_000, "contractors"),
    ("He waited two and a half years.", 2.5, "years"),
    ("The truck carried 4,500 boxes.", 4500, "boxes"),
    ("Police seized 11 rifles.", 11, "rifles"),
    ("The rebels freed one hostage.", 1, "hostage"),
])
def test_counts_and_items(sentence, value, item):
    q = one(sentence)
    assert (q["value"], q["relation"], q["item"]) == (value, "eq", item)


@pytest.mark.parametrize("sentence,value,unit,item", [
    ("The club paid $7.5 million for him.", 7_500_000, "USD", "dollars"),
    ("The fine was £450,000.", 450_000, "GBP", "pounds"),
    ("Brussels pledged €2bn.", 2e9, "EUR", "euros"),
    ("He spent Rs 12 lakh on the house.", 1_200_000, "INR", "rupees"),
    ("Tickets cost HK$300.", 300, "HKD", "Hong Kong dollars"),
    ("The court ordered 5 million naira in damages.", 5_000_000, "NGN", "naira"),
])
def test_money(sentence, value, unit, item):
    q = one(sentence)
    assert (q["value"], q["unit"], q["item"]) == (value, unit, item)


def test_money_rate_unit():
    q = one("Oil settled at $71.20 per barrel.")
    assert (q["value"], q["unit"]) == (71.2, "USD per barrel")


@pytest.mark.parametrize("sentence,value", [
    ("Sales fell 4.2% in May.", 4.2), ("Turnout rose 7 percent.", 7), ("Prices rose 3 per cent.", 3),
])
def test_percent(sentence, value):
    q = one(sentence)
    assert (q["value"], q["item"], q["unit"]) == (value, "percent", "percent")


@pytest.mark.parametrize("sentence,value,relation,item", [
    ("More than a third of the staff left.", 0.333, "gt", "staff"),
    ("About half of the voters stayed home.", 0.5, "approx", "voters"),
    ("Two-thirds of the members agreed.", 0.667, "eq", "members"),
    ("A quarter of the budget went to defence.", 0.25, "eq", "budget"),
])
def test_fractions(sentence, value, relation, item):
    q = one(sentence)
    assert (q["value"], q["relation"], q["item"], q["unit"]) == (value, relation, item, "fraction")


def test_quarter_point():
    q = one("The bank raised rates by a quarter-point.")
    assert (q["value"], q["unit"]) == (0.25, "percentage point")


@pytest.mark.parametrize("sentence,value,relation", [
    ("Maria Lopez, 31, of Fresno, was charged.", 31, "eq"),
    ("A 27-year-old driver was arrested.", 27, "eq"),
    ("The 70-year old pensioner was unhurt.", 70, "eq"),
    ("The suspect, aged 19, fled.", 19, "eq"),
    ("Children 12 and older can apply.", 12, "gte"),
])
def test_ages(sentence, value, relation):
    q = one(sentence)
    assert (q["value"], q["relation"], q["item"], q["unit"]) == (value, relation, "years (age)", "year")


@pytest.mark.parametrize("sentence,value,item", [
    ("Gusts reached 70 mph.", 70, "mph"),
    ("The river rose 3 feet.", 3, "feet"),
    ("The index fell 12.4 points.", 12.4, "points"),
    ("The Fed cut by 50 basis points.", 50, "basis points"),
    ("It ended a 12-year war.", 12, "year"),
    ("They held a three-day summit.", 3, "day"),
])
def test_measures_and_durations(sentence, value, item):
    q = one(sentence)
    assert (q["value"], q["item"]) == (value, item)


def test_casualty_count_without_noun_counts_people():
    q = one("The blast killed two in the market.")
    assert (q["value"], q["item"]) == (2, "people")


# --- not quantities ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The law was passed in 2017.",
    "The vote is on Oct. 26 and the rally on 15 November.",
    "The summit opened on March 3, 2021.",
    "Trading starts at 9 a.m. and ends at 6pm.",
    "The meeting began at 10:30.",
    "She finished 6th, in the third round.",
    "The first victim was a nurse.",
    "It happened in the 1990s, in the 14th century.",
    "Iran sent Shahed-136 drones.",
    "The G7 and the S&P 500 and the Nikkei 225 moved.",
    "Boeing's 787-9 landed and the 777 program stalled.",
    "He invoked Article 5 and Chapter 11.",
    "Windows 10 and the iPhone 11 sold well.",
    "COVID-19 spread fast and 5G arrived.",
    "Please call 911 now.",
    "They live at 2134 Caldwell Place.",
    "Beijing backs the \u201cone country, two systems\u201d formula.",
    "He was one of the organisers.",
    "She is the only one who stayed.",
    "At one point the talks stalled.",
    "Several people and many others watched; a handful stayed.",
    "Both sides agreed.",
    "It took less than a week.",
    "He was the number one seed.",
])
def test_not_quantities(sentence):
    assert quantities(sentence) == []




SKIPPED_OPENERS = ("Apple and Amazon paid $ in US markets, a report said; an official added a note. "
                   "A couple of drones, a third of the homes, a dozen tanks, HK$300 and A$5bn were cited. "
                   "A Russian said a million people and an hour of shelling; NASA had 3 rovers.")


def test_tokens_skipped_as_openers_never_start_a_quantity():
    """opening_tokens skips capitalised words without a digit ("Apple", "US", a lone "$") and
    "a"/"an" not followed by a word the article reading takes ("couple", a fraction, a scale):
    reading a quantity at any skipped token gives nothing, so the skip changes no output."""
    import json

    from factwire.facts.quantities import opening_tokens, read_quantity

    texts = [SKIPPED_OPENERS] + [json.loads(line)["text"] for line in
                                 (REPO / "tests/fixtures/facts/articles.jsonl").read_text().splitlines()]
    skipped = 0
    for text in texts:
        doc = parse(text)
        opening = set(opening_tokens(doc))
        for i in range(len(doc)):
            if i not in opening:
                skipped += doc[i].lower_ in ("a", "an") or doc[i].text[:1] in "$AUSCNHR"
                assert read_quantity(doc, i) is None, (doc[i].text, doc[i:i + 3].text)
    assert skipped > 20
    assert [q["text"] for q in quantities(SKIPPED_OPENERS)] == [
        "A couple of drones", "a third of the homes", "a dozen tanks", "HK$300", "A$5bn", "a million people",
        "3 rovers"]
