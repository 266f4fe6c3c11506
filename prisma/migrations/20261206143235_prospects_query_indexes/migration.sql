-- DropIndex
DROP INDEX "Deal_tenantId_status_createdAt_idx";

-- DropIndex
DROP INDEX "Deal_tenantId_source_createdAt_idx";

-- DropIndex
DROP INDEX "Deal_tenantId_createdAt_idx";

-- Every tenant query runs under row-level security, where PostgreSQL uses a condition as an
-- index condition only when its operator is leakproof: equalities and ranges on text,
-- numbers and times are, enum equality (status, source), ILIKE and lower() are not. So the
-- status and source indexes above were read for their tenantId alone, and the trigram
-- index for the address search was never read at all; each still cost every import.
DROP INDEX "Deal_address_trgm_idx";

-- Every Prospects sort reads its first page from an index: (value DESC NULLS LAST, id DESC)
-- read forwards serves the descending sort, read backwards from its last value the ascending
-- one, whose deals without a value then follow by id (lib/prospects/query.ts). Spread, spread
-- ratio, score and newest first already have theirs; MAO is no longer a sort.
CREATE INDEX "Deal_tenantId_askingPrice_desc_idx" ON "Deal" ("tenantId", "askingPrice" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Deal_tenantId_arv_desc_idx" ON "Deal" ("tenantId", "arv" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Deal_tenantId_city_desc_idx" ON "Deal" ("tenantId", "city" DESC NULLS LAST, "id" DESC);

-- A search that is a postal code or its start ("M6H", "75201") is a byte-wise range
-- (~>=~ and ~<~ are leakproof), which this index serves.
CREATE INDEX "Deal_tenantId_postalCode_idx" ON "Deal" ("tenantId", "postalCode" text_pattern_ops);

-- A search that starts with a house number ("1234 Oak") is the start of a street, the same
-- kind of range on this index.
CREATE INDEX "Deal_tenantId_street_idx" ON "Deal" ("tenantId", "street" text_pattern_ops);
