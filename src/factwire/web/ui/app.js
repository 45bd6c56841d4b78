/* factwire web UI: draws the /events charts from the page's embedded JSON.
 * Data arrives in <script type="application/json" id="events-data"> and is read with
 * JSON.parse (never eval, never innerHTML). Charts come from /static/charts.js (renderTimeline,
 * renderMap); if they are not loaded, the table still works and a note says so.
 */
(function () {
  "use strict";

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function note(el, text) {
    var p = document.createElement("p");
    p.className = "fw-chart-note";
    p.textContent = text;
    el.appendChild(p);
  }

  function drawCharts() {
    var data = readJSON("events-data");
    var timeline = document.getElementById("timeline"), map = document.getElementById("map");
    if (!data || !timeline || !map) return;
    if (typeof window.renderTimeline !== "function" || typeof window.renderMap !== "function") {
      note(timeline, "Charts unavailable (charts.js not loaded).");
      return;
    }
    window.renderTimeline(timeline, data.events);
    timeline.setAttribute("data-rendered", "1");
    fetch("/static/vendor/countries-110m.json")
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (world) {
        window.renderMap(map, data.events, world, {countryIds: data.country_ids});
        map.setAttribute("data-rendered", "1");
      })
      .catch(function (err) { note(map, "Map unavailable: " + err.message); });
  }

  document.addEventListener("DOMContentLoaded", drawCharts);
})();
