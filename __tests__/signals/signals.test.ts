// Every registered signal on its own, in a bare stack with a stub context (no notification
// channels, no dashboard, no other signal): how many alerts it creates with the least
// configuration and with every optional alert on, their thresholds in the metric's unit, their
// runbooks, the log-based metrics and dashboard sections it declares, and the threshold lines
// its charts take from its alerts. One table over the registry.
import { testingApp } from '../support/testing-app';
import { TerraformStack, Testing } from 'cdktf';
import type { Environment } from '../../src/config/environment';
import type { SignalKey } from '../../src/config/signals/registry';
import { SIGNAL_DEFINITIONS } from '../../src/config/signals/registry';
import { DASHBOARD_SECTIONS } from '../../src/config/signals/signal-definition';
import type { MonitoringContext } from '../../src/constructs/monitoring-context';
import { SIGNAL_CONSTRUCTS } from '../../src/constructs/signals/registry';
import type { Signal } from '../../src/constructs/signals/signal';
import { validate } from '../support/environments';

/** The least an environment file can say: every optional block and threshold left to its default. */
const MINIMAL = {
  project: 'acme-test',
  region: 'europe-west1',
  notifications: {
    channels: [{ id: 'oncall-email', type: 'email', address: 'oncall@example.com' }],
    routing: { critical: ['oncall-email'] },
  },
  redis: {
    instanceId: 'test-redis',
    host: '10.0.0.3',
    tier: 'BASIC',
    memorySizeGb: 1,
    version: 'REDIS_7_2',
    authEnabled: true,
  },
  postgres: { instance: 'test-postgres' },
  vpcConnector: { name: 'test-connector', network: 'test-vpc', ipCidrRange: '10.8.0.0/28' },
  cloudRun: { services: ['api', 'worker'], egress: 'private-ranges-only' },
  uptime: { backendHealthUrl: 'https://api.example.com/health', authHealthUrl: 'https://auth.example.com/health' },
};

/** Settings that switch on every optional alert. */
const ALL_ALERTS: Record<string, unknown> = { ...MINIMAL };

interface SignalRow {
  readonly key: SignalKey;
  /** Alert policies with MINIMAL, and with ALL_ALERTS. */
  readonly alerts: { readonly minimal: number; readonly all: number };
  /** Each policy's condition thresholds with default thresholds, in the unit of the condition's metric. */
  readonly thresholds: Readonly<Record<string, readonly number[]>>;
}

const SIGNALS: readonly SignalRow[] = [
  {
    key: 'redis',
    alerts: { minimal: 4, all: 4 },
    // 1% of requests as a ratio with at least 100 requests (> 99) in the window; rejected
    // connections > 0; connected clients < 1; the health endpoint failing from more than
    // 4 - 1 locations (one more than the USA's 3 checkers).
    thresholds: {
      redis_connection_failures: [0.01, 99],
      redis_health_endpoint: [3],
      redis_memorystore_connections: [0, 1],
      // 90% of maxmemory as a fraction; any evicted key.
      redis_memory_pressure: [0.9, 0],
    },
  },
  {
    key: 'postgres',
    alerts: { minimal: 3, all: 3 },
    // Query Insights latencies are in µs: 500 ms and 200 ms.
    thresholds: {
      postgres_p99_latency_critical: [500000],
      postgres_p99_latency_warning: [200000],
      postgres_health_endpoint: [3],
    },
  },
  {
    key: 'vpcConnector',
    alerts: { minimal: 4, all: 4 },
    // Fewer than minInstances (default 2) instances; the absence condition has no threshold. At
    // maxInstances (default 10) as "> 9". Capacity of 10 e2-micro instances: 10 × 100 Mbit/s =
    // 125,000,000 bytes/s; 80% (warning) and 95% (page) of it, sent and received.
    thresholds: {
      vpc_connector_not_serving: [2],
      vpc_connector_at_max_instances: [9],
      vpc_connector_near_capacity: [100_000_000, 100_000_000],
      vpc_connector_saturated: [118_750_000, 118_750_000],
    },
  },
  {
    key: 'agent',
    alerts: { minimal: 2, all: 2 },
    // 5% as a ratio and "at least 20 executions" as "> 19"; the 30 s budget on a seconds distribution.
    thresholds: { agent_timeout_rate: [0.05, 19], agent_execution_over_budget: [30] },
  },
  {
    key: 'uptime',
    alerts: { minimal: 2, all: 2 },
    thresholds: { uptime_backend_health_failing: [3], uptime_auth_health_failing: [3] },
  },
  {
    key: 'cloudSql',
    alerts: { minimal: 6, all: 6 },
    // database/up below 1; 80% (ticket) and 95% (page) of the default 100 max_connections as a
    // backend count; more than 10 refusals in postgres.log per 5 minutes; CPU and disk
    // utilization are fractions (90% -> 0.9).
    thresholds: {
      cloudsql_instance_down: [1],
      cloudsql_connections_near_max: [80],
      cloudsql_connections_exhausted: [95],
      postgres_too_many_clients: [10],
      cloudsql_cpu_high: [0.9],
      cloudsql_disk_high: [0.9],
    },
  },
  {
    key: 'cloudRun',
    alerts: { minimal: 2, all: 2 },
    // A revision at the default 100 max instances as "> 99"; 1% of requests answered 429/503 as
    // a ratio, with at least 100 requests a minute as "> 99".
    thresholds: { cloud_run_at_max_instances: [99], cloud_run_rejected_requests: [0.01, 99] },
  },
];

type Resources = Record<string, Record<string, Record<string, any>>>;

interface Built {
  readonly signal: Signal;
  readonly resources: Resources;
}

function build(key: SignalKey, data: Record<string, unknown>): Built {
  const environment: Environment = validate(data, 'environments/test.yaml');
  const context: MonitoringContext = {
    environment,
    channelsBySeverity: { critical: ['stub-critical'], error: [], warning: [] },
    dashboardTitle: 'Test dashboard',
    dashboardUrl: 'https://console.example.com/dashboards/test',
  };
  const stack = new TerraformStack(testingApp(), 'signal-test');
  const [id, SignalConstruct] = SIGNAL_CONSTRUCTS[key];
  const signal = new SignalConstruct(stack, id, context);
  const resources = (JSON.parse(Testing.synth(stack)) as { resource?: Resources }).resource ?? {};
  return { signal, resources };
}

const policiesOf = (built: Built) => built.resources.google_monitoring_alert_policy ?? {};

describe('the signal table', () => {
  test('has one row per registered signal, in registry order', () => {
    expect(SIGNALS.map((row) => row.key)).toEqual(SIGNAL_DEFINITIONS.map((definition) => definition.key));
  });
});

describe.each(SIGNALS.map((row) => [row.key, row] as const))('signal %s', (key, row) => {
  const definition = SIGNAL_DEFINITIONS.find((candidate) => candidate.key === key)!;
  const minimal = build(key, MINIMAL);
  const all = build(key, ALL_ALERTS);

  test('no optional alerts: the alerts it always creates', () => {
    expect(Object.keys(policiesOf(minimal))).toHaveLength(row.alerts.minimal);
    expect(minimal.signal.alertPolicies).toHaveLength(row.alerts.minimal);
  });

  test('all alerts: every optional alert switched on', () => {
    expect(Object.keys(policiesOf(all))).toHaveLength(row.alerts.all);
    expect(all.signal.alertPolicies.map((policy) => policy.id).sort()).toEqual(Object.keys(policiesOf(all)).sort());
  });

  test("thresholds in the metric's unit, from the defaults", () => {
    const thresholds = Object.fromEntries(
      Object.entries(policiesOf(all)).map(([id, policy]) => [
        id,
        (policy.conditions as Array<{ condition_threshold?: { threshold_value: number } }>).flatMap((condition) =>
          condition.condition_threshold ? [condition.condition_threshold.threshold_value] : [],
        ),
      ]),
    );
    expect(thresholds).toEqual(row.thresholds);
  });

  test('every alert has a runbook: what fired, impact, numbered first checks, the dashboard', () => {
    for (const policy of Object.values(policiesOf(all))) {
      const content = policy.documentation.content as string;
      expect(content).toMatch(/^## What fired\n.+\n\n## What it means for users\n.+\n\n## First checks\n1\. /);
      expect(content).toContain('## Dashboard');
      // The services are known: a runbook names them instead of leaving a placeholder.
      expect(content).not.toMatch(/<service>/);
    }
  });

  test('creates exactly the log-based metrics it declares', () => {
    const created = Object.values(all.resources.google_logging_metric ?? {})
      .map((metric) => metric.name)
      .sort();
    expect(created).toEqual(
      Object.values(definition.logBasedMetrics)
        .map((name) => `vigil-test-${name}`)
        .sort(),
    );
  });

  test('declares dashboard words for exactly the sections it charts', () => {
    const charted = DASHBOARD_SECTIONS.filter((section) => all.signal.widgets[section].length > 0);
    expect(Object.keys(definition.sections).sort()).toEqual([...charted].sort());
  });

  test('threshold lines on its charts are lines its alerts hand over', () => {
    const lines = DASHBOARD_SECTIONS.flatMap((section) => all.signal.widgets[section])
      .flatMap(
        (widget) =>
          (widget.xyChart as { thresholds?: Array<{ value: number; label: string }> } | undefined)?.thresholds ?? [],
      )
      .map(({ value, label }) => ({ value, label }));
    const handed = all.signal.alertPolicies.flatMap((policy) => (policy.thresholdLine ? [policy.thresholdLine] : []));
    for (const line of lines) expect(handed).toContainEqual(line);
    for (const line of handed) expect(Object.values(row.thresholds).flat()).toContain(line.value);
  });
});
