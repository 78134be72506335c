// Splits a Monitoring filter into tokens. Words are split at dots so that a quoted label key
// (`metric.label."response_code_class"`) reads the same as a bare one; `${…}` placeholders
// (templates, Terraform interpolation) are opaque, in or out of quotes.
import { FilterSyntaxError } from './filter-syntax-error';

export type TokenKind = 'word' | 'string' | 'number' | 'operator' | '(' | ')' | ',' | '.' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Unquoted, unescaped text for strings; the raw text otherwise. */
  readonly text: string;
  readonly position: number;
}

const OPERATORS = ['!=', '>=', '<=', '=~', '!~', '=', '>', '<', ':'] as const;
const WORD_CHAR = /[A-Za-z0-9_\-/*@$]/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?![A-Za-z_/])/;

export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the filter';
    case 'string':
      return `the string "${token.text}"`;
    default:
      return `'${token.text}'`;
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      const [value, next] = readQuoted(text, i);
      tokens.push({ kind: 'string', text: value, position: start });
      i = next;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === '.') {
      // A dot followed by a digit after an operator is a number like `.5`; handled below.
      if (!(c === '.' && /\d/.test(text[i + 1] ?? '') && previousIsValueStart(tokens))) {
        tokens.push({ kind: c, text: c, position: start });
        i++;
        continue;
      }
    }
    const operator = OPERATORS.find((op) => text.startsWith(op, i));
    if (operator) {
      tokens.push({ kind: 'operator', text: operator, position: start });
      i += operator.length;
      continue;
    }
    if (previousIsValueStart(tokens)) {
      const number = NUMBER.exec(text.slice(i));
      if (number) {
        tokens.push({ kind: 'number', text: number[0], position: start });
        i += number[0].length;
        continue;
      }
    }
    if (WORD_CHAR.test(c)) {
      let word = '';
      while (i < text.length && WORD_CHAR.test(text[i])) {
        if (text[i] === '$' && text[i + 1] === '{') {
          const close = text.indexOf('}', i);
          if (close < 0) throw new FilterSyntaxError(i, `'\${' without a closing '}'`, "a placeholder closed by '}'");
          word += text.slice(i, close + 1);
          i = close + 1;
          continue;
        }
        word += text[i];
        i++;
      }
      tokens.push({ kind: 'word', text: word, position: start });
      continue;
    }
    throw new FilterSyntaxError(start, `'${c}'`, 'a field, a value, an operator, AND, OR, NOT or a parenthesis');
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}

/** A number can only start right after an operator, an opening parenthesis or a comma. */
function previousIsValueStart(tokens: readonly Token[]): boolean {
  const previous = tokens[tokens.length - 1];
  return previous !== undefined && (previous.kind === 'operator' || previous.kind === '(' || previous.kind === ',');
}

function readQuoted(text: string, start: number): [string, number] {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      if (i + 1 >= text.length) break;
      // Keep the escape for characters that only mean something to a regular expression
      // (`\.`, `\d`), so a regex argument survives; unescape quotes and backslashes.
      const next = text[i + 1];
      value += next === quote || next === '\\' ? next : `\\${next}`;
      i += 2;
      continue;
    }
    if (c === quote) return [value, i + 1];
    value += c;
    i++;
  }
  throw new FilterSyntaxError(start, `a string opened with ${quote} that is never closed`, `a closing ${quote}`);
}
