import { systemHeartbeat } from "./functions/heartbeat";
import { auditDigestCron, auditDigestForTenant } from "./functions/audit-digest";
import { outboxDispatchCron, outboxUpkeepCron } from "./functions/dispatcher";
import { engineOrchestrator, engineRun, engineSafetyNet } from "./functions/engines";
import { followUpLadder, followUpLadderStop } from "./functions/ladder";
import { blastSender } from "./functions/blasts";
import { draftOnHighIntent } from "./functions/drafting";

export const functions = [auditDigestCron, auditDigestForTenant, engineRun, engineOrchestrator, engineSafetyNet, outboxDispatchCron, outboxUpkeepCron, followUpLadder, followUpLadderStop, systemHeartbeat, blastSender, draftOnHighIntent];
