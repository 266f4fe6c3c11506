export { generateMemo, gatherMemoData, listDealDocuments, latestMemo, generateAlertMemos, MEMO_PURPOSE } from "./service";
export { renderInvestorMemo } from "./render";
export { buildMemoData, type MemoSource, type MemoDeal, type MemoEvidence } from "./data";
export { memoLayout, type MemoLayout, type MemoSection } from "./layout";
export type { InvestorMemoData } from "./types";
