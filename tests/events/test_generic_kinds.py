"""Kinds, classes, life stories and industries (events/kinds.py): trigger words that tell no
incident. Each sentence sits beside a real incident in its own paragraph, which must still be
coded; the literal twins below must keep their events. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from factwire import extract

INCIDENT = "\n\nOn 2 March 2022, Russian soldiers shot dead two civilians in Bucha."
INCIDENT_TYPE = "Attack"


def subs(text: str) -> list[str]:
    events = extract(text, input_kind="text", clean=False, published="2022-03-05", timeout=0).to_dict()["events"]
    return [e["sub_event_type"] for e in events]


@pytest.mark.parametrize("generic, wrong", [
    ("Cheap drone strikes cause political embarrassment for the government.", "Air/drone strike"),
    ("The minister praised those who have fought for freedom.", "Armed clash"),
    ("The envoy, who as a child fled her native land, became a citizen.", "Other"),
    ("The plan calls for cooperation in the aircraft building and missile industries.", "Other"),
    ("A major project is the joint manufacturing of cargo planes, the statement said.", "Other"),
])
def test_a_kind_is_no_event_but_the_incident_is(generic, wrong):
    found = subs(generic + INCIDENT)
    assert wrong not in found
    assert INCIDENT_TYPE in found


@pytest.mark.parametrize("literal, sub", [
    ("On 3 March, Russian drone strikes hit an oil depot in Kalynivka, Kyiv.", "Air/drone strike"),
    ("On 3 March, Ukrainian forces retook Kamyanka, Kherson.", "Government regains territory"),
    ("On 3 March, those who fought Russian troops near Izium on Tuesday withdrew.", "Armed clash"),
    ("On 3 March, Iran began manufacturing Shahed drones for Russia.", "Other"),
])
def test_the_literal_twin_keeps_its_event(literal, sub):
    assert sub in subs(literal)


def _undated(text: str) -> list[str]:
    events = extract(text, input_kind="text", clean=False, timeout=0).to_dict()["events"]
    return [e["sub_event_type"] for e in events]


def test_undated_text_measures_history_from_the_latest_past_it_tells():
    """No publication date: the latest date told in a past-tense sentence bounds it, so an
    attack two years before that is background (passes.history_anchor)."""
    text = ("Militants attacked a police post in Ben Guerdane, Tunisia, in March 2016.\n\n"
            "In May 2018 the government opened a new border office in Tunis.")
    assert "Attack" not in _undated(text)


def test_a_future_date_is_no_bound_on_an_undated_text():
    text = ("Militants attacked a police post in Ben Guerdane, Tunisia, in March 2016.\n\n"
            "The government will open a new border office in Tunis in May 2018.")
    assert "Attack" in _undated(text)
