#!/usr/bin/env node
'use strict';
// The CLI runs compiled JavaScript from dist/. In a checkout, sources changed since the last build
// are transpiled first (scripts/build-if-stale.js: milliseconds when nothing changed, no type-check).
// main() turns every error of a command into words and an exit code; the handlers below catch what
// escapes it (a rejection or exception from a stray callback) so that no raw stack trace reaches
// a user either way: one line, the trace only with VIGIL_DEBUG=1.
const { ensureBuilt, BuildError } = require('../scripts/build-if-stale.js');

function internalError(error) {
  exitOnMissingModule(error);
  const debug = /^(?!0$|false$)./i.test(process.env.VIGIL_DEBUG || '');
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  process.stderr.write(
    `vigil: internal error: ${message} — please report this (set VIGIL_DEBUG=1 for the stack trace)\n`,
  );
  if (debug) process.stderr.write(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
}
process.on('unhandledRejection', internalError);
process.on('uncaughtException', internalError);

// Sources are transpiled one by one without type-checking: an import of a source that is gone
// (renamed, deleted) surfaces when dist/ is loaded rather than at build time. Says so in words.
function exitOnMissingModule(error) {
  if (!error || error.code !== 'MODULE_NOT_FOUND' || !Array.isArray(error.requireStack)) return;
  const importer = String(error.requireStack[0] || '');
  if (!importer.includes('dist')) return;
  process.stderr.write(
    `vigil: ${String(error.message).split('\n')[0]} (imported by ${importer}); ` +
      'an import names a source that no longer exists: run `npm run typecheck`.\n',
  );
  process.exit(2);
}

try {
  ensureBuilt();
} catch (error) {
  if (!(error instanceof BuildError)) internalError(error);
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
  internalError(error);
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, internalError);
