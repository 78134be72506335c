// Review: a change that leaves a failure mode of the environment's catalog (failure-modes/<env>.yaml)
// uncovered or slower than its target, or makes a noise scenario page, is a risk, stated with the
// time to notify before and after. The catalog's scenarios run against the base and the head stack.
import * as fs from 'fs';
import * as path from 'path';
import { stackName } from '../../config/environment';
import { type CoverageResult, type CoverageRow, coverageOf } from '../simulate/failure-modes/coverage';
import { loadFailureModeCatalog } from '../simulate/failure-modes/failure-mode-catalog';
import { formatDuration } from '../simulate/durations';
import { type StackModel, stackModelFromJson } from '../simulate/policy-model';
import type { RiskKind } from './model';

export interface CoverageRisk {
  readonly kind: RiskKind;
  readonly address: string;
  readonly message: string;
}

/** The catalog of a stack, if the directory holds one: failure-modes/staging.yaml for monitoring-staging. */
export function catalogFor(directory: string, stack: string): string | undefined {
  if (!fs.existsSync(directory)) return undefined;
  const found = fs
    .readdirSync(directory)
    .find((entry) => /\.ya?ml$/.test(entry) && stackName(entry.replace(/\.ya?ml$/, '')) === stack);
  return found === undefined ? undefined : path.join(directory, found);
}

function coverageWith(catalog: string, stack: StackModel): CoverageResult {
  return coverageOf(loadFailureModeCatalog(catalog), { resolveEnvironment: () => stack });
}

/**
 * The base as the catalog sees it: its policies, with the head's log-based metrics known too. A
 * change that adds a log-based metric and a failure mode whose scenario writes it must not stop the
 * review: the base has no policy on that metric, so its series are simply not read there.
 */
function withLogMetricsOf(base: StackModel, head: StackModel): StackModel {
  return { ...base, logMetrics: new Map([...head.logMetrics, ...base.logMetrics]) };
}

function timeWords(row: CoverageRow | undefined): string {
  if (!row || row.status === 'not-covered') return 'nothing notifies';
  return `${row.firstPage} in ${formatDuration(row.worstCaseSeconds ?? 0)} worst case`;
}

/** Worse than before and not ok now: uncovered, or slower than before and beyond the target. */
function regressed(before: CoverageRow | undefined, after: CoverageRow): boolean {
  if (after.status === 'ok') return false;
  if (!before) return true;
  if (after.status === 'not-covered') return before.status !== 'not-covered';
  return before.status === 'ok' || (after.worstCaseSeconds ?? 0) > (before.worstCaseSeconds ?? 0);
}

export function coverageRisks(catalog: string, base: unknown, head: unknown): CoverageRisk[] {
  // A stack that did not change cannot change its coverage: most reviews of a pull request that
  // touches other stacks or only docs skip two runs of the whole catalog.
  if (base === head || JSON.stringify(base) === JSON.stringify(head)) return [];
  const headStack = stackModelFromJson(head, 'head');
  const before = coverageWith(catalog, withLogMetricsOf(stackModelFromJson(base, 'base'), headStack));
  const after = coverageWith(catalog, headStack);
  const risks: CoverageRisk[] = [];
  for (const row of after.modes) {
    const old = before.modes.find((one) => one.id === row.id);
    if (!regressed(old, row)) continue;
    risks.push({
      kind: row.status === 'not-covered' ? 'failure-mode-uncovered' : 'failure-mode-slower',
      address: `failure mode ${row.id}`,
      message: `failure mode **${row.id}** (${row.severity}, target ${formatDuration(row.targetSeconds)}) becomes ${row.status === 'not-covered' ? 'NOT COVERED' : 'SLOWER THAN TARGET'}: before, ${timeWords(old)}; after, ${timeWords(row)}`,
    });
  }
  for (const row of after.noise) {
    const old = before.noise.find((one) => one.id === row.id);
    if (row.status !== 'pages' || old?.status === 'pages') continue;
    risks.push({
      kind: 'noise-pages',
      address: `noise scenario ${row.id}`,
      message: `noise scenario **${row.id}** now pages: ${row.paging.join('; ')}`,
    });
  }
  return risks;
}
