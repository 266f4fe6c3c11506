import { timingSafeEqual } from "node:crypto";
import { isLoopbackAddress, PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";

/**
 * Who may read /api/metrics and /api/health/detailed: they name routes, the backlog across
 * all workspaces and internal errors. A scraper sends `Authorization: Bearer $METRICS_TOKEN`;
 * without the token only this machine may (the socket address the server stamps, which a
 * client cannot forge). Without METRICS_TOKEN set, loopback is the only way in.
 */
export type OperatorAccess = { allow: true } | { allow: false; status: 401; error: string };

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function operatorAccess(input: { authorization: string | null; peerAddress: string | null; token: string | undefined }): OperatorAccess {
  const bearer = input.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer && input.token && sameSecret(bearer, input.token)) return { allow: true };
  if (!bearer && isLoopbackAddress(input.peerAddress)) return { allow: true };
  return { allow: false, status: 401, error: "Send Authorization: Bearer <METRICS_TOKEN>, or call from this machine." };
}

export function operatorAccessFor(headers: Headers, env: NodeJS.ProcessEnv = process.env): OperatorAccess {
  const token = env.METRICS_TOKEN?.trim();
  return operatorAccess({ authorization: headers.get("authorization"), peerAddress: headers.get(PEER_ADDRESS_HEADER), token: token || undefined });
}
