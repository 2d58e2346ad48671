/** The Action.Execute verbs of the school register (issue 11). */
export const SCHOOL_VERBS = {
  list: 'schoolList',
  show: 'schoolShow',
  newForm: 'schoolNew',
  add: 'schoolAdd',
  save: 'schoolSave',
  importForm: 'schoolImportForm',
  import: 'schoolImport',
  picture: 'schoolPicture',
  walkFindingReport: 'walkFindingReport',
  walkFindingMeasure: 'walkFindingMeasure',
} as const;
