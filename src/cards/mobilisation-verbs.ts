/** The Action.Execute verbs of call-outs and call lists (issue 11). */
export const MOBILISATION_VERBS = {
  call: 'mobiliseCall',
  answer: 'mobiliseAnswer',
  show: 'mobiliseShow',
  external: 'mobiliseExternal',
  externalSent: 'mobiliseExternalSent',
  openClose: 'mobiliseOpenClose',
  close: 'mobiliseClose',
  showCallList: 'callListShow',
  addToCallList: 'callListAdd',
  removeFromCallList: 'callListRemove',
} as const;
