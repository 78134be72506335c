// The `adopt:` block of an environment as Terraform `import` blocks: each named resource of the
// stack is imported from the live resource's ID instead of being created (cdktf's importFrom).
// An entry naming a resource the stack does not create is an error, not a silent no-op: the
// resource would otherwise be created beside the live one.
import { TerraformResource, type TerraformStack } from 'cdktf';
import type { Environment } from '../src/config/environment';
import { VigilError } from '../src/errors/vigil-error';

export function applyAdoptions(stack: TerraformStack, environment: Environment): void {
  const entries = environment.adopt ?? [];
  if (entries.length === 0) return;
  const byAddress = new Map<string, TerraformResource>();
  for (const child of stack.node.findAll()) {
    if (child instanceof TerraformResource)
      byAddress.set(`${child.terraformResourceType}.${child.friendlyUniqueId}`, child);
  }
  entries.forEach((entry, index) => {
    const resource = byAddress.get(entry.resource);
    if (!resource)
      throw new VigilError(
        `environment "${environment.name}": adopt[${index}].resource: the stack creates no ${entry.resource}; run \`vigil adopt --env ${environment.name}\` again`,
      );
    resource.importFrom(entry.id);
  });
}
