import { z } from 'zod';
import { id, localizedText, moduleId } from './common.ts';

export const stageValidation = z.enum(['quiz', 'tutor', 'company', 'none']);

/** content/paths/<id>.yaml: an ordered programme of stages with planned hours, run by cohorts. */
export const pathSchema = z.strictObject({
  title: z.union([z.string().min(1), localizedText]),
  summary: z.union([z.string().min(1), localizedText]).optional(),
  trade: id.optional(),
  stages: z
    .array(
      z.strictObject({
        title: z.union([z.string().min(1), localizedText]),
        hours: z.number().nonnegative(),
        modules: z.array(moduleId).default([]),
        validation: stageValidation,
        /** Skills (of the path's trades) whose validation, by a tutor or a company as `validation` says, completes the stage. */
        skills: z.array(id).default([]),
      }),
    )
    .min(1),
});
export type LearningPath = z.infer<typeof pathSchema>;
