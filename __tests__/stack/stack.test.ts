// The synthesized stacks as a whole: a reviewed snapshot per environment, byte-identical
// re-synthesis, no secret values, the backend, and the dashboard's sections and layout.
import { synthesizeStackJson } from '../../stacks/synthesize';
import { repositoryEnvironments, resourcesOf, stagingEnvironment } from '../support/environments';

const environments = repositoryEnvironments();
const documents = new Map(environments.map((environment) => [environment.name, synthesizeStackJson(environment)]));
const staging = documents.get('staging')!;

describe('synthesized stacks', () => {
  test.each(environments.map((environment) => environment.name))('snapshot of monitoring-%s', (name) => {
    expect(documents.get(name)).toMatchSnapshot();
  });

  test('two syntheses are byte-identical', () => {
    const environment = stagingEnvironment();
    expect(JSON.stringify(synthesizeStackJson(environment))).toBe(JSON.stringify(synthesizeStackJson(environment)));
  });

  test('secrets come from sensitive variables and never appear in the artifact', () => {
    const secrets = {
      TF_VAR_slack_auth_token_staging_slack: 'xoxb-111-222-secretvalue',
      TF_VAR_pagerduty_service_key_pagerduty_oncall: 'pd-secret-key-123',
    };
    Object.assign(process.env, secrets);
    try {
      const text = JSON.stringify(synthesizeStackJson(stagingEnvironment()));
      for (const value of Object.values(secrets)) expect(text).not.toContain(value);
    } finally {
      for (const key of Object.keys(secrets)) delete process.env[key];
    }
    const variables = (staging as { variable: Record<string, Record<string, unknown>> }).variable;
    expect(variables).toEqual({
      pagerduty_service_key_pagerduty_oncall: expect.objectContaining({ sensitive: true, type: 'string' }),
      slack_auth_token_staging_slack: expect.objectContaining({ sensitive: true, type: 'string' }),
    });
    const channels = resourcesOf(staging, 'google_monitoring_notification_channel');
    expect(channels.channel_staging_slack.sensitive_labels).toEqual({
      auth_token: '${var.slack_auth_token_staging_slack}',
    });
    expect(channels.channel_pagerduty_oncall.sensitive_labels).toEqual({
      service_key: '${var.pagerduty_service_key_pagerduty_oncall}',
    });
    expect(channels.channel_platform_email.labels).toEqual({ email_address: 'platform-oncall@netrasystems.ai' });
  });

  test('local state by default, GCS when the environment sets a bucket', () => {
    expect((staging as { terraform: Record<string, unknown> }).terraform.backend).toEqual({
      local: { path: '../../../state/terraform.monitoring-staging.tfstate' },
    });
    const withGcs = {
      ...stagingEnvironment(),
      stateBackend: { gcs: { bucket: 'netra-terraform-state', prefix: 'monitoring/staging' } },
    };
    expect((synthesizeStackJson(withGcs) as { terraform: Record<string, unknown> }).terraform.backend).toEqual({
      gcs: { bucket: 'netra-terraform-state', prefix: 'monitoring/staging' },
    });
  });

  test("every resource targets the environment's project", () => {
    const resources = (staging as { resource: Record<string, Record<string, Record<string, unknown>>> }).resource;
    for (const [type, byId] of Object.entries(resources)) {
      for (const [id, resource] of Object.entries(byId)) {
        // A bucket object has no project of its own: it lives in its bucket (which has one).
        if (type.startsWith('google_') && type !== 'google_storage_bucket_object')
          expect([`${type}.${id}`, resource.project]).toEqual([`${type}.${id}`, 'netra-staging']);
      }
    }
  });

  describe('dashboard', () => {
    const dashboardJson = resourcesOf(staging, 'google_monitoring_dashboard').infrastructure_dashboard
      .dashboard_json as string;
    const dashboard = JSON.parse(dashboardJson);
    const tiles: Array<{ xPos: number; yPos: number; width: number; height: number; widget: Record<string, any> }> =
      dashboard.mosaicLayout.tiles;

    test('is titled per environment and has its sections in order, the golden path first, then alert status', () => {
      expect(dashboard.displayName).toBe('Infrastructure health — staging');
      expect(tiles.filter((tile) => tile.widget.sectionHeader).map((tile) => tile.widget.title)).toEqual([
        'Golden path',
        'Alert status',
        'Infrastructure response times',
        'Error rates by component',
        'Resource utilization trends',
        'Service level objectives',
        'Configuration drift',
      ]);
      expect(tiles[0]).toMatchObject({ xPos: 0, yPos: 0, widget: { title: 'Golden path' } });
    });

    test('names itself, and every runbook links that dashboard rather than the list of dashboards', () => {
      expect(dashboard.name).toBe('projects/netra-staging/dashboards/vigil-staging-infrastructure');
      const link =
        'https://console.cloud.google.com/monitoring/dashboards/builder/vigil-staging-infrastructure?project=netra-staging';
      for (const policy of Object.values(resourcesOf(staging, 'google_monitoring_alert_policy'))) {
        const content = (policy.documentation as { content: string }).content;
        expect(content.endsWith(`## Dashboard\n"Infrastructure health — staging": ${link}`)).toBe(true);
      }
    });

    test('has an alert chart for every alert policy', () => {
      const policies = Object.keys(resourcesOf(staging, 'google_monitoring_alert_policy')).sort();
      const charted = tiles
        .filter((tile) => tile.widget.alertChart)
        .map((tile) => /google_monitoring_alert_policy\.([a-z0-9_]+)\.name/.exec(tile.widget.alertChart.name)![1])
        .sort();
      expect(charted).toEqual(policies);
    });

    test('tiles stay inside the 48 columns and never overlap', () => {
      expect(dashboard.mosaicLayout.columns).toBe(48);
      for (const tile of tiles) {
        expect(tile.xPos + tile.width).toBeLessThanOrEqual(48);
        expect(Math.min(tile.xPos, tile.yPos)).toBeGreaterThanOrEqual(0);
      }
      for (let i = 0; i < tiles.length; i++) {
        for (let j = i + 1; j < tiles.length; j++) {
          const [a, b] = [tiles[i], tiles[j]];
          const overlap =
            a.xPos < b.xPos + b.width &&
            b.xPos < a.xPos + a.width &&
            a.yPos < b.yPos + b.height &&
            b.yPos < a.yPos + a.height;
          expect(overlap ? `${a.widget.title} overlaps ${b.widget.title}` : '').toBe('');
        }
      }
      expect(tiles.length).toBeLessThanOrEqual(100);
    });

    test('charts the signals the remediation plan asked for', () => {
      const titles = tiles.map((tile) => tile.widget.title);
      expect(titles).toEqual(
        expect.arrayContaining([
          'Uptime check latency',
          'PostgreSQL: query latency p50 / p99 (Query Insights)',
          'Redis: average command time (µs per call)',
          'Redis: connection errors per request',
          'Agent executions: timeout ratio',
          'Cloud Run: 5xx responses by service',
          'Redis: memory usage (fraction of maxmemory)',
          'Redis: CPU (CPU-seconds per second)',
          'Cloud SQL: memory utilization',
          'Cloud SQL: CPU utilization',
          'Cloud SQL: disk utilization',
          'Cloud SQL: connections against max_connections',
          'Cloud SQL: instance up (database/up)',
          'Cloud Run: CPU utilization p99 by service',
          'Cloud Run: memory utilization p99 by service',
          'Cloud Run: instances by service',
          'VPC connector staging-connector: instances',
          'VPC connector staging-connector: throughput',
          'Expected configuration',
        ]),
      );
      const fiveXx = tiles.find((tile) => tile.widget.title === 'Cloud Run: 5xx responses by service')!;
      expect(fiveXx.widget.xyChart.dataSets[0].timeSeriesQuery.timeSeriesFilter.filter).toBe(
        'metric.type="run.googleapis.com/request_count" AND resource.type="cloud_run_revision" AND resource.labels.service_name=one_of("netra-backend-staging", "netra-auth-service") AND metric.labels.response_code_class="5xx"',
      );
    });
  });
});
