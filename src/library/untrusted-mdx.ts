import type { VFile } from 'vfile';
import { parseMdxDocument } from '../check/mdx-document.ts';
import { emptyFacts } from '../check/module-context.ts';
import { checkUnknownComponent } from '../check/rules/unknown-component.ts';
import { checkUntrustedTree, checkUntrustedYaml } from '../check/rules/untrusted-mdx.ts';
import { splitFrontmatter } from '../content/split-frontmatter.ts';
import type { PlainLanguageSettings } from '../config/relais-config.ts';

const noSettings = { plainLanguage: {} as PlainLanguageSettings, sortSkills: false, enabled: () => true };

/**
 * The untrusted-MDX policy on one module file (DESIGN.md, "Shared libraries"), for content
 * from outside: `relais check --untrusted` and, later, `relais import`. The text is parsed,
 * never evaluated. Rejected, each as an error at file:line:col on `file`: MDX that does not
 * parse, ESM, expressions and comments in braces, components other than the know-how ones,
 * props that are not literal strings, HTML beyond text formatting, event handlers, URLs that
 * run code, pictures from elsewhere, and YAML anchors, aliases and tags in the frontmatter.
 *
 * Returns true when the module is accepted (no message was added).
 */
export function checkUntrustedMdx(text: string, file: VFile): boolean {
  const before = file.messages.length;
  const parts = splitFrontmatter(text);
  if (parts) checkUntrustedYaml(parts.yaml, file, 1);
  const doc = parseMdxDocument(text, file);
  if (doc) {
    checkUnknownComponent({ doc, language: 'fr' }, emptyFacts(), noSettings);
    checkUntrustedTree(doc);
  }
  for (const message of file.messages.slice(before)) message.fatal = true;
  return file.messages.length === before;
}
