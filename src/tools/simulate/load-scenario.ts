// Reads and validates one scenario file; every problem names the file and the field path.
import { MAX_SCENARIO_YAML_BYTES, parseBoundedYaml } from '../../config/bounded-yaml';
import { readFailureMessage, readRegularTextFile } from '../../util/read-regular-file';
import { ConfigError } from '../../config/config-error';
import { fieldPath, issueToProblem } from '../../config/format-issues';
import type { z } from 'zod';
import { allowedKeysAt } from '../../config/schema-keys';
import { ScenarioFile, ScenarioFileSchema } from './scenario-schema';

/** Parses YAML with merge keys (`<<: *series`) enabled: scenario files repeat series that differ in one label. */
function parseYaml(text: string, file: string): unknown {
  return parseBoundedYaml(text, file, { maxBytes: MAX_SCENARIO_YAML_BYTES, merge: true });
}

type Issue = z.core.$ZodIssue;

/**
 * A series entry is a hand-written series or `{export: FILE}`; when it is neither, zod reports
 * only "invalid input" for the union. The entry's own keys say which it meant: report that
 * option's problems.
 */
function seriesEntryIssues(issue: Issue, data: unknown): Issue[] {
  if (issue.code !== 'invalid_union' || issue.path[issue.path.length - 2] !== 'series') return [issue];
  let entry: unknown = data;
  for (const key of issue.path)
    entry =
      entry !== null && typeof entry === 'object' ? (entry as Record<PropertyKey, unknown>)[key as string] : undefined;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    return [{ ...issue, message: 'expected a series (metric:, resource:, values:, …) or {export: FILE}' } as Issue];
  }
  const meantExport = 'export' in entry;
  const chosen = issue.errors[meantExport ? 1 : 0] ?? [];
  return chosen.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue);
}

export function parseScenario(text: string, file: string): ScenarioFile {
  const data = parseYaml(text, file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError([
      {
        file,
        path: '',
        message: `expected a mapping with environment: (or stack:) and tests:, found ${data == null ? 'an empty file' : 'a list or a scalar'}`,
      },
    ]);
  }
  const result = ScenarioFileSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const allowedKeys = (keyPath: readonly PropertyKey[]) => allowedKeysAt(ScenarioFileSchema, keyPath, data);
    throw new ConfigError(
      result.error.issues
        .flatMap((one) => seriesEntryIssues(one, data))
        .map((issue) => {
          // A rule over a whole mapping ("exactly one of fires: or does_not_fire:") says it all: no "found a mapping".
          const input = (issue as { input?: unknown }).input;
          if (issue.code === 'custom' && typeof input === 'object' && input !== null)
            return { file, path: fieldPath(issue.path), message: issue.message };
          return issueToProblem(file, issue, allowedKeys);
        }),
    );
  }
  return result.data;
}

export function loadScenarioFile(file: string): ScenarioFile {
  let text: string;
  try {
    text = readRegularTextFile(file, MAX_SCENARIO_YAML_BYTES);
  } catch (error) {
    throw new ConfigError([{ file, path: '', message: readFailureMessage(error, 'the scenario file') }]);
  }
  return parseScenario(text, file);
}
