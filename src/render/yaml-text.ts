import { stringify } from 'yaml';

// YAML as aiclaim writes it: stable key order, no line folding, an editor schema hint on top.

export function yamlText(data: unknown, schemaPath?: string): string {
  const body = stringify(data, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
  return schemaPath ? `${schemaHint(schemaPath)}\n${body}` : body;
}

/** Lets editors with the YAML language server validate and complete the file as it is typed. */
export function schemaHint(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}`;
}
