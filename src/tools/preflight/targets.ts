// Where the checks go and with which credentials. Hosts and ports come from the environment
// file; secrets only from the process environment (REDIS_PASSWORD, DATABASE_URL) or from URLs
// given on the command line, never from YAML. A URL that cannot be parsed is reported without
// echoing it, since it may hold a password.
import type { Environment } from '../../config/environment';
import { maskUrl } from './redact';
import { appendAll } from '../../util/append-all';

export interface RedisTarget {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
  readonly db: number;
  readonly tls: boolean;
  /** For messages: `redis://:****@host:port`. */
  readonly display: string;
  /** Where the password came from, for messages. */
  readonly passwordSource: 'REDIS_PASSWORD' | '--redis-url' | null;
}

export interface PostgresTarget {
  /** The full connection string as given; holds the password. */
  readonly connectionString: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  readonly hasPassword: boolean;
  readonly display: string;
  readonly source: 'DATABASE_URL' | '--database-url';
}

/** A target that cannot be built: the reason, in words, becomes the check's error. */
export interface TargetProblem {
  readonly problem: string;
  readonly display: string;
}

export interface PreflightTargets {
  readonly redis: RedisTarget | TargetProblem;
  readonly postgresql: PostgresTarget | TargetProblem;
  /** Every secret value known to this run, to scrub from all output. */
  readonly secrets: readonly string[];
}

export interface TargetInputs {
  readonly environment: Environment;
  readonly redisUrl?: string;
  readonly databaseUrl?: string;
  readonly processEnv: NodeJS.ProcessEnv;
}

export function isTargetProblem<T extends object>(target: T | TargetProblem): target is TargetProblem {
  return 'problem' in target;
}

export function resolveTargets(inputs: TargetInputs): PreflightTargets {
  const secrets: string[] = [];
  const envPassword = nonEmpty(inputs.processEnv.REDIS_PASSWORD);
  if (envPassword) secrets.push(envPassword);
  for (const url of [inputs.redisUrl, inputs.databaseUrl, nonEmpty(inputs.processEnv.DATABASE_URL)]) {
    if (url) appendAll(secrets, secretsOfUrl(url));
  }
  return {
    redis: redisTarget(inputs.environment, inputs.redisUrl, envPassword),
    postgresql: postgresTarget(inputs.databaseUrl, nonEmpty(inputs.processEnv.DATABASE_URL)),
    secrets,
  };
}

function redisTarget(
  environment: Environment,
  redisUrl: string | undefined,
  envPassword: string | undefined,
): RedisTarget | TargetProblem {
  if (redisUrl === undefined) {
    const { host, port } = environment.redis;
    return {
      host,
      port,
      db: 0,
      tls: false,
      password: envPassword,
      passwordSource: envPassword ? 'REDIS_PASSWORD' : null,
      display: displayRedis(false, host, port, envPassword !== undefined, undefined, 0),
    };
  }
  const url = parseUrl(redisUrl);
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:')) {
    return {
      problem: '--redis-url is not a redis:// or rediss:// URL (expected redis://[:password@]host[:port][/db])',
      display: '--redis-url',
    };
  }
  const badEscape = malformedEscape('--redis-url', url);
  if (badEscape) return { problem: badEscape, display: '--redis-url' };
  const host = hostOf(url);
  if (!host)
    return {
      problem: '--redis-url has no host (expected redis://[:password@]host[:port][/db])',
      display: maskUrl(url),
    };
  const port = url.port ? Number(url.port) : 6379;
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) {
    return {
      problem: `--redis-url names database "${dbText}"; expected a database number such as /0`,
      display: maskUrl(url),
    };
  }
  const urlPassword = url.password ? decodeURIComponent(url.password) : undefined;
  const password = urlPassword ?? envPassword;
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  const tls = url.protocol === 'rediss:';
  return {
    host,
    port,
    db,
    tls,
    username,
    password,
    passwordSource: urlPassword ? '--redis-url' : envPassword ? 'REDIS_PASSWORD' : null,
    display: displayRedis(tls, host, port, password !== undefined, username, db),
  };
}

function displayRedis(
  tls: boolean,
  host: string,
  port: number,
  hasPassword: boolean,
  username: string | undefined,
  db: number,
): string {
  const auth = hasPassword
    ? `${username ? encodeURIComponent(username) : ''}:****@`
    : username
      ? `${encodeURIComponent(username)}@`
      : '';
  return `${tls ? 'rediss' : 'redis'}://${auth}${host.includes(':') ? `[${host}]` : host}:${port}${db !== 0 ? `/${db}` : ''}`;
}

function postgresTarget(flagUrl: string | undefined, envUrl: string | undefined): PostgresTarget | TargetProblem {
  const source = flagUrl !== undefined ? '--database-url' : 'DATABASE_URL';
  const text = flagUrl ?? envUrl;
  if (text === undefined) {
    return {
      problem:
        'no PostgreSQL connection given: set DATABASE_URL or pass --database-url postgresql://user@host:5432/database',
      display: '(none)',
    };
  }
  const url = parseUrl(text);
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    return {
      problem: `${source} is not a postgres:// or postgresql:// URL (expected postgresql://user:password@host:5432/database)`,
      display: source,
    };
  }
  const badEscape = malformedEscape(source, url);
  if (badEscape) return { problem: badEscape, display: source };
  const host = hostOf(url) || url.searchParams.get('host') || '';
  if (!host)
    return {
      problem: `${source} has no host (expected postgresql://user:password@host:5432/database)`,
      display: maskUrl(url),
    };
  const user = decodeURIComponent(url.username) || url.searchParams.get('user') || '';
  if (!user)
    return {
      problem: `${source} has no user name (expected postgresql://user:password@host:5432/database)`,
      display: maskUrl(url),
    };
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || user;
  return {
    connectionString: text,
    host,
    port: url.port ? Number(url.port) : 5432,
    user,
    database,
    hasPassword: url.password !== '' || url.searchParams.has('password'),
    display: maskUrl(url),
    source,
  };
}

/**
 * Which part of the URL has a '%' not followed by two hexadecimal digits (decodeURIComponent
 * throws a URIError on it), in words naming where the URL came from and never its text.
 */
function malformedEscape(source: string, url: URL): string | undefined {
  const parts: [string, string][] = [
    ['password', url.password],
    ['user name', url.username],
    ['host', url.hostname],
    ['path', url.pathname],
  ];
  const bad = parts.find(([, text]) => decode(text) === undefined);
  if (!bad) return undefined;
  return `${source} has a ${bad[0]} with a '%' not followed by two hexadecimal digits; write a literal % as %25 (the value is not shown: it may be a secret)`;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

// WHATWG URL keeps IPv6 hosts in brackets; the client libraries want them bare.
function hostOf(url: URL): string {
  return decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, '$1'));
}

function secretsOfUrl(text: string): string[] {
  const url = parseUrl(text);
  // An unparsable URL is a secret as a whole: it may be a password typed in the wrong place.
  if (!url) return [text];
  const found: string[] = [];
  // A password that does not decode is a secret as written.
  if (url.password) found.push(decode(url.password) ?? url.password, url.password);
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === 'password' || key.toLowerCase() === 'sslpassword') found.push(value);
  }
  return found.length > 0 ? [text, ...found] : [];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
