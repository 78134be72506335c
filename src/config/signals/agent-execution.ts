// Agent execution: the user-facing symptom; timeouts per execution and execution time, from logs.
import { z } from 'zod';
import { positive, wholeMinutes, wholeNumber } from '../schema-fields';
import { defineSignal } from './signal-definition';

export const agentExecutionSignal = defineSignal({
  key: 'agent',
  title: 'Agent execution',
  summary: 'Timeouts per execution (with a minimum number of executions) and p95 execution time, from the backend\'s logs.',
  thresholds: z.strictObject({
    timeoutRatePercent: positive('a percentage', 100).default(5),
    windowSeconds: wholeMinutes('a window in seconds', 60, 86400).default(600),
    minExecutionsPerWindow: wholeNumber('an execution count', 1, 1000000).default(20),
    executionBudgetSeconds: positive('a duration in seconds', 3600).default(30),
  }),
  sections: { responseTimes: 'agents', errorRates: 'agent timeouts' },
  logBasedMetrics: { executions: 'agent-executions', timeouts: 'agent-timeouts', executionSeconds: 'agent-execution-seconds' },
});
