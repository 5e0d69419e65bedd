import type { IncomingMessage, ServerResponse } from "node:http";

export function forwardedForWithPeer(sent: string | string[] | undefined, remoteAddress: string | undefined): string | null;
export function appendPeerListener(handle: (req: IncomingMessage, res: ServerResponse) => unknown, parseRouterState?: ((header: string) => unknown) | null): (req: IncomingMessage, res: ServerResponse) => unknown;
export function malformedRouterState(headers: IncomingMessage["headers"], parseRouterState: (header: string) => unknown): boolean;
export function serveOptions(argv: string[], env: Record<string, string | undefined>): { port: number; hostname: string | undefined; standalone: boolean; keepAliveTimeout: number | undefined };
export function withApiFastPath(handle: (req: IncomingMessage, res: ServerResponse) => unknown): (req: IncomingMessage, res: ServerResponse) => unknown;
