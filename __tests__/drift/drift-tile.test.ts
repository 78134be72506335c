// The dashboard's drift tile states the expected settings of `expect:` and where drift is reported.
import * as path from 'path';
import type { Environment } from '../../src/config/environment';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import { driftTileMarkdown } from '../../src/constructs/dashboard/drift-tile';

const staging = loadEnvironmentFile(path.join(__dirname, '../../environments/staging.yaml'));

describe('driftTileMarkdown', () => {
  it('states every expected setting of staging', () => {
    const lines = driftTileMarkdown(staging).split('\n');
    expect(lines).toContain(
      '- Redis `staging-redis-f1adc35c`: 10.166.204.83:6379, BASIC, 1 GB, REDIS_7_2, AUTH required, transit encryption DISABLED',
    );
    expect(lines).toContain(
      '- VPC connector `staging-connector`: READY on `staging-vpc` (10.1.0.0/28), 2–10 instances of e2-micro',
    );
    expect(lines).toContain(
      '- Cloud SQL `staging-postgres-db`: db-custom-1-3840, POSTGRES_15, Query Insights on (the latency alert depends on it)',
    );
    expect(lines).toContain(
      '- Cloud Run `netra-backend-staging`, `netra-auth-service`: connector `staging-connector`, egress private-ranges-only',
    );
  });

  it('names the workflow file without a URL, and links to it when expect.driftWorkflowUrl is set', () => {
    expect(driftTileMarkdown(staging)).toContain(
      'drift workflow (`.github/workflows/drift.yml` in the monitoring repository)',
    );
    const url = 'https://github.com/acme/vigil/actions/workflows/drift.yml';
    const linked: Environment = { ...staging, expect: { ...staging.expect, driftWorkflowUrl: url } };
    expect(driftTileMarkdown(linked)).toContain(`[drift workflow](${url})`);
  });

  it('says which checks are turned off', () => {
    const off: Environment = {
      ...staging,
      expect: { ...staging.expect, cloudSql: { ...staging.expect!.cloudSql!, enabled: false } },
    };
    expect(driftTileMarkdown(off)).toContain(
      '- Cloud SQL `staging-postgres-db`: not checked (`expect.cloudSql.enabled: false`)',
    );
  });

  it('says nothing is checked without an expect: block', () => {
    const text = driftTileMarkdown({ ...staging, expect: undefined });
    expect(text).toMatch(/^\*\*Configuration drift: not checked\*\*/);
    expect(text).toContain('environments/staging.yaml has no `expect:` block');
  });
});
