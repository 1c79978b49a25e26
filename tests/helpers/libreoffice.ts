import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

// A real spreadsheet application for tests: LibreOffice's headless Calc (soffice). Each call gets
// its own profile and output folder, so parallel runs share nothing.

export function sofficeAvailable(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The file as LibreOffice saves it again (Calc MS Excel 2007 XML), in a fresh folder; `cleanup`
 * collects what removes the folders.
 */
export async function resavedByLibreOffice(file: string, cleanup: (() => void)[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'lo-out-'));
  const profile = mkdtempSync(join(tmpdir(), 'lo-'));
  cleanup.push(
    () => rmSync(out, { recursive: true, force: true }),
    () => rmSync(profile, { recursive: true, force: true }),
  );
  await promisify(execFile)('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, file], {
    timeout: 60_000,
  });
  const saved = join(out, basename(file).replace(/\.\w+$/, '.xlsx'));
  if (!existsSync(saved)) throw new Error(`LibreOffice did not save ${saved}`);
  return saved;
}
