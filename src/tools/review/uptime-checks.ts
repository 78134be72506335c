// Uptime checks in the words of the domain, and the changes that make an outage show up later or
// not at all: fewer checker regions (fewer independent witnesses, and the alert's "N regions
// failing" needs more of the remaining ones), a longer period between checks, a content matcher
// removed (a 200 with the wrong body, e.g. a health JSON saying "degraded", passes again).
import { checkerLocations, geographyOf, MIN_CHECKER_LOCATIONS } from '../../config/checker-locations';
import type { FoundRisk } from './alert-policies';
import { describeLeafChange, leafChanges } from './json-changes';
import { durationSeconds } from '../../artifact/duration';
import { formatDurationText } from './quantities';
import { isObject, Json, JsonObject, ResourceRecord, stableJson } from './resources';

const HANDLED_KEYS = new Set(['selected_regions', 'period', 'content_matchers']);

export interface UptimeComparison {
  readonly details: string[];
  readonly risks: FoundRisk[];
}

/** Regions as listed; none listed means the API's default, every region. */
function regions(body: JsonObject): string[] | undefined {
  const value = body.selected_regions;
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.filter((region): region is string => typeof region === 'string');
}

function matchers(body: JsonObject): JsonObject[] {
  return Array.isArray(body.content_matchers) ? body.content_matchers.filter(isObject) : [];
}

function describeMatcher(matcher: JsonObject): string {
  const jsonPath = isObject(matcher.json_path_matcher) ? matcher.json_path_matcher.json_path : undefined;
  const how = typeof matcher.matcher === 'string' ? matcher.matcher : 'CONTAINS_STRING';
  const content = JSON.stringify(matcher.content ?? '');
  return typeof jsonPath === 'string' ? `JSON path ${jsonPath} ${how} ${content}` : `${how} ${content}`;
}

const list = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * Why a change of checker regions weakens the check, in words, or undefined. Regions are not
 * comparable by count: USA stands for three checker locations (Oregon, Iowa, Virginia), so
 * [USA, EUROPE, ASIA_PACIFIC] → [USA_OREGON, EUROPE, ASIA_PACIFIC] keeps three regions but drops
 * from five witnesses to three. Fewer locations, fewer than the API's minimum of three, or every
 * location in one geography (one region's network trouble then looks like an outage) is a risk.
 */
function weakerCheckerLayout(before: readonly string[], after: readonly string[]): string | undefined {
  const was = checkerLocations(before);
  const now = checkerLocations(after);
  const geographiesBefore = new Set(was.map(geographyOf));
  const geographiesNow = [...new Set(now.map(geographyOf))];
  const reasons: string[] = [];
  if (now.length < was.length)
    reasons.push(`uptime checks drop from ${was.length} to ${now.length} checker locations (${list(now)})`);
  else if (now.length < MIN_CHECKER_LOCATIONS)
    reasons.push(`uptime checks run from ${now.length} checker locations only (${list(now)})`);
  if (geographiesNow.length === 1 && geographiesBefore.size > 1)
    reasons.push(`all in ${geographiesNow[0]}: a problem of that region's network alone looks like an outage`);
  if (reasons.length === 0) return undefined;
  return `${reasons.join(', ')}; fewer independent witnesses of an outage`;
}

export function compareUptimeChecks(before: ResourceRecord, after: ResourceRecord): UptimeComparison {
  const b = before.body;
  const a = after.body;
  const label = typeof a.display_name === 'string' ? a.display_name : after.address;
  const details: string[] = [];
  const risks: FoundRisk[] = [];

  const regionsBefore = regions(b);
  const regionsAfter = regions(a);
  if (stableJson(regionsBefore ?? null) !== stableJson(regionsAfter ?? null)) {
    const shown = (list: string[] | undefined) => (list ? list.join(', ') : 'every region (the default)');
    details.push(`checker regions ${shown(regionsBefore)} → ${shown(regionsAfter)}`);
    const weaker = weakerCheckerLayout(regionsBefore ?? [], regionsAfter ?? []);
    if (weaker) risks.push({ kind: 'uptime-locations-reduced', message: `**${label}**: ${weaker}` });
  }

  if (b.period !== a.period) {
    details.push(`period ${formatDurationText(b.period)} → ${formatDurationText(a.period)}`);
    // The API's default period is 60s.
    const periodBefore = b.period ?? '60s';
    const periodAfter = a.period ?? '60s';
    const secondsBefore = durationSeconds(periodBefore);
    const secondsAfter = durationSeconds(periodAfter);
    if (secondsBefore !== undefined && secondsAfter !== undefined && secondsAfter > secondsBefore) {
      const every = `${formatDurationText(periodBefore)} → ${formatDurationText(periodAfter)}`;
      risks.push({
        kind: 'uptime-period-longer',
        message: `**${label}**: checked less often, every ${every} (an outage is seen later)`,
      });
    }
  }

  // A JSON-path matcher is the same matcher while its path stays; others are known by content.
  const identity = (matcher: JsonObject) =>
    isObject(matcher.json_path_matcher) ? `path:${String(matcher.json_path_matcher.json_path)}` : stableJson(matcher);
  const afterByIdentity = new Map(matchers(a).map((matcher) => [identity(matcher), matcher]));
  const beforeByIdentity = new Map(matchers(b).map((matcher) => [identity(matcher), matcher]));
  for (const [key, matcher] of beforeByIdentity) {
    const now = afterByIdentity.get(key);
    if (now) {
      if (stableJson(now) !== stableJson(matcher)) {
        details.push(`content matcher ${describeMatcher(matcher)} → ${describeMatcher(now)}`);
      }
      continue;
    }
    details.push(`content matcher removed: ${describeMatcher(matcher)}`);
    const jsonPath = isObject(matcher.json_path_matcher);
    risks.push({
      kind: 'uptime-matcher-removed',
      message:
        `**${label}**: ${jsonPath ? 'JSON-path' : 'content'} matcher removed (${describeMatcher(matcher)}): ` +
        'a response that fails it now passes the check',
    });
  }
  for (const [key, matcher] of afterByIdentity) {
    if (!beforeByIdentity.has(key)) details.push(`content matcher added: ${describeMatcher(matcher)}`);
  }

  const rest = (body: JsonObject): JsonObject =>
    Object.fromEntries(Object.entries(body).filter(([key]) => !HANDLED_KEYS.has(key)));
  for (const change of leafChanges(rest(b) as Json, rest(a) as Json)) details.push(describeLeafChange(change));
  return { details, risks };
}
