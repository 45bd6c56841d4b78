"""events/complete.py on small texts: each context rule fires where its grammar holds and
nowhere else."""
from __future__ import annotations

from factwire import extract


def events(text: str, published: str = "2023-03-10") -> list[dict]:
    return extract(text, input_kind="text", clean=False, published=published).to_dict()["events"]


def test_relative_date_needs_the_event_inside_the_after_phrase():
    """An event before 'three days after' is the anchor, not the dated one."""
    evs = events("Russian forces shelled Kherson on Tuesday, three days after the talks in Geneva.")
    shelled = [e for e in evs if e["action"] == "shell"]
    assert shelled and all(not any(n["slot"] == "date" for n in e.get("inferred") or []) for e in shelled)


def test_relative_date_from_a_dated_main_clause():
    """'On 1 March ... two days after a drone hit Odesa': the drone strike was on 27 February."""
    evs = events("The mayor spoke on 1 March 2023, two days after a Russian drone hit Odesa, killing three people.")
    hit = [e for e in evs if e["fatalities"] == 3]
    assert hit and hit[0]["date"] == {"from": "2023-02-27", "to": None}


def test_no_article_actor_when_sides_are_split():
    """Two sides strike each other equally often: an actor-less strike stays actor-less."""
    evs = events("Russian forces shelled Kharkiv on Monday. Ukrainian forces shelled Donetsk on Monday. "
                 "Missiles were fired at Izium on Tuesday.")
    izium = [e for e in evs if (e.get("location") or {}).get("name") == "Izium"]
    assert izium and izium[0]["actor_norm"] is None and "inferred" not in izium[0]
