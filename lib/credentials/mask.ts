/** The last four characters of a secret behind an ellipsis; short secrets show nothing of themselves. */
export function maskSecret(secret: string): string {
  const trimmed = secret.trim();
  return trimmed.length >= 12 ? `…${trimmed.slice(-4)}` : "…";
}
