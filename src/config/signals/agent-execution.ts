// Agent execution: the user-facing symptom; timeouts per execution and execution time, from logs.
import { defineSignal } from './signal-definition';

export const agentExecutionSignal = defineSignal({
  key: 'agent',
  title: 'Agent execution',
  summary:
    'Timeouts per execution (with a minimum number of executions) and p95 execution time, ' +
    "from the backend's logs.",
  thresholds: ({ z, positive, wholeMinutes, wholeNumber }) =>
    z.strictObject({
      timeoutRatePercent: positive('a percentage', 100)
        .default(5)
        .describe('Alert when more than this percentage of agent executions time out.'),
      windowSeconds: wholeMinutes('a window in seconds', 60, 86400)
        .default(600)
        .describe('The window timeouts and executions are counted over, in seconds (whole minutes).'),
      minExecutionsPerWindow: wholeNumber('an execution count', 1, 1000000)
        .default(20)
        .describe('The timeout alert needs at least this many executions in the window.'),
      executionBudgetSeconds: positive('a duration in seconds', 3600)
        .default(30)
        .describe('Warning when the p95 agent execution time exceeds this, in seconds.'),
    }),
  sections: { responseTimes: 'agents', errorRates: 'agent timeouts' },
  logBasedMetrics: {
    executions: 'agent-executions',
    timeouts: 'agent-timeouts',
    executionSeconds: 'agent-execution-seconds',
  },
});
