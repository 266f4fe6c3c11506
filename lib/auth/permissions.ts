import { z } from "zod";

export const ROLES = ["owner", "admin", "investor", "va", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  investor: "Investor",
  va: "VA",
  viewer: "Viewer",
};

const everyone: readonly Role[] = ROLES;
const managers: readonly Role[] = ["owner", "admin"];
const deciders: readonly Role[] = ["owner", "admin", "investor"];
const dealWorkers: readonly Role[] = ["owner", "admin", "investor", "va"];
/** Who calls leads and closes follow-up tasks. */
const taskWorkers: readonly Role[] = ["owner", "admin", "va"];

/**
 * The one permission matrix. Every server action and route handler checks it through
 * `requireTenant`/`apiRoute`; hiding a button is only a courtesy on top.
 */
export const PERMISSIONS = {
  "dashboard:read": everyone,
  "notifications:read": everyone,
  "tenant:read": deciders,
  "tenant:update": managers,
  "members:read": deciders,
  "members:invite": managers,
  "members:update": managers,
  "members:remove": managers,
  "audit:read": deciders,
  "audit:export": managers,
  "audit:digest": managers,
  "system:read": managers,
  "deals:read": everyone,
  "deals:write": dealWorkers,
  /** Bringing back a deleted deal (deleting is a deal edit, "deals:write"). */
  "deals:restore": managers,
  "deals:import": deciders,
  "deals:underwrite": deciders,
  /** The buyer CRM: everyone sees buyers like deals; the people who work deals edit them. */
  "buyers:read": everyone,
  "buyers:write": dealWorkers,
  /** Tier thresholds, auto-blast, what buyer deal pages show, link lifetime, the cold-market score. */
  "buyers:settings": managers,
  "analytics:read": deciders,
  "policies:read": deciders,
  "policies:write": managers,
  "apikeys:manage": managers,
  "integrations:manage": managers,
  "tasks:read": dealWorkers,
  "tasks:work": taskWorkers,
  "tasks:assign": managers,
  "ladder:manage": managers,
  "engines:read": managers,
  "engines:manage": managers,
  "messages:read": dealWorkers,
  /** Texting and emailing leads: the people who work them, not investors. */
  "messages:send": ["owner", "admin", "va"],
  /** The do-not-contact list, consent records and the email footer's postal address. */
  "compliance:manage": managers,
  /** The approval queue of drafted emails: the people who work leads and buyers see it... */
  "approvals:read": dealWorkers,
  /** ...and those who may send mail approve, edit or reject a draft. */
  "approvals:decide": ["owner", "admin", "va"],
  /** Signal weights and half-lives, the high-intent threshold, limits, budget and drafting templates. */
  "signals:settings": managers,
  /** The laboratory: experiments are run in shadow by managers; only an owner promotes one. */
  "laboratory:read": managers,
  "laboratory:run": managers,
  "laboratory:promote": ["owner"],
  /** Market intel: the map, the areas and their ranks are for everyone... */
  "market:read": everyone,
  /** ...blacklisting an area (it stops outreach there) and the ranking's thresholds are managers'. */
  "market:blacklist": managers,
  "market:settings": managers,
  /** The underwriting desk: fitting a learned lead-score model is managers'; only an owner promotes one. */
  "scoring:fit": managers,
  "scoring:promote": ["owner"],
  /** Sold comps: the people who price deals import and add them. */
  "comps:write": deciders,
  /** Exporting prospects as CSV (the whole filter): people who may see the numbers in bulk. */
  "deals:export": deciders,
  /** Outreach: conversation threads are read by the people who work leads (replying is "messages:send")... */
  "conversations:read": dealWorkers,
  /** ...email and mail campaigns are seen by them, and made, started and paused by managers. */
  "campaigns:read": dealWorkers,
  "campaigns:manage": managers,
  /** Click-to-call: the people who call leads. */
  "calls:make": taskWorkers,
  /** Postcards and letters cost money per piece: the people who may message leads send them. */
  "mail:send": ["owner", "admin", "va"],
  /** Deliverability: the senders' health is for deciders; sending numbers, the throttle policy and the mail budget are managers'. */
  "deliverability:read": deciders,
  "deliverability:manage": managers,
  /** GovCon desk: opportunities and pursuits are read by deciders; tracking, no-bids, pursuits and saved searches are theirs too... */
  "govcon:read": deciders,
  "govcon:work": deciders,
  /** ...the GovCon profile, fit weights, stage probabilities and the SAM.gov key are managers'. */
  "govcon:manage": managers,
  /** Erasure and access requests: filing them, running them now, downloading an export. */
  "privacy:manage": managers,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return ALL_PERMISSIONS.filter((permission) => can(role, permission));
}

export type RoleChangeVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Who may give whom which role. Only an owner grants or takes away ownership; an admin
 * manages everyone below owner. Nobody changes their own role (an owner steps down by
 * making another owner first, then being changed by them).
 */
export function canAssignRole(input: {
  actorRole: Role;
  isSelf: boolean;
  currentRole: Role;
  nextRole: Role;
}): RoleChangeVerdict {
  const { actorRole, isSelf, currentRole, nextRole } = input;
  if (!can(actorRole, "members:update")) return { ok: false, reason: "Your role cannot change roles" };
  if (isSelf) return { ok: false, reason: "You cannot change your own role" };
  if ((currentRole === "owner" || nextRole === "owner") && actorRole !== "owner") {
    return { ok: false, reason: "Only an owner can grant or remove the owner role" };
  }
  return { ok: true };
}

/** Invitations follow the same rule as role changes: admins cannot mint owners. */
export function canInviteAs(actorRole: Role, role: Role): RoleChangeVerdict {
  if (!can(actorRole, "members:invite")) return { ok: false, reason: "Your role cannot invite members" };
  if (role === "owner" && actorRole !== "owner") return { ok: false, reason: "Only an owner can invite an owner" };
  return { ok: true };
}
