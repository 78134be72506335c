// What the targets start from: a scratch directory, the synthesized staging stack, and Google's
// published alert policies and dashboards (../shared/corpus) as REST samples when they are there.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FuzzWorkspace } from './targets';

function jsonFilesBelow(directory: string, limit: number): string[] {
  const found: string[] = [];
  const pending = [directory];
  while (pending.length > 0 && found.length < limit) {
    const current = pending.pop() as string;
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.name.endsWith('.json') && found.length < limit) found.push(full);
    }
  }
  return found;
}

export function fuzzWorkspace(repositoryRoot: string, stagingArtifact: string): FuzzWorkspace {
  const corpus = process.env.VIGIL_CORPUS_DIR ?? path.resolve(repositoryRoot, '..', 'shared', 'corpus');
  return {
    directory: fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-fuzz-')),
    repositoryRoot,
    stagingArtifact,
    restSamples: jsonFilesBelow(corpus, 60).map((file) => fs.readFileSync(file, 'utf8')),
  };
}
