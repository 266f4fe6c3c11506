/**
 * The Market map's overlay layers (deals, heatmap, areas) as MapLibre layer specifications,
 * drawn the same on the offline style and on a MAP_STYLE_URL one. No symbol (text) layers:
 * a style without glyphs cannot draw them, so counts are HTML markers.
 */
import type { ExpressionSpecification } from "maplibre-gl";
import type { LayerProps } from "react-map-gl/maplibre";
import { colorExpression, RANK_COLORS, type ColorBy, type HeatBy } from "@/lib/map/legend";

/** Expressions are built as plain arrays (see lib/map/legend.ts) and checked by MapLibre at load. */
const expression = (value: unknown) => value as ExpressionSpecification;

export const DEALS_SOURCE = "deals";
export const AREAS_SOURCE = "areas";
export const AREA_LAYER = "areas";
export const CLUSTER_LAYER = "deal-clusters";
export const DEAL_LAYER = "deal-points";

const isCluster = ["==", ["get", "kind"], "cluster"];

export function heatmapLayer(by: HeatBy): LayerProps {
  // Clusters weigh as their deals: log-scaled counts, or the spread they hold (500k saturates).
  const weight = by === "density"
    ? ["case", isCluster, ["min", 1, ["/", ["ln", ["+", 1, ["get", "count"]]], 4]], 0.3]
    : ["min", 1, ["/", ["max", 0, ["case", isCluster, ["get", "spreadSum"], ["coalesce", ["get", "spread"], 0]]], 300_000]];
  return {
    id: "deal-heat",
    type: "heatmap",
    source: DEALS_SOURCE,
    paint: {
      "heatmap-weight": expression(weight),
      // Wider than the clusters drawn over it, so the heat shows around them.
      "heatmap-radius": expression(["interpolate", ["linear"], ["zoom"], 0, 30, 4, 55, 10, 75, 14, 90]),
      "heatmap-intensity": 1.3,
      "heatmap-opacity": 0.75,
      "heatmap-color": expression([
        "interpolate", ["linear"], ["heatmap-density"],
        0, "rgba(255,255,255,0)", 0.15, "#fde0c5", 0.4, "#facba6", 0.65, "#f0746e", 1, "#b3193b",
      ]),
    },
  } as LayerProps;
}

export function clusterLayer(by: ColorBy): LayerProps {
  return {
    id: CLUSTER_LAYER,
    type: "circle",
    source: DEALS_SOURCE,
    filter: expression(isCluster) as never,
    paint: {
      "circle-color": expression(colorExpression(by)),
      "circle-opacity": 0.8,
      "circle-radius": expression(["interpolate", ["linear"], ["ln", ["+", 1, ["get", "count"]]], 0, 10, 10, 34]),
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1.5,
    },
  };
}

export function dealLayer(by: ColorBy): LayerProps {
  return {
    id: DEAL_LAYER,
    type: "circle",
    source: DEALS_SOURCE,
    filter: expression(["==", ["get", "kind"], "deal"]) as never,
    paint: {
      "circle-color": expression(colorExpression(by)),
      // Size by spread: 4 px at none or a loss, 12 px at 100k or more.
      "circle-radius": expression(["interpolate", ["linear"], ["max", 0, ["coalesce", ["get", "spread"], 0]], 0, 4, 100_000, 12]),
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1,
    },
  };
}

export const areaLayer: LayerProps = {
  id: AREA_LAYER,
  type: "circle",
  source: AREAS_SOURCE,
  paint: {
    // A ring in the rank's colour around the area's deals; blacklisted areas: a thick black
    // ring over a white veil, unlike every ranked one.
    "circle-color": expression(["case", ["get", "blacklisted"], "#ffffff", "rgba(0,0,0,0)"]),
    "circle-opacity": expression(["case", ["get", "blacklisted"], 0.6, 1]),
    "circle-radius": expression(["interpolate", ["linear"], ["zoom"], 3, 7, 8, 18, 12, 30]),
    "circle-stroke-color": expression(["match", ["get", "rank"], "HOT", RANK_COLORS.HOT, "NORMAL", RANK_COLORS.NORMAL, "COLD", RANK_COLORS.COLD, RANK_COLORS.BLACKLIST]),
    "circle-stroke-width": expression(["case", ["get", "blacklisted"], 4, ["==", ["get", "rank"], "HOT"], 4, 2.5]),
  },
};
