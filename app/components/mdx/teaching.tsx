import type { ComponentPropsWithoutRef, ReactNode } from "react";
import styles from "./mdx.module.css";

/** A side remark worth knowing. */
export function Note({ children }: { children: ReactNode }) {
  return (
    <aside className={`${styles.callout} ${styles.note}`} aria-label="Note">
      <p className={styles.calloutTitle}>Note</p>
      {children}
    </aside>
  );
}

/** A common mistake or trap. */
export function Warning({ children }: { children: ReactNode }) {
  return (
    <aside className={`${styles.callout} ${styles.warning}`} aria-label="Warning">
      <p className={styles.calloutTitle}>Watch out</p>
      {children}
    </aside>
  );
}

/** The lesson's key points, usually at its end. */
export function Recap({ children }: { children: ReactNode }) {
  return (
    <section className={`${styles.callout} ${styles.recap}`} aria-label="Recap">
      <p className={styles.calloutTitle}>Recap</p>
      {children}
    </section>
  );
}

/** An interview question whose answer is revealed on demand (a <details>, so it works without JS). */
export function Question({ q, children }: { q: string; children: ReactNode }) {
  return (
    <details className={styles.question}>
      <summary>
        <span className={styles.questionLabel}>Interview question</span> {q}
      </summary>
      <div className={styles.answer}>{children}</div>
    </details>
  );
}

function createHeading(Tag: "h2" | "h3") {
  return function Heading({ id, children, ...rest }: ComponentPropsWithoutRef<"h2">) {
    return (
      <Tag id={id} className={styles.heading} {...rest}>
        {children}
        {id ? (
          <a className={styles.anchor} href={`#${id}`} aria-label="Link to this section">
            #
          </a>
        ) : null}
      </Tag>
    );
  };
}

/** h2 with a "#" deep link shown on hover and focus. */
export const H2 = createHeading("h2");
/** h3 with a "#" deep link shown on hover and focus. */
export const H3 = createHeading("h3");

/**
 * A fenced code block. Lines keep their layout, so a long one scrolls sideways inside the text rather
 * than widening the page on a phone, and the block is a tab stop so a keyboard can scroll it too.
 */
export function CodeBlock({ className, ...rest }: ComponentPropsWithoutRef<"pre">) {
  return (
    <pre
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      className={className ? `${styles.code} ${className}` : styles.code}
      {...rest}
    />
  );
}

/**
 * A Markdown table (remark-gfm): scrolls sideways inside the text column on a phone, and the scrolling
 * box is a tab stop so a keyboard can scroll it too.
 */
export function MarkdownTable({ className, ...rest }: ComponentPropsWithoutRef<"table">) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <div className={`${styles.tableScroll} ${styles.markdownTable}`} tabIndex={0}>
      <table className={className ? `${styles.prose} ${className}` : styles.prose} {...rest} />
    </div>
  );
}
