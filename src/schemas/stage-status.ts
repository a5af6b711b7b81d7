import { z } from 'zod';

/** Where an apprentice stands in a path stage (src/progress/path-progress.ts decides). */
export const stageStatus = z.enum(['not-started', 'in-progress', 'complete']);
export type StageStatus = z.infer<typeof stageStatus>;
