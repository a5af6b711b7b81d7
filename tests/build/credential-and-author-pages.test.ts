import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/** Certificate and verifier pages in every UI language; the chain of transmission on author pages. */
const dist = inject('exampleDist');
const read = (relative: string) => readFileSync(path.join(dist, relative), 'utf8');
const hrefsAfter = (html: string, heading: string) => {
  const section = html.split(`>${heading}</h2>`)[1]?.split('</ul>')[0] ?? '';
  return [...section.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
};

describe('credential pages', () => {
  it.each(['', 'en/', 'ar/'])('/%sattestation/ and /%sverifier/ exist and hydrate their app', (prefix) => {
    for (const page of ['attestation', 'verifier']) {
      const file = `${prefix}${page}/index.html`;
      expect(existsSync(path.join(dist, file)), file).toBe(true);
      expect(read(file)).toMatch(/<astro-island[^>]+client="load"/);
    }
    // Precached by the service worker: the checker opens without a network.
    expect(read('sw.js')).toContain(`"url":"${prefix}verifier/index.html"`);
    expect(read(`${prefix}verifier/index.html`)).toContain(prefix === 'ar/' ? 'التحقق من شهادة' : prefix === 'en/' ? 'Check a certificate' : 'Vérifier une attestation');
  });
});

describe('author pages show the chain of transmission', () => {
  it('the apprentice turned author links to whom they learned from', () => {
    expect(hrefsAfter(read('auteurs/karim-haddad/index.html'), 'A appris auprès de')).toEqual(['/auteurs/jean-martin/']);
    expect(hrefsAfter(read('en/auteurs/karim-haddad/index.html'), 'Learned from')).toEqual(['/en/auteurs/jean-martin/']);
  });

  it('the senior links to whom they passed it on to', () => {
    expect(hrefsAfter(read('auteurs/jean-martin/index.html'), 'A transmis à')).toEqual(['/auteurs/karim-haddad/']);
    expect(hrefsAfter(read('ar/auteurs/jean-martin/index.html'), 'نقل معرفته إلى')).toEqual(['/ar/auteurs/karim-haddad/']);
    // No learner: no empty heading.
    expect(read('auteurs/gerard-lefevre/index.html')).not.toContain('A transmis à');
  });

  it('the module the new author co-wrote credits them', () => {
    expect(read('plomberie/tester-etancheite/index.html')).toContain('/auteurs/karim-haddad/');
  });
});
