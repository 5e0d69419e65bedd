/**
 * next-auth's cookies behind HTTPS (issue 13, F6): `Secure` and `__Host-` prefixed, so that they are
 * never sent over plain HTTP and no sibling subdomain or path can set or shadow them (a `__Host-`
 * cookie has Path=/ and no Domain). Over plain http (`npm start` on localhost, the browser tests)
 * next-auth's defaults stay as they are: `undefined` here.
 */

type TCookie = { name: string; options: { httpOnly: boolean; sameSite: "lax"; path: "/"; secure: true } };
export type TAuthCookies = { sessionToken: TCookie; callbackUrl: TCookie; csrfToken: TCookie };

const secure = (name: string): TCookie => ({ name: `__Host-${name}`, options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });

export function authCookies(https: boolean): TAuthCookies | undefined {
  if (!https) return undefined;
  return {
    sessionToken: secure("next-auth.session-token"),
    callbackUrl: secure("next-auth.callback-url"),
    csrfToken: secure("next-auth.csrf-token"),
  };
}
