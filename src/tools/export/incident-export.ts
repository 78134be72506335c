// What `vigil export` fetches and writes: one export file per distinct condition filter of the
// chosen policies (both filters of a ratio), and a skeleton scenario that replays them.
import { logicalId, Policy } from '../simulate/policy-model';
import { formatTimestamp } from '../simulate/time-points';
import { MONITORING_API, timeSeriesListUrl } from './monitoring-rest';

export interface ExportTarget {
  /** File name inside the output directory. */
  readonly file: string;
  readonly filter: string;
  /** Which conditions select these series, in words. */
  readonly usedBy: readonly string[];
}

export interface SkippedCondition {
  readonly policy: string;
  readonly condition: string;
  readonly reason: string;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'policy'
  );
}

/** The filters to list, one file each; conditions that select no raw series are skipped with a reason. */
export function exportTargets(policies: readonly Policy[]): { targets: ExportTarget[]; skipped: SkippedCondition[] } {
  const byFilter = new Map<string, { file: string; usedBy: string[] }>();
  const skipped: SkippedCondition[] = [];
  for (const policy of policies) {
    const name = slug(logicalId(policy) ?? policy.displayName);
    policy.conditions.forEach((condition, index) => {
      if (condition.type === 'unsupported') {
        skipped.push({
          policy: policy.displayName,
          condition: condition.displayName,
          reason: `a ${condition.what} selects no raw series to export`,
        });
        return;
      }
      const filters: Array<[string, string]> = [['', condition.filter]];
      if (condition.type === 'threshold' && condition.denominatorFilter)
        filters.push(['-denominator', condition.denominatorFilter]);
      for (const [suffix, filter] of filters) {
        // A Terraform reference (the ID of an uptime check) exists only after apply: the API cannot take it.
        const reference = /\$\{[^}]*\}/.exec(filter);
        if (reference) {
          skipped.push({
            policy: policy.displayName,
            condition: condition.displayName,
            reason: `its filter refers to ${reference[0]}, known only after terraform apply; list these series with the real value yourself`,
          });
          continue;
        }
        const use = `${policy.displayName}: ${condition.displayName}${suffix ? ' (denominator)' : ''}`;
        const known = byFilter.get(filter);
        if (known) known.usedBy.push(use);
        else byFilter.set(filter, { file: `${name}-${index + 1}${suffix}.json`, usedBy: [use] });
      }
    });
  }
  return { targets: [...byFilter].map(([filter, { file, usedBy }]) => ({ file, filter, usedBy })), skipped };
}

function quoted(text: string): string {
  // JSON strings are YAML double-quoted strings.
  return JSON.stringify(text);
}

export interface SkeletonOptions {
  readonly environment: string;
  readonly from: string;
  readonly to: string;
  /** Epoch seconds of the earliest exported point; undefined when the exports hold none. */
  readonly earliestPoint?: number;
  readonly files: readonly string[];
  readonly policies: readonly Policy[];
}

/**
 * A scenario that replays the exports as written: its times are absolute, t=0 is the earliest
 * exported point, and incident_start is that point until a person sets the real one. Each policy
 * gets a placeholder expectation that holds for any data (quiet before the incident start) and the
 * lines to write the real one.
 */
export function skeletonScenario(options: SkeletonOptions): string {
  const start = options.earliestPoint === undefined ? undefined : formatTimestamp(options.earliestPoint);
  const lines = [
    `# Replay of ${options.environment} from ${options.from} to ${options.to}, written by \`vigil export\`.`,
    '# 1. Set incident_start to when the incident began (an RFC 3339 time within the exports).',
    '# 2. Replace each placeholder expectation with what should happen: fires: {within: …} for the alerts',
    '#    that must page, does_not_fire: true for the ones that must stay quiet.',
    '# 3. Keep this directory under alert-tests/: `npm test` then replays it as a regression test.',
    `environment: ${options.environment}`,
    'tests:',
    `  - name: ${quoted(`replay of ${options.from} to ${options.to}`)}`,
  ];
  if (start === undefined) {
    lines.push(
      '    # The exports hold no points in this range: nothing places an RFC 3339 time, so times are durations.',
    );
  } else {
    lines.push(
      `    incident_start: ${quoted(start)}   # TODO: when the incident began (the earliest exported point until set)`,
    );
  }
  lines.push('    series:');
  for (const file of options.files) lines.push(`      - export: ${quoted(file)}`);
  lines.push('    expect:');
  for (const policy of options.policies) {
    lines.push(`      - policy: ${quoted(policy.displayName)}`);
    lines.push('        # TODO: fires: {within: 15m}   or   does_not_fire: true');
    lines.push(
      start === undefined ? '        does_not_fire: {until: 0s}' : `        does_not_fire: {until: ${quoted(start)}}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The same requests, for a person with gcloud but without application default credentials. */
export function manualCommands(project: string, targets: readonly ExportTarget[], from: string, to: string): string[] {
  return targets.map((target) => {
    const url = timeSeriesListUrl(MONITORING_API, { project, filter: target.filter, startTime: from, endTime: to });
    return `curl -sS -H "Authorization: Bearer $(gcloud auth print-access-token)" '${url}' -o ${target.file}`;
  });
}
