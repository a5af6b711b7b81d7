import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cohortWithApprentice, createCentreFixture, openTestService, type TestService, xapiHeaders } from '../helpers/progress-service.ts';

/** `relais author promote`: learnedFrom from the modules an apprentice completed; never overwrites. */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(os.tmpdir(), 'relais-promote-'));

describe('relais author promote', () => {
  let service: TestService;
  let apprenticeId: string;
  const content = path.join(work, 'content');
  const relais = (...args: string[]) => {
    const run = spawnSync(process.execPath, [path.join(root, 'bin/relais.mjs'), 'author', 'promote', '--db', (service.config.storage as { file: string }).file, '--dist', inject('exampleDist'), '--content', content, ...args], { cwd: work, encoding: 'utf8' });
    return { status: run.status, out: run.stdout, err: run.stderr };
  };

  beforeAll(async () => {
    service = await openTestService('sqlite', { postgresUrl: inject('postgresUrl'), distDir: inject('exampleDist') });
    const centre = await createCentreFixture(service, 'centre-nord');
    const apprentice = await cohortWithApprentice(service, centre, null, 'Karim');
    apprenticeId = apprentice.apprenticeId;
    // Two of Jean Martin's plumbing modules, one of Gérard Lefèvre's bakery modules, one only started.
    const done = ['plomberie/couper-tube-cuivre', 'plomberie/braser-raccord-cuivre', 'boulangerie/peser-et-doser'];
    for (const [index, module] of [...done, 'boulangerie/petrir-pate-a-pain'].entries()) {
      const response = await service.app.inject({
        method: 'POST',
        url: '/xapi/statements',
        headers: { authorization: apprentice.authorization, ...xapiHeaders },
        payload: { actor: apprentice.actor, verb: { id: `http://adlnet.gov/expapi/verbs/${index < done.length ? 'completed' : 'experienced'}` }, object: { id: `http://localhost:4321/${module}/` } },
      });
      expect(response.statusCode).toBe(200);
    }
    mkdirSync(path.join(content, 'authors'), { recursive: true });
    mkdirSync(path.join(content, 'trades'), { recursive: true });
    writeFileSync(path.join(content, 'trades', 'plomberie.yaml'), 'label: { fr: Plomberie }\nrome: F1603\nsummary: Plombier.\n');
  });
  afterAll(async () => {
    await service?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('writes the author file with learnedFrom = authors of completed modules, most first, consent to confirm', () => {
    const run = relais('--apprentice', apprenticeId, '--author', 'karim-haddad', '--name', 'Karim Haddad', '--trade', 'plomberie', '--years', '2');
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/karim-haddad\.yaml: 3 completed module\(s\); learned from jean-martin, gerard-lefevre\./);
    const text = readFileSync(path.join(content, 'authors', 'karim-haddad.yaml'), 'utf8');
    const author = parse(text);
    expect(author).toMatchObject({ name: 'Karim Haddad', trades: ['plomberie'], years: 2, learnedFrom: ['jean-martin', 'gerard-lefevre'], consent: { publish: false } });
    expect(text).toMatch(/^# Apprentice ap-/);
  });

  it('refuses to overwrite, and says what is wrong with bad input', () => {
    const file = path.join(content, 'authors', 'karim-haddad.yaml');
    const before = readFileSync(file, 'utf8');
    const again = relais('--apprentice', apprenticeId, '--author', 'karim-haddad', '--name', 'Autre', '--trade', 'plomberie');
    expect(again.status).toBe(1);
    expect(again.err).toMatch(/karim-haddad\.yaml already exists: nothing written/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(relais('--apprentice', 'ap-nobody', '--author', 'x-y', '--name', 'X', '--trade', 'plomberie')).toMatchObject({ status: 1, err: expect.stringMatching(/--apprentice `ap-nobody`: no such apprentice/) });
    expect(relais('--apprentice', apprenticeId, '--author', 'Karim H', '--name', 'X', '--trade', 'plomberie')).toMatchObject({ status: 1, err: expect.stringMatching(/--author `Karim H`: expected an id/) });
    expect(relais('--apprentice', apprenticeId, '--author', 'k2', '--name', 'X', '--trade', 'plombrie')).toMatchObject({ status: 1, err: expect.stringMatching(/--trade `plombrie`: no /) });
    expect(relais('--apprentice', apprenticeId, '--author', 'k2', '--trade', 'plomberie')).toMatchObject({ status: 1, err: expect.stringMatching(/missing --name/) });
  });
});
