import { verbs } from '../../../schemas/xapi-verbs.ts';
import { hasStanding, progressByModule } from './local-progress.ts';
import type { LocalStatement } from './queue-state.ts';
import { checklistCompleted, completedModule, experienced, localDay, quizResult, voided, type ModuleRef, type Statement } from './statements.ts';
import { ProgressStore } from './store.ts';
import { announceChange, changesChannel, keepSyncing, type Syncing } from './sync.ts';

/**
 * Progress on a module page, loaded after the page (src/site/components/DidIt.astro): records
 * the visit, quiz results, checklists and "I did it" on this device, and syncs them once the
 * apprentice has joined a cohort.
 */
const host = document.querySelector<HTMLElement>('relais-did-it');
const data = host?.dataset ?? {};
const site = data.site ?? location.origin;
const module: ModuleRef = { activity: data.activity ?? '', title: data.title ?? document.title, language: data.language ?? document.documentElement.lang };

const storePromise = ProgressStore.open();
let syncing: Syncing | undefined;

async function record(build: (store: ProgressStore, at: Date) => Promise<Statement | null>): Promise<void> {
  const store = await storePromise;
  const at = new Date();
  const statement = await build(store, at);
  if (!statement) return;
  await store.add({ id: statement.id, statement, state: 'queued', recordedAt: at.toISOString() });
  announceChange();
  syncing?.poke();
}

/** The "I did it" button: pressed = done on <date>; pressing again takes it back. */
class RelaisDidIt extends HTMLElement {
  private button = this.querySelector<HTMLButtonElement>('button')!;
  private records: LocalStatement[] = [];

  connectedCallback() {
    this.button.hidden = false;
    this.button.addEventListener('click', () => void this.toggle());
    addEventListener('relais:progress-change', () => void this.refresh());
    try {
      new BroadcastChannel(changesChannel).onmessage = () => void this.refresh();
    } catch {
      // no BroadcastChannel: this tab shows its own changes only
    }
    void this.refresh();
  }

  private async refresh() {
    this.records = await (await storePromise).all();
    const done = progressByModule(this.records).get(module.activity)?.completedAt ?? null;
    const label = this.button.querySelector('span')!;
    this.button.setAttribute('aria-pressed', String(done !== null));
    label.textContent = done
      ? (this.dataset.done ?? '').replace('{date}', new Date(done).toLocaleDateString(document.documentElement.lang || undefined, { day: 'numeric', month: 'long', year: 'numeric' }))
      : (this.dataset.todo ?? '');
    this.querySelector<HTMLElement>('.did-it-undo')!.hidden = done === null;
  }

  private async toggle() {
    this.button.disabled = true;
    try {
      const store = await storePromise;
      const standing = progressByModule(await store.all()).get(module.activity);
      if (standing?.completedBy) {
        const original = await store.get(standing.completedBy);
        // Before joining nothing is sent: forget it here. Once joined it may be on its way (or
        // stored): send a `voided` statement, which the queue sends after it (oldest first).
        if (original?.state === 'queued' && !(await store.getMeta('identity'))) {
          await store.remove(original.id);
          announceChange();
        } else {
          await record(async (s, at) => voided(standing.completedBy!, await s.currentActor(site), at));
        }
      } else {
        await record(async (s, at) => completedModule(module, await s.currentActor(site), at));
      }
    } finally {
      this.button.disabled = false;
    }
  }
}

if (host && module.activity) {
  customElements.define('relais-did-it', RelaisDidIt);

  // Opened the module: at most once a day per module, not on every view.
  void record(async (store, at) => {
    const key = `experienced:${module.activity}` as const;
    if ((await store.getMeta(key)) === localDay(at)) return null;
    await store.setMeta(key, localDay(at));
    return experienced(module, await store.currentActor(site), at);
  });

  document.addEventListener('relais:quiz-result', (event) => {
    const quiz = event.target as HTMLElement;
    const passed = (event as CustomEvent<{ passed?: unknown }>).detail?.passed === true;
    // The quiz's id on the page (`quiz-1`) is the name of its inputs.
    const name = quiz.querySelector('input')?.name ?? 'quiz';
    void record(async (store, at) => quizResult(module, name, passed, await store.currentActor(site), at));
  });

  document.addEventListener('relais:checklist-complete', (event) => {
    const key = (event.target as HTMLElement).dataset.key ?? 'checklist';
    // The event fires again on each visit once all is ticked: record the completion once.
    void record(async (store, at) =>
      hasStanding(await store.all(), `${module.activity}#${key}`, verbs.completed) ? null : checklistCompleted(module, key, await store.currentActor(site), at),
    );
  });

  void storePromise.then((store) => { syncing = keepSyncing(store); });
}
