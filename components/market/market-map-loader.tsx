"use client";

import dynamic from "next/dynamic";
import type { MarketMapProps } from "./market-map";

// MapLibre is large and needs a browser: loaded on this page only, after hydration.
const MarketMap = dynamic(() => import("./market-map").then((m) => m.MarketMap), {
  ssr: false,
  loading: () => <div className="grid h-full min-h-80 place-items-center rounded-lg border bg-muted text-sm text-muted-foreground">Loading the map...</div>,
});

export function MarketMapLoader(props: MarketMapProps) {
  return <MarketMap {...props} />;
}
