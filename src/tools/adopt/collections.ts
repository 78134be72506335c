// The collections of live monitoring resources vigil adopt reads, one row per kind: the file that
// holds it offline (`--from DIR`), the field of the list response, and the REST list it comes from.
// Paths (REST references): Monitoring v3 projects.alertPolicies.list, projects.uptimeCheckConfigs.list,
// projects.notificationChannels.list, services.list (GET /v3/projects/P/<collection>); Monitoring v1
// projects.dashboards.list (GET /v1/projects/P/dashboards); Logging v2 projects.metrics.list
// (GET https://logging.googleapis.com/v2/projects/P/metrics).

export type LiveKind = 'alertPolicy' | 'uptimeCheck' | 'notificationChannel' | 'service' | 'dashboard' | 'logMetric';

export interface Collection {
  /** The file of `--from DIR`. */
  readonly file: string;
  /** The list response's field (the REST reference's ListXResponse). */
  readonly field: string;
  readonly api: 'monitoring' | 'logging';
  /** The list's path, `{p}` the project. */
  readonly path: string;
}

export const COLLECTIONS: Readonly<Record<LiveKind, Collection>> = {
  alertPolicy: {
    file: 'alertPolicies.json',
    field: 'alertPolicies',
    api: 'monitoring',
    path: 'v3/projects/{p}/alertPolicies',
  },
  uptimeCheck: {
    file: 'uptimeCheckConfigs.json',
    field: 'uptimeCheckConfigs',
    api: 'monitoring',
    path: 'v3/projects/{p}/uptimeCheckConfigs',
  },
  notificationChannel: {
    file: 'notificationChannels.json',
    field: 'notificationChannels',
    api: 'monitoring',
    path: 'v3/projects/{p}/notificationChannels',
  },
  service: { file: 'services.json', field: 'services', api: 'monitoring', path: 'v3/projects/{p}/services' },
  dashboard: { file: 'dashboards.json', field: 'dashboards', api: 'monitoring', path: 'v1/projects/{p}/dashboards' },
  logMetric: { file: 'metrics.json', field: 'metrics', api: 'logging', path: 'v2/projects/{p}/metrics' },
};
