import type { VFile } from 'vfile';
import { reportError, reportWarning } from '../../content/report.ts';
import type { Library } from '../../content/library.ts';
import type { YamlSource } from '../../content/yaml-source.ts';
import { isJsxElement, literalProp, walk } from '../mdx-document.ts';
import type { LibraryFacts, ModuleRule } from '../module-context.ts';
import { urlScheme } from './untrusted-mdx.ts';

const missing = (file: string) => `Unexpected \`${file}\`, which is not in content/media/, expected an existing file: add it or fix the name`;

/**
 * Pictures and other files a module shows come from content/media/ (served as `/media/…`): a
 * missing one is an error; one from another site is a warning (the site works offline).
 */
export const checkMissingMedia: ModuleRule = ({ doc }, facts) => {
  const check = (url: string, node: { position?: import('unist').Position | undefined }) => {
    if (!url) return;
    if (urlScheme(url) !== undefined || url.startsWith('//')) {
      reportWarning(doc.file, `Unexpected picture from another site \`${url}\`, expected a file in content/media/ shown as \`/media/…\` (the site must work offline)`, node.position, 'missing-media');
      return;
    }
    const pathname = url.split(/[?#]/)[0]!;
    if (!pathname.startsWith('/media/')) {
      const name = pathname.split('/').at(-1) ?? pathname;
      reportError(doc.file, `Unexpected picture path \`${url}\`, expected \`/media/${name}\` (files in content/media/)`, node.position, 'missing-media');
      return;
    }
    if (facts.standalone) return;
    let file = pathname.slice(1);
    try {
      file = decodeURI(file);
    } catch {
      // keep it as written
    }
    if (!facts.media.has(file)) reportError(doc.file, missing(file), node.position, 'missing-media');
  };
  walk(doc.tree, (node) => {
    if (node.type === 'image') check(node.url, node);
    else if (isJsxElement(node) && node.name !== null && /^(img|audio|video|source|track)$/.test(node.name)) check(literalProp(node, 'src') ?? '', node);
  });
};

/** The files YAML records name: a module's recording and transcript, an author's photo, a glossary picture. */
export function checkMissingMediaInRecords(library: Library, facts: LibraryFacts): void {
  if (facts.standalone) return;
  const check = (file: VFile, source: YamlSource, value: string | undefined, path: PropertyKey[]) => {
    if (value !== undefined && !facts.media.has(value)) reportError(file, missing(value), source.locate(path), 'missing-media');
  };
  for (const entry of library.modules.values()) {
    const recording = entry.data.source?.recording;
    if (recording !== undefined && !facts.media.has(recording)) {
      // The page still works without it (clips show as times), e.g. when recordings stay out of git.
      reportWarning(entry.file, `Unexpected \`${recording}\`, which is not in content/media/, expected the recording: without it, clips show as times without a player`, entry.source.locate(['source', 'recording']), 'missing-media');
    }
    check(entry.file, entry.source, entry.data.source?.transcript, ['source', 'transcript']);
  }
  for (const entry of library.authors.values()) check(entry.file, entry.source, entry.data.photo, ['photo']);
  for (const entry of library.glossaries.values()) {
    for (const [term, definition] of Object.entries(entry.data)) check(entry.file, entry.source, definition.picture, [term, 'picture']);
  }
}
