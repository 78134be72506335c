// The runbook diff: hunks with one line of context, line numbers as `diff -u` counts them, capped.
import { unifiedDiff } from '../../src/tools/review/line-diff';

const options = { context: 1, maxLines: 20 };

test('one changed line between unchanged ones', () => {
  expect(unifiedDiff('a\nb\nc\nd\ne', 'a\nb\nC\nd\ne', options)).toEqual(['@@ -2,3 +2,3 @@', ' b', '-c', '+C', ' d']);
});

test('two changes far apart are two hunks; additions at the end count from the right line', () => {
  expect(unifiedDiff('1\n2\n3\n4\n5\n6\n7', '0\n1\n2\n3\n4\n5\n6\n7\n8', options)).toEqual([
    '@@ -1,1 +1,2 @@',
    '+0',
    ' 1',
    '@@ -7,1 +8,2 @@',
    ' 7',
    '+8',
  ]);
});

test('identical texts give no lines; an empty side is all additions', () => {
  expect(unifiedDiff('same', 'same', options)).toEqual([]);
  expect(unifiedDiff('', 'x\ny', options)).toEqual(['@@ -1,0 +1,2 @@', '+x', '+y']);
});

test('a long diff is cut at maxLines, the rest counted', () => {
  const before = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
  const after = Array.from({ length: 40 }, (_, i) => `LINE ${i}`).join('\n');
  const lines = unifiedDiff(before, after, options)!;
  expect(lines).toHaveLength(20);
  expect(lines[19]).toBe('… 62 more diff lines');
});

test('texts too long to diff in reasonable time give undefined (the caller shows line counts)', () => {
  const huge = Array.from({ length: 3000 }, (_, i) => `${i}`).join('\n');
  expect(unifiedDiff(huge, `${huge}\nmore`, options)).toBeUndefined();
});
