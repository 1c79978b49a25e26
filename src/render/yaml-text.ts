import { Document, visit } from 'yaml';
import { dataEscaped, needsDataEscape } from './terminal-text.js';

// YAML as aiclaim writes it: stable key order, no line folding, an editor schema hint on top. A
// string holding a character a terminal would act on (a C1 control, a bidi override) is written
// double-quoted, the character as an escape (dataEscaped): the same data read back.

export function yamlText(data: unknown, schemaPath?: string): string {
  const doc = new Document(data, { aliasDuplicateObjects: false });
  let escaped = false;
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && needsDataEscape(node.value)) {
        node.type = 'QUOTE_DOUBLE';
        escaped = true;
      }
    },
  });
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  const body = escaped ? dataEscaped(text, 'yaml') : text;
  return schemaPath ? `${schemaHint(schemaPath)}\n${body}` : body;
}

/** Lets editors with the YAML language server validate and complete the file as it is typed. */
export function schemaHint(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}`;
}
