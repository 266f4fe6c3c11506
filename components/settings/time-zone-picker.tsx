"use client";

import { CheckIcon, ChevronDownIcon } from "lucide-react";
import { useId, useMemo, useRef, useState } from "react";
import { Input } from "@/components/ui/input";
import { searchTimeZones, type TimeZoneOption } from "@/lib/tenants/time-zones";
import { cn } from "@/lib/ui/cn";

interface TimeZonePickerProps {
  id: string;
  name: string;
  defaultValue: string;
  options: TimeZoneOption[];
  disabled?: boolean;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** Options shown at once: a search narrows the 400-odd zones quickly, and a short list reads better. */
const MAX_SHOWN = 80;

/**
 * A searchable list of IANA time zones (the WAI-ARIA combobox pattern): type to filter,
 * arrows to move, Enter to choose, Escape to close. The chosen zone goes in a hidden input;
 * text typed without choosing is posted as typed when the box is left (see keepTyped).
 */
export function TimeZonePicker({ id, name, defaultValue, options, disabled, ...aria }: TimeZonePickerProps) {
  const listId = useId();
  const [value, setValue] = useState(defaultValue);
  const [search, setSearch] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const all = useMemo(
    () => (options.some((o) => o.zone === defaultValue) || !defaultValue ? options : [{ zone: defaultValue, label: "current", group: "Other" as const }, ...options]),
    [options, defaultValue],
  );
  const open = search !== null;
  const shown = useMemo(() => (open ? searchTimeZones(all, search).slice(0, MAX_SHOWN) : []), [all, open, search]);

  function choose(option: TimeZoneOption | undefined) {
    if (option) setValue(option.zone);
    setSearch(null);
  }

  /**
   * Leaving the box keeps what was typed: an exact zone name is chosen, anything else is
   * posted as typed, so the server answers beside the field instead of the text vanishing.
   */
  const typedZone = (text: string) => all.find((o) => o.zone.toLowerCase() === text.toLowerCase())?.zone ?? text;
  // What the form posts right now: the typed text while the list is open, so a submit that
  // comes before the blur is handled still sends what the person sees.
  const typed = open ? search.trim() : "";
  const posted = typed ? typedZone(typed) : value;
  const postedOption = all.find((o) => o.zone === posted);

  function keepTyped() {
    if (typed) setValue(posted);
    setSearch(null);
  }

  function move(to: number) {
    const next = Math.max(0, Math.min(shown.length - 1, to));
    setActive(next);
    list.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setSearch("");
        setActive(0);
        return;
      }
      move(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && open) {
      // Choosing, not submitting the form.
      event.preventDefault();
      choose(shown[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setSearch(null);
    }
  }

  return (
    <div className="relative">
      <input type="hidden" name={name} value={posted} />
      <div className="relative">
        <Input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && shown[active] ? `${listId}-${active}` : undefined}
          autoComplete="off"
          disabled={disabled}
          value={open ? search : value}
          placeholder="Search: New York, Eastern, Toronto"
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setActive(0);
          }}
          onFocus={(event) => event.currentTarget.select()}
          onClick={() => !open && setSearch("")}
          onKeyDown={onKeyDown}
          onBlur={keepTyped}
          className="pr-9"
          {...aria}
        />
        <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 opacity-50" aria-hidden="true" />
      </div>
      {/* The zone that will be saved, shown while typing too: the line never appears or
          vanishes on blur, which would move the Save button under a pressed mouse. */}
      {postedOption && postedOption.label !== "current" && <p className="mt-1 text-xs text-muted-foreground">{postedOption.label}</p>}
      <ul
        ref={list}
        id={listId}
        role="listbox"
        aria-label="Matching zones"
        hidden={!open}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
      >
        {shown.length === 0 && <li className="px-2 py-1.5 text-sm text-muted-foreground">No time zone matches.</li>}
        {shown.map((option, index) => (
          <li
            key={option.zone}
            id={`${listId}-${index}`}
            data-index={index}
            role="option"
            aria-selected={option.zone === value}
            // Chosen on mouse down, before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
            onMouseMove={() => setActive(index)}
            className={cn(
              "flex cursor-pointer items-start gap-2 rounded-sm px-2 py-1.5 text-sm",
              index === active && "bg-accent text-accent-foreground",
            )}
          >
            <CheckIcon className={cn("mt-0.5 size-4 shrink-0", option.zone === value ? "opacity-100" : "opacity-0")} aria-hidden="true" />
            <span className="grid min-w-0">
              <span className="truncate font-medium">{option.zone}</span>
              <span className="truncate text-xs text-muted-foreground">
                {option.group} · {option.label}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
