import type { AstroIntegrationLogger } from 'astro';
import type { VFile } from 'vfile';
import { checkContent, type CheckResult } from '../check/check-content-fs.ts';
import type { CheckConfig } from '../config/relais-config.ts';
import { formatReport, severityOf } from '../content/report.ts';

/** Warnings printed by the build; `npx relais check` lists them all. */
const warningsShown = 20;

/**
 * Runs the full checker (the same as `relais check`, with relais.config.ts) and prints its
 * report: every error, and the first warnings (a large library can have many). The caller stops
 * the build on errors, before Astro reads a single module.
 */
export async function checkBeforeBuild(contentDir: string, config: CheckConfig, logger: AstroIntegrationLogger): Promise<CheckResult & { library: NonNullable<CheckResult['library']> }> {
  const started = performance.now();
  const result = await checkContent({ contentDir, config });
  const withMessages = result.files.filter((file) => file.messages.length > 0);
  if (withMessages.length > 0) {
    const shown = limitWarnings(withMessages, warningsShown);
    const hidden = result.warnings - Math.min(result.warnings, warningsShown);
    const more = hidden > 0 ? `\n(${hidden} more warning${hidden === 1 ? '' : 's'} not shown: run \`npx relais check\` to see them all)` : '';
    (result.errors > 0 ? logger.error : logger.warn).call(logger, `\n${formatReport(shown)}${more}`);
  }
  logger.info(`library checked in ${Math.round(performance.now() - started)} ms`);
  return result as CheckResult & { library: NonNullable<CheckResult['library']> };
}

/** Copies of the files keeping every error and at most `max` warnings, in report order. */
function limitWarnings(files: readonly VFile[], max: number): VFile[] {
  let left = max;
  return files.map((file) => {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(file) as object) as VFile, file);
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    copy.messages = sorted.filter((message) => severityOf(message) === 'error' || left-- > 0);
    return copy;
  });
}
