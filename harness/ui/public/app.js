/* global document, Node, fetch, CSS, WebSocket, location, setTimeout */
// The harness page. Everything shown is built with DOM nodes and textContent: nothing is parsed as HTML.
const token = document.querySelector('meta[name="harness-token"]').content;
const $ = (id) => document.getElementById(id);
let properties = [];
let currentRun = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

async function getJson(url) {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

async function loadOptions() {
  const options = await getJson("/api/options");
  properties = options.properties;
  for (const s of options.stacks) {
    const opt = el("option", { value: s.name }, s.available ? s.name : `${s.name} (not available)`);
    if (!s.available) {
      opt.disabled = true;
      opt.title = s.reason;
    }
    $("stack").append(opt);
  }
  for (const b of options.bridges) $("bridge").append(el("option", { value: b }, b));
  for (const p of properties) {
    const box = el("input", { type: "checkbox", name: "property", value: p.id });
    const label = el("label", { class: p.implemented ? "" : "unimplemented", title: p.tags.join(", ") }, box);
    label.append(` ${p.id} ${p.title}${p.implemented ? "" : " (not implemented)"}`);
    $("properties").append(label);
  }
  $("certificate").hidden = !options.certificate;
}

function progressRow(id) {
  let row = document.querySelector(`#progress tr[data-id="${CSS.escape(id)}"]`);
  if (!row) {
    const meta = properties.find((p) => p.id === id);
    row = el("tr", { "data-id": id }, el("td", {}, id), el("td", {}, meta ? meta.title : ""));
    row.append(el("td", { class: "state" }), el("td", { class: "detail" }), el("td", { class: "open" }));
    $("progress").tBodies[0].append(row);
  }
  return row;
}

function setState(id, state, detail) {
  const row = progressRow(id);
  const cell = row.querySelector(".state");
  cell.textContent = state;
  cell.className = `state ${state}`;
  row.querySelector(".detail").textContent = detail;
}

function selectedProperties() {
  const selector = $("selector").value.trim();
  if (selector) return selector;
  return [...document.querySelectorAll('input[name="property"]:checked')].map((b) => b.value).join(",");
}

async function startRun(event) {
  event.preventDefault();
  $("form-error").textContent = "";
  const body = {
    stack: $("stack").value,
    bridge: $("bridge").value,
    properties: selectedProperties(),
    packages: $("packages").value,
    runs: $("runs").value,
    seed: $("seed").value,
  };
  const res = await fetch("/api/runs", {
    method: "POST",
    headers: { "content-type": "application/json", "x-harness-token": token },
    body: JSON.stringify(body),
  });
  const answer = await res.json();
  if (!res.ok) {
    $("form-error").textContent = answer.error;
    return;
  }
  showRunStarted(answer);
}

function showRunStarted(run) {
  currentRun = run.id;
  $("progress").tBodies[0].replaceChildren();
  $("log").textContent = "";
  $("evidence").hidden = true;
  $("run-status").textContent = `Run ${run.id} (${run.args.join(" ")}) is running…`;
  $("run").disabled = true;
}

async function showRunFinished(run) {
  $("run").disabled = false;
  const verdict = { 0: "all selected properties passed", 1: "a property failed", 2: "bad arguments" }[
    run.exitCode
  ];
  $("run-status").textContent =
    `Run ${run.id} finished: exit ${run.exitCode} (${verdict ?? "the run broke"}).`;
  await showRunResults(run.id);
  await Promise.all([loadRuns(), loadMatrix()]);
}

async function showRunResults(runId) {
  currentRun = runId;
  const { results, details, dir } = await getJson(`/api/runs/${encodeURIComponent(runId)}`);
  if (!results) return;
  for (const p of results.properties) {
    if (p.status === "skipped" && !document.querySelector(`#progress tr[data-id="${p.id}"]`)) continue;
    setState(p.id, p.status, p.durationMs ? `${(p.durationMs / 1000).toFixed(1)}s` : "");
    const open = progressRow(p.id).querySelector(".open");
    open.replaceChildren();
    if (p.status === "passed" || p.status === "failed")
      open.append(
        el("button", { type: "button", onclick: () => showEvidence(runId, dir, p, details) }, "Evidence"),
      );
  }
}

function replayOf(p, details) {
  const fromTests = details.tests.find((t) => t.property === p.id && t.replay);
  if (fromTests) return fromTests.replay;
  const m = /replay: (.*)/.exec(p.message);
  return m ? m[1] : null;
}

const MAX_SHOWN_CHARS = 20000;

/** JSON pretty-printed (attachments written compactly too), any other text as it is; both cut for display. */
function readableText(text, contentType) {
  let shown = text;
  if (/json/.test(contentType)) {
    try {
      shown = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // not valid JSON after all: shown as written
    }
  }
  return shown.length > MAX_SHOWN_CHARS ? `${shown.slice(0, MAX_SHOWN_CHARS)}…` : shown;
}

async function attachmentView(runId, runDir, a) {
  const href = `/files/${encodeURIComponent(runId)}/${a.file.split("/").map(encodeURIComponent).join("/")}`;
  const item = el("li", {}, el("a", { href, download: "" }, a.name), ` (${a.contentType})`);
  if (a.contentType.startsWith("image/")) item.append(el("br"), el("img", { src: href, alt: a.name }));
  else if (/zip/.test(a.contentType)) {
    const file = runDir ? `${runDir}/${a.file}` : a.file;
    item.append(
      el("br"),
      "Open the trace: ",
      el(
        "code",
        { class: "trace-command" },
        `pnpm exec playwright show-trace '${file.replaceAll("'", "'\\''")}'`,
      ),
    );
  } else if (/json|text|xml/.test(a.contentType)) {
    const text = await fetch(href).then((r) => r.text());
    item.append(el("pre", { "data-attachment": a.name }, readableText(text, a.contentType)));
  }
  return item;
}

async function showEvidence(runId, runDir, p, details) {
  const body = $("evidence-body");
  body.replaceChildren(el("h3", {}, `${p.id} ${p.title}: ${p.status}`));
  const meta = [`runs: ${p.runs ?? "-"}`, `seed: ${p.seed ?? "-"}`].join("  ");
  body.append(el("p", {}, meta));
  const replay = replayOf(p, details);
  if (replay) body.append(el("p", {}, "Replay: ", el("code", { class: "replay" }, replay)));
  if (p.message)
    body.append(el("h4", {}, "Counterexample and cause"), el("pre", { class: "message" }, p.message));
  const tests = details.tests.filter((t) => t.property === p.id);
  if (tests.length) {
    const list = el("ul", { class: "subtests" });
    for (const t of tests) list.append(el("li", { class: t.status }, `${t.status}: ${t.title}`));
    body.append(el("h4", {}, "Tests"), list);
  }
  const files = tests.flatMap((t) => t.attachments);
  const attachments = el("ul", { class: "attachments" });
  for (const a of files) attachments.append(await attachmentView(runId, runDir, a));
  body.append(
    el("h4", {}, "Attachments"),
    files.length ? attachments : el("p", {}, "None written by this run."),
  );
  $("evidence").hidden = false;
  $("evidence").scrollIntoView();
}

async function loadRuns() {
  const runs = await getJson("/api/runs");
  $("run-list").replaceChildren(
    ...runs.map((r) =>
      el(
        "li",
        {},
        el("button", { type: "button", onclick: () => showRunResults(r.id) }, r.id),
        ` ${r.bridge}: ${r.args.join(" ")} — ${r.exitCode === null ? "running" : `exit ${r.exitCode}`}`,
      ),
    ),
  );
}

async function loadMatrix() {
  const matrix = await getJson("/api/matrix");
  const head = el(
    "tr",
    {},
    el("th", {}, "id"),
    el("th", {}, "property"),
    ...matrix.bridges.map((b) => el("th", {}, b)),
  );
  const rows = matrix.rows.map((row) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, row.id),
      el("td", {}, row.title),
      ...matrix.bridges.map((b) => {
        const cell = row.cells[b];
        return cell
          ? el("td", { class: cell.status, title: cell.startedAt }, cell.status)
          : el("td", {}, "-");
      }),
    ),
  );
  $("matrix").replaceChildren(el("thead", {}, head), el("tbody", {}, ...rows));
}

function connect() {
  const ws = new WebSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`);
  ws.addEventListener("message", (message) => {
    const event = JSON.parse(message.data);
    if (event.type === "started") showRunStarted(event.run);
    else if (event.runId !== currentRun && event.type !== "finished") return;
    else if (event.type === "progress") setState(event.id, event.state, event.detail);
    else if (event.type === "log") $("log").append(`${event.line}\n`);
    if (event.type === "finished") void showRunFinished(event.run);
  });
  ws.addEventListener("close", () => setTimeout(connect, 2000));
  ws.addEventListener("open", () => document.body.setAttribute("data-connected", "true"));
}

$("run-form").addEventListener("submit", (e) => void startRun(e));
await loadOptions();
await Promise.all([loadRuns(), loadMatrix()]);
connect();
