import { isIP } from "node:net";
import { PEER_ADDRESS_HEADER } from "./peer-address";

/**
 * The address of the client a request came from, for per-IP limits and the sign-in log.
 *
 * X-Forwarded-For is whatever the client sent unless a proxy we run wrote it, so it is read
 * only when the socket's peer is one of TRUSTED_PROXIES (comma-separated addresses or IPv4
 * CIDR blocks, e.g. "10.0.0.0/8,127.0.0.1"). Then the right-most entry that is not itself a
 * trusted proxy is the client: entries to its left were supplied by the client and may lie.
 * With no trusted proxy configured the peer address is the client, whatever the headers say.
 */
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

function bare(address: string): string {
  return address.trim().toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

function ipv4ToInt(address: string): number | undefined {
  if (isIP(address) !== 4) return undefined;
  return address.split(".").reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}

function matches(address: string, rule: string): boolean {
  const [base, bitsText] = rule.split("/");
  if (bitsText === undefined) return bare(base) === address;
  const ip = ipv4ToInt(address);
  const network = ipv4ToInt(bare(base));
  const bits = Number(bitsText);
  if (ip === undefined || network === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ip & mask) === (network & mask);
}

export function parseTrustedProxies(value: string | undefined): string[] {
  return (value ?? "").split(",").map((rule) => rule.trim()).filter(Boolean);
}

export function isTrustedProxy(address: string, trusted: readonly string[]): boolean {
  const candidate = bare(address);
  return trusted.some((rule) => matches(candidate, rule));
}

/** Pure: the client address given the socket's peer, the forwarded chain and the trusted proxies. */
export function resolveClientIp(peer: string | undefined, forwardedFor: string | undefined, trusted: readonly string[]): string {
  const peerAddress = peer ? bare(peer) : "";
  if (!peerAddress || !isTrustedProxy(peerAddress, trusted) || !forwardedFor) return peerAddress || "unknown";
  const chain = forwardedFor.split(",").map(bare).filter((entry) => isIP(entry) !== 0);
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    if (!isTrustedProxy(chain[i], trusted)) return chain[i];
  }
  return chain[0] ?? peerAddress;
}

/** The client address of a request, by the server-stamped peer address and TRUSTED_PROXIES. */
export function clientIpOf(headers: HeaderSource, env: NodeJS.ProcessEnv = process.env): string {
  return resolveClientIp(header(headers, PEER_ADDRESS_HEADER), header(headers, "x-forwarded-for"), parseTrustedProxies(env.TRUSTED_PROXIES));
}
