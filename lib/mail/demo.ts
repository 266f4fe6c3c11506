/**
 * The demo's direct mail: a letter delivered last week and a postcard mailed a few days ago,
 * both with their PDF proofs, on one lead whose address the postal data verifies. Through
 * the local provider always, so seeding never prints anything.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { localMailProvider } from "./provider";
import { advanceLocalMailPieces } from "./timeline";
import { verifyMailingAddress } from "./verify-address";
import { recipientOf, sendMailPiece } from "./service";

const DAY_MS = 86_400_000;
const DEMO_ACTOR = { actorId: null, actorEmail: "demo@dealflow.local", requestId: "demo-seed" };

export async function seedDemoMail(db: TenantDb, context: { now: Date; ownerId: string | null; country: "US" | "CA" }): Promise<void> {
  const candidates = await db.deal.findMany({
    where: { country: context.country, street: { not: null }, city: { not: null }, postalCode: { not: null }, status: { notIn: ["DEAD", "CLOSED"] } },
    orderBy: { createdAt: "asc" },
    take: 20,
    select: { id: true, contactName: true, street: true, unit: true, city: true, region: true, postalCode: true, country: true },
  });
  const deal = candidates.find((d) => verifyMailingAddress(recipientOf({}, d)).ok);
  if (!deal) return;
  const actor = { ...DEMO_ACTOR, actorId: context.ownerId };
  const deps = { provider: localMailProvider };
  await sendMailPiece(db, { dealId: deal.id, kind: "LETTER", body: "Dear {{firstName}},\n\nWe would like to make you a fair, all-cash offer on {{street}}, with no repairs and a closing date you choose. Call us any time.\n\n{{senderName}}", now: new Date(context.now.getTime() - 12 * DAY_MS) }, actor, deps);
  await sendMailPiece(db, { dealId: deal.id, kind: "POSTCARD", body: "Hi {{firstName}}, still thinking about {{street}}? We can close in as little as two weeks. {{senderName}}", now: new Date(context.now.getTime() - 3 * DAY_MS) }, actor, deps);
  await advanceLocalMailPieces(db, context.now);
}
