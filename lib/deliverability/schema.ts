import { z } from "zod";
import { normalizeSenderAddress } from "./identities-rules";
import { DEFAULT_THROTTLE_POLICY, type SenderStats, type ThrottlePolicy } from "./throttle-rules";

const SENDER_CHANNELS = ["SMS", "EMAIL"] as const;

/** A sending number (SMS) or sending domain (email) to track and rotate. */
export const AddSenderInput = z
  .object({
    channel: z.enum(SENDER_CHANNELS, { error: "Choose SMS or EMAIL" }),
    address: z.string({ error: "Give the number or domain" }).trim().min(1, "Give the number or domain").max(254, "Use at most 254 characters"),
    label: z.string().trim().max(80, "Use at most 80 characters").default(""),
  })
  .transform((input, ctx) => {
    const address = normalizeSenderAddress(input.channel, input.address);
    if (!address) {
      ctx.addIssue({ code: "custom", path: ["address"], message: input.channel === "SMS" ? "Use a phone number such as +1 555 010 0200" : "Use a domain such as mail.example.com" });
      return z.NEVER;
    }
    return { ...input, address };
  });
export type AddSenderInput = z.input<typeof AddSenderInput>;

/** A person pausing or restoring a sender by hand, with the reason kept in the decision log and the audit. */
export const SetSenderStatusInput = z.object({
  identityId: z.string({ error: "Choose a sender" }).trim().min(1, "Choose a sender"),
  action: z.enum(["pause", "restore"], { error: "Choose pause or restore" }),
  reason: z.string({ error: "Say why" }).trim().min(3, "Say why (at least 3 characters)").max(300, "Use at most 300 characters"),
});
export type SetSenderStatusInput = z.input<typeof SetSenderStatusInput>;

const count = z.number().int().min(0);
const WindowCountsSchema = z.object({ sent: count, settled: count, delivered: count, replies: count, optOuts: count });
const share = z.number().min(0).max(1);

/** The `throttle` command's file: a sender's figures and, optionally, policy overrides. */
export const ThrottleFileInput = z.object({
  stats: z.object({
    status: z.enum(["ACTIVE", "SLOWED", "PAUSED"]).default("ACTIVE"),
    rate: share.default(1),
    last24h: WindowCountsSchema,
    last7d: WindowCountsSchema,
  }) satisfies z.ZodType<SenderStats, unknown>,
  policy: z
    .object({
      minDeliveryRate: share,
      maxOptOutRate: share,
      replyCollapseRatio: share,
      pauseDeliveryRate: share,
      pauseOptOutRate: share,
      minSample: count,
      minBaselineSample: count,
      slowFactor: share,
      minRate: share,
      restoreFloorRate: share,
    })
    .partial()
    .default({})
    .transform((overrides): ThrottlePolicy => ({ ...DEFAULT_THROTTLE_POLICY, ...overrides })),
});
