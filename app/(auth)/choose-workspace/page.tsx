import type { Metadata } from "next";
import { WorkspaceChooser } from "@/components/shell/workspace-chooser";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listUserTenants, requireUserPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Choose a workspace" };
export const dynamic = "force-dynamic";

/** Where a user lands when the workspace their session named is no longer theirs. */
export default async function ChooseWorkspacePage() {
  const user = await requireUserPage();
  const workspaces = await listUserTenants(user.id);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Choose a workspace</CardTitle>
        <CardDescription>
          {workspaces.length
            ? "You no longer have access to the workspace you were using. Pick one to continue."
            : "You are no longer a member of any workspace."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <WorkspaceChooser workspaces={workspaces.map(({ id, name, role }) => ({ id, name, role }))} />
      </CardContent>
    </Card>
  );
}
