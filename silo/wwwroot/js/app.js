// The dashboard: centre, team and agent views over the engine's API, kept live by server-sent events.
import { get, must, token, onSignInNeeded, eventsUrl } from './api.js';
import * as P from './panels.js';
import { esc } from './format.js';

const $ = s => document.querySelector(s);
const state = { view: 'centre', id: null, from: '', to: '', period: 'week', channel: '' };
let me = null;          // GET /api/auth/me, or null when the API has no sign-in
let directory = { teams: [], agents: [], scorecards: [] };
let rendering = null;   // the render in progress, so a burst of changes waits for it
let pending = false;

// ---- sign-in ---------------------------------------------------------------------------------------------------

onSignInNeeded(() => new Promise(resolve => {
  const dialog = $('#sign-in'), form = $('#sign-in-form');
  $('#sign-in-error').textContent = token.get() === null && dialog.dataset.tried ? 'That token was not accepted.' : '';
  dialog.dataset.tried = '1';
  form.onsubmit = () => {
    token.set(form.token.value.trim());
    form.reset();
    resolve();
  };
  if (!dialog.open) dialog.showModal();
}));

$('#sign-out').onclick = () => { token.clear(); location.reload(); };

// ---- state in the address: #/team/team-01?from=...&period=month -------------------------------------------------

function readHash() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [view, id] = path.split('/');
  const q = new URLSearchParams(query);
  Object.assign(state, { view: ['centre', 'team', 'agent'].includes(view) ? view : 'centre', id: id ? decodeURIComponent(id) : null,
    from: q.get('from') ?? '', to: q.get('to') ?? '', period: q.get('period') ?? 'week', channel: q.get('channel') ?? '' });
  restrict();
  // The address says what is shown, also when the role redirected the view.
  if (me?.role === 'agent' || me?.role === 'teamLead') history.replaceState(null, '', href(state.view, state.id));
}

function href(view, id, changes = {}) {
  const s = { ...state, ...changes };
  const q = new URLSearchParams(Object.entries({ from: s.from, to: s.to, period: s.period === 'week' ? '' : s.period, channel: s.channel }).filter(([, v]) => v));
  return `#/${view}${id ? `/${encodeURIComponent(id)}` : ''}${q.size ? `?${q}` : ''}`;
}

// What the signed-in role may see: an agent only their own view, a team lead only their teams.
function restrict() {
  if (!me) return;
  if (me.role === 'agent') Object.assign(state, { view: 'agent', id: me.agentId });
  if (me.role === 'teamLead') {
    const teams = me.teamIds ?? [];
    if (state.view === 'centre' || (state.view === 'team' && !teams.includes(state.id))) Object.assign(state, { view: 'team', id: teams[0] ?? null });
    if (state.view === 'agent' && !directory.agents.some(a => a.agentId === state.id && teams.includes(a.teamId))) Object.assign(state, { view: 'team', id: teams[0] ?? null });
  }
}

// ---- chrome: tabs and pickers ------------------------------------------------------------------------------------

function drawChrome() {
  const agentOnly = me?.role === 'agent', lead = me?.role === 'teamLead';
  const teams = lead ? directory.teams.filter(t => me.teamIds?.includes(t.teamId)) : directory.teams;
  const teamOfAgent = directory.agents.find(a => a.agentId === state.id)?.teamId;
  const team = state.view === 'team' ? state.id : state.view === 'agent' ? teamOfAgent : null;
  const agents = directory.agents.filter(a => !team || a.teamId === team);
  for (const a of $('#tabs').querySelectorAll('a')) {
    a.classList.toggle('active', a.dataset.view === state.view);
    a.hidden = agentOnly || (lead && a.dataset.view === 'centre');
    const id = a.dataset.view === 'team' ? (team ?? teams[0]?.teamId) : a.dataset.view === 'agent' ? (state.view === 'agent' ? state.id : agents[0]?.agentId) : null;
    a.href = href(a.dataset.view, id);
  }
  const f = $('#filters');
  f.team.innerHTML = teams.map(t => `<option value="${esc(t.teamId)}"${t.teamId === team ? ' selected' : ''}>${esc(t.teamId)} (${t.agents})</option>`).join('');
  f.agent.innerHTML = `<option value="">—</option>` + agents.map(a =>
    `<option value="${esc(a.agentId)}"${a.agentId === state.id && state.view === 'agent' ? ' selected' : ''}>${esc(a.displayName ?? a.agentId)}</option>`).join('');
  $('#team-picker').hidden = agentOnly || state.view === 'centre';
  $('#agent-picker').hidden = agentOnly || state.view === 'centre';
  f.from.value = state.from; f.to.value = state.to; f.period.value = state.period; f.channel.value = state.channel;
  $('#me').textContent = me ? `${me.name ?? ''} · ${me.role}` : '';
  $('#sign-out').hidden = !token.get();
}

$('#filters').addEventListener('change', e => {
  const f = e.currentTarget;
  const changes = { from: f.from.value, to: f.to.value, period: f.period.value, channel: f.channel.value };
  if (e.target === f.team) location.hash = href('team', f.team.value, changes);
  else if (e.target === f.agent && f.agent.value) location.hash = href('agent', f.agent.value, changes);
  else location.hash = href(state.view, state.id, changes);
});

// ---- views -------------------------------------------------------------------------------------------------------

const range = () => ({ from: state.from, to: state.to, period: state.period, channel: state.channel });

// The cadence report is "as of" a day: the end of the chosen range, else the end of the last month with contacts
// (evaluations trail the contacts they score), never after today.
async function asOfFor(path) {
  const today = new Date().toISOString().slice(0, 10);
  if (state.to) return state.to < today ? state.to : today;
  // Cached like the cadence it dates: a live refresh need not fetch the summary a second time.
  const months = await slow(path, { from: state.from, period: 'month', channel: state.channel }, 15_000);
  const last = (months.centre ?? months).trend?.filter(m => m.interactions > 0).at(-1)?.to ?? today;
  return last < today ? last : today;
}

// Analyses over the interaction rows (conflicts, leniency, cadence) take seconds on a large centre: live refreshes
// reuse a recent answer instead of re-running them every second of an import. Summaries are always fresh.
const recent = new Map();
function cached(call, path, params, maxAgeMs) {
  const key = `${path}?${new URLSearchParams(params)}`;
  const hit = recent.get(key);
  if (hit && Date.now() - hit.at < maxAgeMs) return hit.value;
  const value = call(path, params);
  recent.set(key, { at: Date.now(), value });
  value.catch(() => recent.delete(key));
  return value;
}
const slow = (path, params, maxAgeMs) => cached(must, path, params, maxAgeMs);
const MINUTE = 60_000;

// Whether the signed-in role may use an API policy (GET /api/auth/me lists them; an open API allows all): the page
// never asks for what the role may not read, so a view causes no refusals in the audit trail.
const may = policy => !me || (me.policies ?? []).includes(policy);
const COACHING = 'coaching', AGGREGATES = 'aggregates';
// Asks only when the role may: otherwise resolves to `otherwise` without a request.
const ifMay = (policy, ask, otherwise = null) => may(policy) ? ask() : Promise.resolve(otherwise);

const scorecardItems = () => directory.scorecards[0] && may(AGGREGATES)
  ? get(`/api/scorecards/${encodeURIComponent(directory.scorecards[0])}/items`, { from: state.from, to: state.to }).then(r => r.body)
  : Promise.resolve(null);

// Forecast and staffing come from another part of the product: the panel shows only where the endpoint answers 200
// (not 404 where it is absent, nor 422 with too little history). A forecast is centre-wide, per channel, for the
// days after the history; training it takes seconds, so it is re-read at most every ten minutes.
const forecast = () => ifMay(AGGREGATES, () => cached(get, '/api/forecast/staffing', { interval: 'day', channel: state.channel }, 10 * MINUTE)
  .then(r => r.status === 200 ? r.body : null, () => null));

// Queue figures are for planners and managers: the panel shows only where the endpoint answers 200.
const queueFigures = () => ifMay(AGGREGATES, () => get('/api/queues/figures', { from: state.from, to: state.to })
  .then(r => r.status === 200 ? r.body : null, () => null));

async function centreView() {
  const [{ centre, teams }, asOf] = await Promise.all([must('/api/centre/summary', range()), asOfFor('/api/centre/summary')]);
  const [cadence, items, conflicts, leniency, staffing, queues] = await Promise.all([
    ifMay(COACHING, () => slow('/api/cadence', { asOf }, 15_000)), scorecardItems(), slow('/api/insights/conflicts', range(), MINUTE),
    ifMay(COACHING, () => slow('/api/evaluators/leniency', { from: state.from, to: state.to }, MINUTE)), forecast(), queueFigures(),
  ]);
  const quota = cadence && sum(cadence.teams);
  const coverageById = Object.fromEntries((cadence?.teams ?? []).map(t => [t.id, t]));
  const teamRows = teams.map(({ teamId, figures: f }) => [`<a href="${href('team', teamId)}">${esc(teamId)}</a>`,
    ...P.kpiCells(f), coverageById[teamId] ? `${Math.round(100 * coverageById[teamId].coverage)}%` : '–']);
  return `<h1>Centre<small>${esc(describeRange(centre))}</small></h1>` + P.kpis(centre, quota) + `<div class="grid">`
    + P.trends(centre)
    + P.panel('Teams', P.table(['Team', 'Contacts', 'Evals', 'QA', 'CSAT', 'NPS', 'AHT', 'FCR', 'Quota'], teamRows, { id: 'teams' }), { wide: true })
    + (cadence ? P.coverage(cadence.teams, { link: id => href('team', id), asOf }) : '')
    + (items ? P.items(items) : '') + P.channels(centre) + P.conflicts(conflicts) + (leniency ? P.leniency(leniency) : '')
    + P.queues(queues) + (staffing ? P.forecast(staffing) : '') + `</div>`;
}

async function teamView() {
  const teamId = state.id ?? directory.teams[0]?.teamId;
  if (!teamId) return `<div class="empty">No teams yet: ingest some data first.</div>`;
  const path = `/api/teams/${encodeURIComponent(teamId)}/summary`;
  const [summary, asOf] = await Promise.all([must(path, range()), asOfFor(path)]);
  const [cadence, items, conflicts, leniency, staffing] = await Promise.all([
    // Executives read a team's figures but not its agents (coaching lists): no agent rows, no leniency for them.
    ifMay(COACHING, () => slow('/api/cadence', { asOf, teamId }, 15_000), { agents: [], teams: [] }), scorecardItems(),
    slow('/api/insights/conflicts', { ...range(), teamId }, MINUTE),
    ifMay(COACHING, () => slow('/api/evaluators/leniency', { from: state.from, to: state.to, teamId }, MINUTE)), forecast(),
  ]);
  const summaries = Object.fromEntries(await Promise.all(cadence.agents.map(async a =>
    [a.agentId, (await get(`/api/agents/${encodeURIComponent(a.agentId)}/summary`, { ...range(), period: 'month' })).body])));
  const quota = cadence.teams.find(t => t.id === teamId);
  return `<h1>${esc(teamId)}<small>${esc(describeRange(summary))}</small></h1>` + P.kpis(summary, quota) + `<div class="grid">`
    + P.trends(summary) + P.agentTable(cadence.agents, summaries, id => href('agent', id))
    + P.coverage(cadence.agents.map(a => ({ id: a.agentId, evaluationsThisMonth: a.evaluationsThisMonth, quota: a.monthlyQuota,
      coverage: a.monthlyQuota ? a.evaluationsThisMonth / a.monthlyQuota : null, overdue: a.status === 'overdue' ? 1 : 0 })),
      { link: id => href('agent', id), asOf, title: 'Agents vs monthly quota' })
    + (items ? P.items(items) : '') + P.channels(summary) + P.conflicts(conflicts) + (leniency ? P.leniency(leniency) : '')
    + (staffing ? P.forecast(staffing) : '') + `</div>`;
}

async function agentView() {
  const agentId = state.id ?? directory.agents[0]?.agentId;
  if (!agentId) return `<div class="empty">No agents on the roster yet.</div>`;
  const path = `/api/agents/${encodeURIComponent(agentId)}/summary`;
  const [summary, asOf] = await Promise.all([must(path, range()), asOfFor(path)]);
  const teamId = directory.agents.find(a => a.agentId === agentId)?.teamId;
  // The coaching figures (cadence, evaluator-adjusted score, QA vs customers) are for QA and team leads, not for the
  // agent themself; a team lead names the team, as the coaching policy asks of them.
  const lead = me?.role === 'teamLead' ? { teamId } : {};
  const [cadence, evaluations, scores, gap] = await Promise.all([
    ifMay(COACHING, () => get('/api/cadence', { asOf, teamId }).then(r => r.body)),
    get(`/api/agents/${encodeURIComponent(agentId)}/evaluations`).then(r => r.body ?? []),
    ifMay(COACHING, () => get('/api/insights/agent-scores', { ...range(), ...lead, agentId }).then(r => r.body)),
    ifMay(COACHING, () => get('/api/insights/disagreeing-agents', { ...range(), ...lead, agentId }).then(r => r.body ?? []), []),
  ]);
  const mine = cadence?.agents.find(a => a.agentId === agentId);
  const quota = mine && { coverage: mine.monthlyQuota ? mine.evaluationsThisMonth / mine.monthlyQuota : null, evaluationsThisMonth: mine.evaluationsThisMonth,
    quota: mine.monthlyQuota, overdue: mine.status === 'overdue' ? 1 : 0 };
  const due = mine ? `<p class="due">Next evaluation due <b>${esc(mine.dueOn)}</b> (${esc(mine.rule)} rule) · <span class="status ${mine.status}">${esc(mine.status)}</span></p>` : '';
  return `<h1>${esc(agentId)}<small>${esc(teamId ?? '')} · ${esc(describeRange(summary))}</small></h1>` + due + P.kpis(summary, quota)
    + `<div class="grid">` + (may(COACHING) ? P.standing(scores, gap) : '') + P.trends(summary) + P.channels(summary) + P.evaluations(evaluations) + `</div>`;
}

const sum = rows => rows.length === 0 ? null : rows.reduce((t, r) => ({
  evaluationsThisMonth: t.evaluationsThisMonth + r.evaluationsThisMonth, quota: t.quota + r.quota, overdue: t.overdue + r.overdue,
  coverage: (t.evaluationsThisMonth + r.evaluationsThisMonth) / Math.max(1, t.quota + r.quota),
}), { evaluationsThisMonth: 0, quota: 0, overdue: 0, coverage: 0 });

function describeRange(s) {
  const first = s.trend?.[0]?.from, last = s.trend?.at(-1)?.to;
  const from = state.from || first, to = state.to || last;
  const channel = state.channel ? ` · ${state.channel} only` : '';
  return from ? `${from} to ${to}${channel}` : `no data yet${channel}`;
}

async function render() {
  if (rendering) { pending = true; return rendering; }
  rendering = (async () => {
    try {
      drawChrome();
      const html = await ({ centre: centreView, team: teamView, agent: agentView })[state.view]();
      $('#main').innerHTML = html;
      $('#main').dataset.view = state.view;
      bindCalibration();
      stamp();
    } catch (e) {
      $('#main').innerHTML = `<div class="error">Could not load this view: ${esc(e.message)}</div>`;
    } finally {
      rendering = null;
    }
    if (pending) { pending = false; await render(); }
  })();
  return rendering;
}

function bindCalibration() {
  const form = $('#calibration');
  if (!form) return;
  form.onsubmit = async e => {
    e.preventDefault();
    const { status, body } = await get(`/api/calibrations/${encodeURIComponent(form.session.value.trim())}/results`);
    $('#calibration-results').innerHTML = status === 200 ? P.calibrationResults(body)
      : `<p class="error">${status === 409 ? 'That session is still open: results stay hidden until it closes.' : status === 404 ? 'No such session.' : `The API answered ${status}.`}</p>`;
  };
}

function stamp() {
  $('#main').dataset.updated = new Date().toISOString();
  $('#live').title = `Updated ${new Date().toLocaleTimeString()}`;
}

// ---- live updates ------------------------------------------------------------------------------------------------

// Does a change concern what is on screen? The centre shows everything; a team its own and its agents' figures.
function concerns(change) {
  if (change.reload || state.view === 'centre') return true;
  if (state.view === 'team') return change.teams.includes(state.id ?? directory.teams[0]?.teamId)
    || change.agents.some(a => directory.agents.find(d => d.agentId === a)?.teamId === state.id);
  return change.agents.includes(state.id ?? directory.agents[0]?.agentId);
}

function connectLive() {
  const live = $('#live');
  const source = new EventSource(eventsUrl());
  // A page kept for back/forward would keep its stream open; browsers allow six connections a server, and each
  // stream holds one.
  window.addEventListener('pagehide', () => source.close(), { once: true });
  source.addEventListener('hello', () => { live.textContent = 'live'; live.className = 'live on'; });
  source.addEventListener('changed', async e => {
    const change = JSON.parse(e.data);
    // New teams or agents may have appeared: refresh the pickers' directory along with the view.
    if (change.reload || change.teams.some(t => !directory.teams.some(d => d.teamId === t))) await loadDirectory();
    if (concerns(change)) await render();
  });
  source.onerror = () => {
    live.textContent = 'reconnecting'; live.className = 'live off';
    // A refused token closes the stream for good: sign in again, then reconnect.
    if (source.readyState === EventSource.CLOSED) setTimeout(async () => { await get('/api/directory'); connectLive(); }, 2000);
  };
}

async function loadDirectory() {
  const { status, body } = await get('/api/directory');
  if (status === 200) directory = body;
  else if (me?.agentId) directory = { teams: [], agents: [{ agentId: me.agentId, teamId: me.teamIds?.[0] }], scorecards: [] };
}

// ---- start -------------------------------------------------------------------------------------------------------

async function start() {
  const who = await get('/api/auth/me');
  me = who.status === 200 ? who.body : null;
  await loadDirectory();
  readHash();
  window.addEventListener('hashchange', () => { readHash(); render(); });
  await render();
  connectLive();
}

start();
