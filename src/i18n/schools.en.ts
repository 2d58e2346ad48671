import type { Shape } from './catalogue-shape';
import type { schoolsSv } from './schools.sv';

// The school register, the CSV import and a school's picture in English: the same keys as schools.sv.ts.
export const schoolsEn: Shape<typeof schoolsSv> = {
  stage: { 'f-6': 'Years F–6', '7-9': 'Years 7–9', gymnasium: 'Upper secondary' },
  role: { skola: 'School', socialtjanst: 'Social services', polis: 'Police', fritid: 'Leisure' },
  form: {
    school: 'School (from the school register)', noSchool: 'No school', concernReported: 'Report of concern (orosanmälan) made? (yes/no only – never names or details)',
    concernFact: 'Report of concern made', yes: 'Yes', no: 'No', walkFindings: 'Safety walk: what was found?',
  },
  walkFinding: { belysning: 'Lighting', skymd_sikt: 'Blocked view', klotter: 'Graffiti', nedskrapning: 'Litter', otrygga_passager: 'Unsafe passages' },
  list: {
    title: 'Schools in the register',
    empty: 'No schools in the register yet. A coordinator adds schools with the button below or imports a CSV file.',
    line: '{stages}{place} · {contacts}',
    atPlace: ' · {place}',
    noContacts: 'no SSPF contacts',
    contacts: '{count} SSPF contacts',
    open: 'Show', picture: 'School picture', add: 'Add school', import: 'Import CSV',
  },
  card: {
    title: '{name}', newTitle: 'New school',
    name: 'School name', stages: 'Stages', place: 'Place in the place register', noPlace: 'No place',
    contactsOf: 'SSPF contacts: {role}', contactsHint: 'Choose among people who have used the bot in Teams.',
    fixErrors: 'Something needs fixing before the school can be saved – see the marks below.',
    save: 'Save school', saved: 'The school is saved.', added: 'The school is added to the register.',
    nameTaken: 'There already is a school with that name. Choose another name or open that school.',
    placeMissing: 'The place is no longer in the place register. Choose another.',
    conflict: 'Someone else changed the school while you were writing. What you wrote is kept – check it and save again.',
    unknownPerson: 'One of the people chosen is no longer known. Choose again.',
    none: '–',
  },
  import: {
    title: 'Import schools from CSV',
    text: 'Paste one line per school: name;stages;place. Stages are F-6, 7-9 and/or gymnasium (several with commas). '
      + 'The place is optional; if it is not in the place register it is added. A first line of headings (namn;stadier;plats) is skipped.',
    example: 'Example:\n\nnamn;stadier;plats\n\nExempelskolan;F-6;Exempelskolans skolgård\n\nExempelgymnasiet;gymnasium;',
    csv: 'CSV', run: 'Import',
    done: '{count} schools imported: {names}.',
    empty: 'There were no schools to import. Paste at least one line: name;stages;place.',
    failed: 'Nothing was imported. Line {line}: {reason}',
    reason: {
      columns: 'a line has 1–3 fields separated by semicolons (name;stages;place).',
      name: 'the school\'s name is missing.',
      nameTooLong: 'the name is too long (at most {max} characters).',
      stages: 'unknown stage "{value}" – write F-6, 7-9 or gymnasium.',
      noStages: 'stages are missing – write F-6, 7-9 or gymnasium.',
      placeTooLong: 'the place name is too long (at most {max} characters).',
      duplicate: 'the school is already on an earlier line.',
      nameTaken: 'there already is a school with that name in the register.',
      personalData: 'the line seems to hold personal data ({what}). Write only the school\'s name.',
      quotes: 'a quotation mark is not closed.',
      tooMany: 'too many lines – at most {max} schools per import.',
    },
  },
  notFound: 'I cannot find a school called "{typed}" in the register.',
  closeMatches: 'Do you mean one of these?',
  whichSchool: 'Write the school\'s name after the command, e.g. "skola Exempelskolan". Write "skolor" to see the register.',
};
