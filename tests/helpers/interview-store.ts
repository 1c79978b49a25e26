import type { Draft } from '../../src/core/interview/draft.js';
import type { Vendor } from '../../src/core/schema/vendor.js';
import type { InterviewStore } from '../../src/interview/conduct-interview.js';
import { questionnaire } from './build.js';

// What interview tests share: a questionnaire, the options of a run, and a store in memory.

/** A small questionnaire with every kind of question, a condition, a claim list and a roadmap. */
export const interviewQuestionnaire = questionnaire({
  sections: [
    {
      id: 'basics',
      title: 'Basics',
      questions: [
        { id: 'claims', text: 'Record the claims.', type: 'list', binds: 'claims', evidence: 'none' },
        { id: 'trains', text: 'Does it train models?', type: 'boolean', points: 2, evidence: 'none', help: 'Prompting is not training.' },
        {
          id: 'records',
          text: 'How many records?',
          type: 'number',
          unit: 'records',
          evidence: 'required',
          when: { question: 'trains', equals: true },
          bands: [{ gte: 1000000, points: 5 }],
        },
        {
          id: 'origin',
          text: 'Where does the model come from?',
          type: 'choice',
          evidence: 'optional',
          options: [
            { value: 'own', label: 'Own', points: 3 },
            { value: 'api', label: 'API', points: 1 },
          ],
        },
        {
          id: 'sources',
          text: 'Which sources?',
          type: 'multi',
          evidence: 'none',
          options: [
            { value: 'first-party', label: 'First party', points: 1 },
            { value: 'licensed', label: 'Licensed', points: 1 },
          ],
        },
      ],
    },
    {
      id: 'more',
      title: 'More',
      questions: [
        { id: 'advantage', text: 'What does the AI do better?', type: 'text', points: 1, evidence: 'none', help: 'A capability, not an adjective.' },
        { id: 'trained-on', text: 'Last trained?', type: 'quarter', evidence: 'none' },
        { id: 'audit-date', text: 'Date of the last audit?', type: 'date', evidence: 'none' },
        {
          id: 'eu',
          text: 'EU AI Act class?',
          type: 'choice',
          evidence: 'none',
          notApplicable: true,
          options: [
            { value: 'minimal', label: 'Minimal' },
            { value: 'high', label: 'High' },
          ],
        },
        { id: 'roadmap', text: 'Record the roadmap.', type: 'list', binds: 'roadmap', evidence: 'none', points: { delivery: 4 } },
      ],
    },
  ],
});

export const interviewOptions = { changedOnly: false, currency: 'EUR', period: '2026-Q4', today: '2026-11-22' };

/** An interview store in memory: every draft saved is kept, in order. */
export function memoryStore(vendors: Vendor[] = [], draft?: Draft): InterviewStore & { saved: Draft[] } {
  const saved: Draft[] = [];
  return {
    saved,
    listVendors: async () => vendors.map((v) => ({ id: v.id, name: v.name })),
    listDrafts: async () => (draft ? [{ id: draft.vendor.id, name: draft.vendor.name, answered: Object.keys(draft.vendor.answers).length }] : []),
    readVendor: async (id) => vendors.find((v) => v.id === id),
    readDraft: async (id) => (draft?.vendor.id === id ? draft : undefined),
    saveDraft: async (d) => {
      saved.push(structuredClone(d));
    },
  };
}
