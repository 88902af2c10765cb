import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "./components/site-header";
import { ThemeScript } from "./components/theme-script";
import { TimeZoneScript } from "./components/time-zone-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Descent: learn the optimizers that train neural networks", template: "%s · Descent" },
  description:
    "Lessons, graded coding exercises and spaced-repetition interview drills on gradient descent, momentum, RMSprop, Adam and their family.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfbfd" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1115" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
        <TimeZoneScript />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="container muted" style={{ padding: "1.5rem 1.25rem", fontSize: "0.9rem" }}>
          Descent · every trajectory on this site is computed by the same reference code that grades your
          exercises, checked against PyTorch.
        </footer>
      </body>
    </html>
  );
}
