import type { Metadata } from "next";
import { AreaCard } from "@/components/market/area-card";
import { AreaList, RollupTable } from "@/components/market/area-lists";
import { MarketFilters } from "@/components/market/market-filters";
import { MarketMapLoader } from "@/components/market/market-map-loader";
import { dealLabel } from "@/lib/map/clusters";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { AREA_CODE_PATTERN, clampBbox, type Bbox } from "@/lib/map/bbox";
import { areaRollups, getArea, listAreas } from "@/lib/market/service";
import { listProspects, parseProspectQuery, prospectQueryString, prospectSearchParams, ProspectQuery } from "@/lib/prospects/query";
import { setAreaBlacklistAction } from "./actions";

export const metadata: Metadata = { title: "Market map" };

/** How far around an area's centre the map opens on it: a city's worth. */
const AREA_VIEW_DEGREES = 0.15;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The Prospects filters alone (no paging, sorting or box), as the map's requests carry them. */
function filterQueryOf(query: ProspectQuery): string {
  const { page: _page, pageSize: _pageSize, sort: _sort, dir: _dir, after: _after, bbox: _bbox, ...filters } = query;
  return prospectQueryString(prospectSearchParams(filters));
}

export default async function MarketPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requirePage("market:read");
  const raw = await searchParams;
  const query = parseProspectQuery(raw);
  // `card` opens an area's card; a filter on one area (the outbound refusal links /market?area=...) opens it too.
  const cardCode = typeof raw.card === "string" && AREA_CODE_PATTERN.test(raw.card.toUpperCase()) ? raw.card.toUpperCase() : query.area?.length === 1 ? query.area[0] : null;
  const [areas, byMarket, byRegion, area] = await Promise.all([
    listAreas(ctx.db, { limit: 300 }),
    areaRollups(ctx.db, "market"),
    areaRollups(ctx.db, "region"),
    cardCode ? getArea(ctx.db, cardCode) : null,
  ]);
  const areaDeals = area && can(ctx.role, "deals:read")
    ? await listProspects(ctx.db, ProspectQuery.parse({ area: area.areaCode, pageSize: 10 }), { timeZone: ctx.tenant.timeZone })
    : null;
  // Open on the box asked for, else on the area whose card is open, else on the US and Canada.
  const initialBbox: Bbox | undefined = query.bbox ?? (area ? clampBbox([area.longitude - AREA_VIEW_DEGREES, area.latitude - AREA_VIEW_DEGREES, area.longitude + AREA_VIEW_DEGREES, area.latitude + AREA_VIEW_DEGREES]) : undefined);
  const params = new URLSearchParams(prospectQueryString(prospectSearchParams(query)));
  const cardHref = (code: string) => {
    const next = new URLSearchParams(params);
    next.set("card", code);
    return `/market?${next.toString().replaceAll("%2C", ",")}#area-card`;
  };
  // Closing a card opened by a one-area filter lifts that filter too.
  const closeParams = new URLSearchParams(params);
  if (typeof raw.card !== "string") closeParams.delete("area");
  const closeHref = closeParams.size ? `/market?${closeParams.toString().replaceAll("%2C", ",")}` : "/market";

  return (
    <div className="grid grid-cols-1 gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Market map</h1>
        <p className="text-sm text-muted-foreground">
          Your deals by postal area, clustered as you zoom, with each area&apos;s rank. Click an area for its card; select a box to open its deals in Prospects.
        </p>
      </div>
      <MarketFilters query={query} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_360px]">
        <div className="min-w-0">
          <MarketMapLoader filterQuery={filterQueryOf(query)} initialBbox={initialBbox} styleUrl={process.env.MAP_STYLE_URL?.trim() || null} />
        </div>
        <div className="grid content-start gap-4">
          {cardCode && !area && (
            <p role="status" className="rounded-lg border p-4 text-sm">No figures for {cardCode} yet: no deal there has been ranked.</p>
          )}
          {area && (
            <AreaCard
              area={area}
              deals={(areaDeals?.rows ?? []).map((row) => ({ id: row.id, label: dealLabel(row), status: row.status, spread: row.spread }))}
              dealCount={areaDeals?.total ?? 0}
              closeHref={closeHref}
              setBlacklist={can(ctx.role, "market:blacklist") ? setAreaBlacklistAction : undefined}
            />
          )}
          <section aria-labelledby="areas-title" className="grid gap-2">
            <h2 id="areas-title" className="text-base font-semibold">Areas, hottest first</h2>
            <AreaList areas={areas} cardHref={cardHref} />
          </section>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <RollupTable title="Market" rollups={byMarket} />
        <RollupTable title="Region" rollups={byRegion} />
      </div>
    </div>
  );
}
