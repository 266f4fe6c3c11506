/**
 * The Market map's colours, shared by its layers and its legend. Chosen to stay apart for
 * the common colour-vision deficiencies (Okabe-Ito), each also named in the legend.
 */
import { DEAL_STATUSES, type DealStatus } from "@/lib/deals/rules";
import type { MarketRank } from "@/lib/market/types";
import { STRATEGIES, type Strategy } from "@/lib/underwriting/rules";

export const STATUS_COLORS: Record<DealStatus, string> = {
  NEW: "#0072B2", UNDERWRITTEN: "#56B4E9", CONTACTED: "#009E73", NEGOTIATING: "#E69F00",
  UNDER_CONTRACT: "#D55E00", CLOSED: "#CC79A7", DEAD: "#7f7f7f",
};
export const STRATEGY_COLORS: Record<Strategy, string> = { FLIP: "#D55E00", RENTAL: "#0072B2", WHOLESALE: "#009E73", TRASH: "#7f7f7f" };
/** Deals not underwritten yet have no strategy. */
export const NO_STRATEGY_COLOR = "#b0b0b0";
// Hot is a deep red (and drawn thicker) to stand apart from Normal's orange.
export const RANK_COLORS: Record<MarketRank, string> = { HOT: "#B2182B", NORMAL: "#E69F00", COLD: "#56B4E9", BLACKLIST: "#111111" };

export type ColorBy = "strategy" | "status";
export type HeatBy = "density" | "spread";

/** A MapLibre `match` expression colouring features by their `status` or `strategy` property. */
export function colorExpression(by: ColorBy): unknown[] {
  const pairs = by === "status" ? DEAL_STATUSES.flatMap((s) => [s, STATUS_COLORS[s]]) : STRATEGIES.flatMap((s) => [s, STRATEGY_COLORS[s]]);
  return ["match", ["coalesce", ["get", by], "NONE"], ...pairs, NO_STRATEGY_COLOR];
}

export function legendEntries(by: ColorBy): { label: string; color: string }[] {
  const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
  if (by === "status") return DEAL_STATUSES.map((s) => ({ label: label(s), color: STATUS_COLORS[s] }));
  return [...STRATEGIES.map((s) => ({ label: label(s), color: STRATEGY_COLORS[s] })), { label: "Not underwritten", color: NO_STRATEGY_COLOR }];
}
