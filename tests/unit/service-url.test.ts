import { describe, expect, it } from 'vitest';
import { serviceUrlFrom } from '../../src/site/scripts/progress/service-url.ts';

describe('where the apprentice pages call the progress service', () => {
  it('stays on the page origin by default (one origin, `relais serve`)', () => {
    expect(serviceUrlFrom(null, '/xapi/statements')).toBe('/xapi/statements');
    expect(serviceUrlFrom('', '/api/join')).toBe('/api/join');
  });

  it('goes to the service named in relais.config.ts, keeping its path prefix', () => {
    expect(serviceUrlFrom('https://suivi.centre.example', '/api/join')).toBe('https://suivi.centre.example/api/join');
    expect(serviceUrlFrom('https://centre.example/relais/', '/xapi/statements')).toBe('https://centre.example/relais/xapi/statements');
  });
});
