// The last line of defence of a clone: the synthesized stack of the new environment must not name
// any identifier of the source. A leak can come from anywhere between the YAML and the artifact
// (a default derived from a copied field, a construct that hard-codes a name), so the check reads
// the Terraform JSON itself, every string in it, as Terraform would send it.
import { mentions } from '../../config/identifier-fields';
import { appendPath } from '../../util/json-path';

export interface ForeignIdentifier {
  /** The text searched for: the identifier, or the host of a URL. */
  readonly term: string;
  /** The source environment's field it came from. */
  readonly path: string;
}

export interface StackLeak extends ForeignIdentifier {
  /** Where in the Terraform JSON: `resource.google_monitoring_alert_policy.x.conditions[0]...`. */
  readonly at: string;
}

function embeddedJson(text: string): object | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function stackLeaks(document: unknown, foreign: readonly ForeignIdentifier[]): StackLeak[] {
  const leaks: StackLeak[] = [];
  const visit = (value: unknown, at: string): void => {
    if (typeof value === 'string') {
      // dashboard_json and the like hold JSON inside a string: search its strings, and show their paths.
      const inner = embeddedJson(value);
      if (inner !== undefined) visit(inner, `${at}<json>`);
      else for (const identifier of foreign) if (mentions(value, identifier.term)) leaks.push({ ...identifier, at });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, appendPath(at, index)));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const here = appendPath(at, key);
        for (const identifier of foreign)
          if (mentions(key, identifier.term)) leaks.push({ ...identifier, at: `${here} (key)` });
        visit(child, here);
      }
    }
  };
  visit(document, '');
  return leaks;
}
