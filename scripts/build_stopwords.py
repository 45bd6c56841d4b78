#!/usr/bin/env python3
"""Build src/factwire/data/stopwords.json from spaCy's per-language stop-word lists (MIT).

    .venv/bin/python scripts/build_stopwords.py

Run at development time only; the JSON is committed and shipped, so language detection needs
neither spaCy nor a model at run time.  Only ISO 639-1 languages written with spaces between
words are kept (ja/zh/ko/th are told apart by script, see factwire/language.py).
"""
from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import spacy.lang

SCRIPT_DECIDED = {"ja", "zh", "ko", "th", "bo", "el", "he", "hy", "am", "ti", "si", "ta", "te", "kn",
                  "ml", "gu", "bn"}
OUT = Path(__file__).resolve().parents[1] / "src" / "factwire" / "data" / "stopwords.json"


def main() -> None:
    lists = {}
    for mod in pkgutil.iter_modules(spacy.lang.__path__):
        code = mod.name
        if len(code) != 2 or code in SCRIPT_DECIDED:
            continue
        try:
            words = importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS
        except ModuleNotFoundError:
            continue
        clean = sorted({w.lower() for w in words if (len(w.strip()) > 1 or not w.isascii()) and w.strip() and " " not in w})
        if len(clean) >= 40:
            lists[code] = clean
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(lists, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{len(lists)} languages -> {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
