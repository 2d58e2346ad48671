import L from 'leaflet';

// leaflet.markercluster and leaflet.heat extend the global `L`; the bundle has no global, so it is set
// here, in a module imported before the plugins (imports run in order).
(globalThis as unknown as { L: typeof L }).L = L;

export default L;
