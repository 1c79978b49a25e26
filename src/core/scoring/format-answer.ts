import type { Question } from '../schema/questionnaire.js';
import type { AnswerValue } from '../schema/vendor.js';

// Answers as a reader sees them in reasons and score cards.

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

export function formatAnswer(question: Question, value: AnswerValue): string {
  switch (question.type) {
    case 'boolean':
      return value === true ? 'yes' : 'no';
    case 'choice':
      return question.options.find((o) => o.value === value)?.label ?? String(value);
    case 'multi':
      if (!Array.isArray(value)) return String(value);
      if (value.length === 0) return 'none';
      return value.map((v) => question.options.find((o) => o.value === v)?.label ?? String(v)).join(', ');
    case 'number':
      return `${formatNumber(value as number)} ${question.unit}`;
    case 'list': {
      const n = Array.isArray(value) ? value.length : 0;
      return `${n} item${n === 1 ? '' : 's'}`;
    }
    default: {
      const text = String(value).replace(/\s+/g, ' ').trim();
      return text.length > 60 ? `"${text.slice(0, 57)}..."` : `"${text}"`;
    }
  }
}
