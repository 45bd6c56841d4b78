"""The seed page and the example corpus (examples/): the completeness cases of issue 12.
Each test names what an analyst reading the page would write down."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from factwire import extract

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def seed() -> list[dict]:
    text = (EXAMPLES / "seed-drones.txt").read_text(encoding="utf-8")
    return extract(text, input_kind="text", published="2022-11-19").to_dict()["events"]


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict]]:
    out = {}
    for line in (EXAMPLES / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if "html" in d:
            out[d["id"]] = extract(d["html"], url=d["url"], published=d["published"]).to_dict()["events"]
    return out


def of_type(events: list[dict], sub: str) -> list[dict]:
    return [e for e in events if e["sub_event_type"] == sub]


def test_agreement_is_not_placed_where_its_purpose_is(seed):
    """'an agreement to manufacture drones ... to bolster their war effort in Ukraine': the deal
    is about Ukraine, it was not made there; 'US intelligence officials' is whose officials."""
    (deal,) = of_type(seed, "Agreement")
    assert (deal.get("location") or {}).get("name") not in ("Ukraine", "United States")


def test_partner_is_no_place(seed):
    """"Russia's latest deal with Tehran may ... increase its ability to produce more drones":
    Tehran is the partner, not where production happens."""
    produce = [e for e in seed if e["action"] == "manufacture" and e.get("target") == "more drones"]
    assert produce and all((e.get("location") or {}).get("name") != "Tehran" for e in produce)


def test_partitive_pronoun_counts_the_missiles_not_people(corpus):
    """'Air defenses shot down more than 90 of them': them = the missiles counted before."""
    (intercept,) = of_type(corpus["kyiv-wire"], "Disrupted weapons use")
    assert [c["item"] for c in intercept["counts"]] != ["people"]
    assert intercept["counts"][0]["value"] == 90 and intercept["counts"][0]["relation"] == "gt"


def test_no_one_injured_is_the_first_strikes_outcome(corpus):
    """'No one was injured in the strike' is a mention of the missile strike with fatalities 0,
    not a second, actor-less strike."""
    events = corpus["lviv-daily"]
    assert len(events) == 1
    (strike,) = events
    assert strike["fatalities"] == 0
    assert strike["location"]["name"] == "Lviv"


def test_people_killed_at_a_place_is_coded(corpus):
    """'Two people were killed in Kyiv when debris fell ... on Thursday': an incident with two
    deaths in Kyiv on 17 November, though the doer is untold."""
    killed = [e for e in corpus["kyiv-wire"] if e.get("fatalities") == 2]
    assert len(killed) == 1
    assert killed[0]["location"]["name"] == "Kyiv"
    assert killed[0]["date"]["from"] == "2022-11-17"


def test_iran_supplies_the_drones(seed):
    """"Iranian plans to 'give away' hundreds of Shahed-136 drones to Russia" and "1,000
    Iranian-supplied drones were shipped to Russia": Iran is the giver of both."""
    supplies = [e for e in seed if e["action"] == "supply"]
    assert len(supplies) == 2
    assert all("Iran" in (e.get("actor_norm") or "") for e in supplies)
