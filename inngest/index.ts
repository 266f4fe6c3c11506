import { auditDigestCron, auditDigestForTenant } from "./functions/audit-digest";

export const functions = [auditDigestCron, auditDigestForTenant];
