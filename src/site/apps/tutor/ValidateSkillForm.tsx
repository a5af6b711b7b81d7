import { type FormEvent, useId, useState } from 'react';
import { localText } from '../../../i18n/text.ts';
import type { SectionProps } from './ApprenticeRecord.tsx';
import { FormError } from './FormError.tsx';
import { useLocale } from './i18n.tsx';
import { useRecordAction } from './use-record-action.ts';
import { recordApi, type ValidationInput } from './record-api.ts';
import { localDay, photoProblem, photoTypes, skillsOfPaths, toBase64, type PhotoType } from './record-model.ts';

const levels = [1, 2, 3] as const;

/**
 * "Validate a skill": a skill of the apprentice's path trades, the level seen (with what each
 * level looks like), the day, a comment and an optional photo. The service signs the record and
 * issues the competence credential.
 */
export function ValidateSkillForm({ apprenticeId, data, changed, onSessionEnded }: SectionProps) {
  const { t, lang } = useLocale();
  const id = useId();
  const skills = data.catalogue ? skillsOfPaths(data.catalogue, data.paths.map((path) => path.pathId)) : [];
  const [skillId, setSkillId] = useState(skills[0]?.id ?? '');
  const { error, setError, busy, run } = useRecordAction({ changed, onSessionEnded });
  const [photoError, setPhotoError] = useState('');
  const [saved, setSaved] = useState('');
  const chosen = skills.find((skill) => skill.id === skillId) ?? skills[0];

  if (!chosen) return <p>{t('tutor.validate.noSkills')}</p>;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    setError(null);
    setPhotoError('');
    setSaved('');
    const photo = fields.get('photo');
    let evidence: ValidationInput['evidence'];
    if (photo instanceof File && photo.size > 0) {
      const problem = photoProblem(photo);
      if (problem) {
        setPhotoError(t(problem === 'type' ? 'tutor.validate.photoType' : 'tutor.validate.photoSize'));
        return;
      }
      evidence = { contentType: photo.type as PhotoType, data: toBase64(new Uint8Array(await photo.arrayBuffer())) };
    }
    const comment = String(fields.get('comment') ?? '').trim();
    await run(async () => {
      await recordApi.validate(apprenticeId, { skillId: chosen!.id, level: Number(fields.get('level')) as 1 | 2 | 3, date: String(fields.get('date')), ...(comment ? { comment } : {}), ...(evidence ? { evidence } : {}) });
      form.reset();
      setSaved(t('tutor.validate.saved', { skill: localText(chosen!.label, lang).text }));
    });
  }

  return (
    <details>
      <summary>{t('tutor.validate.title')}</summary>
      <form onSubmit={submit} className="tutor-form" aria-label={t('tutor.validate.title')}>
        <p className="tutor-field">
          <label htmlFor={`${id}-skill`}>{t('tutor.competences.skill')}</label>
          <select id={`${id}-skill`} name="skill" value={chosen.id} onChange={(event) => setSkillId(event.target.value)}>
            {skills.map((skill) => {
              const label = localText(skill.label, lang);
              return <option key={skill.id} value={skill.id} lang={label.lang}>{label.text}</option>;
            })}
          </select>
        </p>
        <fieldset className="tutor-levels">
          <legend>{t('tutor.competences.level')}</legend>
          {levels.map((level) => (
            <label key={level}>
              <input type="radio" name="level" value={level} required defaultChecked={level === 1} />
              <span><strong>{t('tutor.competences.levelValue', { level })}</strong> <span lang="fr">{chosen.levels[level]}</span></span>
            </label>
          ))}
        </fieldset>
        <p className="tutor-field">
          <label htmlFor={`${id}-date`}>{t('tutor.validate.date')}</label>
          <input id={`${id}-date`} name="date" type="date" required defaultValue={localDay(new Date())} max={localDay(new Date())} />
        </p>
        <p className="tutor-field">
          <label htmlFor={`${id}-comment`}>{t('tutor.validate.comment')}</label>
          <textarea id={`${id}-comment`} name="comment" maxLength={1000} rows={3} />
        </p>
        <p className="tutor-field">
          <label htmlFor={`${id}-photo`}>{t('tutor.validate.photo')}</label>
          <input id={`${id}-photo`} name="photo" type="file" accept={photoTypes.join(',')} aria-describedby={`${id}-photo-hint`} />
          <small id={`${id}-photo-hint`} className="tutor-hint">{t('tutor.validate.photoHint')}</small>
        </p>
        <p className="tutor-error" role="alert">{photoError}</p>
        <FormError error={error} />
        <button type="submit" className="button" disabled={busy}>{t('tutor.validate.submit')}</button>
        <p className="tutor-ok" role="status">{saved}</p>
      </form>
    </details>
  );
}
