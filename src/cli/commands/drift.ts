// Placeholder until the drift tool lands (see its issue); reports itself as unavailable.
import type { Command } from '../command';

export const command: Command = {
  summary: '(not available yet)',
  usage: 'usage: vigil drift',
  async run(_args, io) {
    io.stderr('vigil drift: not available yet\n');
    return 2;
  },
};
