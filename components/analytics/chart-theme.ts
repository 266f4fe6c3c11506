import type { CSSProperties } from "react";

/*
 * Chart colors come from the CSS theme tokens, so charts follow light and dark mode
 * without re-rendering: SVG resolves var(--token) at paint time.
 */
export const CHART = {
  primary: "var(--primary)",
  success: "var(--success)",
  warning: "var(--warning)",
  destructive: "var(--destructive)",
  muted: "var(--muted-foreground)",
  grid: "var(--border)",
  axis: "var(--muted-foreground)",
} as const;

export const SOURCE_COLORS = {
  EMAIL: CHART.primary,
  CSV: CHART.success,
  API: CHART.warning,
  MANUAL: CHART.muted,
} as const;

export const axisTick = { fill: CHART.axis, fontSize: 12 };

export const tooltipStyle: CSSProperties = {
  background: "var(--popover)",
  color: "var(--popover-foreground)",
  border: "1px solid var(--border)",
  borderRadius: "var(--radius)",
  fontSize: 12,
};

export const tooltipCursor = { fill: "var(--muted)", opacity: 0.6 };

/** Market ranks: hot warm, cold blue, normal grey, blacklisted the darkest. */
export const RANK_COLORS = {
  HOT: CHART.destructive,
  NORMAL: CHART.muted,
  COLD: "#0072B2",
  BLACKLIST: "var(--foreground)",
} as const;

/** Okabe-Ito: six lines told apart with any colour vision, in light and dark mode. */
export const SERIES_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"] as const;
