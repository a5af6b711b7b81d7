import type { Position } from 'unist';
import type { ModuleUnderCheck } from './module-context.ts';

/**
 * Where to report something a whole module lacks: its `status` (the reason the module must be
 * complete), else the first line of its body.
 */
export function modulePlace(module: ModuleUnderCheck): Position {
  if (module.frontmatter && module.data) return module.frontmatter.locate(['status']);
  const line = module.doc.bodyLine;
  return { start: { line, column: 1 }, end: { line, column: 1 } };
}
