#!/usr/bin/env node
'use strict';
// The CLI runs compiled JavaScript: `npm run build` (or any npm script that needs it) writes dist/.
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
