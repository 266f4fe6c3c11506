"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { DirectAction } from "@/components/forms/action-types";
import { ConfirmRemoval } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";

interface SegmentListProps {
  segments: { id: string; name: string; query: string }[];
  /** Absent for roles that cannot edit buyers: the segments are then links only. */
  deleteSegment?: DirectAction<{ segmentId: string }, { id: string }>;
}

/** Saved segments as links to their filtered list, each with its own delete for editors. */
export function SegmentList({ segments, deleteSegment }: SegmentListProps) {
  const router = useRouter();
  return (
    <nav aria-label="Segments" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted-foreground">Segments:</span>
      <ul className="flex flex-wrap items-center gap-2">
        {segments.map((segment) => (
          <li key={segment.id} className="flex items-center rounded-full border pl-3">
            <Link href={segment.query ? `/buyers?${segment.query}` : "/buyers"} className="py-1 pr-2 hover:underline">{segment.name}</Link>
            {deleteSegment && (
              <ConfirmRemoval
                triggerLabel={null}
                triggerAriaLabel={`Delete segment ${segment.name}`}
                triggerClassName="h-7 rounded-full border-0 border-l px-2 shadow-none"
                title={`Delete the segment ${segment.name}?`}
                description="Only the saved filters go: no buyer is deleted. Blasts already sent to this segment keep their recipients."
                confirmLabel="Delete segment"
                pendingLabel="Deleting..."
                onConfirm={async () => {
                  const result = await deleteSegment(null, { segmentId: segment.id });
                  if (!result.ok) {
                    toast.error(result.error);
                    return false;
                  }
                  toast.success(`Segment ${segment.name} deleted`);
                  router.refresh();
                  return true;
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
