/** API key scopes; shared by the server and the key form. */
export const API_SCOPES = ["deals:read", "deals:write", "offers:read", "offers:write", "policies:read", "policies:write", "followups:read", "followups:write", "engines:read", "engines:run", "consent:read", "consent:write", "buyers:read", "buyers:write", "signals:read", "approvals:read", "approvals:write", "laboratory:read", "laboratory:write", "market:read", "market:write", "comps:read", "comps:write", "documents:read", "documents:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
