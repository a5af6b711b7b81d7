// @ts-check
import mdx from '@astrojs/mdx';
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
  build: { format: 'directory' },
  server: { port: config.port, host: '127.0.0.1' },
  devToolbar: { enabled: false },
  integrations: [relaisIntegration(config), mdx()],
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
