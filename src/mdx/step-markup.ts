/**
 * Gives each step of a `<Steps>` list its structure. Authors write one paragraph per step,
 * `**Action.** Point clé : … Pourquoi : …`; the labels become visible sub-parts so an apprentice
 * sees at a glance what to do, what to watch and why.
 *
 * The labels of every UI language are recognised (`knowhow.keyPoint` and `knowhow.why` of each
 * strings file), so a module in a new language needs only its strings file.
 */
export interface StepLabels {
  keyPoint: readonly string[];
  why: readonly string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (labels: readonly string[]) => [...new Set(labels)].sort((a, b) => b.length - a.length).map(escape).join('|');
const labelPattern = (labels: readonly string[]) => new RegExp(`(${alternatives(labels)})\\s*:\\s*`);

export const defaultStepLabels: StepLabels = { keyPoint: ['Point clé', 'Key point'], why: ['Pourquoi', 'Why'] };

export function structureSteps(html: string, labels: StepLabels = defaultStepLabels): string {
  const keyLabel = labelPattern(labels.keyPoint);
  const whyLabel = labelPattern(labels.why);
  return html.replace(/<li>([\s\S]*?)<\/li>/g, (_, inner: string) => `<li>${structureStep(inner, keyLabel, whyLabel)}</li>`);
}

function structureStep(inner: string, keyLabel: RegExp, whyLabel: RegExp): string {
  const key = keyLabel.exec(inner);
  const why = whyLabel.exec(inner);
  if (!key && !why) return inner;
  const cuts = [key, why].filter((match): match is RegExpExecArray => match !== null).sort((a, b) => a.index - b.index);
  let out = inner.slice(0, cuts[0]!.index);
  cuts.forEach((match, index) => {
    const end = index + 1 < cuts.length ? cuts[index + 1]!.index : inner.length;
    const text = inner.slice(match.index + match[0].length, end);
    // Keep a closing </p> outside the span when the list is loose.
    const closing = /<\/p>\s*$/.exec(text);
    const body = closing ? text.slice(0, closing.index) : text;
    const kind = match === key ? 'step-key' : 'step-why';
    // A space between the parts keeps them separate sentences for read-aloud and screen readers.
    out += `${index > 0 && !closing ? ' ' : ''}<span class="${kind}"><b>${match[0].trim()}</b> ${body.trim()}</span>${closing ? closing[0] : ''}`;
  });
  return out;
}
