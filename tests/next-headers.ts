// The stand-in for `next/headers` in Vitest (aliased in vitest.config.ts, as "server-only" is):
// Next's own cookies() and headers() throw outside a request. A test plays a request by filling
// `requestScope`; modules under test read it through the same calls they make in the app.

type CookieOptions = { maxAge?: number; path?: string; expires?: Date; httpOnly?: boolean };

/** The request a test plays: its cookies (name → value) and headers. */
export const requestScope = {
  cookies: new Map<string, string>(),
  /** Options of the last set() per cookie, e.g. to check that a cookie is cleared with maxAge 0. */
  cookieOptions: new Map<string, CookieOptions>(),
  headers: new Headers(),
  /** No cookies, no headers. */
  reset() {
    this.cookies.clear();
    this.cookieOptions.clear();
    this.headers = new Headers();
  },
};

export async function cookies() {
  const jar = requestScope.cookies;
  return {
    has: (name: string) => jar.has(name),
    get: (name: string) => {
      const value = jar.get(name);
      return value === undefined ? undefined : { name, value };
    },
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options: CookieOptions = {}) => {
      jar.set(name, value);
      requestScope.cookieOptions.set(name, options);
    },
    delete: (name: string) => jar.delete(name),
  };
}

export async function headers(): Promise<Headers> {
  return requestScope.headers;
}
