"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";
import { hrefWith, patchSearchParams, type UrlPatch } from "./table-url";

/**
 * Navigation for the prospects table. Every change is a URL change the server page
 * renders; the transition keeps the current rows on screen (dimmed) until the next
 * page arrives, instead of flashing a loading state.
 */
export function useProspectUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  // Table changes keep the scroll position; opening a deal (scroll: true) starts at its top.
  const go = useCallback(
    (href: string, options: { replace?: boolean; scroll?: boolean } = {}) =>
      startTransition(() => {
        const scroll = options.scroll ?? false;
        if (options.replace) router.replace(href, { scroll });
        else router.push(href, { scroll });
      }),
    [router],
  );

  /** Filters, sorting and paging push history entries (the back button undoes them); typing replaces. */
  const navigate = useCallback(
    (patch: UrlPatch, options: { replace?: boolean } = {}) => go(hrefWith(pathname, patchSearchParams(searchParams.toString(), patch)), options),
    [go, pathname, searchParams],
  );

  return { navigate, go, pending, pathname, searchParams };
}
