// Loaded with `node --import` into each measured process: on exit, appends the process's peak
// resident memory (worker threads included) to the file named by AICLAIM_BENCH_RSS.
import { appendFileSync } from 'node:fs';

const file = process.env.AICLAIM_BENCH_RSS;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
