/** `hh:mm:ss`, `mm:ss` or `hh:mm:ss.mmm` → seconds; undefined when it is not a timestamp. */
export function parseTimestamp(value: string): number | undefined {
  const match = /^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes, seconds, millis = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(millis.padEnd(3, '0')) / 1000;
}

/** ISO 8601 duration for `<time datetime>`: 754 → `PT12M34S`. */
export function isoDuration(totalSeconds: number): string {
  const whole = Math.floor(totalSeconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = whole % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}
