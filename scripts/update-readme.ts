// `npm run docs`: regenerates the README's table of alerts from the synthesized staging stack,
// so the table says exactly what is deployed. A test fails when README.md is stale.
import * as fs from 'fs';
import * as path from 'path';
import { loadEnvironmentFile } from '../src/config/load-environment';
import { alertTableMarkdown } from '../src/tools/docs/alert-table';
import { replaceGeneratedSection } from '../src/tools/docs/readme-sections';
import { synthesizeStackJson } from '../stacks/synthesize';

const ROOT = path.resolve(__dirname, '..', '..');
const README = path.join(ROOT, 'README.md');

const staging = synthesizeStackJson(loadEnvironmentFile(path.join(ROOT, 'environments', 'staging.yaml')));
const updated = replaceGeneratedSection(fs.readFileSync(README, 'utf8'), 'alert-table', alertTableMarkdown(staging));
fs.writeFileSync(README, updated);
console.log('README.md: alert table regenerated from monitoring-staging');
