/**
 * Demo mode (issue 13, F7): the demo EDS key stores and their password, the sandbox CA
 * self-service, the payment sandbox's card pages and the demo accounts work only when the server
 * runs with `DEMO_MODE=1`. `npm start`, the e2e server and the cluster script set it by default;
 * `DEMO_MODE=0 npm start` and the deployment recipe run without them (the pages answer 404, the
 * seed creates no demo accounts and sign-in refuses those a demo seed created earlier).
 * Anything but exactly "1" is off: demo mode is never on by accident.
 */
export function isDemoMode(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.DEMO_MODE?.trim() === "1";
}
