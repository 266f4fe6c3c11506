/** The CRM webhook adapters, one per provider in the URL. */
import { genericAdapter } from "./generic";
import { hubspotAdapter } from "./hubspot";
import { salesforceAdapter } from "./salesforce";
import type { SignalAdapter } from "./types";

export const SIGNAL_ADAPTERS = { generic: genericAdapter, salesforce: salesforceAdapter, hubspot: hubspotAdapter } as const satisfies Record<string, SignalAdapter>;
export type SignalProvider = keyof typeof SIGNAL_ADAPTERS;

export function signalAdapterFor(provider: string): SignalAdapter | null {
  return Object.hasOwn(SIGNAL_ADAPTERS, provider) ? SIGNAL_ADAPTERS[provider as SignalProvider] : null;
}

export type { NormalizedSignal, PersonHint, SignalAdapter } from "./types";
