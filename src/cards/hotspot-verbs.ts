/** The Action.Execute verbs of hot spots, quick reports and the place register. */
export const HOTSPOT_VERBS = {
  quickSave: 'hotspotQuickSave',
  undo: 'hotspotUndo',
  start: 'hotspotStart',
  show: 'hotspotShow',
  next: 'hotspotNext',
  openMeasure: 'hotspotOpenMeasure',
  addMeasure: 'hotspotAddMeasure',
  measureDone: 'hotspotMeasureDone',
  openFollowUp: 'hotspotOpenFollowUp',
  setFollowUp: 'hotspotSetFollowUp',
  openAnalysis: 'hotspotOpenAnalysis',
  saveAnalysis: 'hotspotSaveAnalysis',
  logVisit: 'hotspotLogVisit',
  showPlace: 'placeShow',
  savePlace: 'placeSave',
  mergePlace: 'placeMerge',
} as const;
