"""Issue 13, session 5: how a mention is located by what the text writes around it -- compass
words before a name, two names run together by a lost comma, the town or region a street or
building is written with. Each test names the behaviour, never a benchmark file."""
from __future__ import annotations

from factwire.facts.nlp import parse
from factwire.facts.places import find_places


def places(text: str) -> dict[str, dict]:
    return {p["text"]: p for p in find_places(parse(text), None)}


def test_two_compass_words_before_a_city_still_name_that_city():
    got = places("Peddar, of Brent, north west London, denies two counts of assisting an offender.")
    london = next(p for t, p in got.items() if t.endswith("London"))
    assert london["country"] == "GB" and abs(london["lat"] - 51.5) < 0.5


def test_a_hyphenated_compass_prefix_is_skipped_too():
    got = places("Flooding hit homes across south-east England on Friday.")
    england = next(p for t, p in got.items() if t.endswith("England"))
    assert england["country"] == "GB"


def test_two_countries_run_together_by_a_lost_comma_are_two_places():
    got = places("Youth unemployment is high in countries such as Cyprus, Greece Italy or Spain.")
    assert got["Greece"]["country"] == "GR" and got["Italy"]["country"] == "IT"


def test_a_known_two_word_name_is_not_split():
    got = places("The storm reached New Jersey on Monday.")
    assert "New Jersey" in got and "Jersey" not in got


def test_a_facility_takes_the_town_written_after_it_over_an_earlier_one():
    got = places("Tesco left Kosice last year. It kept the department store on Kamenne Square in Bratislava.")
    square = got["Kamenne Square"]
    assert square["locality"] == "Bratislava" and square["precision"] == "locality"


def test_a_facility_in_an_article_without_a_town_takes_its_region_with_region_precision():
    got = places("Cuyahoga County levies pay for care. Care is available to all at MetroHealth Medical Center.")
    hospital = got["MetroHealth Medical Center"]
    assert hospital["precision"] == "region" and hospital["lat"] is not None
    assert abs(hospital["lat"] - got["Cuyahoga County"]["lat"]) < 0.01


def test_a_facility_with_no_place_at_all_in_the_text_still_has_no_point():
    hospital = places("Care is available to all at MetroHealth Medical Center.")["MetroHealth Medical Center"]
    assert hospital["lat"] is None and hospital["precision"] == "locality"


def test_the_eu_as_a_region_is_located_at_its_middle_not_its_seat():
    eu = places("Airports across the EU must cut their charges, the group said.")["EU"]
    assert 49 < eu["lat"] < 51 and 9 < eu["lon"] < 11  # Brussels (50.85, 4.35) is its seat


def test_a_lower_case_building_word_after_an_unknown_name_is_a_facility_at_its_town():
    got = places("Police in London searched an Aeroflot plane at Heathrow airport on Friday.")
    airport = got["Heathrow airport"]
    assert airport["kind"] == "facility" and airport["country"] == "GB" and airport["locality"] == "London"


def test_a_known_place_before_a_lower_case_building_word_stays_the_place():
    got = places("The wounded were taken to a hospital in Kyiv and then to Lviv hospital.")
    assert got["Lviv"]["country"] == "UA" and "Lviv hospital" not in got


def test_a_nationality_before_a_lower_case_building_word_makes_no_facility():
    got = places("Prices rose at the Turkish hotel chain in Ankara.")
    assert not any("Turkish" in t and p.get("use") is None for t, p in got.items())


def test_a_lower_case_street_word_after_a_name_is_a_street():
    got = places("The council in Cork approved the renaming of Third street yesterday.")
    assert got["Third street"]["kind"] == "facility"


def test_a_lone_given_name_tagged_person_is_not_a_town_of_that_name():
    got = places("In 2016, David and Jodi Mahler of Bellmore appeared as guests on the show.")
    assert "David" not in got  # not David, Panama


def test_a_lone_given_name_in_a_list_of_names_is_no_village():
    got = places("He worked to get justice in the deaths of Helen, Clarence, Irene, Marie and Randy Kunz.")
    assert "Helen" not in got


def test_a_given_name_after_a_preposition_of_place_can_still_be_the_town():
    got = places("The two leaders met in Charlotte, North Carolina, on Monday.")
    assert got["Charlotte"]["country"] == "US"


def test_a_welsh_county_is_a_region_with_a_point():
    got = places("A man and a woman were found on a path near New Quay, Ceredigion, on Wednesday.")
    assert got["Ceredigion"]["country"] == "GB" and got["Ceredigion"]["lat"] is not None


def test_a_philippine_province_beats_foreign_towns_of_its_name_in_a_philippine_story():
    got = places("CALAMBA CITY -- The Laguna provincial board met on Monday at the City Hall.")
    assert got["Laguna"]["country"] == "PH"


def test_an_irish_county_named_like_its_city_stays_the_city():
    from factwire.facts.gazetteer import get_gazetteer
    assert all(p.kind == "city" for p in get_gazetteer().lookup("Cork") if p.country == "IE")
    assert any(p.kind == "admin" and p.lat is not None for p in get_gazetteer().lookup("Kerry"))


def test_a_city_name_the_article_writes_as_a_region_is_that_region_everywhere():
    got = find_places(parse("Russian forces, including Donetsk rebels, clashed with Ukrainian forces in "
                            "Mariupol, Donetsk. Casualties unknown."), None)
    donetsk = [p for p in got if p["text"] == "Donetsk"]
    assert len(donetsk) == 2 and all(p["precision"] == "region" for p in donetsk)


def test_a_village_written_with_its_oblast_is_not_a_us_state_namesake():
    got = places("On 1 April 2022, Russian forces shelled New York, Donetsk. Casualties unknown.")
    assert got["New York"]["country"] == "UA" and got["New York"]["precision"] == "place"


def test_streets_of_a_story_naming_its_town_only_in_a_local_body_take_that_town():
    got = places("The Winnipeg Fire Paramedic Service was busy. Crews were called to the 200 block of River Avenue.")
    street = got["River Avenue"]
    assert street["locality"] == "Winnipeg" and street["country"] == "CA"


def test_a_small_namesake_in_an_organisation_name_does_not_locate_streets():
    street = places("The Hope Valley Garden Club met. It plants trees along Mill Road.")["Mill Road"]
    assert street["lat"] is None


def test_a_building_named_head_of_name_after_a_locative_is_a_facility():
    got = places("CALAMBA CITY -- Basketball and swimming were held at the University of Perpetual Help.")
    assert got["University of Perpetual Help"]["kind"] == "facility"
    assert got["University of Perpetual Help"]["locality"] == "Calamba"


def test_a_head_of_name_without_a_locative_is_no_facility():
    assert "University of Perpetual Help" not in places("The University of Perpetual Help said it would reopen.")


def test_a_former_state_is_a_place_without_a_present_country_code():
    got = places("Unlike in the days of the Soviet Union, our country is part of the global economy.")
    ussr = got["Soviet Union"]
    assert ussr["country"] is None and ussr["lat"] is not None


def test_a_country_after_a_locative_is_a_place_whatever_label_the_model_gave_it():
    from factwire.facts import places_spans

    class Tok:  # a PRODUCT-labelled proper noun, as spaCy sm labels "across Mauritius"
        ent_type_, pos_, text = "PRODUCT", "PROPN", "Mauritius"

    assert places_spans._untagged_name(Tok())
    Tok.ent_type_ = "PERSON"
    assert not places_spans._untagged_name(Tok())


def _with_norp(text: str, word: str):
    """The parsed text with `word` re-labelled NORP, as spaCy sm sometimes labels a place name."""
    from spacy.tokens import Span

    doc = parse(text)
    start = text.index(word)
    span = doc.char_span(start, start + len(word))
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [Span(doc, span.start, span.end, "NORP")]
    return doc


def test_a_country_name_labelled_nationality_is_still_the_country():
    got = {p["text"]: p for p in find_places(_with_norp("Talks between Armenia and the EU resumed.", "Armenia"), None)}
    assert got["Armenia"]["country"] == "AM"


def test_a_nationality_adjective_labelled_nationality_stays_no_place():
    got = {p["text"]: p for p in find_places(_with_norp("Armenian officials met in Brussels.", "Armenian"), None)}
    assert got["Armenian"]["use"] == "adjectival"  # a marked adjectival place, never a literal one


def test_a_neighbourhood_written_with_its_town_is_located_by_that_town():
    got = places("Forces fired at positions in Komarova neighborhood of Komsomolets, Donetsk. A transformer was hit.")
    part, town = got["Komarova"], got["Komsomolets"]
    assert part["locality"] == "Komsomolets" and (part["lat"], part["lon"]) == (town["lat"], town["lon"])
    assert part["precision"] != "place"  # never a namesake village's own point
