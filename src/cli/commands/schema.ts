// `vigil schema [--check]`: writes the JSON Schema of environment files, or checks it is current.
import * as fs from 'fs';
import * as path from 'path';
import { environmentJsonSchemaText, JSON_SCHEMA_PATH } from '../../config/json-schema';
import { parseCommandArgs } from '../command-args';
import type { Command } from '../command';
import { withFileErrors } from '../../errors/file-error';
import { writeOutputFile } from '../../util/output-file';

export const command: Command = {
  summary: 'write schema/environment.schema.json from the schema (--check: fail if it is stale)',
  usage: 'usage: vigil schema [--check]',
  async run(args, io) {
    const check = Boolean(parseCommandArgs({ args, options: { check: { type: 'boolean' } } }).values.check);
    const target = path.join(io.cwd, JSON_SCHEMA_PATH);
    const text = environmentJsonSchemaText();
    if (check) {
      const current = fs.existsSync(target)
        ? withFileErrors('read', JSON_SCHEMA_PATH, () => fs.readFileSync(target, 'utf8'))
        : '';
      if (current !== text) {
        io.stderr(`${JSON_SCHEMA_PATH} is stale: run \`npx vigil schema\` and commit the result\n`);
        return 1;
      }
      io.stdout(`${JSON_SCHEMA_PATH} is current\n`);
      return 0;
    }
    writeOutputFile(target, text, JSON_SCHEMA_PATH);
    io.stdout(`wrote ${JSON_SCHEMA_PATH}\n`);
    return 0;
  },
};
