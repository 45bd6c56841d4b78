"""Stage 5 -- events: ACLED-coded events from an article's sentences, each pointing at its
evidence sentence.

Contract: `code_events(doc, rec, published) -> list[model.Event]` over the spaCy Doc of `rec.text`
(offsets index into `rec.text`), run after the facts stage has filled `rec.entities`,
`rec.dates`, `rec.quantities`, `rec.places` and `rec.attributions` (events reuse them).
Each event (`Event.to_dict()`) has the fields of the README's record table: event_type, sub_event_type, action, actor,
target, actor_norm, target_norm, fatalities, location, date, counts, weapon, modality, sources,
evidence, confidence.
"""
