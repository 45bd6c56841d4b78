"""Baselines for bench/events.py: a majority-class floor, a keyword-rule coder, TF-IDF + LR.

Why these three: the floor shows what "always say the commonest class" scores, the keyword
coder is what an analyst writes in an afternoon, and TF-IDF + logistic regression trained on
DEV labels (5-fold cross-validated) shows what labelled data buys.  None of it is factwire.

* The keyword rules are written from general knowledge of conflict reporting and ACLED's public
  codebook definitions, not mined from the ACLED notes.
* The TF-IDF model is trained and used inside one benchmark run only: nothing learned from the
  ACLED rows is written anywhere (predictions go to bench/work/, gitignored).
* Stdlib only, except ``tfidf_cv`` (scikit-learn, imported inside it; it runs in
  bench/.venv-events-baselines via ``python bench/events_baselines.py tfidf GOLD OUT``).
"""
from __future__ import annotations

import csv
import json
import re
import sys
import time
from collections import Counter
from datetime import datetime

K_FOLDS = 5
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")

#: (pattern, event_type, sub_event_type), first match wins: specific before general
KEYWORD_RULES: list[tuple[re.Pattern, str, str]] = [(re.compile(p, re.I), t, s) for p, t, s in [
    (r"^interception:|\bshot down\b|\bintercept|air defen[cs]e destroyed", "Strategic developments",
     "Disrupted weapons use"),
    (r"^displacement:|\bevacuat|\bfled\b|\brefugees\b", "Strategic developments", "Other"),
    (r"\bsexual|\brap(e|ed)\b", "Violence against civilians", "Sexual violence"),
    (r"\babduct|\bkidnap|\bforcibly disappeared|\btaken hostage", "Violence against civilians",
     "Abduction/forced disappearance"),
    (r"\briot|\bvandali[sz]", "Riots", "Violent demonstration"),
    (r"\bprotest|\brall(y|ied)\b|\bdemonstrat|\bpicket|\b(?-i:march(ed|es)?)\b|\bvigil\b",
     "Protests", "Peaceful protest"),
    (r"\barrest", "Strategic developments", "Arrests"),
    (r"\blandmine|\bmine\b|\bIED\b|improvised explosive|explosive device|\btripwire", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    (r"\bair ?strike|\bairstrike|\bbomb(ed|ing|s)?\b|\bdrone|\bUAV|\baircraft|\bhelicopter|\bjets?\b|\baviation",
     "Explosions/Remote violence", "Air/drone strike"),
    (r"\bregain|\brecaptur|\bliberat|\bretook\b|\bpushed back", "Battles", "Government regains territory"),
    (r"\bwithdr[ae]w|\bretreat|\bhanded over", "Strategic developments", "Non-violent transfer of territory"),
    (r"\bcaptur|\btook control|\bseiz|\boccup", "Battles", "Non-state actor overtakes territory"),
    (r"\bin both directions|\bexchange(d)? (of )?fire", "Battles", "Armed clash"),
    (r"\bshell|\bartiller|\bmissile|\brocket|\bmortar|\bMLRS\b|\bGrad\b|\bprojectile|\bexplosion|\bstrike",
     *SHELLING),
    (r"\bclash|\bfight|\bbattle|\bfirefight|\bexchange of fire|\bambush|\bassault|\bsmall arms|\bgunfire",
     "Battles", "Armed clash"),
    (r"\bloot|\bset fire|\bburn(ed|t)\b|\bdestroy", "Strategic developments", "Looting/property destruction"),
    (r"\bkill|\bshot\b|\bbeat(en)?\b|\btortur|\bexecut", "Violence against civilians", "Attack"),
    (r"\bagree|\bagreement|\bceasefire|\btruce", "Strategic developments", "Agreement"),
]]

#: written force -> ACLED actor name; first match in the text is actor1, the next other one actor2
ACTOR_RULES: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), a) for p, a in [
    (r"\b(DPR|LPR|DNR|LNR|NAF|separatist|Novorossiya|people'?s militia)", "NAF: United Armed Forces of Novorossiya"),
    (r"\bRussian (forces|military|troops|army|aviation|artillery|soldiers|units|navy|aircraft)|\bRussia\b",
     "Military Forces of Russia (2000-)"),
    (r"\bUkrainian (forces|military|troops|army|aviation|artillery|soldiers|units|navy|air defen[cs]e)|\bAFU\b",
     "Military Forces of Ukraine (2019-)"),
    (r"\bBelarusian (forces|military|troops|army)", "Military Forces of Belarus (1994-)"),
    (r"\bpolice\b", "Police Forces of Ukraine (2019-)"),
    (r"\b(unknown|unidentified) (armed|gunmen|persons|men|perpetrators)", "Unidentified Armed Group (Ukraine)"),
]]
PROTESTERS = "Protesters (Ukraine)"
CIVILIANS = "Civilians (Ukraine)"

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100})
_NUM = r"(\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
FATAL_RES = [re.compile(p, re.I) for p in (
    r"\bkill(?:ing|ed)\s+(?:at least\s+)?" + _NUM + r"\b",
    r"\b" + _NUM + r"\s+(?:\w+\s+){0,3}?(?:were\s+|was\s+)?(?:killed|dead|died)\b",
)]
DATE_RE = re.compile(r"\b(?i:on|since|between)\s+(\d{1,2} [A-Z][a-z]+ \d{4})")
PLACE_RE = re.compile(r"\b(?:in|near|at|of|on)\s+((?:[A-Z][\w'’-]+)(?:\s[A-Z][\w'’-]+)?)")
NOT_PLACES = {"Ukraine", "Russia", "Belarus", "The", "January", "February", "March", "April", "May", "June",
              "July", "August", "September", "October", "November", "December", "OSCE", "SMM"}


def keyword_type(text: str) -> tuple[str, str]:
    """(event_type, sub_event_type) of the first keyword rule that matches; shelling otherwise."""
    for pattern, etype, sub in KEYWORD_RULES:
        if pattern.search(text):
            return etype, sub
    return SHELLING


def number_value(tok: str) -> int | None:
    """'12' / '1,200' / 'twelve' -> int; anything else None."""
    t = tok.lower().replace(",", "")
    return int(t) if t.isdigit() else NUMBER_WORDS.get(t)


def fatalities(text: str) -> int | None:
    """Largest 'killing N' / 'N ... killed' number in the text (ACLED's lower-bound reading)."""
    vals = [number_value(m.group(1)) for rx in FATAL_RES for m in rx.finditer(text)]
    vals = [v for v in vals if v is not None]
    return max(vals) if vals else None


def actors(text: str, event_type: str) -> tuple[str | None, str | None]:
    """(actor1, actor2): forces in order of first mention; civilians/protesters by event type."""
    found = sorted((m.start(), name) for rx, name in ACTOR_RULES for m in [rx.search(text)] if m)
    names = list(dict.fromkeys(name for _, name in found))
    if event_type == "Protests":
        return PROTESTERS, None
    actor1 = names[0] if names else None
    if event_type == "Violence against civilians":
        return actor1, CIVILIANS
    return actor1, names[1] if len(names) > 1 else None


def first_date(text: str) -> str | None:
    """ISO date of the first 'On 3 March 2022' in the text."""
    m = DATE_RE.search(text)
    if not m:
        return None
    try:
        return datetime.strptime(m.group(1), "%d %B %Y").date().isoformat()
    except ValueError:
        return None


def first_place(text: str) -> str | None:
    """First capitalised name after in/near/at that is not a country, month or outlet."""
    for m in PLACE_RE.finditer(text):
        name = m.group(1)
        if name.split()[0] not in NOT_PLACES:
            return name
    return None


def keyword_code_note(text: str) -> dict:
    """An ACLED-style prediction for one note, by keyword rules alone (no coordinates)."""
    etype, sub = keyword_type(text)
    actor1, actor2 = actors(text, etype)
    return {"event_type": etype, "sub_event_type": sub, "actor1": actor1, "actor2": actor2,
            "location": first_place(text), "latitude": None, "longitude": None,
            "event_date": first_date(text), "fatalities": fatalities(text)}


# ------------------------------------------------------------------------------------------------
# WikiEvents: sentence-level keyword triggers

TRIGGER_RE = re.compile(r"\b(explo\w*|bomb\w*|blast\w*|attack\w*|shoot\w*|shot|kill\w*|strike\w*|struck|"
                        r"shell\w*|missile\w*|rocket\w*|drone\w*|protest\w*|rall(?:y|ies|ied)|gunm[ae]n|gunfire)\b",
                        re.I)
EXPLOSIVE_RE = re.compile(r"explo|bomb|blast|strike|struck|shell|missile|rocket|drone", re.I)
SENTENCE_RE = re.compile(r"[^\n.!?]+(?:[.!?]+|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of rough sentences: split at line breaks and . ! ?"""
    return [(m.start(), m.end()) for m in SENTENCE_RE.finditer(text) if m.group().strip()]


def keyword_events(text: str) -> list[dict]:
    """One event per sentence holding a trigger word, typed by the word, evidence = the sentence."""
    events = []
    for start, end in sentences(text):
        sent = text[start:end]
        if not TRIGGER_RE.search(sent):
            continue
        if re.search(r"protest|rall(y|ies|ied)", sent, re.I):
            etype = "Protests"
        elif EXPLOSIVE_RE.search(sent):
            etype = "Explosions/Remote violence"
        else:
            etype = "Violence against civilians" if re.search(r"civilian|people|children", sent, re.I) else "Battles"
        events.append({"event_type": etype, "sub_event_type": None, "evidence": {"start": start, "end": end},
                       "fatalities": fatalities(sent), "confidence": 0.5})
    return events


# ------------------------------------------------------------------------------------------------
# cross-validated floors and the trained reference

def fold_of(index: int, k: int = K_FOLDS) -> int:
    """Fold of the index-th gold row: interleaved, so every fold spans the whole period."""
    return index % k


def majority_predictions(rows: list[dict], k: int = K_FOLDS) -> list[dict]:
    """Per fold: the commonest value of each gold field among the other folds' rows."""
    fields = ("event_type", "sub_event_type", "actor1", "actor2", "location")
    preds = []
    for fold in range(k):
        train = [r for i, r in enumerate(rows) if fold_of(i, k) != fold]
        mode = {f: Counter(r.get(f) or "" for r in train).most_common(1)[0][0] or None for f in fields}
        for i, r in enumerate(rows):
            if fold_of(i, k) == fold:
                preds.append({"event_id_cnty": r["event_id_cnty"], **mode, "fatalities": 0})
    return preds


def tfidf_cv(rows: list[dict], k: int = K_FOLDS) -> list[dict]:
    """5-fold CV: TF-IDF (word 1-2 grams) + logistic regression on notes -> sub_event_type; the
    event_type is the one that sub-event has in the training folds.  Models live in memory only."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    parent = {r["sub_event_type"]: r["event_type"] for r in rows}
    preds = []
    for fold in range(k):
        train = [r for i, r in enumerate(rows) if fold_of(i, k) != fold]
        test = [r for i, r in enumerate(rows) if fold_of(i, k) == fold]
        model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                              LogisticRegression(C=10.0, max_iter=2000))
        model.fit([r["notes"] for r in train], [r["sub_event_type"] for r in train])
        for r, sub in zip(test, model.predict([r["notes"] for r in test])):
            preds.append({"event_id_cnty": r["event_id_cnty"], "event_type": parent[sub], "sub_event_type": sub})
    return preds


def read_acled(path: str) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main(argv: list[str]) -> None:
    """`tfidf GOLD OUT`: run the cross-validated classifier, write predictions and OUT.meta.json."""
    if len(argv) != 3 or argv[0] != "tfidf":
        sys.exit("usage: events_baselines.py tfidf GOLD.csv OUT.jsonl")
    rows = read_acled(argv[1])
    c0, t0 = time.process_time(), time.perf_counter()
    preds = tfidf_cv(rows)
    meta = {"cpu_s": time.process_time() - c0, "wall_s": time.perf_counter() - t0, "n": len(rows),
            "note": f"{K_FOLDS}-fold CV; time = training {K_FOLDS} models + predicting every row"}
    with open(argv[2], "w", encoding="utf-8") as f:
        f.writelines(json.dumps(p) + "\n" for p in preds)
    with open(argv[2] + ".meta.json", "w", encoding="utf-8") as f:
        json.dump(meta, f)


if __name__ == "__main__":
    main(sys.argv[1:])
