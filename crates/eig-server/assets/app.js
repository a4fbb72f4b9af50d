// The simulator: builds a défi dossier (or a candidate's application) from the answers, asks
// the API for the decision (/v1/simulate, /v1/simulate/candidate) and asks only the inputs the
// answer names as missing — for the dossier, for its plan's talents. No list of questions per
// promotion: the questions come from the answer, their wording and the labels of every value
// from /v1/vocabulary, the kind of a yes/no from the records' JSON Schemas (/openapi.json).
// Dates, Paris times, amounts and experiences are sent as typed: the service reads them (in
// Paris time) and says in French what it cannot read. The défi's team, its support and its
// commitments start as the promotion's example (/v1/examples/dossier) and are edited where the
// promotion's rules read them; a candidate's choices are made among the promotion's défis
// (/v1/history) or profiles, within its choice limit (/v1/promotions).
"use strict";

const $ = (id) => document.getElementById(id);

const state = {
  vocabulary: null,
  components: null,
  examples: {},
  sequence: 0,
  path: "host",
  facts: {},
  defis: {},
  host: { answers: {}, typed: {}, asked: [], used: {}, names: [], talentTyped: {}, promotion: null, defi: null },
  candidate: { answers: {}, typed: {}, asked: [], used: {}, promotion: null },
  request: null,
  result: null,
};

// Which vocabulary list offers the values of an input that is a choice.
const CHOICES = {
  "beta_gouv_phase": "beta_phases",
  "candidate.status.person": "person_kinds",
  "candidate.status.civil_service": "civil_service",
  "candidate.status.studies": "studies",
};

// The inputs typed as a date and a time in Paris.
const INSTANTS = ["submitted_at", "choices_submitted_at"];

// The inputs typed as a day.
const DAYS = ["selection_decided_on", "mission_start_on"];

// The answers that complete another one (a civil servant's last day in post, the last day of
// studies): asked under it, only while its answer has them, and sent only then.
const SUBS = {
  "candidate.status.civil_service.last_day_in_post": ["candidate.status.civil_service", (value) => Boolean(value) && value.status === "in_post"],
  "candidate.status.studies.last_day": ["candidate.status.studies", (value) => Boolean(value) && value.status === "enrolled"],
};

// A promotion's choices, counted in its unit (AAC2–AAC6): singular and plural.
const UNITS = { defis: ["défi", "défis"], projects: ["projet", "projets"], profiles: ["profil", "profils"] };

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

function question(list, input) {
  const found = (list || []).find((entry) => entry.value === input);
  return found ? found.label : null;
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw body;
  return body;
}

function setBusy(busy) {
  document.body.dataset.state = busy ? "busy" : "ready";
}

async function start() {
  const [vocabulary, openapi, facts] = await Promise.all([getJson("/v1/vocabulary"), getJson("/openapi.json"), getJson("/v1/promotions")]);
  state.vocabulary = vocabulary;
  state.components = openapi.components.schemas;
  for (const entry of facts) state.facts[entry.promotion] = entry;
  for (const promotion of vocabulary.promotions) {
    $("promotion").append(option(promotion.value, promotion.label));
    $("candidate-promotion").append(option(promotion.value, promotion.label));
  }
  $("promotion").value = "EIG3";
  $("candidate-promotion").value = "EIG7";
  vocabulary.host_kinds.forEach((kind, index) => $("operational-kind").append(option(String(index), kind.label)));
  $("carrier-kind").append(option("", "aucun"));
  vocabulary.host_kinds.forEach((kind, index) => $("carrier-kind").append(option(String(index), kind.label)));
  vocabulary.talent_profiles.forEach((profile, index) => $("candidate-profile").append(option(String(index), profile.label)));
  for (const id of ["promotion", "operational-kind", "operational-name", "carrier-kind", "carrier-name"]) {
    $(id).addEventListener("change", () => {
      $("carrier-name-field").hidden = $("carrier-kind").value === "";
      simulate();
    });
  }
  for (const id of ["candidate-promotion", "candidate-profile"]) $(id).addEventListener("change", simulate);
  for (const form of ["dossier", "candidate"]) {
    $(form).addEventListener("submit", (event) => { event.preventDefault(); simulate(); });
  }
  for (const radio of document.querySelectorAll("input[name=path]")) {
    radio.addEventListener("change", () => {
      state.path = radio.value;
      $("dossier").hidden = state.path !== "host";
      $("candidate").hidden = state.path !== "candidate";
      simulate();
    });
  }
  $("print").addEventListener("click", () => window.print());
  // Printed, every section shows: the closed ones open for the print, and close again.
  let closed = [];
  window.addEventListener("beforeprint", () => {
    closed = [...document.querySelectorAll("details:not([open])")];
    for (const details of closed) details.open = true;
  });
  window.addEventListener("afterprint", () => { for (const details of closed) details.open = false; });
  simulate();
}

// ----- the records' schemas, for the kind of an input -----

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

function fieldSchema(root, path) {
  let schema = state.components[root];
  for (const key of path.split(".")) {
    schema = resolve(schema);
    if (!schema || !schema.properties) return null;
    schema = schema.properties[key];
  }
  return resolve(schema);
}

function kindOf(root, input) {
  if (INSTANTS.includes(input)) return "instant";
  if (DAYS.includes(input)) return "day";
  if (CHOICES[input]) return "choice";
  if (input === "choices") return "choices";
  if (input === "candidate.status.past_participations") return "participations";
  const schema = fieldSchema(root, input);
  const types = schema ? [].concat(schema.type || []) : [];
  return types.includes("boolean") ? "boolean" : "unknown";
}

// ----- building the requests -----

async function example(kind, promotion) {
  const key = `${kind}/${promotion}`;
  if (!state.examples[key]) {
    state.examples[key] = await getJson(`/v1/examples/${kind}?promotion=${encodeURIComponent(promotion)}`);
  }
  return state.examples[key];
}

function setPath(record, path, value) {
  const keys = path.split(".");
  let node = record;
  for (const key of keys.slice(0, -1)) node = node[key] = node[key] || {};
  node[keys[keys.length - 1]] = value;
}

// The talents' ids sent to the service (t1, t2…): the names stay on the page.
const talentId = (index) => `t${index + 1}`;

function talentName(index) {
  const name = (state.host.names[index] || "").trim();
  return name || `talent ${index + 1}`;
}

async function hostRequest() {
  const promotion = $("promotion").value;
  // Another promotion has another grid: the talents' answers are asked again if needed.
  if (state.host.promotion !== null && state.host.promotion !== promotion) state.host.talentTyped = {};
  const dossierExample = await example("dossier", promotion);
  const kinds = state.vocabulary.host_kinds;
  const defi = JSON.parse(JSON.stringify(dossierExample.defi));
  defi.hosts = { operational: { name: $("operational-name").value.trim() || "Administration d'accueil", kind: kinds[Number($("operational-kind").value)].value } };
  if ($("carrier-kind").value !== "") {
    defi.hosts.administrative = { name: $("carrier-name").value.trim() || "Porteur administratif", kind: kinds[Number($("carrier-kind").value)].value };
  }
  // The team, the support and the commitments as edited (the example's until then).
  const edited = defiAnswers(promotion, dossierExample.defi);
  defi.team = edited.team.map((profile) => ({ profile }));
  defi.support = edited.roles.flatMap((role) => Array(edited.support[role] || 0).fill(role));
  defi.commitments = edited.commitments.filter((commitment) => edited.attested[commitment]);
  const dossier = { defi };
  for (const [path, value] of Object.entries(state.host.answers)) setPath(dossier, path, value);
  const talents = defi.team.map((_, index) => ({ talent: talentId(index) }));
  const typed = { ...state.host.typed };
  const seats = new Set(talents.map((talent) => talent.talent));
  for (const [id, fields] of Object.entries(state.host.talentTyped)) {
    if (!seats.has(id)) continue;
    if (fields.experience) typed[`talents.${id}.experience`] = fields.experience;
    if (fields.employer_cost) typed[`talents.${id}.employer_cost.contract`] = fields.employer_cost;
  }
  return { dossier, talents, typed };
}

// The défi's team (its profiles), support (people per role) and commitments (attested or
// not) as the person edits them: the promotion's example's until edited, again for another
// promotion.
function defiAnswers(promotion, exampleDefi) {
  if (!state.host.defi || state.host.defi.promotion !== promotion) {
    const roles = [...new Set(exampleDefi.support || [])];
    const support = {};
    for (const role of exampleDefi.support || []) support[role] = (support[role] || 0) + 1;
    const commitments = [...(exampleDefi.commitments || [])];
    state.host.defi = {
      promotion,
      example: exampleDefi.team.map((seat) => seat.profile),
      team: exampleDefi.team.map((seat) => seat.profile),
      roles,
      support,
      commitments,
      attested: Object.fromEntries(commitments.map((commitment) => [commitment, true])),
      built: false,
    };
  }
  return state.host.defi;
}

async function candidateRequest() {
  const promotion = $("candidate-promotion").value;
  const side = state.candidate;
  // The choices are among this promotion's défis or profiles: another promotion's go.
  if (side.promotion !== null && side.promotion !== promotion) {
    delete side.answers.choices;
    const node = $(domId("c-", "choices"));
    if (node) node.remove();
  }
  side.promotion = promotion;
  await choiceOptions(promotion);
  const profile = state.vocabulary.talent_profiles[Number($("candidate-profile").value)].value;
  const application = { promotion, candidate: { id: "candidat", profile, status: {} } };
  for (const [path, value] of Object.entries(side.answers)) setPath(application, path, value);
  const typed = {};
  for (const [input, value] of Object.entries(side.typed)) {
    const sub = SUBS[input];
    if (!sub || sub[1](side.answers[sub[0]])) typed[input] = value;
  }
  return { application, typed };
}

// An identifier for a défi of the history, from its name (ASCII letters, digits, dashes).
function defiId(promotion, name, taken) {
  const slug = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48) || "defi";
  let id = `${promotion.toLowerCase()}-${slug}`;
  for (let n = 2; taken.has(id); n += 1) id = `${promotion.toLowerCase()}-${slug}-${n}`;
  taken.add(id);
  return id;
}

// What a candidate of `promotion` chooses among, each with its label and the choice sent:
// the promotion's défis (or projects), named as the programme named them with their host
// administration, or the profiles; with the promotion's limit. None when it has no limit.
async function choiceOptions(promotion) {
  const limit = state.facts[promotion] && state.facts[promotion].choice_limit ? state.facts[promotion].choice_limit.value : null;
  if (!limit) return null;
  if (!state.defis[promotion]) {
    let options;
    if (limit.unit === "profiles") {
      options = state.vocabulary.talent_profiles.map((entry) => [entry.label, { profile: entry.value }]);
    } else {
      const history = await getJson(`/v1/history?promotion=${encodeURIComponent(promotion)}`);
      const taken = new Set();
      options = history.defis.map((record) => [
        record.host_administration ? `${record.defi} (${record.host_administration})` : record.defi,
        { defi: defiId(promotion, record.defi, taken) },
      ]);
    }
    state.defis[promotion] = { limit, options };
  }
  return state.defis[promotion];
}

// ----- asking the service -----

async function simulate() {
  const sequence = ++state.sequence;
  setBusy(true);
  const path = state.path;
  let request;
  let result;
  try {
    request = path === "host" ? await hostRequest() : await candidateRequest();
    const response = await fetch(path === "host" ? "/v1/simulate" : "/v1/simulate/candidate", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(request),
    });
    result = await response.json();
    if (!response.ok) throw result;
  } catch (problem) {
    if (sequence !== state.sequence) return;
    // A person reads no JSON path nor code: what the rules cannot judge, in its words (the
    // record's path and id taken off), or the problem's title, or that the service failed.
    const title = problem && problem.title ? problem.title.toLowerCase() : "le service ne répond pas";
    let why = "";
    if (problem && problem.code === "unjudgeable" && problem.detail) {
      why = problem.detail.replace(/^.*?\$[^ ]* : /, "").replace(/^(dossier du défi|candidature) [^ ]+ : /, "");
      why = why ? ` : ${why.charAt(0).toUpperCase()}${why.slice(1)}.` : "";
    }
    $("status").textContent = why
      ? `Les règles ne permettent pas de décider${why}`
      : `Le simulateur n'a pas pu décider (${title}). Vérifiez vos réponses ou réessayez.`;
    setBusy(false);
    return;
  }
  if (sequence !== state.sequence) return;
  state.request = request;
  state.result = result;
  try {
    if (path === "host") showHost(result); else showCandidate(result);
  } catch (error) {
    document.body.dataset.error = String(error && error.stack ? error.stack : error);
    $("status").textContent = "Le simulateur n'a pas pu afficher le résultat. Réessayez.";
  }
  // Still ready only if showing it asked nothing more.
  if (sequence === state.sequence) setBusy(false);
}

// ----- questions -----

const domId = (prefix, input) => `${prefix}${input.replace(/[^a-z0-9]+/gi, "-")}`;

// The inputs the decision reads (its trace's facts) or names as missing.
function inputsRead(decision) {
  const read = new Set();
  for (const entry of decision.trace) {
    for (const fact of entry.facts) read.add(fact.name);
    if (entry.result.inputs) entry.result.inputs.forEach((input) => read.add(input));
  }
  return read;
}

// Keeps the answers and questions the decision still reads, adds the missing ones; the
// answers of a previous promotion that this one does not read are dropped. A day that a
// rule names as missing and then reads only through its moment (the selection's day, the
// missions' start) is kept while the promotion stays: it has asked for it.
function updateQuestions(side, decision, listId, fieldsetId, root, questions, prefix, promotion) {
  const missing = decision.outcome.outcome === "incomplete" ? decision.outcome.missing : [];
  const read = inputsRead(decision);
  const used = side.used[promotion] || (side.used[promotion] = new Set());
  for (const input of missing) used.add(input);
  const known = (input) => {
    const sub = SUBS[input];
    if (sub) return known(sub[0]) && sub[1](side.answers[sub[0]]);
    return read.has(input) || read.has(`${input}.len`) || used.has(input);
  };
  let dropped = false;
  for (const input of Object.keys(side.answers)) if (!known(input)) { delete side.answers[input]; dropped = true; }
  for (const input of Object.keys(side.typed)) {
    if (known(input)) continue;
    delete side.typed[input];
    // A last day whose answer no longer has one was not sent: nothing to send again.
    if (!SUBS[input]) dropped = true;
  }
  side.asked = side.asked.filter((input) => known(input) && (missing.includes(input) || input in side.answers || input in side.typed));
  for (const input of missing) if (!side.asked.includes(input)) side.asked.push(input);
  const list = $(listId);
  const keep = new Set(side.asked.map((input) => domId(prefix, input)));
  for (const node of [...list.children]) if (!keep.has(node.id)) node.remove();
  for (const input of side.asked) {
    const id = domId(prefix, input);
    let node = $(id);
    if (!node) {
      node = questionNode(side, input, root, questions, prefix);
      list.append(node);
    }
    showNeeded(node, node.querySelector(".needed"), missing.includes(input));
    updateSubs(side, input, node, questions, prefix);
  }
  $(fieldsetId).hidden = side.asked.length === 0;
  return dropped;
}

function wrapper(id) {
  const element = document.createElement("div");
  element.className = "field question";
  element.id = id;
  return element;
}

function neededHint(id) {
  const hint = document.createElement("p");
  hint.className = "hint needed";
  hint.id = `${id}-needed`;
  hint.textContent = "Nécessaire à la décision.";
  return hint;
}

// Shows or hides a question's "Nécessaire à la décision" and ties it to the question's
// fields while it shows (a hidden text a field still named would be read out all the same).
function showNeeded(node, hint, shown) {
  if (!node || !hint) return;
  hint.hidden = !shown;
  for (const input of node.querySelectorAll("input, select")) {
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== hint.id);
    if (shown) described.push(hint.id);
    if (described.length) input.setAttribute("aria-describedby", described.join(" ")); else input.removeAttribute("aria-describedby");
  }
}

function errorNode(id) {
  const error = document.createElement("p");
  error.className = "error";
  error.id = `${id}-error`;
  error.hidden = true;
  return error;
}

function radios(id, legendText, options, current, onChange) {
  const group = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = legendText;
  group.append(legend);
  const choices = document.createElement("div");
  choices.className = "choices";
  options.forEach(([key, label, value]) => {
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = id;
    radio.id = `${id}-${key}`;
    radio.checked = JSON.stringify(current) === JSON.stringify(value);
    radio.addEventListener("change", () => onChange(value));
    const radioLabel = document.createElement("label");
    radioLabel.htmlFor = radio.id;
    radioLabel.textContent = label;
    const pair = document.createElement("span");
    pair.append(radio, radioLabel);
    choices.append(pair);
  });
  group.append(choices);
  return group;
}

function selectField(id, labelText, options, current, onChange) {
  const field = document.createElement("div");
  field.className = "field";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = labelText;
  const select = document.createElement("select");
  select.id = id;
  select.append(option("", "— choisir —"));
  options.forEach(([label, value], index) => select.append(option(String(index), label)));
  const chosen = options.findIndex(([, value]) => JSON.stringify(value) === JSON.stringify(current));
  select.value = chosen >= 0 ? String(chosen) : "";
  select.addEventListener("change", () => onChange(select.value === "" ? undefined : options[Number(select.value)][1]));
  field.append(label, select);
  return field;
}

function textField(id, labelText, value, hint) {
  const field = document.createElement("div");
  field.className = "field";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = labelText;
  const input = document.createElement("input");
  input.type = "text";
  input.id = id;
  input.value = value || "";
  field.append(label);
  if (hint) {
    const small = document.createElement("span");
    small.className = "hint";
    small.id = `${id}-hint`;
    small.textContent = hint;
    input.setAttribute("aria-describedby", small.id);
    field.append(small);
  }
  field.append(input);
  return field;
}

function answer(side, input, value) {
  if (value === undefined || value === null || value === "") delete side.answers[input];
  else side.answers[input] = value;
  simulate();
}

function questionNode(side, input, root, questions, prefix) {
  const id = domId(prefix, input);
  const node = wrapper(id);
  const text = question(questions, input) || input;
  const kind = kindOf(root, input);
  if (kind === "boolean") {
    node.append(radios(id, text, [["oui", "oui", true], ["non", "non", false]], side.answers[input], (value) => answer(side, input, value)));
  } else if (kind === "choice") {
    const options = state.vocabulary[CHOICES[input]].map((entry) => [entry.label, entry.value]);
    node.append(selectField(`${id}-choice`, text, options, side.answers[input], (value) => answer(side, input, value)));
  } else if (kind === "choices") {
    node.append(choicesGroup(side, input, id, text));
  } else if (kind === "day") {
    node.append(dayField(side, input, `${id}-date`, text));
  } else if (kind === "participations") {
    const options = [["non, jamais", []], ...state.vocabulary.promotions.map((p) => [`oui, dans la promotion ${p.label}`, [{ promotion: p.value, as_coach: false }]])];
    node.append(selectField(`${id}-choice`, text, options, side.answers[input], (value) => answer(side, input, value)));
  } else if (kind === "instant") {
    const group = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = text;
    group.append(legend);
    const typed = side.typed[input] || {};
    const date = textField(`${id}-date`, "Date", typed.date, "jj/mm/aaaa, par exemple 15/06/2018");
    const time = textField(`${id}-time`, "Heure de Paris", typed.time, "hh:mm, par exemple 16:30");
    group.append(date, time);
    const send = () => {
      const dateText = $(`${id}-date`).value;
      const timeText = $(`${id}-time`).value;
      if (dateText.trim() === "" && timeText.trim() === "") delete side.typed[input];
      else side.typed[input] = { kind: "paris_time", date: dateText, time: timeText };
      simulate();
    };
    for (const field of [date, time]) field.querySelector("input").addEventListener("change", send);
    node.append(group);
  } else {
    const field = textField(`${id}-text`, text, side.answers[input]);
    field.querySelector("input").addEventListener("change", (event) => answer(side, input, event.target.value));
    node.append(field);
  }
  node.append(neededHint(id), errorNode(id));
  return node;
}

// A day typed as the person writes it, read by the service.
function dayField(side, input, fieldId, text) {
  const typed = side.typed[input] || {};
  const field = textField(fieldId, text, typed.date, "jj/mm/aaaa, par exemple 14/12/2018");
  field.querySelector("input").addEventListener("change", (event) => {
    if (event.target.value.trim() === "") delete side.typed[input];
    else side.typed[input] = { kind: "day", date: event.target.value };
    simulate();
  });
  return field;
}

// The sub-answers of an answer (a last day in post, of studies): shown under its question
// while its answer has them, gone with them otherwise.
function updateSubs(side, input, node, questions, prefix) {
  for (const [sub, [parent, applies]] of Object.entries(SUBS)) {
    if (parent !== input) continue;
    const id = domId(prefix, sub);
    const existing = $(id);
    if (!applies(side.answers[parent])) {
      if (existing) existing.remove();
      continue;
    }
    if (existing) continue;
    const wrap = document.createElement("div");
    wrap.className = "sub";
    wrap.id = id;
    const hint = sub.endsWith("last_day_in_post")
      ? "jj/mm/aaaa ; laissez vide si aucun départ n'est prévu"
      : "jj/mm/aaaa ; laissez vide si elle n'est pas connue";
    const field = dayField(side, sub, `${id}-date`, question(questions, sub) || sub);
    field.querySelector(".hint").textContent = hint;
    wrap.append(field, errorNode(id));
    node.insertBefore(wrap, node.querySelector(".needed"));
  }
}

// A candidate's choices among the promotion's défis, projects or profiles, within its limit:
// boxes to tick when the order does not count, one list per rank when it does.
function choicesGroup(side, input, id, text) {
  const { limit, options } = state.defis[$("candidate-promotion").value];
  const [one, many] = UNITS[limit.unit] || ["choix", "choix"];
  const group = document.createElement("fieldset");
  const legend = document.createElement("legend");
  const count = limit.min === limit.max ? `${limit.max} ${limit.max > 1 ? many : one}` : `de ${limit.min} à ${limit.max} ${many}`;
  legend.textContent = UNITS[limit.unit]
    ? `Quels ${many} choisissez-vous ? (${count}${limit.ordered ? ", par ordre de préférence" : ""})`
    : `${text} (${count})`;
  group.append(legend);
  const current = side.answers[input] || [];
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  if (!limit.ordered) {
    const boxes = document.createElement("div");
    boxes.className = "boxes";
    options.forEach(([label, value], index) => {
      const pair = checkbox(`${id}-option-${index}`, label, current.some((chosen) => same(chosen, value)), () => {
        const chosen = options.filter((_, i) => $(`${id}-option-${i}`).checked).map(([, v]) => v);
        answer(side, input, chosen.length ? chosen : undefined);
      });
      boxes.append(pair);
    });
    group.append(boxes);
    return group;
  }
  for (let rank = 0; rank < limit.max; rank += 1) {
    const label = rank === 0 ? "1er choix" : `${rank + 1}e choix`;
    const field = selectField(`${id}-rank-${rank + 1}`, label, options, current[rank], () => {
      const chosen = [];
      for (let r = 0; r < limit.max; r += 1) {
        const value = $(`${id}-rank-${r + 1}`).value;
        if (value !== "") chosen.push(options[Number(value)][1]);
      }
      answer(side, input, chosen.length ? chosen : undefined);
    });
    field.querySelector("option").textContent = "— aucun —";
    group.append(field);
  }
  return group;
}

function checkbox(id, labelText, checked, onChange) {
  const box = document.createElement("input");
  box.type = "checkbox";
  box.id = id;
  box.checked = checked;
  box.addEventListener("change", onChange);
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = labelText;
  const pair = document.createElement("span");
  pair.className = "box";
  pair.append(box, label);
  return pair;
}

// The service's messages about typed answers, each under its field; the previous ones go.
function showAnswerErrors(errors, prefix) {
  for (const node of document.querySelectorAll(".error")) {
    node.hidden = true;
    node.textContent = "";
  }
  for (const node of document.querySelectorAll("[aria-invalid]")) {
    node.removeAttribute("aria-invalid");
    const described = (node.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
    if (described.length) node.setAttribute("aria-describedby", described.join(" ")); else node.removeAttribute("aria-describedby");
  }
  for (const error of errors || []) {
    const talent = /^talents\.([^.]+)\.(experience|employer_cost)/.exec(error.field);
    const id = talent ? `talent-${talent[1]}-${talent[2].replace("_", "-")}` : domId(prefix, error.field);
    const box = $(`${id}-error`);
    if (!box) continue;
    box.textContent = error.message;
    box.hidden = false;
    const container = $(id);
    for (const input of container ? container.querySelectorAll("input, select") : []) {
      input.setAttribute("aria-invalid", "true");
      const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      described.push(box.id);
      input.setAttribute("aria-describedby", described.join(" "));
    }
  }
}

// ----- the talents of the plan -----

function updateTalents(result, team) {
  const eligible = result.decision.outcome.outcome === "eligible";
  const list = $("talent-list");
  const wanted = eligible ? team.map((_, index) => `talent-${talentId(index)}`) : [];
  for (const node of [...list.children]) if (!wanted.includes(node.id)) node.remove();
  if (!eligible) return;
  team.forEach((seat, index) => {
    const id = talentId(index);
    let node = $(`talent-${id}`);
    if (!node) {
      node = document.createElement("div");
      node.className = "talent";
      node.id = `talent-${id}`;
      list.append(node);
    }
    for (const field of ["experience", "employer_cost"]) {
      const legend = document.querySelector(`#talent-${id}-${field.replace("_", "-")} legend`);
      if (legend) legend.textContent = `${question(state.vocabulary.questions, `talent.${field}`)} de ${talentName(index)}`;
    }
    const missing = (result.talents_missing || []).filter((entry) => entry.talent === id).map((entry) => entry.input);
    const typed = state.host.talentTyped[id] || {};
    for (const field of ["experience", "employer_cost"]) {
      const fieldId = `talent-${id}-${field.replace("_", "-")}`;
      const wantedField = missing.includes(field) || typed[field];
      const existing = $(fieldId);
      if (!wantedField) { if (existing) existing.remove(); continue; }
      if (!existing) node.append(talentQuestion(id, index, field, fieldId));
      showNeeded($(fieldId), $(`${fieldId}-needed`), missing.includes(field));
    }
  });
  $("talents").hidden = !list.querySelector(".question");
}

// ----- the défi: its team, its support, its commitments -----

// Shows the parts of the défi the decision reads (the team's size and profiles, the people
// supporting it by role, the commitments), built from the promotion's example; each change
// asks again.
function updateDefi(decision) {
  const read = inputsRead(decision);
  const edited = state.host.defi;
  if (!edited.built) buildDefi(edited);
  const team = read.has("defi.team.len") || read.has("defi.team.profiles");
  const support = read.has("defi.support.operational") || read.has("defi.support.strategic");
  const commitments = read.has("defi.commitments.count") && edited.commitments.length > 0;
  $("team-editor").hidden = !team;
  $("support-editor").hidden = !support || edited.roles.length === 0;
  $("commitment-editor").hidden = !commitments;
  $("defi-parts").hidden = $("team-editor").hidden && $("support-editor").hidden && $("commitment-editor").hidden;
  for (const [index] of edited.team.entries()) {
    const label = document.querySelector(`label[for="seat-${index + 1}-profile"]`);
    if (label) label.textContent = `Profil de ${talentName(index)}`;
  }
}

function buildDefi(edited) {
  edited.built = true;
  const vocabulary = state.vocabulary;
  // The team: how many talents, each one's name and profile.
  const sizes = [1, 2, 3, 4, 5, 6].map((n) => [String(n), n]);
  const size = selectField("team-size", question(vocabulary.questions, "defi.team.len"), sizes, edited.team.length, (value) => {
    const count = value || 1;
    while (edited.team.length < count) edited.team.push(edited.example[edited.team.length % edited.example.length]);
    edited.team.length = count;
    seats();
    simulate();
  });
  size.querySelector("option").remove();
  const list = document.createElement("div");
  list.id = "seat-list";
  const profiles = vocabulary.talent_profiles.map((entry) => [entry.label, entry.value]);
  const seats = () => {
    const rows = [...list.children];
    rows.slice(edited.team.length).forEach((row) => row.remove());
    for (let index = rows.length; index < edited.team.length; index += 1) {
      const row = document.createElement("div");
      row.className = "seat";
      row.id = `seat-${index + 1}`;
      const name = textField(`seat-${index + 1}-name`, `Nom du talent ${index + 1}`, talentName(index));
      name.querySelector("input").addEventListener("change", (event) => {
        state.host.names[index] = event.target.value;
        simulate();
      });
      const profile = selectField(`seat-${index + 1}-profile`, `Profil de ${talentName(index)}`, profiles, edited.team[index], (value) => {
        if (value) edited.team[index] = value;
        simulate();
      });
      profile.querySelector("option").remove();
      row.append(name, profile);
      list.append(row);
    }
  };
  seats();
  $("team-editor").replaceChildren(size, list);
  // The support: how many people in each role the promotion's example has.
  const support = document.createElement("fieldset");
  const supportLegend = document.createElement("legend");
  supportLegend.textContent = question(vocabulary.questions, "defi.support");
  support.append(supportLegend);
  const counts = [0, 1, 2, 3].map((n) => [String(n), n]);
  for (const role of edited.roles) {
    const field = selectField(`support-${role.replace(/_/g, "-")}`, `Nombre : ${labelOf(vocabulary.support_roles, role)}`, counts, edited.support[role] || 0, (value) => {
      edited.support[role] = value || 0;
      simulate();
    });
    field.querySelector("option").remove();
    support.append(field);
  }
  $("support-editor").replaceChildren(support);
  // The commitments the promotion asks, each attested or not.
  const commitments = document.createElement("fieldset");
  const commitmentLegend = document.createElement("legend");
  commitmentLegend.textContent = question(vocabulary.questions, "defi.commitments.count");
  const hint = document.createElement("p");
  hint.className = "hint";
  hint.textContent = "Cochez ceux que l'administration d'accueil prend.";
  const boxes = document.createElement("div");
  boxes.className = "boxes";
  for (const commitment of edited.commitments) {
    boxes.append(checkbox(`commitment-${commitment.replace(/_/g, "-")}`, labelOf(vocabulary.commitments, commitment), edited.attested[commitment], (event) => {
      edited.attested[commitment] = event.target.checked;
      simulate();
    }));
  }
  commitments.append(commitmentLegend, hint, boxes);
  $("commitment-editor").replaceChildren(commitments);
}

function talentQuestion(id, index, field, fieldId) {
  const side = state.host;
  const typed = (side.talentTyped[id] || {})[field] || {};
  const node = document.createElement("div");
  node.className = "field question";
  node.id = fieldId;
  const group = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = `${question(state.vocabulary.questions, `talent.${field}`)} de ${talentName(index)}`;
  group.append(legend);
  let inputs;
  if (field === "experience") {
    inputs = [textField(`${fieldId}-years`, "Années", typed.years, "par exemple 3"), textField(`${fieldId}-months`, "Mois en plus", typed.months, "de 0 à 11")];
  } else {
    inputs = [textField(`${fieldId}-amount`, "Montant en euros, sur toute la durée du contrat", typed.amount, "par exemple 70 000")];
  }
  group.append(...inputs);
  const send = () => {
    const entry = side.talentTyped[id] || (side.talentTyped[id] = {});
    if (field === "experience") {
      const years = $(`${fieldId}-years`).value;
      const months = $(`${fieldId}-months`).value;
      entry.experience = years.trim() || months.trim() ? { kind: "duration", years, months } : undefined;
    } else {
      const amount = $(`${fieldId}-amount`).value;
      entry.employer_cost = amount.trim() ? { kind: "euros", amount } : undefined;
    }
    simulate();
  };
  for (const input of inputs) input.querySelector("input").addEventListener("change", send);
  node.append(group, neededHint(fieldId), errorNode(fieldId));
  return node;
}

// ----- showing a result -----

function cell(tag, text, attributes) {
  const element = document.createElement(tag);
  element.textContent = text;
  for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
  return element;
}

function showDecision(result, questions, missingPrefix) {
  const outcome = result.decision.outcome;
  $("decision").hidden = false;
  $("verdict").textContent = labelOf(state.vocabulary.outcomes, outcome.outcome);
  $("verdict").className = outcome.outcome;
  $("route-line").hidden = !outcome.funding_route;
  $("route").textContent = outcome.funding_route ? labelOf(state.vocabulary.funding_routes, outcome.funding_route) : "";
  const failed = result.rules.filter((line) => line.status === "failed");
  $("reasons").replaceChildren(...failed.map((line) => {
    const item = document.createElement("li");
    item.append(cell("strong", line.title), document.createTextNode(` : ${line.detail} `), cell("span", `(${line.source})`, { class: "source" }));
    return item;
  }));
  $("reasons-box").hidden = outcome.outcome !== "ineligible";
  showSuggestions(result.changes);
  const missing = outcome.outcome === "incomplete" ? outcome.missing : [];
  $("missing").replaceChildren(...missing.map((input) => {
    const item = document.createElement("li");
    const link = cell("a", question(questions, input) || input, { href: `#${domId(missingPrefix, input)}` });
    item.append(link);
    return item;
  }));
  $("missing-box").hidden = missing.length === 0;
  const words = { satisfied: "remplie", failed: "non remplie", missing: "à préciser" };
  $("rules").replaceChildren(...result.rules.map((line) => {
    const item = document.createElement("li");
    item.className = `rule ${line.status}`;
    const status = cell("span", words[line.status] || line.status, { class: "status" });
    const title = cell("span", line.title, { class: "title" });
    const detail = line.status === "satisfied" ? null : cell("span", line.detail, { class: "detail" });
    const source = cell("span", `Source : ${line.source}`, { class: "source" });
    item.append(status, title);
    if (detail) item.append(detail);
    item.append(source);
    return item;
  }));
  $("rules-box").hidden = false;
  $("explanation").textContent = result.explanation;
}

// What would make a refusal eligible: one item per set of changes (any one set is enough),
// each change in words with the sources of the rules it turns; or why nothing allowed can.
function showSuggestions(changes) {
  const sets = changes ? changes.sets : [];
  const blocked = changes ? changes.blocked : [];
  const items = sets.map((set, index) => {
    const item = document.createElement("li");
    if (index > 0) item.append(cell("strong", "ou : "));
    const lines = document.createElement("ul");
    lines.append(...set.changes.map((change) => {
      const line = document.createElement("li");
      const sources = change.sources.map((source) => `${source.document} ${source.locator}`).join(" ; ");
      line.append(document.createTextNode(`${change.french} `), cell("span", `(${sources})`, { class: "source" }));
      return line;
    }));
    item.append(lines);
    return item;
  });
  if (changes && sets.length === 0) {
    const item = document.createElement("li");
    const rules = blocked.map((entry) => `${entry.source.document} ${entry.source.locator}`).join(" ; ");
    item.textContent = rules
      ? `Aucun changement permis ne le rend éligible : la règle en cause porte sur des faits qui ne changent pas (${rules}).`
      : "Aucun changement permis, dans la limite de la recherche, ne le rend éligible.";
    items.push(item);
  }
  $("suggestion-list").replaceChildren(...items);
  $("suggestions").hidden = items.length === 0;
}

function statusLine(result, errors) {
  const outcome = result.decision.outcome.outcome;
  const verdict = labelOf(state.vocabulary.outcomes, outcome);
  let text = `Décision : ${verdict}.`;
  if (result.decision.outcome.funding_route) text += ` Voie de financement : ${labelOf(state.vocabulary.funding_routes, result.decision.outcome.funding_route)}.`;
  if (outcome === "incomplete") text += " Répondez aux questions : la décision en dépend.";
  if (result.plan) text += " Le plan de financement est calculé.";
  else if ((result.talents_missing || []).length) text += " Le plan de financement attend des réponses sur les talents.";
  if ((errors || []).length) text += ` ${errors.length === 1 ? "Une réponse n'a pas pu être lue" : `${errors.length} réponses n'ont pas pu être lues`} : ${errors.map((e) => e.message).join(" ")}`;
  $("status").textContent = text;
}

function showHost(result) {
  const promotion = state.request.dossier.defi.promotion;
  state.host.promotion = promotion;
  const dropped = updateQuestions(state.host, result.decision, "question-list", "questions", "DefiDossier", state.vocabulary.questions, "q-", promotion);
  updateDefi(result.decision);
  updateTalents(result, state.request.dossier.defi.team);
  showDecision(result, state.vocabulary.questions, "q-");
  showAnswerErrors(result.answer_errors, "q-");
  renderPlan(result.plan);
  const problem = result.plan || (result.talents_missing || []).length ? null : result.plan_problem;
  $("plan-problem").hidden = !problem;
  $("plan-problem").textContent = problem ? "Le plan de financement ne peut pas être calculé pour ce défi." : "";
  statusLine(result, result.answer_errors);
  downloads(result);
  // The answers this promotion does not read are gone: the request offered is sent again
  // without them (same decision).
  if (dropped) simulate();
}

function showCandidate(result) {
  const dropped = updateQuestions(state.candidate, result.decision, "candidate-question-list", "candidate-questions", "CandidateApplication", state.vocabulary.candidate_questions, "c-", state.request.application.promotion);
  showDecision(result, state.vocabulary.candidate_questions, "c-");
  showAnswerErrors(result.answer_errors, "c-");
  renderPlan(null);
  $("plan-problem").hidden = true;
  statusLine(result, result.answer_errors);
  downloads(result);
  if (dropped) simulate();
}

// ----- the plan -----

// Amounts are strings of exact decimals: sums are made in whole centimes.
const centimes = (amount) => {
  const [units, cents = ""] = String(amount).split(".");
  return Number(units) * 100 + Math.sign(Number(units) || 1) * Number((cents + "00").slice(0, 2));
};
const fromCentimes = (value) => `${Math.trunc(value / 100)}.${String(Math.abs(value % 100)).padStart(2, "0")}`;

const euros = (amount) => Number(amount).toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + "\u00a0€";

const payerLabel = (payer) => labelOf(state.vocabulary.payers, payer);

// The share of `amount` in `cost`, in whole percent (a narrow no-break space before the
// sign, as French writes it).
function share(amount, cost) {
  const total = centimes(cost);
  return total ? `${Math.round((centimes(amount) * 100) / total)}\u202f%` : "—";
}

function planRows(plan) {
  const rows = [];
  plan.talents.forEach((talent, index) => {
    const seat = /^t(\d+)$/.exec(talent.talent);
    const name = talentName(seat ? Number(seat[1]) - 1 : index);
    rows.push({ name, payer: "Coût total employeur", amount: talent.employer_cost, share: "", first: true, count: talent.parts.length + 1, estimate: talent.cost_basis === "reference_estimate" });
    for (const part of talent.parts) rows.push({ name, payer: payerLabel(part.payer), amount: part.amount, share: share(part.amount, talent.employer_cost) });
  });
  return rows;
}

function renderPlan(plan) {
  $("plan").hidden = !plan;
  $("download-csv").hidden = !plan;
  if (!plan) return;
  const estimated = plan.talents.some((talent) => talent.cost_basis === "reference_estimate");
  const talents = plan.talents.length;
  $("plan-note").textContent = `${talents} talent${talents > 1 ? "s" : ""}, contrat de ${plan.contract_months} mois, voie : ${labelOf(state.vocabulary.funding_routes, plan.route)}.`
    + (estimated ? " Montants estimés au coût de référence de la promotion (aucun coût employeur donné)." : "");
  const body = $("payers").tBodies[0];
  body.replaceChildren();
  for (const row of planRows(plan)) {
    const tr = document.createElement("tr");
    if (row.first) {
      tr.className = "talent-first";
      tr.append(cell("th", row.name, { scope: "rowgroup", rowspan: String(row.count) }));
    }
    tr.append(cell("td", row.payer));
    const amount = cell("td", "");
    amount.append(cell("span", euros(row.amount), { class: "amount" }));
    if (row.share) amount.append(document.createTextNode(" "), cell("span", `(${row.share})`, { class: "share" }));
    if (row.estimate) amount.append(document.createTextNode(" "), cell("span", "(estimation)", { class: "share" }));
    tr.append(amount);
    body.append(tr);
  }
  const payers = Object.keys(plan.totals).filter((payer) => centimes(plan.totals[payer]) !== 0);
  const totalCost = plan.talents.reduce((sum, talent) => sum + centimes(talent.employer_cost), 0);
  const foot = $("payers").tFoot;
  foot.replaceChildren();
  const rows = [["Coût total employeur", fromCentimes(totalCost)], ...payers.map((payer) => [payerLabel(payer), plan.totals[payer]])];
  rows.forEach(([payer, amount], index) => {
    const tr = document.createElement("tr");
    if (index === 0) tr.append(cell("th", "Total du défi", { scope: "rowgroup", rowspan: String(rows.length) }));
    tr.append(cell("td", payer));
    const td = cell("td", "");
    td.append(cell("span", euros(amount), { class: "amount" }));
    if (index > 0) td.append(document.createTextNode(" "), cell("span", `(${share(amount, fromCentimes(totalCost))})`, { class: "share" }));
    tr.append(td);
    foot.append(tr);
  });
  renderSchedule(plan.schedule, payers);
}

// A month of the contract: its name when the promotion dates the missions' start, else its
// rank.
function monthLabel(first, index) {
  if (!first) return `mois ${index + 1}`;
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
    for (const payer of payers) {
      const td = cell("td", "");
      td.append(cell("span", euros((schedule.by_payer[payer] || [])[month] || 0), { class: "amount" }));
      row.append(td);
    }
    body.append(row);
  }
  const svgNs = "http://www.w3.org/2000/svg";
  const width = 640, height = 260, left = 10, bottom = 30, top = 50;
  const totals = [...Array(months).keys()].map((m) => payers.reduce((sum, p) => sum + Number((schedule.by_payer[p] || [])[m] || 0), 0));
  const max = Math.max(1, ...totals);
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
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
    if (months <= 12 || month % 3 === 0) {
      const label = document.createElementNS(svgNs, "text");
      label.setAttribute("x", String(left + month * barWidth + barWidth / 2));
      label.setAttribute("y", String(height - 10));
      label.setAttribute("font-size", "11");
      label.setAttribute("text-anchor", "middle");
      label.textContent = monthLabel(schedule.first_month, month);
      svg.append(label);
    }
  }
  payers.forEach((payer, index) => {
    const key = document.createElementNS(svgNs, "rect");
    key.setAttribute("x", String(left + index * 210));
    key.setAttribute("y", "8");
    key.setAttribute("width", "12");
    key.setAttribute("height", "12");
    key.setAttribute("fill", COLOURS[index % COLOURS.length]);
    const name = document.createElementNS(svgNs, "text");
    name.setAttribute("x", String(left + 16 + index * 210));
    name.setAttribute("y", "18");
    name.setAttribute("font-size", "12");
    name.textContent = payerLabel(payer);
    svg.append(key, name);
  });
  const axis = document.createElementNS(svgNs, "text");
  axis.setAttribute("x", String(left));
  axis.setAttribute("y", "40");
  axis.setAttribute("font-size", "12");
  axis.textContent = `au plus ${euros(max)} par mois`;
  svg.append(axis);
  $("chart").replaceChildren(svg);
}

// ----- downloads -----

function dataUrl(type, text) {
  return `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
}

// The plan as CSV for a spreadsheet in French: semicolons, decimal commas.
function planCsv(plan) {
  const quote = (text) => `"${String(text).replaceAll("\"", "\"\"")}"`;
  const amount = (value) => String(value).replace(".", ",");
  const lines = [["talent", "payeur", "montant (euros)", "part"].map(quote).join(";")];
  for (const row of planRows(plan)) lines.push([row.name, row.payer, amount(row.amount), row.share.replace("\u202f", " ")].map(quote).join(";"));
  const totalCost = plan.talents.reduce((sum, talent) => sum + centimes(talent.employer_cost), 0);
  lines.push(["Total du défi", "Coût total employeur", amount(fromCentimes(totalCost)), ""].map(quote).join(";"));
  for (const [payer, value] of Object.entries(plan.totals)) {
    if (centimes(value) !== 0) lines.push(["Total du défi", payerLabel(payer), amount(value), share(value, fromCentimes(totalCost)).replace("\u202f", " ")].map(quote).join(";"));
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

function downloads(result) {
  $("downloads").hidden = false;
  $("download-request").href = dataUrl("application/json", JSON.stringify(state.request, null, 2) + "\n");
  $("download-request").download = state.path === "host" ? "simulation.json" : "candidature.json";
  $("download-result").href = dataUrl("application/json", JSON.stringify(result, null, 2) + "\n");
  if (result.plan) $("download-csv").href = dataUrl("text/csv", planCsv(result.plan));
}

start().catch(() => {
  $("status").textContent = "Le simulateur n'a pas pu démarrer : le service ne répond pas. Réessayez plus tard.";
  setBusy(false);
});
