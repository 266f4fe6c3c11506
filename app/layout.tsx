import type { Metadata, Viewport } from "next";
import "./globals.css";
import { Providers } from "@/components/shell/providers";

export const metadata: Metadata = {
  title: { default: "Dealflow", template: "%s · Dealflow" },
  description: "The operating system for real-estate wholesalers and investors",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
