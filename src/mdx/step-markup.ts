/**
 * Gives each step of a `<Steps>` list its structure. Authors write one paragraph per step,
 * `**Action.** Point clé : … Pourquoi : …`; the labels become visible sub-parts so an apprentice
 * sees at a glance what to do, what to watch and why.
 */
const keyLabel = /(Point clé|Key point)\s*:\s*/;
const whyLabel = /(Pourquoi|Why)\s*:\s*/;

export function structureSteps(html: string): string {
  return html.replace(/<li>([\s\S]*?)<\/li>/g, (_, inner: string) => `<li>${structureStep(inner)}</li>`);
}

function structureStep(inner: string): string {
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
    out += `<span class="${kind}"><b>${match[0].trim()}</b> ${body.trim()}</span>${closing ? closing[0] : ''}`;
  });
  return out;
}
