/**
 * Who places the call. With Twilio credentials that include a number, Twilio's Voice API rings
 * the member's own phone and, once they answer, dials the lead showing the workspace's number.
 * Without them the local dialer records the call and the member places it from their own phone
 * (the panel's tel: link), then logs its length and outcome by hand.
 */
import twilio from "twilio";
import type { CallStatus } from "@/generated/prisma/enums";
import type { TenantDb } from "@/lib/db/tenant";
import { resolveProviderCredentials } from "@/lib/providers/credentials";
import { TWILIO_PROVIDER } from "@/lib/providers/twilio";
import { bridgeTwiml } from "./rules";

export const LOCAL_DIALER = "local";

export interface DialRequest {
  agentPhone: string;
  leadPhone: string;
  /** Where Twilio posts the call's progress; omitted when the app has no public URL. */
  statusCallbackUrl?: string;
}

export interface Dialed {
  providerCallId: string;
  status: CallStatus;
}

export interface Dialer {
  /** Stored on Call.provider. */
  readonly name: string;
  /** The number the lead sees; null when the member calls from their own phone. */
  readonly callerId: string | null;
  /** Whether the provider rings the member's phone first (so it must be set). */
  readonly ringsAgent: boolean;
  /** Absent for the local dialer: the member dials themselves. */
  dial?(request: DialRequest): Promise<Dialed>;
}

export const localDialer: Dialer = { name: LOCAL_DIALER, callerId: null, ringsAgent: false };

export interface TwilioVoiceConfig {
  accountSid: string;
  authToken: string;
  fromNumber: string;
}

/** The twilio package's HTTP client: injected to point the real client at a local stand-in. */
export type TwilioHttpClient = NonNullable<NonNullable<Parameters<typeof twilio>[2]>["httpClient"]>;

/** Twilio Voice through the official package: one REST call, the bridge given as TwiML. */
export function createTwilioDialer(config: TwilioVoiceConfig, options: { httpClient?: TwilioHttpClient } = {}): Dialer {
  const client = twilio(config.accountSid, config.authToken, options.httpClient ? { httpClient: options.httpClient } : {});
  return {
    name: TWILIO_PROVIDER,
    callerId: config.fromNumber,
    ringsAgent: true,
    async dial(request) {
      const call = await client.calls.create({
        to: request.agentPhone,
        from: config.fromNumber,
        twiml: bridgeTwiml(request.leadPhone, config.fromNumber),
        ...(request.statusCallbackUrl
          ? { statusCallback: request.statusCallbackUrl, statusCallbackMethod: "POST", statusCallbackEvent: ["initiated", "ringing", "answered", "completed"] }
          : {}),
      });
      return { providerCallId: call.sid, status: call.status === "ringing" ? "RINGING" : "QUEUED" };
    },
  };
}

type Env = Record<string, string | undefined>;

/**
 * The workspace's dialer: its own Twilio account, else the installation's, when it has a
 * number to call from (a messaging service sends texts but places no calls); else local.
 */
export async function dialerFor(db: TenantDb, env: Env = process.env): Promise<Dialer> {
  const resolved = await resolveProviderCredentials(db, "TWILIO", env);
  const credentials = resolved.credentials;
  if (!credentials?.fromNumber) return localDialer;
  return createTwilioDialer({ accountSid: credentials.accountSid, authToken: credentials.authToken, fromNumber: credentials.fromNumber });
}
