import { localText } from '../../../i18n/text.ts';
import type { NextStep } from '../../../schemas/validation-api.ts';
import type { SectionProps } from './ApprenticeRecord.tsx';
import { formatHours, stageTitleText } from './grid-model.ts';
import { useLocale } from './i18n.tsx';

const symbol = { complete: '✔', 'in-progress': '◐', 'not-started': '·' } as const;

/** Per path: hours done/planned, each stage's status and figures, and what comes next. */
export function PathProgressSection({ data }: SectionProps) {
  const { t, lang } = useLocale();
  const moduleTitle = (id: string) => data.catalogue?.modules.find((module) => module.id === id)?.title ?? id;
  const skillLabel = (id: string) => {
    const skill = data.catalogue?.skills.find((candidate) => candidate.id === id);
    return skill ? localText(skill.label, lang).text : id;
  };
  const nextText = (next: NextStep): string => {
    const stage = t('tutor.stage.number', { number: next.stage + 1 });
    switch (next.kind) {
      case 'module': return t('tutor.path.next.module', { stage, module: moduleTitle(next.moduleId) });
      case 'quiz': return t('tutor.path.next.quiz', { stage, module: moduleTitle(next.moduleId) });
      case 'validation': return t(next.by === 'company' ? 'tutor.path.next.company' : 'tutor.path.next.tutor', { stage, skills: next.skills.map(skillLabel).join(', ') });
      case 'hours': return t('tutor.path.next.hours', { stage, hours: formatHours(next.minutesMissing / 60, lang) });
    }
  };

  return (
    <section aria-labelledby="record-paths">
      <h3 id="record-paths">{t('tutor.path.title')}</h3>
      {data.paths.length === 0 && <p>{t('tutor.path.none')}</p>}
      {data.paths.map((path) => {
        const title = stageTitleText(path.title, lang);
        const captionId = `path-${path.pathId}`;
        return (
          <div key={path.pathId} className="tutor-path" data-path={path.pathId}>
            <h4 lang={title.lang}>{title.text}</h4>
            <p>
              {t('tutor.grid.hoursValue', { done: formatHours(path.hoursDone, lang), planned: formatHours(path.hoursPlanned, lang) })}
              {' · '}
              <strong className="tutor-path-next">{path.next ? nextText(path.next) : t('tutor.path.complete')}</strong>
            </p>
            <div className="tutor-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
              <table className="tutor-table">
                <caption id={captionId}>{t('tutor.path.caption', { path: title.text })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('tutor.path.stage')}</th>
                    <th scope="col">{t('tutor.apprentice.status')}</th>
                    <th scope="col">{t('tutor.grid.hours')}</th>
                    <th scope="col">{t('tutor.grid.modules')}</th>
                    <th scope="col">{t('tutor.path.skillsMissing')}</th>
                  </tr>
                </thead>
                <tbody>
                  {path.stages.map((stage) => {
                    const stageTitle = stageTitleText(stage.title, lang);
                    return (
                      <tr key={stage.index} data-stage-status={stage.status}>
                        <th scope="row">{t('tutor.stage.number', { number: stage.index + 1 })} · <span lang={stageTitle.lang}>{stageTitle.text}</span></th>
                        <td><span aria-hidden="true">{symbol[stage.status]} </span>{t(`tutor.stage.${stage.status}`)}</td>
                        <td>{t('tutor.grid.hoursValue', { done: formatHours(stage.minutesDone / 60, lang), planned: formatHours(stage.minutesPlanned / 60, lang) })}</td>
                        <td>{t('tutor.grid.modulesValue', { done: stage.modulesCompleted, total: stage.modulesTotal })}</td>
                        <td>{stage.skillsMissing.length === 0 ? '—' : stage.skillsMissing.map(skillLabel).join(', ')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </section>
  );
}
