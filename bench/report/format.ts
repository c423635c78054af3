/** Number formats and the "not measured" paragraph every report section shares. */
import { fmt } from '../lib/stats';

export const isError = (x: unknown): x is { error: string } => !!x && typeof x === 'object' && 'error' in x;
export const n = (x: number) => x.toLocaleString('en-US');
export const s = (ms: number) => `${fmt(ms / 1000)} s`;
export const kb = (b: number) => `${fmt(b / 1024)} KB`;

export function notMeasured(what: string, r: unknown): string {
  if (r === null) return `_Not run in this invocation (${what})._\n`;
  return `**Not measured: the ${what} part failed in this run.**\n\n\`\`\`\n${(r as { error: string }).error}\n\`\`\`\n`;
}
