// sitrep dashboard. Report text is untrusted: it only ever enters the page through textContent and text nodes,
// links only for http(s) URLs. No innerHTML anywhere.
"use strict";
(function () {
  const $ = (sel) => document.querySelector(sel);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "class") e.className = v;
      else e.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function safeUrl(u) {
    try {
      const p = new URL(u);
      return p.protocol === "http:" || p.protocol === "https:" ? p.href : null;
    } catch (_) {
      return null;
    }
  }

  async function getJSON(url, options) {
    const r = await fetch(url, options);
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(typeof body.detail === "string" ? body.detail : `HTTP ${r.status}`);
    return body;
  }

  const fmt = (n) => (n === null || n === undefined ? "" : Number(n).toLocaleString("en"));
  const spread = (f) => {
    if (!f) return "";
    if (f.low === f.high || f.high === null) return fmt(f.best ?? f.low);
    return `${fmt(f.best)} (${fmt(f.low)}-${fmt(f.high)})`;
  };

  // ------------------------------------------------------------ filters
  const form = $("#filters");
  function filterParams() {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) p.set(k, String(v).trim());
    return p;
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); loadOverview(); });
  $("#reset").addEventListener("click", () => { form.reset(); loadOverview(); });

  // ------------------------------------------------------------ map
  let map = null;
  let cluster = null;

  function initMap() {
    map = L.map("map", { worldCopyJump: true, minZoom: 1 }).setView([15, 20], 2);
    // The world outline is always there, so the map is never blank offline; tiles cover it when reachable.
    fetch("/static/vendor/world/countries-110m.json")
      .then((r) => r.json())
      .then((topo) => {
        const land = topojson.feature(topo, topo.objects.countries);
        L.geoJSON(land, {
          interactive: false,
          style: { color: "#8a9aa8", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 },
        }).addTo(map).bringToBack();
      });
    L.tileLayer("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: "&copy; OpenStreetMap contributors",
    }).addTo(map);
    cluster = L.markerClusterGroup({
      iconCreateFunction(c) {
        const killed = c.getAllChildMarkers().reduce((s, m) => s + (m.options.killed || 0), 0);
        const size = Math.round(30 + Math.min(46, Math.sqrt(killed) * 2));
        const label = el("span", null, killed ? fmt(killed) : String(c.getChildCount()));
        return L.divIcon({ html: label, className: "cluster-icon", iconSize: [size, size] });
      },
    });
    map.addLayer(cluster);
  }

  function drawMarkers(events) {
    cluster.clearLayers();
    const points = [];
    for (const e of events) {
      const loc = e.location || {};
      if (loc.lat === null || loc.lat === undefined) continue;
      const killed = (e.figures.killed && (e.figures.killed.best ?? e.figures.killed.low)) || 0;
      const m = L.circleMarker([loc.lat, loc.lon], {
        radius: 5 + Math.min(20, Math.sqrt(killed)),
        color: "#7a1a14", weight: 1, fillColor: "#b3261e", fillOpacity: 0.7, killed: killed,
      });
      const tip = el("div", null, el("strong", null, loc.name || loc.country || "?"), el("br"),
        `${e.event_type.replaceAll("_", " ")}, ${e.date.start || e.date.end || "?"}`,
        killed ? el("div", null, `killed: ${spread(e.figures.killed)}`) : null);
      m.bindTooltip(tip);
      m.on("click", () => { location.hash = `#/event/${encodeURIComponent(e.id)}`; });
      cluster.addLayer(m);
      points.push([loc.lat, loc.lon]);
    }
    if (points.length) map.fitBounds(points, { maxZoom: 6, padding: [30, 30] });
  }

  // ------------------------------------------------------------ timeline
  // Small multiples: one panel per category, each on its own scale, on one continuous time axis (a week or month
  // without events is there, empty), with labelled axes.
  const PANELS = ["killed", "displaced", "abducted"];

  function periodKeys(first, last, by) {
    const out = [];
    if (by === "month") {
      let [y, m] = first.split("-").map(Number);
      const [ly, lm] = last.split("-").map(Number);
      while (y < ly || (y === ly && m <= lm)) {
        out.push(`${y}-${String(m).padStart(2, "0")}`);
        m += 1;
        if (m > 12) { m = 1; y += 1; }
      }
      return out;
    }
    const step = by === "week" ? 7 : 1;
    const d = new Date(first + "T00:00:00Z");
    const end = new Date(last + "T00:00:00Z");
    while (d <= end) {
      out.push(d.toISOString().slice(0, 10));
      d.setUTCDate(d.getUTCDate() + step);
    }
    return out;
  }

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function axisTicks(keys, by, step) {
    // Years when the axis spans years, else months ("Sep 2017", "Oct", ... "Jan 2018"), every 1, 2, 3 ... years
    // or months so that labels stay 48 px apart; a first part year or month gives way to the next label.
    const yearly = new Set(keys.map((k) => k.slice(0, 4))).size > 2;
    let ticks = [];
    keys.forEach((k, i) => {
      const prev = i ? keys[i - 1] : null;
      if (yearly ? !prev || prev.slice(0, 4) !== k.slice(0, 4) : !prev || prev.slice(0, 7) !== k.slice(0, 7)) ticks.push({ i, k });
    });
    if (by === "day" && ticks.length < 2) return keys.map((k, i) => ({ i, label: k.slice(5) }));
    const partial = yearly ? keys[0].slice(5, 7) !== "01" : by !== "month" && Number(keys[0].slice(8, 10)) > 7;
    if (ticks.length > 1 && partial && (ticks[1].i - ticks[0].i) * step < 48) ticks.shift();
    const unit = yearly ? 12 : by === "week" ? 4.35 : 1; // periods per label unit
    const stride = [1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50, 100].find((n) => n * unit * step >= 48) || 100;
    const value = (k) => (yearly ? Number(k.slice(0, 4)) : Number(k.slice(0, 4)) * 12 + Number(k.slice(5, 7)) - 1);
    const kept = ticks.filter((t) => value(t.k) % stride === 0);
    return kept.map((t, j) => {
      if (yearly) return { i: t.i, label: t.k.slice(0, 4) };
      const month = Number(t.k.slice(5, 7));
      return { i: t.i, label: MONTHS[month - 1] + (j === 0 || month === 1 ? ` ${t.k.slice(0, 4)}` : "") };
    });
  }

  // The period a day falls in, as the stats API names it: "YYYY-MM", or the Monday of its week.
  function periodOf(day, by) {
    if (by === "month") return day.slice(0, 7);
    if (by === "day") return day;
    const d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  }

  function drawTimeline(series, by, since, until) {
    const svg = $("#timeline");
    while (svg.firstChild) svg.firstChild.remove();
    const NS = "http://www.w3.org/2000/svg";
    const W = svg.clientWidth || 400;
    const H = svg.clientHeight || 330;
    const mk = (name, attrs, text, parent) => {
      const n = document.createElementNS(NS, name);
      for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
      if (text !== undefined) n.textContent = text;
      (parent || svg).append(n);
      return n;
    };
    $("#timeline-by").textContent = by;
    if (!series.length) { mk("text", { x: 10, y: 20, fill: "#777" }, "no dated events"); return; }
    const byKey = new Map(series.map((s) => [s.period, s]));
    // The axis spans the filter's dates when they are given, else the events'.
    let first = series[0].period;
    let last = series[series.length - 1].period;
    if (since && periodOf(since, by) < first) first = periodOf(since, by);
    if (until && periodOf(until, by) > last) last = periodOf(until, by);
    const keys = periodKeys(first, last, by);
    const left = 52, right = 8, axis = 34, gap = 22;
    const panelH = (H - axis - gap * PANELS.length) / PANELS.length;
    const step = (W - left - right) / keys.length;
    const bw = Math.max(1, step - (step > 4 ? 1 : 0));
    PANELS.forEach((cat, p) => {
      const top = gap + p * (panelH + gap);
      const g = mk("g", { class: `panel ${cat}`, "data-category": cat });
      const max = Math.max(0, ...series.map((s) => s[cat] || 0));
      mk("text", { x: left, y: top - 6, class: `panel-title ${cat}` }, cat, g);
      mk("line", { x1: left, x2: W - right, y1: top + panelH, y2: top + panelH, class: "baseline" }, undefined, g);
      mk("line", { x1: left, x2: W - right, y1: top, y2: top, class: "grid" }, undefined, g);
      if (max) mk("text", { x: left - 4, y: top + 4, class: "tick y" }, fmt(max), g);
      mk("text", { x: left - 4, y: top + panelH, class: "tick y" }, "0", g);
      if (!max) { mk("text", { x: (left + W - right) / 2, y: top + panelH / 2, class: "none" }, "none reported", g); return; }
      keys.forEach((k, i) => {
        const v = (byKey.get(k) || {})[cat] || 0;
        if (!v) return;
        const h = Math.max(1, (v / max) * panelH);
        const r = mk("rect", { x: left + i * step, y: top + panelH - h, width: bw, height: h, class: cat }, undefined, g);
        mk("title", {}, `${k}: ${fmt(v)} ${cat}`, r);
      });
    });
    const base = H - axis + 4;
    for (const t of axisTicks(keys, by, step)) {
      const x = left + t.i * step;
      PANELS.forEach((_, p) => {  // a grid line within each panel, drawn under its bars and title
        const top = gap + p * (panelH + gap);
        svg.prepend(mk("line", { x1: x, x2: x, y1: top, y2: top + panelH, class: "xtick" }));
      });
      mk("line", { x1: x, x2: x, y1: base - 4, y2: base, class: "xtick" });
      mk("text", { x, y: base + 12, class: "tick x" }, t.label);
    }
    mk("text", { x: (left + W - right) / 2, y: H - 4, class: "axis-label" }, `${by} of the event (start date); each panel on its own scale`);
  }

  // ------------------------------------------------------------ table
  function drawTable(events, total) {
    const body = $("#events tbody");
    while (body.firstChild) body.firstChild.remove();
    $("#count").textContent = `Events (${fmt(total)}${total > events.length ? `, ${events.length} shown` : ""})`;
    for (const e of events) {
      const loc = e.location || {};
      const tr = el("tr", { "data-id": e.id },
        el("td", null, e.date.start || e.date.end || "?"),
        el("td", null, e.event_type.replaceAll("_", " ")),
        el("td", null, [loc.name, loc.country].filter(Boolean).join(", ")),
        el("td", { class: "num" }, spread(e.figures.killed)),
        el("td", { class: "num" }, spread(e.figures.injured)),
        el("td", { class: "num" }, spread(e.figures.displaced)),
        el("td", { class: "num" }, spread(e.figures.abducted)),
        el("td", { class: "num" }, String(e.reports.length)));
      tr.addEventListener("click", () => { location.hash = `#/event/${encodeURIComponent(e.id)}`; });
      body.append(tr);
    }
  }

  let lastTimeline = null;
  window.addEventListener("resize", () => { if (lastTimeline) drawTimeline(...lastTimeline); });

  async function loadOverview() {
    const p = filterParams();
    const q = p.toString();
    const [events, stats] = await Promise.all([
      getJSON(`/api/events?limit=1000${q ? "&" + q : ""}`),
      getJSON(`/api/stats?by=month${q ? "&" + q : ""}`),
    ]);
    drawMarkers(events.events);
    drawTable(events.events, events.total);
    let { series } = stats;
    let by = "month";
    if (series.length && periodKeys(series[0].period, series[series.length - 1].period, "month").length <= 6) {
      series = (await getJSON(`/api/stats?by=week${q ? "&" + q : ""}`)).series; // half a year or less: weeks
      by = "week";
    }
    lastTimeline = [series, by, p.get("since"), p.get("until")];
    drawTimeline(...lastTimeline);
  }

  // ------------------------------------------------------------ highlighted text
  function highlighted(text, marks) {
    const box = el("div", { class: "text" });
    const spans = marks.filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.end > m.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let pos = 0;
    for (const m of spans) {
      if (m.start < pos) continue; // overlapping: the first one wins
      if (m.start > pos) box.append(document.createTextNode(text.slice(pos, m.start)));
      box.append(el("mark", { class: m.kind, title: m.title }, text.slice(m.start, m.end)));
      pos = m.end;
    }
    if (pos < text.length) box.append(document.createTextNode(text.slice(pos)));
    return box;
  }

  function marksOf(event) {
    const out = [];
    for (const f of event.figures || []) {
      const range = `${f.min ?? "?"}..${f.max ?? "?"}`;
      const title = `${f.category}${f.superseded ? " (superseded)" : ""}: ${range} (${f.qualifier})` +
        (f.source ? `, source: ${f.source}` : "") + (f.confirmed === false ? ", unconfirmed" : "");
      for (const s of f.mentions || [{ start: f.start, end: f.end }]) out.push({ start: s.start, end: s.end, kind: "figure", title });
    }
    for (const f of event.household_figures || []) out.push({ start: f.start, end: f.end, kind: "figure", title: `${f.category}: households` });
    const loc = event.location;
    if (loc && Number.isInteger(loc.text_start)) out.push({ start: loc.text_start, end: loc.text_end, kind: "place", title: `${loc.name}, ${loc.admin1 || ""} ${loc.country || ""} (${loc.precision})` });
    const d = event.date;
    if (d && Number.isInteger(d.text_start)) out.push({ start: d.text_start, end: d.text_end, kind: "date", title: `${d.start || "?"} .. ${d.end || "?"} (${d.precision})` });
    for (const a of event.actors || []) if (Number.isInteger(a.text_start)) out.push({ start: a.text_start, end: a.text_end, kind: "actor", title: `${a.name}: ${a.role}` });
    return out;
  }

  function keys() {
    return el("p", { class: "keys" }, el("mark", { class: "figure" }, "figure"), el("mark", { class: "place" }, "place"),
      el("mark", { class: "date" }, "date"), el("mark", { class: "actor" }, "actor"));
  }

  // Each figure a report gives, with who said it and its status in plain sight (not only on hover).
  function figureTable(figures) {
    if (!figures || !figures.length) return el("p", { class: "meta" }, "no figures in this report");
    const status = (f) => {
      const tags = [];
      if (f.superseded) tags.push(el("span", { class: "tag superseded" }, "superseded"));
      if (f.confirmed === false) tags.push(el("span", { class: "tag unconfirmed" }, "unconfirmed"));
      if (f.confirmed === true) tags.push(el("span", { class: "tag confirmed" }, "confirmed"));
      return tags.length ? tags : [el("span", { class: "tag" }, "as reported")];
    };
    const range = (f) => {
      if (f.min === f.max) return fmt(f.min);
      if (f.max === null) return `at least ${fmt(f.min)}`;
      if (f.min === null) return `up to ${fmt(f.max)}`;
      return `${fmt(f.min)}-${fmt(f.max)}`;
    };
    const table = el("table", { class: "figures" },
      el("thead", null, el("tr", null, el("th", null, "category"), el("th", null, "figure"), el("th", null, "words"),
        el("th", null, "source"), el("th", null, "status"))));
    const body = el("tbody");
    for (const f of figures) {
      body.append(el("tr", { class: f.superseded ? "superseded" : null },
        el("td", null, f.category), el("td", { class: "num" }, range(f)),
        el("td", null, `"${f.text || ""}"`), el("td", null, f.source || "not said"), el("td", null, ...status(f))));
    }
    table.append(body);
    return table;
  }

  // ------------------------------------------------------------ event page
  async function showEvent(id) {
    const title = $("#event-title");
    const facts = $("#event-facts");
    const reports = $("#event-reports");
    for (const n of [facts, reports]) while (n.firstChild) n.firstChild.remove();
    title.textContent = "loading...";
    let e;
    try {
      e = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    } catch (err) {
      title.textContent = String(err.message);
      return;
    }
    const loc = e.location || {};
    title.textContent = `${e.event_type.replaceAll("_", " ")} - ${[loc.name, loc.country].filter(Boolean).join(", ")}`;
    const fact = (k, v) => { facts.append(el("dt", null, k), el("dd", null, v)); };
    fact("sub-event type", e.sub_event_type || "");
    fact("date", `${e.date.start || "?"} .. ${e.date.end || "?"} (${e.date.precision || ""})`);
    fact("place", `${loc.name || "?"}, ${loc.admin1 || ""}, ${loc.country || ""} (${loc.precision || ""})`);
    for (const a of e.actors) fact(a.role, `${a.name}${a.type ? " (" + a.type + ")" : ""}`);
    for (const [cat, f] of Object.entries(e.figures)) {
      fact(cat, `best ${fmt(f.best)}, low ${fmt(f.low)}, high ${fmt(f.high)}` +
        (e.best_unconfirmed && cat === "killed" ? " (every figure unconfirmed: best is the lowest)" : ""));
    }
    reports.append(keys());
    for (const r of e.report_details) {
      const box = el("section", { class: "report", "data-article": r.article_id });
      const url = safeUrl(r.source_url);
      box.append(el("h3", null, r.title || r.article_id),
        el("p", { class: "meta" }, `${r.outlet || "unknown outlet"} · ${r.published || "undated"} · ${r.link}`,
          url ? el("span", null, " · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "source")) :
            (r.source_url ? el("span", null, ` · ${r.source_url}`) : null)));
      box.append(figureTable(r.figures));
      reports.append(box);
      try {
        const article = await getJSON(`/api/articles/${encodeURIComponent(r.article_id)}`);
        const ev = article.events.find((x) => x.id === r.event_id) || { figures: [] };
        box.append(highlighted(article.text, marksOf(ev)));
      } catch (err) {
        box.append(el("p", { class: "error" }, String(err.message)));
      }
    }
  }

  // ------------------------------------------------------------ paste a report
  $("#paste-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(ev.target);
    const out = $("#paste-result");
    const error = $("#paste-error");
    while (out.firstChild) out.firstChild.remove();
    error.hidden = true;
    const text = String(data.get("text") || "");
    try {
      const rec = await getJSON("/api/extract", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, published: data.get("published") || null }),
      });
      out.append(el("p", null, `${rec.events.length} event(s)`));
      const list = el("ul", { id: "paste-events" });
      for (const e of rec.events) {
        const figs = e.figures.filter((f) => !f.superseded).map((f) => `${f.category} ${f.min ?? "?"}..${f.max ?? "?"}`).join(", ");
        const loc = e.location ? `${e.location.name}, ${e.location.country || ""}` : "place unknown";
        list.append(el("li", null, `${e.event_type.replaceAll("_", " ")} - ${loc} - ${e.date && e.date.start ? e.date.start : "date unknown"}: ${figs}`));
      }
      out.append(list, keys(), highlighted(text, rec.events.flatMap(marksOf)));
    } catch (err) {
      error.textContent = String(err.message);
      error.hidden = false;
    }
  });

  // ------------------------------------------------------------ router
  function route() {
    const h = location.hash || "#/";
    const show = (id) => { for (const s of ["overview", "event-page", "paste-page"]) $("#" + s).hidden = s !== id; };
    if (h.startsWith("#/event/")) {
      show("event-page");
      showEvent(decodeURIComponent(h.slice("#/event/".length)));
    } else if (h === "#/paste") {
      show("paste-page");
    } else {
      show("overview");
      map.invalidateSize();
    }
  }

  initMap();
  window.addEventListener("hashchange", route);
  route();
  loadOverview().then(() => { document.body.dataset.ready = "1"; }).catch((err) => {
    $("#count").textContent = `Could not load events: ${err.message}`;
    document.body.dataset.ready = "error";
  });
})();
