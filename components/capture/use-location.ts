"use client";

import { useCallback, useEffect, useState } from "react";
import type { ResolvedPlace } from "@/lib/capture/schema";

export interface PhonePosition {
  latitude: number;
  longitude: number;
  accuracy?: number;
}

type LocationState = "locating" | "located" | "denied" | "unavailable";

/** The phone's position (asked once on load and on "Locate again") and the postal area around it. */
export function useLocation() {
  const [state, setState] = useState<LocationState>("locating");
  const [position, setPosition] = useState<PhonePosition | null>(null);
  const [place, setPlace] = useState<ResolvedPlace | null>(null);
  const [resolveError, setResolveError] = useState<string | null>(null);

  const resolve = useCallback(async (point: PhonePosition) => {
    setPlace(null);
    setResolveError(null);
    if (!navigator.onLine) return;
    try {
      const response = await fetch(`/api/capture/resolve?lat=${point.latitude}&lng=${point.longitude}`, { credentials: "same-origin" });
      const body = await response.json().catch(() => null);
      if (response.ok) setPlace(body as ResolvedPlace);
      else setResolveError(body?.error ?? "The postal area could not be found; type the ZIP or postal code");
    } catch {
      // No signal: the server finds the area when the capture is sent.
    }
  }, []);

  /** `fresh` asks the phone for a new fix rather than one it measured in the last seconds. */
  const locate = useCallback((fresh = false) => {
    if (!("geolocation" in navigator)) {
      setState("unavailable");
      return;
    }
    setState("locating");
    navigator.geolocation.getCurrentPosition(
      (found) => {
        const point = { latitude: found.coords.latitude, longitude: found.coords.longitude, accuracy: found.coords.accuracy };
        setPosition(point);
        setState("located");
        void resolve(point);
      },
      (error) => {
        setPosition(null);
        setPlace(null);
        setState(error.code === error.PERMISSION_DENIED ? "denied" : "unavailable");
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: fresh ? 0 : 10_000 },
    );
  }, [resolve]);

  useEffect(() => {
    locate();
  }, [locate]);

  // The area lookup needs signal: do it again when it comes back.
  useEffect(() => {
    if (!position || place) return;
    const online = () => void resolve(position);
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [position, place, resolve]);

  return { state, position, place, resolveError, locate };
}
