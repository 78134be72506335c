// `vigil simulate --plot` on the Redis outage of staging (alert-tests/staging/redis.yaml, a deploy
// without the Redis password): the picture of the test, read back from its SVG.
import * as path from 'path';
import { plotTest } from '../../src/tools/simulate/plot';
import { stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { runScenarioFile } from '../../src/tools/simulate/run-scenarios';
import { REPO_ROOT } from '../support/environments';
import { stagingStackJson } from '../support/staging-stack';
import { legendBoxes, markTexts, overlaps, plotBox, svgElements, textsIn } from '../support/svg-elements';

const POLICY = '[staging] Redis: connection failures > 1%';
let charts: string[];

beforeAll(async () => {
  const staging = stackModelFromJson(stagingStackJson(), 'staging (synthesized)');
  const results = runScenarioFile(path.join(REPO_ROOT, 'alert-tests', 'staging', 'redis.yaml'), {
    resolveEnvironment: () => staging,
    recordValues: true,
  });
  const outage = results.find((result) => result.name.startsWith('deploy without the Redis password'))!;
  const svg = await plotTest(outage, new Set(outage.expectations.map((expectation) => expectation.policy)));
  // One document per chart, nested one under the other.
  charts = svg.split(/(?=<svg x="0" y="\d+")/).slice(1);
});

test('the input chart, then a chart per threshold condition of the policy that fires', () => {
  expect(charts).toHaveLength(3);
  expect(textsIn(svgElements(charts[0]), 'role-title-text').join(' ')).toMatch(/: input series$/);
  for (const chart of charts.slice(1))
    expect(textsIn(svgElements(chart), 'role-title-text').join(' ')).toMatch(/^\[staging\] Redis: connection failures/);
});

test('the Redis ratio threshold reads 1%, labelled with its policy; never 0.01', () => {
  const ratio = svgElements(charts[1]);
  expect(markTexts(ratio).map((element) => element.text)).toContain(`${POLICY}: threshold 1%`);
  expect(textsIn(ratio, 'role-axis-label')).toEqual(expect.arrayContaining(['0%', '50%', '100%']));
  for (const chart of charts) expect(chart).not.toMatch(/>[^<]*\b0\.01\b[^<]*</);
});

test('time reads from the scenario start on round steps; the incident start is marked', () => {
  for (const chart of charts) {
    const elements = svgElements(chart);
    const times = textsIn(elements, 'role-axis-label').filter((label) => /^\d+[hm]|^0$/.test(label));
    expect(times.slice(0, 3)).toEqual(['0', '30m', '1h']);
    for (const time of times) expect(time).toMatch(/^(0|\d+h( 30m)?|30m)$/);
    expect(markTexts(elements).map((element) => element.text)).toContain('incident start t=30m');
  }
});

test('legends stand above their plots, and the plots line up one under the other', () => {
  const lefts = charts.map((chart) => {
    const elements = svgElements(chart);
    const plot = plotBox(elements);
    for (const legend of legendBoxes(elements)) expect(overlaps(legend, plot)).toBe(false);
    return plot.left;
  });
  expect(new Set(lefts).size).toBe(1);
});
