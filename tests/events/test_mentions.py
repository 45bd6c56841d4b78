"""A definite mention of an incident already told that only times or modifies something else
is a mention of that incident, not a second event (events/frames.py). A time anchor ('after
the blast, police found ...') is not merged: see NOTES (WikiEvents marks it as an event)."""
from __future__ import annotations

from factwire import extract

FIRST = "A bomb exploded in a market in Chelsea on Saturday, injuring 29 people. "


def events(text: str) -> list[dict]:
    return extract(text, input_kind="text", clean=False, published="2016-09-19").to_dict()["events"]


def test_timed_against_is_a_mention_even_with_its_place():
    evs = events(FIRST + "The explosion in Chelsea comes as world leaders arrive for the General Assembly.")
    assert len(evs) == 1 and evs[0]["mentions"]


def test_modifier_of_another_noun_is_a_mention():
    evs = events(FIRST + "Hospitals declined to give the extent of the injuries from the explosion.")
    assert len(evs) == 1


def test_bare_plural_in_talk_is_a_kind_not_an_incident():
    evs = events("The documentary traces the evidence linking the group to terrorist attacks.")
    assert evs == []
