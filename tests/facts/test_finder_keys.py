"""Every key a facts finder writes must be a field of the typed record (model.py).

Why: places_facilities wrote `locality` that model.Place did not know; the record's
`Place(**item)` raised, and every place of an article with a street and its town was lost
(GeoWebNews F1 0.816 -> 0.682 on main, unnoticed). One text exercising each finder's optional
keys, each item through its model class's from_dict and back.
"""
from __future__ import annotations

import datetime as dt

from factwire import model
from factwire.facts.dates import find_dates
from factwire.facts.entities import find_entities
from factwire.facts.nlp import parse
from factwire.facts.places import find_places
from factwire.facts.quantities import find_quantities

TEXT = ("HORRY COUNTY, SC (WMBF) - A homeless man sleeps on Atlantic Avenue in Garden City, "
        "New York. Vorzel, Kyiv oblast, was shelled in the third quarter and recently, Turkish "
        "officials said on Friday. More than 25 drones were shot down in Kakhovskyi rayon, Kherson.")


def test_every_finder_key_round_trips_through_the_typed_record():
    doc = parse(TEXT)
    published = dt.date(2022, 10, 20)
    found = {
        model.Place: find_places(doc, published),
        model.DateMention: find_dates(doc, published),
        model.Entity: find_entities(doc, published),
        model.Quantity: find_quantities(doc, published),
    }
    assert any("locality" in p for p in found[model.Place])  # the key that was once lost
    for cls, items in found.items():
        assert items, cls.__name__
        for item in items:
            assert cls.from_dict(item).to_dict() == item, (cls.__name__, item)
