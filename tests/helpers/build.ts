import { questionnaireSchema, type Questionnaire } from '../../src/core/schema/questionnaire.js';
import { vendorSchema, type Vendor } from '../../src/core/schema/vendor.js';

/** A questionnaire from the parts a test cares about; parsed, so defaults apply as in a file. */
export function questionnaire(parts: Record<string, unknown>): Questionnaire {
  return questionnaireSchema.parse({ schema: 'aiclaim/questionnaire@1', id: 'test', version: '1.0.0', title: 'Test', ...parts });
}

export function vendor(parts: Record<string, unknown> = {}): Vendor {
  return vendorSchema.parse({ schema: 'aiclaim/vendor@1', id: 'acme', name: 'Acme', category: 'emailing', ...parts });
}

/** One section of the given questions, weight 1. */
export function oneSection(questions: Record<string, unknown>[], extra: Record<string, unknown> = {}): Questionnaire {
  return questionnaire({ sections: [{ id: 'main', title: 'Main', questions }], ...extra });
}
