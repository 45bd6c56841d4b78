"""Adjectival places: a nationality adjective naming one country is a place marked "adjectival",
after the literal places and never covering one. Sentences are written for these tests."""
from __future__ import annotations

from factwire.facts.nlp import parse
from factwire.facts.places import find_places
from factwire.facts.places_adjectival import ADJECTIVAL, country_place


def places(text: str) -> list[dict]:
    return find_places(parse(text), None)


def test_a_nationality_adjective_is_one_adjectival_country_place():
    found = places("Shares fell on the Turkish market on Monday, traders said.")
    assert [(p["text"], p["country"], p["precision"], p.get("use")) for p in found] == [
        ("Turkish", "TR", "country", ADJECTIVAL)]
    assert found[0]["lat"] is not None and found[0]["name"] == "Turkey"


def test_a_literal_country_mention_has_no_use():
    found = places("Shares fell in Turkey on Monday, traders said.")
    assert [(p["text"], p["country"]) for p in found] == [("Turkey", "TR")]
    assert "use" not in found[0]


def test_literal_and_adjectival_places_side_by_side():
    text = "Officials met Turkish diplomats in Warsaw on Monday."
    found = places(text)
    uses = {p["text"]: p.get("use") for p in found}
    assert uses == {"Turkish": ADJECTIVAL, "Warsaw": None}
    assert [text[p["start"]:p["end"]] for p in found] == [p["text"] for p in found]


def test_a_word_that_is_no_country_demonym_is_not_a_place():
    assert [p for p in places("European leaders met on Monday.") if p.get("use")] == []


def test_country_points_come_from_the_gazetteer_row_of_that_country():
    assert country_place("TR").country == "TR" and country_place("TR").kind == "country"
    assert country_place("GB").name  # ISO "United Kingdom ..." found through its common name
    assert country_place("ZZ") is None


def test_a_demonym_opening_a_sentence_is_adjectival_too():
    # spaCy sm tags it GPE there; the literal pass finds no place of that name
    found = places("Ukrainian officials met in Warsaw on Monday.")
    assert {p["text"]: p.get("use") for p in found} == {"Ukrainian": ADJECTIVAL, "Warsaw": None}
