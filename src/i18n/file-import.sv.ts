// Importing a CSV file sent to the bot in the personal chat (issue 12), in Swedish: the original.
// Registered in sv.ts as `fileImport`.
export const fileImportSv = {
  title: 'Import från fil',
  howTo: 'Skicka CSV-filen till mig här i vår 1:1-chatt, gärna med texten "löften import" eller "skolor import". '
    + 'Du kan också klistra in raderna: "löften import" följt av raderna, eller "skolor" och knappen Importera CSV.',
  elsewhere: 'Filer i en kanal eller gruppchatt sparas i SharePoint, dit jag inte når. Skicka CSV-filen till mig i vår 1:1-chatt, '
    + 'eller klistra in raderna här: "löften import" följt av raderna, eller "skolor" och knappen Importera CSV.',
  linked: 'Filen delades som en länk till OneDrive eller SharePoint, dit jag inte når. Ladda upp den från datorn i stället '
    + '(gemet → Ladda upp från den här enheten), eller klistra in raderna.',
  notCsv: 'Bara CSV-filer (.csv) kan importeras. Spara filen som CSV (semikolonavgränsad) i Excel och skicka den igen.',
  tooLarge: 'Filen är för stor: högst {max} kB kan importeras. Dela upp den och skicka delarna var för sig.',
  unreadable: 'Filen kunde inte hämtas. Skicka den igen om en stund, eller klistra in raderna.',
  whichKind: 'Jag kan inte avgöra om filen innehåller medborgarlöften eller skolor. Skicka den igen med texten "löften import" eller "skolor import".',
};
