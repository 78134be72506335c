// What every signal construct shares: the environment, the notification channels by severity,
// and the naming conventions. Signals receive it instead of reaching for globals.
import type { Environment } from '../config/environment';
import { displayNamePrefix, logBasedMetricName } from '../config/environment-collisions';
import type { Severity } from '../config/schema';

export interface MonitoringContext {
  readonly environment: Environment;
  /** Terraform references (`${google_monitoring_notification_channel.x.name}`) per severity. */
  readonly channelsBySeverity: Readonly<Record<Severity, readonly string[]>>;
  /** The dashboard's title, quoted in runbooks so a person can find it. */
  readonly dashboardTitle: string;
  /** Console link that opens the environment's dashboard itself. */
  readonly dashboardUrl: string;
}

/** Names every log-based metric of an environment, so two environments in one project never collide. */
export function logMetricName(environment: Environment, metric: string): string {
  return logBasedMetricName(environment.name, metric);
}

/** `[staging] Redis: connection failures > 1%`: every display name starts with the environment. */
export function displayName(environment: Environment, title: string): string {
  return `${displayNamePrefix(environment.name)}${title}`;
}

export function dashboardTitle(environment: Environment): string {
  return `Infrastructure health — ${environment.name}`;
}

/**
 * The dashboard's id, chosen by vigil rather than by the API: the dashboard JSON names itself
 * `projects/<project>/dashboards/<id>` (the Dashboards API takes the id from `name` on create,
 * as gcloud's "create a dashboard with a specific dashboard ID" shows). Known at synthesis, the
 * id lets runbooks link the dashboard itself; a Terraform reference to the dashboard's id would
 * make a cycle, since the dashboard's alert charts reference every policy.
 */
export function dashboardId(environment: Environment): string {
  return `vigil-${environment.name}-infrastructure`;
}

export function dashboardResourceName(environment: Environment): string {
  return `projects/${environment.project}/dashboards/${dashboardId(environment)}`;
}

/** The console page of one dashboard. */
export function dashboardUrl(environment: Environment): string {
  return consoleUrl(environment, `monitoring/dashboards/builder/${dashboardId(environment)}`);
}

export function consoleUrl(environment: Environment, pagePath: string): string {
  return `https://console.cloud.google.com/${pagePath}?project=${environment.project}`;
}
