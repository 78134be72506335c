// Text that must fit a width without a measuring canvas: titles wrap at words onto at most a few
// lines and, when still too long, end with an ellipsis after the last whole word that fits. A word
// is cut only when it alone is wider than a line (a long metric type with no space in it).

/** `text` cut to at most `limit` characters at a word boundary, with " …" when cut. */
export function cutAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const room = text.slice(0, Math.max(1, limit - 2));
  const space = room.lastIndexOf(' ');
  return space > 0 ? `${room.slice(0, space)} …` : `${room}…`;
}

/** `text` in lines of at most `perLine` characters, broken at spaces, at most `lines` lines. */
export function wrapAtWords(text: string, perLine: number, lines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let current = '';
  let index = 0;
  for (; index < words.length; index++) {
    const word = words[index];
    const joined = current ? `${current} ${word}` : word;
    if (joined.length <= perLine) {
      current = joined;
      continue;
    }
    if (!current) {
      current = word;
      continue;
    }
    if (out.length === lines - 1) break;
    out.push(cutAtWord(current, perLine));
    current = word;
  }
  const rest = words.slice(index).join(' ');
  out.push(rest ? cutAtWord(`${current} ${rest}`, perLine) : cutAtWord(current, perLine));
  return out;
}
