// The main case: staging cloned into another project and region through the CLI, then the
// new stack synthesized, linted and searched for every identifier of staging.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { identifierValues, searchTermsOf } from '../../src/config/identifier-fields';
import { logBasedMetricName, logBasedMetricsOf } from '../../src/config/environment-collisions';
import { loadEnvironmentFile, loadEnvironments, readEnvironmentData } from '../../src/config/load-environment';
import type { Environment } from '../../src/config/environment';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { lintTerraformJson } from '../../src/tools/lint';
import { captureIo, copyOfEnvironments, PRODUCTION_SETS, removeDirectory, setFlags } from './clone-fixtures';

describe('vigil clone staging production --project netra-prod --region europe-west4', () => {
  let cwd: string;
  let environments: string;
  let exitCode: number;
  let io: ReturnType<typeof captureIo>;
  let production: Environment;
  let stack: Record<string, unknown>;
  let stackText: string;

  beforeAll(async () => {
    ({ cwd, environments } = copyOfEnvironments());
    io = captureIo(cwd);
    exitCode = await main(
      [
        'clone',
        'staging',
        'production',
        '--project',
        'netra-prod',
        '--region',
        'europe-west4',
        ...setFlags(PRODUCTION_SETS),
      ],
      io,
    );
    production = loadEnvironmentFile(path.join(environments, 'production.yaml'));
    stack = synthesizeStackJson(production);
    stackText = JSON.stringify(stack);
  });

  afterAll(() => removeDirectory(cwd));

  it('writes environments/production.yaml for the new project and region, and says what it did', () => {
    expect(io.err.join('')).toBe('');
    expect(exitCode).toBe(0);
    expect(production.project).toBe('netra-prod');
    expect(production.region).toBe('europe-west4');
    const output = io.out.join('');
    expect(output).toContain('wrote environments/production.yaml (cloned from staging)');
    expect(output).toContain('vpcConnector.name: staging-connector -> production-connector');
    expect(output).toMatch(/names none of staging's \d+ identifiers/);
  });

  it('starts the file with the schema header and validates it like any environment', () => {
    const text = fs.readFileSync(path.join(environments, 'production.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/environment.schema.json');
    expect(loadEnvironments(environments).map((environment) => environment.name)).toEqual(['production', 'staging']);
  });

  it('copies what describes how to watch: thresholds, routing, uptime settings, expectations that are not identifiers', () => {
    const staging = loadEnvironmentFile(path.join(environments, 'staging.yaml'));
    expect(production.thresholds).toEqual(staging.thresholds);
    expect(production.uptime.checkerRegions).toEqual(staging.uptime.checkerRegions);
    expect(production.notifications.routing.critical).toHaveLength(staging.notifications.routing.critical.length);
    expect(production.expect?.cloudSql).toEqual(staging.expect?.cloudSql);
  });

  it("derives only the names that follow staging's naming, and gives the same answer to fields that held the same value", () => {
    expect(production.postgres.instance).toBe('production-postgres-db');
    expect(production.vpcConnector.name).toBe('production-connector');
    expect(production.vpcConnector.network).toBe('production-vpc');
    expect(production.cloudRun.services).toEqual(['netra-backend-production', 'netra-auth-prod']);
    expect(production.redis.instanceId).toBe('prod-redis-9a8b7c6d');
    expect(production.expect?.redis?.host).toBe(production.redis.host);
    expect(production.expect?.cloudRun?.connector).toBe('production-connector');
  });

  it("synthesizes a stack that names none of staging's identifiers", () => {
    const stagingData = readEnvironmentData(path.join(environments, 'staging.yaml'));
    const terms = identifierValues(stagingData).flatMap((entry) => searchTermsOf(String(entry.value), entry.field));
    expect(terms.length).toBeGreaterThan(10);
    const found = terms.filter((term) => stackText.includes(term));
    expect(found).toEqual([]);
  });

  it('lints clean', () => {
    expect(lintTerraformJson(stack, 'cdktf.out/stacks/monitoring-production/cdk.tf.json')).toEqual([]);
  });

  it('leaves no trace of the name staging in the stack (channel ids named after it are renamed too)', () => {
    expect(stackText).toContain('netra-prod');
    expect(stackText.match(/staging/g) ?? []).toEqual([]);
  });

  it('creates exactly the log-based metrics that the collision check knows of', () => {
    const metrics = (stack as { resource: Record<string, Record<string, { name: string }>> }).resource
      .google_logging_metric;
    const names = Object.values(metrics)
      .map((metric) => metric.name)
      .sort();
    expect(names).toEqual(
      logBasedMetricsOf(production)
        .map((metric) => logBasedMetricName('production', metric))
        .sort(),
    );
  });
});
