/** Names of the know-how components (kept apart from the .astro files so Node tools can read it). */
export const knowHowComponentNames = ['Steps', 'Safety', 'Tip', 'Mistake', 'Tools', 'Clip', 'Quiz', 'Checklist', 'Term'] as const;
export type KnowHowComponentName = (typeof knowHowComponentNames)[number];
