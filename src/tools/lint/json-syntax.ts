// JSON.parse's complaint in words a person can find in their editor: V8 reports a character
// offset ("… in JSON at position 12") for most syntax errors; lint turns it into a line and column
// with the artifact model's one offset-to-position function.
import { positionOfOffset } from '../../artifact/json-positions';

export function describeJsonSyntaxError(text: string, error: unknown): string {
  if (text.trim() === '') return 'the file is empty; expected JSON';
  const message = error instanceof Error ? error.message : String(error);
  const position = /in JSON at position (\d+)/.exec(message);
  if (!position) return `not valid JSON: ${message}`;
  const { line, column } = positionOfOffset(text, Number(position[1]));
  const what = message.replace(/\s*in JSON at position \d+.*$/, '');
  return `not valid JSON at line ${line}, column ${column}: ${what}`;
}
