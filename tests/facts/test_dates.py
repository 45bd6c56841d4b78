"""Dates: seed-page expectations, one case per README convention (offsets and gold on the fixture
articles: test_fixture_articles.py; the DEV floor: bench/gates/test_gate_facts.py)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factwire.facts.dates import find_dates
from factwire.facts.nlp import parse

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed-drones.txt"

PUB = dt.date(2019, 11, 20)  # a Wednesday
MON = dt.date(2019, 11, 18)

# (sentence, published, expression, expected from, expected to)
CASES = [
    # weekdays: the one on/before publication, the next one in a future clause
    ("The minister said on Tuesday that talks had failed.", PUB, "Tuesday", "2019-11-19", None),
    ("The minister resigned on Wednesday.", PUB, "Wednesday", "2019-11-20", None),
    ("The vote will take place on Friday.", PUB, "Friday", "2019-11-22", None),
    ("The meeting was postponed to Friday.", MON, "Friday", "2019-11-22", None),
    ("The hearing is scheduled for Monday.", PUB, "Monday", "2019-11-25", None),
    ("Lowe’s reports earnings Thursday.", PUB, "Thursday", "2019-11-21", None),
    ("Trump arrives at the Capitol on Tuesday.", PUB, "Tuesday", "2019-11-19", None),
    ("Campaigning continued ahead of Tuesday's election.", MON, "Tuesday", "2019-11-19", None),
    ("They met next Tuesday, officials said.", PUB, "next Tuesday", "2019-11-26", None),
    ("The death occurred Saturday.", PUB, "Saturday", "2019-11-16", None),
    ("The weather should ease by Thursday morning.", PUB, "Thursday morning", "2019-11-21", None),
    ("He left early Tuesday.", PUB, "early Tuesday", "2019-11-19", None),
    ("Amnesty said on Tuesday, November 19 that 106 died.", PUB, "Tuesday, November 19", "2019-11-19", None),
    # weeks and weekends
    ("Layoffs began last week.", PUB, "last week", "2019-11-11", "2019-11-17"),
    ("Layoffs begin this week.", PUB, "this week", "2019-11-18", "2019-11-24"),
    ("Two jets were sold earlier this week.", PUB, "earlier this week", "2019-11-18", "2019-11-20"),
    ("Cuts will be announced later this week.", PUB, "later this week", "2019-11-18", "2019-11-24"),
    ("The group announced over the weekend that it had won.", MON, "the weekend", "2019-11-16", "2019-11-17"),
    ("A call took place last weekend.", PUB, "last weekend", "2019-11-16", "2019-11-17"),
    ("Shares rose 2% to begin the week.", PUB, "to begin the week", "2019-11-18", None),
    ("The bond has weakened in the past week.", MON, "the past week", "2019-11-11", "2019-11-18"),
    # months
    ("The party posted a video earlier this month.", PUB, "earlier this month", "2019-11-01", "2019-11-20"),
    # in a past clause "this month" is the month so far (its `calendar` is the whole month)
    ("The ministry said this month that tariffs would go.", PUB, "this month", "2019-11-01", "2019-11-20"),
    ("They will submit plans this month.", PUB, "this month", "2019-11", None),
    ("Sales plunged last month.", PUB, "last month", "2019-10", None),
    ("Ministers meet next month.", PUB, "next month", "2019-12", None),
    ("Drones were shipped in August.", PUB, "August", "2019-08", None),
    ("The licence is set to expire in February.", PUB, "February", "2020-02", None),
    ("The deal was reached in early November.", PUB, "early November", "2019-11", None),
    ("Tariffs are due to start in mid-December.", PUB, "mid-December", "2019-12", None),
    ("The virus first appeared at the end of August.", PUB, "the end of August", "2019-08", None),
    ("That relationship began last November.", PUB, "last November", "2018-11", None),
    ("Cuts failed in November so far, analysts said.", PUB, "November so far", "2019-11-01", "2019-11-20"),
    ("The December deadline for Brexit talks", PUB, "December", "2019-12", None),
    ("Prices were lower in October 2015.", PUB, "October 2015", "2015-10", None),
    ("The case was reopened in May after his arrest.", PUB, "May", "2019-05", None),
    # days of the month
    ("The company withdrew its offering on September 30.", PUB, "September 30", "2019-09-30", None),
    ("Sentencing is scheduled for Feb. 14.", PUB, "Feb. 14", "2020-02-14", None),
    ("Their employment will be terminated on Dec. 9.", PUB, "Dec. 9", "2019-12-09", None),
    ("Prices rose after a hike on 15 November, Amnesty said.", PUB, "15 November", "2019-11-15", None),
    ("The photo was taken Oct. 17, 2022.", PUB, "Oct. 17, 2022", "2022-10-17", None),
    ("Since November 11, Russia has launched 150 missiles.", PUB, "Since November 11", "2019-11-11", "2019-11-20"),
    ("Rain has not fallen since October.", PUB, "October", "2019-10", None),
    # years
    ("Shares climbed 80% so far this year.", PUB, "so far this year", "2019-01-01", "2019-11-20"),
    ("Shares are up 40% year to date.", PUB, "year to date", "2019-01-01", "2019-11-20"),
    ("Sales are down 3% so far this month.", PUB, "so far this month", "2019-11-01", "2019-11-20"),
    ("Stocks fell 2% so far this week.", PUB, "so far this week", "2019-11-18", "2019-11-20"),
    ("The case was reopened earlier this year.", PUB, "earlier this year", "2019-01-01", "2019-11-20"),
    ("Dealers sold 17 million vehicles last year.", PUB, "last year", "2018", None),
    ("The talks could be pushed into next year.", PUB, "next year", "2020", None),
    ("16.6 million vehicles will be sold this year.", PUB, "this year", "2019", None),
    ("The deal was signed in 2017.", PUB, "2017", "2017", None),
    ("They plan to grow 30% by the end of 2025.", PUB, "the end of 2025", "2025-12", None),
    ("Deals clear out inventory toward the end of the year.", PUB, "the end of the year", "2019-12", None),
    ("A winner is picked in the first half of next year.", PUB, "the first half of next year", "2020-01", "2020-06"),
    ("Earnings for the third quarter beat forecasts.", PUB, "the third quarter", "2019", None),
    ("Rates stay low for the remainder of the year.", PUB, "the remainder of the year", "2019-11", "2019-12"),
    ("He was kidnapped in August 2016. The next year, videos were released.", PUB, "The next year", "2017", None),
    # decades, centuries, seasons
    ("Expansion resumes in the early 2020s.", PUB, "the early 2020s", "2020", "2023"),
    ("The Black Death spread in the 14th century.", PUB, "the 14th century", "1300", "1399"),
    ("A virtually rainless fall has left brush dry.", PUB, "fall", "2019-09", "2019-11"),
    ("Exports grew in the summer of 2018.", PUB, "summer of 2018", "2018-06", "2018-08"),
    ("The law takes effect next spring.", PUB, "next spring", "2020-03", "2020-05"),
    ("Floods hit the region last summer.", PUB, "last summer", "2019-06", "2019-08"),
    ("Talks will resume this winter.", PUB, "this winter", "2019-12", "2020-02"),
    ("Prices rose last winter.", PUB, "last winter", "2018-12", "2019-02"),
    # spans ending at publication
    ("Protesters blocked roads over the last five days.", PUB, "the last five days", "2019-11-15", "2019-11-20"),
    ("Little rain fell in the past two months.", PUB, "the past two months", "2019-09", "2019-11"),
    ("No significant data came out today.", PUB, "today", "2019-11-20", None),
    ("Sales in October were up from a year ago.", PUB, "a year ago", "2018-10", None),
    ("The plant closed two years ago.", PUB, "two years ago", "2017", None),
    ("On November 11, 2008 they met; eight years ago it was.", PUB, "eight years ago", "2011", None),
    ("Neumann resigned on Sept. 30. He had quit the board the previous week.", PUB,
     "the previous week", "2019-09-23", "2019-09-29"),
    ("He arrived on Oct. 3 and left the next day.", PUB, "the next day", "2019-10-04", None),
    ("The firm was founded in March 2010. That year, sales doubled.", PUB, "That year", "2010", None),
    ("Rates will stay on hold until end-2020.", PUB, "end-2020", "2020-12", None),
    ("The team hopes to start 2020 strong.", PUB, "2020", "2020", None),
    ("Stocks are due to be sold by end-November.", PUB, "end-November", "2019-11", None),
    ("Output fell in 2018-2019.", PUB, "2018-2019", "2018", "2019"),
    ("Prices peaked in the 1800s.", PUB, "the 1800s", "1800", "1899"),
    ("The fee is due by the end of the month.", PUB, "the end of the month", "2019-11", None),
    ("Growth will slow early next year.", PUB, "early next year", "2020", None),
    ("The bird flu came in the year of the rooster.", PUB, "the year of the rooster", "2017", None),
    ("The ministry said yesterday that it agreed.", PUB, "yesterday", "2019-11-19", None),
    ("The plant opened in March of last year.", PUB, "March of last year", "2018-03", None),
    ("Talks stalled earlier in the year.", PUB, "earlier in the year", "2019-01-01", "2019-11-20"),
    ("The new president takes office in January.", PUB, "January", "2020-01", None),
    ("He is due to be sworn in on 20 January.", PUB, "20 January", "2020-01-20", None),
    ("Assange was due to be released in September.", PUB, "September", "2019-09", None),
    ("Can he be crowned champion this weekend?", dt.date(2016, 11, 13), "this weekend", "2016-11-12", "2016-11-13"),
    ("Mr Obama was elected in 2008. Seven years ago he said little.", PUB, "Seven years ago", "2012", None),
    ("A week ago, the firm posted a loss; two weeks later it recovered.", PUB, "two weeks later", "2019-11-27", None),
    ("The Nov. 5 vote was postponed until Dec. 1.", PUB, "Nov. 5", "2019-11-05", None),
    ("The Nov. 5 vote was postponed until Dec. 1.", PUB, "Dec. 1", "2019-12-01", None),
    ("Officials expect the bridge to reopen in the spring.", PUB, "the spring", "2020-03", "2020-05"),
    ("The company shelved its plans for an offering on September 30.", PUB, "September 30", "2019-09-30", None),
    ("The report covers the period from January to June.", PUB, "June", "2019-06", None),
    ("Hong Kong's economy shrank in the July-September period.", PUB, "July-September", "2019-07", "2019-09"),
    ("Q1 2020 will be tough, the CEO said.", PUB, "Q1 2020", "2020", None),
    ("Tariffs were cut ahead of a scheduled Dec. 15 increase.", PUB, "Dec. 15", "2019-12-15", None),
    ("He told reporters on Monday he would resign on Friday.", PUB, "Friday", "2019-11-22", None),
    ("Britain vowed it would leave the EU on Oct. 31.", PUB, "Oct. 31", "2019-10-31", None),
    ("Results are due in March.", PUB, "March", "2020-03", None),
    ("Markets were closed Monday and will reopen Tuesday.", PUB, "Tuesday", "2019-11-26", None),
    ("They've been in talks since Monday.", PUB, "since Monday", "2019-11-18", "2019-11-20"),
    ("The vote was moved to Friday.", PUB, "Friday", "2019-11-22", None),
    ("He moved to Paris on Friday.", PUB, "Friday", "2019-11-15", None),
    ("Stores will open early on Black Friday.", PUB, "Black Friday", "2019-11-29", None),
    ("Sales slumped over Easter.", PUB, "Easter", "2019-04-21", None),
    ("The deal should close by Christmas.", PUB, "Christmas", "2019-12-25", None),
    ("The plant closed a decade ago.", PUB, "a decade ago", "2009", None),
    ("Prices doubled over the past decade.", PUB, "the past decade", "2009", "2019"),
]

UNRESOLVABLE = [
    ("The rally has only recently broken above resistance.", "recently"),
    ("Russia has intensified its strikes in recent months.", "recent months"),
    ("People will receive notice in the coming weeks.", "the coming weeks"),
    ("Talks will resume in coming days.", "coming days"),
    ("Prices may rise in the months ahead.", "the months ahead"),
    ("The end of the calendar year is a popular time for deals.", "The end of the calendar year"),
]

NOT_DATES = [
    "The war has lasted for decades.",
    "He stayed there for about a month.",
    "The shop opens at 9 a.m. and closes at 6pm.",
    "Prices fall when supply rises.",
    "The company employs 2,019 people and sold 25 jets.",
    "Shahed-136 drones and A350-900 jets were delivered.",
    "She may decide to march on.",
    "A fall in prices hurt exporters.",
    "He had planned a summer ceremony.",
    "said The We Company’s recently named executive chair Marcelo Claure.",
    "Workers left the recently opened plant.",
    "That year was hard for everyone.",
    "The Queen attended the Remembrance Sunday service.",
    "The pound suffered the fall in value.",
    "About 1500 troops and 2000 people arrived.",
    "Biden hopes to do well on Super Tuesday.",
    "She told USA Today the deal was off.",
]


def find_in(sentence: str, published: dt.date | None) -> list[dict]:
    return find_dates(parse(sentence), published)


def test_items_have_the_contract_shape():
    item = find_in("The minister said on Tuesday that talks had failed.", PUB)[0]
    assert set(item) >= {"text", "start", "end", "from", "to", "resolvable", "value"}
    assert item["value"] == {"from": item["from"], "to": item["to"]}


@pytest.mark.parametrize("sentence,published,expr,frm,to", CASES)
def test_convention(sentence, published, expr, frm, to):
    items = [d for d in find_in(sentence, published) if expr in d["text"] or d["text"] in expr]
    assert items, f"{expr!r} not found in {sentence!r}"
    assert (items[0]["from"], items[0]["to"]) == (frm, to), items[0]
    assert items[0]["resolvable"]


@pytest.mark.parametrize("sentence,expr", UNRESOLVABLE)
def test_vague_expressions_are_kept_unresolved(sentence, expr):
    items = [d for d in find_in(sentence, PUB) if expr in d["text"] or d["text"] in expr]
    assert items, f"{expr!r} not found"
    assert items[0]["resolvable"] is False and items[0]["value"] is None
    assert items[0]["from"] is None and items[0]["to"] is None


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_dates(sentence):
    assert find_in(sentence, PUB) == []


def test_days_before_an_event_are_not_counted_from_the_last_date():
    items = find_in("On 28 October, only 11 days before the election, Comey wrote.", PUB)
    assert [d["text"] for d in items] == ["28 October"]


def test_empty_and_odd_texts_give_no_dates():
    for text in ["", "   \n\n ", "0th century Feb. 30 2019-01", "ON TUESDAY, PRICES FELL"]:
        for item in find_in(text, PUB):
            assert item["from"] is None or item["from"][:1].isdigit()


def test_since_reads_the_past_and_ranges_never_run_backwards():
    for text in ["Prices have risen since Thanksgiving.", "Prices have risen since Feb. 2."]:
        for item in find_in(text, PUB):
            assert item["to"] is None or item["to"] >= item["from"], item


def test_publication_date_may_be_a_datetime_or_a_string():
    doc = parse("The minister resigned on Tuesday.")
    for published in (dt.datetime(2019, 11, 20, 23, 0), "2019-11-20", "2019-11-20T08:00:00Z"):
        assert find_dates(doc, published)[0]["from"] == "2019-11-19"
    assert find_dates(doc, "not a date")[0]["value"] is None


def test_no_publication_date_keeps_relative_dates_unresolved():
    items = find_in("On Tuesday, officials said the deal was signed on Oct. 17, 2022.", None)
    by_text = {d["text"]: d for d in items}
    assert by_text["Tuesday"]["value"] is None
    assert by_text["Oct. 17, 2022"]["from"] == "2022-10-17"


def test_seed_page_dates():
    from factwire import extract

    rec = extract(SEED.read_text(encoding="utf-8"), published="2022-11-19")
    text = rec.text if hasattr(rec, "text") else rec["text"]
    got = {(d["text"], d["from"], d["to"]) for d in find_dates(parse(text), dt.date(2022, 11, 19))}
    for want in [("Since November 11", "2022-11-11", "2022-11-19"), ("Saturday", "2022-11-19", None),
                 ("Thursday", "2022-11-17", None), ("August", "2022-08", None),
                 ("September", "2022-09", None), ("early November", "2022-11", None),
                 ("earlier this month", "2022-11-01", "2022-11-19"),
                 ("earlier this year", "2022-01-01", "2022-11-19"),
                 ("this week", "2022-11-14", "2022-11-20")]:
        assert want in got, want
    captions = [getattr(c, "text", c) for c in getattr(rec, "captions", [])]
    caption_dates = {(d["text"], d["from"]) for c in captions for d in find_dates(parse(c), dt.date(2022, 11, 19))}
    assert ("October 17, 2022", "2022-10-17") in caption_dates


