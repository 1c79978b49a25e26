import type { AskedOf, Question, Questionnaire, Section } from './schema/questionnaire.js';

// The questionnaire flattened once: questions in asking order, each with its section path.

export interface IndexedQuestion {
  question: Question;
  /** Position in asking order: conditions may only read earlier answers. */
  order: number;
  /** Section ids from the top, e.g. ["upstream", "data"]. */
  sectionPath: string[];
  /** The same joined, e.g. "upstream/data": how scores and findings name the section. */
  sectionKey: string;
  /** Who answers it: the vendor, or the buying team (its section's askedOf, inherited). */
  askedOf: AskedOf;
}

export interface IndexedSection {
  section: Section;
  path: string[];
  /** Joined path, e.g. "upstream/data": how findings name the section. */
  key: string;
  depth: number;
  /** Its own askedOf, else its parent's; at the top, the vendor. */
  askedOf: AskedOf;
}

export interface QuestionnaireIndex {
  questionnaire: Questionnaire;
  questions: IndexedQuestion[];
  byId: Map<string, IndexedQuestion>;
  sections: IndexedSection[];
  /** Old question ids declared by `replaces`, mapped to the question that replaced them. */
  replaced: Map<string, string>;
}

const cache = new WeakMap<Questionnaire, QuestionnaireIndex>();

export function indexQuestionnaire(questionnaire: Questionnaire): QuestionnaireIndex {
  const cached = cache.get(questionnaire);
  if (cached) return cached;
  const questions: IndexedQuestion[] = [];
  const sections: IndexedSection[] = [];
  const visit = (section: Section, parent: string[], inherited: AskedOf) => {
    const path = [...parent, section.id];
    const askedOf = section.askedOf ?? inherited;
    sections.push({ section, path, key: path.join('/'), depth: parent.length, askedOf });
    for (const question of section.questions ?? [])
      questions.push({ question, order: questions.length, sectionPath: path, sectionKey: path.join('/'), askedOf });
    for (const child of section.sections ?? []) visit(child, path, askedOf);
  };
  for (const section of questionnaire.sections) visit(section, [], 'vendor');
  const byId = new Map<string, IndexedQuestion>();
  const replaced = new Map<string, string>();
  for (const entry of questions) {
    if (!byId.has(entry.question.id)) byId.set(entry.question.id, entry);
    for (const old of entry.question.replaces ?? []) replaced.set(old, entry.question.id);
  }
  const index = { questionnaire, questions, byId, sections, replaced };
  cache.set(questionnaire, index);
  return index;
}

/** Questions directly under a section (not its subsections). */
export function questionsOf(index: QuestionnaireIndex, sectionKey: string): IndexedQuestion[] {
  return index.questions.filter((q) => q.sectionPath.join('/') === sectionKey);
}
