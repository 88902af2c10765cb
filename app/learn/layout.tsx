import "katex/dist/katex.min.css";
import type { ReactNode } from "react";

/** The course section: KaTeX's stylesheet (and its fonts, served by the app) for every lesson. */
export default function LearnLayout({ children }: { children: ReactNode }) {
  return children;
}
