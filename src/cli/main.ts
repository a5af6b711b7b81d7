import { backupCommand, backupHelp } from './backup.ts';
import { centreCommand, centreHelp } from './centre.ts';
import { checkCommand, checkHelp } from './check.ts';
import { clientCommand, clientHelp } from './client.ts';
import { cohortCommand, cohortHelp } from './cohort.ts';
import { ingestCommand, ingestHelp } from './ingest.ts';
import { importCommand, importHelp } from './import.ts';
import { authorCommand, authorHelp } from './author.ts';
import { keysCommand, keysHelp } from './keys.ts';
import { librariesCommand, librariesHelp } from './libraries.ts';
import { packCommand, packHelp } from './pack.ts';
import { verifyCommand, verifyHelp } from './verify.ts';
import { verifyCredentialCommand, verifyCredentialHelp } from './verify-credential.ts';
import { interviewCommand, interviewHelp } from './interview.ts';
import { progressCommand, progressHelp } from './progress.ts';
import { publishCommand, publishHelp } from './publish.ts';
import { serveCommand, serveHelp } from './serve.ts';
import { tutorCommand, tutorHelp } from './tutor.ts';
import { transcriptCommand, transcriptHelp } from './transcript.ts';
import { validationLinkCommand, validationLinkHelp } from './validation-link.ts';

const commands: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {
  check: { run: checkCommand, help: checkHelp },
  interview: { run: interviewCommand, help: interviewHelp },
  ingest: { run: ingestCommand, help: ingestHelp },
  serve: { run: serveCommand, help: serveHelp },
  client: { run: clientCommand, help: clientHelp },
  centre: { run: centreCommand, help: centreHelp },
  tutor: { run: tutorCommand, help: tutorHelp },
  cohort: { run: cohortCommand, help: cohortHelp },
  progress: { run: progressCommand, help: progressHelp },
  backup: { run: backupCommand, help: backupHelp },
  transcript: { run: transcriptCommand, help: transcriptHelp },
  pack: { run: packCommand, help: packHelp },
  verify: { run: verifyCommand, help: verifyHelp },
  import: { run: importCommand, help: importHelp },
  libraries: { run: librariesCommand, help: librariesHelp },
  publish: { run: publishCommand, help: publishHelp },
  keys: { run: keysCommand, help: keysHelp },
  author: { run: authorCommand, help: authorHelp },
  'verify-credential': { run: verifyCredentialCommand, help: verifyCredentialHelp },
  'validation-link': { run: validationLinkCommand, help: validationLinkHelp },
};

const usage = `Usage: relais <command> [options]\n\n${Object.values(commands).map((command) => command.help).join('\n\n')}`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`relais: unknown command \`${name}\`, expected one of ${Object.keys(commands).map((c) => `\`${c}\``).join(', ')}\n\n${usage}`);
    return 1;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    // Argument errors from parseArgs and I/O errors: say what, not a stack trace.
    console.error(`relais ${name}: ${(error as Error).message}`);
    return 1;
  }
}
