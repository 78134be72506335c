// The drift checks guard the outage's cause (a Redis AUTH turned off, a connector renamed): each
// `expect.<resource>` block synthesizes a data source whose lifecycle postconditions are the
// expected settings (src/constructs/drift). Turning a check off removes its data source; removing
// an `expect` field removes one postcondition. Neither shows as a monitoring resource, so the
// review reads the `data` block itself.
import type { FoundRisk } from './alert-policies';
import type { TerraformJson } from './artifacts';
import { isObject, JsonObject } from './resources';

export interface DriftRisk extends FoundRisk {
  readonly address: string;
}

interface DriftCheck {
  readonly address: string;
  /** Postconditions by the setting they check (the field their error message names). */
  readonly settings: ReadonlyMap<string, string>;
}

/** `data.<type>.<id>` → its check, for every data source that carries postconditions. */
function driftChecks(doc: TerraformJson | undefined): Map<string, DriftCheck> {
  const checks = new Map<string, DriftCheck>();
  const data = doc?.data;
  if (!isObject(data)) return checks;
  for (const [type, byId] of Object.entries(data)) {
    if (!isObject(byId)) continue;
    for (const [id, body] of Object.entries(byId)) {
      const postconditions = isObject(body) && isObject(body.lifecycle) ? body.lifecycle.postcondition : undefined;
      if (!Array.isArray(postconditions) || postconditions.length === 0) continue;
      const settings = new Map<string, string>();
      for (const postcondition of postconditions.filter(isObject)) {
        settings.set(settingOf(postcondition), String(postcondition.condition ?? ''));
      }
      checks.set(`data.${type}.${id}`, { address: `data.${type}.${id}`, settings });
    }
  }
  return checks;
}

// vigil's messages read "<resource> has <field> = <actual>, expected …"; any other postcondition
// is known by its condition expression.
function settingOf(postcondition: JsonObject): string {
  const message = typeof postcondition.error_message === 'string' ? postcondition.error_message : '';
  const field = / has ([A-Za-z0-9_.[\]]+) = /.exec(message);
  return field ? field[1] : String(postcondition.condition ?? '');
}

export function driftCheckRisks(base: TerraformJson | undefined, head: TerraformJson | undefined): DriftRisk[] {
  const before = driftChecks(base);
  const after = driftChecks(head);
  const risks: DriftRisk[] = [];
  for (const [address, check] of before) {
    const now = after.get(address);
    if (!now) {
      risks.push({
        kind: 'drift-check-removed',
        address,
        message:
          `drift check \`${address}\` is removed (${check.settings.size} expected ` +
          `setting${check.settings.size === 1 ? '' : 's'}: ${[...check.settings.keys()].join(', ')}): ` +
          '`npm run drift` no longer sees it change',
      });
      continue;
    }
    const lost = [...check.settings.keys()].filter((setting) => !now.settings.has(setting));
    if (lost.length > 0) {
      risks.push({
        kind: 'drift-expectation-removed',
        address,
        message: `drift check \`${address}\` no longer expects ${lost.join(', ')}: a change there goes unnoticed`,
      });
    }
  }
  return risks;
}
