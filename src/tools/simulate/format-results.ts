// Results as a person reads them (text), as a program reads them (JSON), and as CI dashboards
// read them (JUnit XML).
import * as path from 'path';
import { formatDuration } from './durations';
import type { PolicyRun } from './evaluate-policy';
import { formatLabels } from './labels';
import type { TestResult } from './run-scenarios';
import { appendAll } from '../../util/append-all';

export interface Totals {
  readonly files: number;
  readonly tests: number;
  readonly expectations: number;
  readonly failed: number;
  readonly milliseconds: number;
}

export function totalsOf(results: readonly TestResult[]): Totals {
  const expectations = results.flatMap((result) => result.expectations);
  return {
    files: new Set(results.map((result) => result.file)).size,
    tests: results.length,
    expectations: expectations.length,
    failed: expectations.filter((one) => !one.passed).length,
    milliseconds: results.reduce((sum, result) => sum + result.milliseconds, 0),
  };
}

function firingLines(runs: readonly PolicyRun[], incidentStart: number): string[] {
  const lines: string[] = [];
  for (const run of runs) {
    if (run.status === 'not-simulated') {
      lines.push(`    not simulated: ${run.policy.displayName}: ${run.reason}`);
      continue;
    }
    if (run.status !== 'evaluated') continue;
    for (const incident of run.incidents) {
      const after = incident.openedAt - incidentStart;
      const relative = after >= 0 ? ` (${formatDuration(after)} after the incident start)` : '';
      const closed =
        incident.closedAt === undefined
          ? 'open at the end'
          : `${incident.closedBy === 'auto-close' ? 'auto-closed' : 'resolved'} at t=${formatDuration(incident.closedAt)}`;
      lines.push(
        `    fired: ${run.policy.displayName} at t=${formatDuration(incident.openedAt)}${relative}, ${closed}; failing ${incident.failing.map(formatLabels).join(', ')}`,
      );
    }
  }
  return lines;
}

export function formatText(results: readonly TestResult[], cwd: string): string {
  const lines: string[] = [];
  let file: string | undefined;
  for (const result of results) {
    if (result.file !== file) {
      file = result.file;
      lines.push(path.relative(cwd, file) || file);
    }
    lines.push(`  ${result.name} (${result.milliseconds.toFixed(0)} ms)`);
    for (const expectation of result.expectations) {
      lines.push(
        `    ${expectation.passed ? 'ok  ' : 'FAIL'} ${expectation.policy}: ${expectation.expected}: ${expectation.detail}`,
      );
    }
    appendAll(lines, firingLines(result.runs, result.incidentStart));
    for (const name of result.unmatchedSeries)
      lines.push(`    note: ${name} matches no filter of any alert policy (a typo in its metric, resource or labels?)`);
  }
  const totals = totalsOf(results);
  lines.push(
    '',
    `${totals.expectations - totals.failed} passed, ${totals.failed} failed (${totals.expectations} expectations in ${totals.tests} tests of ${totals.files} files, ${totals.milliseconds.toFixed(0)} ms)`,
  );
  return `${lines.join('\n')}\n`;
}

export function formatJson(results: readonly TestResult[], cwd: string): string {
  return `${JSON.stringify(
    {
      totals: totalsOf(results),
      tests: results.map((result) => ({
        file: path.relative(cwd, result.file) || result.file,
        name: result.name,
        milliseconds: Math.round(result.milliseconds * 10) / 10,
        expectations: result.expectations,
        unmatchedSeries: result.unmatchedSeries,
        policies: result.runs.map((run) => ({
          policy: run.policy.displayName,
          address: run.policy.address,
          status: run.status,
          ...(run.status === 'not-simulated' ? { reason: run.reason } : {}),
          ...(run.status === 'evaluated'
            ? {
                incidents: run.incidents.map((incident) => ({
                  openedAtSeconds: incident.openedAt,
                  secondsAfterIncidentStart: incident.openedAt - result.incidentStart,
                  closedAtSeconds: incident.closedAt ?? null,
                  closedBy: incident.closedBy ?? null,
                  failing: incident.failing,
                })),
              }
            : {}),
        })),
      })),
    },
    null,
    2,
  )}\n`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One testsuite per scenario file, one testcase per expectation. */
export function formatJunit(results: readonly TestResult[], cwd: string): string {
  const byFile = new Map<string, TestResult[]>();
  for (const result of results) byFile.set(result.file, [...(byFile.get(result.file) ?? []), result]);
  const totals = totalsOf(results);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="vigil simulate" tests="${totals.expectations}" failures="${totals.failed}" time="${(totals.milliseconds / 1000).toFixed(3)}">`,
  ];
  for (const [file, tests] of byFile) {
    const cases = tests.flatMap((test) => test.expectations.map((expectation) => ({ test, expectation })));
    const failures = cases.filter((one) => !one.expectation.passed).length;
    const seconds = tests.reduce((sum, test) => sum + test.milliseconds, 0) / 1000;
    lines.push(
      `  <testsuite name="${xml(path.relative(cwd, file) || file)}" tests="${cases.length}" failures="${failures}" time="${seconds.toFixed(3)}">`,
    );
    for (const { test, expectation } of cases) {
      const name = xml(`${test.name}: ${expectation.policy} ${expectation.expected}`);
      if (expectation.passed) lines.push(`    <testcase classname="${xml(test.name)}" name="${name}"/>`);
      else
        lines.push(
          `    <testcase classname="${xml(test.name)}" name="${name}">`,
          `      <failure message="${xml(expectation.detail)}"/>`,
          '    </testcase>',
        );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
