/**
 * The print-and-mail provider behind one interface: Lob when the workspace (or the
 * installation) has its key, else the local provider, which keeps the rendered proof and
 * walks the piece through its states on a simulated timeline (./timeline).
 */
import type { TenantDb } from "@/lib/db/tenant";
import type { Country } from "@/lib/geo";
import { resolveProviderCredentials } from "@/lib/providers/credentials";
import { LOB_PROVIDER, lobClient, type LobAddress, type LobClient } from "@/lib/providers/lob";
import { priceToCents } from "./pricing";
import { mailHtml, type MailProof } from "./render";
import { expectedLocalDelivery, nextLocalTransition } from "./states";
import { verifyMailingAddress, type AddressVerification, type MailingAddress } from "./verify-address";

export const LOCAL_MAIL_PROVIDER = "local";

export interface HandedOver {
  status: "RENDERED" | "CREATED";
  providerPieceId: string | null;
  /** The provider's own price, when it says. */
  costCents: number | null;
  expectedDeliveryAt: Date | null;
  nextTransitionAt: Date | null;
}

export interface MailProvider {
  name: string;
  verify(address: MailingAddress): Promise<AddressVerification>;
  /** Hands a verified, priced piece over for printing; throws when the provider refuses it. */
  send(piece: { id: string; proof: MailProof; from: MailingAddress | null; at: Date }): Promise<HandedOver>;
}

export const localMailProvider: MailProvider = {
  name: LOCAL_MAIL_PROVIDER,
  async verify(address) {
    return verifyMailingAddress(address);
  },
  async send({ proof, at }) {
    const country: Country = proof.to.country;
    return { status: "RENDERED", providerPieceId: null, costCents: null, expectedDeliveryAt: expectedLocalDelivery(at, country), nextTransitionAt: nextLocalTransition("RENDERED", at, country)?.at ?? null };
  },
};

const lobAddress = (a: MailingAddress): LobAddress => ({ name: a.toName, line1: a.addressLine1, line2: a.addressLine2, city: a.city, state: a.region, postalCode: a.postalCode, country: a.country });

export function lobMailProvider(client: LobClient): MailProvider {
  return {
    name: LOB_PROVIDER,
    async verify(address) {
      // The shipped data catches typos for free; Lob then says whether the street takes mail.
      const local = verifyMailingAddress(address);
      if (!local.ok) return local;
      const verdict = await client.verify(lobAddress(local.address));
      if (verdict.deliverable) return { ok: true, address: local.address, source: "lob" };
      return { ok: false, field: "addressLine1", reason: `Lob cannot deliver to this address (${verdict.deliverability.replaceAll("_", " ")})`, source: "lob" };
    },
    async send({ id, proof, from }) {
      const html = mailHtml(proof);
      const to = lobAddress(proof.to);
      if (proof.kind === "LETTER" && !from) throw new Error("A letter needs the workspace's postal address as its return address; set it under Compliance");
      const piece =
        proof.kind === "POSTCARD"
          ? await client.createPostcard({ pieceId: id, to, from: from ? lobAddress(from) : null, front: html.front, back: html.back })
          : await client.createLetter({ pieceId: id, to, from: lobAddress(from!), file: html.letter });
      const expected = piece.expected_delivery_date ? new Date(`${piece.expected_delivery_date.slice(0, 10)}T12:00:00Z`) : null;
      return { status: "CREATED", providerPieceId: piece.id, costCents: priceToCents(piece.price), expectedDeliveryAt: expected && !Number.isNaN(expected.getTime()) ? expected : null, nextTransitionAt: null };
    },
  };
}

/** The workspace's provider: Lob with its own key or the installation's LOB_API_KEY, else local. */
export async function mailProviderFor(db: TenantDb, env: Record<string, string | undefined> = process.env): Promise<MailProvider> {
  const resolved = await resolveProviderCredentials(db, "LOB", env);
  if (resolved.source === "local") return localMailProvider;
  return lobMailProvider(lobClient({ apiKey: resolved.credentials.apiKey, baseUrl: resolved.credentials.baseUrl }));
}
