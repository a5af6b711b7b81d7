import { signatureUsageType } from '../../schemas/xapi.ts';
import { parseTimestamp } from '../../schemas/xapi.ts';

const uuidKeys = new Set(['id', 'registration']);
const languageMapKeys = new Set(['display', 'name', 'description']);

/**
 * A form of a statement in which the differences xAPI says are not differences are gone
 * (Data 2.3.1, statement comparison): authority, stored and version (set by the LRS), the case
 * of UUIDs, language tags and mailto IRIs, the order of Group members, equivalent timestamps,
 * and the signature attachment.
 */
function canonicalise(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonicalise(item));
    if (key === 'member') items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    if (key === 'attachments') return items.filter((item) => (item as { usageType?: string }).usageType !== signatureUsageType);
    return items;
  }
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string' && uuidKeys.has(key) && /^[0-9a-fA-F-]{36}$/.test(value)) return value.toLowerCase();
    if (typeof value === 'string' && key === 'mbox') return value.toLowerCase();
    if (typeof value === 'string' && key === 'timestamp') return parseTimestamp(value) ?? value;
    return value;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([name]) => !(key === '' && (name === 'authority' || name === 'stored' || name === 'version')))
    .map(([name, item]) => [languageMapKeys.has(key) ? name.toLowerCase() : name, canonicalise(item, languageMapKeys.has(key) ? '' : name)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/**
 * Whether two statements are the same for xAPI. `received` may lack the timestamp (and id) the
 * LRS added to `stored`; then they are not compared.
 */
export function sameStatement(received: Record<string, unknown>, stored: Record<string, unknown>): boolean {
  const left = canonicalise(received) as Record<string, unknown>;
  const right = canonicalise(stored) as Record<string, unknown>;
  if (left.timestamp === undefined) delete right.timestamp;
  if (left.id === undefined) delete right.id;
  if (Array.isArray(left.attachments) && left.attachments.length === 0) delete left.attachments;
  if (Array.isArray(right.attachments) && right.attachments.length === 0) delete right.attachments;
  return JSON.stringify(left) === JSON.stringify(right);
}
