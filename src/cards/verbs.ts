/** The Action.Execute verbs the bot answers. Cards and the action router share this one list. */
export const VERBS = {
  openIncidentForm: 'openIncidentForm',
  openActivityForm: 'openActivityForm',
  showLatest: 'showLatest',
  showHelp: 'showHelp',
  submitIncident: 'submitIncident',
  submitActivity: 'submitActivity',
  openEdit: 'openEdit',
  saveIncidentEdit: 'saveIncidentEdit',
  saveActivityEdit: 'saveActivityEdit',
  setStatus: 'setStatus',
  /** Closes an incident with "vad gjordes?" (the form setStatus to åtgärdad answers with). */
  closeReport: 'closeReport',
  assignToMe: 'assignToMe',
  /** Marks an activity's follow-up done ("Uppföljning gjord"). */
  markFollowUpDone: 'markFollowUpDone',
  showReport: 'showReport',
  cancel: 'cancel',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
