import assert from 'node:assert/strict';
import { reportLinkCard, reportResultCard, resultPreview, type ReportBrief } from '../../src/cards/extension-cards';

// Activities have no incident status: wherever a report is shown in brief, only an incident says Ny/Hanteras/Åtgärdad.

const brief = (kind: 'incident' | 'activity'): ReportBrief => ({
  kind, id: 'r1', ref: kind === 'incident' ? 'H-2026-0001' : 'A-2026-0001', topic: kind === 'incident' ? 'brand' : 'nattvandring',
  placeName: 'Stora torget', status: 'ny', day: '24 nov. 2026',
});

describe('report briefs and status', () => {
  it('When an activity is unfolded or found by search, then no status is shown; an incident shows its own', () => {
    for (const render of [reportLinkCard, reportResultCard]) {
      assert.doesNotMatch(JSON.stringify(render('sv', brief('activity'))), /"Status"|"Ny"/);
      assert.match(JSON.stringify(render('sv', brief('incident'))), /"title":"Status","value":"Ny"/);
    }
    assert.equal(resultPreview('sv', brief('activity')).text, 'Nattvandring, Stora torget');
    assert.equal(resultPreview('sv', brief('incident')).text, 'Brand/anlagd brand, Stora torget · Ny');
  });
});
