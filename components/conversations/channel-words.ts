/** Words for a thread's channels (client-safe). */
export const CHANNEL_WORDS: Record<string, string> = { SMS: "SMS", EMAIL: "Email", CALL: "Call", MAIL: "Mail" };
