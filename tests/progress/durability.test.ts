import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClientProcess, type ServiceStorage, startServiceProcess } from '../../scripts/lib/service-process.ts';
import { createTestDatabase } from '../helpers/postgres.ts';
import { storages } from '../helpers/progress-service.ts';

/**
 * A statement acknowledged with 2xx survives `kill -9` the next instant (the issue's
 * "Robustness"), and SIGTERM drains requests in flight before closing the database. The service
 * runs as a real child process under write load.
 */
const xapi = { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };

function statement(id: string, index: number) {
  return { id, actor: { mbox: `mailto:load-${index % 7}@example.org` }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: `http://example.org/durability/${index % 13}` } };
}

async function allIds(url: string, authorization: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let next = `${url}xapi/statements?limit=500&ascending=true`;
  for (;;) {
    const response = await fetch(next, { headers: { authorization, ...xapi } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { statements: { id: string }[]; more: string };
    for (const statement of body.statements) ids.add(statement.id);
    if (!body.more) return ids;
    next = new URL(body.more, url).href;
  }
}

describe.each(storages)('durability on %s', (kind) => {
  let folder: string;
  let storage: ServiceStorage;
  let authorization: string;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'relais-durability-'));
    storage = { db: kind === 'sqlite' ? path.join(folder, 'relais.db') : await createTestDatabase(inject('postgresUrl'), 'durability') };
    authorization = createClientProcess(storage, 'load test').authorization;
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads back every acknowledged statement after kill -9 under write load', async () => {
    const service = await startServiceProcess(storage, { distDir: inject('exampleDist') });
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (worker: number) => {
      for (let round = 0; !stop; round++) {
        const batch = Array.from({ length: round % 2 === 0 ? 1 : 20 }, (_, index) => statement(randomUUID(), worker * 1000 + round + index));
        try {
          const response = await fetch(`${service.url}xapi/statements`, { method: 'POST', headers: { authorization, ...xapi }, body: JSON.stringify(batch) });
          if (response.status === 200) acknowledged.push(...((await response.json()) as string[]));
        } catch {
          return; // The process is gone: requests in flight fail, unacknowledged.
        }
      }
    };
    const workers = Array.from({ length: 6 }, (_, index) => worker(index));
    while (acknowledged.length < 400) await new Promise((resolve) => setTimeout(resolve, 20));
    service.child.kill('SIGKILL');
    stop = true;
    expect((await service.exited).signal).toBe('SIGKILL');
    await Promise.all(workers);

    const restarted = await startServiceProcess(storage, { distDir: inject('exampleDist') });
    try {
      const stored = await allIds(restarted.url, authorization);
      const missing = acknowledged.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
  });

  it('on SIGTERM finishes the request in flight, then stops accepting and exits 0', async () => {
    const service = await startServiceProcess(storage, { distDir: inject('exampleDist') });
    const ids = Array.from({ length: 200 }, () => randomUUID());
    const body = Buffer.from(JSON.stringify(ids.map((id, index) => statement(id, index))));
    const url = new URL(`${service.url}xapi/statements`);
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = request(url, { method: 'POST', headers: { authorization, ...xapi, 'Content-Length': body.length } }, (incoming) => {
        let text = '';
        incoming.on('data', (chunk) => (text += chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
      });
      outgoing.on('error', reject);
      // Half the body now, SIGTERM while the request is in flight, the rest after.
      outgoing.write(body.subarray(0, body.length / 2));
      setTimeout(() => {
        service.child.kill('SIGTERM');
        setTimeout(() => outgoing.end(body.subarray(body.length / 2)), 300);
      }, 300);
    });
    const answered = await response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toEqual(ids);
    const exit = await service.exited;
    expect(exit.code).toBe(0);
    expect(service.output()).toMatch(/stopped/);
    await expect(fetch(`${service.url}xapi/about`)).rejects.toThrow();

    const restarted = await startServiceProcess(storage, { distDir: inject('exampleDist') });
    try {
      const stored = await allIds(restarted.url, authorization);
      expect(ids.every((id) => stored.has(id))).toBe(true);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
  });
});
