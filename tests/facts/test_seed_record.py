"""The seed page end to end (issue 3's expectations): one record from the raw scraped text,
facts from the body and the captions, nothing from the site's chrome."""
from __future__ import annotations

import pytest

from factwire import extract

from fwtest import SEED


@pytest.fixture(scope="module")
def rec():
    return extract(SEED.read_bytes(), published="2022-11-19")


def spans(items, key="text"):
    return [i[key] for i in items]


def test_offsets_index_into_their_text(rec):
    for field in ("entities", "dates", "quantities", "places"):
        for item in getattr(rec, field):
            text = rec.captions[item["caption"]].text if item.get("caption") is not None else rec.text
            assert text[item["start"]:item["end"]] == item["text"], (field, item)


def test_quantities(rec):
    q = {(i["value"], i["relation"]) for i in rec.quantities}
    for want in [(1000, "eq"), (400, "approx"), (150, "approx"), (25, "gt"), (100, "gt"), (50, "approx"), (2, "eq")]:
        assert want in q, want
    assert not {18, 5, 136} & {i["value"] for i in rec.quantities}
    drones = next(i for i in rec.quantities if i["value"] == 25)
    assert drones["item"] == "kamikaze drones"


def test_dates(rec):
    got = {i["text"]: i["value"] for i in rec.dates}
    assert got["Since November 11"] == {"from": "2022-11-11", "to": "2022-11-19"}
    assert got["Saturday"]["from"] == "2022-11-19" and got["Thursday"]["from"] == "2022-11-17"
    assert got["August"]["from"] == "2022-08" and got["September"]["from"] == "2022-09"
    assert got["early November"]["from"] == "2022-11"


def test_places(rec):
    names = set(spans(rec.places, "name"))
    assert {"Moscow", "Tehran", "Iran", "Russia", "Ukraine", "Kherson", "Kharkiv", "Poland"} <= names
    assert not {"Washington", "Tustin", "Irvine"} & names
    kherson = next(p for p in rec.places if p["name"] == "Kherson")
    assert kherson["country"] == "UA" and abs(kherson["lat"] - 46.6) < 0.5
    assert any(p["name"] == "Iran" and p.get("caption") is not None for p in rec.places)


def test_attributions(rec):
    sources = " | ".join(spans(rec.attributions, "source"))
    for who in ("Washington Post report", "US intelligence officials", "Oleksii Hromov", "Lloyd Austin"):
        assert who in sources
    hromov = next(a for a in rec.attributions if a["source"] == "Oleksii Hromov")
    assert "Deputy Chief of General Staff" in hromov["role"]
