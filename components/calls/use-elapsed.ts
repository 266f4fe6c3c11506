"use client";

import { useEffect, useState } from "react";

/** Seconds since `since` (ms), ticking every second until `stopped`. */
export function useElapsed(since: number | null, stopped: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null || stopped) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [since, stopped]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/** "4:05", as the timer reads and the length field accepts. */
export function clockOf(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
