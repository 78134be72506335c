// The in-process API: lint files and directories, or an already-parsed Terraform document.
import { MAX_ARTIFACT_BYTES } from '../../artifact/read/artifact-limits';
import { readFailureMessage, readRegularTextFile } from '../../util/read-regular-file';
import { collectFiles } from './collect-files';
import { locateJsonPaths, parseErrorPosition } from '../../artifact/json-positions';
import { readDocument } from '../../artifact/read/read-document';
import { isTerraformJson, readTerraform } from '../../artifact/read/read-terraform';
import { sortFindings, type Finding } from './finding';
import { describeJsonSyntaxError } from './json-syntax';
import { lintUnit, lintUnitLocated, type LocatedFinding } from './lint-unit';
import { ruleSeverity, type RuleId } from './rule-ids';

/** What a lint run over files found, and how many monitoring resources it actually checked. */
export interface LintRun {
  readonly findings: Finding[];
  /** Alert policies, uptime checks and dashboards read from the inputs; 0 means nothing was checked. */
  readonly resourcesChecked: number;
}

/** A finding about a whole input (not about a resource in it). */
function inputFinding(ruleId: RuleId, file: string, message: string): Finding {
  return { ruleId, severity: ruleSeverity(ruleId), file, resource: '', path: '', message };
}

/** Findings with the line and column of their path in `text`; the text is scanned only when there are findings. */
function withPositions(located: readonly LocatedFinding[], text: string): Finding[] {
  if (located.length === 0) return [];
  const locate = locateJsonPaths(
    text,
    located.map((entry) => entry.documentPath),
  );
  return located.map(({ finding, documentPath }) => ({ ...finding, ...locate(documentPath) }));
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
    findings.push(inputFinding('input/unreadable', file, message));
  };
  for (const file of collectFiles(paths)) {
    let text: string;
    try {
      text = readRegularTextFile(file.path, MAX_ARTIFACT_BYTES);
    } catch (error) {
      unreadable(file.path, readFailureMessage(error));
      continue;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      findings.push({
        ...inputFinding('input/unreadable', file.path, describeJsonSyntaxError(text, error)),
        ...parseErrorPosition(text, (error as Error).message),
      });
      continue;
    }
    const unit = readDocument(doc, file.path);
    if (!unit) {
      if (file.explicit) {
        const message =
          'neither Terraform JSON (a "resource" block) nor a REST export of AlertPolicy, UptimeCheckConfig or Dashboard objects; nothing was checked';
        findings.push(inputFinding('input/unknown-format', file.path, message));
      }
      continue;
    }
    resourcesChecked += unit.resources.length;
    // One at a time: a spread of a huge list of findings would overflow the call stack.
    for (const finding of withPositions(lintUnitLocated(unit), text)) findings.push(finding);
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
    return [inputFinding('input/not-terraform-json', file, 'not a Terraform JSON document (no "resource" block)')];
  }
  return sortFindings(lintUnit(readTerraform(doc, file)));
}

/** Lints one parsed document of any supported format; `undefined` when the format is not recognised. */
export function lintDocument(doc: unknown, file: string): Finding[] | undefined {
  const unit = readDocument(doc, file);
  return unit ? sortFindings(lintUnit(unit)) : undefined;
}
