// The simulator: builds a défi dossier from the answers, asks the API (/v1/simulate) for the
// decision, and asks only the inputs that an incomplete decision names as missing. No
// question list per promotion: the questions come from the decision's missing inputs, their
// kind (yes/no, date and time, choice) from the dossier's JSON Schema (/v1/schemas/defi-dossier
// is not needed: /openapi.json carries the same schema).
"use strict";

// How to ask for each input a decision may name as missing. An input not listed here is
// asked with its name and its schema's description.
const QUESTIONS = {
  "submitted_at": "Quand le dossier a-t-il été (ou sera-t-il) déposé ?",
  "carrier_convention": "Une convention est-elle signée entre l'administration d'accueil et le porteur administratif ?",
  "funding.cofinancing_requested": "Demandez-vous le cofinancement du programme (PIA) ?",
  "funding.self_funded": "Financez-vous vous-même les talents (autofinancement) ?",
  "funding.alternative_funding": "Disposez-vous d'un financement alternatif ?",
  "purely_it_tooling": "Le défi est-il un simple outillage informatique, sans problème métier à résoudre ?",
  "titre2_programme": "Votre programme budgétaire peut-il recevoir des crédits de titre 2 (rémunérations) ?",
  "economic_and_financial_ministries": "Relevez-vous des ministères économiques et financiers ?",
  "beta_gouv_phase": "Dans quelle phase est la fiche produit beta.gouv.fr du défi ?",
  "team_exception_granted": "Une exception à l'équipe de 2 ou 3 EIG a-t-elle été accordée ?",
};

const state = {
  vocabulary: null,
  dossierSchema: null,
  examples: {},
  answers: {},
  asked: [],
  last: null,
  dossier: null,
  sequence: 0,
};

const $ = (id) => document.getElementById(id);

function option(value, label) {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = label;
  return element;
}

function labelOf(list, value) {
  const found = (list || []).find((entry) => JSON.stringify(entry.value) === JSON.stringify(value));
  return found ? found.label : String(value);
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw body;
  return body;
}

async function start() {
  const [vocabulary, openapi] = await Promise.all([getJson("/v1/vocabulary"), getJson("/openapi.json")]);
  state.vocabulary = vocabulary;
  state.components = openapi.components.schemas;
  state.dossierSchema = state.components.DefiDossier;
  for (const promotion of vocabulary.promotions) {
    $("promotion").append(option(promotion.value, promotion.label));
  }
  $("promotion").value = "EIG3";
  vocabulary.host_kinds.forEach((kind, index) => {
    $("operational-kind").append(option(String(index), kind.label));
  });
  $("carrier-kind").append(option("", "aucun"));
  vocabulary.host_kinds.forEach((kind, index) => {
    $("carrier-kind").append(option(String(index), kind.label));
  });
  for (const id of ["promotion", "operational-kind", "operational-name", "carrier-kind", "carrier-name"]) {
    $(id).addEventListener("change", () => {
      $("carrier-name-field").hidden = $("carrier-kind").value === "";
      simulate();
    });
  }
  $("dossier").addEventListener("submit", (event) => { event.preventDefault(); simulate(); });
  simulate();
}

// The schema of the dossier's field at `path` ("funding.self_funded"), references followed.
function fieldSchema(path) {
  let schema = state.dossierSchema;
  for (const key of path.split(".")) {
    schema = resolve(schema);
    if (!schema || !schema.properties) return null;
    schema = schema.properties[key];
  }
  return resolve(schema);
}

function resolve(schema) {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth += 1) {
    if (current.$ref) {
      current = state.components[current.$ref.split("/").pop()];
    } else if (current.anyOf || current.oneOf) {
      const branches = (current.anyOf || current.oneOf).filter((b) => b.type !== "null");
      if (branches.length !== 1) return current;
      current = { description: current.description, ...branches[0] };
    } else {
      return current;
    }
  }
  return current;
}

function kindOf(schema) {
  if (!schema) return "text";
  const types = [].concat(schema.type || []);
  if (types.includes("boolean")) return "boolean";
  if (schema.format === "date-time") return "instant";
  const values = schema.enum || (schema.oneOf || []).flatMap((b) => b.enum || (b.const !== undefined ? [b.const] : []));
  if (values && values.length) return "choice";
  return "text";
}

function choicesOf(schema) {
  return schema.enum || (schema.oneOf || []).flatMap((b) => b.enum || (b.const !== undefined ? [b.const] : []));
}

const domId = (path) => "q-" + path.replace(/[^a-z0-9]+/gi, "-");

// One question per input asked so far, in the order they were first asked.
function renderQuestions(missing) {
  for (const input of missing) {
    if (!state.asked.includes(input)) state.asked.push(input);
  }
  const list = $("question-list");
  list.replaceChildren();
  for (const input of state.asked) {
    list.append(question(input, missing.includes(input)));
  }
  $("questions").hidden = state.asked.length === 0;
}

function question(input, missing) {
  const schema = fieldSchema(input);
  const kind = kindOf(schema);
  const id = domId(input);
  const text = QUESTIONS[input] || (schema && schema.description) || input;
  const wrapper = document.createElement("div");
  wrapper.className = "field question";
  if (kind === "boolean") {
    const group = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = text;
    group.append(legend);
    const choices = document.createElement("div");
    choices.className = "choices";
    for (const [value, label] of [[true, "oui"], [false, "non"]]) {
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = id;
      radio.id = `${id}-${label}`;
      radio.checked = state.answers[input] === value;
      radio.addEventListener("change", () => answer(input, value));
      const radioLabel = document.createElement("label");
      radioLabel.htmlFor = radio.id;
      radioLabel.textContent = label;
      const pair = document.createElement("span");
      pair.append(radio, radioLabel);
      choices.append(pair);
    }
    group.append(choices);
    wrapper.append(group);
  } else if (kind === "instant") {
    const group = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = text;
    group.append(legend);
    const [date, time] = splitInstant(state.answers[input]);
    group.append(textField(`${id}-date`, "Date (jj/mm/aaaa)", date), textField(`${id}-time`, "Heure de Paris (hh:mm)", time));
    const button = document.createElement("button");
    button.type = "button";
    button.id = `${id}-ok`;
    button.textContent = "Valider la date";
    const error = document.createElement("p");
    error.className = "hint";
    error.id = `${id}-error`;
    error.setAttribute("role", "alert");
    button.addEventListener("click", () => {
      const instant = parisInstant($(`${id}-date`).value, $(`${id}-time`).value);
      if (instant) { error.textContent = ""; answer(input, instant); } else {
        error.textContent = "Écrivez la date comme 15/06/2018 et l'heure comme 16:30.";
      }
    });
    group.append(button, error);
    wrapper.append(group);
  } else if (kind === "choice") {
    const select = document.createElement("select");
    select.id = id;
    select.append(option("", "— choisir —"));
    for (const value of choicesOf(schema)) select.append(option(value, String(value).replaceAll("_", " ")));
    select.value = state.answers[input] || "";
    select.addEventListener("change", () => answer(input, select.value || null));
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = text;
    wrapper.append(label, select);
  } else {
    wrapper.append(textField(id, text, state.answers[input] || ""));
    $(id) && $(id).addEventListener("change", () => answer(input, $(id).value));
  }
  if (missing) {
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.textContent = "Nécessaire à la décision.";
    wrapper.append(hint);
  }
  return wrapper;
}

function textField(id, text, value) {
  const field = document.createElement("div");
  field.className = "field";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = text;
  const input = document.createElement("input");
  input.type = "text";
  input.id = id;
  input.value = value || "";
  field.append(label, input);
  return field;
}

function splitInstant(instant) {
  if (!instant) return ["", ""];
  const [date, rest] = instant.split("T");
  const [year, month, day] = date.split("-");
  return [`${day}/${month}/${year}`, rest.slice(0, 5)];
}

// "15/06/2018" and "16:30" in Paris time, as an instant with its UTC offset (summer time
// from the last Sunday of March to the last Sunday of October).
function parisInstant(date, time) {
  const d = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(date || "");
  const t = /^\s*(\d{1,2})[:h](\d{2})\s*$/.exec(time || "");
  if (!d || !t) return null;
  const [day, month, year] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const lastSunday = (m) => { const last = new Date(Date.UTC(year, m, 0)); return last.getUTCDate() - last.getUTCDay(); };
  const summer = (month > 3 && month < 10) || (month === 3 && day >= lastSunday(3)) || (month === 10 && day < lastSunday(10));
  const pad = (n) => String(n).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00${summer ? "+02:00" : "+01:00"}`;
}

function answer(input, value) {
  if (value === null || value === undefined || value === "") delete state.answers[input];
  else state.answers[input] = value;
  simulate();
}

async function exampleDossier(promotion) {
  if (!state.examples[promotion]) {
    state.examples[promotion] = await getJson(`/v1/examples/dossier?promotion=${encodeURIComponent(promotion)}`);
  }
  return state.examples[promotion];
}

// The dossier: the promotion's example défi (team, mentors, commitments), the hosts chosen
// here, and only the answers given here.
async function buildDossier() {
  const promotion = $("promotion").value;
  const example = await exampleDossier(promotion);
  const kinds = state.vocabulary.host_kinds;
  const defi = JSON.parse(JSON.stringify(example.defi));
  defi.hosts = { operational: { name: $("operational-name").value || "Administration d'accueil", kind: kinds[Number($("operational-kind").value)].value } };
  if ($("carrier-kind").value !== "") {
    defi.hosts.administrative = { name: $("carrier-name").value || "Porteur administratif", kind: kinds[Number($("carrier-kind").value)].value };
  }
  const dossier = { defi };
  for (const [path, value] of Object.entries(state.answers)) {
    const keys = path.split(".");
    let node = dossier;
    for (const key of keys.slice(0, -1)) node = node[key] = node[key] || {};
    node[keys[keys.length - 1]] = value;
  }
  return dossier;
}

async function simulate() {
  const sequence = ++state.sequence;
  let dossier;
  let result;
  try {
    dossier = await buildDossier();
    const response = await fetch("/v1/simulate", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ dossier }),
    });
    result = await response.json();
    if (!response.ok) throw result;
  } catch (problem) {
    if (sequence !== state.sequence) return;
    $("status").textContent = `Le service n'a pas pu décider : ${problem.detail || problem}`;
    return;
  }
  if (sequence !== state.sequence) return;
  state.dossier = dossier;
  state.last = result;
  show(result);
}

function show(result) {
  const outcome = result.decision.outcome;
  const words = { eligible: "éligible", ineligible: "inéligible", incomplete: "incomplet" };
  $("status").textContent = outcome.outcome === "incomplete"
    ? "Répondez aux questions ci-dessus : la décision en dépend."
    : "La décision est prise.";
  $("decision").hidden = false;
  $("verdict").textContent = words[outcome.outcome] || outcome.outcome;
  $("verdict").className = outcome.outcome;
  $("route-line").hidden = !outcome.funding_route;
  $("route").textContent = outcome.funding_route ? labelOf(state.vocabulary.funding_routes, outcome.funding_route) : "";
  $("missing-line").hidden = outcome.outcome !== "incomplete";
  $("missing").textContent = (outcome.missing || []).map((input) => QUESTIONS[input] || input).join(" ; ");
  $("explanation").textContent = result.explanation;
  // The conditions not met, as the explanation words them (its list of operations).
  const reasons = result.explanation.split("\n").filter((line) => line.includes("— condition non remplie"));
  $("reasons").replaceChildren(...reasons.map((line) => cell("li", line.replace(/^\d+\) /, ""))));
  $("reasons-box").hidden = outcome.outcome !== "ineligible";
  renderQuestions(outcome.outcome === "incomplete" ? outcome.missing : []);
  renderPlan(result.plan);
  $("plan-problem").hidden = !result.plan_problem;
  $("plan-problem").textContent = result.plan_problem ? `Pas de plan de financement : ${result.plan_problem}` : "";
  $("downloads").hidden = false;
  download("download-dossier", { dossier: state.dossier });
  download("download-result", result);
}

function download(id, value) {
  const text = JSON.stringify(value, null, 2) + "\n";
  $(id).href = "data:application/json;charset=utf-8," + encodeURIComponent(text);
}

const euros = (amount) => Number(amount).toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + " €";

function payerLabel(payer) { return labelOf(state.vocabulary.payers, payer); }

function cell(tag, text, attributes) {
  const element = document.createElement(tag);
  element.textContent = text;
  for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
  return element;
}

function renderPlan(plan) {
  $("plan").hidden = !plan;
  if (!plan) return;
  const payers = Object.keys(plan.totals).filter((payer) => Number(plan.totals[payer]) !== 0);
  const estimated = plan.talents.some((talent) => talent.cost_basis === "reference_estimate");
  $("plan-note").textContent = `${plan.talents.length} talent${plan.talents.length > 1 ? "s" : ""}, contrat de ${plan.contract_months} mois, voie : ${labelOf(state.vocabulary.funding_routes, plan.route)}.`
    + (estimated ? " Coût employeur estimé sur la référence de la promotion." : "");
  const table = $("payers");
  const head = document.createElement("tr");
  head.append(cell("th", "Talent", { scope: "col" }), cell("th", "Coût employeur", { scope: "col" }));
  for (const payer of payers) head.append(cell("th", payerLabel(payer), { scope: "col" }));
  table.tHead.replaceChildren(head);
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const talent of plan.talents) {
    const row = document.createElement("tr");
    row.append(cell("th", talent.talent, { scope: "row" }), cell("td", euros(talent.employer_cost)));
    for (const payer of payers) {
      const part = talent.parts.find((p) => p.payer === payer);
      const share = part && Number(talent.employer_cost) ? Math.round((Number(part.amount) / Number(talent.employer_cost)) * 100) : 0;
      // A narrow no-break space before the percent sign, as French writes it: never broken apart.
      row.append(cell("td", part ? `${euros(part.amount)} (${share}\u202f%)` : "—"));
    }
    body.append(row);
  }
  const total = document.createElement("tr");
  total.append(cell("th", "Total", { scope: "row" }), cell("td", ""));
  for (const payer of payers) total.append(cell("td", euros(plan.totals[payer])));
  table.tFoot.replaceChildren(total);
  renderSchedule(plan.schedule, payers);
}

function monthLabel(first, index) {
  const [year, month] = first.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1 + index, 1));
  return date.toLocaleDateString("fr-FR", { month: "short", year: "numeric", timeZone: "UTC" });
}

const COLOURS = ["#000091", "#b34000", "#18753c", "#6e445a", "#3a3a3a"];

function renderSchedule(schedule, payers) {
  const months = Math.max(0, ...payers.map((payer) => (schedule.by_payer[payer] || []).length));
  const table = $("schedule");
  const head = document.createElement("tr");
  head.append(cell("th", "Mois", { scope: "col" }));
  for (const payer of payers) head.append(cell("th", payerLabel(payer), { scope: "col" }));
  table.tHead.replaceChildren(head);
  const body = table.tBodies[0];
  body.replaceChildren();
  for (let month = 0; month < months; month += 1) {
    const row = document.createElement("tr");
    row.append(cell("th", monthLabel(schedule.first_month, month), { scope: "row" }));
    for (const payer of payers) row.append(cell("td", euros((schedule.by_payer[payer] || [])[month] || 0)));
    body.append(row);
  }
  // A stacked bar per month.
  const svgNs = "http://www.w3.org/2000/svg";
  const width = 640, height = 240, left = 60, bottom = 30, top = 30;
  const totals = [...Array(months).keys()].map((m) => payers.reduce((sum, p) => sum + Number((schedule.by_payer[p] || [])[m] || 0), 0));
  const max = Math.max(1, ...totals);
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("aria-hidden", "true");
  const barWidth = months ? (width - left - 10) / months : 0;
  for (let month = 0; month < months; month += 1) {
    let y = height - bottom;
    payers.forEach((payer, index) => {
      const value = Number((schedule.by_payer[payer] || [])[month] || 0);
      const barHeight = (value / max) * (height - bottom - top);
      const rect = document.createElementNS(svgNs, "rect");
      rect.setAttribute("x", String(left + month * barWidth + 2));
      rect.setAttribute("y", String(y - barHeight));
      rect.setAttribute("width", String(Math.max(1, barWidth - 4)));
      rect.setAttribute("height", String(barHeight));
      rect.setAttribute("fill", COLOURS[index % COLOURS.length]);
      svg.append(rect);
      y -= barHeight;
    });
    const label = document.createElementNS(svgNs, "text");
    label.setAttribute("x", String(left + month * barWidth + barWidth / 2));
    label.setAttribute("y", String(height - 10));
    label.setAttribute("font-size", "10");
    label.setAttribute("text-anchor", "middle");
    label.textContent = monthLabel(schedule.first_month, month);
    svg.append(label);
  }
  const axis = document.createElementNS(svgNs, "text");
  axis.setAttribute("x", "4");
  axis.setAttribute("y", String(top - 8));
  axis.setAttribute("font-size", "11");
  axis.textContent = `max. ${euros(max)} / mois`;
  svg.append(axis);
  payers.forEach((payer, index) => {
    const key = document.createElementNS(svgNs, "rect");
    key.setAttribute("x", String(left + 200 + index * 180));
    key.setAttribute("y", "8");
    key.setAttribute("width", "12");
    key.setAttribute("height", "12");
    key.setAttribute("fill", COLOURS[index % COLOURS.length]);
    const name = document.createElementNS(svgNs, "text");
    name.setAttribute("x", String(left + 216 + index * 180));
    name.setAttribute("y", "18");
    name.setAttribute("font-size", "11");
    name.textContent = payerLabel(payer);
    svg.append(key, name);
  });
  $("chart").replaceChildren(svg);
}

start().catch((problem) => {
  $("status").textContent = `Le simulateur n'a pas pu démarrer : ${problem.detail || problem}`;
});
