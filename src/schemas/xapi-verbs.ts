/** The ADL verbs Relais records and reads (http://adlnet.gov/expapi/verbs/…). No zod here: module pages import this. */
export const verbs = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  voided: 'http://adlnet.gov/expapi/verbs/voided',
} as const;
export type VerbName = keyof typeof verbs;
