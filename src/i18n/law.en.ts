import type { Catalogue } from './sv';

// Lägesbild enligt lag (SFS 2023:196, issue 12), in English. Registered in en.ts as `law`.
export const lawEn: Catalogue['law'] = {
  title: 'Statutory situation report {year}',
  subtitle: 'Local picture of crime under the act on municipalities\' responsibility for crime prevention (SFS 2023:196)',
  sections: {
    extent: 'Mapping – extent', areas: 'Extent by area', quarters: 'Extent by quarter', months: 'Extent by month',
    severity: 'Mapping – consequences: severity', places: 'Consequences: the places most affected',
    groups: 'Consequences: groups affected', schools: 'Consequences: school-related incidents by school',
    hotspots: 'Analysis – hot spots', estAreas: 'Analysis – the areas\' status', categories: 'Analysis – categories that rose',
    coordinator: 'Analysis – the coordinator\'s assessment', plan: 'Draft action plan', sources: 'Sources',
  },
  columns: {
    severity: 'Severity', month: 'Month', what: 'Measure', responsible: 'Responsible', time: 'Time', status: 'Status', source: 'Source',
  },
  youthTotal: 'Young people involved as reported: {count} ({previous} in {previousYear}). Counts only, never names.',
  youthUnknown: 'No report of the year said how many young people were involved.',
  finding: {
    ny: '{place}: new – {latest} incidents in the last week against {baseline} a week on average in the weeks before.',
    aterkommande: '{place}: recurring – spikes several weeks in a row, lately {latest} incidents in a week.',
    ihallande: '{place}: persistent – spikes in almost every week looked at.',
    okande: '{place}: rising – up by {slope} incidents a week on average.',
  },
  proposal: '{finding} The place is not a hot spot yet.',
  ruleAt: 'The emerging hot spot rule applied to the weeks up to {day}.',
  noFindings: 'The rule found no new, recurring, persistent or rising hot spots.',
  worsened: '{area}: the status worsened from {from} (week {fromWeek}) to {to} (week {toWeek}).',
  noWorsened: 'No area\'s status worsened during the year in the EST assessments.',
  rose: '{category}: {count} incidents against {previous} in {previousYear} ({change}).',
  noneRose: 'No category rose against the year before.',
  noAnalysis: 'The coordinator\'s analysis is not written yet. Write it with "Write analysis" on the statutory situation report\'s card.',
  analysisChanged: 'Last changed {at}.',
  plan: {
    done: 'done {day}', finished: 'done', open: 'ongoing', due: 'by {day}', noDue: 'no date',
    hotspot: 'Hot spot: {place}', promise: 'Citizen promise: {title}',
  },
  noPlan: 'No measures or commitments recorded.',
  sourcesIntro: 'Each section says where its figures come from. The document draws on:',
  source: {
    emerging_rule: 'Source: the emerging hot spot rule (weekly incidents per place of the municipality\'s place register).',
    est_assessments: 'Source: the areas\' weekly assessments at the EST meeting in the channel or chat.',
    coordinator_analysis: 'Source: the coordinator\'s own analysis, written in the channel or chat.',
  },
  command: {
    problemTitle: 'Statutory situation report',
    title: 'Statutory situation report {year}',
    badYear: 'Write the year like this: "statutory situation report 2025" (a year from 2000 to this year).',
    html: 'Statutory situation report (printable page)', docx: 'Statutory situation report (Word)',
    analysisTitle: 'Analysis {year}',
    analysisNone: 'No analysis is written for {year} yet. The act requires an analysis of the mapping: write your assessment here.',
    analysisSaved: 'The analysis for {year} is written (changed {at}). It is in the document under "Analysis – the coordinator\'s assessment".',
    writeAnalysis: 'Write analysis', editAnalysis: 'Edit the analysis',
  },
  analysisForm: {
    title: 'Analysis for the statutory situation report {year}',
    intro: 'Your assessment of the mapping: causes, links, what needs doing. Never write names, personal identity numbers or phone numbers.',
    label: 'Analysis', submit: 'Save the analysis', cancel: 'Cancel',
    saved: 'The analysis for {year} is saved. It will be in the statutory situation report.',
    fixErrors: 'Correct what is marked and save again. What you wrote is kept.',
  },
};
