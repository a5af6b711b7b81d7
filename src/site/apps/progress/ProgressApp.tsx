import { useCallback, useEffect, useMemo, useState } from 'react';
import { catalogueSchema, type Catalogue } from '../../../schemas/catalogue.ts';
import { progressByModule } from '../../scripts/progress/local-progress.ts';
import type { LocalStatement, SyncState } from '../../scripts/progress/queue-state.ts';
import { ProgressStore, type Identity, type ServiceRecord } from '../../scripts/progress/store.ts';
import { announceChange, changesChannel, keepSyncing, syncOnce } from '../../scripts/progress/sync.ts';
import { CodeForm } from './CodeForm.tsx';
import { RecoveryCode } from './RecoveryCode.tsx';
import { MyCertificates } from './MyCertificates.tsx';
import { MyPaths } from './MyPaths.tsx';
import { join, logout, me, recover, serviceRecord, type Failure } from './service-client.ts';
import { summarise } from './summary.ts';
import { fillPlaceholders } from '../../../i18n/text.ts';

/**
 * "My progress" (/progression/): reads the local record (works offline), shows what was done
 * per trade and path, the sync state, and joins, recovers or leaves a cohort (network needed).
 */
interface Props {
  lang: string;
  strings: Record<string, string>;
  tradeLabels: Record<string, string>;
}

interface Local {
  records: LocalStatement[];
  identity: Identity | null;
  sync: SyncState;
  /** The centre's last answer (paths with hours and validations, certificates), if any. */
  centre: ServiceRecord | null;
}

export default function ProgressApp({ lang, strings, tradeLabels }: Props) {
  const t = useCallback((key: string, values: Record<string, string | number> = {}) => fillPlaceholders(strings[key] ?? key, values, ''), [strings]);
  const [store, setStore] = useState<ProgressStore | null>(null);
  const [broken, setBroken] = useState(false);
  const [local, setLocal] = useState<Local | null>(null);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [online, setOnline] = useState(true);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  // Whether `local.centre` was read during this visit (else it is the copy kept from an earlier one).
  const [centreFresh, setCentreFresh] = useState(false);

  const dateTime = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }), [lang]);
  const clock = useMemo(() => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }), [lang]);
  const number = useMemo(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }), [lang]);

  const reload = useCallback(async (from: ProgressStore) => {
    const [records, identity, sync, centre] = await Promise.all([from.all(), from.getMeta('identity'), from.syncState(), from.getMeta('serviceRecord')]);
    // A copy read for another apprentice (someone else used this phone) is not shown.
    setLocal({ records, identity: identity ?? null, sync, centre: centre && identity && centre.apprenticeId === identity.apprenticeId ? centre : null });
  }, []);

  useEffect(() => {
    setOnline(navigator.onLine);
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    let stop = () => {};
    let channel: BroadcastChannel | undefined;
    const changed = () => { if (opened) void reload(opened); };
    let opened: ProgressStore | undefined;
    ProgressStore.open().then(
      (opening) => {
        opened = opening;
        setStore(opening);
        void reload(opening);
        const syncing = keepSyncing(opening);
        stop = () => syncing.stop();
        addEventListener('relais:progress-change', changed);
        try {
          channel = new BroadcastChannel(changesChannel);
          channel.onmessage = changed;
        } catch { /* this tab's own changes only */ }
      },
      () => setBroken(true),
    );
    // The catalogue is precached by the service worker: it reads offline too.
    fetch('/catalogue.json').then((response) => response.json()).then((body: unknown) => {
      const parsed = catalogueSchema.safeParse(body);
      if (parsed.success) setCatalogue(parsed.data);
    }).catch(() => { /* without it, the sync status and cohort still show */ });
    return () => {
      stop();
      channel?.close();
      removeEventListener('online', update);
      removeEventListener('offline', update);
      removeEventListener('relais:progress-change', changed);
    };
  }, [reload]);

  // Joined and online: refresh the cohorts and nickname; a 401 means the token is gone.
  const identityToken = local?.identity?.token;
  useEffect(() => {
    if (!store || !identityToken || !online) return;
    void me(identityToken).then(async (answer) => {
      const identity = await store.getMeta('identity');
      if (!identity || identity.token !== identityToken) return;
      if (answer.ok) {
        await store.setMeta('identity', { ...identity, nickname: answer.value.apprentice.nickname, cohorts: answer.value.cohorts.map(({ id, name }) => ({ id, name })) });
        // The centre's figures (with practical hours and validations) win over the device's; kept for offline.
        const centre = await serviceRecord(identity);
        if (centre.ok) {
          await store.setMeta('serviceRecord', centre.value);
          setCentreFresh(true);
        }
      } else if (answer.reason === 'unauthorised') {
        await store.setMeta('sync', { ...(await store.syncState()), needsRecovery: true });
      }
      await reload(store);
    });
  }, [store, identityToken, online, reload]);

  const failureText = (failure: Failure, unknownKey: string, badKey: string) => {
    switch (failure.reason) {
      case 'network': return t('progress.needsNetwork');
      case 'unknown': return t(unknownKey);
      case 'too-many': return t('progress.tooMany');
      case 'bad-input': return failure.message.startsWith('nickname') ? t('progress.join.badNickname') : t(badKey);
      default: return t('progress.failed', { message: failure.message });
    }
  };

  const adopt = async (identity: Identity) => {
    if (!store) return;
    await store.adopt(identity);
    announceChange();
    await syncOnce(store, { force: true });
    await reload(store);
  };

  if (broken) return <p role="alert">{t('progress.unsupported')}</p>;
  if (!local || !store) return <p>{t('progress.loading')}</p>;

  const progress = progressByModule(local.records);
  const summary = catalogue ? summarise(catalogue, progress) : null;
  const mine = (record: LocalStatement) => !local.identity || record.statement.actor.account.name === local.identity.actor.account.name || record.statement.actor.account.name.startsWith('local-');
  const queued = local.records.filter((record) => record.state === 'queued' && mine(record)).length;
  const rejected = local.records.filter((record) => record.state === 'rejected').length;
  const percent = (value: number | null) => (value === null ? '–' : number.format(value * 100));

  const syncText = !local.identity
    ? (queued > 0 ? t('progress.sync.local', { count: queued }) : t('progress.sync.nothing'))
    : local.sync.needsRecovery ? t('progress.sync.recover')
    : queued > 0 ? (online ? t('progress.sync.pending', { count: queued }) : t('progress.sync.waiting', { count: queued }))
    : local.sync.lastSyncAt ? t('progress.sync.done', { time: clock.format(new Date(local.sync.lastSyncAt)) })
    : t('progress.sync.nothing');

  return (
    <div className="progress-app">
      {recoveryCode && <RecoveryCode code={recoveryCode} t={t} onDone={() => setRecoveryCode(null)} />}
      <p className="progress-notice" role="status">{notice}</p>

      <section aria-labelledby="sync-title" className="progress-sync">
        <h2 id="sync-title">{t('progress.sync.title')}</h2>
        <p className="sync-status" data-queued={queued}>{syncText}</p>
        {rejected > 0 && <p className="sync-rejected">{t('progress.sync.rejected', { count: rejected })}</p>}
        {local.identity && queued > 0 && online && !local.sync.needsRecovery && (
          <p><button type="button" className="button secondary" onClick={() => void syncOnce(store, { force: true }).then(() => reload(store))}>{t('progress.sync.now')}</button></p>
        )}
      </section>

      {summary && summary.trades.length > 0 && (
        <section aria-labelledby="trades-title">
          <h2 id="trades-title">{t('progress.trades')}</h2>
          <ul className="list progress-trades">
            {summary.trades.map((trade) => (
              <li key={trade.trade}><strong>{tradeLabels[trade.trade] ?? trade.trade}</strong><br />{t('progress.modulesDone', { done: trade.done, total: trade.total })} · {t('progress.studyHours', { hours: number.format(trade.studyHours) })}</li>
            ))}
          </ul>
        </section>
      )}
      {local.centre && local.centre.paths.length > 0 ? (
        <MyPaths t={t} lang={lang}
          source={centreFresh ? t('progress.source.centre') : t('progress.source.cached', { date: `${dateTime.format(new Date(local.centre.at))} ${clock.format(new Date(local.centre.at))}` })}
          paths={local.centre.paths.map((path) => ({ id: path.pathId, title: path.title, progress: path }))} />
      ) : summary && summary.paths.length > 0 && (
        <MyPaths t={t} lang={lang} source={t('progress.source.device')}
          paths={summary.paths.map((path) => ({ id: path.id, title: path.title, progress: path.progress, detail: `${t('progress.modulesDone', { done: path.done, total: path.total })} · ${t('progress.studyHours', { hours: number.format(path.studyHours) })}` }))} />
      )}
      <section aria-labelledby="modules-title">
        <h2 id="modules-title">{t('progress.modules')}</h2>
        {summary && summary.modules.length > 0 ? (
          <ul className="list progress-modules">
            {summary.modules.map((module) => (
              <li key={module.id} data-module={module.id}>
                <a href={`/${module.id}/`}>{module.title}</a>
                {module.progress.completedAt && <> · <span className="done">{t('progress.doneOn', { date: dateTime.format(new Date(module.progress.completedAt)) })}</span></>}
                <br /><small>{t('progress.lastActivity', { date: dateTime.format(new Date(module.progress.lastAt)) })}</small>
                {module.progress.attempts > 0 && <><br /><small className="score">{t('progress.score', { best: percent(module.progress.bestScore), last: percent(module.progress.lastScore), attempts: module.progress.attempts })}</small></>}
              </li>
            ))}
          </ul>
        ) : <p>{t('progress.none')}</p>}
      </section>

      {local.identity && (
        <MyCertificates t={t} lang={lang} credentials={local.centre?.credentials ?? []}
          note={local.centre ? (centreFresh ? '' : t('progress.source.cached', { date: `${dateTime.format(new Date(local.centre.at))} ${clock.format(new Date(local.centre.at))}` })) : t('progress.certificates.unknown')} />
      )}
      {local.identity ? (
        <section aria-labelledby="me-title">
          <h2 id="me-title">{t('progress.me.title')}</h2>
          {local.identity.nickname && <p>{t('progress.me.nickname', { nickname: local.identity.nickname })}</p>}
          <ul className="list progress-cohorts">{local.identity.cohorts.map((cohort) => <li key={cohort.id}>{cohort.name}</li>)}</ul>
          <p><button type="button" className="button secondary" onClick={() => {
            const token = local.identity!.token;
            void logout(token).finally(async () => { await store.forget(); announceChange(); await reload(store); });
          }}>{t('progress.logout')}</button></p>
          <p><small>{t('progress.logout.note')}</small></p>
        </section>
      ) : (
        <CodeForm title={t('progress.join.title')} intro={t('progress.join.intro')} codeLabel={t('progress.join.code')} codeHint={t('progress.join.codeHint')} submit={t('progress.join.submit')}
          onSubmit={async (form) => {
            if (!navigator.onLine) return t('progress.needsNetwork');
            const answer = await join(String(form.get('code') ?? ''), String(form.get('nickname') ?? ''));
            if (!answer.ok) return failureText(answer, 'progress.join.unknown', 'progress.join.badCode');
            await adopt(answer.value.identity);
            setNotice(t('progress.joined', { cohort: answer.value.cohort }));
            setRecoveryCode(answer.value.recoveryCode);
            return null;
          }}>
          <p className="field">
            <label htmlFor="join-nickname">{t('progress.join.nickname')}</label>
            <input id="join-nickname" name="nickname" autoComplete="nickname" maxLength={40} aria-describedby="join-nickname-hint" />
            <small id="join-nickname-hint">{t('progress.join.nicknameHint')}</small>
          </p>
        </CodeForm>
      )}
      {(!local.identity || local.sync.needsRecovery) && (
        <CodeForm title={t('progress.recover.title')} intro={t('progress.recover.intro')} codeLabel={t('progress.recover.code')} codeHint={t('progress.recover.codeHint')} submit={t('progress.recover.submit')}
          onSubmit={async (form) => {
            if (!navigator.onLine) return t('progress.needsNetwork');
            const answer = await recover(String(form.get('code') ?? ''));
            if (!answer.ok) return failureText(answer, 'progress.recover.unknown', 'progress.recover.badCode');
            await adopt(answer.value);
            setNotice(t('progress.recovered'));
            return null;
          }} />
      )}
    </div>
  );
}
