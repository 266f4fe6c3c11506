import { isLoopbackAddress, PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { safeEqual } from "@/lib/security/signed-token";

/**
 * Who may read /api/metrics and /api/health/detailed: they name routes, the backlog across
 * all workspaces and internal errors. A scraper sends `Authorization: Bearer $METRICS_TOKEN`;
 * without the token only this machine may (the socket address the server stamps, which a
 * client cannot forge). Without METRICS_TOKEN set, loopback is the only way in.
 */
export type OperatorAccess = { allow: true } | { allow: false; status: 401; error: string };

export function operatorAccess(input: { authorization: string | null; peerAddress: string | null; token: string | undefined }): OperatorAccess {
  const bearer = input.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer && input.token && safeEqual(bearer, input.token)) return { allow: true };
  if (!bearer && isLoopbackAddress(input.peerAddress)) return { allow: true };
  return { allow: false, status: 401, error: "Send Authorization: Bearer <METRICS_TOKEN>, or call from this machine." };
}

export function operatorAccessFor(headers: Headers, env: NodeJS.ProcessEnv = process.env): OperatorAccess {
  const token = env.METRICS_TOKEN?.trim();
  return operatorAccess({ authorization: headers.get("authorization"), peerAddress: headers.get(PEER_ADDRESS_HEADER), token: token || undefined });
}
