import { useState } from 'react';
import type { StringKey } from '../../../i18n/strings.ts';
import type { WeeklyActivity } from '../../../schemas/centre-api.ts';
import { tutorApi } from './api.ts';
import type { CohortTabProps } from './CohortView.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { formatDate } from './grid-model.ts';
import { chartBars } from './chart-model.ts';
import { useLocale } from './i18n.tsx';
import { useLoad } from './use-load.ts';

type Series = 'activeApprentices' | 'statements' | 'completions';
const series: { id: Series; label: StringKey }[] = [
  { id: 'activeApprentices', label: 'tutor.activity.active' },
  { id: 'completions', label: 'tutor.activity.completions' },
  { id: 'statements', label: 'tutor.activity.statements' },
];

/**
 * The cohort's last 12 weeks as a bar chart (drawn here, no chart library). The SVG is for the
 * eyes; the same numbers are a table for screen readers.
 */
export function ActivityChart({ cohort, onSessionEnded }: CohortTabProps) {
  const { t, lang } = useLocale();
  const [activity, reload] = useLoad(() => tutorApi.activity(cohort.id, 12), [cohort.id], onSessionEnded);
  const [shown, setShown] = useState<Series>('activeApprentices');

  if (activity.state === 'loading') return <p role="status">{t('tutor.loading')}</p>;
  if (activity.state === 'failed') return <ErrorNotice error={activity.error} onRetry={reload} />;
  const weeks = activity.data.weeks;
  return (
    <>
      <h3 id="activity-title">{t('tutor.activity.title')}</h3>
      <fieldset className="tutor-series">
        <legend>{t('tutor.activity.show')}</legend>
        {series.map((item) => (
          <label key={item.id}>
            <input type="radio" name="series" value={item.id} checked={shown === item.id} onChange={() => setShown(item.id)} /> {t(item.label)}
          </label>
        ))}
      </fieldset>
      <BarChart weeks={weeks} shown={shown} lang={lang} />
      {/* Hidden around the table, not on it: a table is never narrower than its content. */}
      <div className="visually-hidden">
        <table>
          <caption>{t('tutor.activity.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tutor.activity.week')}</th>
              {series.map((item) => (
                <th key={item.id} scope="col">{t(item.label)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">{t('tutor.activity.weekOf', { date: formatDate(week.weekStart, lang) })}</th>
                {series.map((item) => (
                  <td key={item.id}>{week[item.id]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function BarChart({ weeks, shown, lang }: { weeks: WeeklyActivity['weeks']; shown: Series; lang: string }) {
  const layout = chartBars(weeks.map((week) => week[shown]), { width: 360, height: 180, top: 20, bottom: 30 });
  const short = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (
    // Decorative for assistive technologies: the table below says the same. Bars run in time order
    // left to right whatever the page's direction, like any time axis; the view box leaves room for
    // the first and last date labels.
    <svg className="tutor-chart" viewBox={`-20 0 ${layout.width + 40} ${layout.height}`} aria-hidden="true" direction="ltr">
      <line x1={0} x2={layout.width} y1={layout.baseline} y2={layout.baseline} className="tutor-chart-axis" />
      {layout.bars.map((bar, index) => (
        <g key={weeks[index]!.weekStart}>
          <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="tutor-chart-bar" />
          <text x={bar.x + bar.width / 2} y={bar.y - 4} textAnchor="middle" className="tutor-chart-value">
            {bar.value}
          </text>
          {index % 2 === 0 && (
            <text x={bar.x + bar.width / 2} y={layout.baseline + 18} textAnchor="middle" className="tutor-chart-label">
              {short.format(new Date(`${weeks[index]!.weekStart}T00:00:00Z`))}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
