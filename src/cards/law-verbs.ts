/** The Action.Execute verbs of the lägesbild enligt lag: the coordinator's analysis card and its save. */
export const LAW_VERBS = {
  openAnalysis: 'lawAnalysisOpen',
  saveAnalysis: 'lawAnalysisSave',
} as const;
