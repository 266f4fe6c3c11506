/**
 * A unique index refused the row: Prisma's P2002, or, through a driver adapter, the
 * adapter's error whose cause carries PostgreSQL's 23505 or the mapped kind.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown; kind?: unknown; originalCode?: unknown } } | null;
  if (!e) return false;
  if (e.code === "P2002") return true;
  const cause = e.cause;
  return cause?.kind === "UniqueConstraintViolation" || cause?.code === "23505" || cause?.originalCode === "23505";
}
