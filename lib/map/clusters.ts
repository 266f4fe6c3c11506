/**
 * What the Market map draws, as the viewport endpoint sends it: clusters of deals and single
 * deals, GeoJSON points. The cluster arithmetic (supercluster's map/reduce) lives here, pure,
 * so it is tested without a database and the client shares the types.
 */
import type { Feature, Point } from "geojson";
import { DEAL_STATUSES, type DealStatus } from "@/lib/deals/rules";
import { STRATEGIES, type Strategy } from "@/lib/underwriting/rules";

/** One deal as the cluster index holds it. */
export interface DealPoint {
  id: string;
  label: string;
  status: DealStatus;
  strategy: Strategy | null;
  spread: number | null;
}

/** What a cluster accumulates: counts by status and by strategy (index = position in the lists; the last strategy slot counts deals without one) and the spread sum. */
export interface ClusterAccumulator {
  statusCounts: number[];
  strategyCounts: number[];
  spreadSum: number;
  spreadCount: number;
}

export interface ClusterProperties {
  kind: "cluster";
  clusterId: number;
  count: number;
  /** Sum of the known spreads, in dollars: the heatmap's "spread" weight. */
  spreadSum: number;
  /** Mean of the known spreads, null when no deal of the cluster has one. */
  spreadMean: number | null;
  /** The status most of its deals have (ties: the earlier in the pipeline). */
  status: DealStatus;
  /** The strategy most of its deals have; null when most have none. */
  strategy: Strategy | null;
  /** The zoom at which the cluster splits; above the index's last zoom it never does. */
  expansionZoom: number;
}

export interface DealPointProperties extends DealPoint {
  kind: "deal";
}

export type ViewportFeature = Feature<Point, ClusterProperties | DealPointProperties>;

export interface ViewportResult {
  type: "FeatureCollection";
  features: ViewportFeature[];
  /** The zoom the features were clustered at (the asked one, lowered when it would send too many). */
  zoom: number;
  /** Deals in the box at that zoom (clusters counted by their size). */
  deals: number;
  /** Located deals matching the filters, anywhere. */
  indexed: number;
}

export function clusterAccumulatorOf(point: DealPoint): ClusterAccumulator {
  const statusCounts = new Array<number>(DEAL_STATUSES.length).fill(0);
  statusCounts[DEAL_STATUSES.indexOf(point.status)] += 1;
  const strategyCounts = new Array<number>(STRATEGIES.length + 1).fill(0);
  strategyCounts[point.strategy ? STRATEGIES.indexOf(point.strategy) : STRATEGIES.length] += 1;
  return { statusCounts, strategyCounts, spreadSum: point.spread ?? 0, spreadCount: point.spread === null ? 0 : 1 };
}

/** Folds `next` into `into` (supercluster's reduce mutates its accumulator). */
export function mergeClusterAccumulators(into: ClusterAccumulator, next: Readonly<ClusterAccumulator>): void {
  for (let i = 0; i < into.statusCounts.length; i++) into.statusCounts[i] += next.statusCounts[i];
  for (let i = 0; i < into.strategyCounts.length; i++) into.strategyCounts[i] += next.strategyCounts[i];
  into.spreadSum += next.spreadSum;
  into.spreadCount += next.spreadCount;
}

/** Index of the largest count; the first wins a tie. */
function largest(counts: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
  return best;
}

export function clusterPropertiesOf(accumulator: ClusterAccumulator, cluster: { clusterId: number; count: number; expansionZoom: number }): ClusterProperties {
  const strategy = largest(accumulator.strategyCounts);
  return {
    kind: "cluster",
    clusterId: cluster.clusterId,
    count: cluster.count,
    spreadSum: accumulator.spreadSum,
    spreadMean: accumulator.spreadCount ? Math.round(accumulator.spreadSum / accumulator.spreadCount) : null,
    status: DEAL_STATUSES[largest(accumulator.statusCounts)],
    strategy: strategy < STRATEGIES.length ? STRATEGIES[strategy] : null,
    expansionZoom: cluster.expansionZoom,
  };
}

/** A deal's map label: its street, else its city, else its postal code. */
export function dealLabel(row: { street: string | null; city: string | null; postalCode: string | null }): string {
  return row.street ?? row.city ?? row.postalCode ?? "Deal";
}
