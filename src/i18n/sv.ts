// Swedish is the product's first language; every other catalogue must have exactly these keys.
import type { Overrides, Shape } from './catalogue-shape';
import { exportsSv } from './exports.sv';
import { trustSv } from './trust.sv';
import { extensionSv } from './extension.sv';
import { hotspotsSv } from './hotspots.sv';
import { promisesSv } from './promises.sv';
import { lagesbildSv } from './lagesbild.sv';
import { estSv } from './est.sv';
import { schoolsSv } from './schools.sv';
import { mobilisationSv } from './mobilisation.sv';
import { tabSv } from './tab.sv';
import { annualSv } from './annual.sv';
import { fileImportSv } from './file-import.sv';
import { lawSv } from './law.sv';

export const sv = {
  organisation: {
    polisen: 'Polisen', skola: 'Skola', socialtjanst: 'Socialtjänst', kommunen: 'Kommunen/säkerhetssamordnare',
    fritid: 'Fritid', fastighetsbolag: 'Fastighetsbolag', raddningstjanst: 'Räddningstjänst', annan: 'Annan',
  },
  category: {
    skadegorelse_klotter: 'Skadegörelse – klotter', skadegorelse_glaskross: 'Skadegörelse – glaskross',
    skadegorelse_ovrigt: 'Skadegörelse – övrigt', brand: 'Brand/anlagd brand', nedskrapning: 'Nedskräpning',
    stold_inbrott_ran: 'Stöld/inbrott/rån', hot_vald: 'Hot/våld', incident_mot_anstalld: 'Incident mot anställd',
    narkotika: 'Narkotika (misstänkt hantering)', ordningsstorning: 'Ordningsstörning',
    otrygg_samling: 'Otrygghetsskapande samling', otrygg_plats: 'Otrygg plats (belysning, insyn, ödslig)',
    olovlig_trafik: 'Olovlig trafik', arrangemang: 'Arrangemang', krankning_mobbning: 'Kränkning/mobbning (skola)',
    ovrigt: 'Övrigt',
  },
  severity: { lag: 'Låg', medel: 'Medel', hog: 'Hög' },
  activityType: {
    trygghetsvandring: 'Trygghetsvandring', hotspot_besok: 'Hot spot-besök', samtal_med_berorda: 'Samtal med berörda',
    skolbesok: 'Skolbesök', foraldramote: 'Föräldramöte', nattvandring: 'Nattvandring',
    patrullering: 'Patrullering/närvaro', forebyggande_insats: 'Förebyggande insats', samverkansmote: 'Samverkansmöte',
    strategiskt_mote: 'Strategiskt möte', sspf_mote: 'SSPF-möte', elevrad_ungdomsdialog: 'Elevråd/ungdomsdialog', annat: 'Annat',
    mobilisering: 'Mobilisering',
  },
  status: { ny: 'Ny', hanteras: 'Hanteras', atgardad: 'Åtgärdad' },
  statusAction: { ny: 'Återställ till ny', hanteras: 'Markera som hanteras', atgardad: 'Markera som åtgärdad' },
  fieldError: {
    required: 'Fyll i det här fältet.',
    too_long: 'För lång text: högst {max} tecken.',
    invalid_choice: 'Välj ett av alternativen i listan.',
    invalid_date: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
    invalid_time: 'Ange en tid som TT:MM, till exempel 14:30.',
    in_future: 'Det ligger i framtiden (du skrev "{typed}"). Rapportera det som redan har hänt.',
    too_far_ahead: 'Datumet ligger för långt fram (du skrev "{typed}"): en planerad aktivitet kan ligga högst {max} dagar fram.',
    too_early: 'Datumet ligger före år 2000 (du skrev "{typed}"). Kontrollera året.',
    not_a_whole_number: 'Ange ett heltal, till exempel 3 (du skrev "{typed}").',
    out_of_range: 'Ange ett tal mellan {min} och {max}.',
    invalid_format: 'Fel format (du skrev "{typed}").',
    invalid_case_number: 'Ange ett K-nummer som K100234-26 eller 5000-K100234-26 (du skrev "{typed}"). Personnummer, telefonnummer och annat hör inte hit.',
    before_date: 'Uppföljningen kan inte ligga före aktivitetens datum.',
    not_your_organisation: 'Du är registrerad för en annan organisation. Be en koordinator om du har bytt.',
  },
  incidentForm: {
    title: 'Rapportera en händelse',
    editTitle: 'Ändra händelse {ref}',
    intro: 'Skriv aldrig namn eller personnummer – antal unga räcker.',
    date: 'Datum', time: 'Tid (ungefär)', place: 'Plats', placeChoose: 'Välj plats i registret',
    newPlace: 'eller skriv en ny plats', category: 'Kategori', categoryChoose: 'Välj kategori',
    description: 'Vad hände?', descriptionPlaceholder: 'Kort beskrivning, utan namn', severity: 'Allvarlighet',
    organisation: 'Rapporterande organisation', school: 'Skola (om det gäller en skola)',
    youthInvolved: 'Antal unga inblandade (antal, aldrig namn)', policeReportNumber: 'K-nummer (valfritt), till exempel K100234-26',
    submit: 'Spara', cancel: 'Avbryt',
  },
  activityForm: {
    title: 'Logga en aktivitet',
    editTitle: 'Ändra aktivitet {ref}',
    type: 'Typ av aktivitet', typeChoose: 'Välj typ', date: 'Datum', place: 'Plats (valfritt)',
    placeChoose: 'Välj plats i registret', newPlace: 'eller skriv en ny plats',
    organisation: 'Din organisation', organisations: 'Fler deltagande organisationer', notes: 'Anteckningar',
    notesPlaceholder: 'Vad gjordes, vad kom fram? Inga namn.', peopleMet: 'Antal personer ni mötte',
    followUpDate: 'Uppföljning (valfritt)', submit: 'Spara', cancel: 'Avbryt',
    commitment: 'Medborgarlöfte som aktiviteten hör till (valfritt)', commitmentChoose: 'Inget',
  },
  form: {
    fixErrors: 'Något behöver rättas innan rapporten kan sparas – se markeringarna nedan.',
    storeDown: 'Kunde inte spara just nu, försök igen. Det du skrev finns kvar.',
    personalData: 'Texten innehåller personuppgifter: {found}. De maskeras när du sparar. Ta bort dem själv, eller tryck Spara igen.',
  },
  personalDataKind: {
    personnummer: 'personnummer', samordningsnummer: 'samordningsnummer', telefonnummer: 'telefonnummer',
    'e-post': 'e-postadress', registreringsnummer: 'registreringsnummer',
    'möjligt personnummer': 'möjligt personnummer (kontrollsiffran stämmer inte, men det ser ut som ett födelsedatum med fyra siffror – kanske ett felskrivet personnummer)',
  },
  saved: {
    incidentTitle: 'Händelse {ref}', activityTitle: 'Aktivitet {ref}',
    savedNote: 'Sparad.', updatedNote: 'Ändringen är sparad.',
    when: 'När', place: 'Plats', category: 'Kategori', severity: 'Allvarlighet', organisation: 'Organisation',
    school: 'Skola', youthInvolved: 'Unga inblandade', policeReportNumber: 'K-nummer', status: 'Status',
    assignee: 'Hanteras av', nobody: 'Ingen än', reportedBy: 'Rapporterad av', type: 'Typ', date: 'Datum',
    organisations: 'Deltagande', peopleMet: 'Personer mötta', followUpDate: 'Uppföljning', notes: 'Anteckningar',
    edit: 'Ändra', assignToMe: 'Jag tar den', reportedByLine: '{name}, {organisation}, {when}',
    resolution: 'Vad gjordes', unknownCount: 'okänt antal',
    followUpDone: 'Uppföljning gjord', markFollowUpDone: 'Uppföljning gjord',
  },
  close: {
    title: 'Stänga {ref}?', question: 'Vad gjordes?', placeholder: 'En rad, till exempel "Klottret sanerat" eller "Inget behövdes"',
    save: 'Markera som åtgärdad', cancel: 'Avbryt',
  },
  notice: {
    legacySubmit: 'Uppdatera Teams för att använda knapparna på mina kort – den här versionen skickar dem på ett sätt jag inte kan ta emot. Inget sparades. Du kan också skriva kommandot, till exempel "rapportera" eller "hjälp".',
    conflict: 'Någon annan hann ändra rapporten. Här är den senaste versionen – försök igen.',
    invalid_transition: 'Statusen kan bara flyttas ett steg i taget.',
    no_status: 'Aktiviteter har ingen status – det är bara händelser som hanteras och åtgärdas.',
    needs_resolution: 'Skriv vad som gjordes för att markera händelsen som åtgärdad.',
    no_follow_up: 'Den här rapporten har ingen uppföljning att markera som gjord.',
    storeDown: 'Kunde inte nå databasen just nu, försök igen om en liten stund.',
    unknownAction: 'Den här knappen känns inte igen längre. Skriv "hjälp" för att börja om.',
    cancelled: 'Avbrutet. Inget sparades.',
    unexpected: 'Något gick fel hos mig. Försök igen om en stund – det du redan sparat finns kvar.',
    savedAs: 'Rapporten är sparad som {ref}.',
  },
  latest: {
    activity: 'Aktivitet',
    title: 'Senaste rapporterna i kanalen', empty: 'Inga rapporter än. Skriv "rapportera" för att rapportera en händelse.',
    open: 'Visa',
    emptyFiltered: 'Inga rapporter passar. Skriv "senaste" för att se alla.',
    filterOpen: 'öppna', filterMine: 'mina', filterSchool: 'skola {name}', filterLine: 'Visar: {filters}',
    unknownFilter: 'Det förstod jag inte. Skriv "senaste", "senaste öppna", "senaste mina" eller "senaste skola" och skolans namn.',
  },
  welcome: {
    title: 'Hej! Jag är Trygghetsboten',
    text: 'Här rapporterar polis, skola, socialtjänst och kommun händelser och aktiviteter, på några sekunder. Allt samlas i en gemensam lokal lägesbild.',
    report: 'Rapportera händelse', activity: 'Logga aktivitet', latest: 'Senaste', help: 'Hjälp',
  },
  help: {
    title: 'Det här kan jag',
    intro: 'Skriv ett kommando till mig (i en kanal eller gruppchatt: @Trygghetsboten först).',
    commands: {
      help: 'visa den här hjälpen', report: 'rapportera en händelse', activity: 'logga en aktivitet',
      latest: 'kanalens senaste rapporter efter när de hände: senaste öppna, senaste mina, senaste skola Ängsskolan',
      hotspot: 'snabbrapport på en rad, med när om det inte var nyss: hotspot torget krossad ruta i natt',
      hotspots: 'aktiva hot spots; "hotspots förslag" visar platser som sticker ut',
      places: 'visa och sök i platsregistret',
      schools: 'skolregistret; "skola Exempelskolan" visar skolans bild',
      lagesbild: 'lägesbild för en period: lägesbild förra veckan, vecka 12, mars',
      subscribe: 'få lägesbilden varje måndag 07:30 (eller annan dag och tid; koordinatorer)',
      export: 'exportera en period som CSV och utskrivbar rapport (koordinatorer)',
      log: 'vem gjorde vad och när (koordinatorer)',
      est: 'EST-veckan: mötestid, prioriterade områden, bedöm områdena',
      reporters: 'rapportörerna per organisation: rapportörer lägg till @namn polisen (koordinatorer)',
      mobilise: 'larma skolans ringlista: mobilisera Ängsskolan bråk vid busshållplatsen',
      callList: 'vilka som larmas för en skola: ringlista Ängsskolan',
      promises: 'medborgarlöftena och hur varje åtagande går: löften 2020; koordinatorer: löften import, löften nytt, strategiskt möte',
      annual: 'årsrapporten som utskrivbar sida och Word-fil: årsrapport 2025 (koordinatorer)',
      lawLagesbild: 'lägesbilden enligt lag (SFS 2023:196) som utskrivbar sida och Word-fil, med er analys: lägesbild enligt lag 2025 (koordinatorer)',
    },
    names: {
      help: 'hjälp', report: 'rapportera', activity: 'aktivitet', latest: 'senaste', hotspot: 'hotspot', hotspots: 'hotspots',
      places: 'platser', schools: 'skolor', lagesbild: 'lägesbild', subscribe: 'prenumerera', export: 'export', log: 'logg', est: 'est', reporters: 'rapportörer',
      mobilise: 'mobilisera', callList: 'ringlista', promises: 'löften', lawLagesbild: 'lägesbild enligt lag', annual: 'årsrapport',
    },
    privacy: 'Skriv aldrig namn, personnummer eller telefonnummer i rapporterna.',
  },
  trust: trustSv,
  extension: extensionSv,
  hotspots: hotspotsSv,
  promises: promisesSv,
  lagesbild: lagesbildSv,
  schools: schoolsSv,
  mobilisation: mobilisationSv,
  exports: exportsSv,
  est: estSv,
  tab: tabSv,
  annual: annualSv,
  fileImport: fileImportSv,
  law: lawSv,
  unknownCommand: 'Det förstod jag inte. Skriv "rapportera", "aktivitet", "senaste" eller "hjälp".',
};

export type Catalogue = Shape<typeof sv>;

/**
 * The strings that say "kanalen", as they read in a personal or group chat. A test checks that no
 * other string of the chat catalogue speaks of the channel.
 */
export const svInChat: Overrides<Catalogue> = {
  latest: { title: 'Senaste rapporterna i chatten' },
  help: { commands: { latest: 'chattens senaste rapporter efter när de hände: senaste öppna, senaste mina, senaste skola Ängsskolan' } },
  lagesbild: {
    subscription: {
      subscribed: 'Chatten får nu lägesbilden {when}.',
      none: 'Chatten prenumererar inte på lägesbilden. Skriv "prenumerera" för att få den varje måndag kl. 07:30.',
      stopped: 'Prenumerationen är avslutad. Chatten får inte längre lägesbilden automatiskt.',
      notSubscribed: 'Chatten hade ingen prenumeration att avsluta.',
    },
    export: {
      text: 'Länkarna gäller till {until} och bara för den här chattens data. De visas bara för dig, och varje nedladdning loggas. '
        + 'Nya länkar (till exempel på en annan enhet) ersätter de här.',
      linksExpired: 'Exportens länkar har gått ut. Skriv "export" i chatten för nya.',
    },
  },
};
