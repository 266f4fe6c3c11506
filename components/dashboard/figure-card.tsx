import type { LucideIcon } from "lucide-react";
import Link from "next/link";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/lib/ui/cn";

interface FigureCardProps {
  label: string;
  /** The figure as shown ("12", "$48,000"). */
  value: string;
  /** A second line under the label ("$21,000 in assignment fees"). */
  detail?: string;
  icon: LucideIcon;
  /** The filtered list the figure counts. */
  href: string;
  tone?: "default" | "attention";
}

/** One headline figure; the whole card opens the list behind it. */
export function FigureCard({ label, value, detail, icon: Icon, href, tone = "default" }: FigureCardProps) {
  return (
    <Link href={href} data-figure={label} className="group rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-none">
      <Card className="h-full transition-colors group-hover:bg-accent/40">
        <CardContent className="flex items-center gap-4">
          <span
            className={cn(
              "flex size-10 shrink-0 items-center justify-center rounded-md",
              tone === "attention" ? "bg-destructive/10 text-destructive" : "bg-primary/10 text-primary",
            )}
          >
            <Icon className="size-5" aria-hidden />
          </span>
          <div className="min-w-0">
            <p className="text-2xl font-semibold tabular-nums" data-figure-value>{value}</p>
            <p className="text-sm text-muted-foreground">{label}</p>
            {detail && <p className="text-xs text-muted-foreground">{detail}</p>}
          </div>
        </CardContent>
      </Card>
    </Link>
  );
}
