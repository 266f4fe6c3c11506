import { BarChart3 } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

interface ChartCardProps {
  title: string;
  description: string;
  empty: boolean;
  emptyText: string;
  /** Figures beside the chart (totals, what is left out). */
  footer?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}

export function ChartCard({ title, description, empty, emptyText, footer, className, children }: ChartCardProps) {
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {empty ? <EmptyState icon={BarChart3} title="Nothing to chart yet" description={emptyText} className="py-8" /> : children}
        {footer && !empty && <div className="text-sm text-muted-foreground">{footer}</div>}
      </CardContent>
    </Card>
  );
}
