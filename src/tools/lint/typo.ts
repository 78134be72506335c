// "Did you mean" for names that may be legitimately unknown (proto fields newer than the published
// protos, metrics outside the catalog): only a near miss counts as a typo — at most 1 edit for
// short names, 2 from 8 characters, 3 from 16 (case differences count as half an edit).
import { editDistance } from '../../util/closest-name';

export function likelyTypo(name: string, known: Iterable<string>): string | undefined {
  const limit = name.length >= 16 ? 3 : name.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of known) {
    if (candidate === name) return undefined;
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = candidate.toLowerCase() === lower ? 0.5 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
