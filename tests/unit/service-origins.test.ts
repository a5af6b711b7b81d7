import { describe, expect, it } from 'vitest';
import { resolveRelaisConfig } from '../../src/config/relais-config.ts';
import { resolveServiceConfig } from '../../src/progress/config.ts';

const origins = (file: object, env: Record<string, string> = {}) => resolveServiceConfig(resolveRelaisConfig(file, env), {}, env).corsOrigins;

describe('origins the service allows (DESIGN.md, "Build → service")', () => {
  it('allows none by default: the site and the service share one origin', () => {
    expect(origins({ site: 'http://localhost:4321' })).toEqual([]);
  });

  it("allows the site's origin when relais.config.ts names a service elsewhere", () => {
    expect(origins({ site: 'https://apprendre.centre.example/relais/', service: 'https://suivi.centre.example' })).toEqual(['https://apprendre.centre.example']);
  });

  it('needs no CORS when the named service is on the same origin as the site', () => {
    expect(origins({ site: 'https://centre.example', service: 'https://centre.example/' })).toEqual([]);
  });

  it('adds the configured origins and RELAIS_CORS_ORIGINS, each once', () => {
    const env = { RELAIS_CORS_ORIGINS: 'https://b.example/, https://a.example' };
    expect(origins({ site: 'https://a.example', service: 'https://s.example', corsOrigins: ['https://a.example/x', 'https://c.example'] }, env)).toEqual([
      'https://a.example',
      'https://c.example',
      'https://b.example',
    ]);
  });

  it('takes RELAIS_SERVICE from the environment', () => {
    expect(origins({ site: 'https://a.example' }, { RELAIS_SERVICE: 'https://s.example' })).toEqual(['https://a.example']);
  });

  it('refuses a service that is not a URL, naming the setting', () => {
    expect(() => resolveRelaisConfig({ service: 'suivi' })).toThrow(/relais\.config\.ts is invalid[\s\S]*service/);
  });
});
