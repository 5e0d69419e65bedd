export function findLoadBalancer(prefer?: string): { kind: "haproxy" | "nginx"; bin: string } | null;
export declare const LB_MISSING: string;
export function haproxyConfig(o: { port: number; servers: { name: string; port: number }[]; runDir: string }): string;
export function nginxConfig(o: { port: number; servers: { name: string; port: number }[]; runDir: string }): string;
