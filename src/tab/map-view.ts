import L from './leaflet-global';
import 'leaflet.markercluster';
import 'leaflet.heat';
import type { AreaStatus, SchoolLocation } from '../domain/tab/map-layers';
import type { MapHotSpot } from '../domain/tab/lagesbild-map';
import { format, type Catalogue, type Locale } from '../i18n/messages';
import type { Session, TabIncident } from './tab-api';
import { categoryIndex, formatTime } from './tab-format';

/** Where the map starts before there are points: Kungsör, whose seed document this product began with. */
const START: L.LatLngExpression = [59.4226, 16.0966];

/**
 * The Leaflet map: incidents as markers clustered per category, a heat layer, hot spots outlined with
 * their stage, schools and EST areas. Without tiles (offline, MAP_TILE_URL=off) the same layers lie on
 * a plain background.
 */
export class MapView {
  private readonly map: L.Map;
  private readonly layers = L.layerGroup();
  private readonly control: L.Control.Layers;
  private fitted = false;

  constructor(private readonly element: HTMLElement, tiles: Session['tiles'], private readonly m: Catalogue, private readonly locale: Locale) {
    this.map = L.map(element, { keyboard: true, zoomControl: true, attributionControl: true, maxZoom: 19 }).setView(START, 13);
    if (tiles.url) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(this.map);
    else element.classList.add('no-tiles');
    this.layers.addTo(this.map);
    this.control = L.control.layers(undefined, undefined, { collapsed: true }).addTo(this.map);
  }

  show(incidents: TabIncident[], hotSpots: MapHotSpot[], schools: SchoolLocation[], areas: AreaStatus[], highlighted: string | null): void {
    this.layers.clearLayers();
    for (const layer of this.overlays) this.control.removeLayer(layer);
    this.overlays = [];
    const m = this.m;
    const located = incidents.filter((i): i is TabIncident & { lat: number; lon: number } => i.lat !== null && i.lon !== null);

    // One cluster group per category: a cluster counts incidents of one kind, in that kind's colour.
    const byCategory = new Map<string, L.MarkerClusterGroup>();
    let open: L.Marker | null = null;
    for (const incident of located) {
      const index = categoryIndex(incident.category);
      let group = byCategory.get(incident.category);
      if (!group) {
        group = L.markerClusterGroup({
          showCoverageOnHover: false, maxClusterRadius: 40,
          iconCreateFunction: (cluster) => L.divIcon({
            html: `<span>${cluster.getChildCount()}</span>`, className: `cluster cat-${index}`, iconSize: L.point(34, 34),
          }),
        });
        byCategory.set(incident.category, group);
      }
      const label = `${incident.ref}: ${m.category[incident.category]}, ${incident.placeName}, ${formatTime(incident.occurredAt, this.locale)}`;
      const marker = L.marker([incident.lat, incident.lon], {
        title: label, alt: label, keyboard: true,
        icon: L.divIcon({ className: `incident cat-${index}${incident.ref === highlighted ? ' highlighted' : ''}`, iconSize: L.point(18, 18) }),
      });
      marker.bindPopup(popup(incident, m, this.locale));
      if (incident.ref === highlighted) open = marker;
      group.addLayer(marker);
    }
    const incidentsLayer = L.layerGroup([...byCategory.values()]);
    const heat = L.heatLayer(located.map((i) => [i.lat, i.lon, 1]), { radius: 28, blur: 20, minOpacity: 0.3 });
    const spots = L.layerGroup(hotSpots.filter(hasPoint).map((h) => L.circle([h.lat!, h.lon!], {
      radius: 150, className: `hotspot stage-${h.stage}`, fill: false, weight: 3, dashArray: '6 4',
    }).bindTooltip(format(m.tab.map.hotSpotLabel, { place: h.placeName, stage: m.hotspots.state[h.stage] }, this.locale))));
    const schoolLayer = L.layerGroup(schools.map((s) => L.marker([s.lat, s.lon], {
      title: s.name, alt: s.name, keyboard: true, icon: L.divIcon({ className: 'school', html: '<span aria-hidden="true">S</span>', iconSize: L.point(22, 22) }),
    })));
    const areaLayer = L.layerGroup(areas.map((a) => L.circle([a.lat, a.lon], {
      radius: 400, className: `area status-${/^[a-z_]+$/.test(a.status) ? a.status : 'okand'}`, weight: 2, fillOpacity: 0.15,
    }).bindTooltip(`${a.name}: ${areaStatusLabel(m, a.status)}`)));

    for (const [layer, name, on] of [
      [areaLayer, m.tab.map.areas, true], [heat, m.tab.map.heat, true], [spots, m.tab.map.hotSpots, true],
      [schoolLayer, m.tab.map.schools, true], [incidentsLayer, m.tab.map.incidents, true],
    ] as const) {
      if (on) this.layers.addLayer(layer);
      this.control.addOverlay(layer, name);
      this.overlays.push(layer);
    }
    // The count the map shows, for whoever reads the page without seeing it (and the browser test).
    this.element.dataset.incidentMarkers = String(located.length);
    this.element.dataset.hotSpots = String(spots.getLayers().length);

    const points = [...located.map((i) => L.latLng(i.lat, i.lon)), ...hotSpots.filter(hasPoint).map((h) => L.latLng(h.lat!, h.lon!))];
    if (points.length > 0 && !this.fitted) {
      this.map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 16 });
      this.fitted = true;
    }
    if (open) {
      const target: L.Marker = open;
      byCategory.get(incidents.find((i) => i.ref === highlighted)!.category)!.zoomToShowLayer(target, () => target.openPopup());
    }
  }

  /** Leaflet measures its box once; after a layout change (phone rotation, theme) it is told again. */
  resize(): void {
    this.map.invalidateSize();
  }

  private overlays: L.Layer[] = [];
}

const hasPoint = (h: MapHotSpot) => h.lat !== null && h.lon !== null;

function popup(i: TabIncident, m: Catalogue, locale: Locale): HTMLElement {
  const box = document.createElement('div');
  const lines: [string, string][] = [
    [m.lagesbild.export.columns.ref, i.ref], [m.lagesbild.export.columns.category, m.category[i.category]],
    [m.lagesbild.export.columns.time, formatTime(i.occurredAt, locale)], [m.lagesbild.export.columns.place, i.placeName],
  ];
  const list = document.createElement('dl');
  for (const [term, value] of lines) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }
  box.append(list);
  return box;
}

/** An area's status in the reader's language: the EST scale's word for the level, the code when unknown. */
function areaStatusLabel(m: Catalogue, status: string): string {
  const level = ({ gron: 1, gul: 2, rod: 3 } as const)[status as 'gron' | 'gul' | 'rod'];
  return level ? m.est.levels[level] : status;
}
