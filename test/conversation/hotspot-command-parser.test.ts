import assert from 'node:assert/strict';
import { parseCommand } from '../../src/conversation/command-parser';

describe('hot spot commands', () => {
  it('tells the quick report, "visa", the list and the proposals apart, the longest phrase winning', () => {
    assert.deepEqual(parseCommand('<at>Trygghetsboten</at> hotspot Torget skadegörelse krossad ruta'), { name: 'hotspot', args: 'Torget skadegörelse krossad ruta' });
    assert.deepEqual(parseCommand('Hotspot visa Stora torget'), { name: 'hotspotShow', args: 'Stora torget' });
    assert.deepEqual(parseCommand('HOTSPOTS'), { name: 'hotspots', args: '' });
    assert.deepEqual(parseCommand('hotspots forslag'), { name: 'hotspotProposals', args: '' });
    assert.deepEqual(parseCommand('hot spots förslag'), { name: 'hotspotProposals', args: '' });
    assert.deepEqual(parseCommand('hotspot'), { name: 'hotspot', args: '' });
    assert.deepEqual(parseCommand('platser torg'), { name: 'places', args: 'torg' });
    assert.deepEqual(parseCommand('hotspot show the square'), { name: 'hotspotShow', args: 'the square' });
  });
});
