// Number formats of the dashboard: one place so every tile and table agrees.
const nf = (digits) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const n0 = nf(0), n1 = nf(1);

export const dash = '–';
export const pct = v => v == null ? dash : `${n1.format(v)}%`;
export const share = v => v == null ? dash : `${n0.format(100 * v)}%`;
export const score = v => v == null ? dash : n1.format(v);
export const signed = v => v == null ? dash : `${v > 0 ? '+' : ''}${n1.format(v)}`;
export const count = v => v == null ? dash : n0.format(v);
export const minutes = seconds => {
  if (seconds == null) return dash;
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Escapes text for HTML built in template strings. */
export const esc = v => String(v ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
