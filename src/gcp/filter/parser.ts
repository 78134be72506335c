// Recursive-descent parser of the Monitoring filter language:
//   filter     := or
//   or         := and (OR and)*
//   and        := unary ((AND)? unary)*          juxtaposition is an implicit AND
//   unary      := NOT unary | primary
//   primary    := '(' or ')' | selector-call | field operator value
//   value      := literal | function '(' args ')' | '(' value ((AND|OR)? value)* ')'
// Precedence follows Google's filter grammar: NOT binds tightest, then AND, then OR.
import type { ComparisonOperator, FieldKind, FieldRef, FilterNode, FunctionName, ValueNode } from './ast';
import { FilterSyntaxError } from './filter-syntax-error';
import { regexProblem } from './regex';
import { describeToken, tokenize, type Token } from './lexer';

const FUNCTIONS: readonly FunctionName[] = [
  'starts_with',
  'ends_with',
  'has_substring',
  'one_of',
  'monitoring.regex.full_match',
];

/**
 * The deepest nesting of parentheses and NOTs the parser follows. The grammar is recursive, and a
 * hostile filter (2,500 parentheses, 20,000 NOTs) would otherwise overflow the stack; real filters
 * nest a few levels, and the API caps a filter at 2,048 characters anyway (api-limits.ts).
 */
export const MAX_FILTER_NESTING = 100;

const FIELD_FORMS =
  'metric.type, resource.type, metric.label(s).KEY, resource.label(s).KEY, metadata.user_labels.KEY, metadata.system_labels.KEY, project or group.id';

export function parseFilter(text: string): FilterNode {
  const parser = new Parser(tokenize(text));
  if (parser.peek().kind === 'end')
    throw new FilterSyntaxError(0, 'an empty filter', `a comparison such as metric.type = "…"`);
  const node = parser.parseOr();
  const rest = parser.peek();
  if (rest.kind !== 'end')
    throw new FilterSyntaxError(rest.position, describeToken(rest), 'AND, OR or the end of the filter');
  return node;
}

function isKeyword(token: Token, keyword: 'AND' | 'OR' | 'NOT'): boolean {
  return token.kind === 'word' && token.text.toUpperCase() === keyword;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  /** Runs one level of nesting, refusing to go deeper than MAX_FILTER_NESTING. */
  private nested<T>(token: Token, parse: () => T): T {
    if (this.depth >= MAX_FILTER_NESTING) {
      throw new FilterSyntaxError(
        token.position,
        `${describeToken(token)} nested more than ${MAX_FILTER_NESTING} levels deep`,
        `at most ${MAX_FILTER_NESTING} levels of nested parentheses and NOTs`,
      );
    }
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private expect(kind: Token['kind'], expected: string): Token {
    const token = this.peek();
    if (token.kind !== kind) throw new FilterSyntaxError(token.position, describeToken(token), expected);
    return this.next();
  }

  parseOr(): FilterNode {
    const children = [this.parseAnd()];
    while (isKeyword(this.peek(), 'OR')) {
      this.next();
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0] : { kind: 'or', children };
  }

  private parseAnd(): FilterNode {
    const children = [this.parseUnary()];
    for (;;) {
      const token = this.peek();
      if (isKeyword(token, 'AND')) {
        this.next();
        children.push(this.parseUnary());
      } else if (token.kind === 'word' || token.kind === 'string' || token.kind === '(') {
        if (isKeyword(token, 'OR')) break;
        children.push(this.parseUnary());
      } else {
        break;
      }
    }
    return children.length === 1 ? children[0] : { kind: 'and', children };
  }

  private parseUnary(): FilterNode {
    const token = this.peek();
    if (isKeyword(token, 'NOT')) {
      this.next();
      return this.nested(token, () => ({ kind: 'not', child: this.parseUnary() }));
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const token = this.peek();
    if (token.kind === '(') {
      this.next();
      return this.nested(token, () => {
        const inner = this.parseOr();
        this.expect(')', "')' closing the parenthesis opened at position " + token.position);
        return inner;
      });
    }
    if (token.kind !== 'word' && token.kind !== 'string') {
      throw new FilterSyntaxError(
        token.position,
        describeToken(token),
        `a comparison such as metric.type = "…" (a field: ${FIELD_FORMS})`,
      );
    }
    if (isKeyword(token, 'AND') || isKeyword(token, 'OR')) {
      throw new FilterSyntaxError(token.position, describeToken(token), 'a comparison before the operator');
    }
    const path = this.parsePath();
    if (this.peek().kind === '(') return this.parseSelector(path, token.position);
    // Dashboard template variables (`${cluster_name}`) stand for a whole comparison.
    if (path.segments.length === 1 && /^\$\{[^}]*\}$/.test(path.text) && this.peek().kind !== 'operator') {
      return { kind: 'placeholder', text: path.text, position: token.position };
    }
    const field = classifyField(path, token.position);
    const operatorToken = this.peek();
    if (operatorToken.kind !== 'operator') {
      throw new FilterSyntaxError(
        operatorToken.position,
        describeToken(operatorToken),
        `an operator (=, !=, <, >, <=, >=, :, =~) after ${field.text}`,
      );
    }
    this.next();
    const value = this.parseValue();
    if (operatorToken.text === '=~' || operatorToken.text === '!~')
      checkPatterns(value, (v) => (v.kind === 'literal' ? [v] : []));
    checkPatterns(value, (v) =>
      v.kind === 'function' && v.name === 'monitoring.regex.full_match'
        ? [{ value: v.args[0], position: v.position }]
        : [],
    );
    return {
      kind: 'comparison',
      field,
      operator: operatorToken.text as ComparisonOperator,
      value,
      position: token.position,
    };
  }

  /** `a.b."c d".e`: segments, quoted ones unquoted. */
  private parsePath(): { segments: string[]; text: string } {
    const first = this.next();
    const segments = [first.text];
    let text = first.kind === 'string' ? JSON.stringify(first.text) : first.text;
    while (this.peek().kind === '.') {
      this.next();
      const segment = this.peek();
      if (segment.kind !== 'word' && segment.kind !== 'string') {
        throw new FilterSyntaxError(
          segment.position,
          describeToken(segment),
          `a name or a quoted key after '${text}.'`,
        );
      }
      this.next();
      segments.push(segment.text);
      text += '.' + (segment.kind === 'string' ? JSON.stringify(segment.text) : segment.text);
    }
    return { segments, text };
  }

  private parseSelector(path: { segments: string[]; text: string }, position: number): FilterNode {
    const args = this.parseArguments(path.text);
    if (!path.text.startsWith('select_')) {
      throw new FilterSyntaxError(
        position,
        `a call to ${path.text}(…)`,
        `a comparison, or a time-series selector such as select_slo_burn_rate(…)`,
      );
    }
    return { kind: 'selector', name: path.text, args, position };
  }

  private parseArguments(name: string): string[] {
    this.expect('(', `'(' after ${name}`);
    const args: string[] = [];
    if (this.peek().kind === ')') {
      this.next();
      return args;
    }
    for (;;) {
      const arg = this.peek();
      if (arg.kind !== 'string' && arg.kind !== 'number' && arg.kind !== 'word') {
        throw new FilterSyntaxError(arg.position, describeToken(arg), `a quoted argument of ${name}(…)`);
      }
      this.next();
      args.push(arg.text);
      const separator = this.peek();
      if (separator.kind === ',') {
        this.next();
        continue;
      }
      if (separator.kind === ')') {
        this.next();
        return args;
      }
      throw new FilterSyntaxError(
        separator.position,
        describeToken(separator),
        `',' or ')' in the arguments of ${name}(…)`,
      );
    }
  }

  private parseValue(): ValueNode {
    const token = this.peek();
    if (token.kind === 'string' || token.kind === 'number') {
      this.next();
      return { kind: 'literal', value: token.text, quoted: token.kind === 'string', position: token.position };
    }
    if (token.kind === '(') return this.nested(token, () => this.parseValueGroup());
    if (token.kind === 'word') {
      const path = this.parsePath();
      if (this.peek().kind === '(') {
        if (!(FUNCTIONS as readonly string[]).includes(path.text)) {
          throw new FilterSyntaxError(
            token.position,
            `a call to ${path.text}(…)`,
            `a quoted value or one of ${FUNCTIONS.join(', ')}`,
          );
        }
        const args = this.parseArguments(path.text);
        const name = path.text as FunctionName;
        const expected = name === 'one_of' ? undefined : name === 'has_substring' ? [1, 2] : [1, 1];
        if (args.length === 0 || (expected && (args.length < expected[0] || args.length > expected[1]))) {
          throw new FilterSyntaxError(
            token.position,
            `${name}(…) with ${args.length} argument(s)`,
            name === 'one_of' ? 'at least one value' : 'one quoted argument',
          );
        }
        return { kind: 'function', name, args, position: token.position };
      }
      return { kind: 'literal', value: path.text, quoted: false, position: token.position };
    }
    throw new FilterSyntaxError(
      token.position,
      describeToken(token),
      'a value: a quoted string, a number, a function such as starts_with("…"), or a parenthesised group of values',
    );
  }

  private parseValueGroup(): ValueNode {
    const open = this.next();
    const values: ValueNode[] = [];
    let combiner: 'AND' | 'OR' | undefined;
    for (;;) {
      values.push(this.parseValue());
      const token = this.peek();
      if (token.kind === ')') {
        this.next();
        break;
      }
      let separator: 'AND' | 'OR' = 'AND';
      if (isKeyword(token, 'OR') || isKeyword(token, 'AND')) {
        separator = token.text.toUpperCase() as 'AND' | 'OR';
        this.next();
      } else if (token.kind === 'end') {
        throw new FilterSyntaxError(
          token.position,
          describeToken(token),
          `')' closing the group of values opened at position ${open.position}`,
        );
      }
      if (combiner && combiner !== separator) {
        throw new FilterSyntaxError(
          token.position,
          describeToken(token),
          `${combiner} (a group of values mixing AND and OR needs inner parentheses)`,
        );
      }
      combiner = separator;
    }
    return { kind: 'group', combiner: combiner ?? 'OR', values, position: open.position };
  }
}

/** A regular expression that does not compile is a syntax error; `${…}` templates are left alone. */
function checkPatterns(value: ValueNode, patterns: (value: ValueNode) => { value: string; position: number }[]): void {
  const values = value.kind === 'group' ? value.values : [value];
  for (const one of values) {
    for (const pattern of patterns(one)) {
      if (pattern.value.includes('${')) continue;
      const problem = regexProblem(pattern.value);
      if (problem)
        throw new FilterSyntaxError(
          pattern.position,
          `the regular expression "${pattern.value}" (${problem})`,
          'a valid RE2 regular expression',
        );
    }
  }
}

function classifyField(path: { segments: string[]; text: string }, position: number): FieldRef {
  const [root, second, ...rest] = path.segments;
  const key = rest.join('.');
  const labelled = (kind: FieldKind): FieldRef => {
    if (rest.length === 0)
      throw new FilterSyntaxError(position, `'${path.text}' without a label key`, `${path.text}.KEY`);
    return { kind, key, text: path.text };
  };
  const unknown = (): never => {
    throw new FilterSyntaxError(
      position,
      `the field '${path.text}'`,
      `a field the Monitoring filter knows: ${FIELD_FORMS}`,
    );
  };
  switch (root) {
    case 'metric':
      if (second === 'type' && rest.length === 0) return { kind: 'metric.type', text: path.text };
      if (second === 'label' || second === 'labels') return labelled('metric.label');
      return unknown();
    case 'resource':
      if (second === 'type' && rest.length === 0) return { kind: 'resource.type', text: path.text };
      if (second === 'label' || second === 'labels') return labelled('resource.label');
      return unknown();
    case 'metadata':
      if (second === 'user_labels' || second === 'user_label') return labelled('metadata.user_label');
      if (second === 'system_labels' || second === 'system_label') return labelled('metadata.system_label');
      return unknown();
    case 'project':
      if (second === undefined) return { kind: 'project', text: path.text };
      return unknown();
    case 'group':
      if (second === 'id' && rest.length === 0) return { kind: 'group.id', text: path.text };
      return unknown();
    default:
      return unknown();
  }
}
