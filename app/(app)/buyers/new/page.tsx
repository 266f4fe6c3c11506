import type { Metadata } from "next";
import Link from "next/link";
import { BuyerForm } from "@/components/buyers/buyer-form";
import { requirePage } from "@/lib/auth/session";
import { listMembers } from "@/lib/tenants/members";
import { createBuyerAction } from "../actions";

export const metadata: Metadata = { title: "Add a buyer" };

export default async function NewBuyerPage() {
  const ctx = await requirePage("buyers:write");
  const members = (await listMembers(ctx.db)).map((m) => ({ userId: m.userId, name: m.name ?? m.email }));
  return (
    <div className="grid max-w-4xl gap-6">
      <div>
        <Link href="/buyers" className="text-sm text-muted-foreground hover:underline">Buyers</Link>
        <h1 className="text-2xl font-semibold tracking-tight">Add a buyer</h1>
        <p className="text-sm text-muted-foreground">Only the name is required. The buy box decides which deals this buyer is matched to.</p>
      </div>
      <BuyerForm members={members} save={createBuyerAction} />
    </div>
  );
}
