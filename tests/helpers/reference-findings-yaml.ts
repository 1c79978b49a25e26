import { Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Findings } from '../../src/core/schema/findings.js';
import { setFlowLayout } from '../../src/render/findings-yaml.js';
import { schemaHint } from '../../src/render/yaml-text.js';

// The original, whole-document writer of findings snapshots, kept for tests as the reference: the
// yaml library lays out the whole document, with the one-line records the snapshot format fixes.

/** The findings as the yaml library writes a whole document: the reference the fast writer must match. */
export function referenceFindingsYaml(findings: Findings, schemaPath: string): string {
  const doc = new Document(findings, { aliasDuplicateObjects: false });
  const vendors = doc.get('vendors', true) as YAMLSeq<YAMLMap>;
  for (const vendor of vendors.items) setFlowLayout(vendor);
  return `${schemaHint(schemaPath)}\n${doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true })}`;
}
