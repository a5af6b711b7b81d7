import { describe, expect, it } from 'vitest';
import { renderModuleBody } from '../../src/mdx/markup/render-body.ts';
import type { BodyContext } from '../../src/mdx/markup/knowhow.ts';

const context: BodyContext = {
  language: 'fr',
  glossaryUrl: '/glossaire/',
  hasRecording: false,
  contentDir: 'content',
  glossary: new Map([['brasure', { definition: "Métal que l'on fait fondre.", glosses: { en: 'solder', ar: 'سبيكة اللحام' } }]]),
};
const render = (body: string, overrides: Partial<BodyContext> = {}) => renderModuleBody(body, { ...context, ...overrides });

describe('module body → HTML (the know-how components, rendered once by the loader)', () => {
  it('renders Markdown as the site did: smart punctuation, heading ids, GFM tables, text escaped', () => {
    const { html } = render("## C'est l'étape\n\nUn \"mot\" & <b>gras</b>.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    expect(html).toContain('<h2 id="cest-létape">C’est l’étape</h2>');
    expect(html).toContain('Un “mot” &amp; <b>gras</b>.');
    expect(html).toContain('<table>');
  });

  it('keeps the markup, classes and ARIA of each component, and lists those that need a script', () => {
    const body = [
      '<Safety>\nCoupez le gaz.\n</Safety>',
      '<Steps>\n1. **Couper.** Point clé : droit. Pourquoi : étanche.\n</Steps>',
      '<Quiz>\nQuelle brasure ?\n\n- [ ] Forte\n- [x] Tendre\n</Quiz>',
      '<Checklist>\n- [ ] Gaz coupé\n</Checklist>',
      '<Clip at="00:01:56" />',
      'La <Term>brasure</Term>, encore la <Term>brasure</Term>, un <Term>inconnu</Term>.',
    ].join('\n\n');
    const { html, components } = render(body);
    expect(html).toContain('<div class="knowhow safety" role="note"><p class="knowhow-title"><strong><span aria-hidden="true">⚠ </span>Sécurité</strong></p><p>Coupez le gaz.</p></div>');
    expect(html).toMatch(/<section class="knowhow steps" aria-labelledby="steps-1"><h2 id="steps-1">[^<]+<\/h2><ol>\s*<li><strong>Couper\.<\/strong> <span class="step-key"><b>Point clé :<\/b> droit\.<\/span> <span class="step-why"><b>Pourquoi :<\/b> étanche\.<\/span><\/li>/);
    expect(html).toContain('<relais-quiz class="knowhow quiz" data-answer="1">');
    expect(html).toContain('<input type="radio" name="quiz-2" value="1"> <span>Tendre</span>');
    expect(html).toContain('<relais-checklist class="knowhow checklist" data-key="checklist-3">');
    expect(html).toContain('<span class="clip"><span>Dans l&#39;entretien à <time datetime="PT1M56S">00:01:56</time></span></span>');
    // Terms take their ids after the other components; only the first use carries the glosses.
    expect(html).toContain('<button type="button" popovertarget="term-4">brasure</button><span class="gloss" data-gloss="en"> (<span lang="en">solder</span>)</span><span class="gloss" data-gloss="ar"> (<span lang="ar" dir="rtl">سبيكة اللحام</span>)</span><span popover id="term-4" class="term-popup"><strong>brasure</strong> Métal que l&#39;on fait fondre.  <a href="/glossaire/#brasure">Voir le glossaire</a></span>');
    expect(html).toContain('<button type="button" popovertarget="term-5">brasure</button><span popover id="term-5"');
    expect(html).toContain('<span class="term">inconnu</span>');
    expect(components.sort()).toEqual(['Checklist', 'Clip', 'Quiz', 'Safety', 'Steps', 'Term']);
  });

  it('makes a clip a play button only when the recording exists', () => {
    expect(render('<Clip at="00:01:56" />', { hasRecording: true }).html).toContain('<button type="button" class="clip" data-clip-at="116"><span aria-hidden="true">▶</span> ');
    expect(render('<Clip at="plus tard" />').html).toContain('<span class="clip">plus tard</span>');
  });

  it('refuses code instead of running it or dropping it silently', () => {
    expect(() => render('Total : {1 + 1}')).toThrow(/mdxTextExpression in a module body cannot be rendered/);
    expect(() => render('<Clip at={"00:01"} />')).toThrow(/expression as at/);
    expect(() => render('<Widget />')).toThrow(/Unknown component <Widget>/);
  });
});
