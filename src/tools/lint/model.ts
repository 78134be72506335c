// The one model rules read, whatever the input format. Bodies are REST-shaped (camelCase keys, as
// the API's JSON), so a rule is written once; each resource knows how to spell a path back in its
// file's own form (snake_case inside Terraform JSON), so findings point at what the person wrote.

export type ResourceKind = 'alertPolicy' | 'uptimeCheck' | 'dashboard';
export type SourceFormat = 'terraform' | 'rest';
export type PathSegment = string | number;

export interface LintResource {
  readonly kind: ResourceKind;
  readonly format: SourceFormat;
  readonly file: string;
  /** Terraform address or display name. */
  readonly resource: string;
  /** REST-shaped body; for dashboards, the parsed dashboard JSON. */
  readonly body: Record<string, unknown>;
  /** Why the body could not be read (a dashboard_json string that is not a JSON object). */
  readonly parseProblem?: string;
  /** A path into `body`, spelled as in the file. */
  pathOf(segments: readonly PathSegment[]): string;
}

export interface LintUnit {
  readonly file: string;
  readonly format: SourceFormat;
  readonly resources: readonly LintResource[];
  /** Names of the stack's google_logging_metric resources; undefined for REST exports (unknown). */
  readonly logMetrics?: ReadonlyMap<string, { readonly kind: string; readonly valueType: string }>;
}

export function renderPath(prefix: string, segments: readonly PathSegment[]): string {
  let text = prefix;
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Terraform interpolation or template placeholder: opaque, never checked. */
export function isOpaque(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}
