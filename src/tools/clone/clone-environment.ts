// `vigil clone`: a new environment file from an existing one, in one command. In order: refuse an
// existing target, build the new document (plan-clone.ts), get every value that names
// infrastructure (from --set, a certain derivation or the person; without a terminal, fail listing
// them all), validate the exact text to be written and check it against the other environments,
// write it, then load it back, synthesize its stack in memory and search it for the source's
// identifiers. A leak removes the file again and fails, naming the identifier and its field.
import * as fs from 'fs';
import * as path from 'path';
import { withFileErrors } from '../../errors/file-error';
import { ConfigError } from '../../config/config-error';
import type { Environment } from '../../config/environment';
import { environmentCollisions } from '../../config/environment-collisions';
import { ENVIRONMENT_NAME, PROJECT_ID, REGION } from '../../config/identifiers';
import {
  environmentFiles,
  environmentNameOf,
  loadEnvironmentFile,
  parseYaml,
  readEnvironmentData,
  validateEnvironment,
} from '../../config/load-environment';
import { resolveExtends } from '../../config/resolve-extends';
import { closestName } from '../../util/closest-name';
import { CloneError } from './clone-error';
import { environmentYaml } from './environment-yaml';
import { CloneDraft, IdentifierChoice, MissingValue } from './plan-clone';
import { parseSetValue } from './set-values';
import { StackLeak, stackLeaks } from './stack-leaks';
import type { Ask } from './terminal-prompt';

export type SynthesizeStack = (environment: Environment) => Record<string, unknown>;

export interface CloneOptions {
  /** The directory of the environment files. */
  readonly environmentsDir: string;
  readonly source: string;
  readonly target: string;
  readonly project: string;
  readonly region?: string;
  /** `--set` arguments as given: `<path>=<value>`. */
  readonly sets: readonly string[];
}

export interface CloneDependencies {
  /** Present when a person can answer at a terminal. */
  readonly ask?: Ask;
  /** Progress and refusals of answers, for the person at the terminal. */
  readonly tell?: (text: string) => void;
  /** In-memory synthesis; defaults to stacks/synthesize.ts. */
  readonly synthesize?: SynthesizeStack;
}

export interface CloneResult {
  readonly file: string;
  readonly environment: Environment;
  readonly choices: readonly IdentifierChoice[];
  /** How many source identifiers the stack was searched for. */
  readonly searched: number;
}

// Tools never import cdktf; synthesis is reached through the stacks/ module, the one bridge
// allowed, and only when a clone gets that far, so that every earlier refusal stays fast.
function defaultSynthesize(environment: Environment): Record<string, unknown> {
  const stacks = require('../../../stacks/synthesize') as { synthesizeStackJson: SynthesizeStack };
  return stacks.synthesizeStackJson(environment);
}

function existingFile(directory: string, name: string): string | undefined {
  return ['.yaml', '.yml']
    .map((extension) => path.join(directory, `${name}${extension}`))
    .find((file) => fs.existsSync(file));
}

function checkArguments(options: CloneOptions): void {
  const problems: string[] = [];
  if (!ENVIRONMENT_NAME.pattern.test(options.target))
    problems.push(`new environment "${options.target}": expected ${ENVIRONMENT_NAME.expected}`);
  if (options.target === options.source)
    problems.push(`the new environment must have a name of its own, not "${options.source}"`);
  if (!PROJECT_ID.pattern.test(options.project))
    problems.push(`--project ${options.project}: expected ${PROJECT_ID.expected}`);
  if (options.region !== undefined && !REGION.pattern.test(options.region))
    problems.push(`--region ${options.region}: expected ${REGION.expected}`);
  if (problems.length > 0) throw new CloneError(problems.join('\n'), 2);
}

function sourceFileOf(options: CloneOptions): string {
  const file = existingFile(options.environmentsDir, options.source);
  if (file) return file;
  let known: string[] = [];
  try {
    known = environmentFiles(options.environmentsDir).map(environmentNameOf);
  } catch {
    // The directory itself is missing: the message below says where we looked.
  }
  const guess = closestName(options.source, known);
  const hint = guess
    ? `did you mean "${guess}"?`
    : known.length > 0
      ? `environments: ${known.join(', ')}`
      : 'no environment files there';
  throw new CloneError(
    `no environment "${options.source}" in ${options.environmentsDir} (expected ${options.source}.yaml); ${hint}`,
    2,
  );
}

function setFlag(missing: MissingValue): string {
  const example =
    missing.field.role === 'text'
      ? "'<text>'"
      : `<${missing.field.expected.replace(/^an? /, '').split(/: |, | such as /)[0]}>`;
  return `--set ${missing.path}=${example}`;
}

function describeMissing(missing: MissingValue, sourceName: string): string {
  const was = missing.names
    ? `${sourceName}'s text names ${missing.names.map((name) => `"${name}"`).join(', ')}`
    : `${sourceName}: "${missing.sourceValue}"`;
  const also = missing.alsoFills.length > 0 ? `; also sets ${missing.alsoFills.join(', ')}` : '';
  return `  ${setFlag(missing)}\n      (${was}; expected ${missing.names ? "this environment's own text" : missing.field.expected}${also})`;
}

function missingError(missing: readonly MissingValue[], options: CloneOptions): CloneError {
  const lines = [
    `${missing.length} value${missing.length === 1 ? '' : 's'} of ${options.source} name${missing.length === 1 ? 's' : ''} its infrastructure and cannot be derived for ${options.target}.`,
    'There is no terminal to ask at; give them with --set:',
    ...missing.map((entry) => describeMissing(entry, options.source)),
  ];
  return new CloneError(lines.join('\n'), 2);
}

async function askFor(
  missing: MissingValue,
  sourceName: string,
  ask: Ask,
  tell: (text: string) => void,
  apply: (answer: string) => string | undefined,
): Promise<void> {
  tell(
    missing.names
      ? `${missing.path}: ${sourceName}'s text names ${missing.names.join(', ')}: ${missing.sourceValue}\n`
      : `${missing.path}: ${sourceName} has "${missing.sourceValue}"${missing.alsoFills.length > 0 ? ` (also sets ${missing.alsoFills.join(', ')})` : ''}\n`,
  );
  for (;;) {
    const answer = await ask(
      `  ${missing.path} (${missing.names ? "this environment's own text" : missing.field.expected}): `,
    );
    if (answer === undefined)
      throw new CloneError(`input ended before ${missing.path} was given; nothing was written`, 1);
    const refusal = apply(answer.trim());
    if (refusal === undefined) return;
    tell(`  not taken: ${refusal}\n`);
  }
}

function otherEnvironments(directory: string, except: string): Environment[] {
  const environments: Environment[] = [];
  for (const file of environmentFiles(directory)) {
    if (path.resolve(file) === path.resolve(except)) continue;
    try {
      environments.push(loadEnvironmentFile(file));
    } catch (error) {
      // Another file's own problems are reported when it is loaded; they do not stop a clone.
      if (!(error instanceof ConfigError)) throw error;
    }
  }
  return environments;
}

function rerunCommand(options: CloneOptions, choices: readonly IdentifierChoice[]): string {
  const quote = (text: string) => (/^[A-Za-z0-9@%+=:,./_#-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
  const answered = choices
    .filter((choice) => choice.how === 'answered')
    .map((choice) => `--set ${quote(`${choice.path}=${choice.value}`)}`);
  const region = options.region ? [`--region ${options.region}`] : [];
  return [
    'vigil clone',
    options.source,
    options.target,
    `--project ${options.project}`,
    ...region,
    ...options.sets.map((set) => `--set ${quote(set)}`),
    ...answered,
  ].join(' ');
}

function leakError(
  leaks: readonly StackLeak[],
  options: CloneOptions,
  sourceFile: string,
  file: string,
  choices: readonly IdentifierChoice[],
): CloneError {
  const byTerm = new Map<string, StackLeak[]>();
  for (const leak of leaks) byTerm.set(leak.term, [...(byTerm.get(leak.term) ?? []), leak]);
  const lines = [
    `the stack of ${options.target} still names ${byTerm.size} identifier${byTerm.size === 1 ? '' : 's'} of ${options.source}; ${file} was removed again:`,
  ];
  for (const [term, found] of byTerm) {
    const where = found
      .slice(0, 3)
      .map((leak) => leak.at)
      .join(', ');
    const more = found.length > 3 ? ` and ${found.length - 3} more` : '';
    lines.push(`  "${term}" (${found[0].path} in ${sourceFile}) at ${where}${more}`);
  }
  lines.push(
    'Fix where the stack takes these from, then run again; your answers, as flags:',
    `  ${rerunCommand(options, choices)}`,
  );
  return new CloneError(lines.join('\n'), 1);
}

export async function cloneEnvironment(
  options: CloneOptions,
  dependencies: CloneDependencies = {},
): Promise<CloneResult> {
  checkArguments(options);
  const sets = options.sets.map(parseSetValue);
  const sourceFile = sourceFileOf(options);
  const existing = existingFile(options.environmentsDir, options.target);
  if (existing)
    throw new CloneError(
      `${existing} exists already; clone never overwrites an environment: choose another name or remove the file`,
      1,
    );
  const file = path.join(options.environmentsDir, `${options.target}.yaml`);

  // The source must be valid itself; its document is cloned with its inheritance resolved.
  loadEnvironmentFile(sourceFile);
  const sourceData = resolveExtends(readEnvironmentData(sourceFile), sourceFile, readEnvironmentData).data as Record<
    string,
    unknown
  >;
  const draft = new CloneDraft({
    sourceName: options.source,
    sourceData,
    targetName: options.target,
    project: options.project,
    region: options.region,
    sets,
  });
  const reuse = draft.givenReuseProblems();
  if (reuse.length > 0)
    throw new CloneError(reuse.map((problem) => `--set ${problem.path}: ${problem.message}`).join('\n'), 2);

  const tell = dependencies.tell ?? (() => undefined);
  if (draft.missing.length > 0) {
    if (!dependencies.ask) {
      // List text that would still name the source once every identifier is given, too.
      throw missingError([...draft.missing, ...draft.rewriteText()], options);
    }
    for (const missing of [...draft.missing]) {
      await askFor(missing, options.source, dependencies.ask, tell, (answer) => draft.answer(missing.path, answer));
    }
  }
  const textLeaks = draft.rewriteText();
  if (textLeaks.length > 0) {
    if (!dependencies.ask) throw missingError(textLeaks, options);
    for (const missing of textLeaks)
      await askFor(missing, options.source, dependencies.ask, tell, (answer) => draft.answerText(missing, answer));
  }

  const text = environmentYaml(draft.data, options.target, options.source, path.basename(sourceFile));
  const candidate = validateEnvironment(parseYaml(text, file), file, options.target);
  const collisions = environmentCollisions([...otherEnvironments(options.environmentsDir, file), candidate]).filter(
    (problem) => problem.file === file,
  );
  if (collisions.length > 0) throw new ConfigError(collisions);

  withFileErrors('write', file, () => fs.writeFileSync(file, text, { flag: 'wx' }));
  const environment = loadEnvironmentFile(file);
  const foreign = draft.foreignIdentifiers();
  let leaks: StackLeak[];
  try {
    leaks = stackLeaks((dependencies.synthesize ?? defaultSynthesize)(environment), foreign);
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  if (leaks.length > 0) {
    fs.rmSync(file, { force: true });
    throw leakError(leaks, options, sourceFile, file, draft.choices);
  }
  return { file, environment, choices: draft.choices, searched: new Set(foreign.map((entry) => entry.term)).size };
}
