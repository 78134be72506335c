// The review: base and head stacks in, what changes in production monitoring out — counts per
// stack, the dangerous changes first, and each change in the words of the domain.
import * as path from 'path';
import { comparePolicies, FoundRisk, summarizePolicy } from './alert-policies';
import { pairStacks, StackArtifact, StackPair } from './artifacts';
import { driftCheckRisks } from './drift-checks';
import { goldenPathRisks } from './golden-path';
import { type DashboardLayout, dashboardLayout } from '../dashboards/dashboard-layout';
import { compareTiles } from './dashboard-tiles';
import { describeLeafChange, leafChanges } from './json-changes';
import { LintFunction, newLintFindings } from './lint-findings';
import type { ChangeKind, DashboardChange, ResourceChange, ReviewResult, Risk, RiskKind, StackReview } from './model';
import {
  ALERT_POLICY,
  DASHBOARD,
  JsonObject,
  LOGGING_METRIC,
  NOTIFICATION_CHANNEL,
  parseDashboardJson,
  resourceIdentity,
  resourceLabel,
  ResourceRecord,
  stableJson,
  UPTIME_CHECK,
} from './resources';
import { compareSlos, SLO, sloRemovalRisk } from './slos';
import { StackSide, stackSide } from './stack-side';
import { compareUptimeChecks } from './uptime-checks';
import { importedAddresses, reviewImports } from './imports';
import type { LiveResource } from '../adopt/live-inventory';
import { catalogFor, coverageRisks } from './failure-mode-coverage';
import { changedTiles, type DashboardPreviewRequest, previewFileName, sideHasPicture } from './dashboard-previews';

export interface ReviewOptions {
  /** Lint's `lintTerraformJson`; without it the review says lint did not run. */
  readonly lint?: LintFunction;
  /** Name before/after previews (PNG) of each changed dashboard in this directory, and ask for them in `dashboardPreviews`. */
  readonly svgDir?: string;
  /** Where the review puts the previews to draw (writeDashboardPreviews draws them: drawing is asynchronous). */
  readonly dashboardPreviews?: DashboardPreviewRequest[];
  /** Directory of failure-mode catalogs (failure-modes/): each stack's catalog runs on base and head. */
  readonly failureModes?: string;
  /** How the review names that directory (as the user wrote it: `review-svg`); default svgDir. */
  readonly svgDirShown?: string;
  /**
   * The project's live resources (the files of `vigil adopt --from`): imports then show what the
   * first apply changes on each adopted resource, and live resources the head would duplicate are risks.
   */
  readonly live?: readonly LiveResource[];
}

/** Most dangerous first: the order of the warning section. */
const RISK_ORDER: readonly RiskKind[] = [
  'duplicate-live-resource',
  'imported-managed-elsewhere',
  'import-target-missing',
  'failure-mode-uncovered',
  'failure-mode-slower',
  'noise-pages',
  'over-noise-budget',
  'golden-path-removed',
  'golden-path-event-dropped',
  'golden-path-deadline-raised',
  'policy-removed',
  'policy-disabled',
  'policy-lost-all-channels',
  'policy-lost-paging-channel',
  'slo-removed',
  'slo-loosened',
  'channel-removed',
  'uptime-check-removed',
  'drift-check-removed',
  'drift-expectation-removed',
  'uptime-matcher-removed',
  'uptime-locations-reduced',
  'uptime-period-longer',
  'loosened',
  'severity-lowered',
  'condition-removed',
  'address-changed',
];
const KIND_ORDER: readonly ChangeKind[] = ['removed', 'moved', 'changed', 'added'];
const TYPE_ORDER: readonly string[] = [ALERT_POLICY, NOTIFICATION_CHANNEL, UPTIME_CHECK, LOGGING_METRIC, DASHBOARD];

export function review(
  base: readonly StackArtifact[],
  head: readonly StackArtifact[],
  options: ReviewOptions = {},
): ReviewResult {
  const pairs = pairStacks(base, head);
  const risks: Risk[] = [];
  const stacks = pairs.map((pair) => reviewStack(pair, risks, options));
  risks.sort(
    (a, b) =>
      RISK_ORDER.indexOf(a.kind) - RISK_ORDER.indexOf(b.kind) ||
      a.stack.localeCompare(b.stack) ||
      a.address.localeCompare(b.address),
  );
  return { stacks, risks, lint: newLintFindings(pairs, options.lint) };
}

function reviewStack(pair: StackPair, risks: Risk[], options: ReviewOptions): StackReview {
  const sides = { base: stackSide(pair.base?.doc), head: stackSide(pair.head?.doc) };
  const changes: ResourceChange[] = [];
  const addRisks = (address: string, found: readonly FoundRisk[]) =>
    found.forEach((risk) => risks.push({ stack: pair.stack, address, ...risk }));
  for (const risk of driftCheckRisks(pair.base?.doc, pair.head?.doc)) risks.push({ stack: pair.stack, ...risk });
  for (const risk of goldenPathRisks(pair.base?.doc, pair.head?.doc)) risks.push({ stack: pair.stack, ...risk });
  const catalog = options.failureModes ? catalogFor(options.failureModes, pair.stack) : undefined;
  if (catalog && pair.base && pair.head)
    for (const risk of coverageRisks(catalog, pair.base.doc, pair.head.doc)) risks.push({ stack: pair.stack, ...risk });
  const removed = [...sides.base.resources.values()].filter((record) => !sides.head.resources.has(record.address));
  // A resource the head imports is adopted, not created: it is listed in the imports, not as added.
  const imported = importedAddresses(pair.head?.doc);
  const added = [...sides.head.resources.values()].filter(
    (record) => !sides.base.resources.has(record.address) && !imported.has(record.address),
  );
  const adoption = reviewImports(pair.base?.doc, pair.head?.doc, sides.head, options.live);
  for (const risk of adoption.risks) risks.push({ stack: pair.stack, ...risk });

  for (const [before, after] of findMoves(removed, added)) {
    removed.splice(removed.indexOf(before), 1);
    added.splice(added.indexOf(after), 1);
    const compared = compareResources(before, after, sides, pair.stack, options);
    addRisks(after.address, compared.risks);
    risks.push({
      stack: pair.stack,
      kind: 'address-changed',
      address: after.address,
      message: `**${resourceLabel(after)}** moves \`${before.address}\` → \`${after.address}\`: Terraform destroys and recreates it${before.type === ALERT_POLICY ? ', losing its incident history' : ''} (keep the logical id, or add a \`moved\` block)`,
    });
    changes.push({
      kind: 'moved',
      type: after.type,
      address: after.address,
      previousAddress: before.address,
      label: resourceLabel(after),
      details: compared.details,
      ...(compared.dashboard ? { dashboard: compared.dashboard } : {}),
    });
  }
  for (const record of removed) {
    const removedRisk = removalRisk(record);
    if (removedRisk) risks.push({ stack: pair.stack, address: record.address, ...removedRisk });
    const dashboard = record.type === DASHBOARD ? dashboardChange(record, undefined, pair.stack, options) : undefined;
    changes.push({
      kind: 'removed',
      type: record.type,
      address: record.address,
      label: resourceLabel(record),
      details: record.type === ALERT_POLICY ? summarizePolicy(record, sides.base) : [],
      ...(dashboard ? { dashboard } : {}),
    });
  }
  for (const record of added) {
    const dashboard = record.type === DASHBOARD ? dashboardChange(undefined, record, pair.stack, options) : undefined;
    changes.push({
      kind: 'added',
      type: record.type,
      address: record.address,
      label: resourceLabel(record),
      details: record.type === ALERT_POLICY ? summarizePolicy(record, sides.head) : [],
      ...(dashboard ? { dashboard } : {}),
    });
  }
  for (const before of sides.base.resources.values()) {
    const after = sides.head.resources.get(before.address);
    if (!after || stableJson(before.body) === stableJson(after.body)) continue;
    const compared = compareResources(before, after, sides, pair.stack, options);
    addRisks(after.address, compared.risks);
    changes.push({
      kind: 'changed',
      type: after.type,
      address: after.address,
      label: resourceLabel(after),
      details: compared.details,
      ...(compared.dashboard ? { dashboard: compared.dashboard } : {}),
    });
  }
  changes.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      typeRank(a.type) - typeRank(b.type) ||
      a.address.localeCompare(b.address),
  );
  const count = (kind: ChangeKind) => changes.filter((change) => change.kind === kind).length;
  return {
    stack: pair.stack,
    counts: { added: count('added'), changed: count('changed'), removed: count('removed'), moved: count('moved') },
    changes,
    ...(adoption.imports.length > 0 ? { imports: adoption.imports } : {}),
  };
}

function typeRank(type: string): number {
  const index = TYPE_ORDER.indexOf(type);
  return index < 0 ? TYPE_ORDER.length : index;
}

/**
 * A removed resource and an added one of the same type and the same name (display name, log
 * metric name) are one resource whose Terraform address changed. Only unambiguous pairs count.
 */
function findMoves(
  removed: readonly ResourceRecord[],
  added: readonly ResourceRecord[],
): [ResourceRecord, ResourceRecord][] {
  const key = (record: ResourceRecord) => {
    const identity = resourceIdentity(record);
    return identity === undefined ? undefined : `${record.type}\u0000${identity}`;
  };
  const countKeys = (records: readonly ResourceRecord[]) => {
    const counts = new Map<string, number>();
    for (const record of records) {
      const k = key(record);
      if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  const removedCounts = countKeys(removed);
  const addedCounts = countKeys(added);
  const moves: [ResourceRecord, ResourceRecord][] = [];
  for (const before of removed) {
    const k = key(before);
    if (k === undefined || removedCounts.get(k) !== 1 || addedCounts.get(k) !== 1) continue;
    moves.push([before, added.find((record) => key(record) === k)!]);
  }
  return moves;
}

function removalRisk(record: ResourceRecord): { kind: RiskKind; message: string } | undefined {
  const label = resourceLabel(record);
  if (record.type === ALERT_POLICY) return { kind: 'policy-removed', message: `alert policy **${label}** is removed` };
  if (record.type === NOTIFICATION_CHANNEL)
    return { kind: 'channel-removed', message: `notification channel **${label}** is removed` };
  if (record.type === UPTIME_CHECK)
    return { kind: 'uptime-check-removed', message: `uptime check **${label}** is removed` };
  if (record.type === SLO) return sloRemovalRisk(record);
  return undefined;
}

interface Compared {
  readonly details: string[];
  readonly risks: FoundRisk[];
  readonly dashboard?: DashboardChange;
}

function compareResources(
  before: ResourceRecord,
  after: ResourceRecord,
  sides: { base: StackSide; head: StackSide },
  stack: string,
  options: ReviewOptions,
): Compared {
  if (before.type === ALERT_POLICY && after.type === ALERT_POLICY) return comparePolicies(before, after, sides);
  if (before.type === DASHBOARD && after.type === DASHBOARD) {
    const details: string[] = [];
    const b = parseDashboardJson(before.body.dashboard_json) ?? {};
    const a = parseDashboardJson(after.body.dashboard_json) ?? {};
    if (b.displayName !== a.displayName)
      details.push(`title "${String(b.displayName ?? '')}" → "${String(a.displayName ?? '')}"`);
    const outsideLayout = (dashboard: JsonObject) =>
      Object.fromEntries(Object.entries(dashboard).filter(([key]) => !/Layout$/.test(key) && key !== 'displayName'));
    for (const change of leafChanges(outsideLayout(b), outsideLayout(a))) details.push(describeLeafChange(change));
    const rest = (body: JsonObject) =>
      Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'dashboard_json'));
    for (const change of leafChanges(rest(before.body), rest(after.body))) details.push(describeLeafChange(change));
    const dashboard = dashboardChange(before, after, stack, options);
    return { details, risks: [], ...(dashboard ? { dashboard } : {}) };
  }
  if (before.type === UPTIME_CHECK && after.type === UPTIME_CHECK) return compareUptimeChecks(before, after);
  if (before.type === SLO && after.type === SLO) return compareSlos(before, after);
  return { details: leafChanges(before.body, after.body).map(describeLeafChange), risks: [] };
}

function layoutOf(record: ResourceRecord | undefined): DashboardLayout | undefined {
  if (!record) return undefined;
  const dashboard = parseDashboardJson(record.body.dashboard_json);
  return dashboard ? dashboardLayout(dashboard) : undefined;
}

function dashboardChange(
  before: ResourceRecord | undefined,
  after: ResourceRecord | undefined,
  stack: string,
  options: ReviewOptions,
): DashboardChange | undefined {
  const layoutBefore = layoutOf(before);
  const layoutAfter = layoutOf(after);
  if (!layoutBefore && !layoutAfter) return undefined;
  // A whole dashboard added or removed is summarized by its tile count, not tile by tile.
  const whole = !layoutBefore || !layoutAfter;
  const tiles = whole ? [] : compareTiles(layoutBefore, layoutAfter);
  const tileCount = whole ? (layoutAfter ?? layoutBefore)!.tiles.length : undefined;
  if (!options.svgDir || (tiles.length === 0 && !whole))
    return { tiles, ...(tileCount !== undefined ? { tileCount } : {}) };
  const record = (after ?? before)!;
  const empty: DashboardLayout = { displayName: '', kind: 'mosaic', columns: 48, tiles: [] };
  const changes = whole ? compareTiles(layoutBefore ?? empty, layoutAfter ?? empty) : tiles;
  const outlined = changedTiles(changes);
  const side = (dashboard: JsonObject | undefined, which: 'before' | 'after') => {
    if (!dashboard || !sideHasPicture(dashboard, outlined[which], whole)) return undefined;
    const name = previewFileName(stack, record.id, which);
    return {
      dashboard,
      file: path.join(options.svgDir!, name),
      shown: path.join(options.svgDirShown ?? options.svgDir!, name),
    };
  };
  const beforeSide = side(before && parseDashboardJson(before.body.dashboard_json), 'before');
  const afterSide = side(after && parseDashboardJson(after.body.dashboard_json), 'after');
  options.dashboardPreviews?.push({
    stack,
    id: record.id,
    ...(beforeSide ? { before: beforeSide } : {}),
    ...(afterSide ? { after: afterSide } : {}),
    changes,
  });
  const previews = [beforeSide, afterSide].flatMap((one) => (one ? [one.shown] : []));
  return { tiles, previews, ...(tileCount !== undefined ? { tileCount } : {}) };
}
