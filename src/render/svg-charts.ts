import { shorten } from '../core/shorten.js';
import type { Tone } from '../core/scoring/verdict-scale.js';
import { html, type Markup } from './html.js';

// Charts as inline SVG: no script, no network. Each verdict has a fill pattern as well as a shade,
// and every bar carries its value and verdict in text, so the charts read in greyscale and print.

/** A verdict's fill by its place on the questionnaire's scale (verdict-scale.ts); none for not assessed. */
export function toneFill(tone: Tone | undefined): string {
  return tone === 'best' ? 'url(#fill-solid)' : tone === 'good' ? 'url(#fill-hatch)' : tone === 'poor' ? 'url(#fill-dots)' : tone === 'worst' ? 'url(#fill-light)' : 'url(#fill-none)';
}

/** Pattern definitions, once per page. */
export function chartDefs(): Markup {
  return html`<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>
<pattern id="fill-solid" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#1f2937"/></pattern>
<pattern id="fill-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#e5e7eb"/><line x1="0" y1="0" x2="0" y2="6" stroke="#374151" stroke-width="3"/></pattern>
<pattern id="fill-dots" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#f3f4f6"/><circle cx="3" cy="3" r="1.4" fill="#4b5563"/></pattern>
<pattern id="fill-light" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/><path d="M0 6 L6 0" stroke="#9ca3af" stroke-width="1"/></pattern>
<pattern id="fill-none" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="0.7" fill="#9ca3af"/></pattern>
</defs></svg>`;
}

export interface Bar {
  label: string;
  value: number;
  tone: Tone | undefined;
  /** Text after the bar, e.g. "96.9 · Substantiated". */
  note: string;
}

/** Horizontal bars on a fixed scale, with reference lines (e.g. the verdict thresholds). */
export function barChart(bars: readonly Bar[], options: { max: number; title: string; marks?: { at: number; label: string }[] }): Markup {
  const labelWidth = 210;
  const barWidth = 400;
  const noteWidth = 190;
  const row = 22;
  const top = 26;
  const width = labelWidth + barWidth + noteWidth;
  const height = top + bars.length * row + 8;
  const x = (v: number) => labelWidth + (Math.max(0, Math.min(options.max, v)) / options.max) * barWidth;
  const marks = (options.marks ?? []).map(
    (m) => html`<line x1="${x(m.at)}" y1="${top - 6}" x2="${x(m.at)}" y2="${height - 4}" stroke="#6b7280" stroke-dasharray="3 3"/><text x="${x(m.at)}" y="${top - 10}" text-anchor="middle" class="mark">${m.label}</text>`,
  );
  const rows = bars.map((b, i) => {
    const y = top + i * row;
    return html`<g><text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label">${shorten(b.label, 30)}</text><rect x="${labelWidth}" y="${y + 3}" width="${Math.max(1, x(b.value) - labelWidth)}" height="${row - 6}" fill="${toneFill(b.tone)}" stroke="#111827" stroke-width="0.6"/><text x="${x(b.value) + 6}" y="${y + 15}" class="value">${b.note}</text></g>`;
  });
  return html`<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${options.title}"><title>${options.title}</title>${marks}${rows}</svg>`;
}
