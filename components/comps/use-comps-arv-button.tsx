"use client";

import { Calculator } from "lucide-react";
import { RunActionButton } from "@/components/forms/run-action-button";
import type { DirectAction } from "@/components/forms/action-types";

type UseArvResult = { arv: number; underwriting: { ok: true; recommendedOffer: number; spread: number } | { ok: false; reason: string } };

const money = (n: number) => `$${n.toLocaleString("en-US")}`;

/** "Use this ARV": sets the deal's ARV from its comps and re-underwrites it (a new evidence row). */
export function UseCompsArvButton({ dealId, arv, applyArv }: { dealId: string; arv: number; applyArv: DirectAction<{ dealId: string }, UseArvResult> }) {
  return (
    <RunActionButton
      run={() => applyArv(null, { dealId })}
      describe={(data) =>
        data.underwriting.ok
          ? `ARV set to ${money(data.arv)}: recommended offer ${money(data.underwriting.recommendedOffer)}, spread ${money(data.underwriting.spread)}`
          : `ARV set to ${money(data.arv)}; not priced: ${data.underwriting.reason}`
      }
      icon={Calculator}
      label={`Use this ARV (${money(arv)})`}
      pendingLabel="Pricing…"
    />
  );
}

/** Asks the comps provider (RentCast) for the sales around the deal. */
export function FetchProviderCompsButton({ dealId, fetchComps }: { dealId: string; fetchComps: DirectAction<{ dealId: string }, { created: number; duplicates: number; rejected: number }> }) {
  return (
    <RunActionButton
      run={() => fetchComps(null, { dealId })}
      describe={(data) => `${data.created} new sale${data.created === 1 ? "" : "s"}, ${data.duplicates} already known${data.rejected ? `, ${data.rejected} incomplete` : ""}`}
      icon={Calculator}
      label="Fetch sold comps"
      pendingLabel="Fetching…"
    />
  );
}
