// Hostile environment files: each is generated here (never committed as a giant file) and must end
// in a ConfigError in words naming the file (and the line or the field), quickly.
import * as fs from 'fs';
import * as path from 'path';
import { MAX_ENVIRONMENT_YAML_BYTES, MAX_YAML_DEPTH } from '../../src/config/bounded-yaml';
import { ConfigError, MAX_REPORTED_PROBLEMS } from '../../src/config/config-error';
import { loadEnvironmentFile, parseYaml, validateEnvironment } from '../../src/config/load-environment';
import { STAGING_FILE, stagingData, temporaryDirectory, validate } from '../support/environments';

const FILE = 'environments/test.yaml';
const STAGING_TEXT = fs.readFileSync(STAGING_FILE, 'utf8');

/** The ConfigError message of loading `text`, and how long it took. */
function messageOf(text: string): { message: string; ms: number } {
  const started = performance.now();
  try {
    validateEnvironment(parseYaml(text, FILE), FILE, 'test');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { message: error.message, ms: performance.now() - started };
  }
  throw new Error('expected a ConfigError');
}

function problemsOf(data: unknown): string[] {
  try {
    validate(data, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('hostile YAML', () => {
  test('an alias bomb (a billion values from ten lines) is refused at the alias that explodes', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let level = 1; level < 10; level++)
      text += `a${level}: &a${level} [${Array(10)
        .fill(`*a${level - 1}`)
        .join(', ')}]\n`;
    const { message, ms } = messageOf(text);
    expect(message).toBe(
      `${FILE}: line 5, column 45: alias *a3 expands the document to more than 100,000 values ` +
        '(aliases that repeat aliases grow exponentially); expected each anchored value to be repeated a few times at most',
    );
    expect(ms).toBeLessThan(2000);
  });

  test('an alias before its anchor', () => {
    expect(messageOf('project: *p\nregion: &p us-central1\n').message).toBe(
      `${FILE}: line 1, column 10: alias *p is used before its anchor &p is defined (or it is never defined)`,
    );
  });

  test('a merge key on a scalar, with merge keys on (YAML 1.1) or off', () => {
    const expected = 'a merge key (<<) takes a mapping or an alias of one such as *defaults, or a list of them';
    expect(messageOf('<<: 1\nproject: x\n').message).toBe(`${FILE}: line 1, column 1: ${expected}`);
    expect(messageOf('%YAML 1.1\n---\nredis:\n  <<: 1\n').message).toBe(`${FILE}: line 4, column 3: ${expected}`);
    expect(messageOf('%YAML 1.1\n---\nport: &port 6379\nredis:\n  <<: *port\n').message).toBe(
      `${FILE}: line 5, column 3: ${expected}`,
    );
  });

  test("flow lists nested 5,000 deep (beyond the parser's stack)", () => {
    const { message, ms } = messageOf(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(message).toMatch(
      new RegExp(
        `^${FILE}: line 1, column \\d+: mappings and lists nested more than 64 levels deep; at most 64 are read$`,
      ),
    );
    expect(ms).toBeLessThan(2000);
  });

  test('mappings nested one level deeper than allowed, by indentation', () => {
    let text = '';
    for (let level = 0; level <= MAX_YAML_DEPTH; level++) text += `${' '.repeat(level)}k:\n`;
    text += `${' '.repeat(MAX_YAML_DEPTH + 1)}k: 1\n`;
    expect(messageOf(text).message).toBe(
      `${FILE}: line 65, column 65: mappings and lists nested more than 64 levels deep; at most 64 are read`,
    );
  });

  test('a file over the size limit is refused before it is parsed', () => {
    const text = STAGING_TEXT + `# ${'x'.repeat(MAX_ENVIRONMENT_YAML_BYTES)}\n`;
    const { message, ms } = messageOf(text);
    expect(message).toBe(
      `${FILE}: the file is ${Buffer.byteLength(text).toLocaleString('en-US')} bytes; at most 262,144 bytes (256 KiB) are read`,
    );
    expect(ms).toBeLessThan(2000);
  });

  test('a 6.5 MB environment file is refused by its size, before it is read', () => {
    const directory = temporaryDirectory('hostile-size');
    const file = path.join(directory, 'staging.yaml');
    // A sparse file: 6.5 MB on the size, nothing written.
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 6_500_000);
    try {
      expect(() => loadEnvironmentFile(file)).toThrow(
        new ConfigError([
          { file, path: '', message: 'the file is 6,500,000 bytes; at most 262,144 bytes (256 KiB) are read' },
        ]),
      );
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  test('a key given twice names both lines', () => {
    expect(messageOf('project: a\nregion: b\nproject: c\n').message).toBe(
      `${FILE}: line 3, column 1: malformed YAML: Map keys must be unique; "project" is also at line 1, column 1`,
    );
  });

  test('thousands of keys under an unknown key: one problem, found without comparing every key with every other', () => {
    // The yaml library's own duplicate-key check is quadratic: 100k keys took over two minutes.
    let text = `${STAGING_TEXT}\nunknownKey:\n`;
    let keys = 0;
    while (text.length < MAX_ENVIRONMENT_YAML_BYTES - 20) text += `  k${keys++}: 1\n`;
    expect(keys).toBeGreaterThan(20000);
    const { message, ms } = messageOf(text);
    expect(message).toBe(
      `${FILE}: unknownKey: unknown key "unknownKey"; expected one of: extends, project, region, stateBackend, ` +
        'notifications, redis, postgres, vpcConnector, cloudRun, uptime, agent, goldenPath, thresholds, slos, adopt, expect',
    );
    // ~0.4 s on an idle machine; the quadratic check took 30 s at this size. The guard leaves room for a loaded CI.
    expect(ms).toBeLessThan(3000);
  });

  test('hundreds of problems: the first 50 and a count of the rest', () => {
    const channels = Array.from(
      { length: 500 },
      (_, index) => `    - {id: bad_${index}, type: email, address: x}\n`,
    ).join('');
    const { message } = messageOf(
      STAGING_TEXT.replace('notifications:\n  channels:\n', `notifications:\n  channels:\n${channels}`),
    );
    const lines = message.split('\n');
    expect(lines).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(lines[0]).toMatch(/^environments\/test\.yaml: notifications\.channels\[0\]\.id: expected a channel id/);
    expect(lines[MAX_REPORTED_PROBLEMS]).toBe('... and 950 more problems (1,000 in all)');
  });
});

describe("validation to the API's limits", () => {
  test('a 5,000,000-character channel description: the field and its length, not the text', () => {
    const data = stagingData() as any;
    data.notifications.channels[0].description = 'x'.repeat(5_000_000);
    const started = performance.now();
    expect(problemsOf(data)).toEqual([
      `${FILE}: notifications.channels[0].description: expected a channel description ` +
        "of at most 1,024 characters (the API's limit), found 5,000,000 characters",
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('a description of exactly 1,024 characters, astral ones counting once, is accepted', () => {
    const data = stagingData() as any;
    data.notifications.channels[0].description = '🚨'.repeat(1024);
    expect(() => validate(data, FILE)).not.toThrow();
  });

  test('an email address longer than 254 characters', () => {
    const data = stagingData() as any;
    data.notifications.channels[0].address = `${'a'.repeat(300)}@example.com`;
    expect(problemsOf(data)).toEqual([
      `${FILE}: notifications.channels[0].address: expected an email address of at most 254 characters, ` +
        `found "${'a'.repeat(76)}...`,
    ]);
  });

  test('a log filter longer than a log-based metric allows', () => {
    const data = stagingData() as any;
    data.agent = { executionFilter: `jsonPayload.event="${'x'.repeat(20000)}"` };
    expect(problemsOf(data)).toEqual([
      `${FILE}: agent.executionFilter: expected a Cloud Logging filter of at most 20,000 characters ` +
        "(the API's limit), found 20,020 characters",
    ]);
  });

  test.each([
    ['resource.type="cloud_run_revision" AND (jsonPayload.event="x"', "the '(' at character 40 is never closed"],
    ['resource.type="cloud_run_revision', 'the quote at character 15 is never closed'],
    ['severity>=ERROR)', "the ')' at character 16 closes no '('"],
  ])('an unbalanced log filter is refused, not synthesized: %s', (filter, problem) => {
    const data = stagingData() as any;
    data.redis.logs = { connectionErrorFilter: filter };
    expect(problemsOf(data)).toEqual([
      `${FILE}: redis.logs.connectionErrorFilter: expected a Cloud Logging filter with balanced quotes ` +
        `and parentheses: ${problem}`,
    ]);
  });

  test('quotes, escaped quotes and parentheses inside a quoted regular expression are balanced', () => {
    const data = stagingData() as any;
    data.agent = { executionFilter: 'textPayload=~"(?i)(redis \\"(error" AND (severity>=ERROR)' };
    expect(validate(data, FILE).agent.executionFilter).toBe(data.agent.executionFilter);
  });
});

describe('duplicates are reported as duplicates', () => {
  test('a Cloud Run service named twice (a Terraform name clash before)', () => {
    const data = stagingData() as any;
    data.cloudRun.services = ['netra-backend-staging', 'netra-auth-service', 'netra-backend-staging'];
    expect(problemsOf(data)).toEqual([
      `${FILE}: cloudRun.services[2]: duplicate service name "netra-backend-staging": ` +
        'also cloudRun.services[0]; expected each service name once',
    ]);
  });

  test('a service named twice in expect.cloudRun.services (an internal error from cdktf before)', () => {
    const data = stagingData() as any;
    data.expect.cloudRun.services = ['netra-backend-staging', 'netra-backend-staging'];
    expect(problemsOf(data)).toEqual([
      `${FILE}: expect.cloudRun.services[1]: duplicate service name "netra-backend-staging": ` +
        'also expect.cloudRun.services[0]; expected each service name once',
    ]);
  });

  test('a channel id, a checker region and a routed channel given twice', () => {
    const data = stagingData() as any;
    data.notifications.channels.push({ ...data.notifications.channels[0] });
    data.uptime.checkerRegions = ['USA', 'EUROPE', 'USA'];
    data.notifications.routing.warning = ['staging-slack', 'staging-slack'];
    expect(problemsOf(data)).toEqual([
      `${FILE}: notifications.channels[3].id: duplicate channel id "platform-email": also notifications.channels[0].id; expected each channel id once`,
      `${FILE}: uptime.checkerRegions[2]: duplicate checker region "USA": also uptime.checkerRegions[0]; expected each checker region once`,
      `${FILE}: notifications.routing.warning[1]: duplicate channel "staging-slack": also notifications.routing.warning[0]; expected each channel once`,
    ]);
  });
});

describe('default log filters built from the services', () => {
  test('900 services make default filters longer than the API allows: each is named', () => {
    const data = stagingData() as any;
    data.cloudRun.services = Array.from({ length: 900 }, (_, index) => `service-number-${index}`);
    delete data.expect;
    const problems = problemsOf(data);
    expect(problems).toHaveLength(4);
    expect(problems[2]).toMatch(
      /^environments\/test\.yaml: agent\.executionFilter: the default filter built from the 900 cloudRun\.services is [\d,]+ characters; the API accepts at most 20,000: set agent\.executionFilter to a shorter filter$/,
    );
  });
});
