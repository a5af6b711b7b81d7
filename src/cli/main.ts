interface Command {
  run: (args: string[]) => Promise<number>;
  help: string;
}

// Each command loads only its own code: `relais transcript parse` must not pay for the service,
// the credentials and the checker at every start (the WebVTT conformance runner starts it 99 times).
const commands: Record<string, () => Promise<Command>> = {
  check: () => import('./check.ts').then((m) => ({ run: m.checkCommand, help: m.checkHelp })),
  interview: () => import('./interview.ts').then((m) => ({ run: m.interviewCommand, help: m.interviewHelp })),
  ingest: () => import('./ingest.ts').then((m) => ({ run: m.ingestCommand, help: m.ingestHelp })),
  serve: () => import('./serve.ts').then((m) => ({ run: m.serveCommand, help: m.serveHelp })),
  client: () => import('./client.ts').then((m) => ({ run: m.clientCommand, help: m.clientHelp })),
  centre: () => import('./centre.ts').then((m) => ({ run: m.centreCommand, help: m.centreHelp })),
  tutor: () => import('./tutor.ts').then((m) => ({ run: m.tutorCommand, help: m.tutorHelp })),
  cohort: () => import('./cohort.ts').then((m) => ({ run: m.cohortCommand, help: m.cohortHelp })),
  progress: () => import('./progress.ts').then((m) => ({ run: m.progressCommand, help: m.progressHelp })),
  backup: () => import('./backup.ts').then((m) => ({ run: m.backupCommand, help: m.backupHelp })),
  transcript: () => import('./transcript.ts').then((m) => ({ run: m.transcriptCommand, help: m.transcriptHelp })),
  pack: () => import('./pack.ts').then((m) => ({ run: m.packCommand, help: m.packHelp })),
  verify: () => import('./verify.ts').then((m) => ({ run: m.verifyCommand, help: m.verifyHelp })),
  import: () => import('./import.ts').then((m) => ({ run: m.importCommand, help: m.importHelp })),
  libraries: () => import('./libraries.ts').then((m) => ({ run: m.librariesCommand, help: m.librariesHelp })),
  publish: () => import('./publish.ts').then((m) => ({ run: m.publishCommand, help: m.publishHelp })),
  keys: () => import('./keys.ts').then((m) => ({ run: m.keysCommand, help: m.keysHelp })),
  author: () => import('./author.ts').then((m) => ({ run: m.authorCommand, help: m.authorHelp })),
  'verify-credential': () => import('./verify-credential.ts').then((m) => ({ run: m.verifyCredentialCommand, help: m.verifyCredentialHelp })),
  'validation-link': () => import('./validation-link.ts').then((m) => ({ run: m.validationLinkCommand, help: m.validationLinkHelp })),
};

async function usage(): Promise<string> {
  const loaded = await Promise.all(Object.values(commands).map((load) => load()));
  return `Usage: relais <command> [options]\n\n${loaded.map((command) => command.help).join('\n\n')}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await usage());
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) {
    console.error(`relais: unknown command \`${name}\`, expected one of ${Object.keys(commands).map((c) => `\`${c}\``).join(', ')}\n\n${await usage()}`);
    return 1;
  }
  try {
    return await (await load()).run(rest);
  } catch (error) {
    // Argument errors from parseArgs and I/O errors: say what, not a stack trace.
    console.error(`relais ${name}: ${(error as Error).message}`);
    return 1;
  }
}
