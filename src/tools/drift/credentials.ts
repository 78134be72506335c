// Whether Google credentials are available to terraform's google provider, checked before a plan
// so that a missing login reads as one clear sentence rather than a provider stack of errors.
// The provider looks (in order) at GOOGLE_CREDENTIALS / GOOGLE_CLOUD_KEYFILE_JSON, an access token
// (GOOGLE_OAUTH_ACCESS_TOKEN), then Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS
// or gcloud's ADC file. A metadata server (GCE, Cloud Build) cannot be seen from here: on such
// runners pass --assume-credentials.
import * as os from 'os';
import * as path from 'path';

const CREDENTIAL_VARIABLES = [
  'GOOGLE_APPLICATION_CREDENTIALS',
  'GOOGLE_CREDENTIALS',
  'GOOGLE_CLOUD_KEYFILE_JSON',
  'GOOGLE_OAUTH_ACCESS_TOKEN',
] as const;

/** gcloud's Application Default Credentials file (`gcloud auth application-default login`). */
export function adcFile(env: NodeJS.ProcessEnv): string {
  const configDir = env.CLOUDSDK_CONFIG ?? path.join(env.HOME ?? os.homedir(), '.config', 'gcloud');
  return path.join(configDir, 'application_default_credentials.json');
}

/** Where credentials were found (for the report), or undefined when there are none. */
export function findCredentials(env: NodeJS.ProcessEnv, fileExists: (file: string) => boolean): string | undefined {
  for (const name of CREDENTIAL_VARIABLES) {
    if (env[name]) return name;
  }
  const file = adcFile(env);
  return fileExists(file) ? file : undefined;
}

export const NO_CREDENTIALS_MESSAGE = [
  'no Google Cloud credentials found, so terraform cannot read the resources the drift checks compare.',
  'Set one of:',
  '  - GOOGLE_APPLICATION_CREDENTIALS: path to a service-account key or workload-identity credential file',
  '  - GOOGLE_CREDENTIALS: the contents of a service-account key',
  '  - or run `gcloud auth application-default login`',
  'The identity needs read access: roles/redis.viewer, roles/vpcaccess.viewer, roles/cloudsql.viewer,',
  'roles/run.viewer and roles/monitoring.viewer. On a GCE or Cloud Build runner with a metadata server,',
  'pass --assume-credentials.',
].join('\n');
