// The README's alert table is what the staging stack deploys: generated, and checked here.
import * as fs from 'fs';
import * as path from 'path';
import {
  alertTable,
  coverageTable,
  failureModeIndex,
  signalTable,
  sloTable,
  timeToNotificationTable,
} from '../../scripts/readme-tables';
import { thresholdWords } from '../../src/tools/docs/alert-table';
import { generatedSection, replaceGeneratedSection } from '../../src/tools/docs/readme-sections';
import { REPO_ROOT } from '../support/environments';
import { sharedArtifactsDirectory, stagingStackJson } from '../support/staging-stack';

describe('README', () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

  test('the signal table is the signal registry (run `npm run docs` after adding a signal)', () => {
    const table = signalTable();
    expect(generatedSection(readme, 'signal-table')).toBe(table);
    expect(table).toContain('| Redis connectivity | `thresholds.redis` |');
    expect(table).toContain('`connectionFailurePercent: 1`');
  });

  test('the alert table matches the synthesized staging stack (run `npm run docs` after changing alerts)', () => {
    const table = alertTable(REPO_ROOT, stagingStackJson());
    expect(generatedSection(readme, 'alert-table')).toBe(table);
    expect(table).toContain(
      '| [staging] PostgreSQL: p99 query latency > 500 ms | critical | Query Insights p99 latency > 500 ms for 5 min | > 500 ms | 1 min window, held 5 min |',
    );
    expect(table).toContain('| [staging] Redis: connection failures > 1% | critical |');
    expect(table).toContain(
      '| [staging] PostgreSQL: health endpoint reports postgresql not healthy from 4+ locations | critical |',
    );
  });

  test('the failure-mode coverage table is what `vigil simulate --coverage` prints for staging (run `npm run docs`)', async () => {
    const table = await coverageTable(REPO_ROOT, sharedArtifactsDirectory());
    expect(generatedSection(readme, 'failure-mode-coverage')).toBe(table);
    expect(table).toContain('| redis-noauth | page | 5m | [staging] Redis: health endpoint reports redis not healthy');
    expect(table).not.toContain('NOT COVERED');
    expect(table).not.toContain('SLOWER THAN TARGET');
  });

  test('the SLO table matches the synthesized staging stack (run `npm run docs` after changing SLOs)', () => {
    const table = sloTable(REPO_ROOT, stagingStackJson());
    expect(generatedSection(readme, 'slo-table')).toBe(table);
    expect(table).toContain(
      '| Chat API availability | 99.5% over 30 days | 3 h 36 min | [staging] Chat API availability SLO: error budget burning > 14.4x | critical | > 14.4x over 1 h and 5 min | 2% |',
    );
    expect(table).toContain('| warning | > 1x over 72 h and 6 h | 10% |');
  });

  test('the time-to-notification table is what `vigil simulate --report` prints for staging (run `npm run docs`)', async () => {
    const table = await timeToNotificationTable(REPO_ROOT, sharedArtifactsDirectory());
    expect(generatedSection(readme, 'time-to-notification')).toBe(table);
    expect(table).toContain('| [staging] Redis: connection failures > 1% |');
  });

  test('docs/coverage.md links each failure mode to its alerts and back (run `npm run docs`)', () => {
    const index = failureModeIndex(REPO_ROOT, stagingStackJson());
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'coverage.md'), 'utf8');
    expect(generatedSection(doc, 'failure-mode-index')).toBe(index);
    expect(index).toContain(
      '| [staging] Redis: health endpoint reports redis not healthy from 4+ locations | [redis-noauth](#redis-noauth), [redis-unreachable](#redis-unreachable), [redis-maxclients](#redis-maxclients), [vpc-connector-down](#vpc-connector-down) | [backend-down](#backend-down) |',
    );
  });

  test('names the two set-up commands and the deploy command', () => {
    expect(readme).toContain('npm ci && npm run synth');
    expect(readme).toContain('npm test');
    expect(readme).toContain('npx cdktf deploy monitoring-staging');
  });

  test('thresholds read in the unit a person uses', () => {
    expect(thresholdWords(500000, 'us', false)).toBe('500 ms');
    expect(thresholdWords(0.01, '1', true)).toBe('1%');
    expect(thresholdWords(0.07, '1', true)).toBe('7%');
    expect(thresholdWords(30, 's', false)).toBe('30 s');
    // ALIGN_RATE: bytes per second (the connector's throughput alerts).
    expect(thresholdWords(118750000, 'By', false, true)).toBe('118750000 By/s');
  });

  test('generated sections are replaced between their markers only', () => {
    const text = 'a\n<!-- generated:x -->\nold\n<!-- /generated:x -->\nb';
    expect(replaceGeneratedSection(text, 'x', 'new')).toBe('a\n<!-- generated:x -->\nnew\n<!-- /generated:x -->\nb');
    expect(() => replaceGeneratedSection(text, 'y', 'new')).toThrow(
      'README.md has no <!-- generated:y --> … <!-- /generated:y --> section',
    );
  });
});
