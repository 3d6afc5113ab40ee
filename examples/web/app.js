// The demo page: one form per question of the library, each answered as the user types by
// the package's browser build (./pkg, copied there by scripts/build-wasm.sh), and the
// special action's progress drawn against its targets. The page decides nothing itself:
// it sends what was typed, as typed, and shows the library's answer and reasons.
import init, { evaluate, version } from "./pkg/gonghui_wasm.js";
import { STRINGS } from "./strings.js";

const QUESTIONS = [
  "mutual_aid_subsidy", "mutual_aid_schedule", "venue_subsidy", "model_union_award",
  "nomination_share", "studio_quota", "action_progress",
];

const state = {
  lang: initialLang(),
  tab: QUESTIONS.includes(location.hash.slice(1)) ? location.hash.slice(1) : QUESTIONS[0],
  catalog: null,
};

// ---- small helpers ---------------------------------------------------------------------

function initialLang() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "zh" || asked === "en") return asked;
  try {
    const kept = localStorage.getItem("gonghui-lang");
    if (kept === "zh" || kept === "en") return kept;
  } catch { /* storage may be off */ }
  return "zh";
}

const t = (path) => path.split(".").reduce((o, k) => o?.[k], STRINGS[state.lang]) ?? path;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "dataset") Object.assign(node.dataset, v);
    else if (k in node && typeof v !== "string") node[k] = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/** A label whose words follow the language switch. */
const words = (key, tag = "span", attrs = {}) => el(tag, { ...attrs, dataset: { t: key } }, t(key));

// A number the user typed goes to the library as the user typed it (JSON number text), so
// that the library, not the page, judges its range and decimals and says what is wrong.
class Raw {
  constructor(text) { this.text = text; }
}

function toJson(v) {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const members = Object.entries(v).filter(([, x]) => x !== undefined);
    return `{${members.map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

/** Full-width digits and separators from a Chinese input method, as ASCII; no spaces or commas. */
function normalise(text) {
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xFEE0))
    .replace(/[．。]/g, ".").replace(/－/g, "-").replace(/[\s,，]/g, "");
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** The field's text as a JSON number; text that is no number goes as a string (the library
 *  then says a number was expected); an empty field is left out. */
function numberFact(text) {
  const s = normalise(text);
  if (s === "") return undefined;
  return JSON_NUMBER.test(s) ? new Raw(s) : s;
}

/** Yuan as typed → fen, by moving the decimal point two places in the text: nothing is
 *  rounded, and a third decimal stays a fraction of a fen for the library to refuse. */
function yuanToFen(text) {
  const s = normalise(text);
  if (s === "") return undefined;
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return s;
  const [, sign, whole, frac = ""] = m;
  const fen = `${whole}${frac.padEnd(2, "0").slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  const rest = frac.slice(2).replace(/0+$/, "");
  return new Raw(`${sign}${fen}${rest ? `.${rest}` : ""}`);
}

/** Groups the integer part of a decimal string: "1234567.00" → "1,234,567.00". */
function group(decimal) {
  const [whole, frac] = String(decimal).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function ask(request) {
  const text = toJson({ ...request, lang: state.lang });
  const answerText = evaluate(text);
  return { text, answerText, answer: JSON.parse(answerText) };
}

// ---- the catalog: names of codes and texts of clauses, in the page's language -----------

function loadCatalog() {
  state.catalog = ask({ question: "catalog" }).answer;
}

/** The article's 2023 figure for a target, from the catalog (C7, C11, C15, C16, C21, C22). */
function reported(target) {
  return (state.catalog?.reported ?? []).find((r) => r.target === target && r.year === 2023);
}

/** The codes of one catalog list (chains, tiers, …), in the catalog's order. */
function codes(kind) {
  const list = state.catalog?.[kind];
  return Array.isArray(list) ? list.map((e) => e.code ?? e.target ?? e.id) : [];
}

/** A code's name in the page's language: the catalog's, else the page's own (targets). */
function nameOf(kind, code) {
  const entry = (state.catalog?.[kind] ?? []).find((e) => (e.code ?? e.target ?? e.id) === code);
  return entry?.[state.lang] ?? STRINGS[state.lang].names[kind]?.[code] ?? code;
}

function clauseText(id) {
  return (state.catalog?.clauses ?? []).find((c) => c.id === id)?.[state.lang] ?? "";
}

// ---- form controls ---------------------------------------------------------------------

let uid = 0;
const nextId = (p) => `${p}-${++uid}`;

/** A labelled text input for a number; `fact` names the fact it fills (for error marks). */
function numberInput(labelKey, fact, value, hintKey) {
  const id = nextId(fact);
  const hintId = hintKey ? `${id}-hint` : undefined;
  const input = el("input", {
    id, type: "text", inputmode: "decimal", autocomplete: "off", value,
    "aria-describedby": [hintId, `${id}-err`].filter(Boolean).join(" "),
    dataset: { fact },
  });
  return el("div", { class: "field", dataset: { field: fact } },
    el("label", { for: id }, words(labelKey)),
    hintKey ? words(hintKey, "span", { class: "hint", id: hintId }) : null,
    input,
    el("span", { class: "field-error", id: `${id}-err` }));
}

/** A labelled select over a catalog list, or over plain values. */
function select(labelKey, fact, kind, values, value, blank = false) {
  const id = nextId(fact);
  const options = (kind ? codes(kind) : values)
    .map((code) => el("option", { value: code, selected: code === value, dataset: kind ? { kind, code } : {} },
      kind ? nameOf(kind, code) : String(code)));
  if (blank) options.unshift(el("option", { value: "" }, "—"));
  return el("div", { class: "field", dataset: { field: fact } },
    el("label", { for: id }, words(labelKey)),
    el("select", { id, dataset: { fact }, "aria-describedby": `${id}-err` }, options),
    el("span", { class: "field-error", id: `${id}-err` }));
}

/** A group of checkboxes (or radios) in a fieldset with a legend. */
function choices(legendKey, fact, kind, values, checked, type = "checkbox", noteKey) {
  const name = nextId(fact);
  const items = (kind ? codes(kind) : values).map((code) => {
    const id = nextId(fact);
    return el("div", { class: "choice" },
      el("input", { id, type, name, value: String(code), checked: checked.includes(code) }),
      el("label", { for: id, dataset: kind ? { kind, code } : {} }, kind ? nameOf(kind, code) : String(code)));
  });
  return el("fieldset", { class: "field group", dataset: { field: fact, fact } },
    el("legend", {}, words(legendKey), noteKey ? words(noteKey, "span", { class: "hint" }) : null),
    el("div", { class: "choices" }, items),
    el("span", { class: "field-error", id: `${name}-err` }));
}

function checkedValues(form, fact) {
  return [...form.querySelectorAll(`fieldset[data-fact="${fact}"] input:checked`)].map((i) => i.value);
}

const valueOf = (form, fact) => form.querySelector(`[data-fact="${fact}"]`)?.value ?? "";
const shown = (form, fact) => !form.querySelector(`[data-field="${fact}"]`)?.hidden;

// ---- the questions: their fields, and the request each form makes -----------------------

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027];

const FORMS = {
  mutual_aid_subsidy: {
    fields: () => [
      choices("fields.chains", "chains", "chains", null, ["steel"], "checkbox", "fields.none"),
      choices("fields.clusters", "clusters", "clusters", null, []),
      choices("fields.enrolled_years", "enrolled_years", null, YEARS, [2023, 2024, 2025]),
      select("fields.year", "year", null, YEARS, 2025),
      numberInput("fields.premium_yuan", "premium_fen", "12000", "hints.premium_yuan"),
    ],
    facts: (f) => ({
      chains: checkedValues(f, "chains"),
      clusters: checkedValues(f, "clusters"),
      enrolled_years: checkedValues(f, "enrolled_years").map((y) => new Raw(y)),
      year: new Raw(valueOf(f, "year")),
      premium_fen: yuanToFen(valueOf(f, "premium_fen")),
    }),
  },
  mutual_aid_schedule: {
    fields: () => [
      choices("fields.chains", "chains", "chains", null, ["steel"], "checkbox", "fields.none"),
      choices("fields.clusters", "clusters", "clusters", null, []),
      select("fields.join_year", "join_year", null, YEARS, 2023),
      numberInput("fields.premium_yuan", "premium_fen", "12000", "hints.premium_yuan"),
    ],
    facts: (f) => ({
      chains: checkedValues(f, "chains"),
      clusters: checkedValues(f, "clusters"),
      join_year: new Raw(valueOf(f, "join_year")),
      premium_fen: yuanToFen(valueOf(f, "premium_fen")),
    }),
  },
  venue_subsidy: {
    fields: () => [
      select("fields.venue_kind", "venue_kind", "venue_kinds", null, "township"),
      numberInput("fields.indoor_area_m2", "indoor_area_m2", "120", "hints.indoor_area_m2"),
      select("fields.park_level", "park_level", "park_levels", null, "provincial"),
    ],
    sync: (f) => {
      const park = valueOf(f, "venue_kind") === "industrial_park";
      f.querySelector('[data-field="park_level"]').hidden = !park;
      f.querySelector('[data-field="indoor_area_m2"]').hidden = park;
    },
    facts: (f) => ({
      venue_kind: valueOf(f, "venue_kind"),
      indoor_area_m2: shown(f, "indoor_area_m2") ? numberFact(valueOf(f, "indoor_area_m2")) : undefined,
      park_level: shown(f, "park_level") ? valueOf(f, "park_level") || undefined : undefined,
    }),
  },
  model_union_award: {
    fields: () => [
      choices("fields.chains", "chains", "chains", null, ["aviation"], "checkbox", "fields.none"),
      choices("fields.clusters", "clusters", "clusters", null, []),
      choices("fields.tier", "tier", "tiers", null, ["six_norms"], "radio"),
      numberInput("fields.awarded_this_year", "awarded_this_year", "", "hints.awarded_this_year"),
    ],
    facts: (f) => ({
      chains: checkedValues(f, "chains"),
      clusters: checkedValues(f, "clusters"),
      tier: checkedValues(f, "tier")[0],
      awarded_this_year: numberFact(valueOf(f, "awarded_this_year")),
    }),
  },
  nomination_share: {
    fields: () => [
      numberInput("fields.total", "total", "40"),
      numberInput("fields.from_key_industries", "from_key_industries", "11"),
    ],
    facts: (f) => ({
      total: numberFact(valueOf(f, "total")),
      from_key_industries: numberFact(valueOf(f, "from_key_industries")),
    }),
  },
  studio_quota: {
    fields: () => [
      numberInput("fields.total_slots", "total_slots", "20"),
      numberInput("fields.advanced_manufacturing_slots", "advanced_manufacturing_slots", "10"),
    ],
    facts: (f) => ({
      total_slots: numberFact(valueOf(f, "total_slots")),
      advanced_manufacturing_slots: numberFact(valueOf(f, "advanced_manufacturing_slots")),
    }),
  },
  action_progress: {
    // The per-target inputs sit in the chart's rows (ensureProgressRows): one per target
    // the library lists, prefilled with the article's 2023 figure where it has one.
    fields: () => [numberInput("fields.progress_year", "year", "2023")],
    facts: (f) => {
      const achieved = {};
      for (const input of f.querySelectorAll("input[data-target]")) {
        const v = numberFact(input.value);
        if (v !== undefined) achieved[input.dataset.target] = v;
      }
      return { year: numberFact(valueOf(f, "year")), achieved };
    },
  },
};

// ---- rendering answers -----------------------------------------------------------------

function clauseBadge(id) {
  const text = clauseText(id);
  if (!text) return el("span", { class: "clause" }, id);
  return el("details", { class: "clause" }, el("summary", {}, id), el("span", { class: "clause-text" }, text));
}

function figure(labelKey, value, field) {
  return el("div", { class: "figure" }, el("dt", {}, t(labelKey)), el("dd", { dataset: { answer: field } }, value));
}

function renderDecision(q, a) {
  const good = ["eligible", "compliant", "all_met"].includes(a.outcome);
  const parts = [
    el("p", { class: `outcome ${good ? "good" : "bad"}`, dataset: { answer: "outcome" } },
      el("span", { "aria-hidden": "true" }, good ? "✓ " : "✗ "), t(`outcomes.${a.outcome}`)),
  ];
  const figs = [];
  if ("amount_yuan" in a) {
    figs.push(figure("amount", a.amount_yuan === null
      ? (a.outcome === "eligible" ? t("amountNotSet") : "—")
      : `¥${group(a.amount_yuan)}`, "amount_yuan"));
  }
  if ("rate_percent" in a) figs.push(figure("rate", `${a.rate_percent}${t("unit.percent")}`, "rate_percent"));
  if ("required" in a) figs.push(figure("required", String(a.required), "required"));
  if ("share_percent" in a) {
    figs.push(figure("share", a.share_percent === null ? t("shareUndefined") : `${a.share_percent}%`, "share_percent"));
  }
  if ("total_yuan" in a) figs.push(figure("total", `¥${group(a.total_yuan)}`, "total_yuan"));
  if (figs.length) parts.push(el("dl", { class: "figures" }, figs));
  if (Array.isArray(a.years)) parts.push(scheduleTable(a.years));
  if (q === "action_progress") {
    drawProgress(a);
    parts.push(progressTable(a.targets));
  }

  parts.push(el("h3", {}, t("explanation")), el("ol", { class: "steps" }, (a.explanation ?? []).map((s) =>
    el("li", { class: s.holds ? "holds" : "fails" },
      el("span", { class: "mark", title: t(s.holds ? "holds" : "fails") },
        el("span", { "aria-hidden": "true" }, s.holds ? "✓" : "✗"),
        el("span", { class: "sr-only" }, t(s.holds ? "holds" : "fails"))),
      el("span", { class: "step-text" }, s.text),
      el("span", { class: "cites" }, clauseBadge(s.clause), s.reading ? clauseBadge(s.reading) : null)))));

  if (a.open?.length) {
    parts.push(el("h3", {}, t("open")), el("ul", { class: "open" }, a.open.map((o) => el("li", {}, o.text))));
  }
  if (a.overridden?.length) {
    parts.push(el("h3", {}, t("overridden")), el("ul", {}, a.overridden.map((o) =>
      el("li", {}, `${o.parameter}: ${JSON.stringify(o.published)} → ${JSON.stringify(o.used)}`))));
  }
  return parts;
}

/** The mutual-aid schedule, year by year: rate, subsidy, and what a break would lose. */
function scheduleTable(years) {
  // The answer gives this one amount in fen only: shown in yuan by moving the decimal point
  // in the text, never through floating point.
  const yuan = (fen) => {
    const digits = String(fen).padStart(3, "0");
    return `¥${group(`${digits.slice(0, -2)}.${digits.slice(-2)}`)}`;
  };
  return el("table", { class: "schedule" },
    el("thead", {}, el("tr", {}, ["schedule.year", "schedule.rate", "schedule.amount", "schedule.breakCost"]
      .map((k) => el("th", { scope: "col" }, t(k))))),
    el("tbody", {}, years.map((y) => el("tr", { class: y.eligible ? "" : "muted" },
      el("th", { scope: "row" }, String(y.year)),
      el("td", {}, y.eligible ? `${y.rate_percent}%` : "—"),
      el("td", {}, `¥${group(y.amount_yuan)}`),
      el("td", {}, yuan(y.break_cost_fen))))));
}

function renderError(form, e) {
  const parts = [el("p", { class: "outcome wait" }, t("errorTitle")),
    el("p", { class: "error-message", dataset: { answer: "error" } }, e.message)];
  // Mark the field the library named ("facts.enrolled_years[2]" → enrolled_years).
  const fact = e.field?.match(/^facts\.([a-z_]+)/)?.[1];
  const host = fact && form.querySelector(`[data-field="${fact}"]`);
  if (host) {
    host.classList.add("invalid");
    host.querySelector("input:not([type=checkbox]):not([type=radio]), select")?.setAttribute("aria-invalid", "true");
    host.querySelector(".field-error").textContent = e.message;
  }
  return parts;
}

function answerPanel(q) {
  const panel = document.getElementById(`panel-${q}`);
  const form = panel.querySelector("form");
  FORMS[q].sync?.(form);
  if (q === "action_progress") ensureProgressRows(form);
  for (const f of form.querySelectorAll(".invalid")) f.classList.remove("invalid");
  for (const i of form.querySelectorAll("[aria-invalid]")) i.removeAttribute("aria-invalid");
  for (const s of form.querySelectorAll(".field-error")) s.textContent = "";

  const { text, answerText, answer } = ask({ question: q, facts: FORMS[q].facts(form) });
  const out = panel.querySelector(".answer-body");
  out.replaceChildren(...(answer.error ? renderError(form, answer.error) : renderDecision(q, answer)),
    el("details", { class: "json" }, el("summary", {}, t("showJson")),
      el("h4", {}, t("request")), el("pre", {}, text),
      el("h4", {}, t("reply")), el("pre", {}, JSON.stringify(answer, null, 2))));
  panel.querySelector(".answer").dataset.raw = answerText;
  if (answer.stamp) {
    const stamp = document.getElementById("stamp");
    stamp.textContent = `${t("stamp")} ${answer.stamp.policy} · ${answer.stamp.parameters.slice(0, 19)}…`;
    stamp.title = answer.stamp.parameters;
  }
}

// ---- the progress view -------------------------------------------------------------------
// The chart is part of the progress form: each target's row holds its figure's input, its
// bar and its caption. Rows are made once (so typing keeps its focus) and updated in place.

const SCALE = 150; // the bar's full width, in percent of the target
const SVG = "http://www.w3.org/2000/svg";

function svgNode(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** Makes the chart's rows, one per target the library lists, the first time. */
function ensureProgressRows(form) {
  const chart = form.querySelector(".chart");
  if (chart.querySelector(".bar-row")) return;
  const { answer } = ask({ question: "action_progress", facts: { year: new Raw("2023") } });
  const groups = [["year", "progress.yearly"], ["three_years", "progress.threeYears"]];
  for (const [period, key] of groups) {
    const targets = (answer.targets ?? []).filter((x) => x.period === period);
    if (!targets.length) continue;
    chart.append(words(key, "h3"), el("ul", { class: "bars" }, targets.map((x) => {
      const id = nextId("achieved");
      const goalAt = (100 / SCALE * 100).toFixed(2);
      const svg = svgNode("svg", { viewBox: "0 0 100 10", preserveAspectRatio: "none", "aria-hidden": "true", class: "bar" });
      svg.append(svgNode("rect", { x: 0, y: 1, width: 100, height: 8, class: "track" }),
        svgNode("rect", { x: 0, y: 1, width: 0, height: 8, class: "fill" }),
        svgNode("line", { x1: goalAt, x2: goalAt, y1: 0, y2: 10, class: "goal" }));
      return el("li", { class: "bar-row", dataset: { row: x.target } },
        el("div", { class: "bar-head" },
          el("label", { for: id, dataset: { kind: "targets", code: x.target } }, nameOf("targets", x.target)),
          el("input", { id, type: "text", inputmode: "numeric", autocomplete: "off",
            "aria-describedby": `${id}-cap`, value: String(reported(x.target)?.achieved ?? ""),
            dataset: { target: x.target } })),
        svg,
        el("p", { class: "bar-caption", id: `${id}-cap` }));
    })));
  }
}

/** Draws each target's bar and caption from the answer. */
function drawProgress(a) {
  for (const x of a.targets) {
    const row = document.querySelector(`[data-row="${x.target}"]`);
    if (!row) continue;
    // A figure beyond a goal that is also a cap (C13's unions) is not simply met.
    const look = x.met === null ? "none" : x.beyond_cap ? "unmet" : x.met ? "met" : "unmet";
    const verdict = x.beyond_cap ? "progress.beyondCap" : x.met ? "progress.met" : "progress.notMet";
    row.className = `bar-row ${look}`;
    const pct = x.percent === null ? 0 : Number.parseFloat(x.percent);
    const fill = row.querySelector(".fill");
    fill.setAttribute("width", (Math.min(pct, SCALE) / SCALE * 100).toFixed(2));
    fill.setAttribute("class", `fill ${look}`);
    const figure = reported(x.target);
    const caption = [
      el("span", { "aria-hidden": "true" }, x.met === null ? "○ " : look === "met" ? "✓ " : "✗ "),
      x.achieved === null
        ? `${t("progress.noFigure")} · ${t("progress.goal")} ${group(x.goal)} `
        : `${group(x.achieved)} / ${group(x.goal)} · ${x.percent}% · ${t(verdict)} `,
      clauseBadge(x.clause),
    ];
    if (figure) {
      caption.push(el("span", { class: "hint" }, ` ${t("progress.source")} ${figure.clause}: ${figure[state.lang]}`));
    }
    row.querySelector(".bar-caption").replaceChildren(...caption);
  }
}

function progressTable(targets) {
  return el("details", { class: "table" }, el("summary", {}, t("progress.table")), el("table", {},
    el("thead", {}, el("tr", {}, ["progress.target", "progress.figure", "progress.goal", "progress.percent", "progress.clause"]
      .map((k) => el("th", { scope: "col" }, t(k))))),
    el("tbody", {}, targets.map((x) => el("tr", {},
      el("th", { scope: "row" }, nameOf("targets", x.target)),
      el("td", {}, x.achieved === null ? "—" : group(x.achieved)),
      el("td", {}, group(x.goal)),
      el("td", {}, x.percent === null ? "—" : `${x.percent}%`),
      el("td", {}, x.clause))))));
}

// ---- page structure, tabs and language ---------------------------------------------------

function buildPanels() {
  const tabs = document.getElementById("tabs");
  const panels = document.getElementById("panels");
  tabs.replaceChildren();
  panels.replaceChildren();
  for (const q of QUESTIONS) {
    tabs.append(el("button", {
      type: "button", role: "tab", id: `tab-${q}`, "aria-controls": `panel-${q}`,
      dataset: { t: `tabs.${q}`, q },
    }, t(`tabs.${q}`)));
    const form = el("form", { class: "form", "aria-labelledby": `tab-${q}`, novalidate: true },
      FORMS[q].fields(),
      q === "action_progress"
        ? el("figure", { class: "chart" },
          el("figcaption", {}, words("progress.chartTitle", "strong"), " ",
            words("progress.chartDesc", "span", { class: "hint" }), " ",
            words("progress.reportedNote", "span", { class: "hint" })))
        : null);
    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("input", () => answerPanel(q));
    form.addEventListener("change", () => answerPanel(q));
    panels.append(el("section", { role: "tabpanel", id: `panel-${q}`, "aria-labelledby": `tab-${q}`, class: "panel" },
      el("p", { class: "intro", dataset: { t: `intro.${q}` } }, t(`intro.${q}`)),
      el("div", { class: "columns" }, form,
        el("section", { class: "answer", "aria-live": "polite", "aria-labelledby": `answer-${q}` },
          el("h2", { id: `answer-${q}`, dataset: { t: "answer" } }, t("answer")),
          el("div", { class: "answer-body" })))));
  }
  tabs.addEventListener("click", (e) => {
    const tab = e.target.closest("[role=tab]");
    if (tab) selectTab(tab.dataset.q, true);
  });
  tabs.addEventListener("keydown", (e) => {
    const i = QUESTIONS.indexOf(state.tab);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: QUESTIONS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    selectTab(QUESTIONS[(to + QUESTIONS.length) % QUESTIONS.length], true);
  });
}

function selectTab(q, focus = false) {
  state.tab = q;
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const on = tab.dataset.q === q;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on && focus) tab.focus();
  }
  for (const p of document.querySelectorAll("[role=tabpanel]")) p.hidden = p.id !== `panel-${q}`;
  history.replaceState(null, "", `${location.search}#${q}`);
}

/** Puts every word of the page in `state.lang`: the page's own, then the catalog's names,
 *  then every answer (the library writes its reasons in the language asked). */
function applyLanguage() {
  document.documentElement.lang = t("htmlLang");
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  const button = document.getElementById("lang");
  button.textContent = t("switchTo");
  button.setAttribute("lang", state.lang === "zh" ? "en" : "zh-CN");
  button.setAttribute("aria-label", t("switchToLabel"));
  document.getElementById("tabs").setAttribute("aria-label", t("questionsLabel"));
  loadCatalog();
  for (const node of document.querySelectorAll("[data-kind]")) node.textContent = nameOf(node.dataset.kind, node.dataset.code);
  for (const q of QUESTIONS) answerPanel(q);
}

async function main() {
  const status = document.getElementById("status");
  try {
    await init();
  } catch (e) {
    status.textContent = t("loadFailed") + e;
    return;
  }
  document.getElementById("version").textContent = version();
  loadCatalog();
  buildPanels();
  selectTab(state.tab);
  document.getElementById("lang").addEventListener("click", () => {
    state.lang = state.lang === "zh" ? "en" : "zh";
    try { localStorage.setItem("gonghui-lang", state.lang); } catch { /* storage may be off */ }
    applyLanguage();
  });
  applyLanguage();
  status.hidden = true;
  document.body.dataset.ready = "true";
}

main();
