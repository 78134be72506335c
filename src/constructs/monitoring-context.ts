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
  /** Console link to the project's dashboards list. */
  readonly dashboardsUrl: string;
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

export function consoleUrl(environment: Environment, pagePath: string): string {
  return `https://console.cloud.google.com/${pagePath}?project=${environment.project}`;
}
