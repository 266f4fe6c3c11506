import { tenantDbFor } from "@/lib/db/edge";
import type { TenantDb } from "@/lib/db/tenant";
import { EVENTS, parseEventData } from "@/lib/events/catalog";
import { stopReasonFor } from "@/lib/ladder/events";
import { stopLadder } from "@/lib/ladder/lifecycle";
import { MAX_RESCHEDULES, openLadderRun, type LadderStart } from "@/lib/ladder/runs";
import { sendThroughOutbound } from "@/lib/ladder/sender";
import { planLadderStep, runLadderStep, type LadderSender } from "@/lib/ladder/steps";
import { inngest } from "../client";

export interface LadderFunctionDeps {
  send: LadderSender;
  /** The clock; a run never acts before the instant it slept until. */
  now?: () => Date;
  /** The tenant's scoped database (tests give an in-memory one). */
  tenantDb?: (tenantId: string) => Promise<TenantDb>;
}

const SAME_LEAD = "async.data.tenantId == event.data.tenantId && async.data.dealId == event.data.dealId";

/**
 * One run per lead: the ladder's steps in order, each after sleeping until it is due. A
 * reply, an opt-out, a stop or a status change of the same lead cancels the run; the stop
 * handler below marks the row, and each step re-reads the row before acting anyway.
 */
export function createFollowUpLadder(deps: LadderFunctionDeps) {
  const clock = deps.now ?? (() => new Date());
  const tenantDb = deps.tenantDb ?? tenantDbFor;
  return inngest.createFunction(
    {
      id: "follow-up-ladder",
      triggers: [{ event: EVENTS.leadCreated }, { event: EVENTS.ladderStartRequested }],
      concurrency: { key: "event.data.tenantId", limit: 10 },
      cancelOn: [
        { event: EVENTS.messageReceived, if: SAME_LEAD },
        { event: EVENTS.contactOptedOut, if: SAME_LEAD },
        { event: EVENTS.ladderStopRequested, if: SAME_LEAD },
        { event: EVENTS.dealStatusChanged, if: `${SAME_LEAD} && async.data.endsLadder == true` },
      ],
      retries: 4,
    },
    async ({ event, step }) => {
      const data: LadderStart = parseEventData(event.name, event.data);
      const tenantId = data.tenantId;
      const opened = await step.run("open-ladder", async () => openLadderRun(await tenantDb(tenantId), data, clock()));
      if (!("ladderId" in opened) || !opened.ladderId) return opened;
      const ladderId = opened.ladderId;
      let awakeAt = clock().getTime();
      const at = () => new Date(Math.max(clock().getTime(), awakeAt));
      for (let index = 0; index < opened.stepCount; index++) {
        const name = `step-${index + 1}`;
        const plan = await step.run(`plan-${name}`, async () => planLadderStep(await tenantDb(tenantId), ladderId, index, at()));
        if (plan.action === "end") return { ladderId, ended: plan.status, atStep: index + 1 };
        let dueAt = plan.dueAt;
        for (let attempt = 0; ; attempt++) {
          if (Date.parse(dueAt) > at().getTime()) {
            await step.sleepUntil(attempt === 0 ? `wait-${name}` : `wait-${name}-again-${attempt}`, dueAt);
            awakeAt = Math.max(awakeAt, Date.parse(dueAt));
          }
          const run = await step.run(attempt === 0 ? `run-${name}` : `run-${name}-again-${attempt}`, async () =>
            runLadderStep(await tenantDb(tenantId), ladderId, index, attempt >= MAX_RESCHEDULES ? new Date(dueAt) : at(), deps.send),
          );
          if (run.outcome === "ended") return { ladderId, ended: run.status, atStep: index + 1 };
          if (run.outcome === "done") break;
          dueAt = run.dueAt;
        }
      }
      return { ladderId, ended: "COMPLETED", steps: opened.stepCount };
    },
  );
}

/**
 * Puts the database right when something ends a ladder, whether or not the ladder's run
 * was cancelled: the row is stopped with the reason and its open tasks are cancelled.
 */
export function createLadderStopHandler(deps: Pick<LadderFunctionDeps, "tenantDb"> = {}) {
  const tenantDb = deps.tenantDb ?? tenantDbFor;
  return inngest.createFunction(
    {
      id: "follow-up-ladder-stop",
      triggers: [
        { event: EVENTS.messageReceived },
        { event: EVENTS.contactOptedOut },
        { event: EVENTS.ladderStopRequested },
        { event: EVENTS.dealStatusChanged },
      ],
      concurrency: { key: "event.data.tenantId", limit: 5 },
      retries: 4,
    },
    async ({ event, step }) => {
      const data = parseEventData(event.name, event.data);
      const reason = stopReasonFor(event.name, data);
      if (!reason) return { stopped: false, reason };
      const { tenantId, dealId } = data;
      return step.run("stop-ladder", async () => stopLadder(await tenantDb(tenantId), { dealId, reason }));
    },
  );
}

export const followUpLadder = createFollowUpLadder({ send: sendThroughOutbound });
export const followUpLadderStop = createLadderStopHandler();
