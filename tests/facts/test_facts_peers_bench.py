"""bench/facts_peers.py: the held-out split is stable and the date adapter scores what it says."""
from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import facts_peers  # noqa: E402


def test_held_split_is_a_stable_third_of_the_ids():
    ids = [f"doc{i}" for i in range(3000)]
    held = [i for i in ids if facts_peers.split_of(i) == "held"]
    assert 800 < len(held) < 1200
    assert held == [i for i in ids if facts_peers.split_of(i) == "held"]


def test_a_quarter_is_scored_from_its_calendar_value_other_dates_from_value():
    quarter = {"start": 0, "end": 13, "text": "third-quarter", "value": {"from": "1989", "to": None},
               "calendar": {"from": "1989-07", "to": "1989-09"}}
    day = {"start": 20, "end": 26, "text": "Friday", "value": {"from": "1989-10-27", "to": None}}
    assert (facts_peers._peer_date(quarter)["from"], facts_peers._peer_date(quarter)["to"]) == ("1989-07", "1989-09")
    assert facts_peers._peer_date(day)["from"] == "1989-10-27"
    assert facts_peers._peer_date({"start": 0, "end": 8, "text": "recently", "value": None})["from"] is None


def test_system_names_become_safe_file_names():
    assert facts_peers.slug("factwire + adjectives (info)") == "factwire_adjectives_info"
    assert "/" not in facts_peers.slug("a/b")
