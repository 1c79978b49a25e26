import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { REPO, run, tempDir } from '../helpers/run-cli.js';

// Every command finds the questionnaire one way: --questionnaire (an id, or a path from the current
// folder) for every file, else the one a vendor file declares, else the workspace's.

const temp = tempDir();
afterAll(() => temp.remove());

// A folder with no workspace: the questionnaire is a file of the team's own, not in questionnaires/.
mkdirSync(join(temp.dir, 'own'));
mkdirSync(join(temp.dir, 'vendors'));
copyFileSync(join(REPO, 'tests', 'fixtures', 'quick.yaml'), join(temp.dir, 'own', 'quick-check.yaml'));
writeFileSync(
  join(temp.dir, 'vendors', 'acme.yaml'),
  'schema: aiclaim/vendor@1\nid: acme\nname: Acme\nquestionnaire: quick\ncategory: crm\nanswers:\n  trains: { value: true }\n',
);
writeFileSync(join(temp.dir, 'vendors', 'beta.yaml'), 'schema: aiclaim/vendor@1\nid: beta\nname: Beta\ncategory: crm\nanswers:\n  trains: { value: false }\n');

describe('one questionnaire resolver', () => {
  test.each([
    ['validate', ['validate', 'vendors', '-q', 'own/quick-check.yaml']],
    ['score', ['score', 'vendors', '-q', 'own/quick-check.yaml', '-f', 'json']],
  ])('%s -q FILE takes the file for vendors that declare its id and for those that declare none', async (_, args) => {
    const out = await run(args, { cwd: temp.dir });
    expect(out.stderr).not.toMatch(/no questionnaire/);
    expect(out.code, out.stderr).toBe(0);
  });

  test('a vendor declaring another questionnaire than -q is named, with what to pass', async () => {
    writeFileSync(
      join(temp.dir, 'vendors', 'gamma.yaml'),
      'schema: aiclaim/vendor@1\nid: gamma\nname: Gamma\nquestionnaire: ai-claims\ncategory: crm\nanswers: {}\n',
    );
    const validated = await run(['validate', 'vendors', '-q', 'own/quick-check.yaml'], { cwd: temp.dir });
    expect(validated.code).toBe(2);
    expect(validated.stderr).toMatch(/vendors\/gamma\.yaml.*answers follow questionnaire "ai-claims", but they are being checked against "quick"/);
    expect(validated.stderr).not.toMatch(/acme|beta/);
  });
});
