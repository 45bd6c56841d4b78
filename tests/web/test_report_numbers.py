"""The report keeps reported numbers as written and shows deaths and weapons (issue 12)."""
from __future__ import annotations

from factwire.web.report import counts_text, fatalities_text


def test_a_bound_stays_a_bound():
    ev = {"counts_summary": {"drone": {"min": 100, "max": 100}},
          "counts_by_source": [{"value": 100, "relation": "gt", "item": "drones"}]}
    assert counts_text(ev) == "more than 100 drone"


def test_exact_and_spread_numbers():
    ev = {"counts_summary": {"missile": {"min": 90, "max": 160}},
          "counts_by_source": [{"value": 90, "relation": "gt"}, {"value": 160, "relation": "approx"}]}
    assert counts_text(ev) == "90-160 missile"
    exact = {"counts_summary": {"drone": {"min": 5, "max": 5}}, "counts_by_source": [{"value": 5, "relation": "eq"}]}
    assert counts_text(exact) == "5 drone"


def test_fatalities_column():
    assert fatalities_text({"fatalities": 0}) == "0"
    assert fatalities_text({"fatalities_by_source": [{"fatalities": 2}, {"fatalities": 3}]}) == "2-3"
    assert fatalities_text({}) == ""
