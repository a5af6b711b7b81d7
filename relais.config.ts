import { defineRelaisConfig } from './src/config/relais-config.ts';

/** Settings of this centre's Relais. Environment variables override them (see README, "Configuration"). */
export default defineRelaisConfig({
  site: 'http://localhost:4321',
  contentDir: 'content',
});
