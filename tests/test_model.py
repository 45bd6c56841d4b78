"""Typed facts and events (model.py): what users read is their JSON (DESIGN.md's shape), so
`to_dict()` must write exactly the keys of that contract and `from_dict()` must read it back."""
from __future__ import annotations

import pytest

from factwire import extract
from factwire.events.context import as_location
from factwire.facts.annotate import _run_one
from factwire.model import FACT_TYPES, Event, Place

from fwtest import SEED


@pytest.fixture(scope="module")
def seed():
    return extract(SEED.read_bytes(), published="2022-11-19")


def test_facts_and_events_round_trip_through_their_json(seed):
    d = seed.to_dict()
    for field, cls in FACT_TYPES.items():
        items = getattr(seed, field)
        assert items and all(isinstance(x, cls) for x in items), field
        assert [cls.from_dict(x).to_dict() for x in d[field]] == d[field], field
    assert seed.events and [Event.from_dict(e).to_dict() for e in d["events"]] == d["events"]


def test_caption_key_only_on_caption_facts(seed):
    d = seed.to_dict()
    body = [p for p in d["places"] if "caption" not in p]
    captions = [p for p in d["places"] if "caption" in p]
    assert body and captions and all(isinstance(p["caption"], int) for p in captions)
    assert all(x.get("caption", 0) is not None for field in FACT_TYPES for x in d[field])


def test_event_json_has_no_working_keys_and_mentions_only_when_merged():
    text = ("A car bomb exploded in Kabul on Monday, killing five people. "
            "The Taliban claimed responsibility for the explosion.")
    merged = extract(text, input_kind="text", clean=False, published="2022-03-02").to_dict()["events"]
    assert [len(e["mentions"]) for e in merged] == [1]
    single = extract("Russian forces shelled Kharkiv on 1 March 2022.", input_kind="text", clean=False,
                     published="2022-03-02").to_dict()["events"]
    assert single and all("mentions" not in e for e in single)
    for e in merged + single:
        assert list(e)[:16] == ["event_type", "sub_event_type", "action", "actor", "target", "actor_norm",
                                "target_norm", "fatalities", "location", "date", "counts", "weapon",
                                "modality", "sources", "evidence", "confidence"]
        assert not any(k.startswith("_") or k == "back_reference" for k in e)


def place(text: str, kind: str, precision: str | None) -> Place:
    return Place(text=text, start=0, end=len(text), name=text, country=None, lat=None, lon=None,
                 kind=kind, precision=precision)


def test_location_writes_gazetteer_name_except_for_countries():
    assert "gazetteer_name" not in as_location(place("Ukraine", "country", "country")).to_dict()
    assert as_location(place("Kyiv", "city", "place")).to_dict()["gazetteer_name"] == "Kyiv"


def test_a_fact_its_type_does_not_fit_costs_the_field_and_is_recorded():
    rec = extract("Nothing happened here.", input_kind="text", clean=False, facts=False)

    def finder(doc, published):
        return [{"text": "X", "label": "ORG", "start": 0, "end": 1, "new_key": 1}]

    assert _run_one(rec, "entities", finder, None, None, caption=None) == []
    assert [e["stage"] for e in rec.errors] == ["facts.entities"]
    assert "new_key" in rec.errors[0]["reason"]


def test_optional_fact_keys_round_trip_in_order():
    """Keys written only when known (a quarter's calendar unit, a nationality's country) come
    back exactly, in the extractors' order."""
    from factwire.model import DateMention, Entity

    date = {"text": "the third quarter", "start": 0, "end": 17, "from": "2022", "to": None, "resolvable": True,
            "kind": "date", "value": {"from": "2022", "to": None},
            "calendar": {"from": "2022-07", "to": "2022-09"}, "quarter": "2022-Q3"}
    plain = {k: v for k, v in date.items() if k not in ("calendar", "quarter")}
    ent = {"text": "Turkish", "label": "NORP", "start": 0, "end": 7, "country": "TR"}
    for cls, d in ((DateMention, date), (DateMention, plain), (Entity, ent)):
        out = cls.from_dict(d).to_dict()
        assert out == d and list(out) == list(d)


def test_place_use_is_written_only_when_set_and_round_trips():
    literal = place("Turkey", "country", "country")
    assert "use" not in literal.to_dict()
    adjectival = Place(text="Turkish", start=4, end=11, name="Turkey", country="TR", lat=39.0, lon=35.0,
                       kind="country", precision="country", use="adjectival")
    d = adjectival.to_dict()
    assert d["use"] == "adjectival"
    assert Place.from_dict(d) == adjectival
    assert Place.from_dict(literal.to_dict()).use is None


def test_as_json_plan_keeps_field_order_renames_and_omissions():
    """as_json reads each class's fields once (a cached plan): order, the `from` key, nested
    to_dict, fields marked json=False and None-valued optional fields come out as before, and a
    subclass gets its own plan."""
    from dataclasses import dataclass, field

    from factwire.model import Entity, as_json

    @dataclass
    class Item:
        text: str
        from_: str | None
        hidden: int = field(default=0, metadata={"json": False})
        inner: Entity | None = None
        parts: list = field(default_factory=list)
        note: str | None = None

    @dataclass
    class Longer(Item):
        extra: int = 1

    ent = Entity(text="Kyiv", label="GPE", start=0, end=4)
    item = Item("a", None, inner=ent, parts=[ent, 3])
    assert as_json(item, optional=("note",)) == {"text": "a", "from": None, "inner": ent.to_dict(),
                                                 "parts": [ent.to_dict(), 3]}
    assert as_json(item)["note"] is None
    assert list(as_json(Longer("b", "2020", note="n"), optional=("note",))) == [
        "text", "from", "inner", "parts", "note", "extra"]
