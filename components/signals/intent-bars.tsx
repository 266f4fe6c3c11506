import { SIGNAL_TYPE_INFO, isSignalType } from "@/lib/signals/types";
import { formatAgo, formatPoints } from "./format";

/** One counted signal as the bars show it. */
export interface IntentSignalLine {
  type: string;
  occurredAt: Date | string;
  /** Points it adds to the score now. */
  points: number;
  /** The drafter's own label when it gave one; otherwise the type's. */
  label?: string;
}

export function signalLabel(type: string): string {
  return isSignalType(type) ? SIGNAL_TYPE_INFO[type].label : type.replaceAll("_", " ");
}

/**
 * Each contributing signal as a line ("SMS reply, 6 h ago: +28") over a bar of its points out
 * of 100, the score's ceiling. The bar repeats the text, so it is hidden from screen readers.
 */
export function IntentBars({ signals, now }: { signals: readonly IntentSignalLine[]; now: Date }) {
  return (
    <ul className="grid gap-2" aria-label="Contributing signals">
      {signals.map((signal, index) => (
        <li key={`${signal.type}-${String(signal.occurredAt)}-${index}`} className="grid gap-1 text-sm" data-testid="intent-signal">
          <span className="flex flex-wrap justify-between gap-x-2">
            <span>{`${signal.label ?? signalLabel(signal.type)}, ${formatAgo(signal.occurredAt, now)}:`}</span>
            <span className="font-medium tabular-nums">{formatPoints(signal.points)}</span>
          </span>
          <span aria-hidden className="block h-1.5 w-full overflow-hidden rounded-full bg-muted">
            <span className="block h-full rounded-full bg-primary" style={{ width: `${Math.min(100, Math.max(1, signal.points))}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
