// The dashboards of a synthesized stack, read through the artifact model like every tool reads
// the stack; a dashboard_json that is not a Dashboard object is the user's error, named by file and field.
import { ConfigError } from '../../config/config-error';
import { readTerraform } from '../../artifact/read/read-terraform';
import { isRecord } from '../../artifact/json';

export interface StackDashboard {
  /** The Terraform resource name (`infrastructure_dashboard`). */
  readonly id: string;
  readonly dashboard: Record<string, unknown>;
}

export function stackDashboards(document: unknown, file: string): StackDashboard[] {
  if (!isRecord(document)) return [];
  return readTerraform(document, file)
    .resources.filter((resource) => resource.kind === 'dashboard')
    .map((resource) => {
      if (resource.parseProblem)
        throw new ConfigError([{ file, path: resource.pathOf([]), message: resource.parseProblem }]);
      return { id: resource.resource.replace(/^google_monitoring_dashboard\./, ''), dashboard: resource.body };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
