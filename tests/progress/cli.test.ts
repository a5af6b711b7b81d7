import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClientProcess, runRelais, type ServiceStorage } from '../../scripts/lib/service-process.ts';
import { SqliteDatabase } from '../../src/progress/db/sqlite.ts';
import { createApprentice } from '../../src/progress/queries/apprentices.ts';

/** The service's commands: bootstrapping a centre, clients, backups, rebuilding progress. */
const root = path.resolve(import.meta.dirname, '../..');

function relais(args: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'bin/relais.mjs'), ...args], { cwd: root, encoding: 'utf8' });
}

describe('relais service commands', () => {
  let folder: string;
  let storage: ServiceStorage;

  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'relais-cli-'));
    storage = { db: path.join(folder, 'data', 'relais.db') };
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('bootstraps a centre, a tutor (generated password) and a cohort (join code)', () => {
    expect(runRelais(['centre', 'create', '--id', 'centre-sud', '--name', 'Centre Sud'], storage)).toBe('centre: centre-sud\nname: Centre Sud\n');
    const tutor = runRelais(['tutor', 'create', '--centre', 'centre-sud', '--name', 'Élodie Durand'], storage);
    expect(tutor).toMatch(/^login: elodie-durand\npassword: [0-9a-z]{4}(-[0-9a-z]{4}){3}\n$/);
    expect(runRelais(['tutor', 'create', '--centre', 'centre-sud', '--name', 'Élodie Durand', '--password', 'a chosen password'], storage)).toBe('login: elodie-durand-2\n');
    const cohort = runRelais(['cohort', 'create', '--centre', 'centre-sud', '--name', 'Boulangerie 2026', '--starts', '2026-09-01', '--tutor', 'elodie-durand'], storage);
    expect(cohort).toMatch(/^cohort: co-[a-z0-9]{8}\njoin code: [0-9A-Z]{4}-[0-9A-Z]{4}\n$/);
    expect(runRelais(['cohort', 'list', '--centre', 'centre-sud'], storage)).toContain('Boulangerie 2026');
    expect(runRelais(['tutor', 'list', '--centre', 'centre-sud'], storage)).toContain('elodie-durand-2');
  });

  it('issues a company validation link for an apprentice, printing its URL once', async () => {
    const db = new SqliteDatabase(storage.db);
    const { row } = await createApprentice(db, { centreId: 'centre-sud', nickname: 'Sami', now: Date.now() });
    await db.close();
    const printed = runRelais(['validation-link', 'create', '--apprentice', row.id, '--company', 'Boulangerie Martin', '--skills', 'petrissage,faconnage', '--days', '10', '--dist', inject('exampleDist')], storage);
    expect(printed).toMatch(/^http:\/\/[^/]+\/validation\/#rv_[A-Za-z0-9_-]{43}\nskills: petrissage, faconnage\nexpires: \d{4}-\d{2}-\d{2}T/);
    const unknown = relais(['validation-link', 'create', '--apprentice', 'ap-nobody00', '--company', 'X', '--skills', 'petrissage', '--db', storage.db, '--dist', inject('exampleDist')]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/--apprentice: no apprentice `ap-nobody00`/);
    const noCompany = relais(['validation-link', 'create', '--apprentice', row.id, '--db', storage.db]);
    expect(noCompany.status).toBe(1);
    expect(noCompany.stderr).toMatch(/--company: required/);
    const tooLong = relais(['validation-link', 'create', '--apprentice', row.id, '--company', 'X', '--skills', 'petrissage', '--days', '365', '--db', storage.db, '--dist', inject('exampleDist')]);
    expect(tooLong.stderr).toMatch(/--days: Expected at most 90 days/);
    const unknownSkill = relais(['validation-link', 'create', '--apprentice', row.id, '--company', 'X', '--skills', 'soudure-imaginaire', '--db', storage.db, '--dist', inject('exampleDist')]);
    expect(unknownSkill.status).toBe(1);
    expect(unknownSkill.stderr).toMatch(/--skills: unknown skill `soudure-imaginaire`/);
    const noSite = relais(['validation-link', 'create', '--apprentice', row.id, '--company', 'X', '--skills', 'petrissage', '--db', storage.db, '--dist', folder]);
    expect(noSite.status).toBe(1);
    expect(noSite.stderr).toMatch(/catalogue\.json: no skills \(the site is not built\); run `npm run build` or pass --dist DIR/);
  });

  it('says what is wrong: an unknown centre, a missing flag, a short password', () => {
    const unknown = relais(['tutor', 'create', '--centre', 'nowhere', '--name', 'X', '--db', storage.db]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No centre `nowhere`: create it first with `relais centre create --id nowhere/);
    const missing = relais(['client', 'create', '--db', storage.db]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/--name is required/);
    const short = relais(['tutor', 'create', '--centre', 'centre-sud', '--name', 'X', '--password', 'short', '--db', storage.db]);
    expect(short.stderr).toMatch(/--password: Expected a password of at least 10 characters/);
    const badId = relais(['centre', 'create', '--id', 'Centre Sud', '--name', 'X', '--db', storage.db]);
    expect(badId.stderr).toMatch(/--id: Expected an id of lowercase letters/);
  });

  it('creates clients printing key and secret (stored hashed), lists and revokes them', () => {
    const admin = createClientProcess(storage, 'LMS');
    expect(admin.key).toMatch(/^rk_[0-9a-f]{24}$/);
    expect(admin.secret.length).toBeGreaterThanOrEqual(40);
    createClientProcess(storage, 'Centre LMS', 'centre-sud');
    const list = runRelais(['client', 'list'], storage);
    expect(list).toMatch(/\(all centres\)\s+active\s+LMS/);
    expect(list).toMatch(/centre-sud\s+active\s+Centre LMS/);
    expect(list).not.toContain(admin.secret);
    expect(runRelais(['client', 'revoke', '--key', admin.key], storage)).toMatch(/Revoked/);
  });

  it('backs up a consistent copy and refuses to overwrite without --force', async () => {
    const target = path.join(folder, 'backups', 'copy.db');
    expect(runRelais(['backup', target], storage)).toMatch(/Backed up/);
    const copy = new SqliteDatabase(target);
    expect(await copy.get('SELECT COUNT(*) AS n FROM tutors')).toEqual({ n: 2 });
    await copy.close();
    const again = relais(['backup', target, '--db', storage.db]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/--force/);
    expect(relais(['backup', target, '--force', '--db', storage.db]).status).toBe(0);
    const postgres = relais(['backup', path.join(folder, 'x.dump'), '--db', 'postgres://u@127.0.0.1:1/none']);
    expect(postgres.stderr).toMatch(/pg_dump --format=custom/);
    expect(existsSync(path.join(folder, 'x.dump'))).toBe(false);
  });

  it('rebuilds progress from the statements', () => {
    expect(runRelais(['progress', 'rebuild', '--dist', inject('exampleDist')], storage)).toMatch(/^Rebuilt progress from 0 statement\(s\): 0 apprentice × module row\(s\)\.\n$/);
  });

  it('lists the commands in --help', () => {
    const help = relais(['--help']).stdout;
    for (const command of ['relais serve', 'relais client create', 'relais centre create', 'relais tutor create', 'relais cohort create', 'relais progress rebuild', 'relais backup']) expect(help).toContain(command);
  });
});
