/** The Action.Execute verbs of the promise register (medborgarlöften). */
export const PROMISE_VERBS = {
  show: 'promisesShow',
  setStatus: 'promiseSetStatus',
  openForm: 'promiseOpenForm',
  save: 'promiseSave',
  openMeetingForm: 'meetingOpenForm',
  saveMeeting: 'meetingSave',
} as const;
