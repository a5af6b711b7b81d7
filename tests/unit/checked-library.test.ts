import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shareCheckedLibrary, takeCheckedModule } from '../../src/content/checked-library.ts';
import { parseLibrary } from '../../src/content/parse-library.ts';

const text = readFileSync('content/modules/plomberie/braser-raccord-cuivre.mdx', 'utf8');

describe('the checked library handed to the modules loader', () => {
  it('gives a module once, and only when the file still holds the text the checker read', () => {
    const library = parseLibrary([
      { kind: 'module', id: 'plomberie/a', path: 'modules/plomberie/a.mdx', text },
      { kind: 'module', id: 'plomberie/b', path: 'modules/plomberie/b.mdx', text },
      { kind: 'module', id: 'plomberie/c', path: 'modules/plomberie/c.mdx', text },
    ]);
    shareCheckedLibrary(library);
    const entry = library.modules.get('plomberie/a')!;
    expect(entry).toBeDefined();
    expect(takeCheckedModule('plomberie/a', text)).toBe(entry);
    expect(takeCheckedModule('plomberie/a', text)).toBeUndefined();
    expect(takeCheckedModule('plomberie/b', `${text}\nEdited after the check.\n`)).toBeUndefined();
    shareCheckedLibrary(undefined);
    expect(takeCheckedModule('plomberie/c', text)).toBeUndefined();
  });
});
