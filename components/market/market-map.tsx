"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent } from "react";
import MapView, { Layer, Marker, NavigationControl, Source, type MapLayerMouseEvent, type MapRef } from "react-map-gl/maplibre";
import { Button } from "@/components/ui/button";
import { clampBbox, formatBbox, type Bbox } from "@/lib/map/bbox";
import type { ViewportFeature, ViewportResult } from "@/lib/map/clusters";
import type { ColorBy, HeatBy } from "@/lib/map/legend";
import { BASEMAP_PATH, MAP_WORKER_PATH, buildBaseStyle, mapStyleFor } from "@/lib/map/style";
import { AREA_LAYER, AREAS_SOURCE, areaLayer, CLUSTER_LAYER, clusterLayer, DEAL_LAYER, dealLayer, DEALS_SOURCE, heatmapLayer } from "./map-layers";
import { MapLegend } from "./map-legend";

export interface MarketMapProps {
  /** The Prospects filters as a query string (no box): what the map and the table both show. */
  filterQuery: string;
  /** Where to open: a box from the URL, else the US and Canada. */
  initialBbox?: Bbox;
  /** MAP_STYLE_URL, when set: a MapLibre style that replaces the offline one. */
  styleUrl?: string | null;
}

const NORTH_AMERICA: Bbox = [-128, 23, -60, 52];
const EMPTY: ViewportResult = { type: "FeatureCollection", features: [], zoom: 0, deals: 0, indexed: 0 };
const MAX_COUNT_MARKERS = 400;

function dealsHref(filterQuery: string, bbox: Bbox): string {
  const params = new URLSearchParams(filterQuery);
  params.set("bbox", formatBbox(bbox));
  return `/deals?${params.toString().replaceAll("%2C", ",")}`;
}

/** Deals clustered per viewport by the server, a heatmap, the ranked areas, and a box selection that opens Prospects. */
export function MarketMap({ filterQuery, initialBbox, styleUrl }: MarketMapProps) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const mapRef = useRef<MapRef>(null);
  const [deals, setDeals] = useState<ViewportResult>(EMPTY);
  const [failed, setFailed] = useState(false);
  const [colorBy, setColorBy] = useState<ColorBy>("strategy");
  const [heatBy, setHeatBy] = useState<HeatBy>("density");
  const [heatOn, setHeatOn] = useState(true);
  const [selecting, setSelecting] = useState(false);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const request = useRef<AbortController | null>(null);
  const mapStyle = useMemo(
    () => (styleUrl ? mapStyleFor(styleUrl) : buildBaseStyle({ basemapUrl: `${window.location.origin}${BASEMAP_PATH}` })),
    [styleUrl],
  );
  const areasUrl = useMemo(() => `${window.location.origin}/api/map/areas`, []);

  const start = initialBbox ?? NORTH_AMERICA;
  const load = useCallback(async () => {
    const map = mapRef.current;
    // Before the map exists, the view it opens on (the clusters are ready when it draws).
    const bounds = map?.getBounds();
    const bbox = bounds ? clampBbox([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]) : start;
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    const params = new URLSearchParams(filterQuery);
    params.set("bbox", formatBbox(bbox));
    params.set("zoom", String(Math.round(map?.getZoom() ?? 3)));
    try {
      const response = await fetch(`/api/map/viewport?${params}`, { signal: controller.signal });
      if (!response.ok) throw new Error(String(response.status));
      setDeals((await response.json()) as ViewportResult);
      setFailed(false);
    } catch (error) {
      if ((error as Error).name !== "AbortError") setFailed(true);
    }
  }, [filterQuery, start]);

  useEffect(() => {
    void load();
  }, [load]);

  const visibleBbox = () => {
    const bounds = mapRef.current?.getBounds();
    return bounds ? clampBbox([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]) : undefined;
  };

  function onClick(event: MapLayerMouseEvent) {
    // An area under a cluster (deals at its centre) wins: its card is what a click there asks for.
    const feature = event.features?.find((f) => f.layer.id === AREA_LAYER) ?? event.features?.[0];
    if (!feature) return;
    if (feature.layer.id === AREA_LAYER) {
      const params = new URLSearchParams(searchParams.toString());
      params.set("card", String(feature.properties.areaCode));
      router.push(`/market?${params.toString().replaceAll("%2C", ",")}#area-card`, { scroll: false });
    } else if (feature.layer.id === DEAL_LAYER) {
      router.push(`/deals/${String(feature.properties.id)}`);
    } else if (feature.layer.id === CLUSTER_LAYER) {
      const [lng, lat] = (feature.geometry as GeoJSON.Point).coordinates;
      const expansionZoom = Number(feature.properties.expansionZoom);
      // Deals at one postal centre never split: open them in Prospects instead.
      if (expansionZoom <= 16) mapRef.current?.flyTo({ center: [lng, lat], zoom: expansionZoom });
      else router.push(dealsHref(filterQuery, clampBbox([lng - 0.0005, lat - 0.0005, lng + 0.0005, lat + 0.0005])));
    }
  }

  const point = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  function finishSelection() {
    const map = mapRef.current;
    if (!map || !drag) return;
    setDrag(null);
    if (Math.abs(drag.x1 - drag.x0) < 4 || Math.abs(drag.y1 - drag.y0) < 4) return;
    const a = map.unproject([drag.x0, drag.y0]);
    const b = map.unproject([drag.x1, drag.y1]);
    setSelecting(false);
    router.push(dealsHref(filterQuery, clampBbox([Math.min(a.lng, b.lng), Math.min(a.lat, b.lat), Math.max(a.lng, b.lng), Math.max(a.lat, b.lat)])));
  }

  const clusters = deals.features.filter((f): f is ViewportFeature & { properties: { kind: "cluster" } } => f.properties.kind === "cluster");

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Map controls">
        <Button size="sm" variant={selecting ? "default" : "outline"} aria-pressed={selecting} onClick={() => setSelecting(!selecting)}>
          Select
        </Button>
        <Button size="sm" variant="outline" onClick={() => { const bbox = visibleBbox(); if (bbox) router.push(dealsHref(filterQuery, bbox)); }}>
          Select the visible area
        </Button>
        <Button size="sm" variant="outline" aria-pressed={colorBy === "status"} onClick={() => setColorBy(colorBy === "strategy" ? "status" : "strategy")}>
          Colour by {colorBy === "strategy" ? "status" : "strategy"}
        </Button>
        <Button size="sm" variant="outline" aria-pressed={heatOn} onClick={() => setHeatOn(!heatOn)}>
          Heatmap {heatOn ? "on" : "off"}
        </Button>
        {heatOn && (
          <Button size="sm" variant="outline" onClick={() => setHeatBy(heatBy === "density" ? "spread" : "density")}>
            Heat by {heatBy === "density" ? "spread" : "density"}
          </Button>
        )}
        <p className="text-xs text-muted-foreground" aria-live="polite">
          {failed ? "The deals could not be loaded; move the map to retry." : `${deals.deals.toLocaleString("en-US")} deals in view`}
        </p>
      </div>
      <div className="relative h-[420px] overflow-hidden rounded-lg border lg:h-[560px]" data-testid="market-map">
        <MapView
          ref={mapRef}
          workerUrl={MAP_WORKER_PATH}
          mapStyle={mapStyle}
          initialViewState={{ bounds: [start[0], start[1], start[2], start[3]], fitBoundsOptions: { padding: 16 } }}
          interactiveLayerIds={[AREA_LAYER, CLUSTER_LAYER, DEAL_LAYER]}
          onClick={onClick}
          onMoveEnd={() => void load()}
          onLoad={() => void load()}
          dragPan={!selecting}
          boxZoom={false}
          renderWorldCopies={false}
          maxZoom={18}
          style={{ width: "100%", height: "100%" }}
        >
          <NavigationControl position="top-right" showCompass={false} />
          <Source id={DEALS_SOURCE} type="geojson" data={deals}>
            <Layer {...clusterLayer(colorBy)} />
            <Layer {...dealLayer(colorBy)} />
            {/* Under the clusters whenever it is switched back on. */}
            {heatOn && <Layer {...heatmapLayer(heatBy)} beforeId={CLUSTER_LAYER} />}
          </Source>
          {/* Areas on top, as rings around the clusters at their centres. */}
          <Source id={AREAS_SOURCE} type="geojson" data={areasUrl}>
            <Layer {...areaLayer} />
          </Source>
          {clusters.slice(0, MAX_COUNT_MARKERS).map((cluster) => (
            <Marker key={cluster.properties.clusterId} longitude={cluster.geometry.coordinates[0]} latitude={cluster.geometry.coordinates[1]} style={{ pointerEvents: "none" }}>
              <span aria-hidden className="rounded bg-white/90 px-1 text-[11px] font-semibold text-neutral-900 shadow-sm">
                {cluster.properties.count >= 1000 ? `${(cluster.properties.count / 1000).toFixed(1)}k` : cluster.properties.count}
              </span>
            </Marker>
          ))}
        </MapView>
        {selecting && (
          <div
            className="absolute inset-0 cursor-crosshair touch-none"
            aria-hidden
            onPointerDown={(event) => { const p = point(event); event.currentTarget.setPointerCapture(event.pointerId); setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y }); }}
            onPointerMove={(event) => { if (drag) { const p = point(event); setDrag({ ...drag, x1: p.x, y1: p.y }); } }}
            onPointerUp={finishSelection}
          >
            {drag && (
              <div
                className="absolute border-2 border-primary bg-primary/10"
                style={{ left: Math.min(drag.x0, drag.x1), top: Math.min(drag.y0, drag.y1), width: Math.abs(drag.x1 - drag.x0), height: Math.abs(drag.y1 - drag.y0) }}
              />
            )}
          </div>
        )}
      </div>
      <MapLegend colorBy={colorBy} heatBy={heatBy} heatOn={heatOn} />
    </div>
  );
}
