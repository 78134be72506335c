// vigil drift: configuration drift of the synthesized stacks (docs/drift.md).
import type { Command } from '../command';
import { DRIFT_USAGE, driftMain } from '../../tools/drift/run-drift';

export const command: Command = {
  summary: 'check the infrastructure the monitoring depends on (terraform plan -refresh-only)',
  usage: DRIFT_USAGE,
  run: (args, io) => driftMain(args, io),
};
