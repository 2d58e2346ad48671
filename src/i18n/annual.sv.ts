// Årsrapport (issue 12): the yearly follow-up as a printable page and a Word file, in Swedish.
// Registered in sv.ts as `annual`.
export const annualSv = {
  title: 'Årsrapport {year}',
  subtitle: 'Uppföljning av medborgarlöftena och det brottsförebyggande arbetet',
  partial: 'Året pågår: siffrorna gäller till och med {day} och jämförs med samma del av {previous}.',
  generated: 'Skapad {at}. Siffrorna räknas på samma sätt som i lägesbilden.',
  source: {
    promise_register: 'Källa: löftesregistret (åtaganden, deras status och aktiviteterna knutna till dem).',
    incident_reports: 'Källa: händelserna rapporterade i kanalen eller chatten, räknade som i lägesbilden.',
    activity_reports: 'Källa: aktiviteterna loggade i kanalen eller chatten, räknade som i lägesbilden.',
    hotspot_register: 'Källa: hot spots i kanalen eller chatten, deras åtgärder och den mätta effekten.',
  },
  sections: {
    areas: 'Händelser per område',
    promises: 'Medborgarlöften', incidents: 'Händelser', quarters: 'Händelser per kvartal', categories: 'Händelser per kategori',
    places: 'Händelser per plats', activities: 'Aktiviteter per typ', hotspots: 'Hot spots som bearbetats under året', schools: 'Skolor',
    // Issue 12: activities per register school, next to the incidents per school.
    schoolActivities: 'Aktiviteter per skola',
    meetings: 'Strategiskt möte',
  },
  columns: {
    area: 'Område',
    commitment: 'Åtagande', responsible: 'Ansvariga', period: 'Period', status: 'Status', activities: 'Aktiviteter', byOrganisation: 'Per organisation',
    last: 'Senaste aktivitet', quarter: 'Kvartal', category: 'Kategori', place: 'Plats', type: 'Typ', school: 'Skola', youth: 'Unga inblandade',
    change: 'Förändring', state: 'Läge', owner: 'Ansvarig organisation', measures: 'Åtgärder (klara/alla)', effectPlace: 'Platsen före → efter',
    effectArea: 'Området före → efter', date: 'Datum', organisations: 'Närvarande organisationer', decisions: 'Beslut',
  },
  total: 'Totalt {count} händelser ({previous} år {previousYear}, {change}).',
  activitiesTotal: 'Totalt {count} aktiviteter ({previous} år {previousYear}).',
  quarter: 'Kvartal {quarter}',
  noPromises: 'Inga medborgarlöften i registret för {year}.',
  noMeeting: 'Inget strategiskt möte registrerat för {year}.',
  none: 'Inga under året.',
  noArea: 'Utan område',
  unknown: 'okänt',
  unknownSchool: 'en skola som inte längre finns i skolregistret',
  /** The command's answers. */
  command: {
    /** The title of an answer that says what was mistyped. */
    problemTitle: 'Årsrapport',
    title: 'Årsrapport {year}',
    badYear: 'Skriv året så här: "årsrapport 2025" (ett år från 2000 till i år).',
    html: 'Årsrapport (utskrivbar sida)', docx: 'Årsrapport (Word)',
  },
};
