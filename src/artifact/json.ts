// What every reader of the artifact needs about raw JSON: records, Terraform's opaque values, and
// the two spellings of one field (Terraform's snake_case, the API's camelCase).
export { formatPath, type PathSegment } from '../util/json-path';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
