// vigil clone carries the SLOs: goals and windows describe how to watch, not which infrastructure,
// so they are copied; the new stack's SLOs live in the new project under the new environment's service.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { captureIo, copyOfEnvironments, PRODUCTION_SETS, removeDirectory, setFlags } from '../clone/clone-fixtures';
import { resourcesOf } from '../support/environments';

test('a cloned environment keeps the source slos: block and its stack holds the SLOs in the new project', async () => {
  const { cwd, environments } = copyOfEnvironments();
  try {
    const staging = path.join(environments, 'staging.yaml');
    fs.appendFileSync(staging, '\nslos:\n  agentSuccess:\n    goalPercent: 97.5\n    windowDays: 14\n');
    const io = captureIo(cwd);
    const code = await main(
      ['clone', 'staging', 'production', '--project', 'netra-prod', ...setFlags(PRODUCTION_SETS)],
      io,
    );
    expect(io.err.join('')).toBe('');
    expect(code).toBe(0);
    const production = loadEnvironmentFile(path.join(environments, 'production.yaml'));
    expect(production.slos.agentSuccess).toEqual({ goalPercent: 97.5, windowDays: 14 });
    const stack = synthesizeStackJson(production);
    expect(resourcesOf(stack, 'google_monitoring_custom_service').slo_service).toMatchObject({
      project: 'netra-prod',
      service_id: 'vigil-production-chat-backend',
    });
    expect(resourcesOf(stack, 'google_monitoring_slo').slo_agent_success).toMatchObject({
      goal: 0.975,
      rolling_period_days: 14,
    });
    const filter = (
      resourcesOf(stack, 'google_monitoring_alert_policy').slo_agent_success_fast_burn.conditions as any[]
    )[0].condition_threshold.filter;
    expect(filter).toBe(
      'select_slo_burn_rate("projects/netra-prod/services/vigil-production-chat-backend/serviceLevelObjectives/agent-success", "3600s")',
    );
  } finally {
    removeDirectory(cwd);
  }
});
