// A chart's SVG inside a page or a section picture: sized to its box (scaled through a viewBox,
// never clipped), and its ids scoped, since every chart of a page shares one document.
import { embedSvg, scopeIds } from '../../src/tools/preview/embed-svg';

const CHART =
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><defs><clipPath id="clip1"><rect width="10" height="10"/></clipPath></defs>' +
  '<g clip-path="url(#clip1)"><use href="#clip1"/><path fill="url(#other)"/></g></svg>';

describe('embedSvg', () => {
  test('sizes and places the root, keeping the drawing scalable through a viewBox of its own size', () => {
    const placed = embedSvg(CHART, { x: 10, y: 20, width: 200, height: 100 });
    expect(placed.startsWith('<svg x="10" y="20" width="200" height="100" viewBox="0 0 400 200" xmlns=')).toBe(true);
    expect(placed).not.toContain('<?xml');
  });

  test('two charts with the same clip id keep apart: ids and the references to them are prefixed', () => {
    const one = scopeIds(CHART, 'a-');
    const two = scopeIds(CHART, 'b-');
    expect(one).toContain('id="a-clip1"');
    expect(one).toContain('clip-path="url(#a-clip1)"');
    expect(one).toContain('href="#a-clip1"');
    expect(two).toContain('clip-path="url(#b-clip1)"');
    // A reference to an id the document does not define is left as it was.
    expect(one).toContain('fill="url(#other)"');
    expect(embedSvg(CHART, { width: 1, height: 1 }, 'c-')).toContain('url(#c-clip1)');
  });
});
