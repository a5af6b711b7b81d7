import { useMemo, useState } from 'react';
import type { GridCell as Cell, GridResponse, GridRow } from '../../../schemas/centre-api.ts';
import { moduleTitles, tutorApi } from './api.ts';
import type { CohortTabProps } from './CohortView.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { apprenticeName, daysInactive, filterRows, formatHours, groupModulesByStage, isInactive, percent, relativeTime, sortRows, stageReachedOf, stageTitleText, type SortDirection, type SortKey } from './grid-model.ts';
import { useLocale } from './i18n.tsx';
import { placeSearch } from './url-state.ts';
import { useLoad } from './use-load.ts';

/** Apprentices × modules grouped by path stage, with hours, scores and last activity per row. */
export function ProgressGrid({ cohort, go, onSessionEnded }: CohortTabProps) {
  const { t, lang } = useLocale();
  const [grid, reload] = useLoad(
    async () => {
      const [data, titles] = await Promise.all([tutorApi.grid(cohort.id), moduleTitles()]);
      // Each module title is marked with its own language (a French module on the Arabic page).
      return { ...data, languages: new Map([...titles].map(([id, module]) => [id, module.language])) };
    },
    [cohort.id],
    onSessionEnded,
  );
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'name', direction: 'ascending' });
  const [query, setQuery] = useState('');

  if (grid.state === 'loading') return <p role="status">{t('tutor.loading')}</p>;
  if (grid.state === 'failed') return <ErrorNotice error={grid.error} onRetry={reload} />;
  const data = grid.data;
  return (
    <>
      <div className="tutor-toolbar">
        <p className="tutor-field">
          <label htmlFor="grid-filter">{t('tutor.grid.filter')}</label>
          <input id="grid-filter" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </p>
        <a className="button secondary" href={tutorApi.gridCsvUrl(cohort.id)} download>
          {t('tutor.grid.csv')}
        </a>
      </div>
      {data.rows.length === 0 ? (
        <p>{t('tutor.grid.empty', { code: cohort.joinCode })}</p>
      ) : (
        <GridTable data={data} query={query} sort={sort} setSort={setSort} openApprentice={(apprenticeId) => go({ cohortId: cohort.id, apprenticeId, tab: 'progression' })} lang={lang} />
      )}
    </>
  );
}

function GridTable({ data, query, sort, setSort, openApprentice, lang }: { data: GridResponse & { languages: Map<string, string> }; query: string; sort: { key: SortKey; direction: SortDirection }; setSort: (sort: { key: SortKey; direction: SortDirection }) => void; openApprentice: (id: string) => void; lang: string }) {
  const { t } = useLocale();
  const now = Date.now();
  const groups = useMemo(() => groupModulesByStage(data, lang), [data, lang]);
  const rows = useMemo(() => sortRows(filterRows(data.rows, query), sort.key, sort.direction, lang), [data.rows, query, sort, lang]);
  const modules = groups.flatMap((group) => group.modules);

  /** A column header that sorts: a button inside the `<th>`, `aria-sort` on the `<th>`. */
  const sortHeader = (key: SortKey, label: string, props: { rowSpan?: number; className?: string } = {}) => {
    const current = sort.key === key;
    const nextDirection: SortDirection = current && sort.direction === 'ascending' ? 'descending' : key === 'name' || current ? 'ascending' : 'descending';
    return (
      <th scope="col" aria-sort={current ? sort.direction : undefined} {...props}>
        <button type="button" className="tutor-sort" onClick={() => setSort({ key, direction: nextDirection })}>
          {label} <span aria-hidden="true">{current ? (sort.direction === 'ascending' ? '▲' : '▼') : '⇅'}</span>
        </button>
      </th>
    );
  };

  return (
    <>
      <p role="status" className="tutor-hint">{t('tutor.grid.shown', { shown: rows.length, total: data.rows.length })}</p>
      <p className="tutor-legend">
        <span><span aria-hidden="true">✔</span> {t('tutor.cell.completed')}</span> <span><span aria-hidden="true">◐</span> {t('tutor.cell.started')}</span> <span><span aria-hidden="true">·</span> {t('tutor.cell.notStarted')}</span>
      </p>
      <div className="tutor-scroll" tabIndex={0} role="region" aria-labelledby="grid-caption">
        <table className="tutor-grid">
          <caption id="grid-caption">{t('tutor.grid.caption', { hours: formatHours(data.hoursPlanned, lang) })}</caption>
          <colgroup span={data.path ? 6 : 5} />
          {groups.map((group, index) => (
            <colgroup key={index} span={group.modules.length} />
          ))}
          <thead>
            <tr>
              {sortHeader('name', t('tutor.grid.apprentice'), { rowSpan: 2, className: 'tutor-sticky' })}
              {sortHeader('progress', t('tutor.grid.hours'), { rowSpan: 2 })}
              <th scope="col" rowSpan={2}>{t('tutor.grid.modules')}</th>
              <th scope="col" rowSpan={2}>{t('tutor.grid.average')}</th>
              {sortHeader('activity', t('tutor.grid.lastActivity'), { rowSpan: 2 })}
              {data.path && <th scope="col" rowSpan={2}>{t('tutor.grid.stageReached')}</th>}
              {groups.map((group, index) => (
                <th key={index} scope="colgroup" colSpan={group.modules.length} className="tutor-stage">
                  {group.title ? <span lang={group.title.lang}>{group.title.text}</span> : t('tutor.grid.otherModules')}
                  {group.hours !== null && <span className="tutor-stage-hours"> · {t('tutor.hours', { hours: formatHours(group.hours, lang) })}</span>}
                </th>
              ))}
            </tr>
            <tr>
              {modules.map((module) => (
                <th key={module.id} scope="col" className="tutor-module" lang={data.languages.get(module.id)}>
                  {module.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <GridRowView key={row.apprentice.id} row={row} cohortId={data.cohort.id} path={data.path} modules={modules} hoursPlanned={data.hoursPlanned} now={now} openApprentice={openApprentice} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function GridRowView({ row, cohortId, path, modules, hoursPlanned, now, openApprentice }: { row: GridRow; cohortId: string; path: GridResponse['path']; modules: GridResponse['modules']; hoursPlanned: number; now: number; openApprentice: (id: string) => void }) {
  const { t, lang } = useLocale();
  const inactive = isInactive(row, now);
  const share = hoursPlanned > 0 ? Math.min(1, row.hoursDone / hoursPlanned) : 0;
  return (
    <tr className={inactive ? 'tutor-inactive' : undefined}>
      <th scope="row" className="tutor-sticky">
        <a
          href={`./${placeSearch({ cohortId, apprenticeId: row.apprentice.id, tab: 'progression' })}`}
          onClick={(event) => {
            event.preventDefault();
            openApprentice(row.apprentice.id);
          }}
        >
          {apprenticeName(row)}
        </a>
        {inactive && <span className="tutor-flag">{t('tutor.grid.inactive', { days: daysInactive(row, now) })}</span>}
      </th>
      <td>
        <span className="tutor-hours">{t('tutor.grid.hoursValue', { done: formatHours(row.hoursDone, lang), planned: formatHours(hoursPlanned, lang) })}</span>
        <span className="tutor-bar" aria-hidden="true">
          <span style={{ inlineSize: `${Math.round(share * 100)}%` }} />
        </span>
      </td>
      <td>{t('tutor.grid.modulesValue', { done: row.modulesCompleted, total: modules.length })}</td>
      <td>{row.averageScore === null ? <span aria-label={t('tutor.grid.noScore')}>—</span> : `${percent(row.averageScore)} %`}</td>
      <td>{row.lastActivityAt ? <time dateTime={row.lastActivityAt} title={new Date(row.lastActivityAt).toLocaleString(lang)}>{relativeTime(row.lastActivityAt, now, lang)}</time> : t('tutor.grid.never')}</td>
      {path && <StageReachedCell row={row} path={path} />}
      {modules.map((module) => (
        <CellView key={module.id} cell={row.cells[module.id]} />
      ))}
    </tr>
  );
}

/** The stage an apprentice has reached and its status, in words (the symbol is decoration). */
function StageReachedCell({ row, path }: { row: GridRow; path: NonNullable<GridResponse['path']> }) {
  const { t, lang } = useLocale();
  const reached = stageReachedOf(row);
  if (reached.kind === 'none') return <td>—</td>;
  if (reached.kind === 'complete') return <td className="tutor-cell-completed" data-stage="complete"><span aria-hidden="true">✔ </span>{t('tutor.grid.pathComplete')}</td>;
  const title = stageTitleText(path.stages[reached.index]?.title, lang);
  return (
    <td data-stage={reached.index} data-stage-status={reached.status}>
      {t('tutor.stage.number', { number: reached.index + 1 })} · <span lang={title.lang}>{title.text}</span>
      <span className="tutor-score">{t(`tutor.stage.${reached.status}`)}</span>
    </td>
  );
}

/** A module cell: a symbol and its word (hidden visually, read aloud), and the best score. */
function CellView({ cell }: { cell: Cell | undefined }) {
  const { t } = useLocale();
  const status = cell?.status ?? 'notStarted';
  const label = t(status === 'completed' ? 'tutor.cell.completed' : status === 'started' ? 'tutor.cell.started' : 'tutor.cell.notStarted');
  return (
    <td className={`tutor-cell tutor-cell-${status}`} data-status={status}>
      <span aria-hidden="true">{status === 'completed' ? '✔' : status === 'started' ? '◐' : '·'}</span>
      <span className="visually-hidden">{label}</span>
      {cell?.bestScore !== null && cell?.bestScore !== undefined && <span className="tutor-score">{percent(cell.bestScore)} %</span>}
    </td>
  );
}
