import { emailFrameDocument } from "@/lib/outbound/email-view";

/**
 * An email's HTML part shown as a mail client would: in a sandboxed frame that runs no script,
 * has no access to the app (no same-origin) and opens its links in a new tab. Its images (a
 * campaign's open pixel) load under the page's Content-Security-Policy, which the frame inherits.
 */
export function EmailFrame({ html, title }: { html: string; title: string }) {
  return (
    <iframe
      title={title}
      srcDoc={emailFrameDocument(html)}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      className="h-[28rem] w-full rounded-md border bg-white"
      data-testid="email-frame"
    />
  );
}
