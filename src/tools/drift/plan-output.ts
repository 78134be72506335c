// Reads the machine-readable output of `terraform plan -json` (one JSON object per line).
// Why -json: in refresh-only mode terraform reports failed postconditions as *warnings* and still
// exits 0, so the exit code alone cannot tell drift from no drift; the diagnostics can.
// (Measured with terraform 1.11: `plan -refresh-only` → warning + exit 0; plain `plan` → error + exit 1.)

export interface FailedPostcondition {
  /** The data source's address, e.g. `data.google_redis_instance.drift_redis`. */
  readonly address: string;
  /** The postcondition's error message, as terraform evaluated it (actual values filled in). */
  readonly message: string;
}

export interface DriftedResource {
  readonly address: string;
  readonly action: string;
}

export interface PlanOutput {
  readonly failedPostconditions: FailedPostcondition[];
  /** Managed resources changed outside Terraform (refresh-only `resource_drift` messages). */
  readonly driftedResources: DriftedResource[];
  /** Error diagnostics other than failed postconditions: "summary: detail". */
  readonly errors: string[];
  /** Lines that were not JSON (provider crashes, wrapper scripts): kept for error reports. */
  readonly otherLines: string[];
}

const POSTCONDITION_SUMMARY = 'Resource postcondition failed';

interface Diagnostic {
  severity?: string;
  summary?: string;
  detail?: string;
  address?: string;
  snippet?: { context?: string | null };
}

/** `data.google_redis_instance.drift_redis` from the diagnostic's address or its snippet context. */
export function diagnosticAddress(diagnostic: Diagnostic): string {
  if (diagnostic.address) return diagnostic.address;
  const context = diagnostic.snippet?.context ?? '';
  // JSON configurations: data.google_redis_instance.drift_redis.lifecycle.postcondition[5]
  const dotted = /^((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)(?:\.|$)/.exec(context);
  if (dotted) return dotted[1];
  // HCL configurations: data "google_redis_instance" "drift_redis"
  const hcl = /^(data|resource) "([^"]+)" "([^"]+)"/.exec(context);
  if (hcl) return hcl[1] === 'data' ? `data.${hcl[2]}.${hcl[3]}` : `${hcl[2]}.${hcl[3]}`;
  return context || '(unknown resource)';
}

export function parsePlanOutput(text: string): PlanOutput {
  const output: PlanOutput = { failedPostconditions: [], driftedResources: [], errors: [], otherLines: [] };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let message: { type?: string; diagnostic?: Diagnostic; change?: { resource?: { addr?: string }; action?: string } };
    try {
      message = JSON.parse(line);
    } catch {
      output.otherLines.push(line);
      continue;
    }
    if (message.type === 'diagnostic' && message.diagnostic) {
      const diagnostic = message.diagnostic;
      if (diagnostic.summary === POSTCONDITION_SUMMARY) {
        output.failedPostconditions.push({
          address: diagnosticAddress(diagnostic),
          message: (diagnostic.detail ?? '').trim(),
        });
      } else if (diagnostic.severity === 'error') {
        output.errors.push(
          diagnostic.detail ? `${diagnostic.summary}: ${diagnostic.detail.trim()}` : `${diagnostic.summary}`,
        );
      }
    } else if (message.type === 'resource_drift' && message.change?.resource?.addr) {
      output.driftedResources.push({
        address: message.change.resource.addr,
        action: message.change.action ?? 'update',
      });
    }
  }
  return output;
}
