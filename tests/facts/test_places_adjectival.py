"""Adjectival places: a nationality adjective naming one country, or the adjective of a
multi-country region ("European"), is a place marked "adjectival",
after the literal places and never covering one. Sentences are written for these tests."""
from __future__ import annotations

from factwire.facts.nlp import parse
from factwire.facts.places import find_places
from factwire.facts.places_adjectival import ADJECTIVAL, country_place
from factwire.facts.places_aliases import REGIONS


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


def test_a_region_adjective_is_an_adjectival_region_place_without_a_country():
    found = places("Shares fell on European and Latin American markets on Monday.")
    assert [(p["text"], p["name"], p["country"], p["kind"], p["precision"], p.get("use")) for p in found] == [
        ("European", "Europe", None, "other", "region", ADJECTIVAL),
        ("Latin American", "Latin America", None, "other", "region", ADJECTIVAL)]
    assert (found[0]["lat"], found[0]["lon"]) == REGIONS["Europe"]


def test_a_region_named_as_a_noun_stays_literal():
    found = places("Storms hit the Caribbean and Europe on Monday.")
    assert [(p["text"], p.get("use")) for p in found] == [("Caribbean", None), ("Europe", None)]


def test_a_nation_inside_a_country_and_other_nouns_are_no_adjectival_place():
    assert [p for p in places("English fans and Western diplomats met on Monday.") if p.get("use")] == []


def test_country_points_come_from_the_gazetteer_row_of_that_country():
    assert country_place("TR").country == "TR" and country_place("TR").kind == "country"
    assert country_place("GB").name  # ISO "United Kingdom ..." found through its common name
    assert country_place("ZZ") is None


def test_a_demonym_opening_a_sentence_is_adjectival_too():
    # spaCy sm tags it GPE there; the literal pass finds no place of that name
    found = places("Ukrainian officials met in Warsaw on Monday.")
    assert {p["text"]: p.get("use") for p in found} == {"Ukrainian": ADJECTIVAL, "Warsaw": None}


def test_a_nation_adjective_before_a_settlement_noun_is_that_nation_whatever_spacy_labels_it():
    found = places("He lived in a Scottish village, then in the English city of Salisbury.")
    adj = {p["text"]: p for p in found if p.get("use")}
    assert {t: (p["name"], p["country"], p["precision"]) for t, p in adj.items()} == {
        "Scottish": ("Scotland", "GB", "region"), "English": ("England", "GB", "region")}
    assert all(p["lat"] is not None for p in adj.values())


def test_a_nation_adjective_as_a_language_is_no_place():
    assert [p for p in places("She teaches English to refugees and speaks Welsh at home.") if p.get("use")] == []


def test_each_adjective_of_a_hyphenated_compound_is_its_own_place():
    text = "Many Russian-European projects and Turkish-Greek talks stalled."
    found = [p for p in places(text) if p.get("use")]
    assert [(p["text"], p["name"]) for p in found] == [("Russian", "Russia"), ("European", "Europe"),
                                                       ("Turkish", "Turkey"), ("Greek", "Greece")]
    assert all(text[p["start"]:p["end"]] == p["text"] for p in found)


def test_a_compound_with_a_part_that_names_no_place_is_none():
    assert [p for p in places("Sino-Indian talks resumed on Monday.") if p.get("use")] == []
