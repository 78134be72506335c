// Mutations of valid inputs, at two levels: text (what a person's editor or a truncated copy does
// to a file: cut, repeated, garbled, deeply nested) and data (a field of the wrong type, a huge or
// negative number, a duplicated list item, a value nested thousands of levels deep). Starting from
// real inputs keeps most cases close to valid, where the interesting bugs are.
import type { Random } from './random';

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '%',
  '${var.x}',
  '"',
  "'",
  '((((',
  ')))',
  'NOT NOT NOT',
  'metric.type=',
  '-1',
  '1e309',
  'NaN',
  '\u202e',
  '😀'.repeat(300),
  'x'.repeat(70_000),
];
const NASTY_NUMBERS = [0, -1, -0, 1e308, -1e308, 2 ** 53 + 1, 0.0000001, 4294967296, 1.5];

function randomScalar(random: Random): unknown {
  switch (random.below(6)) {
    case 0:
      return random.pick(NASTY_STRINGS);
    case 1:
      return random.pick(NASTY_NUMBERS);
    case 2:
      return random.chance(0.5);
    case 3:
      return null;
    case 4:
      return [];
    default:
      return {};
  }
}

function nest(value: unknown, depth: number, asArray: boolean): unknown {
  let nested = value;
  for (let level = 0; level < depth; level += 1) nested = asArray ? [nested] : { a: nested };
  return nested;
}

/** Every container (object or array) in a value, with how to replace a member of it. */
function containers(
  value: unknown,
  limit = 5_000,
): { holder: Record<string, unknown> | unknown[]; key: string | number }[] {
  const found: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0 && found.length < limit) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      current.forEach((child, index) => {
        found.push({ holder: current, key: index });
        stack.push(child);
      });
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        found.push({ holder: current as Record<string, unknown>, key });
        stack.push(child);
      }
    }
  }
  return found;
}

/** One to three data-level mutations of a deep copy of `value`. */
export function mutateData(random: Random, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const places = containers(copy);
  if (places.length === 0) return randomScalar(random);
  let nested = false;
  for (let round = 1 + random.below(3); round > 0; round -= 1) {
    const { holder, key } = random.pick(places);
    const current = (holder as Record<string | number, unknown>)[key];
    const set = (next: unknown) => {
      (holder as Record<string | number, unknown>)[key] = next;
    };
    switch (random.below(7)) {
      case 0:
        set(randomScalar(random));
        break;
      case 1:
        // Once per case: nesting a nested value again would pass what even JSON.stringify can write.
        if (!nested) set(nest(current, random.pick([70, 200, 2_000]), random.chance(0.5)));
        nested = true;
        break;
      case 2:
        if (Array.isArray(holder)) holder.push(JSON.parse(JSON.stringify(current ?? null)));
        else set(Array.isArray(current) ? [...current, ...current] : current);
        break;
      case 3:
        if (Array.isArray(holder)) holder.splice(Number(key), 1);
        else delete holder[key as string];
        break;
      case 4:
        set(
          typeof current === 'number'
            ? random.pick(NASTY_NUMBERS)
            : String(current ?? '').repeat(random.pick([2, 1000])),
        );
        break;
      case 5:
        if (!Array.isArray(holder)) holder[`${String(key)}_typo`] = current;
        break;
      default:
        set(Array.from({ length: random.pick([0, 1, 1_000]) }, () => current));
    }
  }
  return copy;
}

/** One to three text-level mutations. */
export function mutateText(random: Random, text: string): string {
  let out = text;
  for (let round = 1 + random.below(3); round > 0; round -= 1) {
    const at = random.below(out.length + 1);
    const span = random.below(Math.min(200, out.length - at) + 1);
    switch (random.below(7)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + span); // cut
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at, at + span).repeat(random.pick([2, 50])) + out.slice(at); // repeat
        break;
      case 2:
        out = out.slice(0, at) + random.pick(NASTY_STRINGS).slice(0, 5_000) + out.slice(at); // insert
        break;
      case 3:
        out =
          out.slice(0, at) +
          random.pick(['[', '{', '(', '- ', '&a ', '*a ', '<<: ']).repeat(random.pick([10, 3_000])) +
          out.slice(at);
        break;
      case 4:
        out = out.slice(0, random.below(out.length + 1)); // truncated copy
        break;
      case 5: {
        const lines = out.split('\n');
        const line = random.below(lines.length);
        lines.splice(line, 0, lines[random.below(lines.length)]); // a line duplicated elsewhere
        out = lines.join('\n');
        break;
      }
      default:
        out = out.replace(/\d+/, () => String(random.pick(NASTY_NUMBERS))); // a number changed
    }
  }
  return out;
}

/**
 * Half the cases mutate the whole value; the other half pick one block (an object or list inside
 * it, such as one alert policy or the `expect:` block) and mutate only that, so that a block with
 * few fields is not drowned out by the large ones around it.
 */
export function mutateSomewhere(random: Random, value: unknown): unknown {
  if (random.chance(0.5)) return mutateData(random, value);
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const blocks = containers(copy).filter(({ holder, key }) => {
    const member = (holder as Record<string | number, unknown>)[key];
    return typeof member === 'object' && member !== null;
  });
  if (blocks.length === 0) return mutateData(random, value);
  const { holder, key } = random.pick(blocks);
  (holder as Record<string | number, unknown>)[key] = mutateData(
    random,
    (holder as Record<string | number, unknown>)[key],
  );
  return copy;
}
