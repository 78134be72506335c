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
