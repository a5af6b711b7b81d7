/** Where a transcript problem is (1-based line and column) and what to do about it. */
export interface TranscriptIssue {
  line: number;
  column: number;
  message: string;
}

/** Thrown by the parsers for input they cannot read; the CLI prints `file:line:col  error  message`. */
export class TranscriptError extends Error implements TranscriptIssue {
  line: number;
  column: number;

  constructor(issue: TranscriptIssue) {
    super(issue.message);
    this.name = 'TranscriptError';
    this.line = issue.line;
    this.column = issue.column;
  }
}

export type WarningHandler = (issue: TranscriptIssue) => void;

/** Line and column of a string offset; LF ends a line (callers normalise CR first). */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let lf = text.indexOf('\n'); lf !== -1 && lf < offset; lf = text.indexOf('\n', lf + 1)) {
    line++;
    lineStart = lf + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Shows a character in a message so that invisible ones (tab, NUL, BOM…) can be seen. */
export function showCharacter(character: string | undefined): string {
  if (character === undefined) return 'the end of the line';
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x21 || (code >= 0x7f && code <= 0xa0) || code === 0xfeff) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `\`${character}\``;
}
