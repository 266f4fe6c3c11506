import type { Metadata } from "next";
import Link from "next/link";
import { NewPursuitDialog } from "@/components/govcon/pursuits/new-pursuit-dialog";
import { PursuitsBoard } from "@/components/govcon/pursuits/pursuits-board";
import { StageProbabilitiesDialog } from "@/components/govcon/pursuits/stage-probabilities-dialog";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { listPursuitBoard } from "@/lib/govcon/pursuit-board";
import { listMembers } from "@/lib/tenants/members";
import { createPursuitAction, movePursuitAction, savePursuitAction, saveStageProbabilitiesAction } from "./actions";

export const metadata: Metadata = { title: "Pursuits" };

export default async function PursuitsPage() {
  const ctx = await requirePage("govcon:read");
  const [board, memberRows] = await Promise.all([listPursuitBoard(ctx.db), listMembers(ctx.db)]);
  const members = memberRows.map((m) => ({ userId: m.userId, name: m.name ?? m.email }));
  const works = can(ctx.role, "govcon:work");

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="max-w-2xl">
          <h1 className="text-2xl font-semibold tracking-tight">Pursuits</h1>
          <p className="text-sm text-muted-foreground">
            Every bid the team works, by stage, weighted by its chance of going and of winning. Drag a card by its grip to change its stage; pursue a SAM.gov notice from{" "}
            <Link href="/govcon" className="font-medium text-primary underline-offset-4 hover:underline">Opportunities</Link>.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(ctx.role, "govcon:manage") && <StageProbabilitiesDialog probabilities={board.probabilities} save={saveStageProbabilitiesAction} />}
          {works && <NewPursuitDialog members={members} currentUserId={ctx.user.id} create={createPursuitAction} />}
        </div>
      </div>
      {board.total.count === 0 && (
        <p className="rounded-lg border border-dashed px-4 py-3 text-sm text-muted-foreground" data-testid="pursuits-empty">
          No pursuits yet. Open an opportunity and press Pursue to put it on the board, or add one that is not on SAM.gov with New pursuit.
        </p>
      )}
      <PursuitsBoard board={board} members={members} movePursuit={works ? movePursuitAction : undefined} savePursuit={works ? savePursuitAction : undefined} />
    </div>
  );
}
