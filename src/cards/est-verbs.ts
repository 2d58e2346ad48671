/** The Action.Execute verbs of the EST week (issue 12). */
export const EST_VERBS = {
  overview: 'estOverview',
  areas: 'estAreas',
  openAssessment: 'estOpenAssessment',
  saveAssessment: 'estSaveAssessment',
  openMeeting: 'estOpenMeeting',
  saveMeeting: 'estSaveMeeting',
  openPriorities: 'estOpenPriorities',
  savePriorities: 'estSavePriorities',
  removeReporter: 'estRemoveReporter',
  /** On the personal nudge: the organisation has nothing to report this week. */
  nothingToReport: 'estNothingToReport',
} as const;
