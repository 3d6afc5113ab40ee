// A small static file server for the demo page (a browser loads WebAssembly only over
// HTTP, with the `application/wasm` type), used by people and by the browser test.
//
//   node examples/web/serve.mjs [PORT]      then open http://127.0.0.1:PORT/
//
// It listens on 127.0.0.1 only and serves files below its roots, nothing else.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".jsonl": "application/x-ndjson",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ts": "text/plain; charset=utf-8",
};

/**
 * Starts a server. `mounts` maps a URL prefix ("/" or "/conformance/") to a folder.
 * Resolves to `{ url, close() }` once listening (port 0 picks a free port).
 */
export async function serve({ mounts, port = 0 }) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      const prefix = prefixes.find((p) => path.startsWith(p));
      if (prefix === undefined || (req.method !== "GET" && req.method !== "HEAD")) throw 404;
      const root = normalize(mounts[prefix]);
      let file = normalize(join(root, path.slice(prefix.length)));
      if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) throw 404;
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": body.length,
        "cache-control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found\n");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const { url } = await serve({ mounts: { "/": here }, port: Number(process.argv[2] ?? 8080) });
  console.log(`gonghui demo page: ${url}  (Ctrl-C stops)`);
}
