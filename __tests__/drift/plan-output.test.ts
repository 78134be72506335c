// Reading terraform's -json plan stream: which messages are drift, which are errors.
import * as fs from 'fs';
import * as path from 'path';
import { diagnosticAddress, parsePlanOutput } from '../../src/tools/drift/plan-output';
import { adcFile, findCredentials } from '../../src/tools/drift/credentials';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('parsePlanOutput', () => {
  it('turns postcondition warnings into failed postconditions with the evaluated message', () => {
    const plan = parsePlanOutput(fixture('plan-postcondition-warnings.jsonl'));
    expect(plan.failedPostconditions.map((item) => item.address)).toEqual([
      'data.google_redis_instance.drift_redis',
      'data.google_redis_instance.drift_redis',
    ]);
    expect(plan.failedPostconditions[0].message).toMatch(
      /^Redis staging-redis-f1adc35c has auth_enabled = false, expected true: AUTH is off/,
    );
    expect(plan.errors).toEqual([]);
  });

  it('keeps other errors apart from postconditions, and non-JSON lines for the report', () => {
    const plan = parsePlanOutput(`${fixture('plan-other-error.jsonl')}panic: provider crashed\n`);
    expect(plan.failedPostconditions).toEqual([]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatch(/^Error when reading or editing Redis Instance/);
    expect(plan.otherLines).toEqual(['panic: provider crashed']);
  });

  it('reads resource drift', () => {
    expect(parsePlanOutput(fixture('plan-resource-drift.jsonl')).driftedResources).toEqual([
      { address: 'google_monitoring_alert_policy.redis_connection_failures', action: 'update' },
    ]);
  });
});

describe('diagnosticAddress', () => {
  it('reads JSON and HCL snippet contexts and prefers an explicit address', () => {
    expect(
      diagnosticAddress({
        snippet: { context: 'data.google_sql_database_instance.drift_cloud_sql.lifecycle.postcondition[2]' },
      }),
    ).toBe('data.google_sql_database_instance.drift_cloud_sql');
    expect(diagnosticAddress({ snippet: { context: 'data "google_redis_instance" "drift_redis"' } })).toBe(
      'data.google_redis_instance.drift_redis',
    );
    expect(diagnosticAddress({ address: 'data.google_redis_instance.x', snippet: { context: 'data "a" "b"' } })).toBe(
      'data.google_redis_instance.x',
    );
  });
});

describe('findCredentials', () => {
  const none = () => false;
  it('names the variable that provides credentials', () => {
    expect(findCredentials({ GOOGLE_CREDENTIALS: '{}' }, none)).toBe('GOOGLE_CREDENTIALS');
    expect(findCredentials({ GOOGLE_OAUTH_ACCESS_TOKEN: 'x' }, none)).toBe('GOOGLE_OAUTH_ACCESS_TOKEN');
    expect(findCredentials({ HOME: '/home/a' }, none)).toBeUndefined();
  });

  it('looks for the ADC file under CLOUDSDK_CONFIG, else ~/.config/gcloud', () => {
    expect(adcFile({ CLOUDSDK_CONFIG: '/etc/gc' })).toBe('/etc/gc/application_default_credentials.json');
    expect(adcFile({ HOME: '/home/a' })).toBe('/home/a/.config/gcloud/application_default_credentials.json');
    expect(
      findCredentials(
        { HOME: '/home/a' },
        (file) => file === '/home/a/.config/gcloud/application_default_credentials.json',
      ),
    ).toBe('/home/a/.config/gcloud/application_default_credentials.json');
  });
});
