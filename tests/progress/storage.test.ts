import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SqliteDatabase } from '../../src/progress/db/sqlite.ts';
import type { Database } from '../../src/progress/db/database.ts';
import { readMigrations } from '../../src/progress/db/migrations.ts';
import { freshDatabase, storages } from '../helpers/progress-service.ts';

/** The storage interface: both implementations pass the same contract. */
describe.each(storages)('storage contract on %s', (kind) => {
  let db: Database;
  let cleanup: () => void;

  beforeAll(async () => {
    ({ db, cleanup } = await freshDatabase(kind, inject('postgresUrl')));
  });
  afterAll(async () => {
    await db?.close();
    cleanup?.();
  });

  it('applies migrations once', async () => {
    expect(await db.migrate()).toEqual([]);
    const applied = await db.all<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    // Every numbered file of the dialect's folder, each applied once, in order (each issue adds its own).
    expect(applied.map((row) => row.name)).toEqual(readMigrations(kind).map((migration) => migration.name));
    expect(applied.map((row) => row.name)).toEqual(expect.arrayContaining(['0001-initial', '0002-paths-hours-validation', '0003-follow-up', '0004-credentials']));
  });

  it('runs, reads and counts with ? placeholders, numbers as numbers, bytes as bytes', async () => {
    expect(await db.run('INSERT INTO centres (id, name, created_at) VALUES (?, ?, ?)', ['c1', 'Centre 1', '2026-01-01T00:00:00.000Z'])).toBe(1);
    expect(await db.get('SELECT id, name FROM centres WHERE id = ?', ['c1'])).toEqual({ id: 'c1', name: 'Centre 1' });
    expect(await db.get('SELECT COUNT(*) AS n FROM centres')).toEqual({ n: 1 });
    expect(await db.get('SELECT id FROM centres WHERE id = ?', ['none'])).toBeUndefined();
    const bytes = new Uint8Array([0, 1, 2, 250]);
    await db.run('INSERT INTO attachments (sha2, content_type, length, content, created_at) VALUES (?, ?, ?, ?, ?)', ['h1', 'application/octet-stream', 4, bytes, 'x']);
    const row = await db.get<{ content: Uint8Array; length: number }>('SELECT content, length FROM attachments WHERE sha2 = ?', ['h1']);
    expect([...row!.content]).toEqual([0, 1, 2, 250]);
    expect(row!.length).toBe(4);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO centres (id, name, created_at) VALUES (?, ?, ?)', ['c2', 'Centre 2', 'x']);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO centres (id, name, created_at) VALUES (?, ?, ?)', ['c3', 'Centre 3', 'x']);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await db.all<{ id: string }>('SELECT id FROM centres ORDER BY id')).map((row) => row.id)).toEqual(['c1', 'c2']);
  });

  it('serialises statement-writing transactions: each sees the one before', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        db.transaction(
          async (tx) => {
            const last = await tx.get<{ seq: number }>('SELECT seq FROM statements ORDER BY seq DESC LIMIT 1');
            await new Promise((resolve) => setTimeout(resolve, index % 3));
            const seq = (last?.seq ?? 0) + 1;
            await tx.run(
              'INSERT INTO statements (seq, id, stored, timestamp_utc, verb_id, object_ref, is_voiding, voided, apprentice_id, centre_id, module_id, client_key, body) VALUES (?, ?, ?, ?, ?, NULL, 0, 0, NULL, NULL, NULL, NULL, ?)',
              [seq, `id-${seq}`, 'x', 'x', 'v', '{}'],
            );
          },
          { serialise: true },
        ),
      ),
    );
    const seqs = (await db.all<{ seq: number }>('SELECT seq FROM statements ORDER BY seq')).map((row) => row.seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('refuses a duplicate key and keeps going', async () => {
    await expect(db.run('INSERT INTO centres (id, name, created_at) VALUES (?, ?, ?)', ['c1', 'again', 'x'])).rejects.toThrow();
    expect(await db.get('SELECT name FROM centres WHERE id = ?', ['c1'])).toEqual({ name: 'Centre 1' });
  });

  it(kind === 'sqlite' ? 'backs up online to a file that opens with the same data' : 'points to pg_dump for backups', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'relais-backup-'));
    try {
      const target = path.join(folder, 'copy.db');
      if (kind === 'postgres') {
        await expect(db.backup(target)).rejects.toThrow(/pg_dump/);
        return;
      }
      await db.backup(target);
      expect(existsSync(target)).toBe(true);
      const copy = new SqliteDatabase(target);
      expect(await copy.get('SELECT COUNT(*) AS n FROM statements')).toEqual({ n: 20 });
      await copy.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('SQLite durability settings', () => {
  it('uses WAL and synchronous=FULL', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'relais-sqlite-'));
    const db = new SqliteDatabase(path.join(folder, 'relais.db'));
    try {
      await db.migrate();
      const { DatabaseSync } = await import('node:sqlite');
      const probe = new DatabaseSync(path.join(folder, 'relais.db'));
      expect(probe.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      probe.close();
      // The writer connection: 2 = FULL, the WAL is synced on every commit.
      expect(await db.transaction((tx) => tx.get('PRAGMA synchronous'))).toEqual({ synchronous: 2 });
    } finally {
      await db.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
