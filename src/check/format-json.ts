import type { VFile } from 'vfile';
import { countBySeverity, severityOf } from '../content/report.ts';
import { fixOf } from './fix.ts';

export interface JsonMessage {
  file: string;
  line: number;
  column: number;
  endLine: number | null;
  endColumn: number | null;
  severity: 'error' | 'warning' | 'info';
  ruleId: string | null;
  source: string;
  message: string;
  /** The safe fix `--fix` would apply: replace from line:column to endLine:endColumn by `text`. */
  fix?: { line: number; column: number; endLine: number; endColumn: number; text: string };
}

/** `relais check --format json`: the fields of the pretty report, one object per message, then the counts. */
export function formatJsonReport(files: readonly VFile[]): string {
  const messages: JsonMessage[] = [];
  for (const file of files) {
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of sorted) {
      const fix = fixOf(message);
      messages.push({
        file: file.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        endLine: message.place && 'end' in message.place ? message.place.end.line : null,
        endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
        severity: severityOf(message),
        ruleId: message.ruleId ?? null,
        source: message.source ?? 'relais',
        message: message.reason,
        ...(fix ? { fix: { line: fix.start.line, column: fix.start.column, endLine: fix.end.line, endColumn: fix.end.column, text: fix.text } } : {}),
      });
    }
  }
  const counts = countBySeverity(files);
  return JSON.stringify({ errors: counts.error, warnings: counts.warning, files: files.filter((file) => file.messages.length > 0).length, messages }, null, 2);
}
