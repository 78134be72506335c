// Two environments that target one project share its namespace of alert policies, log-based
// metrics and uptime checks. The stack names each after its environment (`[<env>] <title>` for
// alert policies, uptime checks and channels, `vigil-<env>-<metric>` for log-based metrics), so
// environments collide when their names do: two files giving one name (`staging.yaml` and
// `staging.yml`: also one Terraform stack), or log-based metric names that come out equal because
// an environment name runs into another's metric name (`a` + `b-c` and `a-b` + `c`).
import type { ConfigProblem } from './config-error';
import type { Environment } from './environment';
import { goldenPathLogMetrics } from './golden-path-metrics';
import { SIGNAL_DEFINITIONS } from './signals/registry';

// The log-based metrics each environment's stack creates, by the name after `vigil-<env>-`: what
// the signals declare (src/config/signals/). __tests__/clone/collisions.test.ts synthesizes staging
// and fails when the stack creates a metric no signal declares.
export const LOG_BASED_METRICS: readonly string[] = SIGNAL_DEFINITIONS.flatMap((signal) =>
  Object.values(signal.logBasedMetrics),
);

/** Every log-based metric an environment's stack creates: the signals', and its golden path's (one per event). */
export function logBasedMetricsOf(environment: Pick<Environment, 'goldenPath'>): string[] {
  return [...LOG_BASED_METRICS, ...goldenPathLogMetrics(environment.goldenPath)];
}

export function logBasedMetricName(environmentName: string, metric: string): string {
  return `vigil-${environmentName}-${metric}`;
}

/** The display-name prefix of an environment's alert policies, uptime checks and channels. */
export function displayNamePrefix(environmentName: string): string {
  return `[${environmentName}] `;
}

function describe(environment: Environment): string {
  return `${environment.file} (environment "${environment.name}", project ${environment.project})`;
}

export function environmentCollisions(
  environments: readonly Environment[],
  metricsOf: (environment: Environment) => readonly string[] = logBasedMetricsOf,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (let i = 0; i < environments.length; i++) {
    for (let j = i + 1; j < environments.length; j++) {
      const [first, second] = [environments[i], environments[j]];
      if (first.name === second.name) {
        problems.push({
          file: second.file,
          path: '',
          message:
            `gives the environment name "${second.name}" that ${first.file} gives too: both would be stack monitoring-${second.name}` +
            (first.project === second.project
              ? `, and in project ${second.project} their alert policies and uptime checks ("${displayNamePrefix(second.name)}…") and log-based metrics (vigil-${second.name}-…) would be the same`
              : '') +
            '; expected one file per environment name',
        });
        continue;
      }
      if (first.project !== second.project) continue;
      const names = new Map(metricsOf(first).map((metric) => [logBasedMetricName(first.name, metric), metric]));
      for (const metric of metricsOf(second)) {
        const name = logBasedMetricName(second.name, metric);
        const other = names.get(name);
        if (other !== undefined) {
          problems.push({
            file: second.file,
            path: '',
            message: `log-based metric "${name}" of ${describe(second)} is also log-based metric "${other}" of ${describe(first)}; expected environments of one project to have names that do not run into each other's metric names: rename one of the two files`,
          });
        }
      }
    }
  }
  return problems;
}
