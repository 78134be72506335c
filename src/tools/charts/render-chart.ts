// The one entry point that draws a chart spec as SVG: Vega-Lite compiled to a Vega specification,
// drawn by Vega's headless view (renderer 'none', View.toSVG). Both libraries are required here, on
// the first chart, so that commands drawing nothing (synth, lint, …) never load them (~100 ms).
// No canvas and no loader: text is measured with DejaVu Sans's widths from a table (the same bytes on
// every machine, whatever fonts or native canvas are installed), and the data is inline, so nothing
// is fetched.
import type * as VegaModule from 'vega';
import type * as VegaLiteModule from 'vega-lite';
import type { TimeSeriesChartSpec } from './chart-spec';
import { textWidth } from './text-width';
import { vegaLiteChart } from './vega-lite-chart';

interface Libraries {
  readonly vega: typeof VegaModule;
  readonly vegaLite: typeof VegaLiteModule;
}

let libraries: Libraries | undefined;

interface TextItem {
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
  readonly limit?: number;
}

/**
 * Vega's text measure, replaced (as its API allows: vl-convert does the same) by DejaVu Sans's widths:
 * without a canvas Vega would estimate 0.8 em a character, wider than any real font, and lay out room
 * for text that is not there. A text with a limit is drawn cut to it, so it is at most that wide.
 */
function measureText(item: TextItem, text: unknown): number {
  const line = text == null ? '' : String(text).trim();
  const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
  const width = textWidth(line, item.fontSize ?? 11, bold);
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

/** Vega and Vega-Lite, loaded once, with text measured by the font's widths rather than a canvas. */
function chartLibraries(): Libraries {
  if (!libraries) {
    const vega = require('vega') as typeof VegaModule;
    // textMetrics is exported at run time but missing from vega's typings.
    (vega as unknown as { textMetrics: { width: typeof measureText } }).textMetrics.width = measureText;
    libraries = { vega, vegaLite: require('vega-lite') as typeof VegaLiteModule };
  }
  return libraries;
}

/** Vega-Lite's warnings concern our own spec (tests catch them); a user should never see them. */
const quiet = {
  level: () => quiet,
  error: (...messages: unknown[]) => {
    throw new Error(messages.map(String).join(' '));
  },
  warn: () => quiet,
  info: () => quiet,
  debug: () => quiet,
};

/** A loader that loads nothing: a chart's data is inline, and no picture reaches the network. */
function refusingLoader(vega: typeof VegaModule) {
  const refuse = (uri: string) => Promise.reject(new Error(`charts load nothing, not even ${uri}`));
  return { ...vega.loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

/** The Vega specification of a chart, compiled from its Vega-Lite form. */
function compileChart(spec: TimeSeriesChartSpec): VegaModule.Spec {
  const { vegaLite } = chartLibraries();
  return vegaLite.compile(vegaLiteChart(spec), { logger: quiet as never }).spec;
}

export async function renderChartSvg(spec: TimeSeriesChartSpec): Promise<string> {
  const { vega } = chartLibraries();
  const view = new vega.View(vega.parse(compileChart(spec)), {
    renderer: 'none',
    logLevel: vega.None,
    loader: refusingLoader(vega) as never,
  });
  try {
    return `${await view.toSVG()}\n`;
  } finally {
    view.finalize();
  }
}
