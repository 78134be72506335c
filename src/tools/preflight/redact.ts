// Secrets (Redis AUTH strings, database passwords) must never reach the terminal, a CI log or a
// JSON report. URLs are shown with the password replaced, and every printed text is scrubbed of
// the known secret values as a second line of defence (library error messages are not ours).
export const MASK = '****';

// Query parameters that carry secrets in PostgreSQL connection URLs (libpq names).
const SECRET_QUERY_KEYS = new Set(['password', 'sslpassword']);

/** The URL with its password (and password query parameters) masked: `redis://:****@host:port`. */
export function maskUrl(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = MASK;
  for (const key of [...copy.searchParams.keys()]) {
    if (SECRET_QUERY_KEYS.has(key.toLowerCase())) copy.searchParams.set(key, MASK);
  }
  // URL escapes the mask's asterisks in query values; show them as typed.
  return copy.href.replace(/%2A%2A%2A%2A/g, MASK);
}

/**
 * Secrets shorter than this are not searched for: they would match ordinary text ("ms", a digit)
 * and garble the report, and no code path prints a password anyway (URLs are masked by structure).
 */
export const MIN_REDACTED_LENGTH = 4;

/** Replaces every occurrence of each secret (and of its URL-encoded form) in `text`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_REDACTED_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret that contains another is replaced whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    result = result.split(form).join(MASK);
  }
  return result;
}
