import http from "node:http";

/**
 * The address of the socket a request came in on, as a header the server itself writes.
 * Route handlers see no socket, and X-Forwarded-For is whatever the client sent, so the
 * Inngest endpoint in dev mode (loopback callers only) needs a header nobody can forge:
 * this one is overwritten on every request, whatever the client put in it.
 */
export const PEER_ADDRESS_HEADER = "x-dealflow-peer-address";

const state = globalThis as unknown as { peerAddressStamped?: boolean };

export function stampPeerAddress(): void {
  if (state.peerAddressStamped) return;
  state.peerAddressStamped = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithPeerAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}

/** 127.0.0.0/8, ::1 and the IPv4-mapped forms of loopback. */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const bare = address.trim().toLowerCase().replace(/^::ffff:/, "");
  return bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}
