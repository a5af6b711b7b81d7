import { tutorApi } from './api.ts';
import { CertificatesSection } from './CertificatesSection.tsx';
import { CompanyLinksSection } from './CompanyLinksSection.tsx';
import { CompetencesSection } from './CompetencesSection.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { useLocale } from './i18n.tsx';
import { PathProgressSection } from './PathProgressSection.tsx';
import { PracticalHoursSection } from './PracticalHoursSection.tsx';
import { recordApi } from './record-api.ts';
import { useLoad } from './use-load.ts';

export type RecordData = Awaited<ReturnType<typeof loadRecord>>;

async function loadRecord(apprenticeId: string) {
  const [paths, hours, validations, links, credentials, catalogue] = await Promise.all([
    recordApi.paths(apprenticeId),
    recordApi.hours(apprenticeId),
    recordApi.validations(apprenticeId),
    recordApi.links(apprenticeId),
    recordApi.credentials(apprenticeId),
    // Titles and skill levels are a comfort: without the catalogue, ids still say enough.
    tutorApi.catalogue().catch(() => null),
  ]);
  return { paths: paths.paths, hours: hours.hours, validations: validations.validations, links: links.links, credentials: credentials.credentials, catalogue };
}

/**
 * The apprentice's path record: progress per stage, practical hours, competences, company links
 * and certificates. Any change reloads the whole record, as one change moves several figures
 * (logged hours complete a stage; a validation issues a credential).
 */
export function ApprenticeRecord({ apprenticeId, onSessionEnded }: { apprenticeId: string; onSessionEnded: () => void }) {
  const { t } = useLocale();
  const [loaded, reload] = useLoad(() => loadRecord(apprenticeId), [apprenticeId], onSessionEnded);
  if (loaded.state === 'loading') return <p role="status">{t('tutor.loading')}</p>;
  if (loaded.state === 'failed') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  const props = { apprenticeId, data: loaded.data, changed: reload, onSessionEnded };
  return (
    <>
      <PathProgressSection {...props} />
      <PracticalHoursSection {...props} />
      <CompetencesSection {...props} />
      <CompanyLinksSection {...props} />
      <CertificatesSection {...props} />
    </>
  );
}

export interface SectionProps {
  apprenticeId: string;
  data: RecordData;
  /** Something was saved: reload the record. */
  changed: () => void;
  onSessionEnded: () => void;
}
