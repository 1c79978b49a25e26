import { shorten } from '../core/shorten.js';
import type { Tone } from '../core/scoring/verdict-scale.js';
import { html, type Markup } from './html.js';

// Charts as inline SVG: no script, no network. Each verdict has a fill pattern as well as a shade,
// and every bar carries its value and verdict in text, so the charts read in greyscale and print.

/** A verdict's fill by its place on the questionnaire's scale (verdict-scale.ts); none for not assessed. */
export function toneFill(tone: Tone | undefined): string {
  return tone === 'best'
    ? 'url(#fill-solid)'
    : tone === 'good'
      ? 'url(#fill-hatch)'
      : tone === 'poor'
        ? 'url(#fill-dots)'
        : tone === 'worst'
          ? 'url(#fill-light)'
          : 'url(#fill-none)';
}

/**
 * Pattern definitions, once per page. Each verdict has its colour (green for the best, a lighter
 * green above the middle, amber below it, red for the worst, grey for not assessed) and, on top, a
 * pattern of its own (solid, hatched, dotted, striped, sparse dots): printed in greyscale, the
 * patterns and the text beside every bar still tell the verdicts apart.
 */
export function chartDefs(): Markup {
  return html`<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs><pattern id="fill-solid" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#166534" /></pattern><pattern id="fill-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#bbf7d0" /><line x1="0" y1="0" x2="0" y2="6" stroke="#15803d" stroke-width="3" /></pattern><pattern id="fill-dots" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fde68a" /><circle cx="3" cy="3" r="1.4" fill="#92400e" /></pattern><pattern id="fill-light" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fecaca" /><path d="M0 6 L6 0" stroke="#b91c1c" stroke-width="1.2" /></pattern><pattern id="fill-none" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff" /><circle cx="3" cy="3" r="0.7" fill="#6b7280" /></pattern></defs></svg>`;
}

/** A verdict's colour in text and borders (the same scale as the fills). */
export function toneColour(tone: Tone | undefined): string {
  return tone === 'best' ? '#166534' : tone === 'good' ? '#15803d' : tone === 'poor' ? '#b45309' : tone === 'worst' ? '#b91c1c' : '#6b7280';
}

export interface Bar {
  label: string;
  value: number;
  tone: Tone | undefined;
  /** Text after the bar, e.g. "96.9 · Substantiated". */
  note: string;
}

/**
 * Horizontal bars on a fixed scale, with reference lines (e.g. the verdict thresholds). `gap`: a row
 * of text after the bar at that index, for the vendors left out between the best and the worst.
 */
export function barChart(
  bars: readonly Bar[],
  options: { max: number; title: string; marks?: { at: number; label: string }[]; gap?: { after: number; label: string } | undefined },
): Markup {
  const labelWidth = 210;
  const barWidth = 400;
  const noteWidth = 190;
  const row = 19;
  const top = 26;
  const width = labelWidth + barWidth + noteWidth;
  const gap = options.gap && options.gap.after >= 0 && options.gap.after < bars.length - 1 ? options.gap : undefined;
  const height = top + (bars.length + (gap ? 1 : 0)) * row + 8;
  const x = (v: number) => labelWidth + (Math.max(0, Math.min(options.max, v)) / options.max) * barWidth;
  const marks = (options.marks ?? []).map(
    (m) =>
      html`<line x1="${x(m.at)}" y1="${top - 6}" x2="${x(m.at)}" y2="${height - 4}" stroke="#6b7280" stroke-dasharray="3 3" /><text x="${x(m.at)}" y="${top - 10}" text-anchor="middle" class="mark">${m.label}</text>`,
  );
  const rows = bars.map((b, i) => {
    const y = top + (gap && i > gap.after ? i + 1 : i) * row;
    return html`<g><text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end" class="label">${shorten(b.label, 30)}</text><rect x="${labelWidth}" y="${y + 2}" width="${Math.max(1, x(b.value) - labelWidth)}" height="${row - 4}" fill="${toneFill(b.tone)}" stroke="#111827" stroke-width="0.6"/><text x="${x(b.value) + 6}" y="${y + 14}" class="value">${b.note}</text></g>`;
  });
  const between = gap ? html`<text x="${labelWidth}" y="${top + (gap.after + 1) * row + 14}" class="mark">${gap.label}</text>` : '';
  return html`<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${options.title}"><title>${options.title}</title>${marks}${rows}${between}</svg>`;
}

interface Series {
  label: string;
  /** One value per quarter; undefined where not given (the line breaks there). */
  values: readonly (number | undefined)[];
  /** Drawn solid or dashed, and marked with circles or squares, so the two read apart in greyscale. */
  dashed: boolean;
}

/**
 * Lines across quarters on one scale from zero, each point with its value in text (`format`), and
 * a legend: for a few quarters of two figures, such as technology spend per customer against CAC.
 */
export function lineChart(periods: readonly string[], series: readonly Series[], options: { title: string; format: (n: number) => string }): Markup {
  const left = 16;
  const step = 150;
  const top = 44;
  const plot = 90;
  const width = Math.max(420, left * 2 + step * Math.max(1, periods.length - 1) + 120);
  const height = top + plot + 34;
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== undefined)));
  const x = (i: number) => left + 40 + i * step;
  const y = (v: number) => top + plot - (v / max) * plot;
  const legend = series.map(
    (s, i) =>
      html`<line x1="${left + i * 260}" y1="12" x2="${left + 26 + i * 260}" y2="12" stroke="#111827" stroke-width="2" stroke-dasharray="${s.dashed ? '6 4' : 'none'}"/><text x="${left + 32 + i * 260}" y="16" class="label">${s.label}</text>`,
  );
  const lines = series.map((s) => {
    const points = s.values.flatMap((v, i) => (v === undefined ? [] : [{ i, v }]));
    const segments = points.slice(1).filter((p, k) => p.i === points[k]!.i + 1);
    const path = segments.map(
      (p) =>
        html`<line x1="${x(p.i - 1)}" y1="${y(s.values[p.i - 1]!)}" x2="${x(p.i)}" y2="${y(p.v)}" stroke="#111827" stroke-width="2" stroke-dasharray="${s.dashed ? '6 4' : 'none'}"/>`,
    );
    const marks = points.map((p) =>
      s.dashed
        ? html`<rect x="${x(p.i) - 4}" y="${y(p.v) - 4}" width="8" height="8" fill="#ffffff" stroke="#111827" /><text x="${x(p.i) + 8}" y="${y(p.v) - 6}" class="value">${options.format(p.v)}</text>`
        : html`<circle cx="${x(p.i)}" cy="${y(p.v)}" r="4" fill="#111827" /><text x="${x(p.i) + 8}" y="${y(p.v) + 16}" class="value">${options.format(p.v)}</text>`,
    );
    return html`${path}${marks}`;
  });
  const axis = periods.map((p, i) => html`<text x="${x(i)}" y="${top + plot + 24}" text-anchor="middle" class="mark">${p}</text>`);
  return html`<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${options.title}"><title>${options.title}</title><line x1="${left}" y1="${top + plot}" x2="${width - left}" y2="${top + plot}" stroke="#6b7280" />${legend}${lines}${axis}</svg>`;
}
