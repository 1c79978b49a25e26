import {
  allowedLabels,
  askedInSheet,
  evidenceAsked,
  howToAnswer,
  onlyIf,
  vendorHelp,
  vendorQuestionHelp,
  vendorQuestionText,
} from '../core/answer-sheet/vendor-words.js';
import { indexQuestionnaire, questionsOf, type IndexedQuestion, type IndexedSection } from '../core/questionnaire-index.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import { mdCode, mdEscape } from './markdown.js';
import type { Style } from './style.js';

// The questionnaire as a vendor reads it (`questionnaire show --for-vendor`): sections in order with
// their help, each question with its help, how to answer it in words and labels, when it applies,
// the evidence asked and the id to quote. Nothing of how answers are scored: no points, weights,
// bands, caps, red flags, verdicts or framework references. Sections the buying team answers
// itself (askedOf: team) are not the vendor's to answer and are left out.

interface VendorSection {
  entry: IndexedSection;
  number: string;
  questions: IndexedQuestion[];
}

/** The sections and questions a vendor answers, numbered as shown. */
function vendorSections(questionnaire: Questionnaire): VendorSection[] {
  const index = indexQuestionnaire(questionnaire);
  const counters: number[] = [];
  const out: VendorSection[] = [];
  for (const entry of index.sections) {
    if (entry.askedOf === 'team') continue;
    counters.length = entry.depth + 1;
    counters[entry.depth] = (counters[entry.depth] ?? 0) + 1;
    const number = counters.map((n) => n ?? 1).join('.');
    out.push({ entry, number, questions: questionsOf(index, entry.key).filter((q) => q.askedOf === 'vendor' && askedInSheet(q.question)) });
  }
  return out;
}

function facts(q: IndexedQuestion, questionnaire: Questionnaire): string[] {
  const index = indexQuestionnaire(questionnaire);
  const lines = [`Answer: ${howToAnswer(q.question)}`];
  const only = onlyIf(q.question, index);
  if (only) lines.push(`${only}.`);
  const evidence = evidenceAsked(q.question);
  if (evidence) lines.push(evidence);
  if (q.question.notApplicable) lines.push('May be answered not applicable, with the reason ("n/a: reason").');
  lines.push(`Question id: ${q.question.id}`);
  return lines;
}

const HOW = [
  'Answer in the answer sheet (aiclaim questionnaire export), one row per question id, or quote the question id with each answer.',
  'Leave a question empty if you have not answered it yet. Write "will not say" (or "declined: your reason") to decline one.',
  'Every answer is checked: against the evidence you give, the claims you make and independent tests.',
];

/** Terminal text: the command hands in a model made safe with terminalSafe (terminal-text.ts). */
export function questionnaireForVendor(questionnaire: Questionnaire, style: Style): string {
  const lines: string[] = [`${style.bold(questionnaire.title)} ${style.dim(`(${questionnaire.id} ${questionnaire.version})`)}`];
  const description = vendorHelp(questionnaire.description);
  if (description) lines.push(wrap(description, ''));
  lines.push('', ...HOW.map((h) => wrap(h, '')));
  for (const { entry, number, questions } of vendorSections(questionnaire)) {
    const indent = '  '.repeat(entry.depth);
    lines.push('', `${indent}${style.bold(`${number} ${entry.section.title}`)}`);
    const help = vendorHelp(entry.section.help);
    if (help) lines.push(wrap(help, indent));
    questions.forEach((q, i) => {
      lines.push('', `${indent}  ${style.bold(`${number}.${i + 1}`)} ${wrap(vendorQuestionText(q.question), `${indent}      `).trimStart()}`);
      const qhelp = vendorQuestionHelp(q.question);
      if (qhelp) lines.push(style.dim(wrap(qhelp, `${indent}      `)));
      for (const fact of facts(q, questionnaire)) lines.push(wrap(fact, `${indent}      `));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** Markdown, every string from the questionnaire through the one escaper (markdown.ts). */
export function questionnaireForVendorMarkdown(questionnaire: Questionnaire): string {
  const out: string[] = [`# ${mdEscape(questionnaire.title)}\n`, `${mdCode(questionnaire.id)} version ${mdEscape(questionnaire.version)}\n`];
  const description = vendorHelp(questionnaire.description);
  if (description) out.push(`${mdEscape(description)}\n`);
  out.push(`${HOW.map((h) => mdEscape(h)).join(' ')}\n`);
  for (const { entry, number, questions } of vendorSections(questionnaire)) {
    out.push(`${'#'.repeat(Math.min(6, entry.depth + 2))} ${mdEscape(`${number} ${entry.section.title}`)}\n`);
    const help = vendorHelp(entry.section.help);
    if (help) out.push(`${mdEscape(help)}\n`);
    questions.forEach((q, i) => {
      out.push(`${mdEscape(`${number}.${i + 1}`)} **${mdEscape(vendorQuestionText(q.question))}**\n`);
      const qhelp = vendorQuestionHelp(q.question);
      if (qhelp) out.push(`*${mdEscape(qhelp)}*\n`);
      const [answer, ...rest] = facts(q, questionnaire);
      const labels = allowedLabels(q.question);
      const items =
        labels && q.question.type !== 'boolean'
          ? [`- ${q.question.type === 'multi' ? 'One or more of (separate them with ";"):' : 'One of:'}`, ...labels.map((l) => `  - ${mdEscape(l)}`)]
          : [`- ${mdEscape(answer!)}`];
      for (const fact of rest) items.push(fact.startsWith('Question id: ') ? `- Question id: ${mdCode(q.question.id)}` : `- ${mdEscape(fact)}`);
      out.push(`${items.join('\n')}\n`);
    });
  }
  return out.join('\n');
}

function wrap(text: string, indent: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}
