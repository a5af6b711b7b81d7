/**
 * Search page: full text and facets over the Pagefind index. Facets work without a query
 * (browse every level-1 plumbing module), and the state lives in the URL so a tutor can share it.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindResponse {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, { any: string[] }> }): Promise<PagefindResponse | null>;
}

const facets = ['trade', 'level', 'language', 'skill'] as const;
type Facet = (typeof facets)[number];
const pageSize = 30;

class RelaisSearch extends HTMLElement {
  private pagefind?: Pagefind;
  private labels: Record<Facet | 'skillTrade', Record<string, string>> = JSON.parse(this.dataset.labels ?? '{}');
  private text: Record<string, string> = JSON.parse(this.dataset.text ?? '{}');
  private input = this.querySelector<HTMLInputElement>('input[type=search]')!;
  private status = this.querySelector<HTMLElement>('.search-status')!;
  private list = this.querySelector<HTMLOListElement>('.results')!;
  private timer = 0;
  private generation = 0;

  async connectedCallback() {
    const form = this.querySelector('form')!;
    form.addEventListener('submit', (event) => { event.preventDefault(); void this.run(); });
    form.addEventListener('reset', () => setTimeout(() => { this.renderSkillOptions(); void this.run(); }));
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.run(), 180);
    });
    this.addEventListener('change', (event) => {
      if ((event.target as HTMLInputElement).name === 'trade') this.renderSkillOptions();
      void this.run();
    });
    const params = new URLSearchParams(location.search);
    this.input.value = params.get('q') ?? '';
    try {
      this.pagefind = (await import(/* @vite-ignore */ `${'/pagefind/pagefind.js'}`)) as Pagefind;
      await this.pagefind.options({ excerptLength: 24 });
      const counts = await this.pagefind.filters();
      for (const facet of facets) this.renderFacet(facet, counts[facet] ?? {}, params.getAll(facet));
      this.renderSkillOptions();
      await this.run();
    } catch {
      this.status.textContent = this.text.none ?? '';
    }
  }

  private renderFacet(facet: Facet, counts: Record<string, number>, selected: string[]) {
    const fieldset = this.querySelector<HTMLFieldSetElement>(`fieldset[data-facet=${facet}]`)!;
    const box = fieldset.querySelector('.facet-options')!;
    const values = Object.keys(counts).sort((a, b) => this.label(facet, a).localeCompare(this.label(facet, b)));
    box.replaceChildren(
      ...values.map((value) => {
        const label = document.createElement('label');
        label.dataset.value = value;
        const input = document.createElement('input');
        Object.assign(input, { type: 'checkbox', name: facet, value, checked: selected.includes(value) });
        label.append(input, ` ${this.label(facet, value)} `);
        const count = document.createElement('small');
        count.textContent = `(${counts[value]})`;
        label.append(count);
        return label;
      }),
    );
    fieldset.hidden = values.length === 0;
    // The skill list is long: folded unless one is already chosen.
    const details = fieldset.querySelector('details');
    if (details && selected.length > 0) details.open = true;
  }

  /** With trades chosen, only their skills are offered: the list stays short on a phone. */
  private renderSkillOptions() {
    const trades = this.selected('trade');
    for (const label of this.querySelectorAll<HTMLLabelElement>('fieldset[data-facet=skill] label')) {
      const show = trades.length === 0 || trades.includes(this.labels.skillTrade[label.dataset.value ?? ''] ?? '');
      label.hidden = !show;
      if (!show) label.querySelector('input')!.checked = false;
    }
  }

  private label(facet: Facet, value: string) {
    return this.labels[facet]?.[value] ?? value;
  }

  private selected(facet: Facet): string[] {
    return [...this.querySelectorAll<HTMLInputElement>(`input[name=${facet}]:checked`)].map((input) => input.value);
  }

  private async run() {
    if (!this.pagefind) return;
    const generation = ++this.generation;
    const query = this.input.value.trim();
    const filters: Record<string, { any: string[] }> = {};
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const facet of facets) {
      const values = this.selected(facet);
      if (values.length > 0) filters[facet] = { any: values };
      for (const value of values) params.append(facet, value);
    }
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    if (!query && Object.keys(filters).length === 0) {
      this.list.replaceChildren();
      this.status.textContent = this.text.hint ?? '';
      return;
    }
    this.status.textContent = this.text.loading ?? '';
    const response = await this.pagefind.search(query || null, { filters });
    if (generation !== this.generation || !response) return;
    const results = await Promise.all(response.results.slice(0, pageSize).map((result) => result.data()));
    if (generation !== this.generation) return;
    const total = response.results.length;
    this.status.textContent = total === 0 ? this.text.none ?? '' : total === 1 ? this.text.result ?? '' : (this.text.results ?? '').replace('{count}', String(total));
    this.list.replaceChildren(...results.map((result) => this.renderResult(result, !!query)));
  }

  private renderResult(result: PagefindResultData, withExcerpt: boolean): HTMLLIElement {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    const details = document.createElement('p');
    const pick = (facet: Facet) => (result.filters[facet] ?? []).map((value) => this.label(facet, value));
    const level = (result.filters.level ?? [])[0];
    details.textContent = [pick('trade').join(', '), pick('skill').join(', '), level ? (this.text.level ?? '').replace('{level}', level) : '']
      .filter(Boolean)
      .join(' · ');
    const language = (result.filters.language ?? [])[0];
    if (language) link.lang = language;
    item.append(link, details);
    if (withExcerpt) {
      const excerpt = document.createElement('p');
      // Pagefind escapes the page text and adds only <mark> around matches.
      excerpt.innerHTML = result.excerpt;
      item.append(excerpt);
    }
    return item;
  }
}

customElements.define('relais-search', RelaisSearch);
