// Measures the charting module (src/tools/charts): what loading Vega and Vega-Lite costs the first
// chart of a process, and what drawing a chart of 10,000 points costs once they are loaded.
//
// Load: RUNS fresh processes each time `require('vega')` and `require('vega-lite')`; the baseline,
// interleaved in the same run, is a fresh process loading `yaml` and `zod`, which every vigil command
// loads anyway. Render: in this process, after one warm-up chart, RUNS renders of a 10,000-point chart
// (two series of 5,000 one-minute points, a threshold, an incident); the baseline is the same chart
// with 100 points, so the ratio is what the points cost on top of compiling and laying out a chart
// (small: points are binned to pixel columns before Vega sees them). Then the SVG to PNG (resvg).
// Run: npm run bench:charts (RUNS=7 by default).
import { spawnSync } from 'child_process';
import type { TimeSeriesChartSpec } from '../src/tools/charts/chart-spec';
import { renderChartSvg } from '../src/tools/charts/render-chart';
import { svgToPng } from '../src/tools/charts/svg-to-png';

const RUNS = Number(process.env.RUNS ?? 7);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds a fresh Node process takes to require `modules`, measured inside it. */
function loadMilliseconds(modules: readonly string[]): number {
  const script = `const t=process.hrtime.bigint();for(const m of ${JSON.stringify(modules)})require(m);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: __dirname });
  if (result.status !== 0) throw new Error(`the measured process failed: ${result.stderr}`);
  return Number(result.stdout);
}

function chart(points: number): TimeSeriesChartSpec {
  const start = Date.UTC(2026, 10, 1) / 1000;
  const series = (name: string, phase: number) => ({
    name,
    points: Array.from({ length: points / 2 }, (_, minute) => ({
      t: start + minute * 60 * (10_000 / points),
      v: 0.005 + 0.004 * Math.sin(minute / 40 + phase) + (minute % 997 === 0 ? 0.02 : 0),
    })),
  });
  return {
    title: '[staging] Redis: connection failures > 1%',
    unit: 'ratio',
    series: [series('netra-backend-staging', 0), series('netra-auth-service', 1)],
    thresholds: [{ value: 0.01, label: '[staging] Redis: connection failures > 1%: threshold' }],
    incidents: [{ start: start + 86_400, end: start + 90_000 }],
  };
}

async function renderMilliseconds(spec: TimeSeriesChartSpec): Promise<{ milliseconds: number; svg: string }> {
  const started = process.hrtime.bigint();
  const svg = await renderChartSvg(spec);
  return { milliseconds: Number(process.hrtime.bigint() - started) / 1e6, svg };
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${RUNS} runs each`);
  const load: number[] = [];
  const loadBaseline: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    load.push(loadMilliseconds(['vega', 'vega-lite']));
    loadBaseline.push(loadMilliseconds(['yaml', 'zod']));
  }
  const big = chart(10_000);
  const small = chart(100);
  await renderChartSvg(small); // loads the libraries and warms the compiler
  const render: number[] = [];
  const renderBaseline: number[] = [];
  const png: number[] = [];
  let svg = '';
  for (let run = 0; run < RUNS; run++) {
    const measured = await renderMilliseconds(big);
    render.push(measured.milliseconds);
    svg = measured.svg;
    renderBaseline.push((await renderMilliseconds(small)).milliseconds);
    const started = process.hrtime.bigint();
    svgToPng(svg);
    png.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const line = (label: string, values: number[], baseline: number[], baselineLabel: string) =>
    console.log(
      `${label}: median ${median(values).toFixed(1)} ms; baseline (${baselineLabel}) ${median(baseline).toFixed(1)} ms; ratio ${(median(values) / median(baseline)).toFixed(2)}x`,
    );
  line('load vega + vega-lite in a fresh process', load, loadBaseline, 'yaml + zod, loaded by every command');
  line('render a chart of 10,000 points to SVG', render, renderBaseline, 'the same chart of 100 points');
  console.log(`the 10,000-point chart's SVG: ${(svg.length / 1024).toFixed(1)} KiB`);
  console.log(`its PNG through resvg (900 px wide): median ${median(png).toFixed(1)} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
