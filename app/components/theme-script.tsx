// Runs before first paint so a stored theme choice never flashes the other theme.
const script = `try{var t=localStorage.getItem("descent-theme");if(t==="dark"||t==="light")document.documentElement.dataset.theme=t}catch(e){}`;

/** Inline script that applies the stored theme before the page paints. */
export function ThemeScript() {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant string, needed before hydration.
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
