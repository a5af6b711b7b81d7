/**
 * An archive (or library folder) refused before anything reached content/: what is wrong, in
 * which entry, and what to do. `rule` names the check, as a checker rule id would.
 */
export class ArchiveRefused extends Error {
  readonly rule: string;
  readonly entry: string | undefined;
  constructor(message: string, rule: string, entry?: string) {
    super(message);
    this.name = 'ArchiveRefused';
    this.rule = rule;
    this.entry = entry;
  }
}

/** Shows a name from an archive with its control characters escaped, never raw. */
export const showName = (name: string): string =>
  JSON.stringify(name)
    .slice(1, -1)
    .replace(/[\u0080-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
