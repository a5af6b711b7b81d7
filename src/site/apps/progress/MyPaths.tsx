import type { PathProgress } from '../../../schemas/validation-api.ts';

type T = (key: string, values?: Record<string, string | number>) => string;

/** Text in the page's language from a catalogue title (`{fr, en…}` or a string). */
export const pick = (value: unknown, lang: string): string => {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const texts = value as Record<string, unknown>;
  const text = texts[lang] ?? texts.fr ?? Object.values(texts).find((candidate) => typeof candidate === 'string');
  return typeof text === 'string' ? text : '';
};

export interface PathLine {
  id: string;
  title: unknown;
  progress: PathProgress;
  /** Modules and study hours, known on the device only. */
  detail?: string;
}

/**
 * Each path with the figures the tutor sees (same rule): hours done of planned, the stage
 * reached and what comes next. `source` says where the figures come from, plainly.
 */
export function MyPaths({ paths, source, t, lang }: { paths: PathLine[]; source: string; t: T; lang: string }) {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const stageName = (progress: PathProgress, index: number) => `${t('progress.path.stage', { number: index + 1 })} · ${pick(progress.stages[index]?.title, lang)}`;
  const next = (progress: PathProgress): string => {
    const step = progress.next;
    if (!step) return t('progress.path.complete');
    switch (step.kind) {
      case 'module': return t('progress.path.next.module', { stage: stageName(progress, step.stage) });
      case 'quiz': return t('progress.path.next.quiz', { stage: stageName(progress, step.stage) });
      case 'validation': return t(step.by === 'company' ? 'progress.path.next.company' : 'progress.path.next.tutor', { stage: stageName(progress, step.stage), count: step.skills.length });
      case 'hours': return t('progress.path.next.hours', { stage: stageName(progress, step.stage), hours: number.format(step.minutesMissing / 60) });
    }
  };
  return (
    <section aria-labelledby="paths-title">
      <h2 id="paths-title">{t('progress.paths')}</h2>
      <p className="progress-source">{source}</p>
      <ul className="list progress-paths">
        {paths.map((path) => (
          <li key={path.id} data-path={path.id}>
            <a href={`${lang === 'fr' ? '' : `/${lang}`}/parcours/${path.id}/`}>{pick(path.title, lang)}</a>
            <br />
            {t('progress.path.hours', { done: number.format(path.progress.hoursDone), total: number.format(path.progress.hoursPlanned) })}
            {path.detail && <> · {path.detail}</>}
            <br />
            <strong className="progress-next">{next(path.progress)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
