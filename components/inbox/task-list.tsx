"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { formatInZone } from "@/components/ladder/format";
import { useFormAction } from "@/components/forms/use-form-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { cn } from "@/lib/ui/cn";
import { inboxHref } from "./inbox-url";

export interface TaskRow {
  id: string;
  dueAt: string;
  step: number;
  channel: string;
  ownerName: string | null;
  street: string | null;
  city: string | null;
  market: string | null;
  contactName: string | null;
  timeZone: string | null;
  /** The deal's postal area ranks HOT: its tasks come first. */
  hotArea: boolean;
}

interface TaskListProps {
  tasks: TaskRow[];
  selectedId: string | null;
  canAssign: boolean;
  assignees: { userId: string; name: string }[];
  now: string;
  assignTasks: FormAction<{ assigned: number }>;
}

function overdue(dueAt: string, now: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(now) - Date.parse(dueAt)) / 60_000));
  if (minutes < 60) return `${minutes} min overdue`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h overdue`;
  return `${Math.floor(minutes / 1440)} d overdue`;
}

/** Due tasks, those of hot areas first, then oldest first; admins pick several and give them to a VA. */
export function TaskList({ tasks, selectedId, canAssign, assignees, now, assignTasks }: TaskListProps) {
  const searchParams = useSearchParams();
  const [picked, setPicked] = useState<string[]>([]);
  const { state, onSubmit, pending } = useFormAction(assignTasks, (formData) => {
    formData.delete("taskIds");
    for (const id of picked) formData.append("taskIds", id);
  });
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(`Assigned ${state.data.assigned} task${state.data.assigned === 1 ? "" : "s"}`);
      setPicked([]);
    } else toast.error(state.issues?.[0]?.message ?? state.error);
  }, [state]);
  const toggle = (id: string) => setPicked((all) => (all.includes(id) ? all.filter((x) => x !== id) : [...all, id]));

  return (
    <div className="grid gap-3">
      {canAssign && (
        <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2 text-sm" aria-label="Assign selected tasks">
          <span className="text-muted-foreground">{picked.length} selected</span>
          <NativeSelect name="ownerId" aria-label="Assign to" containerClassName="w-44" defaultValue="">
            <option value="" disabled>Assign to...</option>
            {assignees.map((a) => <option key={a.userId} value={a.userId}>{a.name}</option>)}
          </NativeSelect>
          <Button type="submit" size="sm" variant="outline" disabled={pending || picked.length === 0}>{pending ? "Assigning..." : "Assign"}</Button>
        </form>
      )}
      <ul className="grid gap-2" aria-label="Due tasks">
        {tasks.map((task) => (
          <li key={task.id} data-due-at={task.dueAt} className={cn("flex items-start gap-3 rounded-lg border p-3", task.id === selectedId && "border-primary bg-accent")}>
            {canAssign && (
              <input
                type="checkbox"
                className="mt-1 size-4"
                aria-label={`Select task for ${task.street ?? "lead"}`}
                checked={picked.includes(task.id)}
                onChange={() => toggle(task.id)}
              />
            )}
            <Link href={inboxHref(searchParams.toString(), { task: task.id })} scroll={false} className="grid flex-1 gap-0.5 text-sm">
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{task.street ?? "Address unknown"}{task.city ? `, ${task.city}` : ""}</span>
                {task.hotArea && <Badge variant="warning" title="The lead's postal area ranks HOT on the Market map: its calls come first">Hot area</Badge>}
              </span>
              <span className="text-muted-foreground">
                {task.channel} step {task.step} · {task.contactName ?? "No name"} · {task.market ?? "No market"}
              </span>
              {/* Zone names come from each runtime's ICU data, which can differ (GMT-3:30 vs NST). */}
              <span className="text-xs text-muted-foreground" suppressHydrationWarning>
                Due {formatInZone(task.dueAt, task.timeZone)} · {overdue(task.dueAt, now)} · {task.ownerName ?? "Unassigned"}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
