// The JSON Schema of environment files, generated from the zod schema so the two cannot disagree.
import { z } from 'zod';
import { EnvironmentFileSchema } from './schema';

export const JSON_SCHEMA_PATH = 'schema/environment.schema.json';

export function environmentJsonSchema(): Record<string, unknown> {
  const { required, ...schema } = z.toJSONSchema(EnvironmentFileSchema, {
    io: 'input',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return {
    ...schema,
    // A file that `extends:` another inherits every block but its identifiers (docs/clone.md): it
    // must name its own project; the loader reports whatever else it lacks, field by field.
    if: { required: ['extends'] },
    then: { required: ['extends', 'project'] },
    else: { required },
    $id: 'https://vigil.dev/schema/environment.schema.json',
    title: 'vigil environment',
    description: 'One environment of vigil monitoring: environments/<name>.yaml',
  };
}

export function environmentJsonSchemaText(): string {
  return `${JSON.stringify(environmentJsonSchema(), null, 2)}\n`;
}
