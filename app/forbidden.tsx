import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <div className="mx-auto grid max-w-md gap-4 py-24 text-center">
      <p className="text-sm font-semibold text-muted-foreground">403</p>
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="text-muted-foreground">Your role in this workspace does not include it. Ask an owner or admin if you need it.</p>
      <div><Button asChild><Link href="/dashboard">Back to the dashboard</Link></Button></div>
    </div>
  );
}
