// Reads and validates one scenario file; every problem names the file and the field path.
import * as fs from 'fs';
import { checkYamlSize, MAX_SCENARIO_YAML_BYTES, parseBoundedYaml } from '../../config/bounded-yaml';
import { fileErrorReason } from '../../errors/file-error';
import { ConfigError } from '../../config/config-error';
import { fieldPath, issueToProblem } from '../../config/format-issues';
import { allowedKeysAt } from '../../config/schema-keys';
import { ScenarioFile, ScenarioFileSchema } from './scenario-schema';

/** Parses YAML with merge keys (`<<: *series`) enabled: scenario files repeat series that differ in one label. */
function parseYaml(text: string, file: string): unknown {
  return parseBoundedYaml(text, file, { maxBytes: MAX_SCENARIO_YAML_BYTES, merge: true });
}

export function parseScenario(text: string, file: string): ScenarioFile {
  const data = parseYaml(text, file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError([{ file, path: '', message: `expected a mapping with environment: (or stack:) and tests:, found ${data == null ? 'an empty file' : 'a list or a scalar'}` }]);
  }
  const result = ScenarioFileSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const allowedKeys = (keyPath: readonly PropertyKey[]) => allowedKeysAt(ScenarioFileSchema, keyPath, data);
    throw new ConfigError(result.error.issues.map((issue) => {
      // A rule over a whole mapping ("exactly one of fires: or does_not_fire:") says it all: no "found a mapping".
      const input = (issue as { input?: unknown }).input;
      if (issue.code === 'custom' && typeof input === 'object' && input !== null) return { file, path: fieldPath(issue.path), message: issue.message };
      return issueToProblem(file, issue, allowedKeys);
    }));
  }
  return result.data;
}

export function loadScenarioFile(file: string): ScenarioFile {
  let text: string;
  try {
    checkYamlSize(fs.statSync(file).size, file, MAX_SCENARIO_YAML_BYTES);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError([{ file, path: '', message: `cannot read the scenario file: ${fileErrorReason(error)}` }]);
  }
  return parseScenario(text, file);
}
