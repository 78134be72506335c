#!/usr/bin/env node
'use strict';
// The CLI runs compiled JavaScript: `npm run build` (or any npm script that needs it) writes dist/.
// main() turns every error of a command into words and an exit code; the handlers below catch what
// escapes it (a rejection or exception from a stray callback) so that no raw stack trace reaches
// a user either way: one line, the trace only with VIGIL_DEBUG=1.
function internalError(error) {
  const debug = /^(?!0$|false$)./i.test(process.env.VIGIL_DEBUG || '');
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  process.stderr.write(`vigil: internal error: ${message} — please report this (set VIGIL_DEBUG=1 for the stack trace)\n`);
  if (debug) process.stderr.write(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
}
process.on('unhandledRejection', internalError);
process.on('uncaughtException', internalError);

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
main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, internalError);
