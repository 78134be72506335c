// The PR workflow's contract with the tool: it parses, runs the review on the PR's base commit,
// puts the full review in the job summary and keeps one comment per PR (found by its marker).
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

const FILE = path.join(__dirname, '..', '..', '.github', 'workflows', 'review.yml');
const workflow = parse(fs.readFileSync(FILE, 'utf8'));
const steps: { name?: string; run?: string; uses?: string; with?: { script?: string } }[] = workflow.jobs.review.steps;
const script = (name: string) => steps.find((step) => step.name?.startsWith(name));

describe('.github/workflows/review.yml', () => {
  test('installs, tests and builds before reviewing', () => {
    const order = ['Install', 'Test', 'Build', 'Synthesize base and head, review', 'Comment on the pull request'].map(
      (name) => steps.indexOf(script(name)!),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('reviews the PR base commit into the comment file and the job summary', () => {
    const run = script('Synthesize base and head, review')!.run!;
    expect(workflow.jobs.review.env.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    expect(run).toContain('node dist/scripts/review-ref.js --base-ref "$BASE_SHA" --synth-dir "$SYNTH_DIR"');
    expect(run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(run).toContain("echo '<!-- vigil-review -->'");
  });

  test('updates its own comment instead of adding one per push', () => {
    const comment = script('Comment on the pull request')!.with!.script!;
    expect(comment).toContain("const marker = '<!-- vigil-review -->'");
    expect(comment).toContain('updateComment');
    expect(comment.indexOf('updateComment')).toBeLessThan(comment.indexOf('createComment'));
  });
});
