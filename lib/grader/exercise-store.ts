// Exercises are discovered from content/ by lib/content/registry.ts; pool.ts still imports the
// slug check from here (it is being moved onto a queue by other work), so this re-export stays
// until that lands.
export { isExerciseSlug } from "../content/registry";
