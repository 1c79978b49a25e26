import type { Findings, VendorFinding } from '../../src/core/schema/findings.js';
import { DEFAULT_VERDICTS } from '../../src/core/schema/questionnaire.js';

// Findings made by hand for the unit tests of the stack's economics: a vendor with only the fields
// a test sets beyond the defaults, and a snapshot of such vendors.

export function vendorFinding(id: string, fields: Partial<VendorFinding>): VendorFinding {
  return { id, name: id.toUpperCase(), category: 'crm', score: 80, verdict: 'substantiated', ...fields } as VendorFinding;
}

export function findingsSnapshot(period: string, vendors: VendorFinding[]): Findings {
  return {
    schema: 'aiclaim/findings@1',
    period,
    questionnaire: { id: 'ai-claims', version: '2', hash: '0123456789abcdef', verdicts: DEFAULT_VERDICTS },
    tool: 't',
    vendors,
  } as Findings;
}
