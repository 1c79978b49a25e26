// Preloaded with `node --import`: records every module the program resolves, so a test can
// check that --help and --version load nothing heavy.
import { register } from 'node:module';

register('./import-log-hooks.mjs', import.meta.url);
