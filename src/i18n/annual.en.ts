import type { Catalogue } from './sv';

// Årsrapport (issue 12), in English. Registered in en.ts as `annual`.
export const annualEn: Catalogue['annual'] = {
  title: 'Annual report {year}',
  subtitle: 'Follow-up of the citizen promises and the crime-prevention work',
  partial: 'The year is running: figures up to and including {day}, compared with the same part of {previous}.',
  generated: 'Generated {at}. Figures are counted as in the situation picture.',
  source: {
    promise_register: 'Source: the promise register (commitments, their status and the activities tied to them).',
    incident_reports: 'Source: the incidents reported in the channel or chat, counted as in the situation picture.',
    activity_reports: 'Source: the activities logged in the channel or chat, counted as in the situation picture.',
    hotspot_register: 'Source: the hot spots of the channel or chat, their measures and the measured effect.',
  },
  sections: {
    areas: 'Incidents by area',
    promises: 'Citizen promises', incidents: 'Incidents', quarters: 'Incidents per quarter', categories: 'Incidents per category',
    places: 'Incidents per place', activities: 'Activities per type', hotspots: 'Hot spots worked during the year', schools: 'Schools',
    // Issue 12: activities per register school, next to the incidents per school.
    schoolActivities: 'Activities per school',
    meetings: 'Strategic meeting',
  },
  columns: {
    area: 'Area',
    commitment: 'Commitment', responsible: 'Responsible', period: 'Period', status: 'Status', activities: 'Activities', byOrganisation: 'Per organisation',
    last: 'Latest activity', quarter: 'Quarter', category: 'Category', place: 'Place', type: 'Type', school: 'School', youth: 'Young people involved',
    change: 'Change', state: 'Stage', owner: 'Responsible organisation', measures: 'Measures (done/all)', effectPlace: 'Place before → after',
    effectArea: 'Area before → after', date: 'Date', organisations: 'Organisations present', decisions: 'Decisions',
  },
  total: '{count} incidents in total ({previous} in {previousYear}, {change}).',
  activitiesTotal: '{count} activities in total ({previous} in {previousYear}).',
  quarter: 'Quarter {quarter}',
  noPromises: 'No citizen promises in the register for {year}.',
  noMeeting: 'No strategic meeting recorded for {year}.',
  none: 'None during the year.',
  noArea: 'In no area',
  unknown: 'unknown',
  unknownSchool: 'a school no longer in the school register',
  command: {
    /** The title of an answer that says what was mistyped. */
    problemTitle: 'Annual report',
    title: 'Annual report {year}',
    badYear: 'Write the year like this: "annual report 2025" (a year from 2000 to this year).',
    html: 'Annual report (printable page)', docx: 'Annual report (Word)',
  },
};
