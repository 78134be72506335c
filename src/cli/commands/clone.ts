// Placeholder until the clone tool lands (see its issue); reports itself as unavailable.
import type { Command } from '../command';

export const command: Command = {
  summary: '(not available yet)',
  usage: 'usage: vigil clone',
  async run(_args, io) {
    io.stderr('vigil clone: not available yet\n');
    return 2;
  },
};
