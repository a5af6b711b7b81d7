/**
 * A worker thread of check-modules-parallel-fs.ts. It is started before the library is read and
 * gets its files at once: it reads and parses their MDX, one file per turn of the event loop, so
 * that the modules to check (sent once the main thread has read the library) interrupt it. It
 * then checks them, reusing a parse when the text is the one the library read, and sends back
 * their messages as plain data.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { VFile } from 'vfile';
import { decodeContent } from '../content/decode-content.ts';
import { splitFrontmatter } from '../content/split-frontmatter.ts';
import { parseYamlSource } from '../content/yaml-source.ts';
import { checkModule } from './check-module.ts';
import { parseMdxDocument, type MdxDocument } from './mdx-document.ts';
import { serializeMessages, type WorkerCheck, type WorkerRead } from './module-job.ts';
import { settingsResolver } from './rule-settings.ts';

/** Modules read and parsed ahead, by report path; each is taken once. */
const parsed = new Map<string, { text: string; file: VFile; doc: MdxDocument | undefined }>();
let reading: NodeJS.Immediate | undefined;

function readAhead({ files, maxModuleBytes }: WorkerRead): void {
  let next = 0;
  const step = () => {
    const entry = files[next++];
    if (!entry) return;
    try {
      const bytes = readFileSync(entry.full);
      const decoded = bytes.length <= maxModuleBytes ? decodeContent(bytes) : undefined;
      // A file the library cannot read is reported by the main thread; nothing to do ahead here.
      if (decoded?.ok) {
        const file = new VFile({ path: entry.display, value: decoded.text });
        parsed.set(entry.display, { text: decoded.text, file, doc: parseMdxDocument(decoded.text, file) });
      }
    } catch {
      // Gone or unreadable since it was listed: the library read says so; the check parses again.
    }
    reading = setImmediate(step);
  };
  reading = setImmediate(step);
}

function check({ jobs, facts, config, contentRoot, untrusted }: WorkerCheck): void {
  clearImmediate(reading);
  const settingsFor = settingsResolver(config, contentRoot, untrusted);
  const results = jobs.map((job) => {
    const ahead = parsed.get(job.path);
    parsed.delete(job.path);
    // Only a parse of the very text the library read (the file may have changed in between).
    const same = ahead?.text === job.text ? ahead : undefined;
    const file = same?.file ?? new VFile({ path: job.path, value: job.text });
    const yaml = job.data ? splitFrontmatter(job.text)?.yaml : undefined;
    const frontmatter = yaml === undefined ? undefined : parseYamlSource(yaml, 1);
    checkModule({ file, text: job.text, id: job.id, data: job.data, frontmatter }, facts, settingsFor(file), same && { doc: same.doc });
    return serializeMessages(file);
  });
  parsed.clear();
  parentPort?.postMessage(results);
}

parentPort?.on('message', (message: WorkerRead | WorkerCheck) => {
  if (message.type === 'read') readAhead(message);
  else check(message);
});
