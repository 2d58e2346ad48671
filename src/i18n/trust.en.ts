import type { Shape } from './catalogue-shape';
import type { trustSv } from './trust.sv';

export const trustEn: Shape<typeof trustSv> = {
  whoQuestion: 'Who do you mean? @mention the person, for example: coordinator @Anna Andersson.',
  unknownPerson: 'I do not know {name} yet. They need to have reported something first, or give their Entra object id.',
  coordinatorAdded: '{name} is now a coordinator.',
  organisationQuestion: 'Which organisation? Write for example: organisation @Anna Andersson school.',
  organisationChanged: '{name} now belongs to {organisation}.',
  logTitle: 'Log – latest events',
  logEmpty: 'The log is empty.',
  unavailable: 'There is nothing like that here. It may have been removed, or it belongs to another channel or chat.',
  forbidden: 'You do not have the right to do that. Ask a coordinator for help.',
  forbiddenCoordinator: 'You do not have the right to do that – only a coordinator can. Ask a coordinator for help.',
  needsConfirmedOrganisation: 'Your organisation is not confirmed yet. Ask a coordinator to write: organisation @your name police (or your organisation).',
  badPayload: 'The card could not be read. Write "help" and start again.',
  organisationUnconfirmed: 'organisation not confirmed',
  action: {
    'report.created': 'created', 'report.changed': 'changed', 'report.status': 'changed the status of',
    'report.assigned': 'took', 'report.deleted': 'deleted', 'report.anonymised': 'anonymised',
    'report.follow_up_done': 'marked the follow-up done for',
    'export.created': 'exported', 'export.downloaded': 'downloaded', 'coordinator.added': 'made a coordinator:', 'organisation.changed': 'changed the organisation of',
    'organisation.confirmed': 'was confirmed (e-mail domain) for', 'access.refused': 'was refused:',
    'hotspot.created': 'started', 'hotspot.stage': 'moved', 'hotspot.reopened': 'restarted',
    'hotspot.owner': 'changed the owner of', 'hotspot.analysis': 'saved the analysis of', 'hotspot.follow_up': 'set the follow-up day of',
    'hotspot.measure_added': 'added', 'hotspot.measure_done': 'marked as done:',
    'place.edited': 'edited', 'place.alias_added': 'added another name for', 'place.merged': 'merged another place into',
    'est.reporter_added': 'made a rapportör:', 'est.reporter_removed': 'removed as rapportör:', 'est.meeting': 'changed the EST meeting time',
    'est.assessed': 'assessed the area', 'est.priorities': 'chose priority areas', 'est.nothing_to_report': 'answered nothing to report for',
    'school.added': 'added', 'school.edited': 'edited',
    'hotspot.anonymised': 'anonymised', 'user.anonymised': 'removed', 'records.removed': 'removed',
    'promise.added': 'added', 'commitment.status': 'set the status of', 'meeting.recorded': 'recorded a strategic meeting',
    'analysis.saved': 'saved the analysis of the statutory situation report',
  },
  exportSubject: { week: 'lägesbild week {week} {year}', month: 'lägesbild {month}', year: 'lägesbild {year}', days: 'lägesbild {first} – {last}' },
  fieldWords: {
    who: 'who', what: 'what', when: 'when', why: 'why',
    name: 'name', kind: 'kind', lat: 'latitude', lon: 'longitude', parentId: 'area', alias: 'other name',
  },
  exportFile: {
    csv: 'CSV', zip: 'CSV files (zip)', html: 'report',
    'annual-html': 'annual report (page)', 'annual-docx': 'annual report (Word)', 'law-html': 'statutory situation report (page)', 'law-docx': 'statutory situation report (Word)',
  },
  entity: {
    incident: 'incident', activity: 'activity', export: 'export', user: 'user', place: 'place', hotspot: 'hot spot',
    measure: 'measure', action: 'action', school: 'school', promise: 'citizen promise', commitment: 'commitment', meeting: 'meeting', records: 'records',
  },
  rateLimited: 'You are sending a lot of messages right now. Wait half a minute and try again – nothing you saved is lost.',
};
