// Fetches the wasm chunks of the console's pages (the split loader calls
// fetchChunk instead of fetch; the build patches it in). A chunk that cannot
// be fetched never kills the app: it is retried with backoff, then the app is
// told (the `console-chunk` event, shown by src/chunk_loader.rs) and the fetch
// waits for the user's Retry. A 404 means the chunk belongs to an older build
// that a deploy removed: the app offers a reload, and the fetch never settles.

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

// Fetches `url`, retrying as above; a 404 never settles (the app offers a reload).
async function fetchRetrying(url) {
  for (;;) {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(url);
        if (response.ok) {
          if (failureShown) {
            failureShown = false;
            tell('loaded', url);
          }
          return response;
        }
        if (response.status === 404 || response.status === 410) {
          tell('gone', url);
          return new Promise(() => {});
        }
      } catch {
        // No answer at all (offline, reset): the same as a 5xx, retried below.
      }
      if (attempt === BACKOFF_MS.length) break;
      await sleep(BACKOFF_MS[attempt]);
    }
    failureShown = true;
    tell('failed', url);
    await new Promise((resume) => waitingForRetry.push(resume));
  }
}

// The chunks of the page being opened, from its pack (.ci/build_split.py
// write_packs): absolute URL → bytes, taken out as the loader asks for them.
let packed = Promise.resolve(new Map());

const absolute = (url) => new URL(url, location.href).href;

// Asks at once, in parallel with the main wasm, for the one file that holds
// all the chunks of the page being opened.
export function loadPack(url) {
  packed = fetchRetrying(url)
    .then((response) => response.arrayBuffer())
    .then((buffer) => {
      const indexLength = new DataView(buffer).getUint32(0, true);
      const index = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, indexLength)));
      const chunks = new Map();
      let offset = 4 + indexLength;
      for (const [chunkUrl, length] of index) {
        chunks.set(absolute(chunkUrl), new Uint8Array(buffer, offset, length));
        offset += length;
      }
      return chunks;
    })
    .catch(() => new Map()); // a broken pack: the chunks are fetched one by one
}

// What the split loader calls instead of fetch: the chunk from the pack when
// it is there, else from the network with retries.
export async function fetchChunk(url) {
  const chunks = await packed;
  const bytes = chunks.get(absolute(url));
  if (bytes) {
    chunks.delete(absolute(url));
    return new Response(bytes, { headers: { 'content-type': 'application/wasm' } });
  }
  return fetchRetrying(url);
}

// Puts the other pages' chunks in the HTTP cache while nothing else needs the
// network, so that opening another page downloads nothing. Failures are
// silent: the page's own fetch retries when it is opened.
export function prefetchWhenIdle(urls) {
  const idle = globalThis.requestIdleCallback || ((run) => setTimeout(run, 200));
  const next = () => {
    const url = urls.shift();
    if (url === undefined) return;
    fetch(url, { priority: 'low' })
      .then((response) => response.arrayBuffer())
      .catch(() => {})
      .finally(() => idle(next));
  };
  idle(next);
}
