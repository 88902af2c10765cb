import { getMDXComponent } from "mdx-bundler/client";
import type { ComponentType } from "react";
import "./katex-styles";
import { mdxComponents } from "./mdx-components";

type MdxComponents = Record<string, ComponentType<never> | string>;
type MdxProps = { components?: MdxComponents };

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

/**
 * Renders compiled MDX (a lesson, an exercise's task) with the course's components map and KaTeX's
 * stylesheet. `components` adds components bound to the page's data (an exercise's WorkedFirstStep).
 */
export function MdxContent({ code, components }: { code: string; components?: MdxComponents }) {
  const Content = getComponent(code);
  return <Content components={components ? { ...mdxComponents, ...components } : mdxComponents} />;
}
