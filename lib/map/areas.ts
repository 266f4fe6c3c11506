/**
 * Ranked postal areas as map points: one GeoJSON point per area at its centre, carrying what
 * the map colours and the legend names. Pure.
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import type { MarketAreaView } from "@/lib/market/service";
import type { MarketRank } from "@/lib/market/types";

export interface AreaPointProperties {
  areaCode: string;
  rank: MarketRank;
  blacklisted: boolean;
  /** "75201 Dallas" */
  label: string;
  deals4w: number;
  /** The headline reason ("HOT: 9 deals in 4 weeks, ..."). */
  reason: string | null;
}

export type AreaFeatureCollection = FeatureCollection<Point, AreaPointProperties>;

export function areaFeatureCollection(areas: readonly MarketAreaView[]): AreaFeatureCollection {
  return {
    type: "FeatureCollection",
    features: areas.map(
      (area): Feature<Point, AreaPointProperties> => ({
        type: "Feature",
        geometry: { type: "Point", coordinates: [area.longitude, area.latitude] },
        properties: {
          areaCode: area.areaCode,
          rank: area.rank,
          blacklisted: area.blacklisted,
          label: [area.areaCode, area.city].filter(Boolean).join(" "),
          deals4w: area.metrics.deals4w,
          reason: area.blacklisted ? area.blacklistReason : (area.reasons[0] ?? null),
        },
      }),
    ),
  };
}
