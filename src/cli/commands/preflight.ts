// Placeholder until the preflight tool lands (see its issue); reports itself as unavailable.
import type { Command } from '../command';

export const command: Command = {
  summary: '(not available yet)',
  usage: 'usage: vigil preflight',
  async run(_args, io) {
    io.stderr('vigil preflight: not available yet\n');
    return 2;
  },
};
