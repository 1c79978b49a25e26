// A score line in one word: ▁▂▃▄▅▆▇█ on the fixed 0–100 scale, so vendors compare at a glance.
// A quarter before the vendor's first snapshot is a space, a quarter it was not assessed a dot
// (never a zero); a carried value (the vendor missing from that snapshot) is a dashed mark.

const BARS = '▁▂▃▄▅▆▇█';
const CARRIED = '┄';

const NOT_ASSESSED = '·';

export function sparkline(points: readonly { score: number | null; verdict?: string | null; carried: boolean }[]): string {
  return points
    .map((p) => {
      if (p.score === null) return p.verdict ? NOT_ASSESSED : ' ';
      if (p.carried) return CARRIED;
      return BARS[Math.min(BARS.length - 1, Math.floor((p.score / 100) * BARS.length))]!;
    })
    .join('');
}
