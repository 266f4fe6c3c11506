/** Erasure and access for follow-up: the person's tasks (their notes and outcomes) and ladders. */
import type { PersonEraser } from "@/lib/privacy/types";
import { recordSubject } from "@/lib/privacy/identity";

export const ladderEraser: PersonEraser = {
  area: "ladder",
  async erase(tx, identity) {
    const dealIds = identity.dealIds;
    if (dealIds.length === 0) return { counts: { FollowUpTask: 0, FollowUpLadder: 0 } };
    const tasks = await tx.followUpTask.findMany({ where: { dealId: { in: dealIds } }, select: { id: true } });
    const updated = await tx.followUpTask.updateMany({ where: { dealId: { in: dealIds } }, data: { notes: null, outcome: null } });
    const ladders = await tx.followUpLadder.updateMany({ where: { dealId: { in: dealIds } }, data: { stopReason: null } });
    // A task's audit lines are sealed under the task when they name no contact.
    return { counts: { FollowUpTask: updated.count, FollowUpLadder: ladders.count }, subjects: tasks.map((t) => recordSubject("FollowUpTask", t.id)) };
  },
  async collect(db, identity) {
    const [tasks, ladders] = await Promise.all([
      db.followUpTask.findMany({ where: { dealId: { in: identity.dealIds } } }),
      db.followUpLadder.findMany({ where: { dealId: { in: identity.dealIds } } }),
    ]);
    return { FollowUpTask: tasks, FollowUpLadder: ladders };
  },
};
