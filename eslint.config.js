// Lints the TypeScript of the project (content is checked by `relais check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'test-results/', 'data/', 'coverage/', '**/*.astro', 'src/site/sw/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // TypeScript already resolves every name (and knows Node's and the browser's globals).
      'no-undef': 'off',
      // Report formats are matched literally in tests (`path:line:col  error  …`): two spaces read fine.
      'no-regex-spaces': 'off',
      // Unused function parameters document signatures (Fastify handlers, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  // Tests reach into deliberately malformed data (mutated credentials, statements).
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
