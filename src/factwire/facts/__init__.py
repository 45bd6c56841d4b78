"""Stage 4 -- facts: entities, dates, quantities, places and attributions, each with
`start`/`end` offsets into the text it was found in (so `text[start:end] == fact["text"]`).

Each extractor is a function `find_X(doc, published) -> list[dict]` over one spaCy Doc:

* `entities.find_entities`          PERSON / ORG / GPE / LOC / NORP / EVENT
* `dates.find_dates`                calendar expressions resolved against `published`
* `quantities.find_quantities`      value + relation + counted item + unit
* `places.find_places`              geographic mentions resolved offline to coordinates
* `attributions.find_attributions`  who says what (source, role, cue, claim span)
"""
