// The local page of `jixiao serve`: uploads a batch into a session of its own, starts the check,
// follows its progress, then shows the summary, the findings and the sheet around a finding's cell.
// Everything it shows comes from the server (app::check, the same job as `jixiao check`).
"use strict";

const api = "api/sessions";
let session = null;      // this tab's batch
let queued = [];         // File objects waiting for upload, with their relative path
let results = null;
let sortKey = null, sortDir = 1;

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
};
const sevWord = { error: "错误", warning: "警告", info: "提示" };
const readable = (name) => /\.(xlsx|xlsm|xls|docx|docm|pdf)$/i.test(name) && !/^~\$/.test(name.split("/").pop()) && !name.split("/").pop().startsWith(".");

async function call(path, options = {}) {
  const res = await fetch(`${api}/${session}${path}`, options);
  const body = res.headers.get("Content-Type")?.startsWith("application/json") ? await res.json() : null;
  if (!res.ok) throw new Error(body?.error || `服务器返回 ${res.status}`);
  return body;
}

async function newSession() {
  const res = await fetch(api, { method: "POST" });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error);
  session = body.id;
}

function addFiles(files) {
  for (const f of files) {
    const path = f.relPath || f.webkitRelativePath || f.name;
    if (!readable(path)) continue;
    queued.push({ file: f, path, li: el("li", { text: `${path}（等待上传）` }) });
    $("file-list").append(queued[queued.length - 1].li);
  }
  $("file-bar").hidden = queued.length === 0;
  $("file-count").textContent = `已选 ${queued.length} 个文件`;
  $("start").disabled = queued.length === 0;
}

// A dropped folder: its entries, read recursively.
function walk(entry, prefix) {
  return new Promise((resolve) => {
    if (entry.isFile) {
      entry.file((f) => { f.relPath = prefix + f.name; resolve([f]); }, () => resolve([]));
    } else if (entry.isDirectory) {
      const reader = entry.createReader(), all = [];
      const more = () => reader.readEntries(async (entries) => {
        if (!entries.length) {
          const nested = await Promise.all(all.map((e) => walk(e, prefix + entry.name + "/")));
          resolve(nested.flat());
        } else { all.push(...entries); more(); }
      }, () => resolve([]));
      more();
    } else resolve([]);
  });
}

async function start() {
  $("start").disabled = true;
  $("messages").textContent = "";
  $("progress").hidden = false;
  const byName = new Map();
  let sent = 0;
  for (const q of queued) {
    setProgress(sent, queued.length, `正在上传 ${q.path}`);
    try {
      const body = await call(`/files?name=${encodeURIComponent(q.path)}`, { method: "POST", body: q.file });
      q.stored = body.name;
      byName.set(body.name, q);
      q.li.textContent = `${q.path}（已上传）`;
    } catch (e) {
      q.li.textContent = `${q.path}：${e.message}`;
      q.li.className = "error";
    }
    setProgress(++sent, queued.length, "上传");
  }
  try {
    await call(`/start?fix=${$("fix").checked ? 1 : 0}`, { method: "POST" });
  } catch (e) {
    $("messages").textContent = e.message;
    return;
  }
  poll(byName);
}

function setProgress(done, total, text) {
  $("progress-fill").style.width = total ? `${(100 * done) / total}%` : "0";
  $("progress-text").textContent = text;
}

async function poll(byName) {
  const t0 = Date.now();
  for (;;) {
    let s;
    try { s = await call(""); } catch (e) { $("messages").textContent = e.message; return; }
    if (s.state === "done") { finish(s.results, byName); return; }
    if (s.state === "running") {
      const q = byName.get(s.current);
      if (q && s.phase === "check") { q.li.textContent = `${q.path}（已读取）`; q.li.className = "read"; }
      const secs = (Date.now() - t0) / 1000, rate = secs > 0 ? s.done / secs : 0;
      if (s.phase === "render") setProgress(s.done, s.total, `生成报告 ${s.done}/${s.total}：${s.current}`);
      else setProgress(s.done, s.total, `${s.phase === "index" ? "索引" : "核对"} ${s.done}/${s.total} 个文件` +
                       (rate > 0 ? `，${rate.toFixed(0)} 个/秒` : "") + (s.current ? `：${s.current}` : ""));
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

function finish(r, byName) {
  results = r;
  setProgress(1, 1, `核对完成：${r.files.length} 个文件`);
  const perFile = new Map();
  for (const f of r.findings) if (f.severity === "error") perFile.set(f.file, (perFile.get(f.file) || 0) + 1);
  for (const f of r.files) {
    const q = byName.get(f.name);
    if (!q) continue;
    const errors = perFile.get(f.name) || 0;
    q.li.textContent = f.unreadable ? `${q.path}：无法读取` :
      (f.report ? `${q.path}：报告` : `${q.path}：${f.recognised}/${f.sheets} 张表识别`) +
      (errors ? `，${errors} 个错误` : "，未发现错误");
    q.li.className = f.unreadable || errors ? "error" : "ok";
  }
  const c = r.counts;
  const reports = r.files.filter((f) => f.report).length;
  $("counts").textContent = `共 ${c.files} 个工作簿` + (reports ? `、${reports} 份报告` : "") +
    `、${c.sheets} 张表（识别 ${c.recognised} 张），${r.rows.length} 个部门年度；` +
    `${c.errors} 个错误、${c.warnings} 个警告、${c.infos} 个提示`;
  $("download-summary").href = `${api}/${session}/summary.xlsx`;
  $("download-zip").href = `${api}/${session}/all.zip`;
  $("reports").replaceChildren(...r.reports.map((rep) => el("li", {}, `${rep.group}：`,
    el("a", { href: `${api}/${session}/file?name=${encodeURIComponent(rep.name)}`, text: rep.name }))));
  $("reports-title").hidden = r.reports.length === 0;
  $("problems").replaceChildren(...r.problems.filter((p) => p.severity === "error" || p.message.includes("未能生成"))
    .map((p) => el("li", { text: p.message })));
  $("copies-head").textContent = r.fixed ? "改正后的副本" : "批注副本";
  $("results").hidden = false;
  renderSummary();
  renderFindings();
}

function copyLinks(names) {
  const span = el("span");
  for (const n of names) {
    const f = results.files.find((x) => x.name === n);
    if (f?.copy) span.append(el("a", { href: `${api}/${session}/file?name=${encodeURIComponent(n)}`, text: n }), " ");
  }
  return span;
}

function rowValue(row, key) {
  if (key === "files") return row.files.length;
  return row[key];
}

function renderSummary() {
  const filter = $("filter").value.trim(), onlyErrors = $("only-errors").checked;
  let rows = results.rows.map((row, i) => ({ row, i }));
  if (filter) rows = rows.filter(({ row }) => row.department.includes(filter) || row.year.includes(filter));
  if (onlyErrors) rows = rows.filter(({ row }) => row.errors > 0);
  if (sortKey) rows.sort((a, b) => {
    const x = rowValue(a.row, sortKey), y = rowValue(b.row, sortKey);
    return (typeof x === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN")) * sortDir;
  });
  const body = $("summary-table").tBodies[0];
  body.replaceChildren(...rows.map(({ row, i }) => {
    const tr = el("tr", { class: row.errors ? "has-errors" : "", "data-row": i },
      el("td", {}, el("a", { href: `#dept-${i}`, text: row.department })), el("td", { text: row.year }),
      el("td", { class: "num", text: row.files.length }), el("td", { class: "num", text: row.recognised }),
      el("td", { class: "num", text: row.unrecognised }), el("td", { class: "num errors", text: row.errors }),
      el("td", { class: "num", text: row.warnings }), el("td", {}, copyLinks(row.files)));
    return tr;
  }));
  for (const th of $("summary-table").tHead.rows[0].cells) {
    th.classList.toggle("sorted-asc", th.dataset.key === sortKey && sortDir > 0);
    th.classList.toggle("sorted-desc", th.dataset.key === sortKey && sortDir < 0);
  }
}

function renderFindings() {
  const out = $("findings");
  out.replaceChildren(el("h3", { text: "各部门的问题" }));
  results.rows.forEach((row, i) => {
    if (!row.findings.length) return;
    const d = el("details", { class: "department", id: `dept-${i}` });
    if (row.errors) d.open = true;
    d.append(el("summary", { text: `${row.department} ${row.year}：${row.errors} 个错误、${row.warnings} 个警告、${row.infos} 个提示` }));
    const table = el("table", { class: "findings-table" },
      el("thead", {}, el("tr", {}, ...["", "文件", "工作表", "单元格", "问题"].map((h) => el("th", { text: h })))));
    const tb = el("tbody");
    for (const k of row.findings) {
      const f = results.findings[k];
      const cell = f.cell && f.sheet ? el("a", { class: "cell", href: "#", text: f.cell }) : el("span", { text: f.cell });
      if (f.cell && f.sheet) cell.addEventListener("click", (e) => { e.preventDefault(); showSheet(f); });
      tb.append(el("tr", { class: "finding" }, el("td", { class: `sev-${f.severity}`, text: sevWord[f.severity] }),
        el("td", { text: f.file }), el("td", { text: f.sheet }), el("td", {}, cell), el("td", { text: f.message })));
    }
    table.append(tb);
    d.append(table);
    out.append(d);
  });
}

async function showSheet(f) {
  const view = $("sheet-view");
  view.hidden = false;
  $("sheet-title").textContent = `${f.file} “${f.sheet}”!${f.cell}`;
  $("sheet-message").textContent = f.message;
  const table = $("sheet-table");
  table.replaceChildren();
  try {
    const v = await call(`/sheet?file=${encodeURIComponent(f.file)}&sheet=${encodeURIComponent(f.sheet)}&cell=${encodeURIComponent(f.cell)}`);
    table.append(el("tr", {}, el("th"), ...v.columns.map((c) => el("th", { text: c }))));
    v.rows.forEach((r, ri) => {
      table.append(el("tr", {}, el("th", { text: r.row }), ...r.cells.map((text, ci) => {
        const td = el("td", { text, title: text });
        if (ri === v.mark.row && ci === v.mark.col) { td.className = "mark"; td.id = "marked-cell"; td.dataset.cell = f.cell; }
        return td;
      })));
    });
    $("marked-cell")?.scrollIntoView({ block: "center", inline: "center" });
  } catch (e) {
    $("sheet-message").textContent = e.message;
  }
}

function setup() {
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
    if (entries.length) addFiles((await Promise.all(entries.map((en) => walk(en, "")))).flat());
    else addFiles(e.dataTransfer.files);
  });
  $("pick-files").addEventListener("change", (e) => addFiles(e.target.files));
  $("pick-folder").addEventListener("change", (e) => addFiles(e.target.files));
  $("start").addEventListener("click", () => start().catch((e) => { $("messages").textContent = e.message; }));
  $("reset").addEventListener("click", () => {
    navigator.sendBeacon(`${api}/${session}/close`);
    location.reload();
  });
  $("filter").addEventListener("input", renderSummary);
  $("only-errors").addEventListener("change", renderSummary);
  for (const th of $("summary-table").tHead.rows[0].cells)
    if (th.dataset.key) th.addEventListener("click", () => {
      sortDir = sortKey === th.dataset.key ? -sortDir : 1;
      sortKey = th.dataset.key;
      renderSummary();
    });
  $("sheet-close").addEventListener("click", () => { $("sheet-view").hidden = true; });
  // The batch's files are deleted on the server when the page goes away.
  window.addEventListener("pagehide", () => { if (session) navigator.sendBeacon(`${api}/${session}/close`); });
  newSession().catch((e) => { $("messages").textContent = e.message; });
}

setup();
