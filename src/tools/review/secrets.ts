// Anything that looks like a secret is masked before the review is printed: a PR comment is
// readable by everyone with access to the repository, and its history cannot be unsent.
// vigil's own stacks keep secrets in sensitive variables (`${var.…}`), which are left readable:
// they are references, not values.

export const MASK = '••••••';

const SECRET_PATTERNS: readonly RegExp[] = [
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack tokens
  /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+/g, // Slack webhooks
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API keys
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, // GitHub tokens
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key ids
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, // JWTs
  /\b[0-9a-f]{32}\b/g, // PagerDuty integration keys are 32 hex digits
];

// `service_key: "abc…"`, `"auth_token":"…"`, `password=…`: the value after a secret-named key.
const SECRET_ASSIGNMENT =
  /((?:auth[_ ]?token|service[_ ]?key|password|passwd|secret|api[_ ]?key|private[_ ]?key|token|serviceKey|authToken|apiKey)["']?\s*(?:[:=]|→)\s*["']?)(?!\$\{var\.)([^\s"',;)}]{6,})/gi;

const SECRET_KEY_NAME = /(token|secret|password|passwd|service_?key|api_?key|private_?key|credential)/i;

export function maskSecrets(text: string): string {
  let masked = text;
  for (const pattern of SECRET_PATTERNS) masked = masked.replace(pattern, MASK);
  return masked.replace(SECRET_ASSIGNMENT, (_match, prefix: string, value: string) =>
    value === MASK ? `${prefix}${value}` : `${prefix}${MASK}`,
  );
}

/** True for attribute names whose values are secrets whatever they look like (`sensitive_labels › service_key`). */
export function isSecretKey(name: string): boolean {
  return SECRET_KEY_NAME.test(name) || name === 'sensitive_labels';
}

/** Masks every string in a JSON value (for --format json), and every value under a secret-named key. */
export function maskJson<T>(value: T): T {
  return maskValue(value, false) as T;
}

function maskValue(value: unknown, secretContext: boolean): unknown {
  if (typeof value === 'string') return secretContext && !/^\$\{var\.[^}]+\}$/.test(value) ? MASK : maskSecrets(value);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, secretContext));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[key] = maskValue(item, secretContext || isSecretKey(key));
    return result;
  }
  return value;
}
