/**
 * Ranks a postal area from its metrics: pure, so the CLI, the engine and the tests share it.
 * HOT is checked first and needs more of every count, COLD is checked next and needs fewer,
 * so more deals in a window (all else equal) never lowers the rank. A blacklisted area is
 * BLACKLIST whatever its metrics say.
 */
import type { AreaMetrics, ComputedRank, RankResult } from "./types";
import type { RankThresholds } from "./thresholds";

/** "38k", "1.2M", "950": money the way the team says it. */
export function shortMoney(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${sign}${(abs / 1_000_000).toFixed(1).replace(/\.0$/, "")}M`;
  if (abs >= 1_000) return `${sign}${Math.round(abs / 1_000)}k`;
  return `${sign}${Math.round(abs)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const times = (trend: number) => `${trend.toFixed(1)}x`;

function computeRank(m: AreaMetrics, t: RankThresholds): { rank: ComputedRank; reasons: string[] } {
  const trend = m.trend ?? 0;
  const spreadOk = m.medianSpread === null || m.medianSpread >= t.hotMinMedianSpread;
  if (m.deals4w >= t.hotMinDeals4w && m.deals4w > 0 && trend >= t.hotMinTrend && spreadOk) {
    const spread = m.medianSpread === null ? "no spreads yet" : `median spread ${shortMoney(m.medianSpread)}`;
    return {
      rank: "HOT",
      reasons: [
        `HOT: ${plural(m.deals4w, "deal")} in 4 weeks, ${times(trend)} the 12-week rate, ${spread}`,
        `At least ${t.hotMinDeals4w} deals in 4 weeks at ${times(t.hotMinTrend)} the 12-week rate make an area hot`,
      ],
    };
  }
  if (m.deals12w < t.coldMinDeals12w) {
    return { rank: "COLD", reasons: [`COLD: ${plural(m.deals12w, "deal")} in 12 weeks, under the ${t.coldMinDeals12w} an active area has`] };
  }
  if (m.medianSpread !== null && m.medianSpread < t.coldMaxMedianSpread) {
    return { rank: "COLD", reasons: [`COLD: median spread ${shortMoney(m.medianSpread)}, under ${shortMoney(t.coldMaxMedianSpread)}`] };
  }
  if (m.outbound >= t.replyRateMinOutbound && m.replyRate !== null && m.replyRate < t.coldMaxReplyRate) {
    return {
      rank: "COLD",
      reasons: [`COLD: ${(m.replyRate * 100).toFixed(1)}% of ${m.outbound} messages answered, under ${(t.coldMaxReplyRate * 100).toFixed(1)}%`],
    };
  }
  const why: string[] = [];
  if (m.deals4w < t.hotMinDeals4w) why.push(`${plural(m.deals4w, "deal")} in 4 weeks (hot from ${t.hotMinDeals4w})`);
  else if (trend < t.hotMinTrend) why.push(`${times(trend)} the 12-week rate (hot from ${times(t.hotMinTrend)})`);
  else if (!spreadOk && m.medianSpread !== null) why.push(`median spread ${shortMoney(m.medianSpread)} (hot from ${shortMoney(t.hotMinMedianSpread)})`);
  return { rank: "NORMAL", reasons: [`NORMAL: ${plural(m.deals12w, "deal")} in 12 weeks; ${why.join(", ") || "steady"}`] };
}

export function rankArea(metrics: AreaMetrics, thresholds: RankThresholds, blacklist?: { reason: string } | null): RankResult {
  const computed = computeRank(metrics, thresholds);
  if (blacklist) {
    return { rank: "BLACKLIST", computedRank: computed.rank, reasons: [`BLACKLIST: ${blacklist.reason}`, `Otherwise ${computed.reasons[0]}`] };
  }
  return { rank: computed.rank, computedRank: computed.rank, reasons: computed.reasons };
}

/** The order ranks sort in, hottest first. */
export const RANK_ORDER: Record<RankResult["rank"], number> = { HOT: 0, NORMAL: 1, COLD: 2, BLACKLIST: 3 };
