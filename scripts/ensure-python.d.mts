export { getPythonAvailability } from "../lib/sandbox/python/availability.mjs";
