/**
 * What each provider's credentials are: the fields, which of them are secret, and one zod
 * schema per provider for a complete set. The form, the server action and the service
 * share these; a secret left blank on save keeps the stored value.
 */
import { z } from "zod";
import { CredentialProvider } from "@/generated/prisma/enums";

export const CREDENTIAL_PROVIDERS = Object.values(CredentialProvider);
export type { CredentialProvider };

const text = (message: string, max = 500) => z.string({ error: message }).trim().min(1, message).max(max);
const optionalText = (max = 500) => z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(max).optional());
const httpsUrl = (message: string) => text(message, 2000).pipe(z.url(message)).refine((u) => u.startsWith("https://"), "Use an https:// URL");
const optionalUrl = (message: string) => optionalText(2000).pipe(z.url(message).optional());

export const TwilioCredentials = z
  .object({
    accountSid: text("Enter the account SID", 64).regex(/^AC\w+$/, "An account SID starts with AC"),
    authToken: text("Enter the auth token"),
    fromNumber: optionalText(20).pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, "Use E.164, e.g. +15555550100").optional()),
    messagingServiceSid: optionalText(64).pipe(z.string().regex(/^MG\w+$/, "A messaging service SID starts with MG").optional()),
  })
  .refine((c) => c.fromNumber || c.messagingServiceSid, { path: ["fromNumber"], message: "Give a from number or a messaging service SID" });

export const SendgridCredentials = z.object({
  apiKey: text("Enter the API key"),
  fromEmail: text("Enter the verified sender address", 320).pipe(z.email("Enter an email address")),
  webhookVerificationKey: optionalText(2000),
});

export const GmailCredentials = z.object({
  clientId: text("Enter the OAuth client id"),
  clientSecret: text("Enter the OAuth client secret"),
  refreshToken: text("Enter the refresh token", 2000),
  label: optionalText(100),
});

export const DiscordCredentials = z.object({
  webhookUrl: httpsUrl("Enter the webhook URL from Discord"),
});

/** SAM.gov's daily request limit: 10 for a plain non-federal key, 1,000 for a key with an entity role. */
export const SAM_GOV_DEFAULT_DAILY_BUDGET = 10;
export const SamGovCredentials = z.object({
  apiKey: text("Enter the SAM.gov API key"),
  dailyBudget: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : v),
    z.coerce.number({ error: "Enter the key's daily request limit" }).int("Enter a whole number").min(1, "At least 1 request a day").max(100_000).default(SAM_GOV_DEFAULT_DAILY_BUDGET),
  ),
});

export const LLM_KINDS = ["openai", "anthropic", "openai-compatible"] as const;
export const LlmCredentials = z.object({
  kind: z.enum(LLM_KINDS, { error: "Choose openai, anthropic or openai-compatible" }),
  baseUrl: optionalUrl("Enter the API base URL"),
  apiKey: text("Enter the API key"),
  model: text("Enter the model name", 200),
});

export const StorageCredentials = z.object({
  endpoint: httpsUrl("Enter the S3-compatible endpoint URL"),
  bucket: text("Enter the bucket name", 63).regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "Bucket names use a-z, 0-9, dots and hyphens"),
  region: text("Enter the region, e.g. us-east-1", 50),
  accessKeyId: text("Enter the access key id", 200),
  secretAccessKey: text("Enter the secret key"),
});

/** BatchData's skip-trace API (lib/providers/skiptrace); the price of one lookup is what the budget counts. */
export const SkiptraceCredentials = z.object({
  apiKey: text("Enter the BatchData API key"),
  baseUrl: optionalUrl("Enter the API base URL"),
  costCents: z.preprocess((v) => (v === "" || v === null || v === undefined ? undefined : v), z.coerce.number({ error: "Enter the price of one lookup in cents" }).int().min(0).max(1000).default(20)),
});

export const CompsCredentials = z.object({
  apiKey: text("Enter the RentCast API key"),
  baseUrl: optionalUrl("Enter the API base URL"),
});

export const LobCredentials = z.object({
  apiKey: text("Enter the Lob API key"),
  webhookSecret: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(500).optional()),
  baseUrl: optionalUrl("Enter the API base URL"),
});

export const CREDENTIAL_SCHEMAS = {
  TWILIO: TwilioCredentials,
  SENDGRID: SendgridCredentials,
  GMAIL: GmailCredentials,
  DISCORD: DiscordCredentials,
  SAM_GOV: SamGovCredentials,
  LLM: LlmCredentials,
  STORAGE: StorageCredentials,
  SKIPTRACE: SkiptraceCredentials,
  COMPS: CompsCredentials,
  LOB: LobCredentials,
} as const satisfies Record<CredentialProvider, z.ZodType>;

export type CredentialsOf<P extends CredentialProvider> = z.infer<(typeof CREDENTIAL_SCHEMAS)[P]>;
export type AnyCredentials = { [P in CredentialProvider]: CredentialsOf<P> }[CredentialProvider];

export interface CredentialField {
  name: string;
  label: string;
  secret: boolean;
  required: boolean;
  type?: "text" | "url" | "email" | "tel" | "textarea" | "select";
  options?: readonly string[];
  hint?: string;
}

/** The form of each provider, in the order shown. */
export const CREDENTIAL_FIELDS: Record<CredentialProvider, CredentialField[]> = {
  TWILIO: [
    { name: "accountSid", label: "Account SID", secret: false, required: true },
    { name: "authToken", label: "Auth token", secret: true, required: true, hint: "Also verifies Twilio's webhooks to this workspace." },
    { name: "fromNumber", label: "From number", secret: false, required: false, type: "tel", hint: "E.164, or leave empty and give a messaging service." },
    { name: "messagingServiceSid", label: "Messaging service SID", secret: false, required: false, hint: "Wins over the from number when both are set." },
  ],
  SENDGRID: [
    { name: "apiKey", label: "API key", secret: true, required: true },
    { name: "fromEmail", label: "From address", secret: false, required: true, type: "email" },
    { name: "webhookVerificationKey", label: "Event webhook verification key", secret: false, required: false, type: "textarea", hint: "The public key under Mail Settings, Event Webhook, Signature Verification." },
  ],
  GMAIL: [
    { name: "clientId", label: "OAuth client id", secret: false, required: true },
    { name: "clientSecret", label: "OAuth client secret", secret: true, required: true },
    { name: "refreshToken", label: "Refresh token", secret: true, required: true, hint: "For the mailbox, with the gmail.modify scope." },
    { name: "label", label: "Label", secret: false, required: false, hint: "Empty: the Gmail label of the intake settings below." },
  ],
  DISCORD: [{ name: "webhookUrl", label: "Webhook URL", secret: true, required: true, type: "url" }],
  SAM_GOV: [
    { name: "apiKey", label: "API key", secret: true, required: true },
    { name: "dailyBudget", label: "Daily request budget", secret: false, required: false, hint: "SAM.gov's limit for the key: 10 for a plain key, 1,000 for one with an entity role." },
  ],
  LLM: [
    { name: "kind", label: "Provider", secret: false, required: true, type: "select", options: LLM_KINDS },
    { name: "baseUrl", label: "Base URL", secret: false, required: false, type: "url", hint: "Empty: the provider's public API." },
    { name: "apiKey", label: "API key", secret: true, required: true },
    { name: "model", label: "Model", secret: false, required: true },
  ],
  STORAGE: [
    { name: "endpoint", label: "Endpoint", secret: false, required: true, type: "url", hint: "e.g. https://s3.us-east-1.amazonaws.com" },
    { name: "bucket", label: "Bucket", secret: false, required: true },
    { name: "region", label: "Region", secret: false, required: true },
    { name: "accessKeyId", label: "Access key id", secret: false, required: true },
    { name: "secretAccessKey", label: "Secret key", secret: true, required: true },
  ],
  SKIPTRACE: [
    { name: "apiKey", label: "API key", secret: true, required: true },
    { name: "baseUrl", label: "Base URL", secret: false, required: false, type: "url", hint: "Empty: https://api.batchdata.com" },
    { name: "costCents", label: "Price per lookup (cents)", secret: false, required: false, hint: "Counted against each person's monthly enrichment budget. Default 20." },
  ],
  COMPS: [
    { name: "apiKey", label: "API key", secret: true, required: true },
    { name: "baseUrl", label: "Base URL", secret: false, required: false, type: "url", hint: "Empty: https://api.rentcast.io/v1" },
  ],
  LOB: [
    { name: "apiKey", label: "API key", secret: true, required: true, hint: "A test_ key mails nothing; a live_ key prints and mails." },
    { name: "webhookSecret", label: "Webhook secret", secret: true, required: false, hint: "Verifies Lob's piece events (Lob-Signature)." },
    { name: "baseUrl", label: "Base URL", secret: false, required: false, type: "url", hint: "Empty: https://api.lob.com/v1" },
  ],
};

export const PROVIDER_LABELS: Record<CredentialProvider, string> = {
  TWILIO: "Twilio (SMS)",
  SENDGRID: "SendGrid (email)",
  GMAIL: "Gmail (deal intake)",
  DISCORD: "Discord (alerts)",
  SAM_GOV: "SAM.gov",
  LLM: "Language model",
  STORAGE: "File storage (S3)",
  SKIPTRACE: "Skip trace (BatchData)",
  COMPS: "Sold comps (RentCast)",
  LOB: "Direct mail (Lob)",
};

export function secretFieldsOf(provider: CredentialProvider): string[] {
  return CREDENTIAL_FIELDS[provider].filter((f) => f.secret).map((f) => f.name);
}

export const ProviderInput = z.object({ provider: z.enum(CredentialProvider, { error: "Unknown provider" }) });

/**
 * What the form posts: the provider and its fields by name, as strings. They are checked
 * against the provider's schema once blank secrets are filled from the stored ones
 * (service.ts), so an issue names the field as the form does.
 */
export const SaveCredentialInput = ProviderInput.catchall(z.string().max(4000, "Too long"));
export type SaveCredentialInput = z.infer<typeof SaveCredentialInput>;
