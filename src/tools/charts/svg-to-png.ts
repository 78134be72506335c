// SVG to PNG for pictures that must show where SVG does not (a PR comment's image, a chat message).
// resvg is a native module loaded only here, on first use, so commands that draw nothing never load it.
import type { Resvg as ResvgClass } from '@resvg/resvg-js';

let resvg: typeof ResvgClass | undefined;

/** The PNG of an SVG document, `width` pixels wide (the SVG's own width when not given). */
export function svgToPng(svg: string, options: { readonly width?: number } = {}): Buffer {
  resvg ??= (require('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
  const renderer = new resvg(svg, {
    fitTo: options.width ? { mode: 'width', value: options.width } : { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return renderer.render().asPng();
}
