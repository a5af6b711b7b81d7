import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** Every message Relais emits has `source: 'relais'` and a rule id (STYLE.md, unified collective). */
export function reportError(file: VFile, reason: string, place: Position | undefined, ruleId: string): VFileMessage {
  const message = file.message(reason, { place, ruleId, source: 'relais' });
  message.fatal = true;
  return message;
}

export function reportWarning(file: VFile, reason: string, place: Position | undefined, ruleId: string): VFileMessage {
  const message = file.message(reason, { place, ruleId, source: 'relais' });
  message.fatal = false;
  return message;
}

export type Severity = 'error' | 'warning' | 'info';
export const severityOf = (message: VFileMessage): Severity =>
  message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';

/** `content/modules/plomberie/braser.mdx:12:3  error  Unexpected skill …  unknown-skill  relais` */
export function formatMessage(file: VFile, message: VFileMessage): string {
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  return `${file.path}:${line}:${column}  ${severityOf(message)}  ${message.reason}  ${message.ruleId ?? ''}  ${message.source ?? 'relais'}`;
}

export function countBySeverity(files: readonly VFile[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const file of files) for (const message of file.messages) counts[severityOf(message)]++;
  return counts;
}

/** All messages, sorted by file then position, one per line, then the summary line. */
export function formatReport(files: readonly VFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of sorted) lines.push(formatMessage(file, message));
  }
  const counts = countBySeverity(files);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')} in ${plural(files.length, 'file')}`);
  return lines.join('\n');
}
