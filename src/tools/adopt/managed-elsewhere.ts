// Whether a live resource's labels show that another Terraform configuration manages it, so vigil
// must not import it until that configuration lets it go (a resource managed twice is changed by
// both, and destroyed by either). Sources (docs/adopt.md, "Managed elsewhere"):
// - `goog-terraform-provisioned: "true"`: the Google provider's attribution label, opt-in from 5.x
//   (add_terraform_attribution_label) and added by default to newly created resources from 6.0
//   (terraform-provider-google, website/docs/guides/version_6_upgrade.html.markdown, "Provider
//   attribution label is enabled by default"). The provider adds it to resources with a `labels`
//   field; Monitoring resources carry `user_labels`, so expect it there only when someone set it.
// - `managed-by: terraform` (or `managed_by`): a convention teams set themselves, commonly through the
//   provider's `default_labels`; no tool sets it, vigil reads it because people do.
import type { LiveResource } from './live-inventory';

const MARKERS: readonly { readonly key: string; readonly value: RegExp }[] = [
  { key: 'goog-terraform-provisioned', value: /^true$/i },
  { key: 'managed-by', value: /^terraform$/i },
  { key: 'managed_by', value: /^terraform$/i },
];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The resource's own labels: user labels, or a dashboard's labels. A channel's `labels` are its address, not these. */
function ownLabels(live: LiveResource): Record<string, unknown> {
  const body = live.body;
  if (live.kind === 'dashboard') return record(body.labels);
  return record(body.userLabels ?? body.user_labels);
}

/** `key: value` of the first label that names another Terraform configuration, or undefined. */
export function managedElsewhereLabel(live: LiveResource): string | undefined {
  const labels = ownLabels(live);
  for (const { key, value } of MARKERS) {
    const found = labels[key];
    if (typeof found === 'string' && value.test(found)) return `${key}: ${found}`;
  }
  return undefined;
}

/** What the other configuration must do so that vigil can adopt the resource, in words. */
export function releaseInstructions(name: string): string {
  return (
    `in the Terraform configuration that manages it, find its address with \`terraform state list -id=${name}\`, ` +
    'then either replace its resource block with `removed { from = <address>  lifecycle { destroy = false } }` ' +
    '(Terraform 1.7 or later) and apply, or run `terraform state rm <address>` and delete the block; ' +
    'neither deletes the live resource. Then run `vigil adopt --write` again.'
  );
}
