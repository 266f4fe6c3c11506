/** Where the user reached the app, for links built inside a server action. */
import { headers } from "next/headers";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";

/** The origin of the current request, as the proxy in front forwards it. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
}

/** The app's public URL for links sent out (unsubscribe, buyer pages): the configured one, else the host the user is on. */
export async function outboundBaseUrl(): Promise<string> {
  // `||`: a configured URL of only slashes trims to "", which is no base.
  return publicBaseUrl() || (await requestOrigin());
}
