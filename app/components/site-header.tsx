import Link from "next/link";
import styles from "./site-header.module.css";
import { ThemeToggle } from "./theme-toggle";

const NAV = [
  { href: "/learn", label: "Course" },
  { href: "/exercises", label: "Exercises" },
  { href: "/cards", label: "Drills" },
  { href: "/interview", label: "Interview" },
  { href: "/dashboard", label: "Dashboard" },
] as const;

/** The top bar: brand, main navigation, theme switch. Works without JavaScript. */
export function SiteHeader() {
  return (
    <header className={styles.header}>
      <div className={`container ${styles.inner}`}>
        <Link href="/" className={styles.brand} aria-label="Descent, home">
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path d="M3 4c4 0 5 4 8 8s5 8 10 8" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
            <circle cx="21" cy="20" r="2.2" fill="currentColor" />
          </svg>
          Descent
        </Link>
        <nav aria-label="Main" className={styles.nav}>
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.tools}>
          <Link href="/account">Account</Link>
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
