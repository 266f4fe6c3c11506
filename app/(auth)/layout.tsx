import { Building2 } from "lucide-react";
import { MAIN_CONTENT_ID, SkipLink } from "@/components/shell/skip-link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SkipLink />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex min-h-dvh flex-col items-center justify-center bg-muted/40 px-4 py-10 outline-none">
        <div className="mb-6 flex items-center gap-2 text-lg font-semibold">
          <span className="flex size-8 items-center justify-center rounded-md bg-primary text-primary-foreground">
            <Building2 className="size-4" aria-hidden />
          </span>
          Dealflow
        </div>
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </>
  );
}
