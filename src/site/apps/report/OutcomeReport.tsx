import { useEffect, useState } from 'react';
import type { MilestoneOutcome, OutcomeGroup, OutcomeReport as Report } from '../../../schemas/followup-api.ts';
import { type AppStrings, format } from '../app-strings.ts';
import { callApi, NotLoggedIn } from '../centre-api-call.ts';

interface Props {
  lang: string;
  strings: AppStrings;
  loginUrl: string;
}

/** The outcome report a centre can hand to a funder: headline figures, tables, definitions; printable on A4. */
export default function OutcomeReport({ lang, strings, loginUrl }: Props) {
  const t = (key: string, values?: Record<string, string | number>) => format(strings[key] ?? key, values);
  const [report, setReport] = useState<Report | null>(null);
  const [state, setState] = useState<'loading' | 'login' | 'error' | 'ready'>('loading');
  const [message, setMessage] = useState('');
  const query = typeof window === 'undefined' ? '' : window.location.search;

  useEffect(() => {
    callApi<Report>(`/api/reports/outcomes${query}`).then(
      (data) => {
        setReport(data);
        setState('ready');
      },
      (error: Error) => {
        setState(error instanceof NotLoggedIn ? 'login' : 'error');
        setMessage(error.message);
      },
    );
  }, [query]);

  const percent = (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value));
  const date = (value: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));

  if (state === 'loading') return <p role="status">{t('followup.loading')}</p>;
  if (state === 'login') return <p className="report-login">{t('followup.login')} <a href={loginUrl}>{t('followup.loginLink')}</a></p>;
  if (state === 'error' || !report) return <p role="alert">{t('followup.error', { message })}</p>;

  // The headline: the latest milestone due for at least half of those who left (a figure on a
  // handful of early leavers would mislead), else the milestone due for the most people.
  const withDue = report.total.milestones.filter((item) => item.due > 0);
  const headline = [...withDue].reverse().find((item) => item.due * 2 >= report.total.exits.total) ?? [...withDue].sort((a, b) => b.due - a.due)[0];
  const milestoneCell = (item: MilestoneOutcome) => (item.due === 0 ? <td key={item.milestone}>—</td> : <td key={item.milestone}>{percent(item.inWorkRate)} <small>/ {percent(item.inTrainingRate)} · n={item.due}</small></td>);
  // Each group's label opens the report of that group alone (`?cohort=`, `?path=`, `?trade=`).
  const table = (title: string, groups: OutcomeGroup[], filter: 'cohort' | 'path' | 'trade') => (
    <section className="report-table">
      <h2>{title}</h2>
      {/* A wide table scrolls on a phone: focusable, so it scrolls with the keyboard too. */}
      <div className="table-scroll" role="region" aria-label={title} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('report.group')}</th>
              <th scope="col">{t('report.apprentices')}</th>
              <th scope="col">{t('report.completion')}</th>
              <th scope="col">{t('report.exits')}</th>
              <th scope="col">{t('report.placement')}</th>
              {report.total.milestones.map((item) => <th scope="col" key={item.milestone}>{t('report.inWork')} {t('report.atMonths', { months: item.milestone })}</th>)}
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key}>
                <th scope="row">{group.key === 'none' ? '—' : <a href={`?${filter}=${encodeURIComponent(group.key)}`}>{group.label}</a>}</th>
                <td>{group.apprentices}</td>
                <td>{percent(group.completionRate)} <small>({group.completed}/{group.withPath})</small></td>
                <td>{group.exits.total}</td>
                <td>{percent(group.placementRate)}</td>
                {group.milestones.map(milestoneCell)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );

  return (
    <div className="report">
      <p className="report-as-of">{t('report.asOf', { date: date(report.asOf) })} · {report.total.label === 'all' ? t('report.total') : report.total.label}</p>
      <div className="report-actions">
        {query ? <a href="?">{t('report.total')}</a> : null}
        <button type="button" onClick={() => window.print()}>{t('report.print')}</button>
        <a href={`/api/reports/outcomes.csv${query}`} download>{t('report.csv')}</a>
      </div>
      {headline ? (
        <p className="report-headline">
          <strong>{t('report.headline', { rate: percent(headline.inWorkRate), months: headline.milestone })}</strong>
          <span>{t('report.headlineBase', { due: headline.due, months: headline.milestone })}</span>
        </p>
      ) : (
        <p className="report-headline">{t('report.none')}</p>
      )}
      <dl className="report-figures">
        <div><dt>{t('report.apprentices')}</dt><dd>{report.total.apprentices}</dd></div>
        <div><dt>{t('report.completion')}</dt><dd>{percent(report.total.completionRate)}</dd></div>
        <div><dt>{t('report.exits')}</dt><dd>{report.total.exits.total} <small>({t('followup.exit.job')} {report.total.exits.job} · {t('followup.exit.training')} {report.total.exits.training} · {t('followup.exit.other')} {report.total.exits.other})</small></dd></div>
        <div><dt>{t('report.placement')}</dt><dd>{percent(report.total.placementRate)}</dd></div>
      </dl>
      <section className="report-table">
        <h2>{t('report.total')}</h2>
        <div className="table-scroll" role="region" aria-label={t('report.total')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('followup.milestone', { months: '…' })}</th>
                <th scope="col">{t('report.due')}</th>
                <th scope="col">{t('report.inWork')}</th>
                <th scope="col">{t('report.inTraining')}</th>
                <th scope="col">{t('report.unreachable')}</th>
                <th scope="col">{t('report.notRecorded')}</th>
              </tr>
            </thead>
            <tbody>
              {report.total.milestones.map((item) => (
                <tr key={item.milestone}>
                  <th scope="row">{t('followup.milestone', { months: item.milestone })}</th>
                  <td>{item.due}</td>
                  <td>{percent(item.inWorkRate)} <small>({item.employed})</small></td>
                  <td>{percent(item.inTrainingRate)} <small>({item.training})</small></td>
                  <td>{item.unreachable}</td>
                  <td>{item.notRecorded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {table(t('report.byCohort'), report.byCohort, 'cohort')}
      {table(t('report.byPath'), report.byPath, 'path')}
      {table(t('report.byTrade'), report.byTrade, 'trade')}
      <section className="report-definitions">
        <h2>{t('report.definitions')}</h2>
        <ul>
          <li>{t('report.definition.completion')}</li>
          <li>{t('report.definition.placement')}</li>
          <li>{t('report.definition.milestone')}</li>
        </ul>
      </section>
    </div>
  );
}
