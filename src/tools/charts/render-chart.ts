// The one entry point that draws a chart spec as SVG. Asynchronous because a charting library may
// render asynchronously (issue 26 moves this onto one); callers await it.
import { renderTimeSeriesChartSvg } from '../backtest/chart-svg';
import type { TimeSeriesChartSpec } from './chart-spec';

export async function renderChartSvg(spec: TimeSeriesChartSpec): Promise<string> {
  return renderTimeSeriesChartSvg(spec);
}
