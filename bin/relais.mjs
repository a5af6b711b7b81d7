#!/usr/bin/env node
// Runs on the Node 24 that the `node` devDependency installs (it strips TypeScript types).
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`relais needs Node 22.12 or newer (this is ${process.version}). Run it through npm: \`npx relais …\` or \`npm run …\`.`);
  process.exit(1);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
