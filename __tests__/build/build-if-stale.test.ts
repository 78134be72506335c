// scripts/build-if-stale.js: dist/ follows the sources (changed, added, deleted, renamed), and a
// run with nothing changed compiles nothing.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const { ensureBuilt, BuildError } = require('../../scripts/build-if-stale.js');

const REPO = path.resolve(__dirname, '..', '..');
let root: string;

function write(relative: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  fs.writeFileSync(path.join(root, relative), content);
}

function output(relative: string): string {
  return path.join(root, 'dist', relative);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-build-'));
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  write('src/a.ts', 'export const a: number = 1;\n');
  write('src/nested/b.ts', "import { a } from '../a';\nexport const b = (): number => a + 1;\n");
  write('main.ts', "import { b } from './src/nested/b';\nexport const answer = b();\n");
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test('first build transpiles every source to runnable CommonJS under dist/', () => {
  expect(ensureBuilt(root)).toEqual({ compiled: 3, removed: 0 });
  expect(require(output('main.js')).answer).toBe(2);
});

test('nothing changed, or a non-TypeScript file changed: nothing is compiled', () => {
  ensureBuilt(root);
  write('environments/staging.yaml', 'name: staging\n');
  expect(ensureBuilt(root)).toEqual({ compiled: 0, removed: 0 });
});

test('a touched file with the same content is not compiled again', () => {
  ensureBuilt(root);
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(path.join(root, 'src/a.ts'), later, later);
  expect(ensureBuilt(root)).toEqual({ compiled: 0, removed: 0 });
});

test('a changed file is the only one compiled again, and its output is current', () => {
  ensureBuilt(root);
  write('src/a.ts', 'export const a: number = 41;\n');
  expect(ensureBuilt(root)).toEqual({ compiled: 1, removed: 0 });
  expect(fs.readFileSync(output('src/a.js'), 'utf8')).toContain('41');
});

test('a renamed source leaves no stale output behind', () => {
  ensureBuilt(root);
  fs.renameSync(path.join(root, 'src/nested/b.ts'), path.join(root, 'src/nested/c.ts'));
  expect(ensureBuilt(root)).toEqual({ compiled: 1, removed: 1 });
  expect(fs.existsSync(output('src/nested/b.js'))).toBe(false);
  expect(fs.existsSync(output('src/nested/c.js'))).toBe(true);
});

test('an output deleted by hand is rebuilt; files in dist/ it did not write are left alone', () => {
  ensureBuilt(root);
  fs.rmSync(output('src/a.js'));
  write('dist/notes.txt', 'mine\n');
  expect(ensureBuilt(root)).toEqual({ compiled: 1, removed: 0 });
  expect(fs.existsSync(output('src/a.js'))).toBe(true);
  expect(fs.readFileSync(output('notes.txt'), 'utf8')).toBe('mine\n');
});

test('a syntax error names the file, and the next run tries that file again', () => {
  ensureBuilt(root);
  write('src/a.ts', 'export const a = ;\n');
  expect(() => ensureBuilt(root)).toThrow(BuildError);
  let message = '';
  try {
    ensureBuilt(root);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toMatch(/^cannot compile src\/a\.ts:\n/);
  expect(message).toContain('export const a = ;');
  expect(message).not.toContain('backtrace');
  write('src/a.ts', 'export const a = 7;\n');
  expect(ensureBuilt(root)).toEqual({ compiled: 1, removed: 0 });
});

test('an output directory that cannot be written is a BuildError in words', () => {
  write('dist', 'a file where the directory should be\n');
  expect(() => ensureBuilt(root)).toThrow(
    /^cannot write .*dist.* \(E[A-Z]+\): the build output directory must be writable$/,
  );
});

test('--force compiles everything again', () => {
  ensureBuilt(root);
  expect(ensureBuilt(root, { force: true })).toEqual({ compiled: 3, removed: 0 });
});
