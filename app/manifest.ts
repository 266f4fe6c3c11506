import type { MetadataRoute } from "next";

/** The installable app: it opens on the capture page, the part used on the road. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Dealflow",
    short_name: "Dealflow",
    description: "Capture properties from the road and work your deals.",
    start_url: "/capture",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#254dac",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
