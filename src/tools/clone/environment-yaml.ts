// The text of a cloned environment file: the header that lets editors validate it against the
// JSON Schema, a line saying where it came from, then the document in the source's key order.
import { stringify } from 'yaml';

export const SCHEMA_HEADER = '# yaml-language-server: $schema=../schema/environment.schema.json';

export function environmentYaml(
  data: Record<string, unknown>,
  targetName: string,
  sourceName: string,
  sourceFile: string,
): string {
  const header = [
    SCHEMA_HEADER,
    '#',
    `# ${targetName}: cloned from ${sourceName} (${sourceFile}) by \`vigil clone\`. Every value that names`,
    `# infrastructure was given or derived from ${sourceName}'s naming; see docs/clone.md.`,
  ];
  // lineWidth 0: log filters stay on one line, as a person would paste them.
  return `${header.join('\n')}\n${stringify(data, { lineWidth: 0 })}`;
}
