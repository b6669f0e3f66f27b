// The Testbed dashboard: one page, four views, each refreshed by polling the AppHost's /api.
"use strict";

const $ = (selector) => document.querySelector(selector);
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
};

async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function setConnection(ok, text) {
  const node = $("#connection");
  node.textContent = text;
  node.className = ok ? "muted" : "error";
}

const ms = (value) => value === null || value === undefined ? "–" : value < 1 ? `${value.toFixed(2)} ms` : value < 1000 ? `${value.toFixed(1)} ms` : `${(value / 1000).toFixed(2)} s`;
const durationMs = (text) => {
  // TimeSpan JSON is "hh:mm:ss.fffffff" (optionally "d.hh:…").
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(text);
  if (!match) return 0;
  return (((+(match[1] || 0) * 24 + +match[2]) * 60 + +match[3]) * 60 + +match[4]) * 1000;
};
const serviceHue = (name) => [...name].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) % 360, 7);

// Resources

async function refreshResources() {
  const rows = await getJson("/api/resources");
  const body = $("#resources tbody");
  body.replaceChildren(...rows.map((r) => el("tr", { "data-resource": r.name },
    el("td", { class: "name" }, r.name),
    el("td", {}, r.kind),
    el("td", { class: `state state-${r.state}` }, r.state),
    el("td", { class: `health health-${r.health ?? "none"}` }, r.health ?? ""),
    el("td", { class: "pid" }, r.processId ?? ""),
    el("td", {}, r.endpoints.map((url) => el("div", {}, el("a", { href: url, target: "_blank" }, url)))),
    el("td", { class: "restarts" }, r.restarts),
    el("td", {}, el("a", { href: `#logs/${encodeURIComponent(r.name)}` }, "view")),
    el("td", {},
      r.canStop ? el("button", { "data-action": "stop", onclick: () => control(r.name, "stop") }, "Stop") : null,
      r.canStart ? el("button", { "data-action": "start", onclick: () => control(r.name, "start") }, "Start") : null))));
}

async function control(name, action) {
  const response = await fetch(`/api/resources/${encodeURIComponent(name)}/${action}`, { method: "POST" });
  if (!response.ok) alert((await response.json()).detail ?? `${action} failed`);
  refreshResources();
}

// Console logs

// generation changes whenever the view is reset, so that a read started for the old source or search is dropped.
const logs = { source: null, search: "", after: 0, generation: 0 };

async function refreshLogSources() {
  const { sources } = await getJson("/api/logs");
  const select = $("#log-source");
  const current = logs.source ?? select.value;
  const known = [...select.options].map((o) => o.value);
  if (sources.join() !== known.join()) {
    select.replaceChildren(...sources.map((s) => el("option", { value: s }, s)));
  }
  if (current && sources.includes(current)) select.value = current;
  logs.source = select.value || null;
}

async function refreshLogs() {
  await refreshLogSources();
  if (!logs.source) return;
  const generation = logs.generation;
  const query = new URLSearchParams({ after: logs.after });
  if (logs.search) query.set("search", logs.search);
  const lines = await getJson(`/api/logs/${encodeURIComponent(logs.source)}?${query}`);
  if (generation !== logs.generation) return;
  const pre = $("#log-lines");
  for (const line of lines) {
    const time = new Date(line.time).toLocaleTimeString([], { hour12: false });
    pre.append(el("div", { class: "log-line" }, el("span", { class: "time" }, time), " ", highlight(line.text, logs.search)));
    logs.after = line.sequence;
  }
  $("#log-count").textContent = pre.childElementCount === 1 ? "1 line" : `${pre.childElementCount} lines`;
  if ($("#log-follow").checked && lines.length) pre.scrollTop = pre.scrollHeight;
}

function highlight(text, search) {
  if (!search) return text;
  const at = text.toLowerCase().indexOf(search.toLowerCase());
  if (at < 0) return text;
  return el("span", {}, text.slice(0, at), el("mark", {}, text.slice(at, at + search.length)), text.slice(at + search.length));
}

function resetLogs() {
  logs.after = 0;
  logs.generation++;
  $("#log-lines").replaceChildren();
}

// Traces

async function refreshTraces() {
  const query = new URLSearchParams({ limit: 100 });
  const service = $("#trace-service").value;
  const search = $("#trace-search").value.trim();
  if (service) query.set("service", service);
  if (search) query.set("search", search);
  if ($("#trace-errors").checked) query.set("errors", "true");
  const [traces, telemetry] = await Promise.all([getJson(`/api/traces?${query}`), getJson("/api/telemetry")]);
  $("#trace-note").textContent = telemetry.receiver ? "" : `services export to ${telemetry.collector}; no traces arrive here`;

  const services = new Set([...$("#trace-service").options].map((o) => o.value));
  for (const name of traces.flatMap((t) => t.services)) {
    if (!services.has(name)) { services.add(name); $("#trace-service").append(el("option", { value: name }, name)); }
  }

  $("#traces tbody").replaceChildren(...traces.map((t) => el("tr", { class: "clickable", "data-trace": t.traceId, onclick: () => { location.hash = `#trace/${t.traceId}`; } },
    el("td", {}, new Date(t.start).toLocaleTimeString([], { hour12: false })),
    el("td", { class: "root" }, t.rootName),
    el("td", {}, t.services.map((s) => el("span", { class: "span-service", style: `background:hsl(${serviceHue(s)},70%,90%)` }, s))),
    el("td", {}, t.spanCount),
    el("td", {}, ms(durationMs(t.duration))),
    el("td", { class: t.hasError ? "error" : "" }, t.hasError ? "error" : "ok"))));
}

const shown = { traceId: null, spans: -1 };

async function showTrace(traceId) {
  $("#trace-id").textContent = traceId;
  let trace;
  try {
    trace = await getJson(`/api/traces/${traceId}`);
  } catch {
    $("#waterfall").replaceChildren(el("p", { class: "problem" }, "This trace has not been received (yet)."));
    return;
  }

  const spans = trace.spans;
  // Spans of other processes arrive a moment later; re-draw only when there are new ones, so open details stay open.
  if (shown.traceId === traceId && shown.spans === spans.length) return;
  shown.traceId = traceId;
  shown.spans = spans.length;
  const start = Math.min(...spans.map((s) => Date.parse(s.start)));
  const end = Math.max(...spans.map((s) => Date.parse(s.end)));
  const total = Math.max(end - start, 0.001);
  const services = [...new Set(spans.map((s) => s.service))];
  $("#trace-summary").textContent = `${spans.length} spans across ${services.join(", ")} in ${ms(end - start)}`;

  // Depth-first from the roots, so each span sits under its parent, children by start time.
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(span);
  }
  const ordered = [];
  const visit = (parent, depth) => {
    for (const span of (children.get(parent) ?? []).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
      ordered.push({ span, depth });
      visit(span.spanId, depth + 1);
    }
  };
  visit(null, 0);

  $("#waterfall").replaceChildren(...ordered.flatMap(({ span, depth }) => {
    const offset = ((Date.parse(span.start) - start) / total) * 100;
    const width = Math.max(((Date.parse(span.end) - Date.parse(span.start)) / total) * 100, 0.2);
    const details = el("div", { class: "span-details" }, spanDetails(span));
    const row = el("div", { class: "span-row", "data-span": span.spanId, "data-service": span.service, "data-parent": span.parentSpanId ?? "", onclick: () => details.classList.toggle("open") },
      el("div", { class: "span-name", style: `padding-left:${depth * 16}px`, title: span.name },
        el("span", { class: "span-service", style: `background:hsl(${serviceHue(span.service)},70%,90%)` }, span.service), span.name),
      el("div", { class: "span-track" }, el("div", { class: `span-bar${span.error ? " error" : ""}`, style: `left:${offset}%;width:${width}%;${span.error ? "" : `background:hsl(${serviceHue(span.service)},55%,50%)`}` })),
      el("div", { class: "span-duration" }, ms(durationMs(span.duration))));
    return [row, details];
  }));
}

function spanDetails(span) {
  const rows = [
    ["kind", span.kind], ["service", span.service], ["span id", span.spanId], ["parent", span.parentSpanId ?? "(root)"],
    ["start", span.start], ["status", span.error ? `error: ${span.error}` : "ok"],
    ...Object.entries(span.attributes).map(([k, v]) => [k, v]),
  ];
  const events = (span.events ?? []).map((e) => el("tr", {}, el("td", {}, `event ${e.name}`), el("td", {}, `${e.time} ${Object.entries(e.attributes).map(([k, v]) => `${k}=${v}`).join(" ")}`)));
  return el("table", {}, rows.map(([k, v]) => el("tr", {}, el("td", { class: "muted" }, k), el("td", {}, v))), events);
}

// Pipeline

async function refreshPipeline() {
  const view = await getJson("/api/pipeline");
  $("#accepted-rate").textContent = view.acceptedPerSecond.toFixed(1);
  $("#pipeline-problem").textContent = view.problem ?? "";
  const status = view.status;
  if (!status) return;
  $("#freshness-p50").textContent = ms(status.freshness.p50Milliseconds);
  $("#freshness-p99").textContent = ms(status.freshness.p99Milliseconds);
  $("#freshness-count").textContent = status.freshness.count;
  $("#pipeline-stream").textContent = status.stream;
  $("#shards tbody").replaceChildren(...status.shards.map((s) => el("tr", { "data-shard": s.shardId },
    el("td", {}, s.shardId), el("td", {}, s.owner ?? "(none)"), el("td", { class: "behind" }, s.recordsBehind),
    el("td", {}, ms(s.millisecondsBehind)), el("td", {}, s.checkpointedAt ? new Date(s.checkpointedAt).toLocaleTimeString([], { hour12: false }) : "–"))));
}

// Routing and refresh

let refresh = null;

function route() {
  const [page, argument] = (location.hash.slice(1) || "resources").split("/");
  for (const section of document.querySelectorAll(".page")) section.classList.toggle("active", section.id === `page-${page}`);
  for (const link of document.querySelectorAll("nav a")) link.classList.toggle("active", link.dataset.page === (page === "trace" ? "traces" : page));
  if (page === "logs") {
    const source = argument ? decodeURIComponent(argument) : logs.source;
    if (source !== logs.source) { logs.source = source; resetLogs(); }
  }
  refresh = { resources: refreshResources, logs: refreshLogs, traces: refreshTraces, pipeline: refreshPipeline, trace: () => showTrace(argument) }[page] ?? refreshResources;
  tick();
}

// One refresh at a time: a tick asked for while one runs (a keystroke, the timer, a new view) runs once right after it,
// so answers never overlap and a slow AppHost does not pile up requests.
let refreshing = false;
let refreshAgain = false;

async function tick() {
  if (refreshing) { refreshAgain = true; return; }
  refreshing = true;
  do {
    refreshAgain = false;
    try {
      await refresh();
      setConnection(true, `updated ${new Date().toLocaleTimeString([], { hour12: false })}`);
    } catch (error) {
      setConnection(false, `AppHost not reachable (${error.message})`);
    }
  } while (refreshAgain);
  refreshing = false;
}

$("#log-source").addEventListener("change", (e) => { location.hash = `#logs/${encodeURIComponent(e.target.value)}`; });
$("#log-search").addEventListener("input", (e) => { logs.search = e.target.value; resetLogs(); tick(); });
for (const id of ["#trace-service", "#trace-search", "#trace-errors"]) $(id).addEventListener("input", () => tick());
window.addEventListener("hashchange", route);
route();
setInterval(tick, 1000);
