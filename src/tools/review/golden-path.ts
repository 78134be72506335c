// The golden path (a synthetic monitor running one real chat turn) guards what users feel. Its
// settings live in its function's environment (GOLDEN_PATH_EVENTS, GOLDEN_PATH_DEADLINE_MS, the
// golden-path contract): dropping an event or raising the deadline makes it pass where users
// fail, and removing or disabling it removes the only end-to-end witness. The function is no
// monitoring resource, so the review reads its block itself. A longer period is an uptime-check
// risk already (uptime-checks.ts: the synthetic monitor is an uptime check).
import type { TerraformJson } from './artifacts';
import { isObject } from './resources';
import type { RiskKind } from './model';

/** The plan's agent budget: "agent execution within 30 s". */
const PLAN_DEADLINE_MS = 30_000;
const FUNCTION_TYPE = 'google_cloudfunctions2_function';

export interface GoldenPathRisk {
  readonly kind: RiskKind;
  readonly address: string;
  readonly message: string;
}

interface GoldenPathFunction {
  readonly address: string;
  readonly events: readonly string[];
  readonly deadlineMs: number | undefined;
}

function goldenPathFunctions(doc: TerraformJson | undefined): Map<string, GoldenPathFunction> {
  const found = new Map<string, GoldenPathFunction>();
  const resources = doc?.resource;
  const byId = isObject(resources) ? resources[FUNCTION_TYPE] : undefined;
  if (!isObject(byId)) return found;
  for (const [id, body] of Object.entries(byId)) {
    const service = isObject(body) ? body.service_config : undefined;
    const variables = isObject(service) ? service.environment_variables : undefined;
    if (!isObject(variables) || typeof variables.GOLDEN_PATH_EVENTS !== 'string') continue;
    const deadline = Number(variables.GOLDEN_PATH_DEADLINE_MS);
    found.set(id, {
      address: `${FUNCTION_TYPE}.${id}`,
      events: variables.GOLDEN_PATH_EVENTS.split(',').filter(Boolean),
      deadlineMs: Number.isFinite(deadline) ? deadline : undefined,
    });
  }
  return found;
}

const seconds = (ms: number) => `${ms / 1000} s`;

export function goldenPathRisks(base: TerraformJson | undefined, head: TerraformJson | undefined): GoldenPathRisk[] {
  const before = goldenPathFunctions(base);
  const after = goldenPathFunctions(head);
  const risks: GoldenPathRisk[] = [];
  for (const [id, old] of before) {
    const now = after.get(id);
    if (!now) {
      risks.push({
        kind: 'golden-path-removed',
        address: old.address,
        message:
          'the **golden path** is removed or disabled: nothing runs a real chat turn any more, so a backend whose /health is green but whose agents never answer pages nobody',
      });
      continue;
    }
    const dropped = old.events.filter((event) => !now.events.includes(event));
    if (dropped.length > 0)
      risks.push({
        kind: 'golden-path-event-dropped',
        address: now.address,
        message: `the **golden path** no longer requires ${dropped.map((event) => `\`${event}\``).join(', ')}: a run where ${dropped.length > 1 ? 'they never arrive' : 'it never arrives'} now passes`,
      });
    if (
      old.deadlineMs !== undefined &&
      now.deadlineMs !== undefined &&
      now.deadlineMs > old.deadlineMs &&
      now.deadlineMs > PLAN_DEADLINE_MS
    )
      risks.push({
        kind: 'golden-path-deadline-raised',
        address: now.address,
        message: `the **golden path**'s deadline is raised ${seconds(old.deadlineMs)} → ${seconds(now.deadlineMs)}, over the plan's 30 s agent budget: slow agents now pass`,
      });
  }
  return risks;
}
