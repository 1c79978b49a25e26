import { describeCondition } from '../core/conditions/describe-condition.js';
import { MARTECH_CATEGORIES } from '../core/martech-categories.js';
import { indexQuestionnaire } from '../core/questionnaire-index.js';
import { verdictsOf, type Question, type Questionnaire, type Section } from '../core/schema/questionnaire.js';
import { describeBand, possiblePoints } from '../core/scoring/question-rules.js';
import { mdEscape } from './markdown.js';
import { points, severityStyle, type Style } from './style.js';

// A questionnaire as an outline a reviewer can read: what is asked, when, and what each answer earns.

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
    const total = index.questions.filter((q) => q.sectionPath.join('/').startsWith(sectionKey(index, section))).reduce((sum, q) => sum + possiblePoints(q.question), 0);
    lines.push('');
    lines.push(`${indent}${style.bold(`${number} ${section.title}`)} ${style.dim(`[${section.id}] weight ${section.weight}, up to ${points(total)} points`)}`);
    section.questions?.forEach((question, i) => lines.push(...questionLines(question, `${number}.${i + 1}`, indent + '  ', style)));
    section.sections?.forEach((child, i) => visit(child, `${number}.${i + 1}`, depth + 1));
  };
  questionnaire.sections.forEach((section, i) => visit(section, String(i + 1), 0));
  if (questionnaire.redFlags?.length) {
    lines.push('');
    lines.push(style.bold('Red flags'));
    const { caps } = verdictsOf(questionnaire);
    for (const flag of questionnaire.redFlags) {
      const cap = flag.cap ?? caps[flag.severity];
      lines.push(`  ${severityStyle(style, flag.severity)(flag.severity.toUpperCase())} ${flag.id}: ${flag.title}${cap ? style.dim(` (verdict at most ${cap})`) : ''}`);
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
  const caps = Object.entries(capped).map(([severity, cap]) => `${severity} flags cap at ${cap}`);
  return [
    questionnaire.scoring.method === 'points' ? 'total points (sections unweighted)' : 'weighted mean of section scores',
    `answers missing required evidence earn ${Math.round(questionnaire.scoring.unverifiedShare * 100)}%`,
    `verdicts ${verdicts.map((v) => `${v.label} ≥ ${v.min}`).join(', ')}`,
    ...caps,
  ].join('; ');
}

function questionLines(question: Question, number: string, indent: string, style: Style): string[] {
  const lines: string[] = [];
  const facts = [question.type === 'number' ? `number (${question.unit})` : question.type, `evidence ${question.evidence}`, `up to ${points(possiblePoints(question))} points`];
  if (question.notApplicable) facts.push('may be not applicable');
  lines.push(`${indent}${number} ${style.bold(question.id)} ${style.dim(facts.join(' · '))}`);
  lines.push(`${indent}    ${question.text}`);
  if (question.when) lines.push(style.dim(`${indent}    asked when ${describeCondition(question.when)}`));
  const rule = ruleText(question);
  if (rule) lines.push(style.dim(`${indent}    ${rule}`));
  if (question.maps?.length) lines.push(style.dim(`${indent}    maps: ${question.maps.map((m) => `${m.framework} ${m.ref}`).join('; ')}`));
  return lines;
}

export function ruleText(question: Question): string | undefined {
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
      return 'delivery' in question.points ? `up to ${question.points.delivery} for commitments kept (on time whole, late half)` : `${question.points.perItem} per item, up to ${question.points.cap}`;
    case 'track-record':
      return `up to ${question.points} for the share of roadmap promises kept on time across snapshots (computed, not asked)`;
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
  const out: string[] = [`# ${mdEscape(questionnaire.title)}\n`, `\`${questionnaire.id}\` version ${questionnaire.version}. Scoring: ${mdEscape(scoringSummary(questionnaire))}.\n`];
  if (questionnaire.description) out.push(`${mdEscape(questionnaire.description)}\n`);
  const visit = (section: Section, depth: number) => {
    out.push(`${'#'.repeat(Math.min(6, depth + 2))} ${mdEscape(section.title)} (weight ${section.weight})\n`);
    for (const question of section.questions ?? []) {
      out.push(`- **\`${question.id}\`** (${question.type}, evidence ${question.evidence}): ${mdEscape(question.text)}`);
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
    for (const flag of questionnaire.redFlags) out.push(`- **${flag.severity}** \`${flag.id}\`: ${mdEscape(flag.title)}. When ${mdEscape(describeCondition(flag.when))}.`);
    out.push('');
  }
  return out.join('\n');
}
