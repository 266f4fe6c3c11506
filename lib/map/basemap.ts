/**
 * The offline base map: land, country borders and US state lines drawn from boundary data
 * shipped in npm packages (us-atlas, world-atlas TopoJSON, converted with topojson-client),
 * so the map needs no tile server and no internet. One GeoJSON document, its features tagged
 * by `layer`, which the style below draws.
 */
import type { Feature, FeatureCollection, Geometry, MultiLineString } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import states from "us-atlas/states-10m.json";
import world from "world-atlas/countries-50m.json";

export type BasemapLayer = "land" | "country-line" | "state-line";
export type BasemapCollection = FeatureCollection<Geometry, { layer: BasemapLayer }>;

/** Three decimals: about 100 m, finer than either dataset, and a third of the bytes. */
function roundCoordinates(value: unknown): unknown {
  if (typeof value === "number") return Math.round(value * 1000) / 1000;
  return Array.isArray(value) ? value.map(roundCoordinates) : value;
}

function tagged(geometry: Geometry, layer: BasemapLayer): Feature<Geometry, { layer: BasemapLayer }> {
  const coordinates = "coordinates" in geometry ? roundCoordinates(geometry.coordinates) : undefined;
  return { type: "Feature", properties: { layer }, geometry: (coordinates === undefined ? geometry : { ...geometry, coordinates }) as Geometry };
}

let built: BasemapCollection | undefined;

/** The base map's GeoJSON, built once per process (the data never changes while it runs). */
export function basemapGeoJson(): BasemapCollection {
  if (built) return built;
  const worldTopology = world as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  const statesTopology = states as unknown as Topology<{ states: GeometryCollection; nation: GeometryCollection }>;
  const land = feature(worldTopology, worldTopology.objects.land);
  // Borders between two countries only (a mesh), so coastlines are not drawn twice.
  const countryLines: MultiLineString = mesh(worldTopology, worldTopology.objects.countries, (a, b) => a !== b);
  const stateLines: MultiLineString = mesh(statesTopology, statesTopology.objects.states, (a, b) => a !== b);
  built = {
    type: "FeatureCollection",
    features: [
      ...land.features.map((f) => tagged(f.geometry, "land")),
      tagged(countryLines, "country-line"),
      tagged(stateLines, "state-line"),
    ],
  };
  return built;
}
