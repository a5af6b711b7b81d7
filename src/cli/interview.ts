import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCaptureLibrary } from '../capture/capture-library-fs.ts';
import { draftLanguages, type DraftLanguage } from '../capture/detect-language.ts';
import { interviewGuide } from '../capture/interview-guide.ts';
import { relaisConfig } from '../config/current.ts';

export const interviewHelp = `relais interview <trade> [--lang fr|en] [--out FILE.md] [--content DIR]
  Prints a printable interview guide (Markdown) for a trade of the library: steps with key
  point and reason, beginners' mistakes, what the expert notices, what if it goes wrong,
  tools, safety, and questions from the trade's skills and ROME competences.`;

export async function interviewCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { lang: { type: 'string', default: 'fr' }, out: { type: 'string' }, content: { type: 'string' } },
  });
  const [tradeId, ...extra] = positionals;
  if (tradeId === undefined || extra.length > 0) {
    console.error(`relais interview: expected one trade id\n\n${interviewHelp}`);
    return 1;
  }
  if (!(draftLanguages as readonly string[]).includes(values.lang)) {
    console.error(`relais interview: unexpected --lang \`${values.lang}\`, expected one of ${draftLanguages.map((l) => `\`${l}\``).join(', ')}`);
    return 1;
  }
  const context = readCaptureLibrary(values.content ?? relaisConfig.contentDir);
  const trade = context.trade(tradeId);
  if (!trade) {
    const known = context.tradeIds();
    console.error(`relais interview: unknown trade \`${tradeId}\`, expected one of ${known.length > 0 ? known.map((id) => `\`${id}\``).join(', ') : '(none: add content/trades/<id>.yaml)'}`);
    return 1;
  }
  const rome = context.romeFiche(trade.id);
  const guide = interviewGuide({
    trade,
    skills: context.skillsOf(trade.id),
    rome,
    romeAttribution: rome ? context.romeAttribution() : undefined,
    language: values.lang as DraftLanguage,
  });
  if (values.out) {
    writeFileSync(values.out, guide);
    console.error(`Interview guide for \`${trade.id}\` written to ${values.out}`);
  } else process.stdout.write(guide);
  return 0;
}
