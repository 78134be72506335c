// Text tables keep to the width of the terminal (100 columns when not a terminal): long cells wrap
// at words, and what no longer fits is cut with what was cut named.
import { DEFAULT_TEXT_WIDTH, formatTextTable, MAX_CELL_LINES, outputWidth, wrapCell } from '../../src/util/text-table';

const longest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));

test('a table that fits is padded and left as it is', () => {
  expect(
    formatTextTable([
      ['Mode', 'Status'],
      ['redis-noauth', 'ok'],
    ]),
  ).toBe('Mode          Status\nredis-noauth  ok');
});

test('numbers align right when asked', () => {
  expect(
    formatTextTable(
      [
        ['Policy', 'Time'],
        ['a', '4m'],
        ['b', '22m'],
      ],
      { rightAligned: [1] },
    ),
  ).toBe('Policy  Time\na         4m\nb        22m');
});

test('a list of 40 policies in a cell (1,000+ characters) wraps, and the cut names how many items it hides', () => {
  const policies = Array.from({ length: 40 }, (_, index) => `[staging] Policy number ${index}`).join('; ');
  expect(policies.length).toBeGreaterThan(1000);
  const text = formatTextTable([
    ['Failure mode', 'Also firing'],
    ['redis-noauth', policies],
  ]);
  expect(longest(text)).toBeLessThanOrEqual(DEFAULT_TEXT_WIDTH);
  const lines = text.split('\n');
  expect(lines).toHaveLength(1 + MAX_CELL_LINES);
  const shown = (text.replace(/\s+/g, ' ').match(/Policy number \d+;/g) ?? []).length;
  expect(text).toMatch(new RegExp(`… \\+${40 - shown} more`));
  expect(lines[1]).toMatch(/^redis-noauth +\[staging\]/);
});

test('a long cell without items names the characters cut', () => {
  const cell = 'x '.repeat(200).trim();
  const lines = wrapCell(cell, 20);
  expect(lines).toHaveLength(MAX_CELL_LINES);
  const kept = lines.join(' ').replace(/ … \+\d+ chars$/, '');
  expect(lines[MAX_CELL_LINES - 1]).toMatch(new RegExp(`… \\+${cell.length - kept.length} chars$`));
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
});

test('the width is the terminal width, or 100 columns when not a terminal', () => {
  expect(outputWidth({ isTTY: true, columns: 80 })).toBe(80);
  expect(outputWidth({ isTTY: false, columns: 80 })).toBe(100);
  expect(outputWidth({})).toBe(100);
});

test('within a narrow terminal too', () => {
  const rows = [
    ['Failure mode', 'First to notify', 'Also firing'],
    ['postgres-slow', '[staging] PostgreSQL: health endpoint reports postgresql not healthy', 'a; b; c; d; e'],
  ];
  expect(longest(formatTextTable(rows, { width: 60 }))).toBeLessThanOrEqual(60);
});

test('eight columns of policy names in 100: each row becomes a block, every name whole and each line within the width', () => {
  const policy = '[staging] Redis: health endpoint reports redis not healthy from 4+ locations';
  const rows = [
    ['Failure mode', 'Severity', 'Target', 'First to notify', 'Worst case', 'In scenario', 'Also firing', 'Status'],
    ['redis-noauth', 'page', '5m', policy, '4m 35s', '3m', '[staging] Redis: connection failures > 1%', 'ok'],
    ['auth-down', 'page', '5m', '[staging] Uptime: auth service health endpoint failing', '4m 35s', '3m', '', 'ok'],
  ];
  const text = formatTextTable(rows);
  const lines = text.split('\n');
  expect(longest(text)).toBeLessThanOrEqual(DEFAULT_TEXT_WIDTH);
  expect(lines[0]).toBe('redis-noauth');
  expect(lines[1]).toBe('  Severity: page · Target: 5m · Worst case: 4m 35s · In scenario: 3m · Status: ok');
  // The policy names read whole, with no cut, once the wrapped lines are joined again.
  expect(text.replace(/\n\s+/g, ' ')).toContain(`First to notify: ${policy}`);
  expect(text.replace(/\n\s+/g, ' ')).toContain('Also firing: [staging] Redis: connection failures > 1%');
  expect(text).not.toContain('…');
  // An empty cell is left out of its row's block.
  const auth = text.slice(text.indexOf('auth-down'));
  expect(auth).not.toContain('Also firing');
});

test('a table whose columns all stay readable keeps the table layout', () => {
  const rows = [
    ['Failure mode', 'First to notify'],
    ['redis-noauth', '[staging] Redis: health endpoint reports redis not healthy from 4+ locations'],
  ];
  expect(formatTextTable(rows).split('\n')[0]).toMatch(/^Failure mode +First to notify$/);
});
