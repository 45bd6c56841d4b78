"""The situation report: one self-contained HTML file (or Markdown) over a corpus database.

Why one file: analysts mail reports, attach them to tickets and open them on air-gapped
machines, so the chart libraries, the CSS, the world outlines and the data are all inlined and
the page loads nothing (a Content-Security-Policy with `default-src 'none'` and hashed inline
scripts makes that a rule the browser enforces, not a promise).

Why so much escaping: every string in the corpus comes from a scraped, possibly hostile page.
Markup is built with `factwire.export.safe` (the web UI's rules: direction controls shown as
codes, only safe http(s) URLs become links, rel="noopener noreferrer nofollow"); the chart data
travels as JSON inside `<script type="application/json">` with `<`, `>`, `&`, U+2028 and U+2029
escaped, so a title containing `</script>` cannot end the element.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from factwire.corpus import reads
from factwire.corpus.query import filter_events
from factwire.corpus.store import Store
from factwire.export.safe import bidi, esc, esc_attr, ext_link, json_script, md_cell, md_link, safe_url

FORMATS = ("html", "md")
#: The events table stops here (the charts and counts still cover every event).
MAX_TABLE_ROWS = 2000
TOP_N = 10
VENDOR_SCRIPTS = ("d3.min.js", "plot.umd.min.js", "topojson-client.min.js")


@dataclass(frozen=True, slots=True)
class ReportFilters:
    """The report's selection; the same filters as `factwire events` (see corpus.query.matches)."""

    since: str | None = None
    until: str | None = None
    type: str | None = None
    country: str | None = None

    def active(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}

    def describe(self) -> str:
        """Human summary, e.g. 'type = Battles, since 2022-11-01' (or 'all events')."""
        words = {"since": "since {}", "until": "until {}", "type": "type = {}", "country": "country = {}"}
        return ", ".join(words[k].format(v) for k, v in self.active().items()) or "all events"


# -- data -----------------------------------------------------------------------------------

def load_events(store: Store, filters: ReportFilters) -> list[dict[str, Any]]:
    """The corpus events passing the filters, ordered by date (undated last), then id."""
    active = filters.active()
    indexed = {k: active.get(k) for k in ("type", "country")}
    return filter_events(reads.corpus_events(store.conn, **indexed), **active)


def attach_titles(store: Store, events: list[dict[str, Any]]) -> None:
    """Give each source entry its article's title (corpus events keep ids, analysts read titles)."""
    titles = reads.article_values(store.conn, "title", (s.get("article_id") for ev in events
                                                         for s in ev.get("sources") or ()))
    for ev in events:
        for src in ev.get("sources") or ():
            src["title"] = titles.get(src.get("article_id"))


def store_counts(store: Store) -> dict[str, int]:
    """Whole-database counts for the headline (articles, copies, article events, corpus events)."""
    counts = store.counts()
    return {k: counts[k] for k in ("articles", "copies", "events", "corpus_events")}


def top(values: Iterable[Any], n: int = TOP_N) -> list[tuple[str, int]]:
    """The n most frequent non-empty values, ties by name (stable output for tests and diffs)."""
    counts = Counter(str(v) for v in values if v)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _actor(ev: dict[str, Any]) -> str | None:
    return ev.get("actor_norm") or ev.get("actor")


def _place(ev: dict[str, Any]) -> str | None:
    loc = ev.get("location") or {}
    return ", ".join(x for x in (loc.get("name"), loc.get("country")) if x) or None


def chart_event(ev: dict[str, Any]) -> dict[str, Any]:
    """What the charts need of an event (keeps the inlined JSON small)."""
    loc = ev.get("location") or {}
    return {"id": ev.get("id"), "event_type": ev.get("event_type"), "sub_event_type": ev.get("sub_event_type"),
            "date": ev.get("date") or {}, "actor_norm": _actor(ev),
            "location": {k: loc.get(k) for k in ("name", "country", "lat", "lon")} if loc else None,
            "sources": [{k: s.get(k) for k in ("site", "url", "published")} for s in ev.get("sources") or ()]}


def country_ids(events: Iterable[dict[str, Any]]) -> list[str]:
    """ISO numeric ids (world-atlas feature ids) of the countries the events are in."""
    import pycountry

    out = set()
    for ev in events:
        code = ((ev.get("location") or {}).get("country") or "").upper()
        country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
        if country is not None:
            out.add(country.numeric)
    return sorted(out)


def report_data(db_path: str | Path, filters: ReportFilters) -> dict[str, Any]:
    """Everything a report shows, as plain data (both formats render this)."""
    with Store(db_path, readonly=True) as store:
        counts = store_counts(store)
        events = load_events(store, filters)
        attach_titles(store, events)
    return {"counts": {**counts, "shown": len(events)}, "filters": filters.describe(),
            "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "db": Path(db_path).name, "by_type": top((e.get("event_type") for e in events), n=50),
            "top_actors": top(map(_actor, events)), "top_places": top(map(_place, events)),
            "events": events, "country_ids": country_ids(events)}


# -- shared formatting ------------------------------------------------------------------------

#: How a bound reads in the report (the facts stage's count relations).
RELATION_WORDS = {"gt": "more than", "ge": "at least", "lt": "fewer than", "le": "at most", "approx": "about"}


def when(ev: dict[str, Any]) -> str:
    d = ev.get("date") or {}
    if not d.get("from"):
        return "unknown"
    return d["from"] if d.get("to") in (None, d["from"]) else f"{d['from']} to {d['to']}"


def precision_of(ev: dict[str, Any]) -> str | None:
    """What an event's date is known to: "day", "month", "year" or "range" (None: undated).
    The timeline draws a day as a bar and the rest as bands (static/charts.js bandOf)."""
    d = ev.get("date") or {}
    start, end = d.get("from"), d.get("to")
    if not start:
        return None
    if end not in (None, start):
        return "range"
    return {10: "day", 7: "month", 4: "year"}.get(len(start), "range")


def timeline_rows(events: list[dict[str, Any]]) -> list[tuple[str, str, str, int]]:
    """(when, precision, event type, events) per period and type, earliest first: the
    Markdown report's timeline, where month- and range-dated events are rows of their own."""
    counts: dict[tuple[str, str, str], int] = {}
    for ev in events:
        precision = precision_of(ev)
        if precision is not None:
            key = (when(ev), precision, ev.get("event_type") or "(unknown type)")
            counts[key] = counts.get(key, 0) + 1
    return [(*key, n) for key, n in sorted(counts.items())]


def counts_text(ev: dict[str, Any]) -> str:
    """Reported numbers per item as 'min-max item' (the spread across sources, never a mean); a
    number every source gave as a bound keeps its wording ('more than 100 drones')."""
    parts = []
    for item, s in (ev.get("counts_summary") or {}).items():
        lo, hi = s.get("min"), s.get("max")
        rels = {c.get("relation") for c in ev.get("counts_by_source") or () if c.get("value") == lo}
        bound = RELATION_WORDS.get(rels.pop()) if lo == hi and len(rels) == 1 else None
        number = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
        parts.append(" ".join(x for x in (bound, number, str(item)) if x))
    return "; ".join(parts)


def fatalities_text(ev: dict[str, Any]) -> str:
    """Deaths reported: the event's own count, or the spread across a corpus event's sources."""
    if ev.get("fatalities") is not None:
        return str(ev["fatalities"])
    values = [f["fatalities"] for f in ev.get("fatalities_by_source") or () if f.get("fatalities") is not None]
    if not values:
        return ""
    lo, hi = min(values), max(values)
    return str(lo) if lo == hi else f"{lo}-{hi}"


def source_label(src: dict[str, Any]) -> str:
    """A source's name: its site, else its URL's host, else the URL as text, else its article id."""
    url = safe_url(src.get("url"))
    host = urlsplit(url).netloc if url else None
    return str(src.get("site") or host or src.get("url") or src.get("article_id") or "unknown source")


# -- HTML -----------------------------------------------------------------------------------

def static_text(*parts: str) -> str:
    """A file under factwire/web/static/ (package data, so it works from an installed wheel)."""
    return resources.files("factwire.web").joinpath("static", *parts).read_text(encoding="utf-8")


def inline_js(code: str) -> str:
    """Vendored/own JS made safe to inline: no `</script` or `<!--` can end or confuse the element."""
    return re.sub(r"<(?=/script|!--)", r"\\x3C", code, flags=re.IGNORECASE)


def csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def _counts_html(data: dict[str, Any]) -> str:
    c = data["counts"]
    boxes = [("articles", "articles"), ("copies", "syndicated copies"), ("events", "article events"),
             ("corpus_events", "corpus events"), ("shown", "events in this report")]
    items = "".join(f'<div><dt>{esc(label)}</dt><dd data-count="{key}">{c[key]}</dd></div>' for key, label in boxes)
    return f'<dl class="fw-counts">{items}</dl>'


def _ranking_html(title: str, rows: list[tuple[str, int]], key: str, label: str) -> str:
    body = "".join(f"<tr><td>{bidi(name)}</td><td class=\"num\">{n}</td></tr>" for name, n in rows) \
        or '<tr><td colspan="2">none</td></tr>'
    return (f'<section><h2>{esc(title)}</h2><table data-table="{key}"><thead><tr><th>{esc(label)}</th>'
            f'<th class="num">events</th></tr></thead><tbody>{body}</tbody></table></section>')


def _sources_html(ev: dict[str, Any]) -> str:
    items = []
    for src in ev.get("sources") or ():
        said = "; ".join(str(s) for s in src.get("sources") or () if s)
        extra = f" ({bidi(src['published'])})" if src.get("published") else ""
        title = f" “{bidi(src['title'])}”" if src.get("title") else ""
        items.append(f"<li>{ext_link(src.get('url'), bidi(source_label(src)))}{title}{extra}"
                     + (f" — according to {bidi(said)}" if said else "") + "</li>")
    return f'<ul class="fw-sources">{"".join(items)}</ul>' if items else ""


def _event_row(ev: dict[str, Any]) -> str:
    sub = f"<br><small>{esc(ev['sub_event_type'])}</small>" if ev.get("sub_event_type") else ""
    kind = f"{esc(ev.get('event_type') or 'unknown')}{sub}"
    who = " → ".join(esc(x) for x in (_actor(ev), ev.get("target_norm") or ev.get("target")) if x)
    return (f'<tr data-event-id="{esc_attr(ev.get("id"))}"><td>{esc(when(ev))}</td><td>{kind}</td><td>{who}</td>'
            f"<td>{esc(_place(ev) or '')}</td><td>{esc(counts_text(ev))}</td><td>{esc(fatalities_text(ev))}</td>"
            f"<td>{esc(ev.get('weapon') or '')}</td><td>{_sources_html(ev)}</td></tr>")


def _events_table_html(events: list[dict[str, Any]]) -> str:
    rows = "".join(_event_row(ev) for ev in events[:MAX_TABLE_ROWS])
    more = (f'<p class="fw-chart-note">First {MAX_TABLE_ROWS} of {len(events)} events shown.</p>'
            if len(events) > MAX_TABLE_ROWS else "")
    return ('<table data-table="events"><thead><tr><th>date</th><th>type</th><th>actor → target</th>'
            '<th>place</th><th>reported numbers</th><th>fatalities</th><th>weapon</th><th>sources</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>{more}")


BOOT_JS = """(function () {
  var C = window.factwireCharts, data = C.readJSON("fw-data"), world = C.readJSON("fw-world");
  function run(id, draw) {
    var el = document.getElementById(id);
    try { draw(el); } catch (err) { el.textContent = "Chart failed: " + err; }
  }
  run("fw-timeline", function (el) { C.renderTimeline(el, data.events); });
  run("fw-map", function (el) { C.renderMap(el, data.events, world, {countryIds: data.country_ids}); });
  document.documentElement.setAttribute("data-charts-ready", "1");
})();"""


def _scripts() -> list[str]:
    return [inline_js(static_text("vendor", name)) for name in VENDOR_SCRIPTS] + \
        [inline_js(static_text("charts.js")), BOOT_JS]


def _csp(scripts: list[str]) -> str:
    """Nothing may load; only these exact inline scripts may run."""
    hashes = " ".join(csp_hash(s) for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def _body_html(data: dict[str, Any]) -> str:
    types = "".join(f"<tr><td>{esc(t)}</td><td class=\"num\">{n}</td></tr>" for t, n in data["by_type"])
    return f"""<main class="fw-report">
<h1>Situation report</h1>
<p class="fw-meta">{esc(data['filters'])} · database {esc(data['db'])} · generated {esc(data['generated'])}</p>
{_counts_html(data)}
<h2>Events by type</h2>
<table data-table="by_type"><thead><tr><th>event type</th><th class="num">events</th></tr></thead>
<tbody>{types}</tbody></table>
<h2>Timeline</h2><div id="fw-timeline" class="fw-chart" aria-label="events per day by type"></div>
<h2>Map</h2><div id="fw-map" class="fw-chart" aria-label="events on a map"></div>
<div class="fw-columns">{_ranking_html("Top actors", data["top_actors"], "actors", "actor")}
{_ranking_html("Top places", data["top_places"], "places", "place")}</div>
<h2>Events</h2>
{_events_table_html(data["events"])}
</main>"""


def render_html(data: dict[str, Any]) -> str:
    """The report page: CSS, vendored JS, chart code, data and outlines all inline."""
    scripts = _scripts()
    chart_data = {"events": [chart_event(e) for e in data["events"]], "country_ids": data["country_ids"]}
    world = json.loads(static_text("vendor", "countries-110m.json"))
    js = "".join(f"<script>{s}</script>\n" for s in scripts)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc_attr(_csp(scripts))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>factwire situation report — {esc_attr(data['filters'])}</title>
<style>{static_text("charts.css")}</style>
</head><body>
{_body_html(data)}
<script type="application/json" id="fw-data">{json_script(chart_data)}</script>
<script type="application/json" id="fw-world">{json_script(world)}</script>
{js}</body></html>
"""


# -- Markdown -------------------------------------------------------------------------------

def _md_table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out + [""]


def render_markdown(data: dict[str, Any]) -> str:
    """The report as Markdown: counts, events by type, top actors/places, the events table."""
    c = data["counts"]
    lines = ["# Situation report", "", f"{md_cell(data['filters'])} · database {md_cell(data['db'])} · "
             f"generated {data['generated']}", "", "## Counts", ""]
    lines += _md_table(["articles", "copies", "article events", "corpus events", "events in this report"],
                       [[str(c[k]) for k in ("articles", "copies", "events", "corpus_events", "shown")]])
    lines += ["## Events by type", ""] + _md_table(["event type", "events"],
                                                   [[md_cell(t), str(n)] for t, n in data["by_type"]])
    for title, key, label in (("Top actors", "top_actors", "actor"), ("Top places", "top_places", "place")):
        lines += [f"## {title}", ""] + _md_table([label, "events"], [[md_cell(x), str(n)] for x, n in data[key]])
    lines += ["## Timeline", "", "Events per day, and per month, year or range where the day is unknown.", ""]
    lines += _md_table(["when", "dated to", "event type", "events"],
                       [[md_cell(w), p, md_cell(t), str(n)] for w, p, t, n in timeline_rows(data["events"])])
    rows = ([md_cell(when(ev)), md_cell(" / ".join(x for x in (ev.get("event_type"), ev.get("sub_event_type")) if x)),
             md_cell(_actor(ev)), md_cell(_place(ev)), md_cell(counts_text(ev)), md_cell(fatalities_text(ev)),
             md_cell(ev.get("weapon") or ""),
             ", ".join(md_link(s.get("url"), source_label(s)) + (f" “{md_cell(s['title'])}”" if s.get("title") else "")
                       for s in ev.get("sources") or ())]
            for ev in data["events"][:MAX_TABLE_ROWS])
    lines += ["## Events", ""] + _md_table(["date", "type", "actor", "place", "reported numbers", "fatalities",
                                                    "weapon", "sources"], rows)
    return "\n".join(lines)


def build_report(db_path: str | Path, filters: ReportFilters | None = None, fmt: str = "html") -> str:
    """The report over `db_path` (opened read-only) as one HTML document or Markdown text."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    data = report_data(db_path, filters or ReportFilters())
    return render_html(data) if fmt == "html" else render_markdown(data)
