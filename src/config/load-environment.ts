// Reads environments/<name>.yaml, validates it against the schema and the cross-field rules, and
// applies the defaults that depend on other fields. Any problem throws one ConfigError listing
// every problem found, each naming the file and the field.
import * as fs from 'fs';
import * as path from 'path';
import { fileErrorReason } from '../errors/file-error';
import { readFailureMessage as readFailure, readRegularTextFile } from '../util/read-regular-file';
import { MAX_ENVIRONMENT_YAML_BYTES, parseBoundedYaml } from './bounded-yaml';
import { ConfigError, ConfigProblem } from './config-error';
import { crossFieldProblems } from './cross-field-rules';
import { environmentCollisions } from './environment-collisions';
import {
  defaultAgentExecutionFilter,
  defaultAgentTimeoutFilter,
  defaultRedisConnectionErrorFilter,
  defaultRedisOperationFilter,
} from './default-log-filters';
import type { Environment } from './environment';
import { issueToProblem } from './format-issues';
import { ENVIRONMENT_NAME } from './identifiers';
import { resolveExtends } from './resolve-extends';
import { EnvironmentFileSchema, EnvironmentFile } from './schema';
import { allowedKeysAt } from './schema-keys';
import { appendAll } from '../util/append-all';
import { unicodeLength } from './free-text';
import { MAX_LOG_METRIC_FILTER_CHARS } from '../gcp/api-limits';

export const ENVIRONMENT_FILE_PATTERN = /\.ya?ml$/;

/** Parses YAML text into plain data, or throws a ConfigError with the line and column (src/config/bounded-yaml.ts). */
export function parseYaml(text: string, file: string): unknown {
  return parseBoundedYaml(text, file, { maxBytes: MAX_ENVIRONMENT_YAML_BYTES });
}

/** Validates already-parsed data as the environment `name` from `file`. */
export function validateEnvironment(data: unknown, file: string, name: string): Environment {
  const problems: ConfigProblem[] = [];
  if (!ENVIRONMENT_NAME.pattern.test(name)) {
    problems.push({
      file,
      path: '',
      message: `the file name gives environment name "${name}"; expected ${ENVIRONMENT_NAME.expected}`,
    });
  }
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError([
      ...problems,
      {
        file,
        path: '',
        message: `expected a mapping of environment settings, found ${data == null ? 'an empty file' : 'a list or a scalar'}`,
      },
    ]);
  }
  const result = EnvironmentFileSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const allowedKeys = (keyPath: readonly PropertyKey[]) => allowedKeysAt(EnvironmentFileSchema, keyPath, data);
    appendAll(
      problems,
      result.error.issues.map((issue) => issueToProblem(file, issue, allowedKeys)),
    );
    throw new ConfigError(problems);
  }
  appendAll(problems, crossFieldProblems(file, result.data));
  if (problems.length > 0) throw new ConfigError(problems);
  const environment = resolveDefaults(result.data, file, name);
  const tooLong = defaultFilterProblems(result.data, environment, file);
  if (tooLong.length > 0) throw new ConfigError(tooLong);
  return environment;
}

/** A default log filter lists every service: with hundreds of them it outgrows the API's limit. */
function defaultFilterProblems(given: EnvironmentFile, environment: Environment, file: string): ConfigProblem[] {
  const filters: [string, string | undefined, string][] = [
    [
      'redis.logs.connectionErrorFilter',
      given.redis.logs?.connectionErrorFilter,
      environment.redis.logs.connectionErrorFilter,
    ],
    ['redis.logs.operationFilter', given.redis.logs?.operationFilter, environment.redis.logs.operationFilter],
    ['agent.executionFilter', given.agent.executionFilter, environment.agent.executionFilter],
    ['agent.timeoutFilter', given.agent.timeoutFilter, environment.agent.timeoutFilter],
  ];
  return filters
    .filter(([, own, filter]) => own === undefined && unicodeLength(filter) > MAX_LOG_METRIC_FILTER_CHARS)
    .map(([path, , filter]) => ({
      file,
      path,
      message:
        `the default filter built from the ${given.cloudRun.services.length} cloudRun.services is ${unicodeLength(filter).toLocaleString('en-US')} ` +
        `characters; the API accepts at most ${MAX_LOG_METRIC_FILTER_CHARS.toLocaleString('en-US')}: set ${path} to a shorter filter`,
    }));
}

function resolveDefaults(env: EnvironmentFile, file: string, name: string): Environment {
  const services = env.cloudRun.services;
  return {
    ...env,
    name,
    file,
    redis: {
      ...env.redis,
      logs: {
        connectionErrorFilter: env.redis.logs?.connectionErrorFilter ?? defaultRedisConnectionErrorFilter(services),
        operationFilter: env.redis.logs?.operationFilter ?? defaultRedisOperationFilter(services),
      },
    },
    agent: {
      ...env.agent,
      executionFilter: env.agent.executionFilter ?? defaultAgentExecutionFilter(services),
      timeoutFilter: env.agent.timeoutFilter ?? defaultAgentTimeoutFilter(services),
    },
  };
}

export function environmentNameOf(file: string): string {
  return path.basename(file).replace(ENVIRONMENT_FILE_PATTERN, '');
}

/** Loads and validates one environment file. */
export function loadEnvironmentFile(file: string): Environment {
  // `extends:` is resolved first, so validation sees the merged document and names this file.
  const resolved = resolveExtends(readEnvironmentData(file), file, readEnvironmentData);
  try {
    return validateEnvironment(resolved.data, file, environmentNameOf(file));
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(resolved.explain(error.problems));
    throw error;
  }
}

/** Reads and parses one environment file, without validating it. */
export function readEnvironmentData(file: string): unknown {
  let text: string;
  try {
    // A regular file within the cap: a file of gigabytes, a device or a FIFO is refused unread.
    text = readRegularTextFile(file, MAX_ENVIRONMENT_YAML_BYTES);
  } catch (error) {
    throw new ConfigError([{ file, path: '', message: readFailure(error) }]);
  }
  return parseYaml(text, file);
}

/** The environment files of a directory, sorted by name. */
export function environmentFiles(directory: string): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(directory);
  } catch (error) {
    throw new ConfigError([
      { file: directory, path: '', message: `cannot read the environments directory: ${fileErrorReason(error)}` },
    ]);
  }
  return entries
    .filter((entry) => ENVIRONMENT_FILE_PATTERN.test(entry))
    .sort()
    .map((entry) => path.join(directory, entry));
}

/**
 * Loads every environment of a directory. All files are validated before any is returned, and
 * the problems of all files are reported together.
 */
export function loadEnvironments(directory: string): Environment[] {
  const problems: ConfigProblem[] = [];
  const environments: Environment[] = [];
  for (const file of environmentFiles(directory)) {
    try {
      environments.push(loadEnvironmentFile(file));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      appendAll(problems, error.problems);
    }
  }
  appendAll(problems, environmentCollisions(environments));
  if (problems.length > 0) throw new ConfigError(problems);
  if (environments.length === 0) {
    throw new ConfigError([{ file: directory, path: '', message: 'no environment files (*.yaml) found' }]);
  }
  return environments;
}
