import { reportError } from '../../content/report.ts';
import { parseTimestamp } from '../../mdx/timestamp.ts';
import { isComponent, literalProp, walk } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';
import { formatTimestamp } from './clip-timestamp.ts';

/**
 * A `<Clip at>` jumps into the senior's recording; one after the end of the module's transcript
 * (`source.transcript`, WebVTT) points at nothing, usually a typo or the wrong recording.
 */
export const checkClipBeyondRecording: ModuleRule = (module, facts) => {
  const transcript = module.data?.source?.transcript;
  if (!transcript) return;
  const duration = facts.transcriptDurations.get(transcript);
  if (duration === undefined || duration === null) return; // missing-media says when it is missing
  walk(module.doc.tree, (node) => {
    if (!isComponent(node, 'Clip')) return;
    const at = literalProp(node, 'at');
    const seconds = at === undefined ? undefined : parseTimestamp(at);
    if (seconds === undefined || seconds <= duration) return;
    const place = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'at')?.position ?? node.position;
    reportError(
      module.doc.file,
      `Unexpected \`<Clip at="${at}">\` after the end of the recording, expected a time up to ${formatTimestamp(duration)} (the end of \`${transcript}\`)`,
      place,
      'clip-beyond-recording',
    );
  });
};
