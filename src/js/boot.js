// Starts the console. The build (.ci/build_split.py) writes FIRST: the main
// module and, for each chunk of pages (the overview, each list, details,
// forms, settings), its landing module, the page's chunks merged into one.
// The page being opened has its landing module requested at once, in
// parallel with the main wasm (which index.html preloads). The rest of the
// build's table (each chunk's wasm files, its pack, the parts that pages show
// on demand) is a module of its own, fetched in parallel: this script stays
// small, so that it arrives, and asks for the landing module, early. The
// other pages' files are fetched, compiled, then instantiated when the
// browser is idle after the first API answer.
// No static import: a module runs only once everything it imports is in,
// and the landing module must be asked for at once (the scripts come after).

const FIRST = __FIRST__;

// The chunk of the page a path opens: the same table as src/routes.rs. An
// unknown path loads no page chunk.
function chunkOf(path) {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return 'overview';
  if (parts[0] === 'settings' && parts.length === 1) return 'settings';
  if (!['namespaces', 'containers', 'domains', 'triggers'].includes(parts[0])) return undefined;
  if (parts.length === 1) return `${parts[0].slice(0, -1)}_list`;
  if (parts.length === 2) return parts[1] === 'new' ? 'forms' : 'details';
  if (parts.length === 3 && parts[2] === 'edit') return 'forms';
  return undefined;
}

const chunk = chunkOf(location.pathname);
const landingAsked = FIRST.landings[chunk] && fetch(FIRST.landings[chunk]);

const [{ default: init }, { knowPages, loadLanding, prefetchWhenIdle, instantiateWhenIdle }, { loads }, { default: TABLE }] =
  await Promise.all([
    import('__MAIN_JS__'),
    import('__CHUNK_FETCH_JS__'),
    import('__SPLIT_LOADER_JS__'),
    import('__BUILD_TABLE_JS__'),
  ]);
const BUILD = { ...TABLE, ...FIRST };
const landing = BUILD.pages[chunk] || [];
knowPages(BUILD);
if (landingAsked) loadLanding(chunk, landingAsked);

// The script is async (it need not wait for the stylesheet): the app mounts on a parsed page.
if (document.readyState === 'loading') {
  await new Promise((parsed) => addEventListener('DOMContentLoaded', parsed, { once: true }));
}
const exports = await init({ module_or_path: BUILD.mainWasm });
// Trunk's loader sends this event; the benchmark and tools read the instance from it.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: exports } }));
// The main module has run (tests compare the landing page's first read with it).
performance.mark('console-started');

const rest = [...new Set([...Object.values(BUILD.pages).flat(), ...BUILD.onDemand])].filter(
  (file) => !landing.includes(file),
);
let started = false;
const prefetchRest = () => {
  if (!started) {
    started = true;
    prefetchWhenIdle(rest)
      .then((allIn) => allIn && instantiateWhenIdle([...loads]).then(() => true))
      // Every page is ready to open at once (the benchmark and tests wait for it).
      .then((ready) => ready && performance.mark('console-pages-ready'));
  }
};
addEventListener('console-first-answer', prefetchRest, { once: true });
// A page that makes no API call (Settings, or no key yet) still gets the rest, later.
setTimeout(prefetchRest, 5000);
