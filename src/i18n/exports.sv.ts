// The export's files and report sections beyond the incidents (activities, hot spots, measures, effect),
// in Swedish. Registered in sv.ts as `exports`.
export const exportsSv = {
  activities: {
    title: 'Aktiviteter',
    columns: {
      ref: 'Referens', date: 'Datum', type: 'Typ', place: 'Plats', organisation: 'Organisation', others: 'Fler organisationer',
      peopleMet: 'Personer mötta', followUp: 'Uppföljning', followUpDone: 'Uppföljning gjord', notes: 'Anteckningar',
    },
  },
  hotspots: {
    title: 'Hot spots (aktiva, startade här)',
    columns: { place: 'Plats', state: 'Läge', owner: 'Ansvarig organisation', followUp: 'Nästa uppföljning', started: 'Startad' },
  },
  measures: {
    title: 'Åtgärder',
    columns: { place: 'Plats', what: 'Åtgärd', organisation: 'Organisation', due: 'Klar senast', done: 'Klar' },
  },
  effect: {
    title: 'Effekt (före och efter första åtgärden)',
    columns: {
      place: 'Plats', weeks: 'Veckor före/efter', since: 'Första åtgärden', placeBefore: 'Platsen före', placeAfter: 'Platsen efter',
      areaBefore: 'Området före', areaAfter: 'Området efter', daysSoFar: 'Dagar av efterperioden hittills',
    },
  },
  /** A section with no rows. */
  none: 'Inga under perioden.',
};
