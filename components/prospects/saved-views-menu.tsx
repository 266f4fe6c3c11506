"use client";

import { Bookmark, Check, Save, Trash2 } from "@/components/ui/icons";
import { useState, useTransition } from "react";
import type { DirectAction, FormAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import type { SavedViewSummary } from "@/lib/prospects/views";
import { SaveViewDialog } from "./save-view-dialog";

export interface SavedViewActions {
  saveView: FormAction<{ name: string }>;
  deleteView: DirectAction<{ id: string }, unknown>;
}

interface SavedViewsMenuProps {
  views: SavedViewSummary[];
  currentViewId: string | null;
  queryString: string;
  onApply: (view: SavedViewSummary) => void;
  /** Without them the views can be applied but neither saved nor deleted. */
  actions?: SavedViewActions;
}

export function SavedViewsMenu({ views, currentViewId, queryString, onApply, actions }: SavedViewsMenuProps) {
  const [saving, setSaving] = useState(false);
  const [deleting, startDelete] = useTransition();
  const current = views.find((v) => v.id === currentViewId);

  const remove = (deleteView: SavedViewActions["deleteView"], view: SavedViewSummary) =>
    startDelete(async () => {
      const result = await deleteView(null, { id: view.id });
      if (result.ok) toast.success(`Deleted “${view.name}”`);
      else toast.error(result.error);
    });

  return (
    <div className="flex gap-2">
      {/* A button rather than a menu item: a dialog opened from a closing menu fights it for focus. */}
      {actions && (
        <Button variant="outline" onClick={() => setSaving(true)}>
          <Save className="size-4" aria-hidden /> Save view
        </Button>
      )}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" disabled={deleting}>
            <Bookmark className="size-4" aria-hidden /> {current ? current.name : "Views"}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="min-w-56">
          <DropdownMenuLabel>My saved views</DropdownMenuLabel>
          {views.length === 0 && <p className="px-2 py-1.5 text-sm text-muted-foreground">None yet: filter the table, then use Save view.</p>}
          {views.map((view) => (
            <DropdownMenuItem key={view.id} onSelect={() => onApply(view)}>
              <Check className={view.id === currentViewId ? "size-4" : "size-4 opacity-0"} aria-hidden />
              <span className="truncate">{view.name}</span>
            </DropdownMenuItem>
          ))}
          {actions && views.length > 0 && <DropdownMenuSeparator />}
          {actions && views.length > 0 && (
            <DropdownMenuSub>
              <DropdownMenuSubTrigger>
                <Trash2 className="size-4" aria-hidden /> Delete a view
              </DropdownMenuSubTrigger>
              <DropdownMenuSubContent>
                {views.map((view) => (
                  <DropdownMenuItem key={view.id} variant="destructive" onSelect={() => remove(actions.deleteView, view)}>
                    {view.name}
                  </DropdownMenuItem>
                ))}
              </DropdownMenuSubContent>
            </DropdownMenuSub>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {actions && (
        <SaveViewDialog open={saving} onOpenChange={setSaving} queryString={queryString} existingNames={views.map((v) => v.name)} saveView={actions.saveView} />
      )}
    </div>
  );
}
