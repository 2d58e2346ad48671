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
    'report.follow_up_done': 'markerade uppföljningen gjord för',
    'export.created': 'exporterade', 'export.downloaded': 'laddade ner', 'coordinator.added': 'gjorde till koordinator:', 'organisation.changed': 'bytte organisation för',
    'organisation.confirmed': 'bekräftades (e-postdomän) för', 'access.refused': 'nekades:',
    'hotspot.created': 'startade', 'hotspot.stage': 'flyttade', 'hotspot.reopened': 'startade om',
    'hotspot.owner': 'bytte ägare för', 'hotspot.analysis': 'sparade analysen för', 'hotspot.follow_up': 'satte uppföljningsdag för',
    'hotspot.measure_added': 'lade till', 'hotspot.measure_done': 'markerade som klar:',
    'place.edited': 'ändrade', 'place.alias_added': 'lade till ett annat namn för', 'place.merged': 'slog ihop en annan plats med',
    'est.reporter_added': 'gjorde till rapportör:', 'est.reporter_removed': 'tog bort som rapportör:', 'est.meeting': 'ändrade EST-mötets tid',
    'est.assessed': 'bedömde området', 'est.priorities': 'valde prioriterade områden', 'est.nothing_to_report': 'svarade inget att rapportera för',
    'school.added': 'lade till', 'school.edited': 'ändrade',
    'hotspot.anonymised': 'avidentifierade', 'user.anonymised': 'gallrade', 'records.removed': 'gallrade',
    'promise.added': 'lade till', 'commitment.status': 'satte status på', 'meeting.recorded': 'registrerade strategiskt möte',
    'analysis.saved': 'sparade analysen i lägesbilden enligt lag',
  },
  /** An export in the log: the lägesbild of its period. */
  exportSubject: { week: 'lägesbild vecka {week} {year}', month: 'lägesbild {month}', year: 'lägesbild {year}', days: 'lägesbild {first} – {last}' },
  /** The analysis questions answered and the place fields changed, as a log row names them. */
  fieldWords: {
    who: 'vem', what: 'vad', when: 'när', why: 'varför',
    name: 'namn', kind: 'typ', lat: 'latitud', lon: 'longitud', parentId: 'område', alias: 'annat namn',
  },
  /** The file an export link opened. */
  exportFile: {
    csv: 'CSV', zip: 'CSV-filer (zip)', html: 'rapport',
    'annual-html': 'årsrapport (sida)', 'annual-docx': 'årsrapport (Word)', 'law-html': 'lägesbild enligt lag (sida)', 'law-docx': 'lägesbild enligt lag (Word)',
  },
  /** What an audit row is about, when it has no reference number. */
  entity: {
    incident: 'händelse', activity: 'aktivitet', export: 'export', user: 'användare', place: 'plats', hotspot: 'hot spot',
    measure: 'åtgärd', action: 'åtgärd', school: 'skola', promise: 'medborgarlöfte', commitment: 'åtagande', meeting: 'möte', records: 'poster',
  },
  /** Said the same whether the item never existed, was removed, or belongs to another conversation or tenant. */
  unavailable: 'Det finns inget sådant här. Det kan ha tagits bort, eller så hör det till en annan kanal eller chatt.',
  forbidden: 'Du har inte behörighet att göra det. Be en koordinator om hjälp.',
  /** A refusal of something only coordinators may do says so, and who to ask. */
  forbiddenCoordinator: 'Du har inte behörighet att göra det – bara en koordinator kan det. Be en koordinator om hjälp.',
  needsConfirmedOrganisation: 'Din organisation är inte bekräftad än. Be en koordinator skriva: organisation @ditt namn polisen (eller din organisation).',
  badPayload: 'Kortet kunde inte läsas. Skriv "hjälp" och börja om.',
  organisationUnconfirmed: 'organisation ej bekräftad',
  rateLimited: 'Du skickar väldigt många meddelanden just nu. Vänta en halv minut och försök igen – inget du redan sparat har försvunnit.',
};
