/** The id of every layout's <main>, the target of the skip link. */
export const MAIN_CONTENT_ID = "main-content";

/**
 * The first tab stop of every page: hidden until focused, it jumps past the navigation
 * (the main element takes focus with tabIndex -1, so the next Tab continues in the content).
 */
export function SkipLink() {
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:shadow-md focus:ring-[3px] focus:ring-ring focus:outline-none"
    >
      Skip to main content
    </a>
  );
}
