/** Small wordings shared by the intent panel and the approval pages; pure, client-safe. */

/** "just now", "35 min ago", "6 h ago", "3 d ago": how long ago a signal happened. */
export function formatAgo(at: Date | string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(at).getTime()) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** Points as the bars show them: "+28", "+0.4" under one point, so a faded signal never reads "+0". */
export function formatPoints(points: number): string {
  return `+${points >= 1 ? Math.round(points) : Math.max(0, Math.round(points * 10) / 10)}`;
}

export type ConfidenceWord = "high" | "fair" | "low";

/** How a 0-1 confidence reads: high from 0.8, fair from 0.5, low under it. */
export function confidenceWord(confidence: number): ConfidenceWord {
  if (confidence >= 0.8) return "high";
  if (confidence >= 0.5) return "fair";
  return "low";
}

/** "82% (high confidence)". */
export function formatConfidence(confidence: number): string {
  const percent = Math.round(Math.min(1, Math.max(0, confidence)) * 100);
  return `${percent}% (${confidenceWord(confidence)} confidence)`;
}
