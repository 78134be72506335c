// The review's pictures of a changed dashboard: before and after previews of the sections holding
// a changed tile, each changed tile outlined in the colour of its change on the side it belongs to.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { OUTAGE_SCENARIOS } from '../../src/tools/preview/outage-scenarios';
import { emptyPreviewData } from '../../src/tools/preview/preview-data-empty';
import { changedTiles, OUTLINES, sidePreviewSvg } from '../../src/tools/review/dashboard-previews';
import { dashboardLayout } from '../../src/tools/dashboards/dashboard-layout';
import { compareTiles } from '../../src/tools/review/dashboard-tiles';
import { stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { captureIo } from '../support/capture-io';
import { baseDoc, dashboardOf, setDashboard } from './fixture';

const before = dashboardOf(baseDoc());
const after = dashboardOf(baseDoc());
after.mosaicLayout.tiles[1].widget.title = 'PostgreSQL: p99 latency & more';
after.mosaicLayout.tiles.pop();
for (const side of [before, after])
  side.mosaicLayout.tiles.push({
    xPos: 0,
    yPos: 40,
    width: 48,
    height: 4,
    widget: { title: 'Untouched section', sectionHeader: {} },
  });
const changes = compareTiles(dashboardLayout(before), dashboardLayout(after));
const stack = stackModelFromJson(baseDoc(), 'base');
const source = { stack, data: emptyPreviewData(stack, 'none') };

/** The stroke of the card drawn right before the tile's title text. */
function outlineOf(svg: string, title: string): string | undefined {
  const at = svg.indexOf(`>${title}</tspan>`);
  const card = svg.lastIndexOf('<rect', at);
  return /stroke="([^"]+)" stroke-width="4"/.exec(svg.slice(card, at))?.[1];
}

describe('review dashboard previews', () => {
  test('a removed tile is outlined on the left, a retitled one on both sides under its own title', () => {
    const outlines = changedTiles(changes);
    expect([...outlines.before]).toEqual([
      ['Uptime check latency', OUTLINES.removed],
      ['PostgreSQL: p99 latency', OUTLINES.changed],
    ]);
    expect([...outlines.after]).toEqual([['PostgreSQL: p99 latency & more', OUTLINES.changed]]);
  });

  test('each side draws its outlined tiles and leaves the others plain', async () => {
    const outlines = changedTiles(changes);
    const left = await sidePreviewSvg(before, 'before', outlines.before, false, source);
    const right = await sidePreviewSvg(after, 'after', outlines.after, false, source);
    expect(left).toContain('before: Test dashboard');
    expect(outlineOf(left, 'Uptime check latency')).toBe(OUTLINES.removed.colour);
    expect(outlineOf(left, 'PostgreSQL: p99 latency')).toBe(OUTLINES.changed.colour);
    expect(outlineOf(left, 'Redis: connected clients')).toBeUndefined();
    expect(right).toContain('after: Test dashboard');
    expect(outlineOf(right, 'PostgreSQL: p99 latency &amp; more')).toBe(OUTLINES.changed.colour);
    expect(right).not.toContain('Uptime check latency');
    // Only sections holding a change are drawn: the new, untouched section is left out.
    expect(right).not.toContain('Untouched section');
  });
});

describe('review --svg-dir with an outage scenario that does not fit the stack', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-review-previews-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('draws the previews without data instead of failing the review', async () => {
    // The stack as staging's, and a staging outage scenario whose series no stack can build.
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
      fs.writeFileSync(path.join(work, name), text);
    };
    write('base/stacks/monitoring-staging/cdk.tf.json', JSON.stringify(baseDoc()));
    const head = baseDoc();
    const dashboard = dashboardOf(head);
    dashboard.mosaicLayout.tiles.pop();
    setDashboard(head, dashboard);
    write('head/stacks/monitoring-staging/cdk.tf.json', JSON.stringify(head));
    write(
      OUTAGE_SCENARIOS.staging,
      'environment: staging\ntests:\n  - name: x\n    series:\n      - {metric: logging.googleapis.com/user/gone, resource: cloud_run_revision, values: 1x3}\n    expect:\n      - {policy: x, does_not_fire: true}\n',
    );
    const io = captureIo(work);
    expect(
      await main(['review', '--base', 'base', '--head', 'head', '--svg-dir', 'svg', '--out', 'review.md'], io),
    ).toBe(0);
    expect(io.err).toEqual([]);
    const png = fs.readFileSync(path.join(work, 'svg', 'monitoring-staging--infrastructure_dashboard--before.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
