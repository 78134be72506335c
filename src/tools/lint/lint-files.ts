// The in-process API: lint files and directories, or an already-parsed Terraform document.
import * as fs from 'fs';
import { collectFiles } from './collect-files';
import { sortFindings, type Finding } from './finding';
import { lintUnit } from './lint-unit';
import { readDocument } from './read/read-document';
import { readTerraform, isTerraformJson } from './read/read-terraform';
import { appendAll } from '../../util/append-all';

/**
 * Lints every JSON file under `paths`. Files found by walking a directory that are neither
 * Terraform JSON nor a REST export (cdktf's manifest.json, package files) are skipped; a file named
 * explicitly in that case gets an `input/unknown-format` warning. Throws MissingPathError for a
 * path that does not exist.
 */
export async function lintFiles(paths: readonly string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of collectFiles(paths)) {
    const text = await fs.promises.readFile(file.path, 'utf8');
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      if (file.explicit) findings.push({ ruleId: 'input/unreadable', severity: 'error', file: file.path, resource: '', path: '', message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const unit = readDocument(doc, file.path);
    if (!unit) {
      if (file.explicit) {
        findings.push({ ruleId: 'input/unknown-format', severity: 'warning', file: file.path, resource: '', path: '', message: 'neither Terraform JSON (a "resource" block) nor a REST export of AlertPolicy, UptimeCheckConfig or Dashboard objects; nothing was checked' });
      }
      continue;
    }
    appendAll(findings, lintUnit(unit));
  }
  return sortFindings(findings);
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
