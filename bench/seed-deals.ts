// Deals for the page and API benches, made by the database itself (one INSERT ... SELECT
// over generate_series per 100,000 rows): a million in well under a minute on either
// database, with the spread of statuses, sources, regions, prices and dates a real
// workspace has. Runs on the process's own session (row-level security lets it by).
import type { SqlExecutor } from "@/lib/db/migrate";

const REGIONS = ["TX", "FL", "GA", "OH", "TN", "NC", "AZ", "NY", "ON", "BC"];
const CITIES = ["Austin", "Tampa", "Atlanta", "Columbus", "Memphis", "Charlotte", "Phoenix", "Buffalo", "Toronto", "Vancouver"];

export async function seedDealsBySql(sql: SqlExecutor, tenantId: string, count: number, options: { ownerId?: string; batch?: number } = {}): Promise<void> {
  const batch = options.batch ?? 100_000;
  const regions = `(ARRAY['${REGIONS.join("','")}'])`;
  const cities = `(ARRAY['${CITIES.join("','")}'])`;
  for (let offset = 0; offset < count; offset += batch) {
    const last = Math.min(count, offset + batch);
    await sql.exec(`
      INSERT INTO "Deal" ("id", "tenantId", "status", "source", "street", "city", "region", "postalCode", "country", "addressKey",
        "market", "timeZone", "askingPrice", "arv", "repairs", "beds", "baths", "sqft", "score", "mao", "spread", "spreadRatio",
        "strategy", "underwrittenAt", "contactName", "contactPhone", "ownerId", "raw", "createdAt", "updatedAt")
      SELECT 'bench' || lpad(n::text, 9, '0'), '${tenantId}',
        (ARRAY['NEW','UNDERWRITTEN','CONTACTED','NEGOTIATING','UNDER_CONTRACT','CLOSED','DEAD'])[1 + n % 7]::"DealStatus",
        (ARRAY['CSV','API','EMAIL','MANUAL'])[1 + n % 4]::"DealSource",
        n || ' Oak Street', ${cities}[1 + n % 10], ${regions}[1 + n % 10],
        lpad((10000 + n % 89999)::text, 5, '0'), (CASE WHEN n % 10 >= 8 THEN 'CA' ELSE 'US' END)::"Country",
        'BENCH-' || n, upper(${cities}[1 + n % 10]), 'America/New_York',
        90000 + (n * 7919) % 300000, 150000 + (n * 104729) % 400000, 10000 + (n * 31) % 60000,
        1 + n % 5, 1 + (n % 3) * 0.5, 800 + n % 2200, n % 101,
        (150000 + (n * 104729) % 400000) * 0.7 - (10000 + (n * 31) % 60000) - 10000,
        (150000 + (n * 104729) % 400000) * 0.7 - (10000 + (n * 31) % 60000) - 10000 - (90000 + (n * 7919) % 300000),
        ((150000 + (n * 104729) % 400000) * 0.7 - (10000 + (n * 31) % 60000) - 10000 - (90000 + (n * 7919) % 300000))::float8 / (150000 + (n * 104729) % 400000),
        (ARRAY['FLIP','RENTAL','WHOLESALE','TRASH'])[1 + n % 4]::"Strategy",
        TIMESTAMP '2026-01-01' + (n % 300) * INTERVAL '1 day',
        'Owner ' || n, '+1512555' || lpad((n % 10000)::text, 4, '0'),
        ${options.ownerId ? `CASE WHEN n % 3 = 0 THEN '${options.ownerId}' END` : "NULL"},
        '{}'::jsonb, TIMESTAMP '2026-01-01' + (n % 300) * INTERVAL '1 day' + n * INTERVAL '1 second', now()
      FROM generate_series(${offset + 1}::bigint, ${last}::bigint) AS n`);
  }
  await sql.exec(`ANALYZE "Deal"`);
}
