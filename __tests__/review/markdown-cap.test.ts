// The 65,000-character cap: GitHub rejects longer comments. The least important lines go first
// (dashboard tiles, then summaries of added resources, then attribute lines), the warning section
// last, and the output says what was cut.
import { GITHUB_COMMENT_LIMIT, renderMarkdown, review } from '../../src/tools/review';
import { artifact, baseDoc, dashboardOf, setDashboard } from './fixture';

// A large change: many policies with loosened thresholds (risks and attribute lines), many added
// policies, and a dashboard whose every tile changed.
function largeReview(policies: number) {
  const base = baseDoc();
  const head = baseDoc();
  const template = base.resource.google_monitoring_alert_policy.postgres_p99_latency_critical;
  const dashboardBase = dashboardOf(base);
  const dashboardHead = dashboardOf(head);
  for (let index = 0; index < policies; index += 1) {
    const id = `latency_${index}`;
    const body = JSON.parse(JSON.stringify(template));
    body.display_name = `[test] latency policy number ${index} with a reasonably long display name`;
    base.resource.google_monitoring_alert_policy[id] = body;
    const changed = JSON.parse(JSON.stringify(body));
    changed.conditions[0].condition_threshold.threshold_value = 900000;
    changed.conditions[0].condition_threshold.duration = '600s';
    head.resource.google_monitoring_alert_policy[id] = changed;
    head.resource.google_monitoring_alert_policy[`added_${index}`] = {
      ...JSON.parse(JSON.stringify(body)),
      display_name: `[test] added policy ${index}`,
    };
    const tile = {
      xPos: 0,
      yPos: 40 + index * 4,
      width: 12,
      height: 4,
      widget: { title: `tile ${index}`, text: { content: 'a' } },
    };
    dashboardBase.mosaicLayout.tiles.push(tile);
    dashboardHead.mosaicLayout.tiles.push({ ...tile, widget: { title: `tile ${index}`, text: { content: 'b' } } });
  }
  setDashboard(base, dashboardBase);
  setDashboard(head, dashboardHead);
  return review([artifact(base)], [artifact(head)]);
}

describe('size cap', () => {
  test('a small review is not cut', () => {
    const markdown = renderMarkdown(largeReview(3));
    expect(markdown).not.toContain('✂️');
    expect(markdown).toContain('tile ~ "tile 2"');
  });

  test(`a large review stays under ${GITHUB_COMMENT_LIMIT} characters, keeps every warning and says what was cut`, () => {
    const result = largeReview(200);
    const full = renderMarkdown(result, { maxChars: 10_000_000 });
    expect(full.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    const markdown = renderMarkdown(result);
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    // 200 policies × (threshold + duration) loosened.
    expect(result.risks).toHaveLength(400);
    for (const index of [0, 99, 199])
      expect(markdown).toContain(
        `latency policy number ${index} with a reasonably long display name**: duration 300 s → 600 s (alerts later)`,
      );
    expect(markdown).toMatch(
      /✂️ Cut to stay under 65,000 characters .*: 200 dashboard tile lines, \d+ summary lines of added resources/,
    );
    expect(markdown).not.toContain('tile ~ "tile');
  });

  test('tiles are cut before attribute lines, attribute lines before warnings', () => {
    const result = largeReview(40);
    const full = renderMarkdown(result, { maxChars: 10_000_000 });
    const tileLines = full.split('\n').filter((line) => line.startsWith('  - tile ')).length;
    const tileChars = full
      .split('\n')
      .filter((line) => line.startsWith('  - tile '))
      .reduce((sum, line) => sum + line.length + 1, 0);
    // Room for everything except the tile lines (and the note).
    const cut = renderMarkdown(result, { maxChars: full.length - tileChars + 400 });
    expect(cut).toContain(`${tileLines} dashboard tile lines`);
    expect(cut).toContain('p99 latency threshold 500 ms → 900 ms');
    expect(cut).toContain('  - severity CRITICAL');
  });

  test('when the warning section alone is too long it is cut mid-list, with a note', () => {
    const markdown = renderMarkdown(largeReview(400), { maxChars: 5000 });
    expect(markdown.length).toBeLessThanOrEqual(5000);
    expect(markdown).toContain('including part of the warning section');
  });
});
