// Test support: a live project for `vigil adopt` and review's imports, built from the synthesized
// staging stack as the Monitoring and Logging list APIs return resources (camelCase, full names,
// output-only fields such as creationRecord and conditions' names). Seeded with the remediation
// plan's own "Redis Connectivity Alert", hand-made copies of the stack's resources (one with
// another threshold, one at 5% instead of 1%), near misses (same metric other resource; same host other path), Google's
// published alert templates, a channel another Terraform configuration manages (by its labels), a
// log-based metric and a service with the stack's names, and a service kind vigil does not model.
import * as fs from 'fs';
import * as path from 'path';
import { toApiSpelling } from '../../src/artifact/read/read-terraform';
import type { LiveKind } from '../../src/tools/adopt/collections';
import type { LiveResource } from '../../src/tools/adopt/live-inventory';
import { resourcesOf } from './environments';

export const PROJECT = 'projects/netra-staging';
const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'alerts');

type Body = Record<string, unknown>;

export interface LiveProject {
  readonly alertPolicies: Body[];
  readonly uptimeCheckConfigs: Body[];
  readonly notificationChannels: Body[];
  readonly services: Body[];
  readonly metrics: Body[];
}

const RECORD = { mutateTime: '2026-11-20T09:14:03.120Z', mutatedBy: 'oncall@netrasystems.ai' };

/**
 * The remediation plan's policy (reference/remediation-plan.md, monitoring.tf, "Redis Connectivity
 * Alert") as projects.alertPolicies.list returns it: its filter names a resource type and no metric.
 */
export const REDIS_CONNECTIVITY_ALERT: Body = {
  name: `${PROJECT}/alertPolicies/1001`,
  displayName: 'Redis Connectivity Alert',
  combiner: 'OR',
  enabled: true,
  creationRecord: RECORD,
  mutationRecord: RECORD,
  conditions: [
    {
      name: `${PROJECT}/alertPolicies/1001/conditions/1`,
      displayName: 'Redis connection failures',
      conditionThreshold: {
        filter: 'resource.type="redis_instance"',
        comparison: 'COMPARISON_GT',
        thresholdValue: 0,
        duration: '300s',
        aggregations: [{ alignmentPeriod: '300s', perSeriesAligner: 'ALIGN_RATE' }],
      },
    },
  ],
};

/** Google's published alert templates (../shared/corpus/alerts), each with a live name. */
export function corpusTemplates(): Body[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) files.push(full);
    }
  };
  walk(CORPUS);
  return files.sort().map((file, index) => ({
    ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Body),
    name: `${PROJECT}/alertPolicies/t${index}`,
  }));
}

/** The stack resource in the API's spelling, as the API would list it once it exists. */
function asListed(body: Body, name: string, extra: Body = {}): Body {
  const api = toApiSpelling(body) as Body;
  delete api.project;
  delete api.forceDelete;
  return { ...api, name, ...extra };
}

/** The project's resources as adopt reads them (kind, full name, body). */
export function liveResources(project: LiveProject): LiveResource[] {
  const kinds: [LiveKind, Body[]][] = [
    ['alertPolicy', project.alertPolicies],
    ['uptimeCheck', project.uptimeCheckConfigs],
    ['notificationChannel', project.notificationChannels],
    ['service', project.services],
    ['logMetric', project.metrics],
  ];
  return kinds.flatMap(([kind, bodies]) => bodies.map((body) => ({ kind, name: String(body.name), body })));
}

export function seededLiveProject(stack: Record<string, unknown>): LiveProject {
  const policies = resourcesOf(stack, 'google_monitoring_alert_policy');
  // A hand-made copy of the stack's Redis Memorystore policy with another threshold and name.
  const memory = asListed(policies.redis_memory_pressure, `${PROJECT}/alertPolicies/2001`, {
    displayName: 'hand-made during the incident',
    creationRecord: RECORD,
  }) as Body & { conditions: Body[] };
  memory.conditions = memory.conditions.map((condition, index) => ({
    ...condition,
    name: `${PROJECT}/alertPolicies/2001/conditions/${index + 1}`,
    conditionThreshold:
      index === 0
        ? { ...(condition.conditionThreshold as Body), thresholdValue: 0.8, duration: '600s' }
        : condition.conditionThreshold,
  }));
  // Same metric, another resource type: a near miss.
  const sql = asListed(policies.cloudsql_cpu_high, `${PROJECT}/alertPolicies/2002`, {
    displayName: 'same metric, other resource',
  }) as Body & { conditions: Body[] };
  sql.conditions = sql.conditions.map((condition) => {
    const threshold = condition.conditionThreshold as Body;
    return {
      ...condition,
      conditionThreshold: {
        ...threshold,
        filter: String(threshold.filter).replace(/resource\.type="[^"]*"/, 'resource.type="gce_instance"'),
      },
    };
  });
  // The stack's Redis connection-failure policy, made by hand at 5% instead of 1%.
  const connectivity = asListed(policies.redis_connection_failures, `${PROJECT}/alertPolicies/2003`, {
    displayName: 'Redis connectivity',
  }) as Body & { conditions: Body[] };
  connectivity.conditions = connectivity.conditions.map((condition, index) =>
    index === 0
      ? { ...condition, conditionThreshold: { ...(condition.conditionThreshold as Body), thresholdValue: 0.05 } }
      : condition,
  );
  const checks = resourcesOf(stack, 'google_monitoring_uptime_check_config');
  const channels = resourcesOf(stack, 'google_monitoring_notification_channel');
  const metrics = resourcesOf(stack, 'google_logging_metric');
  const backend = asListed(checks.uptime_backend_health, `${PROJECT}/uptimeCheckConfigs/u1`, {
    displayName: 'backend health (hand-made)',
  });
  return {
    alertPolicies: [REDIS_CONNECTIVITY_ALERT, memory, sql, connectivity, ...corpusTemplates()],
    uptimeCheckConfigs: [
      backend,
      {
        ...backend,
        name: `${PROJECT}/uptimeCheckConfigs/u2`,
        displayName: 'backend root',
        httpCheck: { ...(backend.httpCheck as Body), path: '/not-health' },
      },
    ],
    notificationChannels: [
      asListed(channels.channel_platform_email, `${PROJECT}/notificationChannels/c1`, {
        displayName: 'Platform on-call (console)',
        verificationStatus: 'VERIFIED',
      }),
      // Made by another Terraform configuration whose provider sets default labels.
      asListed(channels.channel_staging_slack, `${PROJECT}/notificationChannels/c2`, {
        displayName: 'staging alerts',
        userLabels: { 'managed-by': 'terraform' },
        sensitiveLabels: undefined,
      }),
    ],
    services: [
      { name: `${PROJECT}/services/istio-thing`, displayName: 'not modelled', istioCanonicalService: {} },
      { name: `${PROJECT}/services/vigil-staging-chat-backend`, displayName: 'chat backend (console)', custom: {} },
    ],
    metrics: [
      {
        ...(toApiSpelling(metrics.redis_connection_errors) as Body),
        project: undefined,
        description: 'Redis errors',
        createTime: '2026-11-20T09:14:03Z',
      },
    ],
  };
}
