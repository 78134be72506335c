// vigil review: what a pull request changes in production monitoring, in words.
export { ArtifactError, loadArtifacts, parseArtifact } from './artifacts';
export type { StackArtifact, TerraformJson } from './artifacts';
export type { LintFunction } from './lint-findings';
export { GITHUB_COMMENT_LIMIT, renderMarkdown } from './markdown';
export type { MarkdownOptions } from './markdown';
export { hasChanges } from './model';
export type { LintFinding, ResourceChange, ReviewResult, Risk, StackReview, TileChange } from './model';
export { review } from './review';
export type { ReviewOptions } from './review';
export { maskJson, maskSecrets } from './secrets';
