// Placeholder until the review tool lands (see its issue); reports itself as unavailable.
import type { Command } from '../command';

export const command: Command = {
  summary: '(not available yet)',
  usage: 'usage: vigil review',
  async run(_args, io) {
    io.stderr('vigil review: not available yet\n');
    return 2;
  },
};
