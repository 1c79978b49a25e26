import type { Questionnaire, RatingKind, Section } from '../schema/questionnaire.js';
import type { QuestionScore, SectionScore } from './types.js';

// Section scores (earned over possible, where possible counts only what is answered or declined),
// and each rating's score: the weighted mean of the top-level sections that feed it.

/** Only where each question sits and its points count: a snapshot's question lines score the same way. */
export function scoreSections(questionnaire: Questionnaire, questions: readonly Pick<QuestionScore, 'section' | 'points' | 'possible'>[]): SectionScore[] {
  const out: SectionScore[] = [];
  const pointsMethod = questionnaire.scoring.method === 'points';
  const bySection = new Map<string, { earned: number; possible: number }>();
  for (const q of questions) {
    const entry = bySection.get(q.section) ?? { earned: 0, possible: 0 };
    entry.earned += q.points;
    entry.possible += q.possible;
    bySection.set(q.section, entry);
  }
  const visit = (section: Section, parent: string[], rating: RatingKind): { fraction: number | null; earned: number; possible: number } => {
    const path = [...parent, section.id];
    const key = path.join('/');
    const slot = out.length;
    out.push(undefined as unknown as SectionScore);
    let earned = 0;
    let possible = 0;
    let fraction: number | null;
    if (section.questions) {
      const own = bySection.get(key);
      earned = own?.earned ?? 0;
      possible = own?.possible ?? 0;
      fraction = possible > 0 ? earned / possible : null;
    } else {
      const children = section.sections!.map((child) => ({ child, result: visit(child, path, rating) }));
      for (const { result } of children) {
        earned += result.earned;
        possible += result.possible;
      }
      if (pointsMethod) {
        fraction = possible > 0 ? earned / possible : null;
      } else {
        const counted = children.filter(({ result }) => result.fraction !== null);
        const weights = counted.reduce((sum, { child }) => sum + child.weight, 0);
        fraction = weights > 0 ? counted.reduce((sum, { child, result }) => sum + child.weight * result.fraction!, 0) / weights : null;
      }
    }
    out[slot] = {
      key,
      title: section.title,
      depth: parent.length,
      weight: section.weight,
      rating,
      score: fraction === null ? null : round1(fraction * 100),
      earned: round2(earned),
      possible: round2(possible),
    };
    return { fraction, earned, possible };
  };
  for (const section of questionnaire.sections) visit(section, [], section.rating ?? 'legitimacy');
  return out;
}

/** A rating's score from its top-level sections, 0-100; null when none of them counts anything. */
export function ratingScore(
  questionnaire: Questionnaire,
  sections: readonly SectionScore[],
  kind: RatingKind,
): { score: number | null; earned: number; possible: number } {
  const top = sections.filter((s) => s.depth === 0 && s.rating === kind);
  const earned = top.reduce((sum, s) => sum + s.earned, 0);
  const possible = top.reduce((sum, s) => sum + s.possible, 0);
  let score: number | null;
  if (questionnaire.scoring.method === 'points') {
    score = possible > 0 ? (100 * earned) / possible : null;
  } else {
    const counted = top.filter((s) => s.score !== null);
    const weights = counted.reduce((sum, s) => sum + s.weight, 0);
    score = weights > 0 ? counted.reduce((sum, s) => sum + s.weight * s.score!, 0) / weights : null;
  }
  return { score: score === null ? null : round1(score), earned: round2(earned), possible: round2(possible) };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
