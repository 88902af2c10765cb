import { getMDXComponent } from "mdx-bundler/client";
import type { ComponentType } from "react";
import { mdxComponents } from "./mdx-components";

type MdxProps = { components?: Record<string, unknown> };

// getMDXComponent evaluates the bundle; do it once per compiled document.
const componentCache = new Map<string, ComponentType<MdxProps>>();

function getComponent(code: string): ComponentType<MdxProps> {
  let component = componentCache.get(code);
  if (!component) {
    component = getMDXComponent(code) as ComponentType<MdxProps>;
    componentCache.set(code, component);
  }
  return component;
}

/** Renders compiled MDX with the course's components map. */
export function MdxContent({ code }: { code: string }) {
  const Content = getComponent(code);
  return <Content components={mdxComponents} />;
}
