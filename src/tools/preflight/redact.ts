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
 * Secrets shorter than this are masked only where they stand as a quoted token ('ab', "ab") or
 * right after `password=`: searched for everywhere, they would match ordinary text ("ms", a
 * digit) and garble the report.
 */
export const MIN_REDACTED_LENGTH = 4;

/**
 * A run of at least this many characters that starts a secret is masked as far as it matches: a
 * server that truncates what it echoes (Redis prints 128 characters of each argument) prints a
 * prefix, not the secret.
 */
export const MIN_REDACTED_PREFIX = 8;

// Redis answers a command it does not know (AUTH renamed) with its arguments:
// "ERR unknown command 'auth', with args beginning with: 'the-password' ". Whatever follows is
// masked: to the end of a message, or in a JSON text to the end of the line or of the string.
const ECHOED_ARGUMENTS = /(args beginning with:)[^]*$/i;
const ECHOED_ARGUMENTS_IN_TEXT = /(args beginning with:)(?:[^"\\\r\n]|\\.)*/gi;

/** A message (one string, before it is formatted) with the arguments a server echoed masked. */
export function maskEchoedArguments(message: string): string {
  return message.replace(ECHOED_ARGUMENTS, `$1 ${MASK}`);
}

/** Every form a secret may take in a message or a report. */
function formsOf(secret: string): Set<string> {
  const forms = new Set<string>();
  const collapsed = secret.replace(/\s+/g, ' ');
  for (const base of [secret, collapsed, collapsed.trim()]) {
    if (base === '') continue;
    forms.add(base);
    // As it appears inside a JSON string (the --json report, a library's JSON error).
    forms.add(JSON.stringify(base).slice(1, -1));
    forms.add(encodeURIComponent(base));
    // Form encoding writes spaces as '+'.
    forms.add(encodeURIComponent(base).replace(/%20/g, '+'));
  }
  return forms;
}

/**
 * Replaces every form of each secret in `text` (as given, JSON-escaped, whitespace-collapsed,
 * percent-encoded), any run of 8 or more characters that starts one, and the arguments Redis
 * echoes back.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text.replace(ECHOED_ARGUMENTS_IN_TEXT, `$1 ${MASK}`);
  const forms = new Set<string>();
  // A whole connection URL is masked only whole: its first 8 characters ("postgres", "redis://")
  // are not secret. Its password is a secret of its own (targets.ts), masked in every form.
  const prefixForms = new Set<string>();
  for (const secret of secrets) {
    for (const form of formsOf(secret)) {
      forms.add(form);
      if (!secret.includes('://') && form.length >= MIN_REDACTED_PREFIX) prefixForms.add(form);
    }
  }
  // Longest first, so a secret that contains another is replaced whole; whole forms before
  // prefixes, so a prefix shared by two forms does not leave the rest of one behind.
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  for (const form of sorted) if (form.length >= MIN_REDACTED_LENGTH) result = result.split(form).join(MASK);
  for (const form of sorted) if (prefixForms.has(form)) result = maskPrefixRuns(result, form);
  for (const form of sorted) if (form.length < MIN_REDACTED_LENGTH) result = maskShortToken(result, form);
  return result;
}

/** Masks each place where `secret`'s first MIN_REDACTED_PREFIX characters appear, as far as the text goes on matching it. */
function maskPrefixRuns(text: string, secret: string): string {
  const head = secret.slice(0, MIN_REDACTED_PREFIX);
  let result = '';
  let from = 0;
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, from)) {
    let end = at + MIN_REDACTED_PREFIX;
    while (end - at < secret.length && end < text.length && text[end] === secret[end - at]) end++;
    result += text.slice(from, at) + MASK;
    from = end;
  }
  return result + text.slice(from);
}

function maskShortToken(text: string, secret: string): string {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text
    .replace(new RegExp(`(['"\`])${escaped}\\1`, 'g'), `$1${MASK}$1`)
    .replace(new RegExp(`(password[=:]\\s*)${escaped}(?![^\\s&;,'"])`, 'gi'), `$1${MASK}`);
}
