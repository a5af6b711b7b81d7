import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { CheckConfig } from '../config/relais-config.ts';
import type { ModuleFrontmatter } from '../schemas/index.ts';
import { attachFix, fixOf, type TextEdit } from './fix.ts';
import type { LibraryFacts } from './module-context.ts';

/** A module as plain data, to be checked in another thread. */
export interface ModuleJob {
  path: string;
  text: string;
  id?: string;
  data?: ModuleFrontmatter;
}

/** First message to a worker: the module files to read and parse while the library is read. */
export interface WorkerRead {
  type: 'read';
  files: { full: string; display: string }[];
  maxModuleBytes: number;
}

/** Second message: the modules to check (their text as the library read it) and what the rules need. */
export interface WorkerCheck {
  type: 'check';
  jobs: ModuleJob[];
  facts: LibraryFacts;
  config: CheckConfig;
  contentRoot: string;
  untrusted: boolean;
}

/** A vfile message as plain data (what crosses a thread boundary). */
export interface SerializedMessage {
  reason: string;
  place?: Position;
  ruleId?: string;
  fatal: boolean | null | undefined;
  fix?: TextEdit;
}

export function serializeMessages(file: VFile): SerializedMessage[] {
  return file.messages.map((message) => ({
    reason: message.reason,
    place: message.place && 'start' in message.place ? message.place : message.place ? { start: message.place, end: message.place } : undefined,
    ruleId: message.ruleId,
    fatal: message.fatal,
    fix: fixOf(message),
  }));
}

/** Puts messages checked elsewhere back on the module's own VFile. */
export function restoreMessages(file: VFile, messages: readonly SerializedMessage[]): void {
  for (const serialized of messages) {
    const message = file.message(serialized.reason, { place: serialized.place, ruleId: serialized.ruleId, source: 'relais' });
    message.fatal = serialized.fatal;
    if (serialized.fix) attachFix(message, serialized.fix);
  }
}
