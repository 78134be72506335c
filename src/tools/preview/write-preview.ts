// Writes a preview: the page (preview.html) and one PNG per section of each dashboard into the
// output directory. Only files this command wrote are ever replaced or removed: the names it wrote
// last time are kept in .vigil-preview.json, and a section that no longer exists loses its PNG;
// anything else in the directory is left alone.
import * as fs from 'fs';
import * as path from 'path';
import { svgToPng } from '../charts/svg-to-png';
import { withFileErrors } from '../../errors/file-error';
import { ensureOutputDirectory, writeOutputFile } from '../../util/output-file';
import { readRegularTextFile } from '../../util/read-regular-file';
import { dashboardHtml, type PageHeading, previewPage } from './preview-page';
import type { RenderedDashboard } from './render-dashboard';
import { sectionSvg } from './section-svg';

export const PAGE_FILE = 'preview.html';
const MANIFEST = '.vigil-preview.json';

export interface WrittenPreview {
  /** Paths as the person named the directory. */
  readonly page: string;
  readonly pictures: readonly string[];
}

/** A file name from a title: lower case, dashes, nothing a path could take for a separator. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48)
      .replace(/-$/, '') || 'section'
  );
}

function previouslyWritten(directory: string): string[] {
  const file = path.join(directory, MANIFEST);
  if (!fs.existsSync(file)) return [];
  try {
    const parsed: unknown = JSON.parse(readRegularTextFile(file, 1 << 20));
    const files = (parsed as { files?: unknown }).files;
    // Bare names only: a manifest edited to name ../something must not make vigil delete it.
    return Array.isArray(files)
      ? files.filter(
          (name): name is string =>
            typeof name === 'string' && name === path.basename(name) && name !== '' && !name.startsWith('.'),
        )
      : [];
  } catch {
    return [];
  }
}

export async function writePreview(
  dashboards: readonly RenderedDashboard[],
  heading: PageHeading,
  directory: string,
  shown: string,
): Promise<WrittenPreview> {
  ensureOutputDirectory(directory, shown);
  const before = previouslyWritten(directory);
  const written: string[] = [];
  const write = (name: string, content: string | Uint8Array) => {
    writeOutputFile(path.join(directory, name), content, path.join(shown, name));
    written.push(name);
  };
  write(
    PAGE_FILE,
    previewPage(
      heading,
      dashboards.map((dashboard) => dashboardHtml(dashboard)),
    ),
  );
  // Every section's picture is drawn at once (resvg renders off the main thread), then written in order.
  const pictures = dashboards.flatMap((dashboard) =>
    dashboard.layout.sections.map((section, index) => ({
      name: `${slug(dashboard.id)}--${String(index + 1).padStart(2, '0')}-${slug(section.title)}.png`,
      png: svgToPng(sectionSvg(dashboard, section), { width: Math.min(1200, dashboard.layout.width) }),
    })),
  );
  const pngs = await Promise.all(pictures.map((picture) => picture.png));
  pictures.forEach((picture, index) => write(picture.name, pngs[index]));
  for (const name of before)
    if (!written.includes(name))
      withFileErrors('remove', path.join(shown, name), () => fs.rmSync(path.join(directory, name), { force: true }));
  writeOutputFile(
    path.join(directory, MANIFEST),
    `${JSON.stringify({ files: written }, null, 2)}\n`,
    path.join(shown, MANIFEST),
  );
  return {
    page: path.join(shown, PAGE_FILE),
    pictures: written.filter((name) => name !== PAGE_FILE).map((name) => path.join(shown, name)),
  };
}
