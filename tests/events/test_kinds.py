"""Event coder: kinds of wording the codebook rules must handle (monitors' counts, clashes
between two sides, passive casualties, territory without fighting, interceptions, protests)
and kinds of prose that tell no new incident. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from factwire import extract


def code(text: str, published: str = "2022-03-21") -> list[dict]:
    return extract(text, input_kind="text", clean=False, published=published).to_dict()["events"]


def top(text: str) -> dict:
    events = code(text)
    assert events, text
    return max(events, key=lambda e: e["confidence"])


@pytest.mark.parametrize("text,sub", [
    ("On 9 March 2022, the monitoring mission counted 14 explosions near Marinka, Donetsk.",
     "Shelling/artillery/missile attack"),
    ("On 9 March 2022, monitors recorded 30 shots of small-arms fire near Marinka, Donetsk.",
     "Armed clash"),
    ("On 9 March 2022, monitors recorded 12 projectiles flying in both directions near Marinka, Donetsk.",
     "Armed clash"),
    ("On 9 March 2022, fighting broke out between Russian and Ukrainian troops near Izium, Kharkiv.",
     "Armed clash"),
    ("On 9 March 2022, Ukrainian troops regained control of Makariv, Kyiv. It is not known whether there was any fighting.",
     "Non-violent transfer of territory"),
    ("On 9 March 2022, air defence units destroyed two Russian drones over Odesa.", "Disrupted weapons use"),
    ("On 9 March 2022, Ukrainian air defence shot down a Russian Su-25 jet near Kharkiv.",
     "Shelling/artillery/missile attack"),
    ("On 9 March 2022, Russian troops launched an offensive operation towards Izium, Kharkiv.", "Armed clash"),
    ("On 9 March 2022, Ukrainian troops destroyed a column of Russian armoured vehicles near Sumy.", "Armed clash"),
    ("On 9 March 2022, Russian soldiers opened fire on a car near Bucha, Kyiv, and a civilian died.", "Attack"),
    ("On 9 March 2022, hundreds of people gathered outside the town hall in Lviv demanding higher wages.",
     "Peaceful protest"),
])
def test_kinds(text, sub):
    assert top(text)["sub_event_type"] == sub


def test_monitor_is_no_actor():
    e = top("On 9 March 2022, the monitoring mission counted 14 explosions near Marinka, Donetsk.")
    assert e["actor"] is None and e["actor_norm"] is None


def test_clash_between_two_sides():
    e = top("On 9 March 2022, clashes took place between Russian and Ukrainian forces near Izium, Kharkiv.")
    assert e["actor_norm"] == "Military Forces of Russia (2000-)"
    assert e["target_norm"] == "Military Forces of Ukraine (2019-)"


def test_passive_casualty_keeps_victims():
    e = top("On 5 March 2022, a civilian was killed by shelling in Kharkiv.")
    assert e["sub_event_type"] == "Shelling/artillery/missile attack"
    assert e["target_norm"] == "Civilians (Ukraine)" and e["fatalities"] == 1


def test_weapon_subject_gives_its_launcher():
    e = top("On 5 March 2022, two shells fired by Russian forces hit a school in Chernihiv.")
    assert e["actor_norm"] == "Military Forces of Russia (2000-)"


def test_protesters_are_named_by_role():
    e = top("On 9 March 2022, residents of Kherson held a rally against the occupation.")
    assert e["actor_norm"] == "Protesters (Ukraine)"


def test_governmental_positions_belong_to_home_state():
    e = top("On 9 March 2022, rebel forces fired mortars at governmental positions near Avdiivka, Donetsk.")
    assert e["target_norm"] == "Military Forces of Ukraine (2019-)"


def test_two_sides_firing_at_each_other_is_a_clash():
    e = top("On 9 March 2022, rebel forces fired mortars at Ukrainian positions near Avdiivka, Donetsk. "
            "Ukrainian forces fired mortars at rebel positions near Avdiivka.")
    assert e["sub_event_type"] == "Armed clash"


def test_note_without_final_stop_is_no_heading():
    assert code("On 1 April 2022, Russian forces shelled Izium, Kharkiv. Casualties unknown")


@pytest.mark.parametrize("text", [
    "According to the mayor, the city was calm on Sunday.",
    "She said she heard the explosion from her kitchen.",
    "The company manufactures spare parts for tractors.",
    "Police officers rushed to the scene of the blast.",
    "He was captured after a week-long manhunt.",
    "The group still holds 17 hostages.",
    "The council is dealing with the budget.",
])
def test_no_event(text):
    assert code(text) == []


def test_movement_of_forces_is_a_change_of_activity():
    e = top("On 9 March 2022, a column of Russian military vehicles was moving towards Vasylkiv, Kyiv.")
    assert e["sub_event_type"] == "Change to group/activity"


def test_asserted_clash_leads_its_paragraph():
    e = top("On 9 March 2022, there was an armed clash between Russian and Ukrainian forces near Sumy. "
            "Russian forces also shelled the town with artillery.")
    assert e["sub_event_type"] == "Armed clash"
