// Uptime checker regions and the checker locations each one stands for: USA has three checkers
// (Oregon, Iowa, Virginia), the other regions one each (Cloud Monitoring uptime-check docs).
const LOCATIONS_BY_REGION: Readonly<Record<string, readonly string[]>> = {
  USA: ['USA_OREGON', 'USA_IOWA', 'USA_VIRGINIA'],
  USA_OREGON: ['USA_OREGON'],
  USA_IOWA: ['USA_IOWA'],
  USA_VIRGINIA: ['USA_VIRGINIA'],
  EUROPE: ['EUROPE'],
  SOUTH_AMERICA: ['SOUTH_AMERICA'],
  ASIA_PACIFIC: ['ASIA_PACIFIC'],
};

/** The distinct checker locations a list of selected regions covers; an empty list means all of them. */
export function checkerLocations(regions: readonly string[]): string[] {
  const selected = regions.length === 0 ? Object.keys(LOCATIONS_BY_REGION) : regions;
  return [...new Set(selected.flatMap((region) => LOCATIONS_BY_REGION[region] ?? []))].sort();
}

export const MIN_CHECKER_LOCATIONS = 3;

/** The geography a checker location stands in: the three USA checkers are all "USA". */
export function geographyOf(location: string): string {
  return location.startsWith('USA_') ? 'USA' : location;
}

/** The selected region with the most checker locations, and that count (USA: 3). */
export function largestRegion(regions: readonly string[]): { region: string; locations: number } {
  const selected = regions.length === 0 ? Object.keys(LOCATIONS_BY_REGION) : regions;
  return selected
    .map((region) => ({ region, locations: (LOCATIONS_BY_REGION[region] ?? []).length }))
    .reduce((largest, one) => (one.locations > largest.locations ? one : largest), { region: '', locations: 0 });
}

/**
 * How many checker locations must fail before an uptime alert fires: the configured figure, or by
 * default one more than the largest selected region holds, so that the checkers of one region (a
 * network problem between Google's USA checkers and the service) cannot page alone. With
 * [USA, EUROPE, ASIA_PACIFIC] that is 4 of the 5 locations: a real outage fails all 5.
 */
export function failingLocationsThreshold(regions: readonly string[], configured: number | undefined): number {
  return configured ?? largestRegion(regions).locations + 1;
}

/** The region rule in a runbook's words: why one region's checkers do not page. */
export const REGION_RULE =
  "That is more locations than any one checker region holds (USA has 3), so one region's checkers, usually the network between them and the service, cannot page alone: check the uptime check's results per location before blaming the service.";
