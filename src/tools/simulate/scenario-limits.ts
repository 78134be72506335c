// Limits on what a scenario file may ask the simulator to build, so that a typo or a hostile file
// (`1x150000000`, `repeat: 1000000000`, an interval of a year) gets a message naming the field
// instead of minutes of CPU or an out-of-memory abort.

/**
 * Samples per series: 100,000 is 69 days of one-minute samples or 28 hours of one-second ones,
 * far beyond what an alert window needs (the longest, an absence duration, is 23 h 30 min).
 */
export const MAX_SAMPLES_PER_SERIES = 100_000;

/**
 * The longest time a scenario may cover (any duration, and a series from its start to its last
 * sample): 30 days, 20 times the longest alert window, at 43,200 evaluation steps of 60 s.
 */
export const MAX_SCENARIO_SPAN_SECONDS = 30 * 86400;

export const count = (value: number) => value.toLocaleString('en-US');
