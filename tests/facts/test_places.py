"""Places: seed expectations, disambiguation, not-places (offsets and gold on the fixture articles:
test_fixture_articles.py; the DEV floor: bench/gates/test_gate_facts.py)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from factwire.facts.nlp import parse
from factwire.facts.places import find_places

REPO = Path(__file__).resolve().parents[2]


def places(text: str) -> list[dict]:
    return find_places(parse(text), None)


def by_text(text: str) -> dict[str, dict]:
    return {p["text"]: p for p in places(text)}


@lru_cache(maxsize=1)
def seed_places() -> tuple[str, list[dict]]:
    from factwire import extract

    rec = extract((REPO / "examples" / "seed-drones.txt").read_text(encoding="utf-8"), published="2022-11-19")
    return rec.text, find_places(parse(rec.text), None)


def test_seed_places_with_coordinates():
    _, found = seed_places()
    names = {p["text"] for p in found}
    assert {"Moscow", "Tehran", "Russia", "Ukraine", "Kherson", "Kharkiv", "Poland"} <= names
    assert all(p["lat"] is not None and p["lon"] is not None for p in found)
    kh = [p for p in found if p["text"] in ("Kherson", "Kharkiv")]
    assert kh and all(p["country"] == "UA" and p["kind"] == "city" for p in kh)


def test_seed_not_washington_nor_chrome():
    _, found = seed_places()
    assert not {"Washington", "Tustin", "Irvine"} & {p["text"] for p in found}


def test_iran_is_in_the_seed_title():
    """The body names Iran only as "Iranian"; the country is in the title."""
    found = by_text("Russia, Iran reach agreement to manufacture drones on Russian soil for Ukraine war: report")
    assert found["Iran"]["country"] == "IR" and found["Russia"]["country"] == "RU"


def test_kherson_with_ukraine():
    found = by_text("Ukraine said its troops entered Kherson after Russian forces withdrew.")
    assert found["Kherson"]["country"] == "UA"


def test_paris_texas_vs_france():
    assert by_text("The festival in Paris drew crowds, the mayor said.")["Paris"]["country"] == "FR"
    tx = by_text("A tornado hit Paris, a small city in northeast Texas, on Monday.")["Paris"]
    assert tx["country"] == "US" and abs(tx["lon"] + 95.56) < 0.5


def test_georgia_country_vs_us_state():
    ge = by_text("Protesters filled the streets of Tbilisi as Georgia's parliament voted.")
    assert ge["Georgia"]["country"] == "GE" and ge["Georgia"]["kind"] == "country"
    us = by_text("Voters in Atlanta lined up for hours as Georgia counted ballots.")
    assert us["Georgia"]["country"] == "US" and us["Georgia"]["kind"] == "admin"


def test_not_places():
    text = ("A Washington Post report said the Russian envoy met US President Joe Biden. "
            "Shares on the Hong Kong Stock Exchange fell.")
    assert [p for p in places(text) if p.get("use") is None] == []
    assert [(p["text"], p["use"]) for p in places(text)] == [("Russian", "adjectival")]  # marked, not literal


def test_possessive_country_counts():
    found = by_text("according to Ukraine's Deputy Chief of General Staff Oleksii Hromov on Thursday.")
    assert found["Ukraine"]["country"] == "UA"


def test_aliases_and_regions():
    found = by_text("Britain and the UK's allies in Europe and the Middle East met US officials.")
    assert found["Britain"]["country"] == "GB" and found["UK"]["country"] == "GB"
    assert found["US"]["country"] == "US"
    assert found["Europe"]["kind"] == "other" and found["Europe"]["country"] is None
    assert found["Middle East"]["country"] is None


def test_arizona_is_the_state():
    found = by_text("Migrants crossed into Arizona from Mexico.")
    assert found["Arizona"]["country"] == "US" and found["Arizona"]["kind"] == "admin"


def test_gazetteer_loads_fast_and_small():
    from factwire.facts import gazetteer

    gazetteer._load.cache_clear()
    gaz = gazetteer.get_gazetteer()
    # Loading builds no index in Python (that was ~0.2 CPU s; now ~0.02, bench figure in
    # data/README): nothing is decoded into Place objects or cached until a lookup asks for it.
    assert not gaz._places and not gaz._hits and isinstance(gaz._keys, list)
    assert gazetteer.DATA_FILE.stat().st_size < 3_000_000
    assert gaz.knows("Saint Petersburg") and not gaz.knows("Zzyzxq")


def test_gazetteer_keys_keep_row_order_and_saint_spellings():
    from factwire.facts import gazetteer

    rows = [gazetteer._row("city", "Paris", "FR", 48.85, 2.35, 2_000_000),
            gazetteer._row("city", "Paris", "US", 33.66, -95.56, 24_000, "TX"),
            gazetteer._row("admin", "St. Croix County", "US", None, None, 0, "WI")]
    gaz = gazetteer.Gazetteer(gazetteer.encode(rows))
    assert [p.country for p in gaz.lookup("PARIS")] == ["FR", "US"]
    assert gaz.lookup("Saint Croix County")[0].lat is None
    assert gaz.lookup("Pari") == [] and gaz.lookup("Parisx") == [] and gaz.lookup("") == []


