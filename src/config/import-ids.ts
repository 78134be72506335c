// The import ID each Terraform resource type of the stack accepts, as the google provider's
// resource pages document it in their "Import" sections (docs/adopt.md cites each page). vigil
// writes the first form of each; the schema of `adopt:` and the tests check IDs against it.
export interface ImportIdForm {
  /** The form as the provider's page writes it. */
  readonly documented: string;
  /** The form vigil writes (the first documented one, with the project spelled out). */
  readonly pattern: RegExp;
  /** The written form with placeholders, for messages. */
  readonly example: string;
}

const SEGMENT = '[^/\\s]+';

export const IMPORT_ID_FORMS: Readonly<Record<string, ImportIdForm>> = {
  google_monitoring_alert_policy: {
    documented: '{{name}}',
    pattern: new RegExp(`^projects/${SEGMENT}/alertPolicies/${SEGMENT}$`),
    example: 'projects/P/alertPolicies/ID',
  },
  google_monitoring_uptime_check_config: {
    documented: '{{name}}',
    pattern: new RegExp(`^projects/${SEGMENT}/uptimeCheckConfigs/${SEGMENT}$`),
    example: 'projects/P/uptimeCheckConfigs/ID',
  },
  google_monitoring_notification_channel: {
    documented: '{{name}}',
    pattern: new RegExp(`^projects/${SEGMENT}/notificationChannels/${SEGMENT}$`),
    example: 'projects/P/notificationChannels/ID',
  },
  google_monitoring_custom_service: {
    documented: '{{name}}',
    pattern: new RegExp(`^projects/${SEGMENT}/services/${SEGMENT}$`),
    example: 'projects/P/services/ID',
  },
  google_monitoring_slo: {
    documented: '{{name}}',
    pattern: new RegExp(`^projects/${SEGMENT}/services/${SEGMENT}/serviceLevelObjectives/${SEGMENT}$`),
    example: 'projects/P/services/S/serviceLevelObjectives/ID',
  },
  google_monitoring_dashboard: {
    documented: 'projects/{{project}}/dashboards/{{dashboard_id}} or {{dashboard_id}}',
    pattern: new RegExp(`^projects/${SEGMENT}/dashboards/${SEGMENT}$`),
    example: 'projects/P/dashboards/ID',
  },
  // A log-based metric's name is its client-assigned identifier (it may contain "/"), not a full name.
  google_logging_metric: {
    documented: '{{project}} {{name}} or {{name}}',
    pattern: /^[a-z][a-z0-9-]*[a-z0-9] \S+$/,
    example: 'PROJECT METRIC_NAME',
  },
};

/** The resource type of a Terraform address (`google_logging_metric.x` → `google_logging_metric`). */
export function addressType(address: string): string {
  return address.slice(0, address.indexOf('.'));
}
