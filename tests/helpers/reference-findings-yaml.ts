import { Document, isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Findings } from '../../src/core/schema/findings.js';
import { schemaHint } from '../../src/render/yaml-text.js';

// The original, whole-document writer of findings snapshots, kept for tests as the reference.

/** The findings as the yaml library writes a whole document: the reference the fast writer must match. */
export function referenceFindingsYaml(findings: Findings, schemaPath: string): string {
  const doc = new Document(findings, { aliasDuplicateObjects: false });
  const vendors = doc.get('vendors', true) as YAMLSeq<YAMLMap>;
  for (const vendor of vendors.items) {
    for (const key of ['spend']) {
      const node = vendor.get(key, true);
      if (isMap(node)) node.flow = true;
    }
    const sections = vendor.get('sections', true);
    if (isMap(sections)) for (const pair of sections.items) if (isMap(pair.value)) pair.value.flow = true;
    for (const key of ['redFlags', 'roadmap']) {
      const list = vendor.get(key, true);
      if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
    }
  }
  return `${schemaHint(schemaPath)}\n${doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true })}`;
}
