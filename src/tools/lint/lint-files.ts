// The in-process API: lint files and directories, or an already-parsed Terraform document.
import * as fs from 'fs';
import { fileErrorReason, isFileSystemError } from '../../errors/file-error';
import { collectFiles } from './collect-files';
import { describeJsonSyntaxError } from './json-syntax';
import { sortFindings, type Finding } from './finding';
import { lintUnit } from './lint-unit';
import { readDocument } from './read/read-document';
import { readTerraform, isTerraformJson } from './read/read-terraform';
import { appendAll } from '../../util/append-all';

/** What a lint run over files found, and how many monitoring resources it actually checked. */
export interface LintRun {
  readonly findings: Finding[];
  /** Alert policies, uptime checks and dashboards read from the inputs; 0 means nothing was checked. */
  readonly resourcesChecked: number;
}

/**
 * Lints every JSON file under `paths`. Files found by walking a directory that are neither
 * Terraform JSON nor a REST export (cdktf's manifest.json, package files) are skipped; a file named
 * explicitly in that case gets an `input/unknown-format` warning. A file that cannot be read or is
 * not JSON is an `input/unreadable` error wherever it was found: a broken input must never pass as
 * "nothing to report". Throws MissingPathError for a path that does not exist.
 */
export async function lintInputs(paths: readonly string[]): Promise<LintRun> {
  const findings: Finding[] = [];
  let resourcesChecked = 0;
  const unreadable = (file: string, message: string): void => {
    findings.push({ ruleId: 'input/unreadable', severity: 'error', file, resource: '', path: '', message });
  };
  for (const file of collectFiles(paths)) {
    let text: string;
    try {
      text = await fs.promises.readFile(file.path, 'utf8');
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      unreadable(file.path, `cannot read the file: ${fileErrorReason(error)}`);
      continue;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      unreadable(file.path, describeJsonSyntaxError(text, error));
      continue;
    }
    const unit = readDocument(doc, file.path);
    if (!unit) {
      if (file.explicit) {
        findings.push({ ruleId: 'input/unknown-format', severity: 'warning', file: file.path, resource: '', path: '', message: 'neither Terraform JSON (a "resource" block) nor a REST export of AlertPolicy, UptimeCheckConfig or Dashboard objects; nothing was checked' });
      }
      continue;
    }
    resourcesChecked += unit.resources.length;
    appendAll(findings, lintUnit(unit));
  }
  return { findings: sortFindings(findings), resourcesChecked };
}

/** The findings of lintInputs alone (the in-process API the tests and benchmarks use). */
export async function lintFiles(paths: readonly string[]): Promise<Finding[]> {
  return (await lintInputs(paths)).findings;
}

/** Lints a synthesized Terraform JSON document in memory (what `npm run synth` calls after writing it). */
export function lintTerraformJson(doc: unknown, file: string): Finding[] {
  if (!isTerraformJson(doc)) {
    return [{ ruleId: 'input/unknown-format', severity: 'error', file, resource: '', path: '', message: 'not a Terraform JSON document (no "resource" block)' }];
  }
  return sortFindings(lintUnit(readTerraform(doc, file)));
}

/** Lints one parsed document of any supported format; `undefined` when the format is not recognised. */
export function lintDocument(doc: unknown, file: string): Finding[] | undefined {
  const unit = readDocument(doc, file);
  return unit ? sortFindings(lintUnit(unit)) : undefined;
}
