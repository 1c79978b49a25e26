import { afterEach } from 'vitest';
import { sampleCopy } from './run-cli.js';

// A fresh copy of the sample workspace for each test that asks, removed after the test; and what
// else a test made that is removed with it (LibreOffice's folders).

export const removals: (() => void)[] = [];
afterEach(() => {
  for (const remove of removals.splice(0)) remove();
});

export function workspace(): string {
  const { dir, remove } = sampleCopy();
  removals.push(remove);
  return dir;
}
