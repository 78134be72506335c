#!/usr/bin/env node
'use strict';
// The CLI runs compiled JavaScript from dist/. In a checkout, sources changed since the last build
// are transpiled first (scripts/build-if-stale.js: milliseconds when nothing changed, no type-check).
const { ensureBuilt, BuildError } = require('../scripts/build-if-stale.js');

// Sources are transpiled one by one without type-checking: an import of a source that is gone
// (renamed, deleted) surfaces when dist/ is loaded rather than at build time. Says so in words.
function exitOnMissingModule(error) {
  if (!error || error.code !== 'MODULE_NOT_FOUND' || !Array.isArray(error.requireStack)) return;
  const importer = String(error.requireStack[0] || '');
  if (!importer.includes('dist')) return;
  process.stderr.write(`vigil: ${String(error.message).split('\n')[0]} (imported by ${importer}); ` +
    'an import names a source that no longer exists: run `npm run typecheck`.\n');
  process.exit(2);
}

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
  exitOnMissingModule(error);
  throw error;
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => {
  exitOnMissingModule(error);
  throw error;
});
