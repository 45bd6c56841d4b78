"""Small-places fallback: villages resolved only inside the article's countries/regions,
never over a big place, never inside an organisation name; bounded load time.
Sentences are written for these tests (not benchmark text)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from factwire.facts.gazetteer import get_gazetteer
from factwire.facts.nlp import parse
from factwire.facts.places import find_places
from factwire.facts.places_small import DATA_FILE, canonical_region, fold_key, get_small_places, small_key

pytestmark = pytest.mark.skipif(not DATA_FILE.exists(), reason="small_places data file missing")


def by_text(text: str) -> dict[str, dict]:
    return {p["text"]: p for p in find_places(parse(text), None)}


def test_village_with_oblast_resolves_inside_the_region():
    p = by_text("Shelling hit Vorzel, Kyiv oblast, on Monday.")["Vorzel"]
    assert (p["name"], p["country"], p["kind"]) == ("Vorzel", "UA", "city")
    assert abs(p["lat"] - 50.54) < 0.05 and abs(p["lon"] - 30.15) < 0.05


def test_village_resolves_with_the_country_named_in_the_article():
    p = by_text("Ukraine said its troops pushed Russian forces out of Makariv on Friday.")["Makariv"]
    assert p["country"] == "UA" and p["lat"] is not None


def test_region_picks_the_namesake_in_that_region():
    # "Kamyanka" is a village name in several Ukrainian oblasts; the one in Cherkasy is meant.
    p = by_text("Activists marched in Kamyanka, Cherkasy, on Saturday.")["Kamyanka"]
    assert p["country"] == "UA" and abs(p["lat"] - 49.04) < 0.1 and abs(p["lon"] - 32.10) < 0.1


def test_no_country_context_no_foreign_namesake():
    found = by_text("Police in France said a crowd gathered in Vorzel on Sunday.")
    assert "Vorzel" not in found or found["Vorzel"]["country"] == "FR"
    assert all(p["country"] in ("FR", None) for p in found.values())


def test_village_alone_without_any_country_is_not_guessed():
    assert "Vorzel" not in by_text("Residents of Vorzel cleared the rubble on Tuesday.")


def test_big_city_wins_over_small_namesake():
    found = by_text("Officials in Paris, France, met on Tuesday.")
    assert found["Paris"]["country"] == "FR" and found["Paris"]["lat"] == pytest.approx(48.85, abs=0.1)


def test_organisation_names_are_unaffected():
    found = by_text("The Makariv Bakery Company in Ukraine opened a new shop.")
    assert "Makariv" not in found and "Makariv Bakery Company" not in found


def test_key_and_region_normalisation():
    assert small_key("Kam\u2019yanka") == small_key("Kamyanka") == "kamyanka"
    assert small_key("Korsun-Shevchenkivskyi") == "korsun shevchenkivskyi"
    gaz = get_gazetteer()
    assert canonical_region("Kiev", "UA", gaz) == canonical_region("Kyiv oblast", "UA", gaz)
    assert canonical_region("Kharkivs\u2019ka Oblast\u2019", "UA", gaz) == canonical_region("Kharkiv region", "UA", gaz)


def test_not_loaded_at_import():
    """The small-places index loads on first use only (its load time is a benchmark matter)."""
    imported = subprocess.run([sys.executable, "-c", "import factwire.facts.places as p, factwire.facts."
                               "places_small as s; print(s._load.cache_info().currsize)"],
                              capture_output=True, text=True, check=True)
    assert imported.stdout.strip() == "0"  # not loaded at import


def test_untagged_city_after_a_preposition_is_a_place():
    """spaCy sm leaves "Odesa" untagged in this sentence; the locative rule finds it."""
    from factwire import extract

    rec = extract("Russian forces launched a drone strike on Odesa on Thursday, damaging the port.",
                  input_kind="text", clean=False, published="2022-11-17")
    odesa = [p for p in rec.places if p["text"] == "Odesa"]
    assert odesa and odesa[0]["country"] == "UA" and abs(odesa[0]["lat"] - 46.48) < 0.2
    assert not any(p["text"] == "Thursday" for p in rec.places)


def test_region_written_next_to_the_name_beats_a_bigger_namesake():
    """The main gazetteer knows Zolochiv in Lviv oblast (22k); "Zolochiv, Kharkiv oblast" is the
    town of the same name in Kharkiv oblast."""
    p = by_text("Artillery hit Zolochiv, Kharkiv oblast, overnight.")["Zolochiv"]
    assert abs(p["lat"] - 50.27) < 0.05 and abs(p["lon"] - 35.98) < 0.05
    assert p["precision"] == "place" and p["region"] == "Kharkiv"
    assert by_text("Artillery hit Zolochiv in Kharkiv oblast.")["Zolochiv"]["lat"] == p["lat"]


def test_transliteration_variants_resolve():
    """Ukrainian-style "ia/i" and Russian-style spellings find GeoNames' "ya"/Ukrainian names."""
    p = by_text("Shelling was reported near Sviatohirsk, Donetsk oblast, on Monday.")["Sviatohirsk"]
    assert p["precision"] == "place" and abs(p["lat"] - 49.04) < 0.05
    p = by_text("Separatists fired at Svetlodarsk, Donetsk region.")["Svetlodarsk"]
    assert p["precision"] == "place" and abs(p["lat"] - 48.43) < 0.05


def test_unknown_village_with_region_keeps_its_name_at_region_precision():
    found = by_text("Russian forces shelled Tykhovyrka, Donetsk oblast, on Monday.")
    p, region = found["Tykhovyrka"], found["Donetsk oblast"]
    assert (p["name"], p["precision"], p["region"]) == ("Tykhovyrka", "region", "Donetsk")
    assert (p["lat"], p["lon"]) == (region["lat"], region["lon"]) and region["precision"] == "region"


def test_name_of_many_villages_in_the_region_is_not_guessed():
    """Oleksandrivka: several villages of that name in Donetsk oblast, far apart."""
    p = by_text("Fighting continued near Oleksandrivka, Donetsk oblast.")["Oleksandrivka"]
    assert p["precision"] == "region"


def test_lists_and_states_are_not_regions():
    for text in ("Russian missiles hit Lviv, Kharkiv and Kyiv on Monday.", "Explosions were reported in Lviv, Kharkiv."):
        found = by_text(text)
        assert abs(found["Lviv"]["lat"] - 49.84) < 0.05 and found["Lviv"]["precision"] == "place", text
        assert found["Kharkiv"]["precision"] == "place"
    found = by_text("Explosions were heard in Odesa, Mykolaiv, Kherson and Zaporizhzhia.")
    assert all(p["precision"] == "place" for p in found.values()) and abs(found["Odesa"]["lat"] - 46.49) < 0.05
    found = by_text("Buses left Berdiansk, Enerhodar and Melitopol on Friday.")
    assert found["Enerhodar"]["precision"] == "place" and abs(found["Enerhodar"]["lat"] - 47.49) < 0.05
    found = by_text("Storms hit Ohio, Michigan and Indiana.")
    assert abs(found["Ohio"]["lat"] - 40.59) < 0.5 and found["Ohio"]["precision"] == "region"


def test_a_date_before_a_country_is_no_place():
    assert "Tuesday" not in by_text("Three died at a plant on Tuesday, Bolivia's ombudsman said.")


def test_fold_key_and_index_lookup():
    assert fold_key("Pervomaisk") == fold_key("Pervomaysk") == fold_key("Pervomaijsk")
    assert fold_key("Kam’yanske") == fold_key("Kamianske")
    assert fold_key("St. Joseph") == fold_key("Saint Joseph")
    small = get_small_places()
    rows = small.rows("Zolochiv")
    assert {r[2] for r in rows} >= {"lviv", "kharkiv"} and int(rows[0][5]) >= int(rows[-1][5])
    assert small.rows("Qqqzzzx") == [] and small.rows("") == []
    assert small.has_region("UA", frozenset({"donetsk"})) and not small.has_region("UA", frozenset({"enerhodar"}))


def test_district_resolves_to_its_centre_at_region_precision():
    from factwire.facts.places import centre_names

    found = by_text("Shelling hit Pokrovskyi district, Donetsk oblast, overnight.")
    p = found["Pokrovskyi district"]
    assert (p["name"], p["precision"]) == ("Pokrovsk", "region") and abs(p["lat"] - 48.28) < 0.05
    assert found["Donetsk oblast"]["precision"] == "region"
    assert by_text("Troops fired artillery in the Okhtyrka district, Sumy.")["Okhtyrka district"]["name"] == "Okhtyrka"
    assert "Kakhovka" in centre_names("Kakhovskyi") and "Sumy" in centre_names("Sumskyi")
    assert centre_names("Okhtyrka") == ["Okhtyrka"]


def test_region_after_an_unknown_name_is_a_region():
    found = by_text("Mortars hit positions near Tykhovyrka-2, Luhansk.")
    assert found["Luhansk"]["precision"] == "region"
    assert by_text("On Monday, Kharkiv was shelled.")["Kharkiv"]["precision"] == "place"
