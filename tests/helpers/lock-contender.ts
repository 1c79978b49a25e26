import { appendFileSync } from 'node:fs';
import { withLock } from '../../src/shell/lock.js';

// One of several processes started at once around the project's own withLock: it sleeps until the
// agreed moment, takes the lock (or is told it is busy), and logs when it holds it.
// argv: target, log file, start time (ms since the epoch).

async function main(): Promise<void> {
  const [target, log, start] = process.argv.slice(2) as [string, string, string];
  // Asleep until then, so that every contender wakes at the same moment rather than some spinning.
  await new Promise((done) => setTimeout(done, Math.max(0, Number(start) - Date.now())));
  try {
    await withLock(target, 'the target', async () => {
      appendFileSync(log, `enter ${process.pid}\n`);
      await new Promise((done) => setTimeout(done, 30));
      appendFileSync(log, `leave ${process.pid}\n`);
    });
  } catch (error) {
    appendFileSync(log, `busy ${process.pid} ${(error as Error).message}\n`);
  }
}

void main();
