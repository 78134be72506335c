// A tile vigil does not draw with data (an incident list, a logs panel, a chart with no data in the
// window): a labelled box, so the layout stays whole and the reader sees what would stand there.
import { charactersIn, svgTextLines, wrapText } from './markup';

/** `detail` is a sentence (wrapped) or a list (a line each, cut to the width); lines past the box's height are left out. */
export function placeholderSvg(
  width: number,
  height: number,
  label: string,
  detail?: string | readonly string[],
): string {
  const fontSize = 12;
  const room = charactersIn(width - 24, fontSize);
  const detailRoom = charactersIn(width - 24, 11);
  const maxDetail = Math.max(1, Math.floor(height / 16) - 3);
  const detailLines =
    detail === undefined
      ? []
      : typeof detail === 'string'
        ? wrapText(detail, detailRoom, maxDetail)
        : [
            ...detail
              .slice(0, detail.length > maxDetail ? maxDetail - 1 : maxDetail)
              .map((line) => wrapText(line, detailRoom, 1)[0] ?? ''),
            ...(detail.length > maxDetail ? [`… ${detail.length - maxDetail + 1} more`] : []),
          ];
  const lines = [...wrapText(label, room, 2), ...detailLines];
  const top = Math.max(16, height / 2 - (lines.length * 15) / 2 + 10);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect x="4" y="4" width="${Math.max(0, width - 8)}" height="${Math.max(0, height - 8)}" rx="4" fill="#f8f9fa" stroke="#bdc1c6" stroke-dasharray="4 3"/>`,
    svgTextLines(lines, 12, top, { fontSize, lineHeight: 15, fill: '#5f6368' }),
    '</svg>',
  ].join('');
}
