// The committed JSON Schema is generated from the zod schema; a stale copy would let editors
// accept what vigil rejects.
import * as fs from 'fs';
import * as path from 'path';
import { environmentJsonSchemaText, JSON_SCHEMA_PATH } from '../../src/config/json-schema';
import { ENVIRONMENTS_DIR, REPO_ROOT } from '../support/environments';

describe('environment JSON Schema', () => {
  test('the committed schema is current (run `npx vigil schema` after changing src/config/schema.ts)', () => {
    expect(fs.readFileSync(path.join(REPO_ROOT, JSON_SCHEMA_PATH), 'utf8')).toBe(environmentJsonSchemaText());
  });

  test('every environment file points editors at it', () => {
    for (const file of fs.readdirSync(ENVIRONMENTS_DIR).filter((name) => name.endsWith('.yaml'))) {
      expect(fs.readFileSync(path.join(ENVIRONMENTS_DIR, file), 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=../schema/environment.schema.json',
      );
    }
  });

  test('it describes the same constraints: strict mappings, patterns, defaults', () => {
    const schema = JSON.parse(environmentJsonSchemaText());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.else.required).toEqual(
      expect.arrayContaining([
        'project',
        'region',
        'notifications',
        'redis',
        'postgres',
        'vpcConnector',
        'cloudRun',
        'uptime',
      ]),
    );
    // A file that extends another needs only its own project at the top level.
    expect(schema.if).toEqual({ required: ['extends'] });
    expect(schema.then).toEqual({ required: ['extends', 'project'] });
    expect(schema.properties.project.pattern).toBe('^[a-z][a-z0-9-]{4,28}[a-z0-9]$');
    expect(schema.properties.redis.properties.port.default).toBe(6379);
  });

  test('every field carries a description, so editors show help for it', () => {
    const undescribed: string[] = [];
    const walk = (node: Record<string, any>, where: string): void => {
      for (const [name, field] of Object.entries<Record<string, any>>(node.properties ?? {})) {
        if (typeof field.description !== 'string' || field.description.length < 10)
          undescribed.push(`${where}/${name}`);
        walk(field, `${where}/${name}`);
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'allOf'] as const) {
        const children = node[key] === undefined ? [] : Array.isArray(node[key]) ? node[key] : [node[key]];
        children.forEach((child: Record<string, any>) => walk(child, where));
      }
    };
    const schema = JSON.parse(environmentJsonSchemaText());
    walk(schema, '');
    expect(undescribed).toEqual([]);
    // A signal's threshold block is described by its registry definition.
    expect(schema.properties.thresholds.properties.cloudSql.description).toMatch(/^Cloud SQL instance health: /);
    expect(schema.properties.thresholds.properties.redis.properties.connectionFailurePercent.description).toContain(
      'percentage',
    );
  });
});
