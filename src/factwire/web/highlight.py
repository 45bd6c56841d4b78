"""Facts highlighted in place: the clean text split at fact offsets into escaped segments.

Why server-side: the text is hostile, so it is never handed to the browser as HTML to be
annotated there; each segment is escaped here and wrapped in our own `<mark>`. Overlaps:
spans are sorted by (start, longest first, priority); a span inside the open one nests in it,
a span crossing the open one's end is dropped (the outer, earlier one wins), so the markup is
always well formed. Bad offsets (outside the text, empty) are dropped too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from factwire.export.safe import esc, esc_attr


@dataclass(slots=True)
class Span:
    """One highlight: [start, end) in the text, a CSS kind, a tooltip, an optional element id."""

    start: int
    end: int
    kind: str
    tip: str = ""
    anchor: str | None = None
    priority: int = 1  # lower opens first at equal offsets (evidence before facts)
    children: list[Span] = field(default_factory=list)


def nest(spans: list[Span], length: int) -> list[Span]:
    """The spans as a forest (each child inside its parent); crossing spans are dropped."""
    ok = [s for s in spans if 0 <= s.start < s.end <= length]
    ok.sort(key=lambda s: (s.start, -s.end, s.priority))
    roots: list[Span] = []
    stack: list[Span] = []
    for span in ok:
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].end:
            continue  # crosses the open span's end
        (stack[-1].children if stack else roots).append(span)
        stack.append(span)
    return roots


def _open_tag(span: Span) -> str:
    anchor = f' id="{esc_attr(span.anchor)}"' if span.anchor else ""
    tip = f' data-tip="{esc_attr(span.tip)}" tabindex="0"' if span.tip else ""
    return f'<mark class="f f-{esc_attr(span.kind)}"{anchor}{tip}>'


def _render(text: str, spans: list[Span], start: int, end: int, out: list[str]) -> None:
    pos = start
    for span in spans:
        out.append(str(esc(text[pos:span.start])))
        out.append(_open_tag(span))
        _render(text, span.children, span.start, span.end, out)
        out.append("</mark>")
        pos = span.end
    out.append(str(esc(text[pos:end])))


def matching(text: str, spans: list[Span], facts: list[str | None]) -> list[Span]:
    """Spans whose fact text is what the offsets point at (stale offsets from an upstream stage
    would otherwise highlight the wrong words); facts without a text are kept."""
    return [s for s, f in zip(spans, facts) if not f or text[max(s.start, 0):max(s.end, 0)] == f]


def render_highlighted(text: str, spans: list[Span]) -> Markup:
    """The whole text as safe HTML with every kept span wrapped in a `<mark>`."""
    out: list[str] = []
    _render(text, nest(spans, len(text)), 0, len(text), out)
    return Markup("".join(out))


def render_paragraphs(text: str, spans: list[Span]) -> list[Markup]:
    """Like render_highlighted, split into paragraphs at blank lines a span does not cover."""
    html = str(render_highlighted(text, spans))
    parts, depth, cur = [], 0, []
    for piece in html.split("\n\n"):
        cur.append(piece)
        depth += piece.count("<mark") - piece.count("</mark>")
        if depth == 0:
            parts.append(Markup("\n\n".join(cur)))
            cur = []
    if cur:
        parts.append(Markup("\n\n".join(cur)))
    return parts


# -- tooltips: the normalised value of each kind of fact --------------------------------------

def _date_tip(f: dict[str, Any]) -> str:
    v = f.get("value") or {}
    lo, hi = v.get("from") or f.get("from"), v.get("to") or f.get("to")
    if not lo and not hi:
        return "date: unresolved"
    return f"date: {lo}" + (f" → {hi}" if hi and hi != lo else "")


_REL = {"eq": "=", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "approx": "≈"}


def _quantity_tip(f: dict[str, Any]) -> str:
    rel = f.get("relation") or "eq"
    value = f.get("value")
    hi = f" – {f['value_max']}" if f.get("value_max") is not None else ""
    return f"quantity: {_REL.get(rel, rel)} {value}{hi} {f.get('item') or ''} ({rel})".strip()


def _place_tip(f: dict[str, Any]) -> str:
    where = f"{f.get('lat')}, {f.get('lon')}" if f.get("lat") is not None else "no coordinates"
    return f"place: {f.get('name') or f.get('text')} ({f.get('country') or '?'}) {where}"


def _attribution_tip(f: dict[str, Any]) -> str:
    role = f", {f['role']}" if f.get("role") else ""
    return f"said by: {f.get('source')}{role} (cue: {f.get('cue') or '?'})"


def _body(facts: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Facts found in the body text: a fact with `caption` set has offsets into that caption."""
    return [f for f in facts or () if f.get("caption") is None]


def fact_spans(rec: dict[str, Any]) -> list[Span]:
    """Spans for every body fact of a record, one CSS kind per fact kind."""
    spans: list[Span] = []
    rec = {k: _body(rec.get(k)) for k in ("entities", "dates", "quantities", "places", "attributions")}
    for f in rec.get("entities") or ():
        spans.append(Span(f.get("start", -1), f.get("end", -1), "entity", f"entity: {f.get('label')}", priority=5))
    for f in rec.get("dates") or ():
        spans.append(Span(f.get("start", -1), f.get("end", -1), "date", _date_tip(f), priority=2))
    for f in rec.get("quantities") or ():
        spans.append(Span(f.get("start", -1), f.get("end", -1), "quantity", _quantity_tip(f), priority=2))
    for f in rec.get("places") or ():
        spans.append(Span(f.get("start", -1), f.get("end", -1), "place", _place_tip(f), priority=3))
    for f in rec.get("attributions") or ():
        start, end = f.get("source_start"), f.get("source_end")
        if start is None:
            start, end = (f.get("claim") or {}).get("start"), (f.get("claim") or {}).get("end")
        spans.append(Span(start if start is not None else -1, end if end is not None else -1,
                          "attribution", _attribution_tip(f), priority=4))
    return spans


def checked_fact_spans(rec: dict[str, Any]) -> list[Span]:
    """fact_spans minus those whose offsets do not point at their own text."""
    facts = [f.get("text") for k in ("entities", "dates", "quantities", "places") for f in _body(rec.get(k))]
    facts += [f.get("source") if f.get("source_start") is not None else None for f in _body(rec.get("attributions"))]
    return matching(rec.get("text") or "", fact_spans(rec), facts)


def evidence_spans(rec: dict[str, Any], event_ids: list[dict[str, Any]]) -> list[Span]:
    """One span per event evidence sentence, anchored `ev-{event id}` for links from /events."""
    ids = {row["n"]: row["id"] for row in event_ids}
    spans = []
    for n, ev in enumerate(rec.get("events") or ()):
        evid = ev.get("evidence") or {}
        if evid.get("start") is None or n not in ids:
            continue
        # no tooltip of its own: the facts inside it keep theirs
        spans.append(Span(evid["start"], evid["end"], "evidence", "", anchor=f"ev-{ids[n]}", priority=0))
    return spans
