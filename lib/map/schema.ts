/**
 * The viewport request of the Market map (GET /api/map/viewport): the Prospects filters, the
 * box on screen and the zoom. Strict, unlike the page's lenient URL reading: the map's own
 * client builds it, so a bad value is a bug to answer with 422 and the field.
 */
import { z } from "zod";
import { ProspectQuery } from "@/lib/prospects/query-params";
import { BboxValue } from "./bbox";

export const ViewportQuery = ProspectQuery.extend({
  /** The box on screen (required here; in the Prospects filters it is optional). */
  bbox: BboxValue,
  zoom: z.coerce.number({ error: "Give the map's zoom, 0 to 24" }).min(0).max(24),
});
export type ViewportQuery = z.infer<typeof ViewportQuery>;
