import type { Catalogue } from './sv';

// Importing a CSV file sent to the bot in the personal chat (issue 12), in English. Registered in en.ts as `fileImport`.
export const fileImportEn: Catalogue['fileImport'] = {
  title: 'Import from a file',
  howTo: 'Send the CSV file to me here in our 1:1 chat, preferably with the text "promises import" or "schools import". '
    + 'You can also paste the lines: "promises import" followed by the lines, or "schools" and the Import CSV button.',
  elsewhere: 'Files in a channel or group chat are stored in SharePoint, which I cannot reach. Send the CSV file to me in our 1:1 chat, '
    + 'or paste the lines here: "promises import" followed by the lines, or "schools" and the Import CSV button.',
  linked: 'The file was shared as a link to OneDrive or SharePoint, which I cannot reach. Upload it from your computer instead '
    + '(the paper clip → Upload from this device), or paste the lines.',
  notCsv: 'Only CSV files (.csv) can be imported. Save the file as CSV (semicolon-separated) in Excel and send it again.',
  tooLarge: 'The file is too large: at most {max} kB can be imported. Split it and send the parts one by one.',
  unreadable: 'The file could not be fetched. Send it again in a while, or paste the lines.',
  whichKind: 'I cannot tell whether the file holds citizen promises or schools. Send it again with the text "promises import" or "schools import".',
};
