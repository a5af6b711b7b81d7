// @ts-check
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { relaisConfig as config } from './src/config/current.ts';
import { relaisIntegration } from './src/integration/relais-integration.ts';

export default defineConfig({
  site: config.site,
  // Tests and benchmarks build other libraries side by side: each gets its own output and cache.
  outDir: config.outDir,
  cacheDir: process.env.RELAIS_CACHE_DIR ?? './node_modules/.astro',
  srcDir: './src/site',
  trailingSlash: 'always',
  // Styles go inline: on a slow network every extra request costs seconds before the first paint
  // (docs/adr/0005-offline-and-languages.md).
  build: { format: 'directory', inlineStylesheets: 'always' },
  server: { port: config.port, host: '127.0.0.1' },
  devToolbar: { enabled: false },
  // Module frontmatter is validated while typing in VS Code (Astro extension, `astro.content-intellisense`
  // in .vscode/settings.json) with the JSON Schema Astro derives from src/schemas/module.ts.
  experimental: { contentIntellisense: true },
  // React only for the app pages (my progress, tutor dashboard, validation forms): module pages stay
  // plain custom elements within their JS budget (DESIGN.md, "JavaScript budget").
  // No @astrojs/mdx: module bodies are rendered to HTML by the modules content loader, so no module
  // becomes a JavaScript module (docs/adr/0009).
  integrations: [relaisIntegration(config), react({ include: ['**/src/site/apps/**'] })],
  vite: {
    build: {
      rollupOptions: {
        // Every MDX module triggers this notice from Astro's own head-injection marker; it is harmless
        // and, with thousands of modules, it would bury real warnings.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
