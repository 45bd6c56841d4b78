"""Events benchmark report: bench/results/events.md from bench/events.py's result dict.

Why apart: the orchestration and the rendering change for different reasons; the tables and
target verdicts are checked by bench/tests/test_bench_events.py through ``render_report``.
"""
from __future__ import annotations

import events_relevance as er
from events_data import ACLED_CITE, ALL_COORDS_SYSTEM

ACLED_COLS = [("event_type acc", "event_type_acc", ".3f"), ("sub_event acc", "sub_event_acc", ".3f"),
              ("sub_event macro-F1", "sub_event_macro_f1", ".3f"), ("actor1", "actor1_match", ".3f"),
              ("actor2", "actor2_match", ".3f"), ("location", "location_match", ".3f"),
              ("geo median km", "geo_median_km", ".1f"), ("geo p90 km", "geo_p90_km", ".1f"),
              ("within 25 km", "geo_within_25km", ".3f"), ("date exact", "date_exact_acc", ".3f"),
              ("fatalities exact", "fatalities_exact", ".3f")]
WIKI_COLS = [("det P", "det_P", ".3f"), ("det R", "det_R", ".3f"), ("det F1", "det_F1", ".3f"),
             ("det_P_lenient", "det_P_lenient", ".3f"), ("type fine", "type_acc_fine", ".3f"),
             ("type coarse", "type_acc_coarse", ".3f"), ("fatalities exact", "fat_exact", ".3f"),
             ("events", "pred_events", "d")]
TYPE_ONLY = {"event_type_acc", "sub_event_acc", "sub_event_macro_f1"}


def cell(value, fmt: str) -> str:
    """A number for the table; '—' for missing or NaN (no coordinates predicted)."""
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    return format(value, fmt)


def render_table(rows: list[dict], cols: list[tuple[str, str, str]], speed: bool) -> str:
    """Markdown table, one row per system; a type-only system shows '—' outside its fields."""
    head = ["system", *(c[0] for c in cols)] + (["rows/s (CPU)"] if speed else [])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        if r.get("failed"):
            cells = [r["system"], f"failed: {r['failed']}"] + [""] * (len(head) - 2)
        else:
            s = r["scores"]
            cells = [r["system"], *(cell(s.get(k), f) if not r.get("only") or k in TYPE_ONLY else "—"
                                    for _, k, f in cols)]
            cells += [cell(r.get("rows_per_s"), ".0f")] if speed else []
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdict(name: str, value: float | None, ok: bool | None, shown: str | None = None) -> str:
    if value is None or ok is None:
        return f"- {name}: not measured — **missed**"
    return f"- {name}: {shown or format(value, '.3f')} — **{'met' if ok else 'missed'}**"


def acled_targets(fw: dict, overhead: dict | None) -> list[str]:
    """Issue 4's ACLED targets, from factwire's row."""
    if fw.get("failed"):
        return ["- factwire failed: every target **missed**"]
    s = fw["scores"]
    p90 = s.get("geo_p90_km")
    p90 = None if p90 is None or p90 != p90 else p90
    out = [verdict("sub_event_type macro-F1 ≥ 0.70", s["sub_event_macro_f1"], s["sub_event_macro_f1"] >= 0.70),
           verdict("event_type accuracy ≥ 0.95", s["event_type_acc"], s["event_type_acc"] >= 0.95),
           verdict("actor1 ≥ 0.90", s["actor1_match"], s["actor1_match"] >= 0.90),
           verdict("fatalities exact ≥ 0.95", s["fatalities_exact"], s["fatalities_exact"] >= 0.95),
           verdict("exact day ≥ 0.95 (time_precision 1)", s["date_exact_acc"], s["date_exact_acc"] >= 0.95),
           verdict("geocode p90 ≤ 25 km", p90, None if p90 is None else p90 <= 25, cell(p90, ".1f") + " km")]
    share = (overhead or {}).get("events_share")
    out.append(verdict("events stage adds ≤ 25 % to the facts stage (CPU)", share,
                       None if share is None else share <= 0.25, cell(share, "+.0%")))
    return out


def wiki_targets(fw: dict | None) -> list[str]:
    if not fw:
        return ["- factwire failed: every target **missed**"]
    s = fw["scores"]
    return [verdict("WIKIEVENTS_F1 ≥ 0.75 with det_P ≥ 0.70", s["det_F1"],
                    s["det_F1"] >= 0.75 and s["det_P"] >= 0.70, f"F1 {s['det_F1']:.3f}, det_P {s['det_P']:.3f}"),
            verdict("fine type accuracy ≥ 0.90", s["type_acc_fine"], s["type_acc_fine"] >= 0.90)]


def render_g5(g: dict | None) -> list[str]:
    if not g:
        return ["factwire failed; nothing to map."]
    return ["| system | when: top event/first date | when: any date | who recall | where recall |",
            "|---|---|---|---|---|",
            f"| factwire | {g['when_top']:.3f} | {g['when_any']:.3f} | {g['who_recall']:.3f} "
            f"| {g['where_recall']:.3f} |",
            f"| publication day (floor) | {g['when_pubday_floor']:.3f} | — | — | — |", "",
            f"{g['articles']} articles; {g['when_n']} with a parsed `when`; {g['who_n']} `who` and {g['where_n']} "
            f"`where` gold phrases; factwire coded events in {g['articles_with_events']} articles."]


G5_HOW = [
    "How the Giveme5W1H annotations were mapped (code: `g5_predictions`, `g5_score` in bench/events.py):",
    "- input: `title`, `description` and `text` joined by blank lines, `extract(..., input_kind=\"text\", "
    "published=date_publish[:10])` with cleaning on (the text still has page chrome), as a user would run it.",
    "- when: gold = the set of `when.annotated[].parsed` days. *top*: the highest-confidence event's `date.from`, "
    "else the first resolved date fact (`dates[].value.from`, text order) — right when it is a gold day. *any*: "
    "right when any event or fact date equals a gold day (a recall reading). Floor: the publication day itself.",
    "- who: each gold `who` phrase is found when some factwire phrase matches it — event `actor`/`target` as "
    "written, or an entity labelled PERSON / ORG / NORP / GPE — where *matches* = after lower-casing and "
    "punctuation → spaces, one contains the other as whole words (prediction ≥ 3 characters). Recall over phrases.",
    "- where: the same over event `location.name` and place facts (`places[].text` and `.name`).",
    "- what/why/how are not mapped (free-text clauses with no factwire counterpart).",
]


def render_report(res: dict) -> str:
    """bench/results/events.md from the result dict (also written as events.json)."""
    fw = res["acled"][0]
    ov = (res.get("factwire_meta") or {}).get("overhead")
    out = ["# Events benchmark (DEV)", "",
           f"- date: {res['date']}", f"- machine: {res['machine']}", f"- command: `{res['command']}`",
           f"- factwire measured from: {res['factwire_src']}",
           f"- ACLED rows: {res['acled_n']}"
           + (" (**sample**, not the full DEV set)" if res["sampled"] else " (all DEV)"),
           f"- data: {ACLED_CITE}", "",
           "## ACLED notes → event (`score_acled.py`)", "",
           render_table(res["acled"], ACLED_COLS, speed=True), "", "Targets (issue 4):", "",
           *acled_targets(fw, ov), "", *acled_notes(res), "",
           "## WikiEvents (`score_wikievents.py`, `wikievents/texts.jsonl`)", "",
           render_table(res["wikievents"], WIKI_COLS, speed=False), "", "Targets (issue 4 / README):", "",
           *wiki_targets(next((r for r in res["wikievents"] if r["system"] == "factwire"), None)), "",
           *render_halves(res.get("halves")), *render_relevance(res.get("relevance")),
           "## Giveme5W1H (`giveme5w1h_gold/articles.jsonl`)", "", *render_g5(res.get("g5")), "", *G5_HOW, ""]
    return "\n".join(out)


HALF_TARGETS = [("ACLED sub-event macro-F1 ≥ 0.85", "acled", "sub_event_macro_f1", 0.85),
                ("ACLED event_type accuracy ≥ 0.96", "acled", "event_type_acc", 0.96),
                ("WikiEvents det F1 ≥ 0.80", "wikievents", "det_F1", 0.80),
                ("WikiEvents det P ≥ 0.80", "wikievents", "det_P", 0.80)]


def render_halves(halves: dict | None) -> list[str]:
    """factwire on the tuned half beside the untuned one (issue 12's generalisation check)."""
    if not halves:
        return []
    out = ["## Tuned and untuned halves (factwire)", "",
           "Fixed split: sha1 of the ACLED `event_id_cnty` / WikiEvents `doc_id`, even = *tune* (rules may be "
           "fitted there), odd = *held* (never read while tuning). Same scorers, run on each half's rows.", "",
           "| half | ACLED rows | event_type acc | sub_event macro-F1 | actor1 | location | date exact | fatalities "
           "| WikiEvents docs | det P | det R | det F1 | type fine |", "|" + "---|" * 13]
    for half in ("tune", "held"):
        a, w = halves["acled"][half], halves["wikievents"][half]
        s, t = a["scores"], w["scores"]
        out.append(f"| {half} | {a['n']} | {s['event_type_acc']:.3f} | {s['sub_event_macro_f1']:.3f} | "
                   f"{s['actor1_match']:.3f} | {s['location_match']:.3f} | {s['date_exact_acc']:.3f} | "
                   f"{s['fatalities_exact']:.3f} | {w['n']} | {t['det_P']:.3f} | {t['det_R']:.3f} | "
                   f"{t['det_F1']:.3f} | {t['type_acc_fine']:.3f} |")
    out += ["", "Targets on the untuned (held) half (issue 12):", ""]
    for name, ds, key, floor in HALF_TARGETS:
        v = halves[ds]["held"]["scores"][key]
        out.append(verdict(name, v, v >= floor))
    return out + [""]


def render_relevance(rel: dict | None) -> list[str]:
    """False events on ordinary news (bench/events_relevance.py)."""
    if not rel:
        return []
    return ["## Ordinary news: false events (`bench/events_relevance.py`)", "",
            "The 121 ScrapingHub DEV pages (HTML through the whole pipeline), labelled by reading "
            "(`bench/data/relevance-labels.json`); every event on a `none` page is false.", "",
            *er.render(rel["scores"], rel["false_types"]), ""]


def acled_notes(res: dict) -> list[str]:
    """How each ACLED row was made, and what factwire's records said."""
    meta = res.get("factwire_meta") or {}
    out = ["Notes:", "",
           "- factwire: `extract(notes, input_kind=\"text\", clean=False, published=<event_date ISO>)`; prediction = "
           "the highest-confidence event → event_type, sub_event_type, actor1 = `actor_norm`, actor2 = `target_norm`, "
           "location = `location.name`, latitude/longitude only when `location.precision` is \"place\" (the "
           "documented operating point, like ACLED's own gazetteer-only p90 reference; the row "
           f"\"{ALL_COORDS_SYSTEM}\" also emits the region/country point of a place named with its region but "
           "found in no gazetteer), event_date = `date.from`, fatalities. No event → all null "
           "(the scorer reads a null fatalities as 0). rows/s = notes / CPU seconds of the extract loop, one core.",
           "- majority class: per CV fold, the commonest value of each field among the other 4 folds' rows; "
           "fatalities 0. keyword rules: `bench/events_baselines.py` (`KEYWORD_RULES`, `ACTOR_RULES`, "
           "'killing N' fatalities, 'On D Month YYYY' date, first capitalised name after in/near/at; no coordinates), "
           "written from general knowledge, not mined from the notes.",
           "- TF-IDF + LR: word 1–2-gram TF-IDF (min_df 2, sublinear tf) + logistic regression (C = 10) on the notes → "
           "sub_event_type, event_type = that sub-event's parent; 5-fold CV (row i in fold i mod 5), so every row is "
           "predicted by a model that never saw it; rows/s includes training the 5 models. Type columns only. "
           "scikit-learn 1.9.1 in bench/.venv-events-baselines; models are never saved."]
    if meta.get("events_per_note"):
        out.append(f"- factwire events per note (3 = 3 or more): {meta['events_per_note']}")
    for reason, count in sorted((meta.get("errors") or {}).items(), key=lambda kv: -kv[1])[:5]:
        out.append(f"- factwire record errors ({count} notes): {reason}")
    ov = meta.get("overhead")
    if ov:
        out.append(f"- events stage cost: {ov['n']} notes, {ov['passes']} passes of extract() (the fastest kept): "
                   f"{ov['extract_cpu_s']:.2f} s CPU, of which {ov['events_cpu_s']:.2f} s inside the events stage "
                   f"(`pipeline.add_events`) against {ov['rest_cpu_s']:.2f} s for everything before it → "
                   f"{cell(ov['events_share'], '+.0%')}")
    return out
