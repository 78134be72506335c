// A chart's SVG document placed inside another picture: the section's SVG (nested <svg> at a tile's
// position) or the HTML page (inline, sized to the tile). The root gets a viewBox from its own size
// when it has none, so it scales into the box instead of being clipped. Ids get the tile's prefix:
// every chart of a page lives in one document, and a charting library numbers its clip paths the
// same way in each chart (`clip1`), so `url(#clip1)` would otherwise clip every chart by the first.

const ROOT = /<svg\b[^>]*>/;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function withoutAttributes(tag: string, names: readonly string[]): string {
  return names.reduce((text, name) => text.replace(new RegExp(`\\s${name}="[^"]*"`), ''), tag);
}

/** Each id defined in the document, and every reference to it (url(#id), href="#id"), prefixed. */
export function scopeIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, start: string, id: string) => `${start}${prefix}${id}"`)
    .replace(/url\((['"]?)#([^)'"]+)\1\)/g, (whole, quote: string, id: string) =>
      ids.has(id) ? `url(${quote}#${prefix}${id}${quote})` : whole,
    )
    .replace(/(href=")#([^"]+)"/g, (whole, start: string, id: string) =>
      ids.has(id) ? `${start}#${prefix}${id}"` : whole,
    );
}

/** The document with its root sized (and placed, when x and y are given) as asked; ids scoped by `idPrefix`. */
export function embedSvg(
  svg: string,
  box: { readonly x?: number; readonly y?: number; readonly width: number; readonly height: number },
  idPrefix?: string,
): string {
  const scoped = idPrefix === undefined ? svg : scopeIds(svg, idPrefix);
  const body = scoped.replace(/<\?xml[^>]*\?>\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/i, '');
  const root = ROOT.exec(body);
  if (!root) throw new Error('a chart renderer returned no <svg> element');
  const tag = root[0];
  const viewBox =
    attribute(tag, 'viewBox') ??
    `0 0 ${Number.parseFloat(attribute(tag, 'width') ?? String(box.width))} ${Number.parseFloat(attribute(tag, 'height') ?? String(box.height))}`;
  const placed = [
    box.x !== undefined ? ` x="${box.x}"` : '',
    box.y !== undefined ? ` y="${box.y}"` : '',
    ` width="${box.width}" height="${box.height}" viewBox="${viewBox}"`,
  ].join('');
  const opened = withoutAttributes(tag, ['x', 'y', 'width', 'height', 'viewBox']).replace(/^<svg\b/, `<svg${placed}`);
  return body.slice(0, root.index) + opened + body.slice(root.index + tag.length);
}
