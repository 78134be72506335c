// The `adopt:` block of an environment file: live resources that the stack takes over instead of
// creating, each a Terraform address of the synthesized stack and the resource's import ID.
// `vigil adopt --write` fills it; synthesis turns each entry into a Terraform `import` block
// (stacks/adoptions.ts). The import IDs are the API's full resource names, which the Google
// provider accepts for alert policies, uptime check configs and notification channels (docs/adopt.md).
import { z } from 'zod';

const TERRAFORM_ADDRESS =
  /^google_(monitoring_alert_policy|monitoring_uptime_check_config|monitoring_notification_channel)\.[A-Za-z0-9_-]+$/;
const FULL_NAME = /^projects\/[^/]+\/(alertPolicies|uptimeCheckConfigs|notificationChannels)\/[^/]+$/;

export const AdoptEntrySchema = z.strictObject({
  resource: z
    .string()
    .regex(TERRAFORM_ADDRESS, {
      error: 'expected the Terraform address of an alert policy, uptime check or notification channel of the stack',
    })
    .describe('The Terraform address in the synthesized stack (google_monitoring_alert_policy.redis_memory).'),
  id: z
    .string()
    .regex(FULL_NAME, {
      error: 'expected a full resource name, projects/P/alertPolicies/ID (or uptimeCheckConfigs, notificationChannels)',
    })
    .describe("The live resource's full name, as the API returns it: its Terraform import ID."),
  was: z.string().optional().describe('The display name the live resource had when it was adopted (for readers).'),
});

export const AdoptSchema = z
  .array(AdoptEntrySchema)
  .refine((entries) => new Set(entries.map((entry) => entry.resource)).size === entries.length, {
    error: 'each resource may be adopted once',
  });

export type AdoptEntry = z.output<typeof AdoptEntrySchema>;
