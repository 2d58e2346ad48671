import type { extensionSv } from './extension.sv';

export const extensionEn: typeof extensionSv = {
  incidentDialog: 'Report as incident',
  activityDialog: 'Log as activity',
  fromMessage: 'Filled in from a message. Check the details before you save.',
  openMessage: 'Show the message',
  savedNotPosted: 'The report is saved, but its card could not be shown in the conversation. Write "latest" to see it.',
  noResults: 'No report here matches the search.',
  searchHint: 'Search by number (H-2026-0042), place or category.',
  unsupportedCommand: 'The bot does not know this command.',
  show: 'Show the report',
  linkPage: {
    title: 'Open in Teams',
    text: 'This link points to a report in Trygghetsboten. Open it in Microsoft Teams, in the channel or chat where the report was made: there it is shown to those who may see it. No details of the report are shown here.',
    openTab: 'Open the report in the lägesbild tab in Teams',
  },
};
