"""Event location: precision, the name as written, region fallbacks never passed off as the place.
Sentences are written for these tests (not benchmark text)."""
from __future__ import annotations

import pytest

from factwire import extract
from factwire.events.context import as_location, written_name
from factwire.facts.places_small import DATA_FILE
from factwire.model import Place


def place(text: str, name: str, kind: str, precision: str | None = None) -> Place:
    """A place fact as the facts stage makes it (no precision: an item from before precision)."""
    return Place(text=text, start=0, end=len(text), name=name, country=None, lat=None, lon=None,
                 kind=kind, precision=precision)


def top_location(text: str) -> dict | None:
    rec = extract(text, input_kind="text", clean=False, published="2022-03-02")
    assert rec.to_dict()["events"], text
    return max(rec.to_dict()["events"], key=lambda e: e["confidence"])["location"]


@pytest.mark.skipif(not DATA_FILE.exists(), reason="small_places data file missing")
def test_village_named_with_its_region_is_the_location():
    loc = top_location("On 1 March 2022, Russian forces shelled Zolochiv, Kharkiv oblast.")
    assert (loc["name"], loc["precision"]) == ("Zolochiv", "place")
    assert abs(loc["lat"] - 50.27) < 0.05


@pytest.mark.skipif(not DATA_FILE.exists(), reason="small_places data file missing")
def test_unknown_village_keeps_its_name_with_region_precision():
    loc = top_location("On 1 March 2022, Russian forces shelled Tykhovyrka, Donetsk oblast.")
    assert (loc["name"], loc["precision"], loc["region"]) == ("Tykhovyrka", "region", "Donetsk")
    assert loc["gazetteer_name"] is None and loc["lat"] is not None


def test_name_as_written_and_gazetteer_name():
    loc = top_location("On 1 March 2022, Russian missiles struck targets in Kiev.")
    assert (loc["name"], loc["gazetteer_name"], loc["precision"]) == ("Kiev", "Kyiv", "place")


def test_region_and_country_precision():
    region = as_location(place("the Kherson oblast", "Kherson", "city", "region"))
    assert (region.name, region.precision) == ("Kherson", "region")
    country = as_location(place("the US", "United States", "country"))
    assert (country.name, country.precision) == ("United States", "country")
    dateline = as_location(place("ODESA", "Odesa", "city"))
    assert dateline.name == "Odesa"
    legacy = as_location(place("Lviv", "Lviv", "city"))
    assert legacy.precision == "place"
    assert written_name("Donetsk region") == "Donetsk" and written_name("Region") == "Region"


@pytest.mark.skipif(not DATA_FILE.exists(), reason="small_places data file missing")
def test_district_location_is_named_by_its_centre():
    loc = top_location("On 1 March 2022, Russian forces shelled Pokrovskyi district, Donetsk oblast.")
    assert (loc["name"], loc["precision"], loc["text"]) == ("Pokrovsk", "region", "Pokrovskyi district")


def test_an_adjectival_place_is_never_an_event_location_nor_context():
    from factwire.events.context import Context
    from factwire.facts.nlp import parse

    text = "Turkish troops shelled a village on Monday, killing two civilians."
    rec = extract(text, input_kind="text", clean=False, published="2022-03-02")
    assert [p.use for p in rec.places] == ["adjectival"]
    assert Context(parse(rec.text), rec).places == []
    for e in rec.to_dict()["events"]:
        assert e["location"] is None or e["location"].get("country") != "TR", e["location"]
