import { describeCondition } from '../core/conditions/describe-condition.js';
import { MARTECH_CATEGORIES } from '../core/martech-categories.js';
import { indexQuestionnaire } from '../core/questionnaire-index.js';
import { claimRulesOf, ratesRisk, riskBandsOf, verdictsOf, type Question, type Questionnaire, type Section } from '../core/schema/questionnaire.js';
import { describeBand, possiblePoints } from '../core/scoring/question-rules.js';
import { mdCode, mdEscape } from './markdown.js';
import { points, severityStyle, type Style } from './style.js';

// A questionnaire as an outline a reviewer can read: what is asked, when, and what each answer earns.
// Terminal text: the command hands in a model made safe with terminalSafe (terminal-text.ts).

export function questionnaireOutline(questionnaire: Questionnaire, style: Style): string {
  const index = indexQuestionnaire(questionnaire);
  const lines: string[] = [];
  lines.push(`${style.bold(questionnaire.title)} ${style.dim(`(${questionnaire.id} ${questionnaire.version})`)}`);
  if (questionnaire.description) lines.push(wrap(questionnaire.description, 0));
  lines.push('');
  lines.push(`${style.bold('Scoring')}: ${scoringSummary(questionnaire)}`);
  lines.push(`${index.questions.length} questions in ${index.sections.length} sections.`);
  const visit = (section: Section, number: string, depth: number) => {
    const indent = '  '.repeat(depth);
    const total = index.questions
      .filter((q) => q.sectionPath.join('/').startsWith(sectionKey(index, section)))
      .reduce((sum, q) => sum + possiblePoints(q.question), 0);
    lines.push('');
    const feeds = depth === 0 && ratesRisk(questionnaire) ? `, feeds ${section.rating ?? 'legitimacy'}` : '';
    lines.push(
      `${indent}${style.bold(`${number} ${section.title}`)} ${style.dim(`[${section.id}] weight ${section.weight}, up to ${points(total)} points${feeds}`)}`,
    );
    section.questions?.forEach((question, i) =>
      lines.push(...questionLines(question, `${number}.${i + 1}`, indent + '  ', style, decisiveFor(questionnaire, question.id))),
    );
    section.sections?.forEach((child, i) => visit(child, `${number}.${i + 1}`, depth + 1));
  };
  questionnaire.sections.forEach((section, i) => visit(section, String(i + 1), 0));
  if (questionnaire.redFlags?.length) {
    lines.push('');
    lines.push(style.bold('Red flags'));
    const caps = { legitimacy: verdictsOf(questionnaire).caps, risk: riskBandsOf(questionnaire).caps };
    for (const flag of questionnaire.redFlags) {
      const cap = flag.cap ?? caps[flag.rating][flag.severity];
      const held = cap ? (flag.rating === 'risk' ? ` (risk at best ${cap})` : ` (verdict at most ${cap})`) : '';
      lines.push(`  ${severityStyle(style, flag.severity)(flag.severity.toUpperCase())} ${flag.id}: ${flag.title}${style.dim(held)}`);
      lines.push(style.dim(`    when ${describeCondition(flag.when)}`));
    }
  }
  lines.push('');
  lines.push(`${style.bold('Martech categories')} (in priority order): ${MARTECH_CATEGORIES.map((c) => c.id).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function sectionKey(index: ReturnType<typeof indexQuestionnaire>, section: Section): string {
  return index.sections.find((s) => s.section === section)!.key;
}

function scoringSummary(questionnaire: Questionnaire): string {
  const { verdicts, caps: capped } = verdictsOf(questionnaire);
  const caps = Object.entries(capped).map(([severity, cap]) => `${severity} findings cap the verdict at ${cap}`);
  const assessment = questionnaire.scoring.assessment;
  const parts = [
    questionnaire.scoring.method === 'points' ? 'total points (sections unweighted)' : 'weighted mean of section scores',
    'questions not asked yet are out of the score; declined ones score zero',
    `answers missing required evidence earn ${Math.round(questionnaire.scoring.unverifiedShare * 100)}%; text answers earn only with evidence`,
    `verdicts ${verdicts.map((v) => `${v.label} ≥ ${v.min}`).join(', ')}`,
    assessment
      ? `a verdict needs ${assessment.minimum ?? assessment.decisive.length} of the decisive questions answered or declined, or a critical finding`
      : 'a verdict needs one scored answer',
    ...caps,
  ];
  if (ratesRisk(questionnaire)) {
    const risk = riskBandsOf(questionnaire);
    const a = questionnaire.scoring.risk?.assessment;
    parts.push(
      `risk rated apart: ${risk.bands.map((b) => `${b.label} ≥ ${b.min}`).join(', ')} (safeguards, higher is safer)${a ? `, given once ${a.minimum ?? a.decisive.length} of ${a.decisive.join(', ')} are answered` : ''}`,
    );
  }
  const claims = claimRulesOf(questionnaire);
  parts.push(
    `a claim contradicted by the record is ${claims.contradicted.severity}; a figure within ${Math.round(claims.tolerance * 100)}% of the claim is disputed, not contradicted`,
  );
  return parts.join('; ');
}

/** "decisive for the verdict" / "decisive for risk", when the questionnaire says so. */
function decisiveFor(questionnaire: Questionnaire, id: string): string | undefined {
  if (questionnaire.scoring.assessment?.decisive.includes(id)) return 'decisive for the verdict';
  if (questionnaire.scoring.risk?.assessment?.decisive.includes(id)) return 'decisive for risk';
  return undefined;
}

function questionLines(question: Question, number: string, indent: string, style: Style, decisive?: string): string[] {
  const lines: string[] = [];
  const facts = [
    question.type === 'number' ? `number (${question.unit})` : question.type,
    `evidence ${question.evidence}`,
    `up to ${points(possiblePoints(question))} points`,
    ...(decisive ? [decisive] : []),
  ];
  if (question.notApplicable) facts.push('may be not applicable');
  lines.push(`${indent}${number} ${style.bold(question.id)} ${style.dim(facts.join(' · '))}`);
  lines.push(`${indent}    ${question.text}`);
  if (question.when) lines.push(style.dim(`${indent}    asked when ${describeCondition(question.when)}`));
  const rule = ruleText(question);
  if (rule) lines.push(style.dim(`${indent}    ${rule}`));
  if (question.maps?.length) lines.push(style.dim(`${indent}    maps: ${question.maps.map((m) => `${m.framework} ${m.ref}`).join('; ')}`));
  return lines;
}

function ruleText(question: Question): string | undefined {
  switch (question.type) {
    case 'boolean': {
      const p = question.points;
      if (p === undefined) return undefined;
      return typeof p === 'number' ? `yes ${p}, no 0` : `yes ${p.yes}, no ${p.no}`;
    }
    case 'choice':
    case 'multi':
      return `${question.options.map((o) => `${o.value} ${o.points ?? 0}`).join(', ')}${question.type === 'multi' && question.cap !== undefined ? ` (capped at ${question.cap})` : ''}`;
    case 'number':
      return question.bands?.map((b) => `${describeBand(b, question.unit)}: ${b.points}`).join(', ');
    case 'list':
      if (!question.points) return question.binds ? `recorded under ${question.binds}:` : undefined;
      return 'delivery' in question.points
        ? `up to ${question.points.delivery} for commitments kept (on time whole, late half)`
        : `${question.points.perItem} per item, up to ${question.points.cap}`;
    case 'track-record':
      return `up to ${question.points} for the share of roadmap promises kept on time across snapshots (computed, not asked)`;
    case 'text':
      return question.points ? `an answer earns ${question.points}, only with evidence` : undefined;
    default:
      return question.points ? `an answer earns ${question.points}` : undefined;
  }
}

function wrap(text: string, indent: number): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line.length + word.length + 1 > 100 - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

export function questionnaireMarkdown(questionnaire: Questionnaire): string {
  const out: string[] = [
    `# ${mdEscape(questionnaire.title)}\n`,
    `${mdCode(questionnaire.id)} version ${mdEscape(questionnaire.version)}. Scoring: ${mdEscape(scoringSummary(questionnaire))}.\n`,
  ];
  if (questionnaire.description) out.push(`${mdEscape(questionnaire.description)}\n`);
  const visit = (section: Section, depth: number) => {
    const feeds = depth === 0 && ratesRisk(questionnaire) ? `, feeds ${section.rating ?? 'legitimacy'}` : '';
    out.push(`${'#'.repeat(Math.min(6, depth + 2))} ${mdEscape(section.title)} (weight ${section.weight}${feeds})\n`);
    for (const question of section.questions ?? []) {
      const decisive = decisiveFor(questionnaire, question.id);
      out.push(`- **${mdCode(question.id)}** (${question.type}, evidence ${question.evidence}${decisive ? `, ${decisive}` : ''}): ${mdEscape(question.text)}`);
      if (question.when) out.push(`  - asked when ${mdEscape(describeCondition(question.when))}`);
      const rule = ruleText(question);
      if (rule) out.push(`  - points: ${mdEscape(rule)}`);
      if (question.maps?.length) out.push(`  - maps: ${mdEscape(question.maps.map((m) => `${m.framework} ${m.ref}`).join('; '))}`);
    }
    out.push('');
    for (const child of section.sections ?? []) visit(child, depth + 1);
  };
  for (const section of questionnaire.sections) visit(section, 0);
  if (questionnaire.redFlags?.length) {
    out.push('## Red flags\n');
    for (const flag of questionnaire.redFlags)
      out.push(
        `- **${flag.severity}**${flag.rating === 'risk' ? ' (risk)' : ''} ${mdCode(flag.id)}: ${mdEscape(flag.title)}. When ${mdEscape(describeCondition(flag.when))}.`,
      );
    out.push('');
  }
  return out.join('\n');
}
