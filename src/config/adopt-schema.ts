// The `adopt:` block of an environment file: live resources that the stack takes over instead of
// creating, each a Terraform address of the synthesized stack and the resource's import ID.
// `vigil adopt --write` fills it; synthesis turns each entry into a Terraform `import` block
// (stacks/adoptions.ts). Each ID must have the form the google provider documents for the
// resource's type (import-ids.ts; docs/adopt.md cites the provider's pages).
import { z } from 'zod';
import { addressType, IMPORT_ID_FORMS } from './import-ids';

const TYPES = Object.keys(IMPORT_ID_FORMS).join('|');
const TERRAFORM_ADDRESS = new RegExp(`^(${TYPES})\\.[A-Za-z0-9_-]+$`);

export const AdoptEntrySchema = z
  .strictObject({
    resource: z
      .string()
      .regex(TERRAFORM_ADDRESS, {
        error: `expected the Terraform address of a resource of the stack, one of ${Object.keys(IMPORT_ID_FORMS).join(', ')} (google_monitoring_alert_policy.redis_memory)`,
      })
      .describe('The Terraform address in the synthesized stack (google_monitoring_alert_policy.redis_memory).'),
    id: z
      .string()
      .min(1)
      .describe(
        "The live resource's import ID, as the google provider documents it for the type: the full name (projects/P/alertPolicies/ID) for Monitoring resources, `PROJECT NAME` for a log-based metric.",
      ),
    was: z.string().optional().describe('The display name the live resource had when it was adopted (for readers).'),
  })
  .superRefine((entry, context) => {
    const form = IMPORT_ID_FORMS[addressType(entry.resource)];
    if (form && !form.pattern.test(entry.id))
      context.addIssue({
        code: 'custom',
        path: ['id'],
        message: `expected the import ID of a ${addressType(entry.resource)}, ${form.example} (the provider documents ${form.documented})`,
      });
  });

export const AdoptSchema = z
  .array(AdoptEntrySchema)
  .refine((entries) => new Set(entries.map((entry) => entry.resource)).size === entries.length, {
    error: 'each resource may be adopted once',
  });

export type AdoptEntry = z.output<typeof AdoptEntrySchema>;
