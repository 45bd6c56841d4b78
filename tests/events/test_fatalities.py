"""Fatalities in ACLED's meaning: the reported number of deaths of the incident (lower bound of
'at least N' or a range, conventional values for 'tens'/'dozens', deaths told in the sentences
after the incident, the count a note states)."""
from __future__ import annotations

import pytest

from factwire import extract


def top(text: str) -> dict:
    rec = extract(text, input_kind="text", clean=False, published="2022-03-20")
    assert rec.to_dict()["events"], text
    return max(rec.to_dict()["events"], key=lambda e: e["confidence"])


@pytest.mark.parametrize("text,n", [
    ("On 1 March 2022, Russian air force fired at a dormitory in Vasylkiv, Kyiv. 2 people were killed, 3 wounded.", 2),
    ("On 14 January 2022, the Ukrainian Forces fired 82mm mortars at the positions of the Luhansk People's "
     "Militia near Donetskyi, Luhansk. As a result of the shelling, one LPR rebel was killed.", 1),
    ("On 9 March 2022, rebel forces shelled Rubizhne, Luhansk. Four civilians were found dead.", 4),
    ("On 10 March 2022, Ukrainian forces shot down a Russian Su-25 aircraft in the Chernihiv region. "
     "The pilot died.", 1),
    ("On 15 March 2022, a civilian was shot dead by Russian forces in Myla, Kyiv.", 1),
    ("On 5 March 2022, Russian forces shelled Kharkiv, killing dozens of civilians.", 12),
    ("On 5 March 2022, Russian forces shelled Kharkiv, killing tens of civilians.", 10),
    ("Around 23 March 2022, Russian forces abducted and killed a village head in Motyzhyn, Kyiv, "
     "as well as her husband and son.", 3),
    ("On 7 April 2022, Russian forces shelled Kharkiv, as a result of which at least 3 civilians were killed.", 3),
])
def test_reported_deaths(text, n):
    assert top(text)["fatalities"] == n


def test_stated_count_holds():
    e = top("On 11 March 2022, Ukrainian forces destroyed a Russian military column near Chuhuiv, Kharkiv. "
            "Russian soldiers were also killed. Unspecified fatalities coded as 10.")
    assert e["fatalities"] == 10


def test_deaths_coded_to_another_event_are_not_counted():
    e = top("On 24 February 2022, the Ukrainian forces fired unspecified weapons at the positions of the "
            "Donbass People's Militia near Uzhivka, Donetsk. As a result, one civilian was killed and eight "
            "were wounded (fatalities coded to Horlivka event).")
    assert not e["fatalities"]


def test_split_among_events_gives_a_share():
    e = top("On 4 April 2022, Ukrainian forces clashed with LPR rebel forces near Pervomaisk, Luhansk. "
            "During the day, 20 Ukrainian soldiers were killed in the Luhansk region [20 fatalities split among 5 events].")
    assert e["fatalities"] == 4


def test_no_deaths_is_zero_or_none():
    e = top("On 19 March 2022, Russian troops shelled Budo-Vorobyi, Zhytomyr. There were no civilian casualties.")
    assert not e["fatalities"]


def test_deaths_at_another_place_stay_there():
    rec = extract("On 5 March 2022, Russian forces shelled Kharkiv. Russian forces also struck Kyiv, killing 3 people.",
                  input_kind="text", clean=False, published="2022-03-20")
    by_place = {(e["location"] or {}).get("name"): e["fatalities"] for e in rec.to_dict()["events"]}
    assert by_place.get("Kharkiv") is None and by_place.get("Kyiv") == 3


def test_same_side_act_shares_deaths_with_the_lead_incident():
    e = top("On 27 February 2022, there was an armed clash between Russian and Ukrainian military forces in "
            "Sumy. Russian military forces also shelled the city with artillery. As a result, several residential "
            "buildings were damaged and one person was killed.")
    assert e["fatalities"] == 1
