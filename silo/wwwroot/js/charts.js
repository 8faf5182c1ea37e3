// Small SVG charts drawn by hand: a trend line chart (with an optional interval band) and horizontal bars.
import { esc } from './format.js';

const PAD = { l: 44, r: 16, t: 12, b: 28 };

/** Rounds a data range out to "nice" tick steps. */
function ticks(min, max, count = 5) {
  if (min === max) { min -= 1; max += 1; }
  const raw = (max - min) / count, mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw);
  const lo = Math.floor(min / step) * step, hi = Math.ceil(max / step) * step;
  const values = [];
  for (let v = lo; v <= hi + step / 2; v += step) values.push(+v.toFixed(10));
  return values;
}

/**
 * A line chart of one or more series over the same labels.
 * series: [{ name, values: (number|null)[], color, dashed?, band?: ([lo, hi]|null)[] }]
 * format(value, step) labels values; axis ticks pass their step so fine scales can show decimals.
 */
export function lineChart({ labels, series, format = v => v, yMin, yMax, title = '', width = 640, height = 220 }) {
  // The drawing is as wide as the panel is expected to be, so text keeps its size when the SVG scales.
  const W = width, H = height;
  const all = series.flatMap(s => [...s.values, ...(s.band ?? []).flat()]).filter(v => v != null && Number.isFinite(v));
  if (labels.length === 0 || all.length === 0) return `<div class="empty">No data for this selection</div>`;
  const ys = ticks(yMin ?? Math.min(...all), yMax ?? Math.max(...all));
  const y0 = ys[0], y1 = ys[ys.length - 1];
  const x = i => PAD.l + (labels.length === 1 ? (W - PAD.l - PAD.r) / 2 : i * (W - PAD.l - PAD.r) / (labels.length - 1));
  const y = v => PAD.t + (1 - (v - y0) / (y1 - y0)) * (H - PAD.t - PAD.b);
  const every = Math.ceil(labels.length / Math.max(2, Math.floor(W / 90)));

  const grid = ys.map(v => `<line class="grid" x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(v)}" y2="${y(v)}"/>
    <text class="tick" x="${PAD.l - 6}" y="${y(v) + 4}" text-anchor="end">${esc(format(v, ys[1] - ys[0]))}</text>`).join('');
  const last = labels.length - 1;
  // Every few labels, and the last one, unless a regular one would crowd it.
  const xlabels = labels.map((l, i) => (i % every === 0 && (i === last || last - i >= every / 2 + 0.5)) || i === last
    ? `<text class="tick" x="${x(i)}" y="${H - 8}" text-anchor="${labels.length > 1 && i === 0 ? 'start' : i === labels.length - 1 && i > 0 ? 'end' : 'middle'}">${esc(l)}</text>` : '').join('');

  const paths = series.map(s => {
    const band = s.band ? segments(s.band.map((b, i) => b ? [i, b] : null)).map(seg =>
      `<path class="band" fill="${s.color}" d="M${seg.map(([i, b]) => `${x(i)},${y(b[1])}`).join('L')}L${seg.reverse().map(([i, b]) => `${x(i)},${y(b[0])}`).join('L')}Z"/>`).join('') : '';
    const lines = segments(s.values.map((v, i) => v == null ? null : [i, v])).map(seg =>
      `<path class="line${s.dashed ? ' dashed' : ''}" stroke="${s.color}" d="M${seg.map(([i, v]) => `${x(i)},${y(v)}`).join('L')}"/>`).join('');
    const dots = s.values.map((v, i) => v == null ? '' :
      `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${s.color}"><title>${esc(s.name)} ${esc(labels[i])}: ${esc(format(v))}</title></circle>`).join('');
    return band + lines + dots;
  }).join('');

  const legend = series.map(s => `<span><i style="background:${s.color}"></i>${esc(s.name)}</span>`).join('');
  return `<figure class="chart"><div class="legend">${legend}</div>
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">${grid}${xlabels}${paths}</svg></figure>`;
}

// Runs of consecutive non-null points, so a gap in the data is a gap in the line.
function segments(points) {
  const runs = [];
  let run = [];
  for (const p of points) {
    if (p) run.push(p);
    else if (run.length) { runs.push(run); run = []; }
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * Horizontal bars, one row each: rows [{ label, value, text, color?, interval?: [lo, hi], href? }].
 * min/max fix the scale; a zero line is drawn when the scale crosses zero.
 */
export function bars(rows, { min = 0, max, format = v => v } = {}) {
  if (rows.length === 0) return `<div class="empty">No data for this selection</div>`;
  const hi = max ?? Math.max(...rows.flatMap(r => [r.value, ...(r.interval ?? [])]));
  const lo = Math.min(min, ...rows.flatMap(r => [r.value, ...(r.interval ?? [])]));
  const at = v => `${(100 * (Math.max(lo, Math.min(hi, v)) - lo) / ((hi - lo) || 1)).toFixed(2)}%`;
  const zero = lo < 0 ? `<i class="zero" style="left:${at(0)}"></i>` : '';
  return `<div class="bars">${rows.map(r => {
    const from = Math.min(0, r.value) < lo ? lo : Math.min(0, r.value), to = Math.max(0, r.value);
    const whisker = r.interval ? `<i class="whisker" style="left:${at(r.interval[0])};width:calc(${at(r.interval[1])} - ${at(r.interval[0])})"></i>` : '';
    const label = r.href ? `<a href="${esc(r.href)}">${esc(r.label)}</a>` : esc(r.label);
    return `<div class="row"><span class="label" title="${esc(r.title ?? r.label)}">${label}</span>
      <span class="track">${zero}<i class="fill" style="left:${at(from)};width:calc(${at(to)} - ${at(from)});background:${r.color ?? 'var(--accent)'}"></i>${whisker}</span>
      <span class="num">${esc(r.text ?? format(r.value))}</span></div>`;
  }).join('')}</div>`;
}
