// A changed dashboard as two previews, before and after (PNG, for the PR comment's workflow to
// attach): the sections holding a changed tile, drawn with data by `vigil preview`'s modules, the
// changed tiles outlined in the colour of what happened to them. The review decides which files
// there will be (its Markdown names them); drawing is asynchronous, so the CLI draws them after.
import * as path from 'path';
import { svgToPng } from '../charts/svg-to-png';
import { embedSvg } from '../preview/embed-svg';
import { escapeMarkup } from '../preview/markup';
import { previewLayout } from '../preview/preview-layout';
import type { PreviewData } from '../preview/preview-data';
import { renderDashboard } from '../preview/render-dashboard';
import { type Outline, sectionSvg } from '../preview/section-svg';
import type { StackModel } from '../simulate/policy-model';
import { writeOutputFile } from '../../util/output-file';
import type { TileChange } from './model';

export interface PreviewSide {
  readonly dashboard: Record<string, unknown>;
  readonly file: string;
  /** The file as the review names it (under --svg-dir as the person wrote it). */
  readonly shown: string;
}

export interface DashboardPreviewRequest {
  /** The stack's name (`monitoring-staging`). */
  readonly stack: string;
  readonly id: string;
  readonly before?: PreviewSide;
  readonly after?: PreviewSide;
  readonly changes: readonly TileChange[];
}

export const OUTLINES: Readonly<Record<TileChange['kind'], Outline>> = {
  added: { colour: '#1a7f37', label: 'added' },
  removed: { colour: '#cf222e', label: 'removed' },
  changed: { colour: '#bf8700', label: 'changed' },
  moved: { colour: '#0969da', label: 'moved' },
};

/** The outlined tiles of each side, by tile key: removed on the left, added on the right, the rest on both. */
export function changedTiles(changes: readonly TileChange[]): {
  before: Map<string, Outline>;
  after: Map<string, Outline>;
} {
  const before = new Map<string, Outline>();
  const after = new Map<string, Outline>();
  for (const change of changes) {
    if (change.kind === 'removed') before.set(change.title, OUTLINES.removed);
    else if (change.kind === 'added') after.set(change.title, OUTLINES.added);
    else {
      after.set(change.title, OUTLINES[change.kind]);
      // A retitled tile is known under its old title on the left.
      const retitled = /^title "(.*)" → "/.exec(change.details[0] ?? '');
      before.set(retitled ? retitled[1] : change.title, OUTLINES[change.kind]);
    }
  }
  return { before, after };
}

/** Whether a side gets a picture: it exists, and (for a dashboard on both sides) a tile on it changed. */
export function sideHasPicture(
  dashboard: Record<string, unknown>,
  outlined: ReadonlyMap<string, Outline>,
  whole: boolean,
): boolean {
  return whole || previewLayout(dashboard).tiles.some((tile) => outlined.has(tile.tile.key));
}

const HEADING = 40;
const GAP = 12;

/** One side's picture as SVG: its heading, a legend of the outlines, the sections to look at. */
export async function sidePreviewSvg(
  dashboard: Record<string, unknown>,
  label: string,
  outlined: ReadonlyMap<string, Outline>,
  whole: boolean,
  source: SideSource,
): Promise<string> {
  const rendered = await renderDashboard('', dashboard, source);
  // Only the sections a reader must look at: those holding an outlined tile (all, for a whole dashboard).
  const sections = rendered.layout.sections.filter(
    (section) => whole || section.tiles.some((tile) => outlined.has(tile.tile.key)),
  );
  const width = rendered.layout.width;
  const parts: string[] = [];
  let top = HEADING;
  for (const section of sections) {
    const height = Math.ceil(section.bottom - section.top);
    parts.push(embedSvg(sectionSvg(rendered, section, outlined), { x: 0, y: top, width, height }));
    top += height + GAP;
  }
  const legend = Object.values(OUTLINES)
    .map(
      (one, index) =>
        `<rect x="${width - 420 + index * 105}" y="12" width="14" height="14" fill="none" stroke="${one.colour}" stroke-width="3"/><text x="${width - 400 + index * 105}" y="24" font-size="12">${one.label}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top}" viewBox="0 0 ${width} ${top}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${width}" height="${top}" fill="#ffffff"/>`,
    `<text x="8" y="26" font-size="18" font-weight="bold">${escapeMarkup(`${label}: ${rendered.layout.displayName}`)}</text>`,
    legend,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** A side's stack (its alert policies and SLOs feed the alert and SLO charts) and the data drawn on it. */
export interface SideSource {
  readonly stack: StackModel;
  readonly data: PreviewData;
}

/** Draws every requested preview; `sourceOf` gives each side's stack and data (the outage scenario, or none). */
export async function writeDashboardPreviews(
  requests: readonly DashboardPreviewRequest[],
  sourceOf: (stackName: string, side: 'before' | 'after') => SideSource,
): Promise<void> {
  for (const request of requests) {
    const outlines = changedTiles(request.changes);
    const whole = !request.before || !request.after;
    for (const [side, label, outlined] of [
      [request.before, 'before', outlines.before],
      [request.after, 'after', outlines.after],
    ] as const) {
      if (!side) continue;
      const svg = await sidePreviewSvg(side.dashboard, label, outlined, whole, sourceOf(request.stack, label));
      writeOutputFile(side.file, await svgToPng(svg, { width: 1200 }), side.shown);
    }
  }
}

/** `<stack>--<dashboard id>--before.png`: names a path cannot misread. */
export function previewFileName(stack: string, id: string, side: 'before' | 'after'): string {
  const safe = (name: string) => name.replace(/[^A-Za-z0-9_.-]/g, '_');
  return path.basename(`${safe(stack)}--${safe(id)}--${side}.png`);
}
