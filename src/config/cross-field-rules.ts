// Rules that span several fields of an environment file, checked once the schema has passed.
import type { ConfigProblem } from './config-error';
import type { EnvironmentFile } from './schema';
import { checkerLocations, failingLocationsThreshold, largestRegion, MIN_CHECKER_LOCATIONS } from './checker-locations';
import { expectConflicts } from './expect-conflicts';
import { appendAll } from '../util/append-all';

export function crossFieldProblems(file: string, env: EnvironmentFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const ids = new Set(env.notifications.channels.map((channel) => channel.id));
  appendAll(
    problems,
    duplicates(
      file,
      'channel id',
      'notifications.channels',
      env.notifications.channels.map((channel) => channel.id),
      '.id',
    ),
  );
  // Each service becomes resources named after it; two of the same name would clash in Terraform.
  appendAll(problems, duplicates(file, 'service name', 'cloudRun.services', env.cloudRun.services));
  // The drift checks name a postcondition after each expected service: a repeat would clash too.
  const expectedServices = env.expect?.cloudRun?.services ?? [];
  appendAll(problems, duplicates(file, 'service name', 'expect.cloudRun.services', expectedServices));
  appendAll(problems, duplicates(file, 'checker region', 'uptime.checkerRegions', env.uptime.checkerRegions));
  for (const severity of ['critical', 'error', 'warning'] as const) {
    appendAll(
      problems,
      duplicates(file, 'channel', `notifications.routing.${severity}`, env.notifications.routing[severity] ?? []),
    );
  }
  for (const severity of ['critical', 'error', 'warning'] as const) {
    (env.notifications.routing[severity] ?? []).forEach((id, index) => {
      if (!ids.has(id)) {
        problems.push({
          file,
          path: `notifications.routing.${severity}[${index}]`,
          message: `no channel has id "${id}"; expected one of: ${[...ids].join(', ')}`,
        });
      }
    });
  }
  const postgres = env.thresholds.postgres;
  if (postgres.p99WarningLatencyMs >= postgres.p99LatencyMs) {
    problems.push({
      file,
      path: 'thresholds.postgres.p99WarningLatencyMs',
      message: `expected a warning latency below the critical p99LatencyMs (${postgres.p99LatencyMs}), found ${postgres.p99WarningLatencyMs}`,
    });
  }
  if (env.vpcConnector.maxInstances <= env.vpcConnector.minInstances) {
    problems.push({
      file,
      path: 'vpcConnector.maxInstances',
      message: `expected more than minInstances (${env.vpcConnector.minInstances}), found ${env.vpcConnector.maxInstances}`,
    });
  }
  const locations = checkerLocations(env.uptime.checkerRegions);
  if (locations.length < MIN_CHECKER_LOCATIONS) {
    problems.push({
      file,
      path: 'uptime.checkerRegions',
      message: `expected regions covering at least ${MIN_CHECKER_LOCATIONS} checker locations (the Monitoring API's minimum), found ${locations.length} (${locations.join(', ')})`,
    });
  }
  const failing = failingLocationsThreshold(env.uptime.checkerRegions, env.thresholds.uptime.failingLocations);
  if (failing > locations.length) {
    problems.push({
      file,
      path: 'thresholds.uptime.failingLocations',
      message: `expected at most the ${locations.length} checker locations selected, found ${failing}`,
    });
  }
  // One region's checkers failing together is usually the network between them and the service.
  const largest = largestRegion(env.uptime.checkerRegions);
  if (failing <= largest.locations && largest.locations < locations.length) {
    problems.push({
      file,
      path: 'thresholds.uptime.failingLocations',
      message: `expected more than the ${largest.locations} checker locations of region ${largest.region}, found ${failing}: that region's checkers alone could page (leave it unset for ${largest.locations + 1})`,
    });
  }
  // The drift expectations must not contradict the settings the alerts are built from.
  appendAll(problems, expectConflicts(file, env));
  return problems;
}

/** One problem per repeated entry of a list, naming the entry it repeats; linear in the list's length. */
function duplicates(
  file: string,
  what: string,
  listPath: string,
  values: readonly string[],
  field = '',
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const first = new Map<string, number>();
  values.forEach((value, index) => {
    const earlier = first.get(value);
    if (earlier === undefined) {
      first.set(value, index);
      return;
    }
    problems.push({
      file,
      path: `${listPath}[${index}]${field}`,
      message: `duplicate ${what} "${value}": also ${listPath}[${earlier}]${field}; expected each ${what} once`,
    });
  });
  return problems;
}
