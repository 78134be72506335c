// Every dashboard Google publishes (../shared/corpus/dashboards) previews whole: each widget gets
// its tile, each tile a body unless it is a header or a group, the page one element per tile, and
// the section pictures are SVG that resvg reads (a title with & or < would break one that is not).
import * as fs from 'fs';
import * as path from 'path';
import { Resvg } from '@resvg/resvg-js';
import { emptyPreviewData } from '../../src/tools/preview/preview-data-empty';
import { dashboardHtml } from '../../src/tools/preview/preview-page';
import { renderDashboard } from '../../src/tools/preview/render-dashboard';
import { sectionSvg } from '../../src/tools/preview/section-svg';
import type { StackModel } from '../../src/tools/simulate/policy-model';
import { CORPUS_DIR, describeWithCorpus } from '../support/corpus';

function jsonFiles(directory: string): string[] {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => {
      const file = path.join(directory, entry.name);
      return entry.isDirectory() ? jsonFiles(file) : file.endsWith('.json') ? [file] : [];
    })
    .sort();
}

function widgetCount(dashboard: Record<string, any>): number {
  if (dashboard.mosaicLayout) return (dashboard.mosaicLayout.tiles ?? []).length;
  if (dashboard.gridLayout) return (dashboard.gridLayout.widgets ?? []).length;
  const groups = dashboard.rowLayout?.rows ?? dashboard.columnLayout?.columns ?? [];
  return groups.reduce((sum: number, group: { widgets?: unknown[] }) => sum + (group.widgets ?? []).length, 0);
}

describeWithCorpus("Google's published dashboards in the preview", () => {
  test('each previews whole, with every widget in its place and section pictures resvg reads', async () => {
    const files = jsonFiles(path.join(CORPUS_DIR, 'dashboards'));
    expect(files.length).toBeGreaterThan(100);
    const stack: StackModel = { source: 'corpus', policies: [], logMetrics: new Map(), slos: new Map() };
    const source = { stack, data: emptyPreviewData(stack, 'none') };
    for (const [index, file] of files.entries()) {
      const dashboard = JSON.parse(fs.readFileSync(file, 'utf8'));
      const rendered = await renderDashboard(path.basename(file), dashboard, source);
      const where = path.relative(CORPUS_DIR, file);
      expect({ where, tiles: rendered.tiles.length }).toEqual({ where, tiles: widgetCount(dashboard) });
      for (const tile of rendered.tiles)
        expect({ where, tile: tile.placed.tile.key, body: tile.body !== undefined }).toEqual({
          where,
          tile: tile.placed.tile.key,
          body: !['sectionHeader', 'collapsibleGroup'].includes(tile.placed.kind),
        });
      const html = dashboardHtml(rendered);
      expect(html.match(/ data-tile="/g)?.length ?? 0).toBe(rendered.tiles.length);
      // Parsing every section of 128 dashboards would cost seconds: one dashboard in sixteen.
      if (index % 16 === 0)
        for (const section of rendered.layout.sections)
          expect(() => new Resvg(sectionSvg(rendered, section))).not.toThrow();
    }
  });
});
