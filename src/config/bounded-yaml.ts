// Parses the YAML vigil reads (environment and scenario files) with bounded work, so that hostile
// input gets an error in words with its line instead of a stack overflow, minutes of CPU or an
// out-of-memory abort: a size limit, a nesting limit, an alias-expansion limit (alias bombs),
// aliases before their anchor, merge keys on scalars, and keys given twice. The yaml library's
// own `uniqueKeys` check compares every key with every other (100k keys took minutes), so keys
// are checked here with one set per mapping instead.
import { tooLargeReason } from '../util/read-regular-file';
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { ConfigError } from './config-error';

/**
 * The largest environment file read: 256 KiB, 70 times the staging environment (3.5 KB). The yaml
 * parser takes ~2 s per MiB of small keys on the CI machine, so this keeps the worst input allowed
 * well under a second.
 */
export const MAX_ENVIRONMENT_YAML_BYTES = 256 * 1024;
/** The largest scenario file read: 1 MiB, 200 times the largest one today, room for series written out in full. */
export const MAX_SCENARIO_YAML_BYTES = 1024 * 1024;
/** The deepest nesting of mappings and lists: the schemas need 6 levels; 64 leaves room without risking the stack. */
export const MAX_YAML_DEPTH = 64;
/** The most values a document may hold once its aliases are expanded (an alias bomb expands exponentially). */
export const MAX_YAML_EXPANDED_NODES = 100_000;
/** The yaml library's own alias limit, kept as a second guard in toJS. */
const MAX_ALIAS_COUNT = 100;

export interface YamlOptions {
  /** The largest file read, in bytes. */
  readonly maxBytes: number;
  /** Honour `<<: *anchor` merge keys (scenario files use them). */
  readonly merge?: boolean;
}

/** Throws a ConfigError when a file of `bytes` is over the limit; callers check the size before reading a file whole. */
export function checkYamlSize(bytes: number, file: string, maxBytes: number): void {
  if (bytes <= maxBytes) return;
  throw new ConfigError([
    {
      file,
      path: '',
      // The words the file reader uses for the same cap: one message whether the size was seen before or after reading.
      message: tooLargeReason(bytes, maxBytes),
    },
  ]);
}

/** Parses YAML text into plain data, or throws a ConfigError naming the line and column of each problem. */
export function parseBoundedYaml(text: string, file: string, options: YamlOptions): unknown {
  checkYamlSize(Buffer.byteLength(text, 'utf8'), file, options.maxBytes);
  const lines = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, {
      prettyErrors: true,
      uniqueKeys: false,
      merge: options.merge ?? false,
      lineCounter: lines,
    });
  } catch (error) {
    // The parser is recursive; nesting beyond its stack is the only way it throws.
    if (error instanceof RangeError) throw new ConfigError([{ file, path: '', message: nestingMessage() }]);
    throw error;
  }
  if (document.errors.length > 0) {
    throw new ConfigError(
      document.errors.map((error) => {
        const where = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ` : '';
        const message = /call stack/i.test(error.message)
          ? nestingMessage()
          : `malformed YAML: ${firstLine(error.message)}`;
        return { file, path: '', message: `${where}${message}` };
      }),
    );
  }
  const problems = structureProblems(document, lines).map((message) => ({ file, path: '', message }));
  if (problems.length > 0) throw new ConfigError(problems);
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // structureProblems finds what toJS rejects first; this stays a message in words all the same.
    if (error instanceof Error && !(error instanceof RangeError)) {
      throw new ConfigError([{ file, path: '', message: `malformed YAML: ${firstLine(error.message)}` }]);
    }
    throw new ConfigError([{ file, path: '', message: nestingMessage() }]);
  }
}

const count = (value: number) => value.toLocaleString('en-US');

function nestingMessage(): string {
  return `mappings and lists nested more than ${MAX_YAML_DEPTH} levels deep; at most ${MAX_YAML_DEPTH} are read`;
}

function firstLine(text: string): string {
  return text
    .split('\n')[0]
    .trim()
    .replace(/ at line \d+, column \d+:?$/, '');
}

interface Visit {
  readonly node: Node;
  readonly depth: number;
  /** Set once the node's children have been visited, when its expanded size is known. */
  exit?: boolean;
}

/** Walks the document once, iteratively and in document order (anchors are defined in that order). */
function structureProblems(document: Document.Parsed, lines: LineCounter): string[] {
  const problems: string[] = [];
  const at = (node: { range?: [number, number, number] | null }) => {
    const position = lines.linePos(node.range?.[0] ?? 0);
    return `line ${position.line}, column ${position.col}`;
  };
  // The number of values each anchored node stands for once expanded.
  const anchored = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  let expanded = 0;
  const root = document.contents;
  if (!root) return problems;
  const stack: Visit[] = [{ node: root, depth: 1 }];
  while (stack.length > 0 && problems.length === 0) {
    const visit = stack.pop()!;
    const { node, depth } = visit;
    if (visit.exit) {
      sizes.set(node, expanded - (sizes.get(node) ?? 0));
      open.delete(node);
      continue;
    }
    if (isAlias(node)) {
      const target = anchored.get(node.source);
      if (!target) {
        const name = node.source;
        problems.push(
          `${at(node)}: alias *${name} is used before its anchor &${name} is defined (or it is never defined)`,
        );
        break;
      }
      // A node that refers to itself has no size yet; it counts as one value.
      expanded += open.has(target) ? 1 : (sizes.get(target) ?? 1);
      if (expanded > MAX_YAML_EXPANDED_NODES) problems.push(aliasBombMessage(at(node), node));
      continue;
    }
    expanded += 1;
    if (expanded > MAX_YAML_EXPANDED_NODES) {
      problems.push(`${at(node)}: more than ${count(MAX_YAML_EXPANDED_NODES)} values; at most that many are read`);
      break;
    }
    if (depth > MAX_YAML_DEPTH) {
      problems.push(`${at(node)}: ${nestingMessage()}`);
      break;
    }
    if (node.anchor) anchored.set(node.anchor, node);
    if (!isMap(node) && !isSeq(node)) continue;
    // The entry stack position records where this node's expansion starts; its exit computes the size.
    sizes.set(node, expanded - 1);
    open.add(node);
    stack.push({ node, depth, exit: true });
    const children: Node[] = [];
    if (isMap(node)) {
      const keys = new Map<unknown, Node>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (isScalar(key)) {
          const earlier = keys.get(key.value);
          if (earlier) {
            const name = String(key.value);
            problems.push(`${at(key)}: malformed YAML: Map keys must be unique; "${name}" is also at ${at(earlier)}`);
          }
          keys.set(key.value, key);
          if (keyText(key.value) === '<<' && !isMergeSource(pair.value as Node | null, anchored)) {
            problems.push(
              `${at(key)}: a merge key (<<) takes a mapping or an alias of one such as *defaults, or a list of them`,
            );
          }
        }
        if (key && !isScalar(key)) children.push(key);
        if (pair.value) children.push(pair.value as Node);
      }
    } else {
      for (const item of node.items) if (item) children.push(item as Node);
    }
    // Pushed in reverse so that they are visited in document order.
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index], depth: depth + 1 });
  }
  return problems;
}

/** The merge key is a symbol when merge keys are on (YAML 1.1 or the merge option), the text `<<` otherwise. */
function keyText(value: unknown): unknown {
  return typeof value === 'symbol' ? value.description : value;
}

function isMergeSource(value: Node | null, anchored: ReadonlyMap<string, Node>): boolean {
  const isMapping = (node: unknown) => isMap(node) || (isAlias(node) && isMap(anchored.get(node.source)));
  return isMapping(value) || (isSeq(value) && value.items.every(isMapping));
}

function aliasBombMessage(where: string, alias: Alias): string {
  return (
    `${where}: alias *${alias.source} expands the document to more than ${count(MAX_YAML_EXPANDED_NODES)} values ` +
    '(aliases that repeat aliases grow exponentially); expected each anchored value to be repeated a few times at most'
  );
}
