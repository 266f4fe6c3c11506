import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { MarketBaseline } from "./types";

interface BaselineRow {
  market: string;
  asking_median: number | null;
  asking_mad: number | null;
  asking_count: number;
  arv_median: number | null;
  arv_mad: number | null;
  arv_count: number;
}

/**
 * Each market's median and median absolute deviation of asking price and ARV over the
 * workspace's live (not deleted) deals, in one statement: the inner select finds each market's
 * medians, the outer one the median distance from them. Non-positive prices are left out: they
 * are data errors themselves, not part of a market. Markets without a priced deal are absent.
 */
export async function loadQualityBaselines(
  db: TenantDb | TenantTransaction,
  markets: readonly string[],
): Promise<Map<string, MarketBaseline>> {
  const wanted = [...new Set(markets.filter((market) => market.length > 0))];
  const baselines = new Map<string, MarketBaseline>();
  if (wanted.length === 0) return baselines;
  const rows = await selectInTenant<BaselineRow>(
    db,
    `SELECT d.market,
            m.asking_median,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(CASE WHEN d."askingPrice" > 0 THEN d."askingPrice" END - m.asking_median)) AS asking_mad,
            m.asking_count,
            m.arv_median,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(CASE WHEN d.arv > 0 THEN d.arv END - m.arv_median)) AS arv_mad,
            m.arv_count
       FROM "Deal" d
       JOIN (SELECT market,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN "askingPrice" > 0 THEN "askingPrice" END) AS asking_median,
                    count(CASE WHEN "askingPrice" > 0 THEN 1 END)::int AS asking_count,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN arv > 0 THEN arv END) AS arv_median,
                    count(CASE WHEN arv > 0 THEN 1 END)::int AS arv_count
               FROM "Deal"
              WHERE "tenantId" = $1 AND "deletedAt" IS NULL AND market = ANY($2::text[])
              GROUP BY market) m ON m.market = d.market
      WHERE d."tenantId" = $1 AND d."deletedAt" IS NULL AND d.market = ANY($2::text[])
      GROUP BY d.market, m.asking_median, m.asking_count, m.arv_median, m.arv_count`,
    [db.tenantId, wanted],
  );
  for (const row of rows) {
    baselines.set(row.market, {
      market: row.market,
      asking:
        row.asking_count > 0 && row.asking_median !== null
          ? { median: Number(row.asking_median), mad: Number(row.asking_mad ?? 0), count: row.asking_count }
          : null,
      arv:
        row.arv_count > 0 && row.arv_median !== null
          ? { median: Number(row.arv_median), mad: Number(row.arv_mad ?? 0), count: row.arv_count }
          : null,
    });
  }
  return baselines;
}
