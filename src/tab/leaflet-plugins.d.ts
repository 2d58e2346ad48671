// leaflet.heat has no published types: the part the tab uses.
import 'leaflet';

declare module 'leaflet' {
  interface HeatLayerOptions {
    radius?: number;
    blur?: number;
    maxZoom?: number;
    minOpacity?: number;
  }
  function heatLayer(latlngs: [number, number, number?][], options?: HeatLayerOptions): Layer;
}
