// Decodes server-action replies the way Next.js does (run with `node --conditions=react-server`):
// a text body with React's `decodeReply`, a multipart body streamed through Next's busboy into
// `decodeReplyFromBusboy` (next/dist/server/app-render/action-handler.js). stdin: a JSON list of
// {text} or {multipart: base64, contentType}; stdout: a JSON list of {ok, error?}. What Next does
// next is checked too: the arguments must be a list of at most 1,000 (it applies them to the action).
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "../../../..");
const rsd = require(path.join(root, "node_modules/next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-server.node.production.js"));
const createBusboy = require(path.join(root, "node_modules/next/dist/compiled/busboy"));

async function decode(c) {
  const temporaryReferences = rsd.createTemporaryReferenceSet();
  if (c.text !== undefined) return rsd.decodeReply(c.text, {}, { temporaryReferences });
  const busboy = createBusboy({ defParamCharset: "utf8", headers: { "content-type": c.contentType }, limits: { fieldSize: 2 * 1024 * 1024 } });
  const [, args] = await Promise.all([pipeline(Readable.from([Buffer.from(c.multipart, "base64")]), busboy), rsd.decodeReplyFromBusboy(busboy, {}, { temporaryReferences })]);
  return args;
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const c of JSON.parse(input)) {
  try {
    const args = await Promise.race([decode(c), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
    if (!Array.isArray(args)) throw new Error("not an argument list");
    if (args.length > 1000) throw new Error("too many arguments");
    out.push({ ok: true });
  } catch (e) {
    out.push({ ok: false, error: String(e?.message ?? e).slice(0, 200) });
  }
}
process.stdout.write(JSON.stringify(out));
