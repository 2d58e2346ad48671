import type { Shape } from './catalogue-shape';
import type { hotspotsSv } from './hotspots.sv';

// Hot spots, quick reports and the place register in English: the same keys as hotspots.sv.ts.
export const hotspotsEn: Shape<typeof hotspotsSv> = {
  state: { kartlaggs: 'Scanning', analyseras: 'Analysis', atgardas: 'Response', foljs_upp: 'Assessment', avslutad: 'Closed' },
  stateAction: {
    kartlaggs: 'Start again', analyseras: 'Start analysis', atgardas: 'Start response', foljs_upp: 'Start assessment', avslutad: 'Close',
  },
  label: { ny: 'new', aterkommande: 'recurring', ihallande: 'persistent', okande: 'rising' },
  placeKind: {
    skola: 'School', torg: 'Square', park: 'Park', station: 'Station', centrum: 'Town centre', bostadsomrade: 'Housing area', annat: 'Other',
  },
  quick: {
    noPlace: 'Write the place after the command, e.g. "hotspot torget graffiti on the bus shelter". Write just "hotspot" for the full card.',
    placeTooLong: 'The place name is too long – at most {max} characters. Write a shorter name, e.g. "hotspot torget graffiti".',
    confirmTitle: 'Almost done – complete the incident',
    confirmUnknownPlace: 'I cannot find "{typed}" in the place register. Choose one of the closest places, or create the new place.',
    confirmAmbiguousPlace: 'Several places fit "{typed}". Choose the right one.',
    confirmPlace: 'Place', newPlace: 'New place: {typed}', category: 'Category', categoryChoose: 'Choose a category',
    organisation: 'Your organisation', description: 'What happened?', save: 'Save', cancel: 'Cancel',
    savedTitle: 'Incident {ref} saved', savedLine: '{place} · {category} · {when}',
    edit: 'Edit', undo: 'Undo',
    undone: 'Incident {ref} has been removed.',
    undoTooLate: 'Undo is only possible during the first {minutes} minutes. Use "Edit" instead.',
    undoForbidden: 'Only the reporter can undo the incident.',
    undoConflict: 'Someone has already changed the incident, so it is not undone. Use "Edit" instead.',
    undoMissing: 'The incident no longer exists.',
  },
  card: {
    title: 'Hot spot: {place}', state: 'Stage', owner: 'Owner', followUp: 'Next follow-up', none: 'None yet',
    ownerLine: '{name} ({organisation})', analysis: 'Analysis',
    analysisWho: 'Who', analysisWhat: 'What', analysisWhen: 'When', analysisWhy: 'Why here',
    timeline: 'Timeline', timelineEmpty: 'No incidents, measures or visits yet.',
    incidentLine: '{when} · incident {ref} · {category}', measureLine: '{when} · measure: {what} ({organisation}){due}',
    measureDue: ', due {date}', measureDone: ' – done', visitLine: '{when} · {type} {ref}{people}', peopleMet: ' – {count} {count|person|people} met',
    effectTitle: 'Effect', effectPlace: 'At the place: {before} {before|incident|incidents} in the {weeks} weeks before the first measure, {after} after.',
    effectArea: 'In the area: {before} {before|incident|incidents} in the {weeks} weeks before, {after} after.',
    effectSoFar: '(The period after is still running: {days} of {total} days {days|has|have} passed.)',
    next: 'Next step', addMeasure: 'Add measure', logVisit: 'Log visit', setFollowUp: 'Set follow-up',
    editAnalysis: 'Analysis', markDone: 'Done: {what}', updated: 'Saved.',
  },
  list: {
    title: 'Active hot spots', empty: 'No active hot spots. Write "hotspots suggestions" to see places that stand out.',
    line: '{state} · {owner} · {trend}', trend: '{recent} {recent|incident|incidents} in the last 4 weeks, {before} in the 4 before', up: 'rising', down: 'falling', same: 'unchanged',
    followUp: 'follow-up {date}', overdue: '{count} overdue {count|measure|measures}', open: 'Show',
  },
  proposals: {
    title: 'Places that stand out', empty: 'No place stands out right now.',
    spike: '{latest} {latest|incident|incidents} last week, on average {mean} a week in the {weeks} weeks before.',
    spikeWithoutHistory: '{latest} {latest|incident|incidents} last week, at a place with no earlier reports.',
    trend: 'Rising by about {slope} {slope|incident|incidents} a week over the last {weeks} weeks.',
    existing: 'Already a hot spot ({state}).', create: 'Create hot spot', show: 'Show hot spot',
  },
  forms: {
    measureTitle: 'New measure for {place}', measureWhat: 'What is to be done?', measureOrganisation: 'Which organisation', measureDue: 'Due (optional)',
    followUpTitle: 'Follow-up of {place}', followUpDate: 'Follow-up date',
    analysisTitle: 'Analysis of {place}', save: 'Save', cancel: 'Cancel',
    chooseOrganisation: 'Which organisation owns the hot spot?', start: 'Create hot spot',
  },
  places: {
    title: 'Place register', empty: 'No places found.', searchTitle: 'Places like "{query}"', open: 'Show',
    line: '{kind}{area}{aliases}', inArea: ' · in {area}', aliasesLine: ' · also called {aliases}',
    cardTitle: 'Place: {name}', name: 'Name', kind: 'Kind', lat: 'Latitude', lon: 'Longitude', parent: 'Lies in the area',
    noParent: 'No area', alias: 'New other name', mergeWith: 'Merge with (the chosen place goes away, its incidents move here)',
    save: 'Save', merge: 'Merge', saved: 'The place is saved.', merged: 'The places are merged.',
    nameTaken: 'Another place has that name. Merge the places instead.', aliasTaken: 'That name is already used for a place.',
    bothHotspots: 'Both places are hot spots. Close one of them before merging.', badCoordinate: 'Give coordinates as decimals, e.g. 59.248.',
    startHotspot: 'Make it a hot spot',
  },
  refusal: {
    conflict: 'Someone else changed the hot spot first. Here is the latest version – try again.',
    invalid_transition: 'A hot spot moves one step forward at a time.',
    already_active: 'The place is already a hot spot.',
    notFound: 'I find no hot spot at "{typed}". Write "hotspots" to see all active ones.',
    notYetHotspot: '{place} is not a hot spot, but {count} {count|incident has|incidents have} been reported there.',
    create: 'Create hot spot',
    showWhich: 'Write the place after the command, e.g. "hotspot show torget".',
  },
  reminder: {
    followUp: '{owner}: time to follow up the hot spot {place} (follow-up {date}).',
    measureDue: '{owner}: the measure "{what}" for the hot spot {place} was due {date}.',
  },
  help: {
    hotspot: 'quick incident report: hotspot <place> [category] [description]',
    hotspots: 'active hot spots; "hotspots suggestions" shows places that stand out',
    places: 'list and search the place register',
  },
};
