// Fetches and compiles the wasm chunks of the console's pages (the split
// loader calls compiledChunk and instantiateChunk instead of fetch and
// instantiateStreaming; the build patches them in): for the first page of a
// visit, its chunks merged into one module; for a page opened before the
// idle prefetch got to it, its pack, one request for all its chunks; else
// one by one. A chunk that cannot be fetched never kills the app: it is
// retried with backoff, then the app is told (the `console-chunk` event,
// shown by src/chunk_loader.rs) and the fetch waits for the user's Retry. A
// 404 means the chunk belongs to an older build that a deploy removed: the
// app offers a reload, and the fetch never settles.

// Waits between the attempts of one round; a round that fails asks the user.
const BACKOFF_MS = [300, 1000, 3000];

let waitingForRetry = [];
let failureShown = false;

addEventListener('console-chunk-retry', () => {
  const waiting = waitingForRetry;
  waitingForRetry = [];
  waiting.forEach((resume) => resume());
});

function tell(state, url) {
  dispatchEvent(new CustomEvent('console-chunk', { detail: { state, url } }));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Fetches `url` and hands the answer to `use`, which reads its body (and may
// compile it), retrying both as above: a download cut midway is one more
// failed attempt, never an error for the split loader (whose failure would
// panic the app). A 404, or an HTML page where the file should be (a static
// host's fallback), means a deploy removed the file: the app offers a reload,
// and this never settles. `asked`, when given, is a fetch of `url` already
// under way: the first attempt.
async function fetchRetrying(url, use, asked) {
  for (;;) {
    for (let attempt = 0; ; attempt++) {
      try {
        const sent = asked || fetch(url);
        asked = undefined;
        const response = await sent;
        const html = (response.headers.get('content-type') || '').startsWith('text/html');
        if (response.status === 404 || response.status === 410 || (response.ok && html)) {
          tell('gone', url);
          return new Promise(() => {});
        }
        if (response.ok) {
          const used = await use(response);
          if (failureShown) {
            failureShown = false;
            tell('loaded', url);
          }
          return used;
        }
      } catch {
        // No answer, or its body cut short (offline, reset): the same as a 5xx, retried below.
      }
      if (attempt === BACKOFF_MS.length) break;
      await sleep(BACKOFF_MS[attempt]);
    }
    failureShown = true;
    tell('failed', url);
    await new Promise((resume) => waitingForRetry.push(resume));
  }
}

// Absolute URL → { module: Promise<WebAssembly.Module>, quiet }: every chunk
// is compiled once, as soon as its bytes are in (the pack's while the main
// module starts, the others' when the browser is idle), so that opening a
// page only instantiates. `quiet` marks an idle prefetch, whose failure
// nobody is told of.
const compiled = new Map();

// Absolute URL → Promise of its module compiled from a pack (undefined when
// the pack did not hold it), until compile() takes it.
const fromPack = new Map();

// The chunks asked for whose pack is looked for a microtask later: the
// split loader asks for all the files of a page in one go, its own file
// last, and that is when the page's pack is asked for.
const lookingForPack = new Set();

// Each page's files, pack and landing module, and the page of each page's own file (boot.js, from the build).
let pages = {};
let packs = {};
let landings = {};
const pageOfOwnFile = new Map();
const packsAsked = new Set();

const absolute = (url) => new URL(url, location.href).href;

// Learns the build's chunks of pages: each page's files (its own last), pack and landing module.
export function knowPages(build) {
  pages = build.pages;
  packs = build.packs;
  landings = build.landings;
  for (const [page, files] of Object.entries(pages)) {
    if (files.length) pageOfOwnFile.set(absolute(files[files.length - 1]), page);
  }
}

// Fetches the one file that holds all the chunks of `page`, once, and
// compiles them as soon as it is in: for a page opened before the idle
// prefetch fetched its chunks (one request instead of one a chunk: 32 for
// Settings, over 130-190 ms on loopback).
function loadPack(page) {
  if (!packs[page] || packsAsked.has(page)) return;
  packsAsked.add(page);
  const chunks = fetchRetrying(absolute(packs[page]), (response) => response.arrayBuffer())
    .then((buffer) => {
      const indexLength = new DataView(buffer).getUint32(0, true);
      const index = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, indexLength)));
      const found = new Map();
      let offset = 4 + indexLength;
      for (const [chunkUrl, length] of index) {
        found.set(absolute(chunkUrl), new Uint8Array(buffer, offset, length));
        offset += length;
      }
      return found;
    })
    .catch(() => new Map()); // a broken pack: its chunks are fetched one by one
  // Only what is not compiled or coming already (a prefetch that fails fetches again).
  const wanted = pages[page].map(absolute).filter((url) => !compiled.has(url) || lookingForPack.has(url));
  for (const url of wanted) {
    fromPack.set(
      url,
      chunks.then((found) => found.has(url) && WebAssembly.compile(found.get(url))).catch(() => undefined),
    );
  }
  wanted.forEach(compiledChunk);
}

// Loads the first page of a visit from its landing module, the page's
// chunks merged into one: one module to compile and instantiate instead of
// up to 200 (each compiled on its own: 13-33 ms for the 130 of
// /containers). Each of the page's files answers with that module, which
// instantiateChunk instantiates once. Only before anything is loaded: a
// module in it that another page had loaded would run its set-up twice.
// `asked`: the fetch of it that boot.js started at once.
export function loadLanding(page, asked) {
  if (compiled.size) return loadPack(page);
  const module = fetchRetrying(absolute(landings[page]), (response) => WebAssembly.compileStreaming(response), asked);
  for (const file of pages[page]) compiled.set(absolute(file), { module, quiet: false });
}

// A chunk's module: from a pack when one holds it, else from the network
// with retries (compiled as it streams in). Never rejects.
function compile(url) {
  const download = () => fetchRetrying(url, (response) => WebAssembly.compileStreaming(response));
  lookingForPack.add(url);
  return Promise.resolve().then(() => {
    lookingForPack.delete(url);
    const packed = fromPack.get(url);
    fromPack.delete(url);
    return packed ? packed.then((module) => module || download()) : download();
  });
}

// What the split loader asks for instead of fetching a chunk (the build
// patches it in): its compiled module, once.
export function compiledChunk(url) {
  const key = absolute(url);
  // A page whose chunks are not in yet: they come in its pack (which asks for each of them here).
  if (!compiled.has(key) && pageOfOwnFile.has(key)) loadPack(pageOfOwnFile.get(key));
  const entry = compiled.get(key);
  if (entry && !entry.quiet) return entry.module;
  // An idle prefetch in flight is taken over: if it fails, fetch again, with retries.
  const module = entry ? entry.module.catch(() => compile(key)) : compile(key);
  module.catch(() => compiled.delete(key));
  compiled.set(key, { module, quiet: false });
  return module;
}

// Module (its promise, from compiledChunk) → Promise of its instance: a
// module is instantiated once, even when several files answer with it (a
// landing module).
const instances = new WeakMap();

// What the split loader calls instead of instantiateStreaming.
export function instantiateChunk(module, imports) {
  if (!instances.has(module)) {
    instances.set(module, module.then((compiledModule) => WebAssembly.instantiate(compiledModule, imports)));
  }
  return instances.get(module);
}

const idle = (run) => (globalThis.requestIdleCallback || ((then) => setTimeout(then, 200)))(run);

// How many chunks the idle prefetch fetches at once: with one at a time the
// whole app took ~7 s to be in; a host's other connections stay free.
const PREFETCH_LANES = 3;

// Fetches and compiles the other pages' chunks while nothing else needs the
// network or the processor, a few at a time, so that opening another page
// downloads and compiles nothing. Failures are silent: the page's own load
// retries when it is opened. Resolves to whether every chunk is in.
export function prefetchWhenIdle(urls) {
  return new Promise((done) => {
    let allIn = true;
    let lanes = PREFETCH_LANES;
    const next = () => {
      const url = urls.shift();
      if (url === undefined) {
        lanes -= 1;
        if (lanes === 0) done(allIn);
        return;
      }
      const key = absolute(url);
      if (compiled.has(key)) {
        idle(next);
        return;
      }
      const module = fetch(key, { priority: 'low' }).then((response) =>
        response.ok ? WebAssembly.compileStreaming(response) : Promise.reject(new Error(response.status)),
      );
      compiled.set(key, { module, quiet: true });
      module
        .catch(() => {
          allIn = false;
          if (compiled.get(key)?.module === module) compiled.delete(key);
        })
        .finally(() => idle(next));
    };
    for (let lane = 0; lane < PREFETCH_LANES; lane++) idle(next);
  });
}

// Instantiates the chunks (`loads`: the split loader's, each memoised) one at
// a time while the browser is idle, once they are all compiled: opening
// another page then only renders it. Resolves when all are done.
export function instantiateWhenIdle(loads) {
  return new Promise((done) => {
    const next = () => {
      const load = loads.shift();
      if (load === undefined) done();
      else load().catch(() => {}).finally(() => idle(next));
    };
    idle(next);
  });
}
