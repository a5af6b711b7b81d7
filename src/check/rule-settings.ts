import path from 'node:path';
import type { VFile } from 'vfile';
import type { CheckConfig, PlainLanguageSettings, RuleSeverity } from '../config/relais-config.ts';
import { isRequiredRule, ruleCatalogue, type RuleId } from './rule-catalogue.ts';
import type { FileSettings } from './module-context.ts';

/** `modules/fibre-optique/**` → a RegExp over paths relative to the content folder. */
export function globToRegExp(glob: string): RegExp {
  let pattern = glob.replace(/^\.\//, '');
  if (pattern.endsWith('/')) pattern += '**';
  let out = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*' && pattern[index + 1] === '*') {
      const slash = pattern[index + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else out += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

export interface ResolvedSettings extends FileSettings {
  /** The configured severity of a rule for this file; undefined keeps the rule's own. */
  severity(rule: string): RuleSeverity | undefined;
}

/**
 * Settings per file: relais.config.ts `check`, then each override whose globs match the file's
 * path inside the content folder (later overrides win). With `untrusted`, the untrusted-MDX
 * policy is an error everywhere, whatever the configuration says.
 */
export function settingsResolver(config: CheckConfig, contentRoot: string, untrusted = false): (file: VFile) => ResolvedSettings {
  const overrides = config.overrides.map((override) => ({
    ...override,
    patterns: (Array.isArray(override.files) ? override.files : [override.files]).map(globToRegExp),
  }));
  const cache = new Map<string, ResolvedSettings>();
  return (file) => {
    const relative = path.relative(contentRoot, path.resolve(file.path)).split(path.sep).join('/');
    const cached = cache.get(relative);
    if (cached) return cached;
    let rules: Partial<Record<string, RuleSeverity>> = { ...config.rules };
    let plainLanguage: PlainLanguageSettings = config.plainLanguage;
    for (const override of overrides) {
      if (!override.patterns.some((pattern) => pattern.test(relative))) continue;
      rules = { ...rules, ...override.rules };
      plainLanguage = { ...plainLanguage, ...override.plainLanguage };
    }
    if (untrusted) rules['untrusted-mdx'] = 'error';
    const severity = (rule: string): RuleSeverity | undefined => (isRequiredRule(rule) ? 'error' : rules[rule]);
    const resolved: ResolvedSettings = {
      plainLanguage,
      sortSkills: config.sortSkills,
      severity,
      enabled: (rule: RuleId) => severity(rule) !== 'off',
    };
    cache.set(relative, resolved);
    return resolved;
  };
}

/**
 * Gives each message its final severity: required rules are errors; configured severities
 * apply (`off` removes the message); in a draft module, errors of configurable rules become
 * warnings (a draft is work in progress and is not published), except the untrusted-MDX policy.
 */
export function applySeverities(files: readonly VFile[], settingsFor: (file: VFile) => ResolvedSettings, isDraft: (file: VFile) => boolean): void {
  for (const file of files) {
    if (file.messages.length === 0) continue;
    const settings = settingsFor(file);
    const draft = isDraft(file);
    file.messages = file.messages.filter((message) => {
      const rule = message.ruleId ?? '';
      if (isRequiredRule(rule)) {
        message.fatal = true;
        return true;
      }
      const configured = settings.severity(rule);
      if (configured === 'off') return false;
      if (configured) message.fatal = configured === 'error';
      if (draft && message.fatal && rule !== 'untrusted-mdx' && rule in ruleCatalogue) message.fatal = false;
      return true;
    });
  }
}
