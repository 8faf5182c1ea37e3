// The panels the views are made of. Each takes data already fetched and returns HTML.
import { lineChart, bars } from './charts.js';
import { pct, share, score, signed, effect, count, minutes, esc, dash } from './format.js';

const C = { qa: '#4f46e5', csat: '#0d9488', nps: '#d97706', aht: '#64748b', fcr: '#16a34a', bad: '#dc2626' };

export const panel = (title, body, { id = '', wide = false, note = '' } = {}) =>
  `<section class="panel${wide ? ' wide' : ''}"${id ? ` id="${id}"` : ''}><h2>${esc(title)}${note ? `<small>${esc(note)}</small>` : ''}</h2>${body}</section>`;

/** The headline figures of a summary as tiles; coverage from the cadence report when given. */
export function kpis(s, coverage) {
  const ci = s.qaScoreCi95 ? `95% CI ${score(s.qaScoreCi95[0])}–${score(s.qaScoreCi95[1])}` : 'no evaluations';
  const tiles = [
    ['qa', 'QA score', pct(s.qaScore), ci],
    ['csat', 'CSAT', pct(s.csat), `${count(s.csatResponses)} responses`],
    ['nps', 'NPS', s.nps == null ? dash : signed(s.nps), `${count(s.npsResponses)} responses`],
    ['aht', 'Handle time', minutes(s.ahtSeconds), 'mean, min:s'],
    ['fcr', 'First-contact resolution', share(s.fcrRate), 'of contacts with a known outcome'],
    ['interactions', 'Contacts', count(s.interactions), `${count(s.surveys)} surveys`],
    ['evaluations', 'Evaluations', count(s.evaluations), s.evaluationsForMargin5 ? `${count(s.evaluationsForMargin5)} needed for ±5 points` : ''],
  ];
  if (coverage) tiles.push(['coverage', 'Quota this month', share(coverage.coverage), `${count(coverage.evaluationsThisMonth)} of ${count(coverage.quota)} · ${count(coverage.overdue)} overdue`]);
  return `<div class="kpis">${tiles.map(([key, label, value, sub]) =>
    `<div class="kpi" data-kpi="${key}"><div class="label">${label}</div><div class="value">${value}</div><div class="sub">${esc(sub)}</div></div>`).join('')}</div>`;
}

/** QA against CSAT and NPS, handle time and FCR over the summary's trend. */
export function trends(s) {
  const t = s.trend ?? [];
  const labels = t.map(p => p.period);
  const quality = lineChart({
    title: 'QA vs CSAT and NPS', labels, format: v => `${Math.round(v)}`, width: 1300, height: 300,
    series: [
      { name: 'QA score %', values: t.map(p => p.qaScore), color: C.qa, band: t.map(p => p.qaScoreCi95) },
      { name: 'CSAT % satisfied', values: t.map(p => p.csat), color: C.csat },
      { name: 'NPS', values: t.map(p => p.nps), color: C.nps, dashed: true },
    ],
  });
  const aht = lineChart({ title: 'Handle time', labels, format: v => minutes(v), series: [{ name: 'Handle time (min:s)', values: t.map(p => p.ahtSeconds), color: C.aht }] });
  const fcr = lineChart({ title: 'FCR', labels, format: (v, step = 1) => `${v.toFixed(step < 1 ? 1 : 0)}%`, series: [{ name: 'FCR %', values: t.map(p => p.fcrRate == null ? null : 100 * p.fcrRate), color: C.fcr }] });
  return panel('Quality vs customer outcomes', quality, { wide: true, note: 'QA band: 95% confidence interval' })
    + panel('Handle time', aht) + panel('First-contact resolution', fcr);
}

/** Figures by channel side by side. */
export function channels(s) {
  const rows = Object.entries(s.byChannel ?? {});
  if (rows.length === 0) return '';
  return panel('By channel', table(['Channel', 'Contacts', 'Evals', 'QA', 'CSAT', 'NPS', 'AHT', 'FCR'],
    rows.map(([name, f]) => [esc(name), ...kpiCells(f)])));
}

export function table(head, rows, { id = '' } = {}) {
  if (rows.length === 0) return `<div class="empty">Nothing to show</div>`;
  return `<table${id ? ` id="${id}"` : ''}><thead><tr>${head.map(h => `<th>${h}</th>`).join('')}</tr></thead>
    <tbody>${rows.map(r => `<tr>${r.map((c, i) => `<td${i ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** Evaluation coverage against the monthly quota, per team or per agent, from GET /api/cadence. */
export function coverage(rows, { link, title = 'Evaluation coverage vs quota', asOf }) {
  return panel(title, bars(rows.map(r => ({
    label: r.id, href: link?.(r.id), value: Math.min(1.5, r.coverage ?? 0), max: 1.5,
    text: `${count(r.evaluationsThisMonth)}/${count(r.quota)}${r.overdue ? ` · ${r.overdue} overdue` : ''}`,
    color: (r.coverage ?? 0) >= 1 ? C.fcr : (r.coverage ?? 0) >= 0.75 ? C.nps : C.bad,
  })), { min: 0, max: 1.5 }), { note: asOf ? `month of ${asOf}` : '' });
}

/** An agent table from the cadence rows, with their summaries when fetched. */
export function agentTable(agents, summaries, link) {
  const status = a => `<span class="status ${a.status}">${esc(a.status)}</span>`;
  return panel('Agents', table(['Agent', 'Contacts', 'QA', 'CSAT', 'AHT', 'FCR', 'Evals this month', 'Next due', 'Status'],
    agents.map(a => {
      const s = summaries[a.agentId] ?? {};
      return [`<a href="${link(a.agentId)}">${esc(a.agentId)}</a>`, count(s.interactions), pct(s.qaScore), pct(s.csat), minutes(s.ahtSeconds),
        share(s.fcrRate), `${count(a.evaluationsThisMonth)}/${count(a.monthlyQuota)}`, esc(a.dueOn ?? dash), status(a)];
    }), { id: 'agents' }), { wide: true });
}

/** Pass rate per scorecard item (all versions together), items failing most first. */
export function items(report) {
  if (!report) return '';
  const byItem = new Map();
  for (const i of report.items) {
    const t = byItem.get(i.itemId) ?? { text: i.text, critical: i.critical, passed: 0, failed: 0, na: 0 };
    t.passed += i.passed; t.failed += i.failed; t.na += i.notApplicable;
    byItem.set(i.itemId, t);
  }
  const rows = [...byItem.entries()].map(([id, t]) => ({ id, ...t, rate: t.passed + t.failed ? t.passed / (t.passed + t.failed) : null }))
    .filter(r => r.rate != null).sort((a, b) => a.rate - b.rate);
  return panel(`Scorecard items · ${report.versions.at(-1)?.name ?? report.scorecardId}`, bars(rows.map(r => ({
    label: r.id + (r.critical ? ' ⚑' : ''), title: r.text, value: 100 * r.rate, text: `${Math.round(100 * r.rate)}% · ${count(r.failed)} no`,
    color: r.rate < 0.6 ? C.bad : r.rate < 0.85 ? C.nps : C.fcr,
  })), { min: 0, max: 100 }), { note: 'pass rate, answered yes or no' });
}

/** Targets that pull against each other, from GET /api/insights/conflicts. */
export function conflicts(list) {
  const body = list.length === 0 ? `<div class="empty">No conflicting targets found in this selection</div>` :
    `<ul class="conflicts">${list.map(c => `<li><div class="pair"><b>${esc(c.metricA)}</b> vs <b>${esc(c.metricB)}</b>
      <span class="effect">${effect(c.effect)} ${esc(c.effectUnit)}</span></div><p>${esc(c.explanation)}</p>${c.cost ? `<p class="cost">Cost: ${esc(c.cost)}</p>` : ''}</li>`).join('')}</ul>`;
  return panel('Conflicting targets', body, { wide: true });
}

/** One agent's QA score with the average evaluator beside the raw mean, and where QA and customers disagree about
 * the agent the gap with its uncertainty and the items behind it (GET /api/insights/agent-scores and
 * /api/insights/disagreeing-agents?agentId=). */
export function standing(report, gap) {
  const a = report?.agents?.[0];
  const adjusted = !a ? `<div class="empty">No randomly picked evaluations of this agent in the range</div>`
    : `<div class="kpis"><div class="kpi" data-kpi="raw"><div class="label">Raw QA mean</div><div class="value">${pct(a.rawMean)}</div>
        <div class="sub">${count(a.evaluations)} random evaluations</div></div>
      <div class="kpi" data-kpi="adjusted"><div class="label">With the average evaluator</div><div class="value">${pct(a.adjusted)}</div>
        <div class="sub">95% CI ${score(a.ci95[0])}–${score(a.ci95[1])} · evaluators moved the raw mean ${signed(a.evaluatorShift)}</div></div></div>
      <p class="note">About ${count(report.evaluationsForMargin5)} evaluations by different evaluators are needed for ±5 points.</p>`;
  const g = gap?.[0];
  const disagreement = !g ? '' : `<div class="gap"><p><b>QA vs customers:</b> gap ${signed(g.gap)} ± ${score(1.96 * g.gapStandardError)} SD (95%).
      ${esc(g.explanation)}</p>${g.items.length ? `<ul>${g.items.map(i => `<li>${esc(i.text ?? i.itemId)}: ${share(i.agentYesRate)} vs ${share(i.centreYesRate)} in the centre,
      associated with ${effect(i.csatEffect)} CSAT points</li>`).join('')}</ul>` : ''}</div>`;
  return panel('Evaluator-adjusted score', adjusted + disagreement, { wide: true, id: 'standing', note: 'random picks only; shrunk toward the centre when evidence is thin' });
}

/** Evaluator leniency with 95% intervals, from GET /api/evaluators/leniency. */
export function leniency(list) {
  const body = bars(list.map(l => ({
    label: l.evaluatorId, title: l.explanation, value: l.difference, interval: l.ci95,
    text: `${signed(l.difference)} · ${l.verdict}`, color: l.verdict === 'in line' ? C.aht : l.difference > 0 ? C.nps : C.qa,
  })), { format: signed });
  return panel('Evaluator leniency', body + calibrationLookup(), { note: 'QA points vs the average evaluator on the same agents, 95% CI' });
}

const calibrationLookup = () => `<form id="calibration" class="inline"><input name="session" placeholder="calibration session id" required>
  <button type="submit">Show results</button></form><div id="calibration-results"></div>`;

/** A closed calibration session's agreement, from GET /api/calibrations/{id}/results. */
export function calibrationResults(r) {
  const o = r.overall;
  const n = v => v == null ? dash : v.toFixed(2);
  const ci = (v, c) => c ? `${n(v)} (${n(c[0])}–${n(c[1])})` : n(v);
  return `<div class="calibration"><p>${count(r.interactions)} contacts, ${count(r.evaluators)} evaluators, ${count(r.submitted)} scored${r.missing.length ? `, ${r.missing.length} missing` : ''}.
    Agreement ${share(o.percentAgreement)}, Krippendorff α nominal ${ci(o.krippendorffAlphaNominal, o.krippendorffAlphaNominalCi95)}, interval ${ci(o.krippendorffAlphaInterval, o.krippendorffAlphaIntervalCi95)}, Fleiss κ ${n(o.fleissKappa)}, Gwet AC1 ${n(o.gwetAc1)}.</p>
    ${table(['Item', 'Agreement', 'α (95% CI)', 'κ', 'AC1'], r.items.slice(0, 6).map(i => [esc(i.itemId), share(i.percentAgreement), ci(i.krippendorffAlpha, i.krippendorffAlphaCi95), n(i.fleissKappa), n(i.gwetAc1)]))}
    <p class="note">α's interval resamples the contacts; AC1 stays near the agreement where κ and α drop on items nearly always “yes”.</p></div>`;
}

/** Forecast volume with its 80% interval and the staffing of each day, from GET /api/forecast/staffing: Erlang C/A
 * staffing of a live channel, or the agents working a deferred channel's contacts within its response target (no
 * service level: nobody waits on a line). */
export function forecast(body) {
  const rows = body.intervals ?? [];
  if (rows.length === 0) return '';
  const deferred = body.model === 'deferred';
  const staffing = r => deferred
    ? { agentsOnPhones: r.agentsWorking, agentsScheduled: r.agentsScheduled, serviceLevel: null, occupancy: r.occupancy }
    : r.staffing;
  const labels = rows.map(r => r.forecast.intervalStart.slice(0, 10));
  const chart = lineChart({
    title: 'Forecast contacts', labels, format: v => count(v), yMin: 0, width: 1300, height: 220,
    series: [{ name: 'Forecast contacts (80% interval)', values: rows.map(r => r.forecast.volume), color: C.qa,
      band: rows.map(r => [r.forecast.volumeLower80, r.forecast.volumeUpper80]) }],
  });
  const peak = body.nextPeak?.day ? `next peak ${body.nextPeak.day}` : '';
  return panel('Forecast and staffing', chart + table(['Day', 'Contacts (80%)', 'Handle time', deferred ? 'Agents working' : 'Agents on phones', 'Agents scheduled', 'Service level', 'Occupancy'],
    rows.map((r, i) => [esc(labels[i]), `${count(r.forecast.volume)} (${count(r.forecast.volumeLower80)}–${count(r.forecast.volumeUpper80)})`,
      minutes(r.forecast.handleSeconds), ...[staffing(r)].flatMap(s => [count(s.agentsOnPhones), count(s.agentsScheduled), share(s.serviceLevel), share(s.occupancy)])]),
    { id: 'forecast' }), { wide: true, note: `whole centre${deferred ? ` · deferred work, answered within ${minutes(body.responseWithinSeconds)}` : ''}${peak ? ` · ${peak}` : ''}` });
}

/** Offered, abandoned, service level and ASA per queue over the range, from GET /api/queues/figures. */
export function queues(list) {
  if (!list || list.length === 0) return '';
  const seconds = v => v == null ? dash : `${score(v)} s`;
  return panel('Queues', table(['Queue', 'Offered', 'Handled', 'Abandoned', 'Abandon rate', 'Service level', 'ASA', 'AHT'],
    list.map(({ queue, total: t }) => [esc(queue), count(t.offered), count(t.handled), count(t.abandoned), share(t.abandonRate),
      share(t.serviceLevel), seconds(t.asaSeconds), minutes(t.ahtSeconds)]), { id: 'queues' }),
    { wide: true, note: 'service level: answered within the centre\'s threshold, of offered; short abandons left out' });
}

/** An agent's latest evaluations, from GET /api/agents/{id}/evaluations. */
export function evaluations(list) {
  const latest = list.filter(e => e.current.evaluation.kind === 'regular').slice(-10).reverse();
  return panel('Latest evaluations', table(['Evaluated', 'Evaluator', 'Score', 'Failed items'], latest.map(e => {
    const ev = e.current.evaluation, sc = e.current.score;
    const failed = ev.answers.filter(a => a.answer === 'no').map(a => a.itemId);
    return [esc(ev.evaluatedAt.slice(0, 10)), esc(ev.evaluatorId), sc?.percent == null ? dash : pct(sc.percent), esc(failed.join(', ') || dash)];
  })), { wide: true });
}

/** A summary's headline figures as table cells: contacts, evaluations, QA, CSAT, NPS, AHT, FCR. */
export const kpiCells = f => [count(f.interactions), count(f.evaluations), pct(f.qaScore), pct(f.csat), signed(f.nps), minutes(f.ahtSeconds), share(f.fcrRate)];
