import { defineRelaisConfig } from './src/config/relais-config.ts';

/** Settings of this centre's Relais. Environment variables override them (see README, "Configuration"). */
export default defineRelaisConfig({
  site: 'http://localhost:4321',
  contentDir: 'content',
  check: {
    overrides: [
      {
        // The Arabic test library (tests/fixtures/rtl-library) labels its steps in Arabic; the
        // knowhow-steps rule knows only the French and English labels so far. Remove once it reads
        // them from the strings files (src/i18n/step-labels.ts).
        files: 'modules/fibre-optique/securite-fibre-ar.mdx',
        rules: { 'knowhow-steps': 'warning' },
      },
    ],
  },
});
