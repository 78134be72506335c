// HTTP uptime checks of the environment's endpoints, and the one shape of alert condition that
// goes with them: the check failing from N or more checker locations.
import { failingLocationsThreshold } from '../config/checker-locations';
import { MonitoringUptimeCheckConfig } from '@cdktf/provider-google/lib/monitoring-uptime-check-config';
import type { Construct } from 'constructs';
import type { Environment } from '../config/environment';
import { metricFilter } from '../gcp/filter-builder';
import { metric } from '../gcp/metric-catalog';
import type { ThresholdCondition } from './conditions';
import { displayName } from './monitoring-context';

export interface UptimeCheckSpec {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  /** Passes only when the JSON at this path equals `expected` (e.g. $.redis.status = "healthy"). */
  readonly jsonPath?: { readonly path: string; readonly expected: string };
}

export interface UptimeCheckRef {
  readonly displayName: string;
  /** Terraform reference to the check id that the uptime metrics carry as metric.labels.check_id. */
  readonly checkIdReference: string;
  readonly host: string;
}

export function createUptimeCheck(scope: Construct, environment: Environment, spec: UptimeCheckSpec): UptimeCheckRef {
  const url = new URL(spec.url);
  const useSsl = url.protocol === 'https:';
  const name = displayName(environment, spec.title);
  const check = new MonitoringUptimeCheckConfig(scope, spec.id, {
    project: environment.project,
    displayName: name,
    period: `${environment.uptime.periodSeconds}s`,
    timeout: `${environment.uptime.timeoutSeconds}s`,
    selectedRegions: [...environment.uptime.checkerRegions],
    checkerType: 'STATIC_IP_CHECKERS',
    userLabels: { env: environment.name },
    monitoredResource: { type: 'uptime_url', labels: { project_id: environment.project, host: url.hostname } },
    httpCheck: {
      path: `${url.pathname}${url.search}`,
      port: url.port ? Number(url.port) : useSsl ? 443 : 80,
      useSsl,
      validateSsl: useSsl,
      requestMethod: 'GET',
      acceptedResponseStatusCodes: [{ statusClass: 'STATUS_CLASS_2XX' }],
    },
    contentMatchers: spec.jsonPath
      ? [
          {
            content: spec.jsonPath.expected,
            matcher: 'MATCHES_JSON_PATH',
            jsonPathMatcher: { jsonPath: spec.jsonPath.path, jsonMatcher: 'EXACT_MATCH' },
          },
        ]
      : undefined,
  });
  check.overrideLogicalId(spec.id);
  return { displayName: name, checkIdReference: check.uptimeCheckId, host: url.hostname };
}

const CHECK_PASSED = metric('monitoring.googleapis.com/uptime_check/check_passed');

export function uptimeCheckPassedFilter(check: UptimeCheckRef): string {
  return metricFilter({
    metricType: CHECK_PASSED.type,
    resourceType: 'uptime_url',
    metricLabels: { check_id: check.checkIdReference },
  });
}

/**
 * Fails when the check fails from `failingLocations` or more checker locations: each location
 * writes its own check_passed series; NEXT_OLDER keeps each one's latest result and COUNT_FALSE
 * counts the failing ones. One failing location is usually the checker's network, not the service.
 */
export function uptimeFailingCondition(
  environment: Environment,
  check: UptimeCheckRef,
  what: string,
): ThresholdCondition {
  const failing = failingLocationsThreshold(
    environment.uptime.checkerRegions,
    environment.thresholds.uptime.failingLocations,
  );
  return {
    displayName: `${what} failing from ${failing} or more checker locations`,
    filter: uptimeCheckPassedFilter(check),
    aggregation: {
      // One check period: each location's latest result, so a failed run counts for one period only
      // and the duration (two periods by default) decides how many consecutive failed runs page.
      // A late point leaves its location out of that minute's count: it can delay a page, never
      // cause one.
      alignmentPeriodSeconds: Math.max(60, environment.uptime.periodSeconds),
      perSeriesAligner: 'ALIGN_NEXT_OLDER',
      crossSeriesReducer: 'REDUCE_COUNT_FALSE',
      groupByFields: ['metric.label.check_id'],
    },
    comparison: 'COMPARISON_GT',
    threshold: failing - 1,
    durationSeconds: environment.thresholds.uptime.durationSeconds,
  };
}
