// uptime/synthetic-*: uptime checks whose target is a synthetic monitor (a 2nd gen Cloud Run
// function, syntheticMonitor.cloudFunctionV2.name). A run must end within the period, the function
// must exist (in the stack, or as a full resource name), and a monitor nobody alerts on pages nobody.
import { readDurationField } from '../../../artifact/duration';
import { isRecord } from '../../../artifact/model';
import type { Rule } from '../rule-context';

const FUNCTION_REFERENCE = /^\$\{google_cloudfunctions2_function\.([A-Za-z0-9_-]+)\.(id|name)\}$/;
const FUNCTION_NAME = /^projects\/[^/]+\/locations\/[^/]+\/functions\/[^/]+$/;

function functionNameOf(body: Record<string, unknown>): unknown {
  const monitor = body.syntheticMonitor;
  if (!isRecord(monitor) || !isRecord(monitor.cloudFunctionV2)) return undefined;
  return monitor.cloudFunctionV2.name;
}

export const syntheticMonitorRules: Rule = (context) => {
  const body = context.resource.body;
  if (!isRecord(body.syntheticMonitor)) return;

  const period = readDurationField(body.period ?? '300s');
  const timeout = readDurationField(body.timeout);
  if ('seconds' in period && 'seconds' in timeout && timeout.seconds > period.seconds) {
    context.report(
      'uptime/synthetic-timeout',
      ['timeout'],
      `the synthetic monitor's timeout ${timeout.seconds}s is longer than its period ${period.seconds}s: runs would overlap`,
      'keep the timeout within the period (goldenPath.timeoutSeconds ≤ periodSeconds)',
    );
  }

  const name = functionNameOf(body);
  const path = ['syntheticMonitor', 'cloudFunctionV2', 'name'];
  if (typeof name !== 'string') {
    context.report(
      'uptime/synthetic-function',
      path,
      'the synthetic monitor names no function; the API requires cloud_function_v2.name',
      'set cloud_function_v2 { name = google_cloudfunctions2_function.<name>.id }',
    );
  } else {
    const reference = FUNCTION_REFERENCE.exec(name);
    const functions = context.unit.cloudFunctions;
    if (reference && functions && !functions.has(reference[1]!)) {
      context.report(
        'uptime/synthetic-function',
        path,
        `the synthetic monitor runs google_cloudfunctions2_function.${reference[1]}, which this stack does not define`,
        `define the function in the stack, or reference one of: ${[...functions].join(', ') || 'none defined'}`,
      );
    } else if (!reference && !name.startsWith('${') && !FUNCTION_NAME.test(name)) {
      context.report(
        'uptime/synthetic-function',
        path,
        `the synthetic monitor's function "${name}" is not a full resource name; the API expects projects/<project>/locations/<region>/functions/<name>`,
      );
    }
  }

  // Only a whole stack knows its alert policies: a REST export of one check says nothing of them.
  if (context.unit.format !== 'terraform') return;
  const address = context.resource.resource.split('.')[1];
  const checkId = `\${google_monitoring_uptime_check_config.${address}.uptime_check_id}`;
  const alerted = context.unit.resources.some(
    (resource) => resource.kind === 'alertPolicy' && JSON.stringify(resource.body).includes(checkId),
  );
  if (!alerted) {
    context.report(
      'uptime/synthetic-no-alert',
      ['syntheticMonitor'],
      'no alert policy in this stack reads this synthetic monitor (check_passed with its check_id): when it fails, nobody is paged',
      'add an alert on monitoring.googleapis.com/uptime_check/check_passed filtered by this check_id',
    );
  }
};
