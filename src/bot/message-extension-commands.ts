/** The command ids of manifest/manifest.json's composeExtensions (the manifest tests hold the two together). */
export const EXTENSION_COMMANDS = { reportIncident: 'reportIncident', logActivity: 'logActivity', search: 'searchReports' } as const;
