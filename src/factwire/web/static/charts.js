/* factwire charts: a timeline (events per day, stacked by event type) and a map (events as
 * points over country outlines), shared by the web UI and the self-contained HTML report.
 *
 * Needs the vendored globals d3, Plot and topojson (static/vendor/).  Nothing is fetched.
 * Every string from a page reaches the DOM as text only: through Plot's `title` channel (an SVG
 * <title> filled with textContent) or textContent here, never innerHTML.
 *
 * Events are corpus-event objects: {event_type, sub_event_type, date: {from, to},
 * location: {name, country, lat, lon}, sources: [{site, url, published}], actor_norm, ...}.
 */
(function (global) {
  "use strict";

  // ACLED's six event types in a fixed order, so both charts and every page colour them alike.
  var EVENT_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians",
    "Protests", "Riots", "Strategic developments"];
  var PALETTE = ["#d62728", "#ff7f0e", "#9467bd", "#2ca02c", "#8c564b", "#1f77b4"];
  var UNKNOWN = "(unknown type)";

  function typeOf(ev) {
    return (ev && ev.event_type) || UNKNOWN;
  }

  /** The colour scale's domain: the known types present, in codebook order, then any others. */
  function typeDomain(events) {
    var seen = new Set(events.map(typeOf));
    var known = EVENT_TYPES.filter(function (t) { return seen.has(t); });
    var other = Array.from(seen).filter(function (t) { return EVENT_TYPES.indexOf(t) < 0; }).sort();
    return known.concat(other);
  }

  function colorScale(events) {
    var domain = typeDomain(events);
    var range = domain.map(function (t) {
      var i = EVENT_TYPES.indexOf(t);
      return i >= 0 ? PALETTE[i] : "#7f7f7f";
    });
    return {domain: domain, range: range, legend: true};
  }

  /** "2022-11-05" -> a UTC Date; anything else (null, "2022-11") -> null. */
  function parseDay(value) {
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
    var d = new Date(value + "T00:00:00Z");
    return isNaN(d) ? null : d;
  }

  /** The event's day when it is dated to one exact day, else null (ranges have no single day). */
  function exactDay(ev) {
    var d = ev && ev.date;
    if (!d || !d.from || (d.to && d.to !== d.from)) return null;
    return parseDay(d.from);
  }

  /** Events per (day, type), for events dated to one exact day. */
  function dayCounts(events) {
    var counts = new Map();
    events.forEach(function (ev) {
      var day = exactDay(ev);
      if (!day) return;
      var key = day.toISOString().slice(0, 10) + "|" + typeOf(ev);
      counts.set(key, (counts.get(key) || 0) + 1);
    });
    return Array.from(counts, function (kv) {
      var parts = kv[0].split("|");
      return {day: parseDay(parts[0]), type: parts.slice(1).join("|"), n: kv[1]};
    });
  }

  /** "2022-11-05" / "2022-11" / "2022" -> [first day, day after the last] as UTC Dates, else null. */
  function periodOf(value) {
    var m = typeof value === "string" && /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] - 1 : 0, d = m[3] ? +m[3] : 1;
    var start = new Date(Date.UTC(y, mo, d));
    var end = m[3] ? new Date(Date.UTC(y, mo, d + 1)) : m[2] ? new Date(Date.UTC(y, mo + 1, 1)) : new Date(Date.UTC(y + 1, 0, 1));
    return isNaN(start) ? null : [start, end];
  }

  /** The span of an event dated to a month, a year or a range ({from, to} as UTC Dates, `to`
   *  exclusive), else null: an exact day is a bar, an undated event is not drawn. */
  function bandOf(ev) {
    var d = ev && ev.date;
    if (!d || !d.from || exactDay(ev)) return null;
    var a = periodOf(d.from), b = d.to ? periodOf(d.to) : a;
    if (!a || !b || +b[1] <= +a[0]) return null;
    return {from: a[0], to: b[1], label: d.to && d.to !== d.from ? d.from + " to " + d.to : d.from};
  }

  /** Events per (period, type) for the bands: one lane each, in order of start. */
  function bandRows(events) {
    var rows = new Map();
    events.forEach(function (ev) {
      var b = bandOf(ev);
      if (!b) return;
      var key = b.label + "|" + typeOf(ev);
      var row = rows.get(key) || {from: b.from, to: b.to, label: b.label, type: typeOf(ev), lane: key, n: 0};
      row.n += 1;
      rows.set(key, row);
    });
    return Array.from(rows.values()).sort(function (a, b) { return (a.from - b.from) || (b.to - a.to) || (a.lane < b.lane ? -1 : 1); });
  }

  /** The x domain: the days and bands shown, padded, and at least two weeks wide so bars stay readable. */
  function dayDomain(rows, bands) {
    var DAY = 864e5;
    var starts = rows.map(function (r) { return +r.day; }).concat((bands || []).map(function (b) { return +b.from; }));
    var ends = rows.map(function (r) { return +r.day + DAY; }).concat((bands || []).map(function (b) { return +b.to; }));
    var lo = d3.min(starts), hi = d3.max(ends) - DAY;
    var extra = Math.max(0, 14 * DAY - (hi - lo)) / 2;
    return [new Date(lo - DAY - Math.floor(extra / DAY) * DAY), new Date(hi + 2 * DAY + Math.ceil(extra / DAY) * DAY)];
  }

  /** Integer y ticks: every value up to 10, else Plot's choice of about 5. */
  function countTicks(rows) {
    var totals = d3.rollup(rows, function (v) { return d3.sum(v, function (r) { return r.n; }); },
      function (r) { return +r.day; });
    var max = d3.max(totals.values()) || 1;
    return max <= 10 ? d3.range(0, max + 1) : 5;
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function note(el, text) {
    var p = document.createElement("p");
    p.className = "fw-chart-note";
    p.textContent = text;
    el.appendChild(p);
  }

  function widthOf(el, fallback) {
    return Math.max(320, Math.floor(el.clientWidth || fallback));
  }

  /** Timeline: one bar per day, stacked and coloured by event type, and under it one band per
   *  period for events dated only to a month, a year or a range (their day is unknown, so a bar
   *  on one day would be a lie and dropping them would hide them). Returns the bars' <svg>, or
   *  the bands' when no event has an exact day. */
  function renderTimeline(el, events, options) {
    var opts = options || {};
    clear(el);
    var rows = dayCounts(events || []), bands = bandRows(events || []);
    var drawn = d3.sum(rows, function (r) { return r.n; }) + d3.sum(bands, function (b) { return b.n; });
    var undated = (events || []).length - drawn;
    if (!rows.length && !bands.length) {
      note(el, "No dated events to chart.");
      return null;
    }
    var domain = dayDomain(rows, bands), width = widthOf(el, opts.width || 760), chart = null;
    if (rows.length) {
      chart = Plot.plot({
        width: width, height: opts.height || 220, marginLeft: 40,
        x: {type: "utc", label: null, domain: domain},
        y: {grid: true, label: "events per day", tickFormat: "d", ticks: countTicks(rows)},
        color: colorScale(events),
        marks: [
          Plot.rectY(rows, {x: "day", interval: "day", y: "n", fill: "type", inset: 0.5,
            title: function (r) { return r.day.toISOString().slice(0, 10) + "\n" + r.type + ": " + r.n; }}),
          Plot.ruleY([0])
        ]
      });
      el.appendChild(chart);
    }
    if (bands.length) {
      var band = renderBands(bands, events, domain, width, !rows.length);
      el.appendChild(band);
      chart = chart || band;
    }
    if (undated > 0) note(el, undated + " undated event(s) are not on the timeline.");
    return chart;
  }

  /** The bands' own small chart on the same time axis: a lane per (period, type). */
  function renderBands(bands, events, domain, width, legend) {
    var LANE = 18;
    return Plot.plot({
      width: width, height: 30 + LANE * bands.length, marginLeft: 40, marginTop: 6,
      x: {type: "utc", label: null, domain: domain},
      y: {domain: bands.map(function (b) { return b.lane; }), axis: null, padding: 0.25},
      color: Object.assign(colorScale(events), {legend: legend}),  // else the bars' legend above is shared
      marks: [
        Plot.barX(bands, {x1: "from", x2: "to", y: "lane", fill: "type", fillOpacity: 0.55, stroke: "type",
          className: "fw-band", ariaDescription: "events dated to a month, a year or a range",
          title: function (b) { return b.label + " (day unknown)\n" + b.type + ": " + b.n; }}),
        Plot.text(bands, {x: "from", y: "lane", text: function (b) { return b.n > 1 ? b.label + " ×" + b.n : b.label; },
          textAnchor: "start", dx: 3, fontSize: 10, className: "fw-band-label"})
      ]
    });
  }

  function hasPoint(ev) {
    var loc = ev && ev.location;
    return !!loc && typeof loc.lat === "number" && typeof loc.lon === "number";
  }

  /** Points, with events at the very same coordinates nudged apart on a small spiral so each
   * one stays visible and hoverable (country centroids gather many events). */
  function mapPoints(events) {
    var seen = new Map(), located = events.filter(hasPoint);
    var lons = located.map(function (ev) { return ev.location.lon; });
    var lats = located.map(function (ev) { return ev.location.lat; });
    var step = Math.max(0.05, Math.max(d3.max(lons) - d3.min(lons) || 0, d3.max(lats) - d3.min(lats) || 0, 4) / 70);
    return located.map(function (ev) {
      var key = ev.location.lat + "," + ev.location.lon;
      var k = seen.get(key) || 0;
      seen.set(key, k + 1);
      var r = k ? step * Math.sqrt(k) : 0, a = k * 2.4;
      return {ev: ev, lon: ev.location.lon + r * Math.cos(a), lat: ev.location.lat + r * Math.sin(a)};
    });
  }

  function sourceNames(ev) {
    var names = (ev.sources || []).map(function (s) {
      return (s && (s.site || s.url || s.article_id)) || "?";
    });
    return Array.from(new Set(names)).join(", ");
  }

  /** The tooltip text of one event: type, date, place, sources (plain text). */
  function eventTitle(ev) {
    var d = ev.date || {};
    var when = d.from ? (d.to && d.to !== d.from ? d.from + " to " + d.to : d.from) : "date unknown";
    var loc = ev.location || {};
    var place = [loc.name, loc.country].filter(Boolean).join(", ") || "place unknown";
    var kind = typeOf(ev) + (ev.sub_event_type ? " / " + ev.sub_event_type : "");
    return [kind, when, place, "sources: " + (sourceNames(ev) || "none")].join("\n");
  }

  /** The projection's domain: the points' bounding box with a margin of at least `pad` degrees. */
  function pointDomain(points, pad) {
    var lons = points.map(function (p) { return p.lon; }), lats = points.map(function (p) { return p.lat; });
    var x0 = Math.max(-180, d3.min(lons) - pad), x1 = Math.min(180, d3.max(lons) + pad);
    var y0 = Math.max(-85, d3.min(lats) - pad), y1 = Math.min(85, d3.max(lats) + pad);
    return {type: "MultiPoint", coordinates: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]};
  }

  /** Map: country outlines (countries with events shaded) and one dot per located event. */
  function renderMap(el, events, world, options) {
    var opts = options || {};
    clear(el);
    var points = mapPoints(events || []);
    var countries = topojson.feature(world, world.objects.countries);
    var shaded = new Set(opts.countryIds || []);
    var chart = Plot.plot({
      width: widthOf(el, opts.width || 760), height: opts.height || 420,
      projection: points.length ? {type: "mercator", domain: pointDomain(points, opts.pad || 6), inset: 10}
        : {type: "equal-earth"},
      color: colorScale(events || []),
      marks: [
        Plot.frame({stroke: "#ccc"}),
        Plot.geo(countries, {clip: "frame", stroke: "#999", strokeWidth: 0.6, fill: "#fafafa",
          title: function (f) { return (f.properties && f.properties.name) || ""; }}),
        Plot.geo(countries.features.filter(function (f) { return shaded.has(f.id); }),
          {clip: "frame", stroke: "#999", strokeWidth: 0.6, fill: "#efe6cf"}),
        Plot.dot(points, {x: "lon", y: "lat", r: 5, fill: function (p) { return typeOf(p.ev); },
          stroke: "white", strokeWidth: 1, clip: "frame",
          title: function (p) { return eventTitle(p.ev); }})
      ]
    });
    el.appendChild(chart);
    var missing = (events || []).length - points.length;
    if (missing > 0) note(el, missing + " event(s) without coordinates are not on the map.");
    return chart;
  }

  /** Parse the JSON inside <script type="application/json" id=...> (data is never markup). */
  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  global.factwireCharts = {
    renderTimeline: renderTimeline, renderMap: renderMap, readJSON: readJSON,
    eventTitle: eventTitle, dayCounts: dayCounts, exactDay: exactDay, bandOf: bandOf, bandRows: bandRows,
    typeDomain: typeDomain, EVENT_TYPES: EVENT_TYPES
  };
  global.renderTimeline = renderTimeline;
  global.renderMap = renderMap;
})(typeof window !== "undefined" ? window : this);
