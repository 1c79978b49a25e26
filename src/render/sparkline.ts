// A score line in one word: ▁▂▃▄▅▆▇█ on the fixed 0–100 scale, so vendors compare at a glance.
// A quarter before the vendor's first snapshot is a space; a carried value (the vendor missing
// from that snapshot) is drawn the same height but as a dotted mark.

const BARS = '▁▂▃▄▅▆▇█';
const CARRIED = '┄';

export function sparkline(points: readonly { score: number | null; carried: boolean }[]): string {
  return points
    .map((p) => {
      if (p.score === null) return ' ';
      if (p.carried) return CARRIED;
      return BARS[Math.min(BARS.length - 1, Math.floor((p.score / 100) * BARS.length))]!;
    })
    .join('');
}
