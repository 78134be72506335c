// A filter the Monitoring API would reject as malformed. `position` is the 0-based character offset
// of the offending token; the message says what was found there and what was expected.
export class FilterSyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly found: string,
    readonly expected: string,
  ) {
    super(`at position ${position}: expected ${expected}, found ${found}`);
    this.name = 'FilterSyntaxError';
  }
}
