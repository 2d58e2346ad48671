/** The message extension: reporting from a message, searching reports, report links. */
export const extensionSv = {
  incidentDialog: 'Rapportera som händelse',
  activityDialog: 'Logga som aktivitet',
  fromMessage: 'Ifyllt från ett meddelande. Kontrollera uppgifterna innan du sparar.',
  openMessage: 'Visa meddelandet',
  savedNotPosted: 'Rapporten är sparad, men kortet kunde inte visas i konversationen. Skriv "senaste" för att se den.',
  noResults: 'Ingen rapport här matchar sökningen.',
  searchHint: 'Sök på nummer (H-2026-0042), plats eller kategori.',
  unsupportedCommand: 'Det här kommandot känner boten inte till.',
  show: 'Visa rapporten',
  linkPage: {
    title: 'Öppna i Teams',
    text: 'Länken pekar på en rapport i Trygghetsboten. Öppna den i Microsoft Teams, i kanalen eller chatten där rapporten gjordes: där visas rapporten för dem som får se den. Här visas inga uppgifter om rapporten.',
    openTab: 'Öppna rapporten i lägesbildsfliken i Teams',
  },
};
