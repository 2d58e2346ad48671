export const trustSv = {
  onlyCoordinators: 'Det kan bara en koordinator göra. Fråga kommunens säkerhetssamordnare.',
  whoQuestion: 'Vem menar du? Nämn personen med @, till exempel: koordinator @Anna Andersson.',
  unknownPerson: 'Jag känner inte igen {name} än. Personen behöver ha rapporterat något först, eller ange Entra-objekt-id.',
  coordinatorAdded: '{name} är nu koordinator.',
  organisationQuestion: 'Vilken organisation? Skriv till exempel: organisation @Anna Andersson skola.',
  organisationChanged: '{name} tillhör nu {organisation}.',
  logTitle: 'Logg – senaste händelserna',
  logEmpty: 'Loggen är tom.',
  action: {
    'report.created': 'skapade', 'report.changed': 'ändrade', 'report.status': 'ändrade status på',
    'report.assigned': 'tog', 'report.deleted': 'raderade', 'report.anonymised': 'avidentifierade',
    'export.created': 'exporterade', 'coordinator.added': 'gjorde till koordinator:', 'organisation.changed': 'bytte organisation för',
  },
  rateLimited: 'Du skickar väldigt många meddelanden just nu. Vänta en halv minut och försök igen – inget du redan sparat har försvunnit.',
};
