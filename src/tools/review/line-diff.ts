// A short unified diff of two texts (runbooks): the changed lines with one line of context, so a
// reviewer reads what the on-call engineer will read differently, not just that it changed.

export interface LineDiffOptions {
  /** Lines of context around each change. */
  readonly context: number;
  /** At most this many diff lines; the rest is counted in one closing line. */
  readonly maxLines: number;
}

/** Above this many line pairs the LCS table is not built: the diff says only how the size changed. */
const MAX_CELLS = 4_000_000;

type Op = { readonly mark: ' ' | '-' | '+'; readonly line: string };

/** Diff lines (`-old`, `+new`, ` context`, `@@ …`), or undefined when the texts are too long to diff. */
export function unifiedDiff(before: string, after: string, options: LineDiffOptions): string[] | undefined {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  if (a.length * b.length > MAX_CELLS) return undefined;
  const ops = diffOps(a, b);
  const lines: string[] = [];
  for (const hunk of hunks(ops, options.context)) {
    lines.push(`@@ -${hunk.startA},${hunk.countA} +${hunk.startB},${hunk.countB} @@`);
    for (const op of hunk.ops) lines.push(`${op.mark}${op.line}`);
  }
  if (lines.length <= options.maxLines) return lines;
  const shown = lines.slice(0, options.maxLines - 1);
  shown.push(`… ${lines.length - shown.length} more diff lines`);
  return shown;
}

// Longest common subsequence, walked from the start so deletions come before insertions.
function diffOps(a: readonly string[], b: readonly string[]): Op[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ mark: ' ', line: a[i++] });
      j++;
    } else if (j >= b.length || (i < a.length && table[(i + 1) * width + j] >= table[i * width + j + 1])) {
      ops.push({ mark: '-', line: a[i++] });
    } else {
      ops.push({ mark: '+', line: b[j++] });
    }
  }
  return ops;
}

interface Hunk {
  readonly startA: number;
  readonly countA: number;
  readonly startB: number;
  readonly countB: number;
  readonly ops: readonly Op[];
}

function hunks(ops: readonly Op[], context: number): Hunk[] {
  const changed = ops.map((op, index) => (op.mark === ' ' ? -1 : index)).filter((index) => index >= 0);
  const result: Hunk[] = [];
  let k = 0;
  while (k < changed.length) {
    const from = Math.max(0, changed[k] - context);
    let to = changed[k];
    while (k + 1 < changed.length && changed[k + 1] - to <= 2 * context + 1) to = changed[++k];
    k++;
    const end = Math.min(ops.length, to + context + 1);
    // 1-based line numbers of the hunk's first line on each side.
    const lineA = ops.slice(0, from).filter((op) => op.mark !== '+').length + 1;
    const lineB = ops.slice(0, from).filter((op) => op.mark !== '-').length + 1;
    const slice = ops.slice(from, end);
    result.push({
      startA: lineA,
      countA: slice.filter((op) => op.mark !== '+').length,
      startB: lineB,
      countB: slice.filter((op) => op.mark !== '-').length,
      ops: slice,
    });
  }
  return result;
}
