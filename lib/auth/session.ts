/**
 * Users and memberships are global (a person belongs to several workspaces), so resolving
 * who is signed in and which workspace they act in reads them through the root client; what
 * it hands on is the chosen workspace's scoped client.
 */
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { REQUEST_ID_HEADER } from "@/lib/observability/request-id";
import { authOptions } from "./options";
import { can, type Permission, type Role } from "./permissions";

export interface Actor {
  id: string;
  email: string;
  name: string;
}

export interface TenantContext {
  db: TenantDb;
  user: Actor;
  role: Role;
  tenant: { id: string; name: string; slug: string; timeZone: string; country: "US" | "CA" };
  requestId: string | undefined;
}

/** What lib functions need to stamp audit events: who did it and under which request. */
export function auditContext(ctx: Pick<TenantContext, "user" | "requestId">) {
  return { actorId: ctx.user.id, actorEmail: ctx.user.email, requestId: ctx.requestId };
}

/** Audit context plus the actor's role, for lib functions that apply role rules. */
export function actingContext(ctx: Pick<TenantContext, "user" | "requestId" | "role">) {
  return { ...auditContext(ctx), role: ctx.role };
}

/**
 * The session names a workspace the user no longer belongs to. Answered 403 rather than
 * falling back to another workspace, so a write never lands where the user is not looking;
 * pages send the user to choose a workspace instead.
 */
export class WorkspaceUnavailableError extends ExpectedError {
  constructor() {
    super("forbidden", "You are not a member of this workspace.");
  }
}

export const CHOOSE_WORKSPACE_PATH = "/choose-workspace";

export async function currentRequestId(): Promise<string | undefined> {
  return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
}

/**
 * Resolves the signed-in user's current tenant and checks the permission. The role comes
 * from the database on every call, so a removed member or a changed role takes effect at
 * once, whatever the session cookie still says.
 */
export async function requireTenant(permission: Permission): Promise<TenantContext> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) throw new ExpectedError("unauthorized", "Sign in to continue.");
  const prisma = await getPrisma();
  const membership = await findMembership(session.user.id, session.tenantId);
  if (!membership) throw new WorkspaceUnavailableError();
  const role = membership.role as Role;
  if (!can(role, permission)) throw new ExpectedError("forbidden", "Your role does not allow this.");
  const { id, name, slug, timeZone, country } = membership.tenant;
  return {
    db: scopeToTenant(prisma, id),
    user: session.user,
    role,
    tenant: { id, name, slug, timeZone, country },
    requestId: await currentRequestId(),
  };
}

async function findMembership(userId: string, tenantId: string | null) {
  const prisma = await getPrisma();
  const include = { tenant: true } as const;
  if (tenantId) return prisma.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } }, include });
  // No workspace chosen yet (the user had none when signing in): start in the first one.
  return prisma.membership.findFirst({ where: { userId }, include, orderBy: { createdAt: "asc" } });
}

/** For pages: redirect to sign-in when signed out, render 403 when the role lacks it. */
export async function requirePage(permission: Permission): Promise<TenantContext> {
  try {
    return await requireTenant(permission);
  } catch (error) {
    if (error instanceof ExpectedError && error.code === "unauthorized") redirect("/login");
    if (error instanceof WorkspaceUnavailableError) redirect(CHOOSE_WORKSPACE_PATH);
    if (error instanceof ExpectedError && error.code === "forbidden") forbidden();
    throw error;
  }
}

/** For pages outside a workspace: the signed-in user, or a redirect to sign in. */
export async function requireUserPage(): Promise<Actor> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) redirect("/login");
  return session.user;
}

export async function listUserTenants(userId: string) {
  const prisma = await getPrisma();
  const memberships = await prisma.membership.findMany({
    where: { userId },
    include: { tenant: { select: { id: true, name: true, slug: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ ...m.tenant, role: m.role as Role }));
}
