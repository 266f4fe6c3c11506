import type { Config } from "tailwindcss";

// Tailwind 4 reads this file through `@config` in app/globals.css; design tokens live there.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}", "./lib/**/*.{ts,tsx}"],
  darkMode: "class",
  theme: {
    extend: {
      fontFamily: { sans: ["Inter Variable", "ui-sans-serif", "system-ui", "sans-serif"] },
    },
  },
};

export default config;
