// Alert severities, most urgent first. Apart from the schema so that the constructs can use them
// without loading zod.
export const SEVERITIES = ['critical', 'error', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];
