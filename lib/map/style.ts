/**
 * The Market map's base style: a background (water), the land, country borders and US state
 * lines, all from the offline base map (lib/map/basemap.ts served at /api/map/basemap). No
 * glyphs or sprites: the map has no text layers (cluster counts are HTML markers), so nothing
 * fetches fonts. When MAP_STYLE_URL names a MapLibre style (Protomaps, MapTiler...), the page
 * uses that instead and draws the same overlays on it. Pure and client-safe.
 */
import type { StyleSpecification } from "maplibre-gl";

export const BASEMAP_PATH = "/api/map/basemap";
/** MapLibre's worker, served by the app (see app/api/map/worker/route.ts). */
export const MAP_WORKER_PATH = "/api/map/worker";
export const BASEMAP_SOURCE = "basemap";

export interface BaseStyleColors {
  water: string;
  land: string;
  countryLine: string;
  stateLine: string;
}

export const LIGHT_COLORS: BaseStyleColors = { water: "#dbe7f0", land: "#f7f7f4", countryLine: "#8a8f98", stateLine: "#b9bdc4" };
export const DARK_COLORS: BaseStyleColors = { water: "#0f1720", land: "#1c232c", countryLine: "#6b7280", stateLine: "#3f4854" };

export function buildBaseStyle(options: { basemapUrl?: string; colors?: BaseStyleColors } = {}): StyleSpecification {
  const colors = options.colors ?? LIGHT_COLORS;
  return {
    version: 8,
    name: "Dealflow offline",
    sources: { [BASEMAP_SOURCE]: { type: "geojson", data: options.basemapUrl ?? BASEMAP_PATH } },
    layers: [
      { id: "background", type: "background", paint: { "background-color": colors.water } },
      { id: "land", type: "fill", source: BASEMAP_SOURCE, filter: ["==", ["get", "layer"], "land"], paint: { "fill-color": colors.land } },
      {
        id: "state-lines", type: "line", source: BASEMAP_SOURCE, filter: ["==", ["get", "layer"], "state-line"],
        paint: { "line-color": colors.stateLine, "line-width": ["interpolate", ["linear"], ["zoom"], 2, 0.5, 8, 1.2] },
      },
      {
        id: "country-lines", type: "line", source: BASEMAP_SOURCE, filter: ["==", ["get", "layer"], "country-line"],
        paint: { "line-color": colors.countryLine, "line-width": ["interpolate", ["linear"], ["zoom"], 2, 0.8, 8, 2] },
      },
    ],
  };
}

/** The style the page hands MapLibre: MAP_STYLE_URL when set (a style URL), else the offline one. */
export function mapStyleFor(styleUrl: string | undefined | null, colors?: BaseStyleColors): string | StyleSpecification {
  const url = styleUrl?.trim();
  return url ? url : buildBaseStyle({ colors });
}
