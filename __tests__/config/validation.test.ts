// Each kind of bad input gets one exact message naming the file, the field, what was found and
// what was expected.
import { ConfigError } from '../../src/config/config-error';
import { parseYaml } from '../../src/config/load-environment';
import { stagingData, validate } from '../support/environments';

const FILE = 'environments/test.yaml';

function problemsOf(data: unknown): string[] {
  try {
    validate(data, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function withChange(change: (data: Record<string, any>) => void): Record<string, unknown> {
  const data = stagingData() as Record<string, any>;
  change(data);
  return data;
}

describe('environment validation', () => {
  test("staging is valid and gets the plan's thresholds", () => {
    const environment = validate(stagingData());
    expect(environment.thresholds.redis.connectionFailurePercent).toBe(1);
    expect(environment.thresholds.postgres.p99LatencyMs).toBe(500);
    expect(environment.thresholds.agent.timeoutRatePercent).toBe(5);
    expect(environment.redis.port).toBe(6379);
  });

  test('a missing field', () => {
    expect(problemsOf(withChange((data) => delete data.redis.instanceId))).toEqual([
      `${FILE}: redis.instanceId: is required: expected a Memorystore instance id: up to 40 lowercase letters, digits or hyphens, starting with a letter`,
    ]);
  });

  test('a missing section', () => {
    expect(problemsOf(withChange((data) => delete data.postgres))).toEqual([
      `${FILE}: postgres: is required: expected a mapping`,
    ]);
  });

  test('an unknown key, with a suggestion when it is a likely typo', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.redis.authEnable = true;
        }),
      ),
    ).toEqual([`${FILE}: redis.authEnable: unknown key "authEnable"; did you mean "authEnabled"?`]);
  });

  test('an unknown key with no close match lists what is allowed', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.vpcConnector.colour = 'blue';
        }),
      ),
    ).toEqual([
      `${FILE}: vpcConnector.colour: unknown key "colour"; expected one of: name, network, ipCidrRange, minInstances, maxInstances, machineType`,
    ]);
  });

  test('the connector machine type and the services maximum instances: defaults and words', () => {
    const environment = validate(stagingData());
    expect(environment.vpcConnector.machineType).toBe('e2-micro');
    expect(environment.cloudRun.maxInstances).toBe(100);
    expect(
      problemsOf(
        withChange((data) => {
          data.vpcConnector.machineType = 'n1-standard-1';
          data.cloudRun.maxInstances = 0;
        }),
      ),
    ).toEqual([
      `${FILE}: vpcConnector.machineType: expected one of f1-micro, e2-micro, e2-standard-4, found "n1-standard-1"`,
      `${FILE}: cloudRun.maxInstances: expected a maximum instance count of at least 1, found 0`,
    ]);
  });

  test('a secret-looking field is an unknown key: secrets never live in YAML', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.notifications.channels[1].authToken = 'xoxb-not-a-real-token';
        }),
      ),
    ).toEqual([
      `${FILE}: notifications.channels[1].authToken: unknown key "authToken"; expected one of: id, type, channel, description`,
    ]);
  });

  test('a wrong type', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.redis.port = 'six thousand';
        }),
      ),
    ).toEqual([`${FILE}: redis.port: expected a TCP port, found "six thousand"`]);
  });

  test('a malformed project id', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.project = 'Netra_Staging';
        }),
      ),
    ).toEqual([
      `${FILE}: project: expected a GCP project id: 6 to 30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen, found "Netra_Staging"`,
    ]);
  });

  test('a malformed region and instance name', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.region = 'us central';
          data.postgres.instance = 'Staging_DB';
        }),
      ),
    ).toEqual([
      `${FILE}: region: expected a GCP region such as us-central1, found "us central"`,
      `${FILE}: postgres.instance: expected a Cloud SQL instance name: lowercase letters, digits or hyphens, starting with a letter, found "Staging_DB"`,
    ]);
  });

  test('a malformed Cloud Run service name', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.cloudRun.services[1] = 'Auth Service';
        }),
      ),
    ).toEqual([
      `${FILE}: cloudRun.services[1]: expected a Cloud Run service name: up to 49 lowercase letters, digits or hyphens, starting with a letter, found "Auth Service"`,
    ]);
  });

  test('a bad URL', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.uptime.backendHealthUrl = 'api.staging.netrasystems.ai/health';
        }),
      ),
    ).toEqual([
      `${FILE}: uptime.backendHealthUrl: expected an http(s) URL such as https://api.example.com/health, found "api.staging.netrasystems.ai/health"`,
    ]);
  });

  test('a threshold <= 0', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.thresholds.redis.connectionFailurePercent = 0;
        }),
      ),
    ).toEqual([`${FILE}: thresholds.redis.connectionFailurePercent: expected a percentage greater than 0, found 0`]);
    expect(
      problemsOf(
        withChange((data) => {
          data.thresholds.postgres.p99LatencyMs = -500;
        }),
      ),
    ).toEqual([`${FILE}: thresholds.postgres.p99LatencyMs: expected a latency in ms greater than 0, found -500`]);
  });

  test('a percentage above 100', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.thresholds.agent.timeoutRatePercent = 150;
        }),
      ),
    ).toEqual([`${FILE}: thresholds.agent.timeoutRatePercent: expected a percentage at most 100, found 150`]);
  });

  test('a duration that is not a whole number of minutes', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.thresholds.postgres.durationSeconds = 90;
        }),
      ),
    ).toEqual([
      `${FILE}: thresholds.postgres.durationSeconds: expected a duration in seconds that is a whole number of minutes (a multiple of 60), found 90`,
    ]);
  });

  test('malformed YAML names the line and column', () => {
    expect(() => parseYaml('project: netra-staging\nredis: [unclosed\n', FILE)).toThrow(
      new ConfigError([
        {
          file: FILE,
          path: '',
          message:
            'line 3, column 1: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ]),
    );
  });

  test('a key given twice is malformed YAML, not a silent override', () => {
    expect(() => parseYaml('project: netra-staging\nproject: netra-prod\n', FILE)).toThrow(
      `${FILE}: line 2, column 1: malformed YAML: Map keys must be unique`,
    );
  });

  test('an empty file', () => {
    expect(problemsOf(parseYaml('', FILE))).toEqual([
      `${FILE}: expected a mapping of environment settings, found an empty file`,
    ]);
  });

  test('routing to a channel that does not exist', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.notifications.routing.critical = ['pagerduty-oncal'];
        }),
      ),
    ).toEqual([
      `${FILE}: notifications.routing.critical[0]: no channel has id "pagerduty-oncal"; expected one of: platform-email, staging-slack, pagerduty-oncall`,
    ]);
  });

  test('a warning latency at or above the critical one', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.thresholds.postgres.p99WarningLatencyMs = 800;
        }),
      ),
    ).toEqual([
      `${FILE}: thresholds.postgres.p99WarningLatencyMs: expected a warning latency below the critical p99LatencyMs (500), found 800`,
    ]);
  });

  test('checker regions covering fewer than 3 locations', () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.uptime.checkerRegions = ['EUROPE', 'ASIA_PACIFIC'];
        }),
      ),
    ).toEqual([
      `${FILE}: uptime.checkerRegions: expected regions covering at least 3 checker locations (the Monitoring API's minimum), found 2 (ASIA_PACIFIC, EUROPE)`,
    ]);
  });

  test("an uptime failing-location count that one region's checkers could reach alone", () => {
    expect(
      problemsOf(
        withChange((data) => {
          data.uptime.checkerRegions = ['USA', 'EUROPE', 'ASIA_PACIFIC'];
          data.thresholds = { ...data.thresholds, uptime: { failingLocations: 3 } };
        }),
      ),
    ).toEqual([
      `${FILE}: thresholds.uptime.failingLocations: expected more than the 3 checker locations of region USA, found 3: that region's checkers alone could page (leave it unset for 4)`,
    ]);
    // Three one-checker regions: 2 failing locations are already 2 regions.
    const oneCheckerRegions = withChange((data) => {
      data.uptime.checkerRegions = ['EUROPE', 'ASIA_PACIFIC', 'SOUTH_AMERICA'];
      data.thresholds = { ...data.thresholds, uptime: { failingLocations: 2 } };
    });
    expect(() => validate(oneCheckerRegions, FILE)).not.toThrow();
  });

  test('every problem of a file is reported at once', () => {
    const problems = problemsOf(
      withChange((data) => {
        data.project = 'X';
        data.redis.port = 0;
        data.uptime.authHealthUrl = 'nope';
      }),
    );
    expect(problems).toHaveLength(3);
    expect(problems.map((line) => line.split(': ')[1])).toEqual(['project', 'redis.port', 'uptime.authHealthUrl']);
  });

  test('the file name must make a valid environment name', () => {
    expect(() => validate(stagingData(), 'environments/Staging_EU.yaml')).toThrow(
      'environments/Staging_EU.yaml: the file name gives environment name "Staging_EU"; expected an environment name: up to 20 lowercase letters, digits or hyphens, starting with a letter',
    );
  });
});
