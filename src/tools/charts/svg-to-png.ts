// SVG to PNG for pictures that must show where SVG does not (a PR comment's image, a chat message).
// resvg is a native module loaded only here, on first use, so commands that draw nothing never load it.
// It renders off the main thread (renderAsync, libuv's pool): a preview's section pictures are drawn
// side by side on every core, 0.7 s instead of 1.2 s for seven on two cores.
import type * as ResvgModule from '@resvg/resvg-js';

let resvg: typeof ResvgModule | undefined;

/** The PNG of an SVG document, `width` pixels wide (the SVG's own width when not given). */
export async function svgToPng(svg: string, options: { readonly width?: number } = {}): Promise<Buffer> {
  resvg ??= require('@resvg/resvg-js') as typeof ResvgModule;
  const rendered = await resvg.renderAsync(svg, {
    fitTo: options.width ? { mode: 'width', value: options.width } : { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return rendered.asPng();
}
