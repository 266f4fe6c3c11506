import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { deleteView, listSavedViews, saveView } from "@/lib/prospects/views";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let otherDb: TenantDb;

beforeAll(async () => {
  database = await createTestDatabase();
  const [a, b] = await Promise.all(["views-a", "views-b"].map((slug) => database.prisma.tenant.create({ data: { slug, name: slug } })));
  db = scopeToTenant(database.prisma, a.id);
  otherDb = scopeToTenant(database.prisma, b.id);
});
afterAll(() => database.close());

describe("saved views", () => {
  it("stores a canonical query without the page number", async () => {
    const view = await saveView(db, "ana", { name: "Hot Texas", query: "?page=3&status=NEW&status=DEAD&region=tx&cols=market,source&bogus=1" });
    expect(view.query).toBe("status=NEW,DEAD&region=TX&cols=market,source");
    expect(await listSavedViews(db, "ana")).toEqual([view]);
  });

  it("replaces a view saved again under the same name", async () => {
    const first = await saveView(db, "ana", { name: "Big spread", query: "spreadMin=30000" });
    const second = await saveView(db, "ana", { name: "Big spread", query: "spreadMin=50000&sort=spread" });
    expect(second.id).toBe(first.id);
    expect((await listSavedViews(db, "ana")).map((v) => [v.name, v.query])).toEqual([
      ["Big spread", "sort=spread&spreadMin=50000"],
      ["Hot Texas", "status=NEW,DEAD&region=TX&cols=market,source"],
    ]);
  });

  it("keeps views per user and per tenant", async () => {
    await saveView(db, "ben", { name: "Big spread", query: "spreadMin=1" });
    await saveView(otherDb, "ana", { name: "Big spread", query: "spreadMin=2" });
    expect((await listSavedViews(db, "ben")).map((v) => v.query)).toEqual(["spreadMin=1"]);
    expect((await listSavedViews(otherDb, "ana")).map((v) => v.query)).toEqual(["spreadMin=2"]);
    expect(await listSavedViews(db, "ana")).toHaveLength(2);
  });

  it("deletes only the user's own view in the tenant", async () => {
    const [view] = await listSavedViews(db, "ana");
    await expect(deleteView(db, "ben", view.id)).rejects.toBeInstanceOf(ExpectedError);
    await expect(deleteView(otherDb, "ana", view.id)).rejects.toThrow("no longer exists");
    expect(await deleteView(db, "ana", view.id)).toEqual({ id: view.id });
    expect((await listSavedViews(db, "ana")).map((v) => v.name)).toEqual(["Hot Texas"]);
    expect(await listSavedViews(db, "ben")).toHaveLength(1);
  });
});
