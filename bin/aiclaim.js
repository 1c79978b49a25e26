#!/usr/bin/env node
// The installed command: everything it does lives in the built dist/.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write('aiclaim is not built yet: run `npm install` (or `npm run build`) in its folder.\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv);
