/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// `vigil preview staging` opened in headless Chromium: every tile stands where the mosaic says, the
// page asks for nothing but itself and logs no error, and each chart with data has its axes, its
// unit and its threshold. A fixture dashboard covers the widget kinds staging does not use.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { scenarioPreviewData } from '../../src/tools/preview/preview-data';
import { renderDashboard } from '../../src/tools/preview/render-dashboard';
import { writePreview } from '../../src/tools/preview/write-preview';
import { captureIo } from '../support/capture-io';
import { type Browser, describeWithChromium, launchChromium } from '../support/chromium';
import { temporaryDirectory } from '../support/environments';
import { sharedArtifactsDirectory, stagingStackJson } from '../support/staging-stack';
import { FIXTURE_DASHBOARD } from './fixture-dashboard';

const ROOT = path.resolve(__dirname, '../..');

interface Opened {
  readonly page: Page;
  readonly requests: string[];
  readonly errors: string[];
}

async function open(browser: Browser, file: string): Promise<Opened> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, errors };
}

interface MosaicTile {
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function mosaicTiles(dashboard: { mosaicLayout: { tiles: Array<Record<string, unknown>> } }): MosaicTile[] {
  return dashboard.mosaicLayout.tiles.map((tile) => ({
    title: String((tile.widget as { title: string }).title),
    x: Number(tile.xPos ?? 0),
    y: Number(tile.yPos ?? 0),
    width: Number(tile.width),
    height: Number(tile.height),
  }));
}

/** Each tile's box relative to its dashboard, as Chromium laid it out. */
async function tileBoxes(
  page: Page,
): Promise<Map<string, { left: number; top: number; width: number; height: number; boardWidth: number }>> {
  const boxes = await page.evaluate(() => {
    const board = document.querySelector('.dashboard')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.dashboard > [data-tile]')].map((element) => {
      const box = element.getBoundingClientRect();
      return {
        key: element.dataset.tile!,
        left: box.left - board.left,
        top: box.top - board.top,
        width: box.width,
        height: box.height,
        boardWidth: board.width,
      };
    });
  });
  return new Map(boxes.map(({ key, ...box }) => [key, box]));
}

describeWithChromium('vigil preview in Chromium', () => {
  const directory = temporaryDirectory('preview-browser');
  const out = path.join(directory, 'staging');
  const fixtureOut = path.join(directory, 'fixture');
  const stagingDocument = stagingStackJson();
  const staging = JSON.parse(
    (stagingDocument as { resource: { google_monitoring_dashboard: Record<string, { dashboard_json: string }> } })
      .resource.google_monitoring_dashboard.infrastructure_dashboard.dashboard_json,
  );
  let browser: Browser;
  let stagingPage: Opened;
  let fixturePage: Opened;
  let stdout = '';

  beforeAll(async () => {
    const artifacts = sharedArtifactsDirectory();
    const io = captureIo(ROOT);
    const code = await main(
      ['preview', 'staging', '--out', out, ...(artifacts ? ['--artifacts', artifacts] : ['--synth'])],
      io,
    );
    stdout = io.out.join('');
    expect({ code, stderr: io.err.join('') }).toEqual({ code: 0, stderr: '' });
    // The fixture dashboard, drawn through the same modules with the same outage data.
    const stack = stackModelFromJson(stagingDocument, 'staging');
    // The replay of the outage's exports (clock times, 40 clients at its end) for the fixture.
    const replay = 'alert-tests/staging/replay-redis-auth/redis-auth-outage.yaml';
    const data = scenarioPreviewData(path.join(ROOT, replay), replay, stack, 'staging');
    const rendered = await renderDashboard('fixture', FIXTURE_DASHBOARD, { data, stack });
    await writePreview([rendered], { title: 'fixture', lines: [] }, fixtureOut, fixtureOut);
    browser = await launchChromium();
    stagingPage = await open(browser, path.join(out, 'preview.html'));
    fixturePage = await open(browser, path.join(fixtureOut, 'preview.html'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  test('writes the page and one PNG per section of the dashboard', () => {
    const sections = staging.mosaicLayout.tiles.filter(
      (tile: { widget: Record<string, unknown> }) => tile.widget.sectionHeader,
    );
    const pngs = fs.readdirSync(out).filter((name) => name.endsWith('.png'));
    expect(pngs).toHaveLength(sections.length);
    for (const name of pngs) {
      const bytes = fs.readFileSync(path.join(out, name));
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBeLessThanOrEqual(1200); // IHDR width
    }
    expect(stdout).toContain('preview.html');
  });

  test('every tile stands where the mosaic says, scaled by page width over columns', async () => {
    for (const [opened, dashboard, hidden] of [
      [stagingPage, staging, []],
      [fixturePage, FIXTURE_DASHBOARD, ['Hidden logs']],
    ] as const) {
      const boxes = await tileBoxes(opened.page);
      const tiles = mosaicTiles(dashboard);
      expect(boxes.size).toBe(tiles.length);
      // A tile of a collapsed group is not displayed (no box) until the group opens.
      expect([...boxes].filter(([, box]) => box.width === 0).map(([key]) => key)).toEqual(hidden);
      const unit = [...boxes.values()][0].boardWidth / dashboard.mosaicLayout.columns;
      for (const tile of tiles.filter((one) => !(hidden as readonly string[]).includes(one.title))) {
        const box = boxes.get(tile.title);
        expect({
          tile: tile.title,
          box: box && {
            left: Math.round(box.left),
            top: Math.round(box.top),
            width: Math.round(box.width),
            height: Math.round(box.height),
          },
        }).toEqual({
          tile: tile.title,
          box: {
            left: Math.round(tile.x * unit),
            top: Math.round(tile.y * unit),
            width: Math.round(tile.width * unit),
            height: Math.round(tile.height * unit),
          },
        });
      }
    }
  });

  test('the page requests nothing but itself and logs no console error', () => {
    for (const opened of [stagingPage, fixturePage]) {
      expect(opened.requests).toEqual([opened.page.url()]);
      expect(opened.errors).toEqual([]);
    }
  });

  test('each chart with data has its time axis, its unit on the value axis and its threshold', async () => {
    const charts = await stagingPage.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-chart="true"]')].map((element) => ({
        title: element.dataset.tile!,
        texts: [...element.querySelectorAll('svg text')].map((text) => (text.textContent ?? '').trim()),
      })),
    );
    // The outage scenario's data reaches at least the Redis charts and their alert charts.
    expect(charts.map((chart) => chart.title)).toEqual(
      expect.arrayContaining(['Redis: connection errors per request', '[staging] Redis: connection failures > 1%']),
    );
    const widgets = new Map<string, Record<string, any>>(
      staging.mosaicLayout.tiles.map((tile: { widget: Record<string, any> }) => [tile.widget.title, tile.widget]),
    );
    for (const chart of charts) {
      // Clock times (a scenario or export with timestamps), or time since the start (the default
      // failure-mode scenario, written in minutes from its start).
      const times = chart.texts.filter((text) => /^\d{2}:\d{2}$|^0$|^\d+[dhm]( \d+[hm])?$/.test(text));
      expect({ chart: chart.title, timeTicks: times.length >= 2 }).toEqual({ chart: chart.title, timeTicks: true });
      const thresholds = widgets.get(chart.title)?.xyChart?.thresholds ?? [];
      for (const threshold of thresholds)
        expect({ chart: chart.title, threshold: chart.texts.some((text) => text.includes(threshold.label)) }).toEqual({
          chart: chart.title,
          threshold: true,
        });
    }
    const ratio = charts.find((chart) => chart.title === 'Redis: connection errors per request')!;
    // A ratio reads in percent on its axis, and its threshold as 1%, never 0.01.
    expect(ratio.texts.filter((text) => /^\d+%$/.test(text)).length).toBeGreaterThanOrEqual(2);
    expect(ratio.texts.join(' ')).toContain('1%');
    expect(ratio.texts.join(' ')).not.toContain('0.01');
  });

  test('scorecards, text, placeholders and a closed group show as the console shows them', async () => {
    const page = fixturePage.page;
    const text = async (title: string) => (await page.locator(`[data-tile="${title}"]`).innerText()).trim();
    expect(await text('Clients (gauge)')).toMatch(/^Clients \(gauge\)\s+40\s+0\s+100$/);
    expect(await text('Notes')).toContain('raw <b>text</b>');
    // The incidents simulate opened during the outage, listed with their times.
    expect(await text('Incidents')).toMatch(/Incident list: \d+ incidents in the window \(simulated\)/);
    expect(await text('Incidents')).toMatch(/\d\d:\d\d–\d\d:\d\d \[staging\] Redis: connection failures > 1%/);
    expect(await text('MQL chart')).toContain('MQL query is not simulated');
    // The closed group hides its logs panel; opening it shows the panel.
    expect(await page.locator('[data-tile="Hidden logs"]').isVisible()).toBe(false);
    expect(await page.locator('[data-tile="Clients, stacked bars"]').isVisible()).toBe(true);
    await page.locator('[data-tile="Closed group"] summary').click();
    expect(await page.locator('[data-tile="Hidden logs"]').isVisible()).toBe(true);
    const opened = (await tileBoxes(page)).get('Hidden logs')!;
    expect([opened.left, opened.top, opened.width, opened.height].map(Math.round)).toEqual([600, 600, 600, 300]);
    expect(
      await page.locator('[data-tile="Clients, stacked bars"] svg text', { hasText: 'too few clients' }).count(),
    ).toBeGreaterThan(0);
  });
});
