import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Point, Position } from 'unist';

/**
 * A YAML text (a whole .yaml file or an .mdx frontmatter) parsed with positions, so that a
 * schema error at `skills[1]` can point at the line and column of that item in the file.
 */
export interface YamlSource {
  data: unknown;
  /** Where the value at `path` starts (or its key, with `key: true`); falls back to the nearest ancestor. */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): Position;
  /** Syntax errors of the YAML itself, already located. */
  syntaxErrors: { message: string; place: Position }[];
}

/** `offset`/`lineOffset` say where the YAML starts inside its file (frontmatter starts on line 2). */
export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const point = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col, offset };
  };
  const span = (range: readonly [number, number, number] | null | undefined): Position =>
    range ? { start: point(range[0]), end: point(range[1]) } : { start: point(0), end: point(0) };

  const syntaxErrors = doc.errors.map((error) => ({
    message: error.message.split('\n')[0] ?? error.message,
    place: { start: point(error.pos[0]), end: point(error.pos[1]) },
  }));

  let data: unknown = null;
  if (syntaxErrors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      syntaxErrors.push({ message: (error as Error).message, place: span(null) });
    }
  }

  return {
    data,
    syntaxErrors,
    locate(path, options = {}) {
      return span(findRange(doc, path, options.key ?? false) ?? doc.contents?.range);
    },
  };
}

/** Walks the YAML AST along `path`; returns the deepest range found (key or value). */
function findRange(doc: Document, path: readonly PropertyKey[], wantKey: boolean): [number, number, number] | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  let best = node?.range ?? undefined;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return best;
      const key = pair.key as Node;
      if (last && wantKey && key.range) return key.range;
      node = pair.value as Node | null;
      best = node?.range ?? key.range ?? best;
      if (!node && key.range) return key.range;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) return best;
      node = item;
      best = item.range ?? best;
    } else {
      return best;
    }
  }
  return best;
}
