import type { IntakeReport } from "@/lib/intake/service";
import { propertyQuotaExceeded } from "@/lib/plans/quota";

export interface ImportedItemRow {
  rowNumber: number;
  raw: string[];
}

/** The rows intake refused past the plan's monthly quota, as row errors naming the quota and its reset. */
export function quotaRowErrors(jobId: string, report: Pick<IntakeReport, "overQuota" | "quota">, itemRows: readonly ImportedItemRow[]) {
  if (!report.quota || report.overQuota.length === 0) return [];
  const { message } = propertyQuotaExceeded(report.quota);
  return report.overQuota.map(({ index }) => ({ jobId, rowNumber: itemRows[index].rowNumber, field: null, message, raw: itemRows[index].raw }));
}
