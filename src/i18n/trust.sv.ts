export const trustSv = {
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
    'organisation.confirmed': 'bekräftades (e-postdomän) för', 'access.refused': 'nekades:',
  },
  /** Said the same whether the item never existed, was removed, or belongs to another conversation or tenant. */
  unavailable: 'Det finns inget sådant här. Det kan ha tagits bort, eller så hör det till en annan kanal.',
  forbidden: 'Du har inte behörighet att göra det. Be en koordinator om hjälp.',
  needsConfirmedOrganisation: 'Din organisation är inte bekräftad än. Be en koordinator skriva: organisation @ditt namn polisen (eller din organisation).',
  badPayload: 'Kortet kunde inte läsas. Skriv "hjälp" och börja om.',
  organisationUnconfirmed: 'organisation ej bekräftad',
  rateLimited: 'Du skickar väldigt många meddelanden just nu. Vänta en halv minut och försök igen – inget du redan sparat har försvunnit.',
};
