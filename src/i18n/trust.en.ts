import type { Shape } from './catalogue-shape';
import type { trustSv } from './trust.sv';

export const trustEn: Shape<typeof trustSv> = {
  onlyCoordinators: 'Only a coordinator can do that. Ask the municipality’s security coordinator.',
  whoQuestion: 'Who do you mean? @mention the person, for example: coordinator @Anna Andersson.',
  unknownPerson: 'I do not know {name} yet. They need to have reported something first, or give their Entra object id.',
  coordinatorAdded: '{name} is now a coordinator.',
  organisationQuestion: 'Which organisation? Write for example: organisation @Anna Andersson school.',
  organisationChanged: '{name} now belongs to {organisation}.',
  logTitle: 'Log – latest events',
  logEmpty: 'The log is empty.',
  action: {
    'report.created': 'created', 'report.changed': 'changed', 'report.status': 'changed the status of',
    'report.assigned': 'took', 'report.deleted': 'deleted', 'report.anonymised': 'anonymised',
    'export.created': 'exported', 'coordinator.added': 'made a coordinator:', 'organisation.changed': 'changed the organisation of',
  },
  rateLimited: 'You are sending a lot of messages right now. Wait half a minute and try again – nothing you saved is lost.',
};
