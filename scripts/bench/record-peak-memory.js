// Preloaded into each benchmarked process (node --require): on exit, appends the process's peak
// resident set size in KiB to the file named by VIGIL_BENCH_RSS_FILE.
'use strict';
const fs = require('fs');
process.on('exit', () => {
  const file = process.env.VIGIL_BENCH_RSS_FILE;
  if (file) fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
