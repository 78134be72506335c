// What clone derives on its own, and what it leaves to the person.
import { schemaFields } from '../../src/config/identifier-fields';
import { deriveChannelId, deriveIdentifier } from '../../src/tools/clone/derive-identifier';

const field = (pattern: string) => {
  const found = schemaFields().get(pattern);
  if (!found) throw new Error(`no field ${pattern}`);
  return found;
};

describe('deriveIdentifier', () => {
  it.each([
    ['vpcConnector.name', 'staging-connector', 'prod-connector'],
    ['vpcConnector.network', 'staging-vpc', 'prod-vpc'],
    ['postgres.instance', 'staging-postgres-db', 'prod-postgres-db'],
    ['cloudRun.services[]', 'netra-backend-staging', 'netra-backend-prod'],
  ])("%s %s -> %s: the name follows the environment's naming", (pattern, value, derived) => {
    expect(deriveIdentifier(field(pattern), value, 'staging', 'prod')).toBe(derived);
  });

  it.each([
    ['redis.instanceId', 'staging-redis-f1adc35c', 'a generated suffix'],
    ['cloudRun.services[]', 'netra-auth-service', 'no environment name in it'],
    ['postgres.instance', 'staging-db-staging', 'the name twice'],
    ['postgres.instance', 'stagingdb', 'the name not as a part of its own'],
    ['uptime.backendHealthUrl', 'https://api.staging.netrasystems.ai/health', 'a host in a DNS zone'],
    ['notifications.channels[].channel', '#staging-alerts', 'a Slack channel'],
    ['notifications.channels[].address', 'staging@netrasystems.ai', 'a mailbox'],
  ])('%s %s: not certain (%s)', (pattern, value) => {
    expect(deriveIdentifier(field(pattern), value, 'staging', 'prod')).toBeUndefined();
  });

  it('handles environment names with hyphens, and refuses a result the field does not allow', () => {
    expect(deriveIdentifier(field('vpcConnector.name'), 'load-test-connector', 'load-test', 'prod')).toBe(
      'prod-connector',
    );
    // Connector names are at most 25 characters.
    expect(
      deriveIdentifier(field('vpcConnector.name'), 'staging-connector', 'staging', 'a-very-long-envname'),
    ).toBeUndefined();
  });
});

describe('deriveChannelId', () => {
  it('renames a channel id named after the source, whatever its other parts', () => {
    expect(deriveChannelId('staging-slack', 'staging', 'prod')).toBe('prod-slack');
    expect(deriveChannelId('platform-email', 'staging', 'prod')).toBeUndefined();
  });
});
