// Google's published alert policies and dashboards, laid beside the repository as ../shared/corpus
// (where .ci/run finds them). A checkout without it — a GitHub Actions run of the review or drift
// workflow — skips the tests that read it, visibly; .ci/run sets VIGIL_REQUIRE_CORPUS=1 so that
// the project's own CI fails instead of skipping.
import * as fs from 'fs';
import * as path from 'path';

export const CORPUS_DIR = process.env.VIGIL_CORPUS_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

const available = fs.existsSync(CORPUS_DIR) || process.env.VIGIL_REQUIRE_CORPUS === '1';

/** `describe` when the corpus is there (or required), a skipped describe otherwise. */
export const describeWithCorpus: jest.Describe = available ? describe : describe.skip;
