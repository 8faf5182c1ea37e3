// Number formats of the dashboard: one place so every tile and table agrees.
const nf = (digits) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const n0 = nf(0), n1 = nf(1), n2 = nf(2);

export const dash = '–';
export const pct = v => v == null ? dash : `${n1.format(v)}%`;
export const share = v => v == null ? dash : `${n0.format(100 * v)}%`;
export const score = v => v == null ? dash : n1.format(v);
export const signed = v => v == null ? dash : `${v > 0 ? '+' : ''}${n1.format(v)}`;
/** An effect as its explanation words it: two decimals below 10 (CSAT points, points of a rate), whole numbers above. */
export const effect = v => v == null ? dash : `${v > 0 ? '+' : ''}${(Math.abs(v) >= 10 ? n0 : n2).format(v)}`;
export const count = v => v == null ? dash : n0.format(v);
export const minutes = seconds => {
  if (seconds == null) return dash;
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Escapes text for HTML built in template strings. */
export const esc = v => String(v ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
