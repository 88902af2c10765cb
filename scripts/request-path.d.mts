import type { IncomingMessage, ServerResponse } from "node:http";

/** Whether every segment of the request target's path decodes (the query is Next's to parse). */
export declare function isDecodablePath(url: string): boolean;
/** Answers 400 (plain text) when the request's path does not decode; returns whether it did. */
export declare function refuseUndecodablePath(req: IncomingMessage, res: ServerResponse): boolean;
