// What every reader of the artifact needs about raw JSON: records, Terraform's opaque values, and
// the two spellings of one field (Terraform's snake_case, the API's camelCase).
export { formatPath, type PathSegment } from '../util/json-path';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON as parsed: what a synthesized stack or a REST resource holds. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isJsonObject(value: unknown): value is JsonObject {
  return isRecord(value);
}

/** A Terraform interpolation or template placeholder: opaque, never checked. */
export function isOpaque(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
