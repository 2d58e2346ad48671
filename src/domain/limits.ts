// Field limits in one place: they keep every card far below Teams' 80 KB message size.
export const LIMITS = {
  descriptionMax: 1000,
  notesMax: 1000,
  /** "Vad gjordes?" when an incident is closed: one line. */
  resolutionMax: 200,
  placeNameMax: 80,
  schoolMax: 80,
  policeReportNumberMax: 40,
  youthInvolvedMax: 500,
  peopleMetMax: 10000,
  latestListSize: 10,
  placeChoices: 50,
} as const;
