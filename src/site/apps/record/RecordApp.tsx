import { useEffect, useState } from 'react';
import type { CompetenceRecord, PathProgress } from '../../../schemas/validation-api.ts';
import { format, localText } from '../app-strings.ts';

interface Props {
  lang: string;
  strings: Record<string, string>;
}

interface CatalogueView {
  skills?: { id: string; trade: string; label: unknown; levels: Record<string, string> }[];
  trades?: { id: string; label: unknown }[];
}

type State = { kind: 'loading' } | { kind: 'not-joined' } | { kind: 'error' } | { kind: 'ready'; record: CompetenceRecord; paths: PathProgress[]; catalogue: CatalogueView };

/**
 * The apprentice's competence record (`/dossier/`): validated skills by trade with the level
 * text, who validated and when, the evidence photo, path progress; printable, and the signed
 * record as JSON to keep. Reads the service with the apprentice's cookie (`relais_apprentice`).
 */
export default function RecordApp({ lang, strings: s }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    (async () => {
      const me = await fetch('/api/me', { cache: 'no-store', credentials: 'same-origin' });
      if (me.status === 401) return setState({ kind: 'not-joined' });
      if (!me.ok) return setState({ kind: 'error' });
      const { apprentice } = (await me.json()) as { apprentice: { id: string } };
      const [record, paths, catalogue] = await Promise.all([
        fetch(`/api/apprentices/${apprentice.id}/record`, { cache: 'no-store' }),
        fetch(`/api/apprentices/${apprentice.id}/paths`, { cache: 'no-store' }),
        fetch('/catalogue.json'),
      ]);
      if (!record.ok || !paths.ok) return setState({ kind: 'error' });
      setState({
        kind: 'ready',
        record: (await record.json()) as CompetenceRecord,
        paths: ((await paths.json()) as { paths: PathProgress[] }).paths,
        catalogue: catalogue.ok ? ((await catalogue.json()) as CatalogueView) : {},
      });
    })().catch(() => setState({ kind: 'error' }));
  }, []);

  if (state.kind === 'loading') return <p role="status">{s['record.loading']}</p>;
  if (state.kind === 'not-joined') return <p role="status">{s['record.notJoined']}</p>;
  if (state.kind === 'error') return <p role="alert">{s['record.error']}</p>;

  const { record, paths, catalogue } = state;
  const skills = new Map((catalogue.skills ?? []).map((skill) => [skill.id, skill]));
  const trades = new Map((catalogue.trades ?? []).map((trade) => [trade.id, trade]));
  const byTrade = new Map<string, CompetenceRecord['validations']>();
  for (const validation of record.validations) {
    const trade = skills.get(validation.record.skillId)?.trade ?? '';
    byTrade.set(trade, [...(byTrade.get(trade) ?? []), validation]);
  }
  const date = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString(lang);

  return (
    <div className="record-app">
      <p className="record-actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {s['record.print']}
        </button>{' '}
        <a className="button" href={`/api/apprentices/${record.apprentice.id}/record?download=1`} download={`competences-${record.apprentice.id}.json`}>
          {s['record.download']}
        </a>
      </p>
      <p>
        <strong>{record.apprentice.nickname}</strong> — {record.centre.name}
      </p>
      {record.validations.length === 0 && <p>{s['record.empty']}</p>}
      {[...byTrade].map(([trade, validations]) => (
        <section key={trade || 'other'} aria-labelledby={`trade-${trade || 'other'}`}>
          <h2 id={`trade-${trade || 'other'}`}>{localText(trades.get(trade)?.label, lang) || trade}</h2>
          <ul className="record-list">
            {validations.map(({ record: item, evidenceUrl }) => {
              const skill = skills.get(item.skillId);
              const validator = item.validator;
              return (
                <li key={item.id} className="record-item">
                  <h3>{localText(skill?.label, lang) || item.skillId}</h3>
                  <p>
                    <strong>{format(s['record.level'], { level: item.level })}</strong> — {skill?.levels[String(item.level)] ?? ''}
                  </p>
                  <p>
                    {validator.kind === 'tutor' ? format(s['record.byTutor'], { name: validator.name }) : format(s['record.byCompany'], { name: validator.name, role: validator.role, company: validator.company })}{' '}
                    {format(s['record.on'], { date: date(item.date) })}
                  </p>
                  {item.comment && <blockquote>{item.comment}</blockquote>}
                  {evidenceUrl && <img className="record-evidence" src={evidenceUrl} alt={s['record.evidence']} width={160} height={120} loading="lazy" />}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {paths.length > 0 && (
        <section aria-labelledby="record-paths">
          <h2 id="record-paths">{s['record.paths']}</h2>
          {paths.map((learningPath) => (
            <div key={learningPath.pathId} className="record-path">
              <h3>{localText(learningPath.title, lang)}</h3>
              <p>{format(s['record.hours'], { done: learningPath.hoursDone.toLocaleString(lang), planned: learningPath.hoursPlanned.toLocaleString(lang) })}</p>
              <ol>
                {learningPath.stages.map((stage) => (
                  <li key={stage.index}>
                    {localText(stage.title, lang)} — {s[`record.stage.${stage.status}`]}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
