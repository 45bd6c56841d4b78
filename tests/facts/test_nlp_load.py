"""facts/nlp.py loads spaCy faster (no spacy.cli, no throw-away default tokenizer): the pipeline
must be the stock one, token for token, and spaCy's own CLI must still import afterwards."""
from __future__ import annotations

import subprocess
import sys

from factwire.facts import nlp as nlp_mod

TEXTS = [
    "Russia has launched about 150 missiles at Ukraine since Nov. 11, Oleksii Hromov told the U.S. press.",
    "Visit https://example.com/a?b=1 or mail info@example.org :) -- it's 5km away, don't go!",
    "The   OSCE SMM observed 62 explosions near Lozove.\n\nIt ain't gonna stop, they said (Mr. O'Neil).",
    "Prices rose 3.5% to $1,200.50 in Q3; e.g. 10,000-strong crowds, 24/7 shifts and 'quotes'.",
]


def _view(doc):
    return [(t.text, t.whitespace_, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)
            for t in doc]


def test_fast_load_gives_the_stock_pipeline():
    import spacy

    stock = spacy.load(nlp_mod.MODEL, disable=["lemmatizer"])
    ours = nlp_mod.get_nlp()
    for text in TEXTS:
        assert _view(ours(text)) == _view(stock(text))
    assert ours.tokenizer.rules.keys() == stock.tokenizer.rules.keys()


def test_spacy_cli_still_imports_after_the_fast_import():
    code = ("import sys; from factwire.facts.nlp import import_spacy; s = import_spacy(); "
            "skipped = 'typer' not in sys.modules; import spacy.cli; "
            "print(skipped, hasattr(spacy.cli, 'download'), callable(s.info))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True", "True"]
