/**
 * A worker thread of check-modules-parallel-fs.ts: waits for its share of the modules (it is
 * started early, while the main thread reads the library), checks them, and sends back their
 * messages as plain data.
 */
import { parentPort } from 'node:worker_threads';
import { VFile } from 'vfile';
import { splitFrontmatter } from '../content/split-frontmatter.ts';
import { parseYamlSource } from '../content/yaml-source.ts';
import { checkModule } from './check-module.ts';
import { serializeMessages, type WorkerInput } from './module-job.ts';
import { settingsResolver } from './rule-settings.ts';

parentPort?.once('message', ({ jobs, facts, config, contentRoot, untrusted }: WorkerInput) => {
  const settingsFor = settingsResolver(config, contentRoot, untrusted);
  const results = jobs.map((job) => {
    const file = new VFile({ path: job.path, value: job.text });
    const yaml = job.data ? splitFrontmatter(job.text)?.yaml : undefined;
    const frontmatter = yaml === undefined ? undefined : parseYamlSource(yaml, 1);
    checkModule({ file, text: job.text, id: job.id, data: job.data, frontmatter }, facts, settingsFor(file));
    return serializeMessages(file);
  });
  parentPort?.postMessage(results);
});
