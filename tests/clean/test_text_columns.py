"""Two columns a terminal dump prints side by side (w3m's layout tables) are read one after
the other; prose, tables and label/value lists are left as they are."""
from __future__ import annotations

import textwrap

from factwire.clean import clean_text
from factwire.clean.text_columns import split_columns
from factwire.clean.text_unwrap import normalize

ARTICLE = [
    "Verified video footage, eyewitness testimony from people on the ground and information "
    "gathered from human rights activists outside the country reveal a harrowing pattern of "
    "unlawful killings by the security forces, which have used excessive force.",
    "At least 106 protesters in 21 cities have been killed, according to credible reports "
    "received by the organization. It believes that the real death toll may be much higher, "
    "with some reports suggesting as many as 200 have been killed in the unrest.",
    "Hundreds of demonstrators blocked roads, using their parked cars as a form of protest. "
    "Verified video footage shows riot police smashing windows of cars with drivers still inside.",
]
SIDEBAR = [
    "Other news in this section",
    "*Armenia named most popular spot for Russian travelers in 2019 * Armenia has been named the "
    "most popular destination among Russians in 2019, a booking service reveals.",
    "*Iconic props and costumes will be auctioned * The auction, scheduled for next month, "
    "includes replicas of the famous couch and a holiday costume.",
]
LEFT, GAP = 40, 1


def side_by_side(left: list[str], right: list[str]) -> str:
    """Two columns laid out as w3m prints a two-cell layout table: the left cell 40 columns
    wide, its lines padded to the gap, the right cell's lines after it."""
    def column(paras: list[str], width: int) -> list[str]:
        out: list[str] = []
        for p in paras:
            out.extend(textwrap.wrap(p, width) + [""])
        return out
    lcol, rcol = column(left, LEFT), column(right, 38)
    rows = max(len(lcol), len(rcol))
    lcol += [""] * (rows - len(lcol))
    rcol += [""] * (rows - len(rcol))
    return "\n".join((a.ljust(LEFT + GAP) + b).rstrip() for a, b in zip(lcol, rcol))


def page(body: str) -> str:
    head = textwrap.fill("Protesters killed in the unrest across more than 100 cities, the "
                         "rights group said on Tuesday in its report on the crackdown.", 78)
    tail = textwrap.fill("Content of this site is licensed under a Creative Commons License; "
                         "you may share it with attribution to the agency and a link to it.", 78)
    return "Home\nNews\nArticles\n\n" + head + "\n\n" + body + "\n\n" + tail + "\n"


def test_side_by_side_columns_are_read_one_after_the_other():
    out = normalize(page(side_by_side(ARTICLE, SIDEBAR)))
    for para in ARTICLE + SIDEBAR:
        assert para in out
    assert out.index(ARTICLE[-1]) < out.index(SIDEBAR[1])


def test_the_article_of_a_two_column_dump_comes_out_whole():
    paragraphs = clean_text(page(side_by_side(ARTICLE, SIDEBAR))).paragraphs
    for para in ARTICLE:
        assert para in paragraphs
    assert not any("Armenia" in p and "protesters" in p for p in paragraphs)


def test_single_column_prose_is_not_split():
    text = "\n\n".join(textwrap.fill(p * 2, 78) for p in ARTICLE)
    lines = text.splitlines()
    assert split_columns(lines, 78) == lines


def test_a_table_of_labels_and_values_is_not_two_columns():
    rows = [f"{label:<30} {value}" for label, value in [
        ("Number of Buttons on the left", "7"), ("Interface of the mouse itself", "USB Wired"),
        ("Weight of the device in grams", "95"), ("Sensor used by the maker here", "optical"),
        ("Battery life in hours of use", "70"), ("Colours the maker sells it in", "black"),
        ("Warranty given by the maker", "2 years")]]
    assert split_columns(rows, 78) == rows


def test_a_table_row_with_several_cell_gaps_is_not_two_columns():
    rows = [f"{a:<24} {b:<24} {c}" for a, b, c in [
        ("Name of the first company", "Market cap in dollars", "Dividend yield in per cent"),
        ("Procter and Gamble Company", "390 billion dollars now", "2.4 per cent a year paid"),
        ("Coca Cola Company of Atlanta", "280 billion dollars now", "2.9 per cent a year paid"),
        ("Johnson and Johnson Company", "370 billion dollars now", "3.1 per cent a year paid"),
        ("Pepsi Cola Company of Purchase", "230 billion dollars now", "3.0 per cent a year paid"),
        ("Walmart Incorporated of Arkansas", "480 billion dollars now", "1.4 per cent a year paid"),
        ("Target Corporation of Minneapolis", "60 billion dollars now", "3.3 per cent a year paid")]]
    assert split_columns(rows, 78) == rows
