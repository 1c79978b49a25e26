import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod';
import type { Problem } from '../core/problem.js';
import { missingRates, ratesOf, type ExchangeRates } from '../core/report/currency.js';
import { stackEconomics } from '../core/economics/stack-economics.js';
import { reportModel } from '../core/report/report-model.js';
import type { Findings } from '../core/schema/findings.js';
import { locate } from '../core/validate/schema-problems.js';
import { parseYaml } from '../core/yaml/parse-yaml.js';
import { reportHtml } from '../render/report-html.js';
import { reportMarkdown } from '../render/report-markdown.js';
import { writeFileAtomic } from '../shell/atomic-write.js';
import type { Context } from '../shell/context.js';
import { toolName } from '../shell/package-root.js';
import { checkOutputTarget } from '../shell/output-target.js';
import { parseOptions } from '../shell/parse-options.js';
import { readingProgress } from '../shell/progress.js';
import { latestBefore, namedOrLatest, questionnaireOf } from '../shell/snapshots/store.js';
import { EXIT, ProblemsError, UserError } from '../shell/user-error.js';
import { findWorkspace, announceSample, SETTINGS_FILE, type Workspace } from '../shell/workspace.js';
import { shownPath } from '../shell/shown-path.js';
import { stackInput } from '../shell/stack-quarters.js';
import { terminalLines } from '../render/terminal-text.js';

const reportOptionsSchema = z.object({
  period: z.string().optional(),
  out: z.string().optional(),
  format: z.enum(['html', 'markdown']).optional(),
  force: z.boolean().default(false),
  /** How many of the best and of the worst vendors the ranking lists; the rest are counted. */
  top: z
    .number()
    .int({ error: 'must be a whole number of vendors, e.g. 10' })
    .min(1, { error: 'must be at least 1' })
    .max(10_000, { error: 'must be at most 10000' })
    .optional(),
});

export async function report(input: z.input<typeof reportOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(reportOptionsSchema, input);
  const workspace = await findWorkspace(context);
  announceSample(workspace, context, [options.period]);
  // A path that holds something else is refused before any snapshot is read.
  const target = options.out ? checkOutputTarget(resolve(context.cwd, options.out), options.out, 'report', options.force) : undefined;
  // The report is data when it goes to standard output: no progress line then.
  const reading = readingProgress(context, { quiet: !target });
  const current = await namedOrLatest(options.period, workspace, context.cwd, context.now(), reading);
  // Only the quarter before is read: each snapshot can be tens of megabytes.
  const previous = await latestBefore(current.findings.period, workspace, context.cwd, reading).catch(() => undefined);
  const questionnaire = await questionnaireOf(current, workspace, context.cwd);
  const rates = ratesOf(workspace.settings.exchange, workspace.settings.currency);
  if (rates) checkRates(current.findings, rates, workspace, context.cwd);
  const today = context.now().toISOString().slice(0, 10);
  const stack = stackEconomics(await stackInput(current, workspace, context.cwd, questionnaire));
  const model = reportModel({ current: current.findings, previous: previous?.findings, questionnaire, today, rates, top: options.top, stack });
  const source = { file: current.shown, tool: toolName() };
  const format = options.format ?? (options.out && /\.(md|markdown)$/i.test(options.out) ? 'markdown' : 'html');
  // HTML is for a browser: poured into a terminal it is a screenful of markup, so it goes to a file.
  if (!target && format === 'html' && context.stdout.isTTY) {
    throw new UserError(`the ${current.findings.period} report is HTML, for a browser, not a terminal`, {
      hint: `write it to a file: aiclaim report ${current.findings.period} -o report.html (or read it here as Markdown: -f markdown)`,
    });
  }
  const text = format === 'markdown' ? reportMarkdown(model, source) : reportHtml(model, source);
  if (target) {
    await writeFileAtomic(target, text);
    context.stderr.write(terminalLines(`Wrote ${shownPath(target, context.cwd)}: the ${current.findings.period} report (${format}).\n`));
  } else {
    context.stdout.write(text);
  }
  return EXIT.ok;
}

/**
 * With exchange rates set, every currency the quarter's spend is in needs one: a total that left
 * an amount out, or added it unconverted, would be wrong without saying so. One line per currency,
 * naming the settings file and the field.
 */
function checkRates(findings: Findings, rates: ExchangeRates, workspace: Workspace, cwd: string): void {
  const used = new Map<string, string[]>();
  for (const v of findings.vendors) if (v.spend) used.set(v.spend.currency, [...(used.get(v.spend.currency) ?? []), v.name]);
  const missing = missingRates(used.keys(), rates);
  if (missing.length === 0) return;
  const file = workspace.settingsFile ? shownPath(workspace.settingsFile, cwd) : SETTINGS_FILE;
  const where = workspace.settingsFile ? ratesPosition(workspace.settingsFile, file) : {};
  const problems: Problem[] = missing.map((currency) => {
    const names = used.get(currency)!;
    return {
      file,
      ...where,
      message: `exchange.rates: no rate for ${currency}, the currency of ${names.length} vendor${names.length === 1 ? "'s" : "s'"} spend in ${findings.period} (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`,
      hint: `add "${currency}: <what 1 ${currency} is worth in ${rates.base}>" under exchange.rates, as of ${rates.asOf}`,
      severity: 'error',
    };
  });
  throw new ProblemsError(problems);
}

/** Where `exchange.rates` is in the settings file, to point at it; nothing when it cannot be read again. */
function ratesPosition(path: string, shown: string): { line?: number; column?: number } {
  try {
    const parsed = parseYaml(readFileSync(path, 'utf8'), shown);
    return parsed.ok ? locate({ file: shown, text: parsed.text, offsetOf: (at, key) => parsed.offsetOf(at, key) }, ['exchange', 'rates'], true) : {};
  } catch {
    return {};
  }
}
