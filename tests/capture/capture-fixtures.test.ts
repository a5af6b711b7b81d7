import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/content/split-frontmatter.ts';
import { loadLibrary } from '../../src/content/read-library-fs.ts';
import { knowHowComponentNames } from '../../src/mdx/names.ts';
import { moduleFrontmatterSchema } from '../../src/schemas/module.ts';
import { parse as parseYaml } from 'yaml';
import { captureCases, draftCase, segmentationSummary, writeLibraryFor } from './capture-cases.ts';

const cases = captureCases();
const work = mkdtempSync(path.join(tmpdir(), 'relais-capture-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

describe.each(cases)('capture fixture $name', (testCase) => {
  const draft = draftCase(testCase);

  it('segments as expected (expected.segments.json)', async () => {
    await expect(`${JSON.stringify(segmentationSummary(draft.segmentation), null, 2)}\n`).toMatchFileSnapshot(path.join(testCase.dir, 'expected.segments.json'));
  });

  it('writes the expected draft and review checklist', async () => {
    await expect(draft.mdx).toMatchFileSnapshot(path.join(testCase.dir, 'expected.draft.mdx'));
    await expect(draft.reviewMarkdown).toMatchFileSnapshot(path.join(testCase.dir, 'expected.review.md'));
  });

  it('writes a draft whose frontmatter the module schema accepts', () => {
    const parts = splitFrontmatter(draft.mdx);
    expect(parts).toBeDefined();
    const data = moduleFrontmatterSchema.parse(parseYaml(parts!.yaml));
    expect(data).toMatchObject({ status: 'draft', trade: testCase.trade.id, authors: testCase.authors, source: { transcript: `media/${path.basename(testCase.input)}` } });
    expect(testCase.skills.map((skill) => skill.id)).toEqual(expect.arrayContaining(data.skills));
  });

  it('writes only Markdown and know-how components with literal props, each block followed by its clip', () => {
    const tree = mdx.parse(splitFrontmatter(draft.mdx)!.body);
    const names = new Set<string>();
    visit(tree, (node) => {
      expect(['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm']).not.toContain(node.type);
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        names.add(node.name ?? '');
        for (const attribute of node.attributes) expect(typeof attribute.value === 'string' && attribute.type === 'mdxJsxAttribute').toBe(true);
      }
    });
    for (const name of names) expect(knowHowComponentNames).toContain(name);
    expect(names).toContain('Steps');
    const hasTimes = draft.segmentation.segments.some((segment) => segment.start !== null);
    const top = tree.children;
    top.forEach((node, index) => {
      if (node.type !== 'mdxJsxFlowElement' || !['Safety', 'Mistake', 'Tip'].includes(node.name ?? '')) return;
      const next = top[index + 1];
      if (hasTimes) expect(next?.type === 'mdxJsxFlowElement' && next.name === 'Clip', `${node.name} at block ${index} is followed by a Clip`).toBe(true);
    });
    if (!hasTimes) expect(names).not.toContain('Clip');
  });

  it('writes steps as `**Action.** Point clé : … Pourquoi : …`', () => {
    const fr = draft.segmentation.language === 'fr';
    const items = [...draft.mdx.matchAll(/^\d+\. (.*)$/gm)].map((match) => match[1]!);
    expect(items.length).toBeGreaterThan(0);
    for (const line of items) expect(line).toMatch(fr ? /^\*\*.+\.\*\* Point clé : .+\. Pourquoi : .+[.!?…]$/ : /^\*\*.+\.\*\* Key point: .+\. Why: .+[.!?…]$/);
  });

  it('passes the library check once its trade, skills and author exist (0 errors)', () => {
    const contentDir = path.join(work, testCase.name);
    writeLibraryFor(contentDir, testCase, draft.segmentation.language);
    mkdirSync(path.join(contentDir, 'modules', testCase.trade.id), { recursive: true });
    writeFileSync(path.join(contentDir, 'modules', testCase.trade.id, `${testCase.name}.mdx`), draft.mdx);
    mkdirSync(path.join(contentDir, 'media'), { recursive: true });
    copyFileSync(testCase.input, path.join(contentDir, 'media', path.basename(testCase.input)));
    const { library, errors } = loadLibrary(contentDir);
    const messages = library.files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`));
    expect(messages).toEqual([]);
    expect(errors).toBe(0);
  });
});

describe('the same interview in every format', () => {
  const byName = (name: string) => draftCase(cases.find((testCase) => testCase.name === name)!);
  const shape = (name: string) => byName(name).segmentation.segments.map((segment) => [segment.kind, segment.start === null ? null : Math.floor(segment.start)]);

  it('segments the washing-machine repair the same from WebVTT, SubRip, Whisper JSON and the defective WebVTT', () => {
    const vtt = shape('en-washing-machine-repair-vtt');
    expect(vtt.length).toBeGreaterThan(10);
    expect(shape('en-washing-machine-repair-srt')).toEqual(vtt);
    expect(shape('en-washing-machine-repair-whisper-json')).toEqual(vtt);
    expect(shape('en-washing-machine-repair-missing-blank-line-vtt')).toEqual(vtt);
  });

  it('segments the electronicien interview the same from WebVTT, Whisper JSON and the Windows-1252 SubRip', () => {
    const vtt = shape('fr-electronicien-d0005-vtt');
    expect(shape('fr-electronicien-d0005-whisper-json')).toEqual(vtt);
    expect(shape('fr-electronicien-d0005-cp1252-crlf-srt')).toEqual(vtt);
    // Without times, the same blocks in the same order.
    expect(shape('fr-electronicien-d0005-speakers-txt').map(([kind]) => kind)).toEqual(vtt.map(([kind]) => kind));
  });

  it('reads the same market-garden text from its Windows-1252 original and its UTF-8 copy, and says so in the review', () => {
    const original = byName('en-market-garden-camilleri-cp1252-crlf-txt');
    const utf8 = byName('en-market-garden-camilleri-utf8-txt');
    expect(original.segmentation.segments.map((segment) => segment.kind)).toEqual(utf8.segmentation.segments.map((segment) => segment.kind));
    expect(original.reviewMarkdown).toMatch(/Windows-1252/);
  });
});
