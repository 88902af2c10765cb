// Pages are statically generated, so no per-request nonce: scripts are 'self' plus Next's inline
// bootstrap ('unsafe-inline'); everything else is narrowed to this origin.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  // Monaco, KaTeX and React style attributes set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // KaTeX and Monaco's codicon font are served from /_next/static; data: for inlined fonts.
  "font-src 'self' data:",
  "connect-src 'self'",
  // Monaco's and the Run button's workers are same-origin module scripts.
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
].join("; ");

const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory per checkout or test run (NEXT_DIST_DIR) lets builds run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["isolated-vm", "better-sqlite3", "sucrase", "@open-spaced-repetition/binding"],
  // Type checking is `npm run typecheck` (tsc 7); `next build` need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Why each directive: docs/decisions/061-content-security-policy.md.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
      // Documents only: the browser Run worker (a /_next/static script) evaluates the learner's code
      // with new Function, which a worker's own CSP would forbid; pages never need eval.
      {
        source: "/((?!_next/static/).*)",
        headers: [{ key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY }],
      },
      // The site icon's URL carries a content hash in its query (icon.svg?icon.<hash>.svg): a day in the
      // cache instead of Next's must-revalidate, so moving between pages does not fetch it again.
      { source: "/icon.svg", headers: [{ key: "Cache-Control", value: "public, max-age=86400" }] },
      // API answers are per learner and may set cookies: never stored by a shared cache.
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "private, no-store" }] },
      // Only over https (a TLS-terminating proxy says so); browsers ignore HSTS received over http anyway.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000" }],
      },
    ];
  },
};

export default nextConfig;
