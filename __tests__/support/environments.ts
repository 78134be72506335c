// Test support: the repository's environments, loaded and synthesized once per test file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Environment } from '../../src/config/environment';
import {
  environmentFiles,
  loadEnvironmentFile,
  parseYaml,
  validateEnvironment,
} from '../../src/config/load-environment';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const ENVIRONMENTS_DIR = path.join(REPO_ROOT, 'environments');
export const STAGING_FILE = path.join(ENVIRONMENTS_DIR, 'staging.yaml');

export function repositoryEnvironments(): Environment[] {
  return environmentFiles(ENVIRONMENTS_DIR).map((file) => loadEnvironmentFile(file));
}

export function stagingEnvironment(): Environment {
  return loadEnvironmentFile(STAGING_FILE);
}

/** Staging's YAML as data, for tests that change one field and validate the result. */
export function stagingData(): Record<string, unknown> {
  return parseYaml(fs.readFileSync(STAGING_FILE, 'utf8'), STAGING_FILE) as Record<string, unknown>;
}

export function validate(data: unknown, file = 'environments/test.yaml'): Environment {
  return validateEnvironment(data, file, path.basename(file).replace(/\.ya?ml$/, ''));
}

export function temporaryDirectory(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `vigil-${prefix}-`));
}

type TerraformDocument = { resource: Record<string, Record<string, Record<string, unknown>>> };

export function resourcesOf(document: Record<string, unknown>, type: string): Record<string, Record<string, unknown>> {
  return (document as TerraformDocument).resource[type] ?? {};
}
