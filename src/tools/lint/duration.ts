// google.protobuf.Duration in JSON: "300s", "1.5s". Terraform and REST both use this form.
import { isOpaque } from './model';

export type ParsedDuration = { readonly seconds: number } | { readonly opaque: true } | { readonly invalid: string };

export function parseDuration(value: unknown): ParsedDuration {
  if (isOpaque(value)) return { opaque: true };
  if (typeof value === 'string') {
    const match = /^(-?\d+(?:\.\d+)?)s$/.exec(value.trim());
    if (match) return { seconds: Number(match[1]) };
  }
  return { invalid: JSON.stringify(value) };
}

export function formatSeconds(seconds: number): string {
  if (seconds >= 3600 && seconds % 60 === 0) {
    const hours = Math.floor(seconds / 3600);
    const minutes = (seconds % 3600) / 60;
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
