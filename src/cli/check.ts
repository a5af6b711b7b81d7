import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { VFile } from 'vfile';
import { checkContent, checkStandaloneModules, modulesUnder, type CheckResult } from '../check/check-content-fs.ts';
import { applyEdits, fixOf, type TextEdit } from '../check/fix.ts';
import { formatJsonReport } from '../check/format-json.ts';
import { relaisConfig } from '../config/current.ts';
import { countBySeverity, formatReport, severityOf } from '../content/report.ts';

export const checkHelp = `relais check [paths…] [--content DIR] [--format pretty|json] [--fix] [--quiet] [--untrusted]
  Checks the library (content/, or --content DIR): schemas, references, links and media,
  know-how structure, plain language and the MDX safety policy (docs/check-rules.md).
  Prints path:line:col  severity  message  rule  relais, then a summary; exit code 1 on any error.
  paths       only report these files or folders (inside the library, or modules from elsewhere)
  --format    pretty (default) or json (file, line, column, endLine, endColumn, severity, ruleId, message, fix)
  --fix       apply the safe fixes (timestamps, skills lists, <Term> on first use, final /) and say what changed
  --quiet     report errors only
  --untrusted content from outside: MDX may hold only Markdown and know-how components with literal props`;

/** The library a path belongs to: the content folder, or the nearest folder above it with a library.yaml. */
function libraryRootOf(target: string, contentRoot: string): string | undefined {
  if (target === contentRoot || target.startsWith(contentRoot + path.sep)) return contentRoot;
  let dir = statSync(target).isDirectory() ? target : path.dirname(target);
  for (;;) {
    if (existsSync(path.join(dir, 'library.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

interface Run {
  files: VFile[];
  errors: number;
  warnings: number;
}

async function runCheck(targets: string[], contentDir: string, untrusted: boolean): Promise<Run> {
  const config = relaisConfig.check;
  const contentRoot = path.resolve(contentDir);
  if (targets.length === 0) {
    if (!existsSync(contentRoot)) throw new Error(`content folder not found: ${contentDir}. Pass --content DIR, or set contentDir in relais.config.ts`);
    const result = await checkContent({ contentDir: contentRoot, config, untrusted });
    return { files: result.files, errors: result.errors, warnings: result.warnings };
  }
  const libraries = new Map<string, string[]>();
  const standalone: string[] = [];
  for (const target of targets) {
    const resolved = path.resolve(target);
    if (!existsSync(resolved)) throw new Error(`${target}: no such file or folder`);
    const root = libraryRootOf(resolved, contentRoot);
    if (root) libraries.set(root, [...(libraries.get(root) ?? []), resolved]);
    else standalone.push(...modulesUnder(resolved));
  }
  const results: CheckResult[] = [];
  for (const [root, filters] of libraries) {
    const result = await checkContent({ contentDir: root, config, untrusted });
    const wanted = result.files.filter((file) => {
      const full = path.resolve(file.path);
      return filters.some((filter) => full === filter || full.startsWith(filter + path.sep));
    });
    results.push({ ...result, files: wanted });
  }
  if (standalone.length > 0) results.push(checkStandaloneModules(standalone, { config, untrusted }));
  const files = results.flatMap((result) => result.files);
  const counts = countBySeverity(files);
  return { files, errors: counts.error, warnings: counts.warning };
}

/** Applies every safe fix, file by file; returns what changed, as report lines. */
function applyFixes(files: readonly VFile[]): string[] {
  const lines: string[] = [];
  for (const file of files) {
    const fixable = file.messages.map((message) => ({ message, edit: fixOf(message) })).filter((item): item is { message: (typeof item)['message']; edit: TextEdit } => item.edit !== undefined);
    if (fixable.length === 0) continue;
    const full = path.resolve(file.path);
    const before = readFileSync(full, 'utf8');
    const { text, applied } = applyEdits(before, fixable.map((item) => item.edit));
    if (applied.length === 0 || text === before) continue;
    writeFileSync(full, text);
    for (const { message, edit } of fixable) {
      if (!applied.includes(edit)) continue;
      lines.push(`${file.path}:${edit.start.line}:${edit.start.column}  fixed  ${message.reason}  ${message.ruleId ?? ''}`);
    }
  }
  return lines;
}

export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      format: { type: 'string', default: 'pretty' },
      fix: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      untrusted: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(checkHelp);
    return 0;
  }
  if (values.format !== 'pretty' && values.format !== 'json') throw new Error(`--format ${values.format}: expected \`pretty\` or \`json\``);
  const contentDir = values.content ?? relaisConfig.contentDir;
  let run = await runCheck(positionals, contentDir, values.untrusted);
  if (values.fix) {
    const fixed = applyFixes(run.files);
    const out = values.format === 'json' ? console.error : console.log;
    out(fixed.length === 0 ? 'Nothing to fix.' : `Fixed ${fixed.length} problem${fixed.length === 1 ? '' : 's'}:\n${fixed.join('\n')}\n`);
    if (fixed.length > 0) run = await runCheck(positionals, contentDir, values.untrusted);
  }
  let files = run.files.filter((file) => file.messages.length > 0);
  if (values.quiet) {
    for (const file of files) file.messages = file.messages.filter((message) => severityOf(message) === 'error');
    files = files.filter((file) => file.messages.length > 0);
  }
  if (values.format === 'json') {
    console.log(formatJsonReport(files));
  } else {
    const report = formatReport(files);
    console.log(values.quiet && run.warnings > 0 ? report.replace(/, 0 warnings (in \d+ files?)$/, ` $1 (${run.warnings} warning${run.warnings === 1 ? '' : 's'} not shown)`) : report);
  }
  return run.errors > 0 ? 1 : 0;
}
