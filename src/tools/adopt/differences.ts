// The differences of each adoptable live resource from the stack resource it matches, in review's
// words (review/adopted-differences.ts), for adopt's report.
import { adoptedDifferences } from '../review/adopted-differences';
import type { TerraformJson } from '../review/artifacts';
import { stackSide } from '../review/stack-side';
import type { Classification } from './classify';
import { liveRecord } from './live-record';

export function withDifferences(result: Classification, document: TerraformJson): Classification {
  const side = stackSide(document);
  const adoptions = new Map(
    result.live
      .filter((one) => one.group === 'adoptable' && one.stack)
      .map((one) => [one.live.name, one.stack!.address]),
  );
  const live = result.live.map((one) => one.live);
  return {
    ...result,
    live: result.live.map((one) => {
      const stack = one.group === 'adoptable' && one.stack ? side.resources.get(one.stack.address) : undefined;
      if (!stack) return one;
      return { ...one, differences: adoptedDifferences(liveRecord(one.live, stack, live, adoptions), stack, side) };
    }),
  };
}
