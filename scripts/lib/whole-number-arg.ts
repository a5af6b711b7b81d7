/** Reads a whole-number command-line value (`--modules 1000`), or exits 2 saying what was expected. */
export function wholeNumberArg(flag: string, value: string | undefined, minimum = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < minimum) {
    console.error(`Expected a whole number ≥ ${minimum} after ${flag}, got ${value ?? 'nothing'}`);
    process.exit(2);
  }
  return n;
}
