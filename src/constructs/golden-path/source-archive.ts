// The deployed function's source as one zip: golden-path/package.json, its package-lock.json and
// exactly the files its `files` array lists (never node_modules or tests), per the golden-path
// contract. The same sources always give the same bytes (src/util/deterministic-zip.ts), and the
// object name carries their hash, so a change redeploys and no change never churns a plan.
import { createHash } from 'node:crypto';
import { dirname, join, normalize } from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import type { Construct } from 'constructs';
import { FileError } from '../../errors/file-error';
import { VigilError } from '../../errors/vigil-error';
import { deterministicZip } from '../../util/deterministic-zip';

/** The folder of the function's sources at the repository root (owned by the monitor's package). */
/** golden-path/ beside the package, found upwards from here: from src/ (tests) or dist/src/ (the CLI). */
function sourceDirectory(): string {
  let directory = __dirname;
  while (!existsSync(join(directory, 'golden-path', 'package.json')) && dirname(directory) !== directory)
    directory = dirname(directory);
  return join(directory, 'golden-path');
}

export const GOLDEN_PATH_SOURCE_DIRECTORY = sourceDirectory();

export interface SourceArchive {
  readonly bytes: Buffer;
  /** sha256 of the zip, hex: part of the object name. */
  readonly sha256: string;
  readonly fileNames: readonly string[];
}

export interface StackSourceArchive extends SourceArchive {
  /** Path of the zip relative to the stack's directory, where Terraform runs. */
  readonly terraformPath: string;
}

function readSource(directory: string, name: string): Buffer {
  const file = join(directory, name);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new FileError('read the golden-path source', file, error);
  }
}

function listedFiles(directory: string, packageJson: Buffer): string[] {
  const where = join(directory, 'package.json');
  let manifest: unknown;
  try {
    manifest = JSON.parse(packageJson.toString('utf8'));
  } catch {
    throw new VigilError(`${where}: is not valid JSON`);
  }
  const files = (manifest as { files?: unknown }).files;
  if (!Array.isArray(files) || files.length === 0 || !files.every((file) => typeof file === 'string'))
    throw new VigilError(`${where}: files: expected the list of source files to deploy`);
  return files.map((file: string) => {
    const name = normalize(file).split('\\').join('/');
    if (name.startsWith('..') || name.startsWith('/') || name.includes('*') || name.startsWith('node_modules'))
      throw new VigilError(`${where}: files: expected plain file paths inside golden-path/, got ${file}`);
    return name;
  });
}

export function buildSourceArchive(directory: string = GOLDEN_PATH_SOURCE_DIRECTORY): SourceArchive {
  const packageJson = readSource(directory, 'package.json');
  const names = [...new Set(['package.json', 'package-lock.json', ...listedFiles(directory, packageJson)])];
  const entries = names.map((name) => ({
    name,
    content: name === 'package.json' ? packageJson : readSource(directory, name),
  }));
  const bytes = deterministicZip(entries);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), fileNames: [...names].sort() };
}

/**
 * Builds the archive and writes it next to the stack's cdk.tf.json when the stack is synthesized
 * (`assets/golden-path/<sha256>.zip`), where the bucket object's `source` finds it.
 */
export function addSourceArchive(scope: Construct, directory?: string): StackSourceArchive {
  const archive = buildSourceArchive(directory);
  const terraformPath = `assets/golden-path/${archive.sha256}.zip`;
  const stack = TerraformStack.of(scope);
  addCustomSynthesis(scope, {
    onSynthesize: (session) => {
      const stackDirectory = dirname(join(session.outdir, session.manifest.forStack(stack).synthesizedStackPath));
      const target = join(stackDirectory, terraformPath);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, archive.bytes);
    },
  });
  return { ...archive, terraformPath };
}
