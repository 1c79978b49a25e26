import type { Problem } from '../problem.js';
import { indexQuestionnaire } from '../questionnaire-index.js';
import type { Findings, VendorFinding } from '../schema/findings.js';
import { NOT_ASSESSED, verdictsOf, type Questionnaire } from '../schema/questionnaire.js';
import { ratingScore, scoreSections } from '../scoring/score-sections.js';
import { questionLinePoints, scoredDigest, scoredWith } from './build-findings.js';

// A snapshot is checked against itself: each vendor's question lines against their digest, its
// verdict against its score and the verdict bands, and, with the questionnaire it was scored with
// at hand, its sections and score against what its question lines and the section weights give.
// A hand edit (a score raised to 99.9) is refused, naming the vendor and the field. Pure.

const INTEGER_KEY = /^(0|[1-9]\d*)$/;

/** `checked`: told how many vendors are checked so far, now and then (for a progress line). */
export function checkFindings(findings: Findings, file: string, questionnaire?: Questionnaire, checked?: (done: number) => void): Problem[] {
  const problems: Problem[] = [];
  const scoredBy = questionnaire && scoredWith(questionnaire, findings.questionnaire.hash) ? questionnaire : undefined;
  const bands = findings.questionnaire.verdicts ?? (scoredBy ? verdictsOf(scoredBy).verdicts : undefined);
  const sectionOf = scoredBy ? new Map(indexQuestionnaire(scoredBy).questions.map((q) => [q.question.id, q.sectionKey])) : undefined;
  const hint = `the snapshot was edited by hand: score the quarter again (aiclaim score --period ${findings.period}), or restore the file from version control`;
  for (const [i, v] of findings.vendors.entries()) {
    if (checked && i % 250 === 0) checked(i);
    const say = (field: string, message: string) => problems.push({ file, message: `vendor ${v.id}, ${field}: ${message}`, hint, severity: 'error' });
    // An id JavaScript orders as a number would reorder the lines: the digest is then not checked.
    if (
      !Object.keys(v.questions).some((id) => INTEGER_KEY.test(id)) &&
      scoredDigest(Object.entries(v.questions).map(([id, line]) => `${id} ${line}`)) !== v.digest
    ) {
      say('questions', 'the question lines do not match the digest written with them');
    }
    if ((v.score === null) !== (v.verdict === NOT_ASSESSED.id)) {
      say(
        'verdict',
        v.score === null ? `"${v.verdict}" with no score (a vendor with no score is ${NOT_ASSESSED.id})` : `${NOT_ASSESSED.id} with a score of ${v.score}`,
      );
    }
    if (bands && v.score !== null && v.verdict !== NOT_ASSESSED.id) {
      const byScore = bands.findIndex((b) => v.score! >= b.min);
      const given = bands.findIndex((b) => b.id === v.verdict);
      // A red flag may hold a verdict below what the score gives, never above it.
      if (given === -1) say('verdict', `"${v.verdict}" is not one of the verdicts (${bands.map((b) => b.id).join(', ')})`);
      else if (byScore !== -1 && (v.cappedBy ? given < byScore : given !== byScore))
        say(
          'verdict',
          `${v.verdict} does not follow from the score ${v.score} (it gives ${bands[byScore]!.id}${v.cappedBy ? ', and a cap only lowers it' : ''})`,
        );
    }
    if (scoredBy && sectionOf) recompute(v, scoredBy, sectionOf, say);
  }
  return problems;
}

/** The sections and the score again, from the question lines and the questionnaire's weights. */
function recompute(
  v: VendorFinding,
  questionnaire: Questionnaire,
  sectionOf: ReadonlyMap<string, string>,
  say: (field: string, message: string) => void,
): void {
  const questions: { section: string; points: number; possible: number }[] = [];
  for (const id of Object.keys(v.questions)) {
    const section = sectionOf.get(id);
    if (section === undefined) continue;
    const { points, possible } = questionLinePoints(v.questions[id]!);
    questions.push({ section, points, possible });
  }
  const sections = scoreSections(questionnaire, questions);
  for (const s of sections) {
    const recorded = Object.hasOwn(v.sections, s.key) ? v.sections[s.key] : undefined;
    if (!recorded) continue;
    if (recorded.score !== s.score || recorded.earned !== s.earned || recorded.possible !== s.possible) {
      say(
        `sections.${s.key}`,
        `score ${recorded.score ?? 'null'} (${recorded.earned} of ${recorded.possible}) is not what its question lines give: ${s.score ?? 'null'} (${s.earned} of ${s.possible})`,
      );
    }
  }
  if (v.score === null) return;
  const legitimacy = ratingScore(questionnaire, sections, 'legitimacy');
  if (legitimacy.score !== v.score) say('score', `${v.score} is not what its question lines and the section weights give (${legitimacy.score ?? 'no score'})`);
}
