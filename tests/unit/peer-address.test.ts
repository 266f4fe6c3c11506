import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, stampPeerAddress } from "@/lib/http/peer-address";

let server: http.Server;
let port: number;

beforeAll(async () => {
  stampPeerAddress();
  server = http.createServer((request, response) => response.end(String(request.headers[PEER_ADDRESS_HEADER] ?? "")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the peer address header", () => {
  it("carries the socket's address, whatever the client sent under that name", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "203.0.113.7" } });
    expect(await response.text()).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });
});
