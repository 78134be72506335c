// Detects the format of one parsed JSON document and reads it into the artifact model.
import type { ArtifactUnit } from '../model';
import { isRestExport, readRest } from './read-rest';
import { isTerraformJson, readTerraform } from './read-terraform';

/** The unit, or undefined when the document is neither Terraform JSON nor a REST export. */
export function readDocument(doc: unknown, file: string): ArtifactUnit | undefined {
  if (isTerraformJson(doc)) return readTerraform(doc, file);
  if (isRestExport(doc)) return readRest(doc, file);
  return undefined;
}
