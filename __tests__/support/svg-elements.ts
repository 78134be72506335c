// Reads a chart's SVG the way a test needs it: every element with its attributes, its classes and
// those of its ancestors (Vega names its groups: role-legend, role-axis-label, layer_2_marks), its
// text, and where it stands on the page (the sum of the translate() transforms above it and its own).
// Enough for Vega's output, which uses no other transforms; not a general SVG parser.

export interface SvgElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Classes of this element and of every ancestor. */
  readonly classes: readonly string[];
  /** Absolute offset of the element's own coordinate system. */
  readonly x: number;
  readonly y: number;
  text: string;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function translateOf(attributes: Record<string, string>): [number, number] {
  const match = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/.exec(attributes.transform ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

export function svgElements(svg: string): SvgElement[] {
  const elements: SvgElement[] = [];
  const stack: Array<{ x: number; y: number; classes: string[]; element: SvgElement }> = [];
  const tag = /<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (let match = tag.exec(svg); match; match = tag.exec(svg)) {
    const [, closing, name, attributeText, selfClosing, text] = match;
    if (text !== undefined) {
      if (stack.length > 0) stack[stack.length - 1].element.text += unescapeXml(text);
      continue;
    }
    if (closing) {
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText.matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[key] = unescapeXml(value);
    const parent = stack[stack.length - 1];
    const [dx, dy] = translateOf(attributes);
    // A nested <svg x y> places its content like a translate.
    const [sx, sy] = name === 'svg' ? [Number(attributes.x ?? 0), Number(attributes.y ?? 0)] : [0, 0];
    const x = (parent?.x ?? 0) + dx + sx;
    const y = (parent?.y ?? 0) + dy + sy;
    const classes = [...(parent?.classes ?? []), ...(attributes.class ?? '').split(/\s+/).filter(Boolean)];
    const element: SvgElement = { tag: name, attributes, classes, x, y, text: '' };
    elements.push(element);
    if (!selfClosing) stack.push({ x, y, classes, element });
  }
  return elements;
}

/** The texts (lines of a multi-line text: its tspans) of the elements within a group of class `className`. */
export function textsIn(elements: readonly SvgElement[], className: string): string[] {
  return elements
    .filter((element) => (element.tag === 'text' || element.tag === 'tspan') && element.classes.includes(className))
    .filter((element) => element.text !== '')
    .map((element) => element.text);
}

/** The text marks of the chart's layers (threshold and event labels), not the axes', legends' or title's. */
export function markTexts(elements: readonly SvgElement[]): SvgElement[] {
  return elements.filter(
    (element) =>
      element.tag === 'text' && element.classes.includes('role-mark') && element.classes.includes('mark-text'),
  );
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The box of a Vega rectangle path (`M x,y h w v h h -w Z`) drawn at the element's offset. */
export function rectangleBox(element: SvgElement): Box {
  const match = /^M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v([-\d.e]+)h/.exec(element.attributes.d ?? '');
  if (!match) throw new Error(`not a rectangle path: ${element.attributes.d}`);
  const [left, top, width, height] = match.slice(1).map(Number);
  const x = element.x + left;
  const y = element.y + top;
  return {
    left: Math.min(x, x + width),
    top: Math.min(y, y + height),
    right: Math.max(x, x + width),
    bottom: Math.max(y, y + height),
  };
}

/** The plot's frame: the background rectangle of Vega's root group. */
export function plotBox(elements: readonly SvgElement[]): Box {
  const frame = elements.find(
    (element) => element.tag === 'path' && element.classes.includes('background') && element.classes.includes('root'),
  );
  if (!frame) throw new Error('no plot frame in the SVG');
  return rectangleBox(frame);
}

/** Each legend's box: the background rectangle of each role-legend group. */
export function legendBoxes(elements: readonly SvgElement[]): Box[] {
  return elements
    .filter(
      (element, index) =>
        element.tag === 'path' &&
        element.attributes.class === 'background' &&
        element.classes.includes('role-legend') &&
        !element.classes.includes('role-legend-entry') &&
        // The legend's own background, not a background of a group within it.
        elements[index - 1]?.tag === 'g' &&
        elements[index - 2]?.classes.at(-1) === 'role-legend',
    )
    .map(rectangleBox);
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
