// What a genuine bug looks like to a user: one line saying it is vigil's fault and how to get the
// stack trace for a report. The trace itself is printed only when VIGIL_DEBUG is set.

export const DEBUG_VARIABLE = 'VIGIL_DEBUG';

export function isDebug(env: NodeJS.ProcessEnv): boolean {
  const value = env[DEBUG_VARIABLE];
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** `where` is "vigil" or "vigil <command>". */
export function formatInternalError(where: string, error: unknown, env: NodeJS.ProcessEnv): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] || (error instanceof Error ? error.name : 'unknown error');
  const line = `${where}: internal error: ${firstLine} — please report this (set ${DEBUG_VARIABLE}=1 for the stack trace)\n`;
  if (!isDebug(env)) return line;
  const trace = error instanceof Error && error.stack ? error.stack : String(error);
  return `${line}${trace}\n`;
}
