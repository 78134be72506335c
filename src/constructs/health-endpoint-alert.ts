// The backend's health endpoint reports each dependency as JSON (`$.redis.status`,
// `$.postgresql.status`): one uptime check per section, passing only when the section says
// "healthy", and one alert when it fails from several checker locations. The Redis and PostgreSQL
// signals each own theirs; this builds both the same way.
import { failingLocationsThreshold, REGION_RULE } from '../config/checker-locations';
import type { Construct } from 'constructs';
import type { Severity } from '../config/schema';
import { AlertPolicyInfo, createAlertPolicy } from './alert-policy-factory';
import { thresholdCondition } from './conditions';
import type { MonitoringContext } from './monitoring-context';
import type { Runbook } from './runbook';
import { createUptimeCheck, uptimeFailingCondition } from './uptime-check';

export interface HealthSectionAlert {
  /** The JSON section of the health response: `redis`, `postgresql`. */
  readonly section: string;
  readonly checkId: string;
  readonly alertId: string;
  readonly component: string;
  /** The component's name in the alert title: `Redis`, `PostgreSQL`. */
  readonly componentTitle: string;
  readonly severity: Severity;
  /** What a non-healthy status means, after "answered with `<section>.status` other than "healthy"". */
  readonly statusMeaning: string;
  readonly runbook: Omit<Runbook, 'whatFired'>;
}

export function createHealthSectionAlert(
  scope: Construct,
  context: MonitoringContext,
  spec: HealthSectionAlert,
): AlertPolicyInfo {
  const environment = context.environment;
  const url = environment.uptime.backendHealthUrl;
  const check = createUptimeCheck(scope, environment, {
    id: spec.checkId,
    title: `Health endpoint: ${spec.section} status`,
    url,
    jsonPath: { path: `$.${spec.section}.status`, expected: 'healthy' },
  });
  const failing = failingLocationsThreshold(
    environment.uptime.checkerRegions,
    environment.thresholds.uptime.failingLocations,
  );
  return createAlertPolicy(
    scope,
    {
      id: spec.alertId,
      component: spec.component,
      severity: spec.severity,
      title: `${spec.componentTitle}: health endpoint reports ${spec.section} not healthy from ${failing}+ locations`,
      conditions: [
        thresholdCondition(uptimeFailingCondition(environment, check, `${spec.section} status at the health endpoint`)),
      ],
      runbook: {
        ...spec.runbook,
        whatFired: `${url} answered with \`${spec.section}.status\` other than "healthy" (${spec.statusMeaning}) from ${failing} or more checker locations for 3 consecutive runs. ${REGION_RULE}`,
      },
    },
    context,
  );
}
