// Placeholder until the lint tool lands (see its issue); reports itself as unavailable.
import type { Command } from '../command';

export const command: Command = {
  summary: '(not available yet)',
  usage: 'usage: vigil lint',
  async run(_args, io) {
    io.stderr('vigil lint: not available yet\n');
    return 2;
  },
};
