/** The inbox's URL with some parameters changed (null removes one); the open task is kept unless changed. */
export function inboxHref(current: string, patch: Record<string, string | null>): string {
  const params = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === "") params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  return query ? `/inbox?${query}` : "/inbox";
}
