// Review's section on adoption: the head stack's Terraform `import` blocks (vigil adopt --write),
// each the live resource the stack takes over instead of creating, with what the first apply
// changes on it in review's words, when the live resources are given (the files of
// `vigil adopt --from`). With them, review also warns of live resources the head stack would
// duplicate (a second page for the same fault), of imports whose live resource is gone (the plan
// fails), and of imports of resources another Terraform configuration manages (managed twice).
import { classify, type Classified, stackResources } from '../adopt/classify';
import type { LiveKind } from '../adopt/collections';
import type { LiveResource } from '../adopt/live-inventory';
import { liveRecord } from '../adopt/live-record';
import { managedElsewhereLabel, releaseInstructions } from '../adopt/managed-elsewhere';
import { adoptedDifferences } from './adopted-differences';
import type { TerraformJson } from './artifacts';
import type { ImportChange, RiskKind } from './model';
import { isObject, resourceLabel, type ResourceRecord } from './resources';
import type { StackSide } from './stack-side';

export interface ImportBlock {
  readonly to: string;
  readonly id: string;
}

export interface ImportReview {
  readonly imports: ImportChange[];
  readonly risks: { kind: RiskKind; address: string; message: string }[];
}

/** The document's `import` blocks (cdktf writes them as a list of `{ to, id }`). */
export function importBlocks(doc: TerraformJson | undefined): ImportBlock[] {
  const blocks = doc?.import;
  if (!Array.isArray(blocks)) return [];
  return blocks.flatMap((block) =>
    isObject(block) && typeof block.to === 'string' && typeof block.id === 'string'
      ? [{ to: block.to, id: block.id }]
      : [],
  );
}

/** The name the API lists a resource under: a log-based metric's import ID is `PROJECT NAME`. */
function liveName(block: ImportBlock): string {
  return block.to.startsWith('google_logging_metric.') ? block.id.slice(block.id.indexOf(' ') + 1) : block.id;
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  alertPolicy: 'alert policy',
  uptimeCheck: 'uptime check',
  notificationChannel: 'notification channel',
  service: 'service',
  logMetric: 'log-based metric',
  dashboard: 'dashboard',
};

function liveDisplayName(resource: LiveResource): string {
  const body = resource.body;
  return typeof body.displayName === 'string' ? body.displayName : resource.name;
}

/** Addresses of the stack resources adopted by the head stack's import blocks. */
export function importedAddresses(doc: TerraformJson | undefined): Set<string> {
  return new Set(importBlocks(doc).map((block) => block.to));
}

export function reviewImports(
  base: TerraformJson | undefined,
  head: TerraformJson | undefined,
  side: StackSide,
  live: readonly LiveResource[] | undefined,
): ImportReview {
  const headBlocks = importBlocks(head);
  const baseKeys = new Set(importBlocks(base).map((block) => `${block.to}\u0000${block.id}`));
  const adoptions = new Map(headBlocks.map((block) => [liveName(block), block.to]));
  const byName = new Map((live ?? []).map((resource) => [resource.name, resource]));
  const listedKinds = new Set((live ?? []).map((resource) => resource.kind));
  const imports: ImportChange[] = [];
  const risks: ImportReview['risks'] = [];
  for (const block of headBlocks) {
    if (baseKeys.has(`${block.to}\u0000${block.id}`)) continue;
    const stack = side.resources.get(block.to);
    if (!stack) continue;
    const change = { type: stack.type, address: stack.address, label: resourceLabel(stack), id: block.id };
    const resource = byName.get(liveName(block));
    if (!live) {
      imports.push(change);
      continue;
    }
    if (!resource) {
      imports.push(change);
      const kind = kindOf(stack);
      if (kind && listedKinds.has(kind))
        risks.push({
          kind: 'import-target-missing',
          address: stack.address,
          message: `**${change.label}** imports \`${block.id}\`, which the live resources do not have (deleted since \`vigil adopt\`?): \`terraform plan\` fails on the import; run \`vigil adopt --write\` again`,
        });
      continue;
    }
    const differences = adoptedDifferences(liveRecord(resource, stack, live, adoptions), stack, side);
    imports.push({ ...change, liveName: liveDisplayName(resource), differences });
    const label = managedElsewhereLabel(resource);
    if (label)
      risks.push({
        kind: 'imported-managed-elsewhere',
        address: stack.address,
        message: `**${change.label}** imports \`${block.id}\`, which another Terraform configuration manages (${label}): both would change it, and either could destroy it. ${releaseInstructions(block.id)}`,
      });
  }
  if (live && head) risks.push(...duplicateRisks(classify(live, stackResources(head)).live, adoptions, side));
  imports.sort((a, b) => typeRank(a.type) - typeRank(b.type) || a.address.localeCompare(b.address));
  return { imports, risks };
}

/** The order of review's changes: policies first, then what they notify and watch. */
const TYPE_ORDER = [
  'google_monitoring_alert_policy',
  'google_monitoring_notification_channel',
  'google_monitoring_uptime_check_config',
  'google_logging_metric',
];

function typeRank(type: string): number {
  const index = TYPE_ORDER.indexOf(type);
  return index < 0 ? TYPE_ORDER.length : index;
}

const LIVE_KINDS: Readonly<Record<string, LiveKind>> = {
  google_monitoring_alert_policy: 'alertPolicy',
  google_monitoring_uptime_check_config: 'uptimeCheck',
  google_monitoring_notification_channel: 'notificationChannel',
  google_monitoring_custom_service: 'service',
  google_logging_metric: 'logMetric',
  google_monitoring_dashboard: 'dashboard',
};

/** The collection a stack resource's live counterpart is listed in (none for SLOs: adopt does not list them). */
function kindOf(record: ResourceRecord): LiveKind | undefined {
  return LIVE_KINDS[record.type];
}

/** Live resources the head stack would duplicate, unless an import block adopts them. */
function duplicateRisks(
  classified: readonly Classified[],
  adoptions: ReadonlyMap<string, string>,
  side: StackSide,
): ImportReview['risks'] {
  return classified
    .filter((one) => one.group === 'duplicate-risk' && !adoptions.has(one.live.name))
    .map((one) => {
      const overlaps = one.overlaps ?? (one.stack ? [one.stack] : []);
      const names = overlaps.map((other) => {
        const record = side.resources.get(other.address);
        return `**${record ? resourceLabel(record) : other.address}**`;
      });
      const what = KIND_WORDS[one.live.kind] ?? one.live.kind;
      return {
        kind: 'duplicate-live-resource' as const,
        address: overlaps[0]?.address ?? one.live.name,
        message: `deploying creates ${names.join(' and ')} beside the live ${what} '${one.displayName}' (\`${one.live.name}\`): ${one.reason}. ${one.live.kind === 'alertPolicy' ? 'Two pages for one fault: delete' : 'Delete'} it after the deploy (the stack's replaces it), or change one of them until \`vigil adopt\` finds them the same and adopts it`,
      };
    });
}
