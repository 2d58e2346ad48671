import type { Shape } from './catalogue-shape';
import type { exportsSv } from './exports.sv';

export const exportsEn: Shape<typeof exportsSv> = {
  activities: {
    title: 'Activities',
    columns: {
      ref: 'Reference', date: 'Date', type: 'Type', place: 'Place', organisation: 'Organisation', others: 'Other organisations',
      peopleMet: 'People met', followUp: 'Follow-up', followUpDone: 'Follow-up done', notes: 'Notes',
    },
  },
  hotspots: {
    title: 'Hot spots (active, started here)',
    columns: { place: 'Place', state: 'Stage', owner: 'Owner organisation', followUp: 'Next follow-up', started: 'Started' },
  },
  measures: {
    title: 'Measures',
    columns: { place: 'Place', what: 'Measure', organisation: 'Organisation', due: 'Due', done: 'Done' },
  },
  effect: {
    title: 'Effect (before and after the first measure)',
    columns: {
      place: 'Place', weeks: 'Weeks before/after', since: 'First measure', placeBefore: 'Place before', placeAfter: 'Place after',
      areaBefore: 'Area before', areaAfter: 'Area after', daysSoFar: 'Days of the after period so far',
    },
  },
  none: 'None in the period.',
};
