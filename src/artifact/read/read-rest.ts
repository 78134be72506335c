// REST JSON exports → artifact model: one AlertPolicy, UptimeCheckConfig or Dashboard object, an array
// of them (what `gcloud monitoring policies list --format=json` prints), or a list response
// (`{"alertPolicies": [...]}`, `{"uptimeCheckConfigs": [...]}`, `{"dashboards": [...]}`).
import {
  isRecord,
  renderPath,
  type ArtifactResource,
  type ArtifactUnit,
  type PathSegment,
  type ResourceKind,
} from '../model';

const LIST_KEYS: Readonly<Record<string, ResourceKind>> = {
  alertPolicies: 'alertPolicy',
  uptimeCheckConfigs: 'uptimeCheck',
  dashboards: 'dashboard',
};

const DASHBOARD_LAYOUTS = ['mosaicLayout', 'gridLayout', 'rowLayout', 'columnLayout'];
const UPTIME_FIELDS = [
  'httpCheck',
  'tcpCheck',
  'monitoredResource',
  'resourceGroup',
  'syntheticMonitor',
  'checkerType',
  'selectedRegions',
];

/** What a REST object is, by the fields only that kind has; undefined when it is none of them. */
export function detectRestKind(value: unknown): ResourceKind | undefined {
  if (!isRecord(value)) return undefined;
  if (
    'conditions' in value ||
    'combiner' in value ||
    (typeof value.name === 'string' && value.name.includes('/alertPolicies/'))
  )
    return 'alertPolicy';
  if (
    DASHBOARD_LAYOUTS.some((key) => key in value) ||
    (typeof value.name === 'string' && value.name.includes('/dashboards/'))
  )
    return 'dashboard';
  if (
    UPTIME_FIELDS.some((key) => key in value) ||
    (typeof value.name === 'string' && value.name.includes('/uptimeCheckConfigs/'))
  )
    return 'uptimeCheck';
  return undefined;
}

/** The REST objects in a document with their paths, or undefined when the document holds none. */
function restObjects(
  doc: unknown,
): { value: Record<string, unknown>; kind: ResourceKind; base: PathSegment[] }[] | undefined {
  const single = detectRestKind(doc);
  if (single && isRecord(doc)) return [{ value: doc, kind: single, base: [] }];
  const collect = (items: unknown[], base: PathSegment[], expected?: ResourceKind) => {
    const found: { value: Record<string, unknown>; kind: ResourceKind; base: PathSegment[] }[] = [];
    items.forEach((item, index) => {
      const kind = detectRestKind(item) ?? expected;
      if (kind && isRecord(item)) found.push({ value: item, kind, base: [...base, index] });
    });
    return found;
  };
  if (Array.isArray(doc)) {
    const found = collect(doc, []);
    return found.length > 0 || doc.length === 0 ? found : undefined;
  }
  if (isRecord(doc)) {
    const found = Object.entries(LIST_KEYS).flatMap(([key, kind]) =>
      Array.isArray(doc[key]) ? collect(doc[key] as unknown[], [key], kind) : [],
    );
    return found.length > 0 || Object.keys(LIST_KEYS).some((key) => Array.isArray(doc[key])) ? found : undefined;
  }
  return undefined;
}

export function isRestExport(doc: unknown): boolean {
  return restObjects(doc) !== undefined;
}

export function readRest(doc: unknown, file: string): ArtifactUnit {
  const resources: ArtifactResource[] = (restObjects(doc) ?? []).map(({ value, kind, base }) => ({
    kind,
    format: 'rest',
    file,
    resource:
      typeof value.displayName === 'string' && value.displayName !== ''
        ? value.displayName
        : typeof value.name === 'string'
          ? value.name
          : renderPath('', base) || '(unnamed)',
    body: value,
    pathOf: (segments: readonly PathSegment[]) => renderPath('', [...base, ...segments]),
    documentPathOf: (segments: readonly PathSegment[]) => [...base, ...segments],
  }));
  return { file, format: 'rest', resources };
}
