import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUiLanguages, readUiStrings } from '../../src/i18n/languages-fs.ts';
import { orderLanguages, textDirection } from '../../src/i18n/languages.ts';
import { stepLabels } from '../../src/i18n/step-labels.ts';
import { iconPng, iconSvg } from '../../src/integration/app-icons.ts';
import { structureSteps } from '../../src/mdx/step-markup.ts';
import { termsUsed } from '../../src/mdx/terms.ts';
import { isServiceApi } from '../../src/site/lib/offline.ts';

const strings = readUiStrings();
const french = strings.fr!;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('UI languages: one strings file each', () => {
  it('finds French, English and Arabic, French first', () => {
    const languages = readUiLanguages();
    expect(languages[0]).toEqual({ code: 'fr', name: 'Français', dir: 'ltr' });
    expect(languages.map((language) => language.code)).toEqual(expect.arrayContaining(['fr', 'en', 'ar']));
    expect(languages.find((language) => language.code === 'ar')).toEqual({ code: 'ar', name: 'العربية', dir: 'rtl' });
  });

  it.each(Object.keys(strings).filter((code) => code !== 'fr'))('%s.json has every key of fr.json, with the same placeholders', (code) => {
    const table = strings[code]! as Record<string, string>;
    expect(Object.keys(table).sort()).toEqual(Object.keys(french).sort());
    for (const [key, text] of Object.entries(french as Record<string, string>)) {
      expect(placeholders(table[key] ?? ''), `${code}: ${key}`).toEqual(placeholders(text));
      expect((table[key] ?? '').trim(), `${code}: ${key}`).not.toBe('');
    }
    expect(['ltr', 'rtl']).toContain(table['lang.dir']);
  });

  it('Arabic strings are written in Arabic script', () => {
    const arabic = strings.ar! as Record<string, string>;
    const latinOnly = Object.entries(arabic).filter(([key, text]) => !['site.name', 'lang.dir'].includes(key) && !/[\u0600-\u06ff]/.test(text));
    expect(latinOnly).toEqual([]);
  });

  it('knows the direction of languages without a strings file (glosses, modules)', () => {
    expect(textDirection('prs')).toBe('rtl');
    expect(textDirection('ps')).toBe('rtl');
    expect(textDirection('uk')).toBe('ltr');
    expect(textDirection('ar-SY')).toBe('rtl');
    expect(textDirection('ar', strings)).toBe('rtl');
    expect(orderLanguages(['en', 'ar', 'fr', 'uk'], 'fr')).toEqual(['fr', 'ar', 'en', 'uk']);
  });

  it('reads the step labels of every language from the strings files', () => {
    const labels = stepLabels();
    expect(labels.byLanguage.ar).toEqual({ keyPoint: 'النقطة الأساسية', why: 'لماذا' });
    const html = structureSteps('<ol><li><strong>البس النظارات.</strong> النقطة الأساسية: طوال العمل. لماذا: قد تقفز شظية.</li></ol>', labels);
    expect(html).toBe('<ol><li><strong>البس النظارات.</strong> <span class="step-key"><b>النقطة الأساسية:</b> طوال العمل.</span> <span class="step-why"><b>لماذا:</b> قد تقفز شظية.</span></li></ol>');
  });
});

describe('module glossary and offline helpers', () => {
  it('lists the glossary words of a module once, in order of first use', () => {
    const source = 'La <Term>brasure</Term> et la <Term id="écran thermique">Écran</Term>, puis <Term>Brasure</Term> et <Term>coupe-tube</Term>.';
    expect(termsUsed(source)).toEqual(['brasure', 'écran thermique', 'coupe-tube']);
  });

  it('recognises the progress service URLs', () => {
    expect(isServiceApi('/api/cohorts')).toBe(true);
    expect(isServiceApi('/xapi/statements')).toBe(true);
    expect(isServiceApi('/xapi')).toBe(true);
    expect(isServiceApi('/apiculture/')).toBe(false);
    expect(isServiceApi('/plomberie/api-robinet/')).toBe(false);
  });

  it('draws the app icon as SVG and as real PNGs', () => {
    // The same caret as the favicon (public/favicon.svg: `M7 22 16 8l9 14`).
    expect(readFileSync(path.resolve(import.meta.dirname, '../../public/favicon.svg'), 'utf8')).toContain('M7 22 16 8l9 14');
    expect(iconSvg()).toContain('points="7 22 16 8 25 22"');
    const png = iconPng({ file: 'x.png', size: 48 });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(48);
    expect(png.readUInt32BE(20)).toBe(48);
  });
});
