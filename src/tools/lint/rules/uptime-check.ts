// uptime/*: UptimeCheckConfig rules (uptime.proto; facts file §3).
import {
  CHECKER_LOCATIONS_PER_REGION,
  MAX_CONTENT_MATCHER_BYTES,
  MAX_UPTIME_HEADERS,
  MAX_UPTIME_TIMEOUT_SECONDS,
  MIN_CHECKER_LOCATIONS,
  MIN_UPTIME_TIMEOUT_SECONDS,
  UPTIME_PERIODS_SECONDS,
} from '../../../gcp/api-limits';
import { closestName } from '../../../util/closest-name';
import { readDurationField } from '../../../artifact/duration';
import { isOpaque, isRecord } from '../../../artifact/model';
import type { Rule, RuleContext } from '../rule-context';
import { checkUserLabels } from './user-labels';

function checkHttpCheck(context: RuleContext, http: Record<string, unknown>): void {
  const method = typeof http.requestMethod === 'string' ? http.requestMethod : 'GET';
  const contentType = typeof http.contentType === 'string' ? http.contentType : 'TYPE_UNSPECIFIED';
  if (method === 'GET' || method === 'METHOD_UNSPECIFIED') {
    if (typeof http.body === 'string' && http.body !== '') {
      context.report(
        'uptime/http-check',
        ['httpCheck', 'body'],
        'a GET check with a body; the API rejects a body with GET',
        'use request_method = "POST", or drop the body',
      );
    }
    if (contentType !== 'TYPE_UNSPECIFIED') {
      context.report(
        'uptime/http-check',
        ['httpCheck', 'contentType'],
        `a GET check with content type ${contentType}; the API requires none (TYPE_UNSPECIFIED) with GET`,
        'drop content_type',
      );
    }
  } else if (method === 'POST' && contentType === 'TYPE_UNSPECIFIED') {
    context.report(
      'uptime/http-check',
      ['httpCheck', 'contentType'],
      'a POST check without a content type; the API requires URL_ENCODED or USER_PROVIDED with POST',
      'set content_type = "URL_ENCODED"',
    );
  }
  if (isRecord(http.headers) && Object.keys(http.headers).length > MAX_UPTIME_HEADERS) {
    context.report(
      'uptime/http-check',
      ['httpCheck', 'headers'],
      `${Object.keys(http.headers).length} headers; the API accepts at most ${MAX_UPTIME_HEADERS}`,
    );
  }
  if (isRecord(http.authInfo) && isRecord(http.serviceAgentAuthentication)) {
    context.report(
      'uptime/http-check',
      ['httpCheck', 'serviceAgentAuthentication'],
      'both auth_info and service_agent_authentication are set; the API accepts one',
      'keep one of them',
    );
  }
}

export const uptimeCheckRules: Rule = (context) => {
  const body = context.resource.body;

  // Terraform's default period is 300s, the API's 60s: both valid, so an absent period is fine.
  if (body.period !== undefined) {
    const period = readDurationField(body.period);
    if (('seconds' in period && !UPTIME_PERIODS_SECONDS.includes(period.seconds)) || 'invalid' in period) {
      const found = 'seconds' in period ? `${period.seconds}s` : period.invalid;
      context.report(
        'uptime/period',
        ['period'],
        `period ${found} is not one the API accepts: ${UPTIME_PERIODS_SECONDS.map((s) => `${s}s`).join(', ')}`,
        'use "60s" or "300s"',
      );
    }
  }

  const timeout = readDurationField(body.timeout);
  if (body.timeout === undefined) {
    context.report(
      'uptime/timeout',
      ['timeout'],
      `the uptime check has no timeout; the API requires one between ${MIN_UPTIME_TIMEOUT_SECONDS}s and ${MAX_UPTIME_TIMEOUT_SECONDS}s`,
      'add timeout = "10s"',
    );
  } else if (
    ('seconds' in timeout &&
      (timeout.seconds < MIN_UPTIME_TIMEOUT_SECONDS || timeout.seconds > MAX_UPTIME_TIMEOUT_SECONDS)) ||
    'invalid' in timeout
  ) {
    const found = 'seconds' in timeout ? `${timeout.seconds}s` : timeout.invalid;
    context.report(
      'uptime/timeout',
      ['timeout'],
      `timeout ${found} is outside what the API accepts: ${MIN_UPTIME_TIMEOUT_SECONDS}s to ${MAX_UPTIME_TIMEOUT_SECONDS}s`,
      'use "10s"',
    );
  }

  const regions = body.selectedRegions;
  if (Array.isArray(regions) && regions.length > 0 && !regions.some(isOpaque)) {
    let locations = 0;
    regions.forEach((region, index) => {
      const count = typeof region === 'string' ? CHECKER_LOCATIONS_PER_REGION[region] : undefined;
      if (count === undefined) {
        const suggestion =
          typeof region === 'string' ? closestName(region, Object.keys(CHECKER_LOCATIONS_PER_REGION)) : undefined;
        context.report(
          'uptime/regions',
          ['selectedRegions', index],
          `region ${JSON.stringify(region)} is not one the API knows (${Object.keys(CHECKER_LOCATIONS_PER_REGION).join(', ')})${suggestion ? `; did you mean ${suggestion}?` : ''}`,
        );
      } else {
        locations += count;
      }
    });
    // USA and its three USA_* checkers are the same locations.
    const usaParts = regions.filter((region) => typeof region === 'string' && region.startsWith('USA_')).length;
    if (regions.includes('USA')) locations -= usaParts;
    if (locations < MIN_CHECKER_LOCATIONS) {
      context.report(
        'uptime/regions',
        ['selectedRegions'],
        `the selected regions cover ${locations} checker location(s); the API requires at least ${MIN_CHECKER_LOCATIONS} (USA counts 3, EUROPE, SOUTH_AMERICA and ASIA_PACIFIC 1 each)`,
        'add regions, e.g. ["USA", "EUROPE", "ASIA_PACIFIC"], or leave selected_regions empty for all',
      );
    }
  }

  const matchers = body.contentMatchers;
  if (Array.isArray(matchers)) {
    if (matchers.length > 1) {
      context.report(
        'uptime/content-matchers',
        ['contentMatchers'],
        `${matchers.length} content matchers; the API uses only one per check`,
        'keep one content matcher',
      );
    }
    matchers.forEach((matcher, index) => {
      if (!isRecord(matcher)) return;
      if (
        typeof matcher.content === 'string' &&
        Buffer.byteLength(matcher.content, 'utf8') > MAX_CONTENT_MATCHER_BYTES
      ) {
        context.report(
          'uptime/content-matchers',
          ['contentMatchers', index, 'content'],
          `content matcher of ${Buffer.byteLength(matcher.content, 'utf8')} bytes; the API accepts at most ${MAX_CONTENT_MATCHER_BYTES}`,
        );
      }
      const option = matcher.matcher;
      if (
        (option === 'MATCHES_JSON_PATH' || option === 'NOT_MATCHES_JSON_PATH') &&
        !isRecord(matcher.jsonPathMatcher)
      ) {
        context.report(
          'uptime/content-matchers',
          ['contentMatchers', index],
          `matcher ${option} without jsonPathMatcher; the API requires json_path_matcher { json_path, json_matcher } with JSON-path matchers`,
          'add json_path_matcher { json_path = "$.status", json_matcher = "EXACT_MATCH" }',
        );
      }
    });
  }

  const http = body.httpCheck;
  if (isRecord(http)) {
    if (http.validateSsl === true && http.useSsl !== true) {
      context.report(
        'uptime/validate-ssl',
        ['httpCheck', 'validateSsl'],
        'validate_ssl is set but use_ssl is not: the check uses plain HTTP and validates nothing',
        'set use_ssl = true, or drop validate_ssl',
      );
    }
    checkHttpCheck(context, http);
  }

  checkUserLabels(context, body.userLabels, ['userLabels'], 'uptime/user-labels');
};
