#!/usr/bin/env node
'use strict';
// The CLI runs compiled JavaScript from dist/. In a checkout, sources changed since the last build
// are transpiled first (scripts/build-if-stale.js: milliseconds when nothing changed, no type-check).
const { ensureBuilt, BuildError } = require('../scripts/build-if-stale.js');

try {
  ensureBuilt();
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  process.stderr.write(`vigil: ${error.message}\n`);
  process.exit(2);
}
let main;
try {
  main = require('../dist/src/cli/main.js').main;
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli/main.js')) {
    process.stderr.write('vigil: not built yet; run `npm run build` first.\n');
    process.exit(2);
  }
  throw error;
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
