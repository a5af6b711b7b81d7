/**
 * CSV as every export writes it (the grid, the due list, the outcome report): UTF-8 with BOM,
 * comma-separated, CRLF; a spreadsheet cell quoted when needed and never read as a formula (CSV
 * injection). The one place for that rule.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A file name part from a label: ASCII letters, digits and dashes. */
export function fileNamePart(label: string, fallback: string): string {
  return label.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || fallback;
}
