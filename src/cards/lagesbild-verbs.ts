/** The Action.Execute verbs of the lägesbild feature (the core verbs are in verbs.ts). */
export const LAGESBILD_VERBS = {
  unsubscribe: 'lagesbildUnsubscribe',
  showNow: 'lagesbildShowNow',
  /** The refresh of a subscription card: a coordinator's view has "Avsluta prenumeration". */
  subscriptionView: 'lagesbildSubscriptionView',
  /** The refresh of an export card: its links, for the coordinator who asked only. */
  exportLinks: 'lagesbildExportLinks',
} as const;
