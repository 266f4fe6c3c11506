"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import { useMemo } from "react";
import MapView, { Marker } from "react-map-gl/maplibre";
import { BASEMAP_PATH, MAP_WORKER_PATH, buildBaseStyle } from "@/lib/map/style";
import type { DealMiniMapProps } from "./deal-mini-map";

/**
 * Around a lone property: a few streets' worth on a street style (MAP_STYLE_URL), the
 * region with its coast and state lines on the offline base map, which has no streets.
 */
const STREET_PAD = 0.02;
const REGION_PAD = 1.2;

export default function DealMiniMapView({ latitude, longitude, label, comps = [], styleUrl }: DealMiniMapProps & { styleUrl?: string | null }) {
  const mapStyle = useMemo(() => styleUrl || buildBaseStyle({ basemapUrl: `${window.location.origin}${BASEMAP_PATH}` }), [styleUrl]);
  const points = [{ latitude, longitude }, ...comps];
  const PAD = styleUrl ? STREET_PAD : REGION_PAD;
  const bounds: [number, number, number, number] = [
    Math.min(...points.map((p) => p.longitude)) - PAD,
    Math.min(...points.map((p) => p.latitude)) - PAD,
    Math.max(...points.map((p) => p.longitude)) + PAD,
    Math.max(...points.map((p) => p.latitude)) + PAD,
  ];
  return (
    <MapView
      workerUrl={MAP_WORKER_PATH}
      mapStyle={mapStyle}
      initialViewState={{ bounds, fitBoundsOptions: { padding: 24, maxZoom: 13 } }}
      // A picture of where the property is: no panning or zooming to get lost in.
      interactive={false}
      attributionControl={false}
      style={{ width: "100%", height: "100%" }}
    >
      {comps.map((comp, i) => (
        <Marker key={`${comp.latitude},${comp.longitude},${i}`} longitude={comp.longitude} latitude={comp.latitude}>
          <span title={comp.label} className="block size-3 rounded-full border-2 border-white bg-sky-600 shadow" />
        </Marker>
      ))}
      <Marker longitude={longitude} latitude={latitude}>
        <span title={label} className="block size-4 rounded-full border-2 border-white bg-orange-600 shadow" />
      </Marker>
    </MapView>
  );
}
