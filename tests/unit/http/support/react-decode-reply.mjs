// Decodes server-action replies with the React build Next.js itself uses (run with
// `node --conditions=react-server`): stdin a JSON list of {text} or {entries: [[key, string | {file: string}]]},
// stdout a JSON list of {ok, args?, error?}. What Next would do next is checked too: the arguments
// must be a list of at most 1,000 (it applies them to the action).
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "../../../..");
const rsd = require(path.join(root, "node_modules/next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-server.node.production.js"));

let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const c of JSON.parse(input)) {
  let body = c.text;
  if (c.entries) {
    body = new FormData();
    for (const [k, v] of c.entries) {
      if (typeof v === "string") body.append(k, v);
      else body.append(k, new Blob([v.file]), "f.bin");
    }
  }
  try {
    const args = await Promise.race([
      rsd.decodeReply(body, {}, { temporaryReferences: rsd.createTemporaryReferenceSet() }),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000)),
    ]);
    if (!Array.isArray(args)) throw new Error("not an argument list");
    if (args.length > 1000) throw new Error("too many arguments");
    out.push({ ok: true });
  } catch (e) {
    out.push({ ok: false, error: String(e?.message ?? e).slice(0, 200) });
  }
}
process.stdout.write(JSON.stringify(out));
