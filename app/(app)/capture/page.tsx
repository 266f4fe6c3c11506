import type { Metadata } from "next";
import { CaptureForm } from "@/components/capture/capture-form";
import { requirePage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Capture" };

/** Driving for dollars: a property seen from the road, saved as a deal (or queued until there is signal). */
export default async function CapturePage() {
  const ctx = await requirePage("deals:write");
  return (
    <div className="mx-auto grid w-full max-w-xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Capture a property</h1>
        <p className="text-sm text-muted-foreground">
          Where you stand, what you see, a few photos. It becomes a deal with source Driving; without signal it waits on this phone and is sent when you are back online.
        </p>
      </div>
      <CaptureForm tenantId={ctx.tenant.id} />
    </div>
  );
}
