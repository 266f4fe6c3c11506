import Link from "next/link";
import { DealPhotos } from "@/components/capture/deal-photos";
import { DealMiniMap } from "@/components/market/deal-mini-map";
import { RankBadge } from "@/components/market/rank-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { MarketRank } from "@/lib/market/types";

export interface DealLocation {
  latitude: number | null;
  longitude: number | null;
  locationSource: string | null;
  areaCode: string | null;
  label: string;
}

interface DealLocationCardProps {
  location: DealLocation;
  area: { rank: MarketRank; headline: string | null; blacklistReason: string | null } | null;
  photos: { id: string; fileName: string; url: string }[];
}

/** Where the property is: a small map, its postal area's rank, and the photos taken there. */
export function DealLocationCard({ location, area, photos }: DealLocationCardProps) {
  const { latitude, longitude, areaCode } = location;
  return (
    <Card aria-labelledby="deal-location-title">
      <CardHeader>
        <CardTitle id="deal-location-title">Location</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        {latitude !== null && longitude !== null ? (
          <DealMiniMap latitude={latitude} longitude={longitude} label={location.label} />
        ) : (
          <p className="text-sm text-muted-foreground">No map position: the deal has no ZIP or postal code the app knows.</p>
        )}
        {location.locationSource === "centroid" && (
          <p className="text-xs text-muted-foreground">Placed at the centre of its postal area; a capture or an import with coordinates places it exactly.</p>
        )}
        {areaCode && (
          <div className="grid gap-1 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/market?area=${encodeURIComponent(areaCode)}`} className="font-medium underline-offset-4 hover:underline">
                Area {areaCode}
              </Link>
              {area && <RankBadge rank={area.rank} />}
            </div>
            {area?.rank === "BLACKLIST" && <p className="text-destructive">Blacklisted: {area.blacklistReason}. No outreach goes to this area.</p>}
            {area?.headline && area.rank !== "BLACKLIST" && <p className="text-muted-foreground">{area.headline}</p>}
            {!area && <p className="text-muted-foreground">Not ranked yet: the market-intel engine ranks this area on its next pass (Engines).</p>}
          </div>
        )}
        <div className="grid gap-2">
          <h3 className="text-sm font-medium">Photos</h3>
          <DealPhotos photos={photos} />
        </div>
      </CardContent>
    </Card>
  );
}
