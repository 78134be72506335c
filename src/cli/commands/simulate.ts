// Placeholder until the simulate tool lands (see its issue); reports itself as unavailable.
import type { Command } from '../command';

export const command: Command = {
  summary: '(not available yet)',
  usage: 'usage: vigil simulate',
  async run(_args, io) {
    io.stderr('vigil simulate: not available yet\n');
    return 2;
  },
};
