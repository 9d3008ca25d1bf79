// Starts the console. The build (.ci/build_split.py) writes BUILD: the main
// module, for each page the wasm files it needs (its chunk and the shared
// chunks it depends on) and the pack that holds them all, and the files of
// the parts that pages show on demand. The page being
// opened has its pack requested at once, in parallel with the main wasm; the
// other pages' files are fetched when the browser is idle after the first API
// answer.
import init from '__MAIN_JS__';
import { loadPack, prefetchWhenIdle } from '__CHUNK_FETCH_JS__';

const BUILD = __BUILD__;

// The page a path opens: the same table as src/routes.rs (`/` opens the
// namespaces). An unknown path loads no page chunk.
function pageOf(path) {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return 'NamespaceList';
  const kind = { namespaces: 'Namespace', containers: 'Container', domains: 'Domain', triggers: 'Trigger' }[parts[0]];
  if (parts[0] === 'settings' && parts.length === 1) return 'Settings';
  if (!kind) return undefined;
  if (parts.length === 1) return `${kind}List`;
  if (parts.length === 2) return parts[1] === 'new' ? `${kind}Create` : `${kind}Detail`;
  if (parts.length === 3 && parts[2] === 'edit') return `${kind}Edit`;
  return undefined;
}

const page = pageOf(location.pathname);
const landing = BUILD.pages[page] || [];
if (BUILD.packs[page]) loadPack(BUILD.packs[page]);

const exports = await init({ module_or_path: BUILD.mainWasm });
// Trunk's loader sends this event; the benchmark and tools read the instance from it.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: exports } }));

const rest = [...new Set([...Object.values(BUILD.pages).flat(), ...BUILD.onDemand])].filter(
  (file) => !landing.includes(file),
);
let started = false;
const prefetchRest = () => {
  if (!started) {
    started = true;
    prefetchWhenIdle(rest);
  }
};
addEventListener('console-first-answer', prefetchRest, { once: true });
// A page that makes no API call (Settings, or no key yet) still gets the rest, later.
setTimeout(prefetchRest, 5000);
