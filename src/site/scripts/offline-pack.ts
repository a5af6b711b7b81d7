/**
 * `<relais-offline-pack>`: downloads the pages of a path or a trade into the `relais-downloads`
 * cache, which the service worker answers from when the network is gone. The list of files and
 * their sizes comes from the build (`/_relais/packs/<kind>-<id>.json`). Downloads never expire;
 * removing one keeps the files another download still needs.
 */
import { offlineCaches, type OfflinePack } from '../lib/offline.ts';
import { fillPlaceholders } from '../../i18n/text.ts';

const registryKey = 'relais:downloads';

function readRegistry(): Record<string, string[]> {
  try {
    return JSON.parse(localStorage.getItem(registryKey) ?? '{}') as Record<string, string[]>;
  } catch {
    return {};
  }
}

function writeRegistry(registry: Record<string, string[]>) {
  try { localStorage.setItem(registryKey, JSON.stringify(registry)); } catch { /* private mode: the cache still holds the files */ }
}

class RelaisOfflinePack extends HTMLElement {
  private text: Record<string, string> = JSON.parse(this.dataset.text ?? '{}');
  private packUrl = this.dataset.pack ?? '';
  private locale = this.dataset.lang ?? document.documentElement.lang;
  private pack: OfflinePack | undefined;
  private downloadButton = this.querySelector<HTMLButtonElement>('[data-action=download]')!;
  private removeButton = this.querySelector<HTMLButtonElement>('[data-action=remove]')!;
  private progress = this.querySelector('progress')!;
  private status = this.querySelector<HTMLElement>('.offline-pack-status')!;
  private busy = false;

  async connectedCallback() {
    if (!('serviceWorker' in navigator) || !('caches' in window)) return;
    this.hidden = false;
    this.downloadButton.addEventListener('click', () => void this.download());
    this.removeButton.addEventListener('click', () => void this.removeDownload());
    addEventListener('online', () => void this.refresh());
    addEventListener('offline', () => void this.refresh());
    await this.refresh();
  }

  private format(template: string, values: Record<string, string | number>) {
    return fillPlaceholders(template, values, '');
  }

  /** Decimal units, Latin digits in every language (the site's other numbers are Latin too). */
  private size(bytes: number) {
    const megabytes = bytes >= 1_000_000;
    return new Intl.NumberFormat(`${this.locale}-u-nu-latn`, { style: 'unit', unit: megabytes ? 'megabyte' : 'kilobyte', maximumFractionDigits: megabytes ? 1 : 0 })
      .format(megabytes ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)));
  }

  private async loadPack(): Promise<OfflinePack | undefined> {
    try {
      const response = await fetch(this.packUrl, { cache: 'no-cache' });
      if (response.ok) return (await response.json()) as OfflinePack;
    } catch {
      // offline: the copy saved with the download, if any
    }
    const saved = await caches.match(this.packUrl);
    return saved ? ((await saved.json()) as OfflinePack) : undefined;
  }

  private files(pack: OfflinePack) {
    return [...pack.files.map((file) => file.url), location.pathname, this.packUrl];
  }

  private async missing(pack: OfflinePack): Promise<number> {
    const cache = await caches.open(offlineCaches.downloads);
    const found = await Promise.all(pack.files.map((file) => cache.match(file.url)));
    return found.filter((response) => !response).length;
  }

  private async refresh() {
    if (this.busy) return;
    this.pack ??= await this.loadPack();
    const pack = this.pack;
    const sizeLine = this.querySelector<HTMLElement>('.offline-pack-size')!;
    if (!pack) {
      sizeLine.textContent = '';
      this.status.textContent = navigator.onLine ? '' : this.text.needsNetwork ?? '';
      this.downloadButton.disabled = true;
      return;
    }
    sizeLine.textContent = this.format(this.text.size ?? '', { modules: pack.modules, size: this.size(pack.bytes) });
    const complete = (await this.missing(pack)) === 0 && !!readRegistry()[this.packUrl];
    this.dataset.state = complete ? 'done' : 'ready';
    this.downloadButton.querySelector('.label')!.textContent = complete ? this.text.update ?? '' : this.text.download ?? '';
    this.removeButton.hidden = !complete;
    this.downloadButton.disabled = !navigator.onLine;
    this.status.textContent = complete ? this.text.done ?? '' : navigator.onLine ? '' : this.text.needsNetwork ?? '';
  }

  private async download() {
    const pack = this.pack ?? (await this.loadPack());
    if (!pack || this.busy) return;
    this.busy = true;
    this.dataset.state = 'downloading';
    this.downloadButton.disabled = true;
    this.removeButton.hidden = true;
    const cache = await caches.open(offlineCaches.downloads);
    const queue = [...pack.files, { url: location.pathname, bytes: 0 }, { url: this.packUrl, bytes: 0 }];
    let done = 0;
    const total = Math.max(1, pack.bytes);
    this.progress.hidden = false;
    const show = () => {
      this.progress.value = done / total;
      this.status.textContent = this.format(this.text.progress ?? '', { done: this.size(done), total: this.size(pack.bytes) });
    };
    show();
    // Two at a time: steady on a slow network, and progress moves file by file.
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const response = await fetch(file.url, { cache: 'no-cache', credentials: 'same-origin' });
        if (!response.ok) throw new Error(`${response.status} ${file.url}`);
        await cache.put(file.url, response);
        done += file.bytes;
        show();
      }
    };
    try {
      await Promise.all([worker(), worker()]);
      writeRegistry({ ...readRegistry(), [this.packUrl]: this.files(pack) });
      this.busy = false;
      this.progress.hidden = true;
      await this.refresh();
    } catch {
      this.busy = false;
      this.progress.hidden = true;
      this.dataset.state = 'failed';
      this.downloadButton.disabled = false;
      this.status.textContent = this.text.failed ?? '';
    }
  }

  private async removeDownload() {
    const registry = readRegistry();
    const mine = registry[this.packUrl] ?? (this.pack ? this.files(this.pack) : []);
    delete registry[this.packUrl];
    const stillNeeded = new Set(Object.values(registry).flat());
    const cache = await caches.open(offlineCaches.downloads);
    await Promise.all(mine.filter((url) => !stillNeeded.has(url)).map((url) => cache.delete(url)));
    writeRegistry(registry);
    await this.refresh();
    this.status.textContent = this.text.removed ?? '';
  }
}

customElements.define('relais-offline-pack', RelaisOfflinePack);
