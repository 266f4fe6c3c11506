"use client";

import dynamic from "next/dynamic";

export interface DealMiniMapProps {
  latitude: number;
  longitude: number;
  /** The property's address, named beside the map for those who do not see it. */
  label: string;
  /** Comparable sales, when the deal has them. */
  comps?: { latitude: number; longitude: number; label: string }[];
}

// MapLibre is large and needs a browser: loaded after hydration, only where a deal shows it.
const DealMiniMapView = dynamic(() => import("./deal-mini-map-view"), {
  ssr: false,
  loading: () => <div className="size-full animate-pulse bg-muted" />,
});

/** A small map of the property (orange) and its comparable sales (blue), on the offline base map. */
export function DealMiniMap({ latitude, longitude, label, comps }: DealMiniMapProps) {
  const described = comps?.length ? `${label} and ${comps.length} comparable sale${comps.length === 1 ? "" : "s"}` : label;
  return (
    <figure className="grid gap-1">
      <div className="h-48 overflow-hidden rounded-lg border" role="img" aria-label={`Map of ${described}`}>
        <DealMiniMapView latitude={latitude} longitude={longitude} label={label} comps={comps} />
      </div>
      <figcaption className="text-xs text-muted-foreground">
        <span className="mr-1 inline-block size-2 rounded-full bg-orange-600" aria-hidden /> {label}
        {comps?.length ? <><span className="ml-3 mr-1 inline-block size-2 rounded-full bg-sky-600" aria-hidden /> comparable sales</> : null}
      </figcaption>
    </figure>
  );
}
