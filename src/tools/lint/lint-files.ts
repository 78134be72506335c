// The in-process API: lint files and directories, or an already-parsed Terraform document.
import * as fs from 'fs';
import { collectFiles } from './collect-files';
import { locateJsonPaths, parseErrorPosition } from '../../artifact/json-positions';
import { readDocument } from '../../artifact/read/read-document';
import { isTerraformJson, readTerraform } from '../../artifact/read/read-terraform';
import { sortFindings, type Finding } from './finding';
import { lintUnit, lintUnitLocated, type LocatedFinding } from './lint-unit';
import { ruleSeverity, type RuleId } from './rule-ids';

/** A finding about a whole input (not about a resource in it). */
function inputFinding(ruleId: RuleId, file: string, message: string): Finding {
  return { ruleId, severity: ruleSeverity(ruleId), file, resource: '', path: '', message };
}

/** Findings with the line and column of their path in `text`; the text is scanned only when there are findings. */
function withPositions(located: readonly LocatedFinding[], text: string): Finding[] {
  if (located.length === 0) return [];
  const locate = locateJsonPaths(text, located.map((entry) => entry.documentPath));
  return located.map(({ finding, documentPath }) => ({ ...finding, ...locate(documentPath) }));
}

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
      const message = (error as Error).message;
      if (file.explicit) findings.push({ ...inputFinding('input/unreadable', file.path, `not valid JSON: ${message}`), ...parseErrorPosition(text, message) });
      continue;
    }
    const unit = readDocument(doc, file.path);
    if (!unit) {
      if (file.explicit) {
        const message = 'neither Terraform JSON (a "resource" block) nor a REST export of AlertPolicy, UptimeCheckConfig or Dashboard objects; nothing was checked';
        findings.push(inputFinding('input/unknown-format', file.path, message));
      }
      continue;
    }
    // One at a time: a spread of a huge list of findings would overflow the call stack.
    for (const finding of withPositions(lintUnitLocated(unit), text)) findings.push(finding);
  }
  return sortFindings(findings);
}

/** Lints a synthesized Terraform JSON document in memory (what `npm run synth` calls after writing it). */
export function lintTerraformJson(doc: unknown, file: string): Finding[] {
  if (!isTerraformJson(doc)) {
    return [inputFinding('input/not-terraform-json', file, 'not a Terraform JSON document (no "resource" block)')];
  }
  return sortFindings(lintUnit(readTerraform(doc, file)));
}

/** Lints one parsed document of any supported format; `undefined` when the format is not recognised. */
export function lintDocument(doc: unknown, file: string): Finding[] | undefined {
  const unit = readDocument(doc, file);
  return unit ? sortFindings(lintUnit(unit)) : undefined;
}
