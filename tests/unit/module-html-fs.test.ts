import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moduleHtmlFolder, pruneModuleHtml, readModuleHtml, saveModuleHtml } from '../../src/content/module-html-fs.ts';

const folders: string[] = [];
const freshFolder = () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'relais-module-html-'));
  folders.push(cache);
  return moduleHtmlFolder(cache, 'build');
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('module HTML kept in the cache folder, out of the content data store', () => {
  it('names each file by its HTML: the same body shares one file, an edit gets a new one', () => {
    const folder = freshFolder();
    const first = saveModuleHtml(folder, '<p>Couper le gaz.</p>');
    expect(saveModuleHtml(folder, '<p>Couper le gaz.</p>')).toBe(first);
    const edited = saveModuleHtml(folder, '<p>Couper le gaz, puis purger.</p>');
    expect(edited).not.toBe(first);
    expect(readModuleHtml('plomberie/a', first)).toBe('<p>Couper le gaz.</p>');
    expect(readModuleHtml('plomberie/a', edited)).toBe('<p>Couper le gaz, puis purger.</p>');
    expect(readdirSync(folder).sort()).toEqual([path.basename(first), path.basename(edited)].sort());
  });

  it('keeps dev and build apart, so a build tidying its files never removes one a dev server shows', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'relais-module-html-'));
    folders.push(cache);
    expect(moduleHtmlFolder(cache, 'dev')).not.toBe(moduleHtmlFolder(cache, 'build'));
    const shown = saveModuleHtml(moduleHtmlFolder(cache, 'dev'), '<p>en cours</p>');
    pruneModuleHtml(moduleHtmlFolder(cache, 'build'), new Set());
    expect(existsSync(shown)).toBe(true);
  });

  it('removes only the files no module refers to', () => {
    const folder = freshFolder();
    const kept = saveModuleHtml(folder, '<p>gardé</p>');
    const stale = saveModuleHtml(folder, '<p>ancienne version</p>');
    expect(pruneModuleHtml(folder, new Set([kept]))).toBe(1);
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect(pruneModuleHtml(path.join(folder, 'absent'), new Set())).toBe(0);
  });

  it('says which module and what to do when its file is gone or was never stored', () => {
    const folder = freshFolder();
    const file = saveModuleHtml(folder, '<p>x</p>');
    rmSync(file);
    expect(() => readModuleHtml('plomberie/a', file)).toThrow(`Module plomberie/a: its rendered body ${file} is missing (was the cache folder emptied during the build?). Build again.`);
    expect(() => readModuleHtml('plomberie/a', undefined)).toThrow('Module plomberie/a: its rendered body is not in the content store. Build again.');
  });
});
