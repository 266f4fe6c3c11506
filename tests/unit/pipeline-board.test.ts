import { describe, expect, it } from "vitest";
import { columnKeyboardCoordinates } from "@/components/pipeline/board-keyboard";
import { applyMove, type BoardColumn } from "@/components/pipeline/board-state";
import { formatPhone } from "@/components/prospects/format";
import { bulkSummary } from "@/components/prospects/bulk-summary";

const card = (id: string, status: BoardColumn["status"], spread: number | null) => ({
  id, status, address: `${id} Main St`, locality: "", spread, spreadRatio: null, score: null, ownerName: null,
});
const board = (): BoardColumn[] => [
  { status: "NEW", count: 5, totalSpread: 30_000, cards: [card("a", "NEW", 10_000), card("b", "NEW", null)] },
  { status: "CONTACTED", count: 1, totalSpread: -2_000, cards: [card("c", "CONTACTED", -2_000)] },
];

describe("applyMove", () => {
  it("moves the card to the top of the target and carries its count and spread", () => {
    const next = applyMove(board(), { dealId: "a", to: "CONTACTED" });
    expect(next[0]).toMatchObject({ count: 4, totalSpread: 20_000 });
    expect(next[0].cards.map((c) => c.id)).toEqual(["b"]);
    expect(next[1]).toMatchObject({ count: 2, totalSpread: 8_000 });
    expect(next[1].cards.map((c) => [c.id, c.status])).toEqual([["a", "CONTACTED"], ["c", "CONTACTED"]]);
  });

  it("counts a deal without a spread but adds nothing to the sums", () => {
    const next = applyMove(board(), { dealId: "b", to: "CONTACTED" });
    expect(next.map((c) => [c.count, c.totalSpread])).toEqual([[4, 30_000], [2, -2_000]]);
  });

  it("leaves the board as it was for an unknown card, the same column or a column not shown", () => {
    const before = board();
    expect(applyMove(before, { dealId: "zz", to: "NEW" })).toEqual(before);
    expect(applyMove(before, { dealId: "a", to: "NEW" })).toEqual(before);
    expect(applyMove(before, { dealId: "a", to: "DEAD" })).toEqual(before);
  });
});

describe("columnKeyboardCoordinates", () => {
  const rect = (left: number) => ({ left, top: 100, width: 200, height: 400, right: left + 200, bottom: 500 });
  const context = (cardLeft: number) => ({
    collisionRect: { left: cardLeft, top: 140, width: 180, height: 60, right: cardLeft + 180, bottom: 200 },
    droppableRects: new Map([["NEW", rect(0)], ["CONTACTED", rect(220)], ["DEAD", rect(440)]]),
  });
  const press = (code: string, cardLeft: number) =>
    columnKeyboardCoordinates({ code, preventDefault() {} } as KeyboardEvent, { context: context(cardLeft), currentCoordinates: { x: cardLeft, y: 140 } } as never);

  it("jumps to the centre of the next or previous column", () => {
    expect(press("ArrowRight", 10)).toEqual({ x: 230, y: 140 });
    expect(press("ArrowRight", 230)).toEqual({ x: 450, y: 140 });
    expect(press("ArrowLeft", 230)).toEqual({ x: 10, y: 140 });
  });

  it("stays put at either end and leaves other keys alone", () => {
    expect(press("ArrowRight", 450)).toEqual({ x: 450, y: 140 });
    expect(press("ArrowLeft", 10)).toEqual({ x: 10, y: 140 });
    expect(press("ArrowDown", 10)).toBeUndefined();
  });
});

describe("bulkSummary", () => {
  it("says how many changed and names each refused deal with its reason", () => {
    const labels: Record<string, string> = { d1: "1 Elm St", d2: "2 Oak Ave" };
    const summary = bulkSummary("owner", { changed: ["d3"], refused: [{ dealId: "d1", reason: "Already owned by this member" }, { dealId: "d2", reason: "No such deal" }] }, (id) => labels[id]);
    expect(summary.title).toBe("Owner assigned for 1 deal; 2 refused.");
    expect(summary.lines).toEqual(["1 Elm St: Already owned by this member", "2 Oak Ave: No such deal"]);
    expect(bulkSummary("ladder", { changed: ["a", "b"], refused: [] }, String)).toEqual({ title: "Ladder started for 2 deals.", lines: [] });
  });
});

describe("formatPhone", () => {
  it("writes North American numbers as (512) 555-0142 and leaves others as stored", () => {
    expect(formatPhone("+15125550142")).toBe("(512) 555-0142");
    expect(formatPhone("512.555.0142")).toBe("(512) 555-0142");
    expect(formatPhone("+442071838750")).toBe("+442071838750");
    expect(formatPhone("ext 12")).toBe("ext 12");
    expect(formatPhone(null)).toBe("—");
  });
});

describe("default hidden columns", () => {
  it("hides MAO, source, intent, lists and market until the user shows them, and `cols=none` shows everything", async () => {
    const { HIDEABLE_COLUMN_IDS, hiddenColumnsValue, parseHiddenColumns } = await import("@/components/prospects/table-url");
    expect(parseHiddenColumns(null, HIDEABLE_COLUMN_IDS)).toEqual(["intent", "lists", "mao", "market", "source"]);
    expect(parseHiddenColumns("none", HIDEABLE_COLUMN_IDS)).toEqual([]);
    expect(parseHiddenColumns("market", HIDEABLE_COLUMN_IDS)).toEqual(["market"]);
    expect(hiddenColumnsValue(["source", "intent", "mao", "market", "lists"])).toBeUndefined();
    expect(hiddenColumnsValue(["source", "intent", "mao"])).toBe("intent,mao,source");
    expect(hiddenColumnsValue(["source", "mao"])).toBe("mao,source");
    expect(hiddenColumnsValue([])).toBe("none");
    expect(hiddenColumnsValue(["market", "owner"])).toBe("market,owner");
  });
});
