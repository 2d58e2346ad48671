/** The Action.Execute verbs of the lägesbild feature (the core verbs are in verbs.ts). */
export const LAGESBILD_VERBS = {
  unsubscribe: 'lagesbildUnsubscribe',
  showNow: 'lagesbildShowNow',
} as const;
