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
