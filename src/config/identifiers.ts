// Formats of the GCP identifiers an environment names. Each pattern comes with the words the
// validation error uses, so a person reads what is expected rather than a regular expression.

export interface IdentifierFormat {
  readonly pattern: RegExp;
  readonly expected: string;
}

// Project ids: 6–30 characters, lowercase letters, digits and hyphens, starting with a letter,
// not ending with a hyphen (Resource Manager rules).
export const PROJECT_ID: IdentifierFormat = {
  pattern: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
  expected:
    'a GCP project id: 6 to 30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen',
};

// Regions such as us-central1, europe-west4, northamerica-northeast2.
export const REGION: IdentifierFormat = {
  pattern: /^[a-z]+-[a-z]+[0-9]+$/,
  expected: 'a GCP region such as us-central1',
};

// Memorystore instance ids: lowercase letters, digits and hyphens, 1–40 characters, starting with a letter.
export const REDIS_INSTANCE_ID: IdentifierFormat = {
  pattern: /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/,
  expected: 'a Memorystore instance id: up to 40 lowercase letters, digits or hyphens, starting with a letter',
};

// Cloud SQL instance names: lowercase letters, digits and hyphens, starting with a letter, up to 98 characters.
export const CLOUD_SQL_INSTANCE: IdentifierFormat = {
  pattern: /^[a-z](?:[a-z0-9-]{0,96}[a-z0-9])?$/,
  expected: 'a Cloud SQL instance name: lowercase letters, digits or hyphens, starting with a letter',
};

// Serverless VPC Access connector names: 1–25 characters (the API's own limit), RFC 1035 style.
export const VPC_CONNECTOR_NAME: IdentifierFormat = {
  pattern: /^[a-z](?:[-a-z0-9]{0,23}[a-z0-9])?$/,
  expected: 'a VPC connector name: up to 25 lowercase letters, digits or hyphens, starting with a letter',
};

// VPC network names: RFC 1035, up to 63 characters.
export const NETWORK_NAME: IdentifierFormat = {
  pattern: /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/,
  expected: 'a VPC network name: up to 63 lowercase letters, digits or hyphens, starting with a letter',
};

// Cloud Run service names: up to 49 characters, lowercase letters, digits and hyphens, starting with a letter.
export const CLOUD_RUN_SERVICE: IdentifierFormat = {
  pattern: /^[a-z](?:[a-z0-9-]{0,47}[a-z0-9])?$/,
  expected: 'a Cloud Run service name: up to 49 lowercase letters, digits or hyphens, starting with a letter',
};

// Environment names become part of resource names, metric names and user_labels values.
export const ENVIRONMENT_NAME: IdentifierFormat = {
  pattern: /^[a-z][a-z0-9-]{0,19}$/,
  expected: 'an environment name: up to 20 lowercase letters, digits or hyphens, starting with a letter',
};

// Our own channel ids become Terraform ids and variable names.
export const CHANNEL_ID: IdentifierFormat = {
  pattern: /^[a-z][a-z0-9-]{0,39}$/,
  expected: 'a channel id: up to 40 lowercase letters, digits or hyphens, starting with a letter',
};

// GCS bucket names (the common subset: no dots).
export const GCS_BUCKET: IdentifierFormat = {
  pattern: /^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/,
  expected: 'a GCS bucket name: 3 to 63 lowercase letters, digits, hyphens or underscores',
};

export const IPV4_ADDRESS: IdentifierFormat = {
  pattern: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
  expected: 'an IPv4 address such as 10.166.204.83',
};

// Serverless VPC Access requires an unused /28 range.
export const IPV4_CIDR_28: IdentifierFormat = {
  pattern: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\/28$/,
  expected: 'an IPv4 /28 range such as 10.1.0.0/28',
};

// Secret Manager secret ids: letters, digits, hyphens and underscores, at most 255 characters
// (Secret Manager's secretId rule). Only the id is ever in a YAML file, never a value.
export const SECRET_ID: IdentifierFormat = {
  pattern: /^[A-Za-z0-9_-]{1,255}$/,
  expected: 'a Secret Manager secret id (letters, digits, - and _, at most 255 characters)',
};
