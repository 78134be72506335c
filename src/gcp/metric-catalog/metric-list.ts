// Reads the saved text of Google's published metric lists (src/gcp/metric-catalog/sources/*.txt)
// into metric descriptors. The saved text keeps the page's layout, one field a line:
//
//   keyspace/avg_ttl                      metric type, without the service prefix
//   GA                                    launch stage
//   GAUGE , DOUBLE , ms                   kind , value type , unit (the unit may be empty)
//   redis_instance                        monitored resource types, one a line (possibly none)
//   Sampled every 60 seconds. After …     the description's sampling/deprecation sentences
//   role :                                metric label names
//
// Pure functions on text, so the generator script and the test that checks the generated data
// against its sources parse the same way.

export type MetricKind = 'GAUGE' | 'DELTA' | 'CUMULATIVE';
export type ValueType = 'BOOL' | 'INT64' | 'DOUBLE' | 'STRING' | 'DISTRIBUTION' | 'MONEY';
export type LaunchStage = 'GA' | 'BETA' | 'ALPHA' | 'EARLY_ACCESS' | 'DEPRECATED';

export interface ListedMetric {
  /** The full metric type, prefix included. */
  readonly type: string;
  readonly launchStage: LaunchStage;
  readonly kind: MetricKind;
  readonly valueType: ValueType;
  /** UCUM unit as the list prints it: `1`, `us`, `ms`, `s`, `By`, `10^2.%`, `d`, `s{CPU}`; '' when none. */
  readonly unit: string;
  /** Empty when the list names no resource type (logging's log_entry_count is written against many). */
  readonly resourceTypes: readonly string[];
  readonly labels: readonly string[];
  /** "Sampled every N seconds." */
  readonly samplePeriodSeconds?: number;
  /** "After sampling, data is not visible for up to N seconds." Absent when the list states none. */
  readonly ingestDelaySeconds?: number;
  /** The metric type Google names as the replacement of a deprecated metric ("use X instead"). */
  readonly replacement?: string;
}

/** One service's section of a metric list page, with where and when it was read. */
export interface MetricList {
  readonly service: string;
  readonly prefix: string;
  readonly source: string;
  readonly section: string;
  /** When Google generated the list, as the page states it. */
  readonly listGenerated: string;
  /** When vigil read the page (YYYY-MM-DD). */
  readonly read: string;
  readonly metrics: readonly ListedMetric[];
}

/** Label names of monitored resource types, from Google's monitored-resources list. */
export interface ResourceList {
  readonly source: string;
  readonly listGenerated: string;
  readonly read: string;
  readonly labels: Readonly<Record<string, readonly string[]>>;
}

export class MetricListError extends Error {
  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'MetricListError';
  }
}

const STAGES = new Set<string>(['GA', 'BETA', 'ALPHA', 'EARLY_ACCESS', 'DEPRECATED']);
const KINDS = new Set<string>(['GAUGE', 'DELTA', 'CUMULATIVE']);
const VALUE_TYPES = new Set<string>(['BOOL', 'INT64', 'DOUBLE', 'STRING', 'DISTRIBUTION', 'MONEY']);
const KIND_LINE = /^(\w+) , (\w+) ,(?: (\S+))?$/;
const LABEL_LINE = /^([A-Za-z0-9_]+) :$/;
const RESOURCE_LINE = /^[a-z0-9_]+(?:\.[a-z0-9_]+)*(?:\/[A-Za-z0-9_]+)?$/;
const SAMPLED = /Sampled every (\d+) seconds\./;
const NOT_VISIBLE = /After sampling, data is not visible for up to (\d+) seconds\./;
// "Use "logging.googleapis.com/logs_based_metrics_error_count" instead", or relative to the prefix:
// "Use subscription/pull_request_count instead".
const REPLACEMENT = /[Uu]se "?([a-z0-9.]+\.googleapis\.com(?:\/\w+)+|\w+(?:\/\w+)+)"? instead/;

interface Line {
  readonly text: string;
  readonly number: number;
}

export function parseMetricList(text: string, file: string): MetricList {
  const { header, body } = splitHeader(text, file);
  const prefix = requireField(header, 'Prefix', file);
  const metrics: ListedMetric[] = [];
  let index = 0;
  while (index < body.length) {
    const start = body[index];
    const stage = body[index + 1];
    const kindLine = body[index + 2];
    if (!stage || !STAGES.has(stage.text)) {
      throw new MetricListError(
        file,
        start.number,
        `expected a metric type followed by a launch stage, found "${start.text}"`,
      );
    }
    const kindMatch = kindLine ? KIND_LINE.exec(kindLine.text) : null;
    if (!kindLine || !kindMatch || !KINDS.has(kindMatch[1]) || !VALUE_TYPES.has(kindMatch[2])) {
      throw new MetricListError(
        file,
        (kindLine ?? stage).number,
        `expected "KIND , VALUE_TYPE , UNIT" after ${start.text}`,
      );
    }
    index += 3;
    const resourceTypes: string[] = [];
    while (index < body.length && RESOURCE_LINE.test(body[index].text) && !isMetricStart(body, index)) {
      resourceTypes.push(body[index].text);
      index += 1;
    }
    const description = body[index];
    if (!description || LABEL_LINE.test(description.text) || isMetricStart(body, index)) {
      throw new MetricListError(
        file,
        (description ?? kindLine).number,
        `expected the description line of ${start.text}`,
      );
    }
    index += 1;
    const labels: string[] = [];
    while (index < body.length && LABEL_LINE.test(body[index].text) && !isMetricStart(body, index)) {
      labels.push(LABEL_LINE.exec(body[index].text)![1]);
      index += 1;
    }
    metrics.push(
      describe(prefix, start.text, stage.text as LaunchStage, kindMatch, resourceTypes, description.text, labels),
    );
  }
  return {
    service: requireField(header, 'Service', file),
    prefix,
    source: requireField(header, 'Source', file),
    section: requireField(header, 'Section', file),
    listGenerated: requireField(header, 'List generated', file),
    read: readDate(header, file),
    metrics,
  };
}

export function parseResourceList(text: string, file: string): ResourceList {
  const { header, body } = splitHeader(text, file);
  const labels: Record<string, string[]> = {};
  let current: string[] | undefined;
  for (let index = 0; index < body.length; index++) {
    const line = body[index];
    if (body[index + 1]?.text === 'Labels :') {
      current = labels[line.text] = [];
      index += 1;
      continue;
    }
    const label = LABEL_LINE.exec(line.text);
    if (!label || !current)
      throw new MetricListError(file, line.number, `expected a resource type or a label name, found "${line.text}"`);
    current.push(label[1]);
  }
  return {
    source: requireField(header, 'Source', file),
    listGenerated: requireField(header, 'List generated', file),
    read: readDate(header, file),
    labels,
  };
}

function describe(
  prefix: string,
  name: string,
  launchStage: LaunchStage,
  kind: RegExpExecArray,
  resourceTypes: string[],
  description: string,
  labels: string[],
): ListedMetric {
  const sampled = SAMPLED.exec(description);
  const visible = NOT_VISIBLE.exec(description);
  const named = launchStage === 'DEPRECATED' ? REPLACEMENT.exec(description)?.[1] : undefined;
  const replacement = named && !named.includes('.googleapis.com/') ? `${prefix}${named}` : named;
  return {
    type: `${prefix}${name}`,
    launchStage,
    kind: kind[1] as MetricKind,
    valueType: kind[2] as ValueType,
    unit: kind[3] ?? '',
    resourceTypes,
    labels,
    ...(sampled ? { samplePeriodSeconds: Number(sampled[1]) } : {}),
    ...(visible ? { ingestDelaySeconds: Number(visible[1]) } : {}),
    ...(replacement ? { replacement } : {}),
  };
}

/** A metric starts where a line is followed by a launch stage and a kind line. */
function isMetricStart(body: readonly Line[], index: number): boolean {
  return STAGES.has(body[index + 1]?.text ?? '') && KIND_LINE.test(body[index + 2]?.text ?? '');
}

function splitHeader(text: string, file: string): { header: Map<string, string>; body: Line[] } {
  const header = new Map<string, string>();
  const body: Line[] = [];
  text.split('\n').forEach((raw, offset) => {
    const line = raw.trimEnd();
    if (line.startsWith('#')) {
      const field = /^#\s*([A-Za-z ]+):\s*(.*)$/.exec(line);
      if (field && body.length === 0 && !header.has(field[1])) header.set(field[1], field[2]);
      return;
    }
    if (line.trim() !== '') body.push({ text: line.trim(), number: offset + 1 });
  });
  if (body.length === 0) throw new MetricListError(file, 1, 'no entries');
  return { header, body };
}

function requireField(header: ReadonlyMap<string, string>, name: string, file: string): string {
  const value = header.get(name);
  if (!value) throw new MetricListError(file, 1, `the header has no "# ${name}:" line`);
  return value;
}

function readDate(header: ReadonlyMap<string, string>, file: string): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(requireField(header, 'Read', file));
  if (!date) throw new MetricListError(file, 1, 'the "# Read:" line does not start with a date (YYYY-MM-DD)');
  return date[0];
}
