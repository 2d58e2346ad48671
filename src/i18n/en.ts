import type { Overrides } from './catalogue-shape';
import type { Catalogue } from './sv';
import { trustEn } from './trust.en';
import { extensionEn } from './extension.en';
import { hotspotsEn } from './hotspots.en';
import { promisesEn } from './promises.en';
import { lagesbildEn } from './lagesbild.en';
import { schoolsEn } from './schools.en';
import { mobilisationEn } from './mobilisation.en';
import { tabEn } from './tab.en';
import { exportsEn } from './exports.en';
import { estEn } from './est.en';
import { annualEn } from './annual.en';
import { fileImportEn } from './file-import.en';
import { lawEn } from './law.en';

export const en: Catalogue = {
  organisation: {
    polisen: 'Police', skola: 'School', socialtjanst: 'Social services', kommunen: 'Municipality/security coordinator',
    fritid: 'Youth & leisure', fastighetsbolag: 'Housing company', raddningstjanst: 'Fire and rescue', annan: 'Other',
  },
  category: {
    skadegorelse_klotter: 'Vandalism – graffiti', skadegorelse_glaskross: 'Vandalism – broken glass',
    skadegorelse_ovrigt: 'Vandalism – other', brand: 'Fire/arson', nedskrapning: 'Littering',
    stold_inbrott_ran: 'Theft/burglary/robbery', hot_vald: 'Threats/violence', incident_mot_anstalld: 'Incident against staff',
    narkotika: 'Drugs (suspected dealing)', ordningsstorning: 'Public disorder',
    otrygg_samling: 'Intimidating gathering', otrygg_plats: 'Unsafe place (lighting, visibility, deserted)',
    olovlig_trafik: 'Illegal traffic', arrangemang: 'Event', krankning_mobbning: 'Harassment/bullying (school)',
    ovrigt: 'Other',
  },
  severity: { lag: 'Low', medel: 'Medium', hog: 'High' },
  activityType: {
    trygghetsvandring: 'Safety walk', hotspot_besok: 'Hot spot visit', samtal_med_berorda: 'Talk with those affected',
    skolbesok: 'School visit', foraldramote: 'Parent meeting', nattvandring: 'Night walk',
    patrullering: 'Patrol/presence', forebyggande_insats: 'Preventive action', samverkansmote: 'Coordination meeting',
    strategiskt_mote: 'Strategic meeting', sspf_mote: 'SSPF meeting', elevrad_ungdomsdialog: 'Pupils\' council/youth dialogue', annat: 'Other',
    mobilisering: 'Call-out (mobilisation)',
  },
  status: { ny: 'New', hanteras: 'In progress', atgardad: 'Resolved' },
  statusAction: { ny: 'Reset to new', hanteras: 'Mark in progress', atgardad: 'Mark resolved' },
  fieldError: {
    required: 'Please fill in this field.',
    too_long: 'Too long: at most {max} characters.',
    invalid_choice: 'Pick one of the options in the list.',
    invalid_date: 'Enter a date as YYYY-MM-DD.',
    invalid_time: 'Enter a time as HH:MM, for example 14:30.',
    in_future: 'That is in the future (you typed "{typed}"). Report what has already happened.',
    too_far_ahead: 'That date is too far ahead (you typed "{typed}"): a planned activity can be at most {max} days ahead.',
    too_early: 'That date is before the year 2000 (you typed "{typed}"). Check the year.',
    not_a_whole_number: 'Enter a whole number, for example 3 (you typed "{typed}").',
    out_of_range: 'Enter a number between {min} and {max}.',
    invalid_format: 'Wrong format (you typed "{typed}").',
    invalid_case_number: 'Enter a police case number (K-nummer) like K100234-26 or 5000-K100234-26 (you typed "{typed}"). Personal identity numbers, phone numbers and the like do not belong here.',
    before_date: 'The follow-up cannot be before the activity date.',
    not_your_organisation: 'You are registered with another organisation. Ask a coordinator if you have moved.',
  },
  incidentForm: {
    title: 'Report an incident',
    editTitle: 'Edit incident {ref}',
    intro: 'Never write names or personal identity numbers – the number of young people is enough.',
    date: 'Date', time: 'Time (roughly)', place: 'Place', placeChoose: 'Choose a place from the register',
    newPlace: 'or type a new place', category: 'Category', categoryChoose: 'Choose a category',
    description: 'What happened?', descriptionPlaceholder: 'Short description, no names', severity: 'Severity',
    organisation: 'Reporting organisation', school: 'School (if it concerns a school)',
    youthInvolved: 'Young people involved (a number, never names)', policeReportNumber: 'Police case number (optional), for example K100234-26',
    submit: 'Save', cancel: 'Cancel',
  },
  activityForm: {
    title: 'Log an activity',
    editTitle: 'Edit activity {ref}',
    type: 'Type of activity', typeChoose: 'Choose a type', date: 'Date', place: 'Place (optional)',
    placeChoose: 'Choose a place from the register', newPlace: 'or type a new place',
    organisation: 'Your organisation', organisations: 'Other participating organisations', notes: 'Notes',
    notesPlaceholder: 'What was done, what came up? No names.', peopleMet: 'Number of people you met',
    followUpDate: 'Follow-up (optional)', submit: 'Save', cancel: 'Cancel',
    commitment: 'Citizen promise the activity serves (optional)', commitmentChoose: 'None',
  },
  form: {
    fixErrors: 'Something needs fixing before the report can be saved – see the marks below.',
    storeDown: 'Could not save right now, please try again. What you typed is kept.',
    personalData: 'The text contains personal data: {found}. It will be masked when you save. Remove it yourself, or press Save again.',
  },
  personalDataKind: {
    personnummer: 'personal identity number', samordningsnummer: 'coordination number', telefonnummer: 'phone number',
    'e-post': 'e-mail address', registreringsnummer: 'car registration number',
    'möjligt personnummer': 'possible personal identity number (the check digit is wrong, but it reads as a date of birth and four digits – perhaps a mistyped one)',
  },
  saved: {
    incidentTitle: 'Incident {ref}', activityTitle: 'Activity {ref}',
    savedNote: 'Saved.', updatedNote: 'Your change is saved.',
    when: 'When', place: 'Place', category: 'Category', severity: 'Severity', organisation: 'Organisation',
    school: 'School', youthInvolved: 'Young people involved', policeReportNumber: 'Police report no.', status: 'Status',
    assignee: 'Handled by', nobody: 'Nobody yet', reportedBy: 'Reported by', type: 'Type', date: 'Date',
    organisations: 'Participants', peopleMet: 'People met', followUpDate: 'Follow-up', notes: 'Notes',
    edit: 'Edit', assignToMe: "I'll take it", reportedByLine: '{name}, {organisation}, {when}',
    resolution: 'What was done', unknownCount: 'unknown number',
    followUpDone: 'Follow-up done', markFollowUpDone: 'Follow-up done',
  },
  close: {
    title: 'Close {ref}?', question: 'What was done?', placeholder: 'One line, e.g. "Graffiti removed" or "Nothing was needed"',
    save: 'Mark as resolved', cancel: 'Cancel',
  },
  notice: {
    legacySubmit: 'Update Teams to use the buttons on my cards – this version sends them in a way I cannot take. Nothing was saved. You can also type the command, for example "report" or "help".',
    conflict: 'Someone else changed the report first. Here is the latest version – please try again.',
    invalid_transition: 'The status can only move one step at a time.',
    no_status: 'Activities have no status – only incidents are handled and resolved.',
    needs_resolution: 'Write what was done to mark the incident as resolved.',
    no_follow_up: 'This report has no follow-up to mark as done.',
    storeDown: 'Could not reach the database right now, please try again shortly.',
    unknownAction: 'This button is no longer recognised. Type "help" to start over.',
    cancelled: 'Cancelled. Nothing was saved.',
    unexpected: 'Something went wrong on my side. Please try again shortly – what you saved before is safe.',
    savedAs: 'The report is saved as {ref}.',
  },
  latest: {
    activity: 'Activity',
    title: 'Latest reports in this channel', empty: 'No reports yet. Type "report" to report an incident.',
    open: 'Open',
    emptyFiltered: 'No reports match. Type "latest" to see them all.',
    filterOpen: 'open', filterMine: 'mine', filterSchool: 'school {name}', filterLine: 'Showing: {filters}',
    unknownFilter: 'I did not understand that. Type "latest", "latest open", "latest mine" or "latest school" and the name of the school.',
  },
  welcome: {
    title: "Hi! I'm Trygghetsboten",
    text: 'Police, schools, social services and the municipality report incidents and activities here in seconds. Everything feeds one shared local situation picture.',
    report: 'Report incident', activity: 'Log activity', latest: 'Latest', help: 'Help',
  },
  help: {
    title: 'What I can do',
    intro: 'Write a command to me (in a channel or group chat: @Trygghetsboten first).',
    commands: {
      help: 'show this help', report: 'report an incident', activity: 'log an activity',
      latest: "the channel's latest reports by when they happened: latest open, latest mine, latest school Ängsskolan",
      hotspot: 'one-line report, with when unless it was just now: hotspot square broken window last night',
      hotspots: 'active hot spots; "hotspots suggestions" shows places that stand out',
      places: 'show and search the place register',
      schools: 'the school register; "skola Exempelskolan" shows the school\'s picture',
      lagesbild: 'situation picture for a period: digest last week, week 12, march',
      subscribe: 'get the situation picture every Monday 07:30 (or another day and time; coordinators)',
      export: 'export a period as CSV and a printable report (coordinators)',
      log: 'who did what and when (coordinators)',
      est: 'the EST week: meeting time, priority areas, assess the areas',
      reporters: 'the rapportörer per organisation: reporters add @name police (coordinators)',
      mobilise: 'call a school\'s call list: mobilisera Ängsskolan fight at the bus stop',
      callList: 'who is called for a school: ringlista Ängsskolan',
      promises: 'the citizen promises and how each commitment is going: promises 2020; coordinators: promises import, promises new, strategic meeting',
      annual: 'the annual report as a printable page and a Word file: annual report 2025 (coordinators)',
      lawLagesbild: 'the statutory situation report (SFS 2023:196) as a printable page and a Word file, with your analysis: statutory situation report 2025 (coordinators)',
    },
    names: {
      help: 'help', report: 'report', activity: 'activity', latest: 'latest', hotspot: 'hotspot', hotspots: 'hotspots',
      places: 'places', schools: 'schools', lagesbild: 'digest', subscribe: 'subscribe', export: 'export', log: 'log', est: 'est week', reporters: 'reporters',
      mobilise: 'mobilisera', callList: 'ringlista', promises: 'promises', lawLagesbild: 'statutory situation report', annual: 'annual report',
    },
    privacy: 'Never write names, personal identity numbers or phone numbers in reports.',
  },
  trust: trustEn,
  extension: extensionEn,
  hotspots: hotspotsEn,
  promises: promisesEn,
  lagesbild: lagesbildEn,
  schools: schoolsEn,
  mobilisation: mobilisationEn,
  exports: exportsEn,
  est: estEn,
  tab: tabEn,
  annual: annualEn,
  fileImport: fileImportEn,
  law: lawEn,
  unknownCommand: 'I did not understand that. Type "report", "activity", "latest" or "help".',
};

/** The strings that say "the channel", as they read in a personal or group chat (see svInChat). */
export const enInChat: Overrides<Catalogue> = {
  latest: { title: 'Latest reports in this chat' },
  help: { commands: { latest: "the chat's latest reports by when they happened: latest open, latest mine, latest school Ängsskolan" } },
  lagesbild: {
    subscription: {
      subscribed: 'This chat now gets the situation picture {when}.',
      none: 'This chat has no subscription. Type "subscribe" to get the situation picture every Monday at 07:30.',
      stopped: 'The subscription has ended. This chat no longer gets the situation picture automatically.',
      notSubscribed: 'This chat had no subscription to end.',
    },
    export: {
      text: 'The links work until {until}, and only for this chat\'s data. They are shown only to you, and every download is logged. '
        + 'New links (on another device, say) replace these.',
      linksExpired: 'The export\'s links have expired. Type "export" in the chat for new ones.',
    },
  },
};
