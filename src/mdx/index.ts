import Checklist from './Checklist.astro';
import Clip from './Clip.astro';
import Mistake from './Mistake.astro';
import Quiz from './Quiz.astro';
import Safety from './Safety.astro';
import Steps from './Steps.astro';
import Term from './Term.astro';
import Tip from './Tip.astro';
import Tools from './Tools.astro';
import type { KnowHowComponentName } from './names.ts';

/** The know-how components, passed to every module so authors never import them. */
export const knowHowComponents = { Steps, Safety, Tip, Mistake, Tools, Clip, Quiz, Checklist, Term } satisfies Record<KnowHowComponentName, unknown>;
