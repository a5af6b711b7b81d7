import type { Catalogue } from './api.ts';
import type { ValidationLinkView } from '../../../schemas/validation-api.ts';

/** Pure helpers of the apprentice's path record (tested in tests/unit/tutor-record-model.test.ts). */

export type LinkStatus = 'used' | 'revoked' | 'expired' | 'active';

/** A company link is used, revoked or expired (in that order of what happened first), or still open. */
export function linkStatus(link: Pick<ValidationLinkView, 'usedAt' | 'revokedAt' | 'expiresAt'>, now: number): LinkStatus {
  if (link.usedAt) return 'used';
  if (link.revokedAt) return 'revoked';
  return Date.parse(link.expiresAt) <= now ? 'expired' : 'active';
}

type Skill = Catalogue['skills'][number];

/**
 * The skills a tutor may validate for these paths: those of each path's trade and those its
 * stages name (a path without a trade still lists its stage skills), in catalogue order.
 */
export function skillsOfPaths(catalogue: Pick<Catalogue, 'paths' | 'skills'>, pathIds: readonly string[]): Skill[] {
  const trades = new Set<string>();
  const named = new Set<string>();
  for (const id of pathIds) {
    const path = catalogue.paths.find((candidate) => candidate.id === id) as { trade?: unknown; stages?: { skills?: unknown }[] } | undefined;
    if (!path) continue;
    if (typeof path.trade === 'string') trades.add(path.trade);
    for (const stage of path.stages ?? []) if (Array.isArray(stage.skills)) for (const skill of stage.skills) if (typeof skill === 'string') named.add(skill);
  }
  return catalogue.skills.filter((skill) => trades.has(skill.trade) || named.has(skill.id));
}

/** The skills company stages ask for: what a company link offers by default. */
export function companySkills(catalogue: Pick<Catalogue, 'paths'> | null, pathIds: readonly string[]): string[] {
  const skills = new Set<string>();
  for (const id of pathIds) {
    const path = catalogue?.paths.find((candidate) => candidate.id === id) as { stages?: { validation?: unknown; skills?: unknown }[] } | undefined;
    for (const stage of path?.stages ?? []) if (stage.validation === 'company' && Array.isArray(stage.skills)) for (const skill of stage.skills) if (typeof skill === 'string') skills.add(skill);
  }
  return [...skills];
}

/** Today as `YYYY-MM-DD` in the tutor's own time zone (the day they saw the work). */
export function localDay(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof photoTypes)[number];
/** The service's limit for a photo, decoded (src/progress/evidence.ts). */
export const maxPhotoBytes = 5 * 1024 * 1024;

/** Why a chosen photo cannot be sent, or null when it can. */
export function photoProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!(photoTypes as readonly string[]).includes(file.type)) return 'type';
  return file.size > maxPhotoBytes ? 'size' : null;
}

/** Bytes as base64, in chunks so a 5 MB photo does not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
