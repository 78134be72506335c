// Text that must fit a width: titles wrap at words onto at most a few lines and, when still too long,
// end with " …" after the last whole word that fits. A word is cut only when it alone is wider than a
// line (a metric type or resource path with no space in it). Widths come from a Measure (text-width.ts).
import type { Measure } from './text-width';

/** `text` cut at a word boundary to fit `limit` pixels, with " …" when cut. */
export function cutToWidth(text: string, limit: number, measure: Measure): string {
  if (measure(text) <= limit) return text;
  let kept = '';
  for (const word of text.split(' ')) {
    const longer = kept ? `${kept} ${word}` : word;
    if (measure(`${longer} …`) > limit) break;
    kept = longer;
  }
  if (kept) return `${kept} …`;
  let end = text.length;
  while (end > 1 && measure(`${text.slice(0, end)}…`) > limit) end--;
  return `${text.slice(0, end)}…`;
}

/** `text` in at most `lines` lines of at most `limit` pixels, broken at spaces; the last one cut when needed. */
export function wrapToWidth(text: string, limit: number, lines: number, measure: Measure): string[] {
  const words = text.split(' ').filter(Boolean);
  const out: string[] = [];
  let current = '';
  let index = 0;
  for (; index < words.length; index++) {
    const longer = current ? `${current} ${words[index]}` : words[index];
    if (measure(longer) <= limit || !current) {
      current = longer;
      continue;
    }
    if (out.length === lines - 1) break;
    out.push(cutToWidth(current, limit, measure));
    current = words[index];
  }
  const rest = words.slice(index).join(' ');
  out.push(cutToWidth(rest ? `${current} ${rest}` : current, limit, measure));
  return out;
}
