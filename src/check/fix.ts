import type { Point } from 'unist';
import type { VFileMessage } from 'vfile-message';

/**
 * A safe fix: replace the text between two points of the file (1-based line and column, as
 * messages print them) by `text`. Points rather than offsets, so that a fix stays right
 * whatever the file's line endings or BOM.
 */
export interface TextEdit {
  start: { line: number; column: number };
  end: { line: number; column: number };
  text: string;
}

const fixes = new WeakMap<VFileMessage, TextEdit>();

/** Records the fix of a message (`relais check --fix` applies it; `--format json` shows it). */
export function attachFix(message: VFileMessage, edit: TextEdit): VFileMessage {
  fixes.set(message, edit);
  return message;
}

export const fixOf = (message: VFileMessage): TextEdit | undefined => fixes.get(message);

export const pointOf = (point: Point): { line: number; column: number } => ({ line: point.line, column: point.column });

/** Offsets of each line start; CRLF, CR and LF all end a line, as micromark and YAML count them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\r' && text[index + 1] === '\n') index++;
    if (char === '\n' || char === '\r') starts.push(index + 1);
  }
  return starts;
}

/**
 * Applies non-overlapping edits to a text (the first of two overlapping edits wins; the other
 * is left for the next run). Returns the new text and the edits applied.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[] } {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const starts = lineStarts(text);
  const offset = (point: { line: number; column: number }) => {
    const start = starts[point.line - 1];
    if (start === undefined) return undefined;
    // Columns on line 1 are counted after a BOM (parsers drop it).
    return start + point.column - 1 + (point.line === 1 ? bom : 0);
  };
  const located = edits
    .map((edit) => ({ edit, from: offset(edit.start), to: offset(edit.end) }))
    .filter((item): item is { edit: TextEdit; from: number; to: number } => item.from !== undefined && item.to !== undefined && item.from <= item.to && item.to <= text.length)
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const kept: typeof located = [];
  for (const item of located) {
    const previous = kept.at(-1);
    if (previous && item.from < previous.to) continue;
    if (previous && item.from === previous.to && item.from === item.to && previous.from === previous.to) continue;
    kept.push(item);
  }
  let out = text;
  for (const item of [...kept].reverse()) out = out.slice(0, item.from) + item.edit.text + out.slice(item.to);
  return { text: out, applied: kept.map((item) => item.edit) };
}
