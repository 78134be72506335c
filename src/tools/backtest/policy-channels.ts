// Which notification channels each alert policy pages, by name, from synthesized Terraform JSON:
// `notification_channels` holds references (`${google_monitoring_notification_channel.x.id}`) to
// channel resources of the same stack, whose display_name names them. A reference to something
// outside the stack (a channel id written out) is kept as written.
type Json = Record<string, unknown>;

const REFERENCE = /^\$\{(google_monitoring_notification_channel)\.([A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_]+)*\}$/;

export function policyChannels(document: unknown): Map<string, string[]> {
  const resources = ((document as Json | undefined)?.resource ?? {}) as Record<string, Record<string, Json>>;
  const channels = resources.google_monitoring_notification_channel ?? {};
  const policies = resources.google_monitoring_alert_policy ?? {};
  const byPolicy = new Map<string, string[]>();
  for (const [id, body] of Object.entries(policies)) {
    const references = Array.isArray(body.notification_channels) ? body.notification_channels : [];
    const names = references
      .filter((reference): reference is string => typeof reference === 'string')
      .map((reference) => {
        const match = REFERENCE.exec(reference.trim());
        const channel = match ? channels[match[2]] : undefined;
        return typeof channel?.display_name === 'string' ? channel.display_name : reference;
      });
    byPolicy.set(`google_monitoring_alert_policy.${id}`, names);
  }
  return byPolicy;
}
