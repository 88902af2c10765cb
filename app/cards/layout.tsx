import "katex/dist/katex.min.css";
import type { ReactNode } from "react";

export default function CardsLayout({ children }: { children: ReactNode }) {
  return children;
}
