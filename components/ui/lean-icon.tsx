import type { LucideIcon, LucideIconData, LucideIconNode } from "lucide-react";
import { createElement, type ReactNode, type SVGProps } from "react";
import { cn } from "@/lib/ui/cn";

/**
 * lucide's icons are small wrappers that hand their path data to lucide's `Icon`, a client
 * component, as its `icon` prop: rendered once here, at module load, to read that data.
 */
function iconDataOf(icon: LucideIcon): LucideIconData {
  const wrapper = icon as unknown as { render?: (props: object, ref: null) => { props?: { icon?: LucideIconData } } };
  const data = wrapper.render?.({}, null).props?.icon;
  if (!data?.node) throw new Error("This lucide-react version no longer hands its icons their path data");
  return data;
}

function draw(nodes: LucideIconNode[]): ReactNode[] {
  return nodes.map(([tag, attrs, children], i) => createElement(tag, { ...attrs, key: i }, children && draw(children)));
}

/**
 * A lucide icon drawn with only what differs per icon: its paths. The stroke, fill, caps and
 * default size lucide writes on every <svg> are set once by `.ui-icon` (app/globals.css), and
 * it is not a client component, so a server page sends its paths once (in the HTML) rather than
 * twice (HTML and the React payload). Used by the shell every page carries and by the pages that
 * list rows; `leanIcon(Bell)` takes the props lucide's `Bell` takes that a page uses here.
 */
export function leanIcon(icon: LucideIcon) {
  const data = iconDataOf(icon);
  const viewBox = `0 0 ${data.size ?? 24} ${data.size ?? 24}`;
  function LeanIcon({ className, ...props }: SVGProps<SVGSVGElement>) {
    // Decorative unless it is given a name, as lucide's own icons are.
    const named = Boolean(props["aria-label"] || props["aria-labelledby"] || props.role || props.children);
    return (
      <svg viewBox={viewBox} className={cn("ui-icon", className)} aria-hidden={named ? undefined : true} {...props}>
        {draw(data.node)}
        {props.children}
      </svg>
    );
  }
  LeanIcon.displayName = icon.displayName;
  return LeanIcon;
}
