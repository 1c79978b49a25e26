import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { periodOfDate } from '../core/period.js';
import { jsonSchemas } from '../core/schema/json-schemas.js';
import { schemaHint } from '../render/yaml-text.js';
import { writeFileAtomic } from '../shell/atomic-write.js';
import type { Context } from '../shell/context.js';
import { parseOptions } from '../shell/parse-options.js';
import { EXIT, UserError } from '../shell/user-error.js';
import { shownPath } from '../shell/shown-path.js';

const initOptionsSchema = z.object({ dir: z.string().default('.'), force: z.boolean().default(false) });
export type InitOptions = z.input<typeof initOptionsSchema>;

const SETTINGS = `${schemaHint('.aiclaim/schemas/settings.schema.json')}
# aiclaim workspace settings. Every key is optional; these are the defaults.
schema: aiclaim/settings@1

# The questionnaire vendors are scored against: a bundled id (aiclaim questionnaire list)
# or a path to your own file.
questionnaire: ai-claims

folders:
  vendors: vendors          # one answer file per vendor: vendors/<vendor-id>.yaml
  findings: findings        # one snapshot per quarter, written by: aiclaim score --period 2026-Q4
  finance: finance          # the quarter's budget, new customers, CAC, CLTV: finance/2026-Q4.yaml (aiclaim stack)
  drafts: .aiclaim/drafts   # unfinished interviews (git-ignored)

# thresholds:
#   failUnder: 40           # aiclaim score exits 1 when a vendor scores under this
#   tolerance: 2            # aiclaim diff ignores score moves smaller than this

currency: EUR

# The stack spreadsheet's own category labels (aiclaim import stack.csv), mapped to the martech
# categories (aiclaim questionnaire show lists them); other keeps a label of your own.
# categories:
#   "Marketing Automation / Email": marketing-automation
#   Loyalty: other
`;

const EXAMPLE_VENDOR = `${schemaHint('../.aiclaim/schemas/vendor.schema.json')}
# An example vendor file: copy it for each vendor (the file name is the vendor id), or run
# \`aiclaim interview\` to fill one in by answering questions. Then: aiclaim score
#
# As it stands it is "Not assessed": it answers three of the questions that decide a verdict, and a
# verdict needs four (aiclaim questionnaire show marks them). A question with no answer here has
# not been asked yet: it is left out of the score, never counted as a "no".
schema: aiclaim/vendor@1
id: example-vendor
name: Example Vendor
product: Example Personalize
category: on-site-personalization   # one of the martech categories (aiclaim questionnaire show lists them)
website: https://vendor.example
owner: Your Name, Head of CRM       # who owns this vendor on your side
spend:
  amount: 48000
  currency: EUR
renewal: 2027-06-30

# Who answered for the vendor, who interviewed, and when.
interview:
  date: 2026-10-15
  interviewer: Your Name
  respondents:
    - name: Alex Doe
      role: VP Product, Example Vendor

# The vendor's AI claims, word for word, with where and when they were made, and what each asserts
# about the questions: aiclaim tests every assertion against the answers and their evidence.
claims:
  - text: Our AI personalises every page for every visitor in real time, from 40 million sessions.
    source: https://vendor.example/product
    date: 2026-05-01
    asserts:
      - { question: ai-runtime, equals: model }
      - { question: training-records, gte: 40000000 }

# Roadmap commitments: status is planned, delivered (with deliveredIn), slipped (with revisedDue) or dropped.
roadmap:
  - id: next-best-offer
    title: Next-best-offer model for logged-in visitors
    promised: 2026-Q2
    due: 2026-Q4
    status: planned

# Answers, keyed by question id (aiclaim questionnaire show). Each is one of:
#   value: …                  the answer, with evidence where the question asks for it (a URL or
#                             document that existed when the claim was made)
#   declined: "what it said"  the vendor would not say: scores zero, and may raise a red flag
#   notApplicable: "why"      where the question allows it
answers:
  ai-runtime:
    value: model
    evidence: https://vendor.example/architecture.pdf
  model-origin:
    value: in-house
    note: Gradient-boosted ranking model, retrained weekly.
  trains-models:
    value: true
  runway-months:
    declined: will not share its burn rate before the next board meeting
  lawful-basis:
    notApplicable: The model is trained on pseudonymous events of visitors outside the EU only.
`;

const GITIGNORE_LINES = ['.aiclaim/drafts/', '.aiclaim/cache/'];

export async function init(input: InitOptions, context: Context): Promise<number> {
  const options = parseOptions(initOptionsSchema, input);
  const root = resolve(context.cwd, options.dir);
  const files: [string, string][] = [
    [join(root, 'aiclaim.yaml'), SETTINGS],
    [join(root, 'vendors', 'example-vendor.yaml'), EXAMPLE_VENDOR],
    [join(root, 'findings', '.gitkeep'), ''],
    [join(root, 'finance', '.gitkeep'), ''],
    ...Object.entries(jsonSchemas()).map(([kind, text]): [string, string] => [join(root, '.aiclaim', 'schemas', `${kind}.schema.json`), text]),
  ];
  const existing = files.filter(([path]) => existsSync(path) && !path.includes(`${join('.aiclaim', 'schemas')}`));
  if (existing.length > 0 && !options.force) {
    throw new UserError(`already exists: ${existing.map(([path]) => shownPath(path, context.cwd)).join(', ')}`, {
      hint: 'nothing was written; pass --force to overwrite these files',
    });
  }
  for (const [path, text] of files) await writeFileAtomic(path, text);

  const gitignore = join(root, '.gitignore');
  const current = existsSync(gitignore) ? await readFile(gitignore, 'utf8') : '';
  const missing = GITIGNORE_LINES.filter((line) => !current.split(/\r?\n/).includes(line));
  if (missing.length) {
    const separator = current === '' || current.endsWith('\n') ? '' : '\n';
    await writeFileAtomic(
      gitignore,
      `${current}${separator}# aiclaim: unfinished interviews and a cache of findings (both can be deleted)\n${missing.join('\n')}\n`,
    );
  }

  const where = shownPath(root, context.cwd);
  context.stderr.write(
    [
      `Created an aiclaim workspace in ${where}:`,
      '  aiclaim.yaml                 settings',
      '  vendors/example-vendor.yaml  a commented example vendor',
      '  findings/                    quarterly snapshots go here',
      '  finance/                     finance/<quarter>.yaml: budget, new customers, CAC, CLTV (aiclaim stack)',
      '  .aiclaim/schemas/            JSON Schemas for editor completion',
      '  .gitignore                   ignores .aiclaim/drafts/ and .aiclaim/cache/',
      '',
      'Next:',
      ...nextSteps([
        [`${where === '.' ? '' : `cd ${where} && `}aiclaim interview`, 'interview a vendor'],
        ['aiclaim score', 'score every vendor'],
        [`aiclaim score --period ${periodOfDate(context.now())}`, 'write the findings snapshot for a quarter'],
      ]),
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

function nextSteps(steps: [command: string, what: string][]): string[] {
  const width = Math.max(...steps.map(([command]) => command.length));
  return steps.map(([command, what]) => `  ${command.padEnd(width)}  ${what}`);
}
