// Writes the seeded staging history (scripts/backtest/staging-history-model.ts) as `vigil export`
// files, for `vigil backtest --env staging --from-exports DIR`, and prints the seeded incidents a
// correct backtest reports. Run: npm run backtest:history -- DIR [DAYS=28] [FROM=2026-11-01T00:00:00Z]
// DIR must not exist yet: nothing is ever written over.
import * as fs from 'fs';
import * as path from 'path';
import { generateHistory } from '../src/tools/backtest/synthetic-history';
import { formatTimestamp, parseTimestamp } from '../src/tools/simulate/time-points';
import { stagingHistoryModel } from './backtest/staging-history-model';

const [directory, daysText = '28', fromText = '2026-11-01T00:00:00Z'] = process.argv.slice(2);
const days = Number(daysText);
const from = parseTimestamp(fromText);
if (!directory || !Number.isInteger(days) || days < 1 || from === undefined) {
  process.stderr.write('usage: npm run backtest:history -- DIR [DAYS=28] [FROM=2026-11-01T00:00:00Z]\n');
  process.exit(2);
}
if (fs.existsSync(directory)) {
  process.stderr.write(`${directory} already exists; give a new directory\n`);
  process.exit(1);
}
fs.mkdirSync(directory, { recursive: true });
const model = stagingHistoryModel(days);
for (const one of generateHistory(model, from, days, 24))
  fs.writeFileSync(path.join(directory, one.file), JSON.stringify(one.pages), { flag: 'wx' });
process.stdout.write(
  `wrote ${model.series.length} export files, ${days} days from ${formatTimestamp(from)}, into ${directory}\n`,
);
process.stdout.write('seeded incidents (each must open exactly one incident of the policy named):\n');
for (const incident of model.incidents)
  process.stdout.write(
    `  ${formatTimestamp(from + incident.start)} for ${incident.durationSeconds / 60} min: ${incident.series} at ${incident.level} → ${incident.pages.join(', ')}\n`,
  );
