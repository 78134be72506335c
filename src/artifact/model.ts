// The one model of a monitoring artifact that the tools read, whatever the input format. Bodies
// are REST-shaped (camelCase keys, as the API's JSON), so a check or a description is written
// once; each resource knows how to spell a path back in its file's own form (snake_case inside
// Terraform JSON), so what a tool reports points at what the person wrote.
import type { LogMetricShape } from './log-metrics';
import type { Slo } from './slos';
import { formatPath, type PathSegment } from './json';

export { isOpaque, isRecord, type PathSegment } from './json';

export type ResourceKind = 'alertPolicy' | 'uptimeCheck' | 'dashboard' | 'slo';
export type SourceFormat = 'terraform' | 'rest';

export interface ArtifactResource {
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
  /** The same path as segments of the file's JSON document (for positions in its text). */
  documentPathOf(segments: readonly PathSegment[]): PathSegment[];
}

export interface ArtifactUnit {
  readonly file: string;
  readonly format: SourceFormat;
  readonly resources: readonly ArtifactResource[];
  /** The stack's google_logging_metric resources by name; undefined for REST exports (unknown). */
  readonly logMetrics?: ReadonlyMap<string, LogMetricShape>;
  /** The stack's google_monitoring_slo resources; undefined for REST exports. */
  readonly slos?: readonly Slo[];
  /** Names (Terraform resource names) of the stack's google_cloudfunctions2_function resources; undefined for REST exports. */
  readonly cloudFunctions?: ReadonlySet<string>;
}

export function renderPath(prefix: string, segments: readonly PathSegment[]): string {
  return formatPath(segments, prefix, true);
}
