#!/usr/bin/env python3
"""Trunk's post_build hook: builds the console's wasm split into chunks of pages.

Trunk cannot split a wasm (trunk-rs/trunk#1022), so index.html's rust link is
`data-trunk-skip` and this hook does the rust part into TRUNK_STAGING_DIR:

1. cargo build of the `console` bin for wasm32 (`.cargo/config.toml` adds
   `--emit-relocs`, which the splitter needs);
2. wasm-split-cli (`wasm_split_cli_support`, pinned in .ci/setup): the main
   module, one `split_*.wasm` per chunk of pages (src/routes.rs) or lazy part,
   `chunk_*.wasm` for code that several of them share, and the loader
   `__wasm_split.js`;
3. wasm-bindgen on the main module, then wasm-opt on every module (release);
4. content-hashed names (a host serves them `immutable`), the loader patched to
   fetch and compile through src/js/chunk_fetch.js (compiled once, as soon as
   the bytes are in; retries, and the app told of failures);
5. for each chunk of pages, its modules merged into one (`landing_*.wasm`,
   binaryen's wasm-merge), which the first page of a visit loads instead:
   one module to compile and instantiate instead of up to 200;
6. src/js/boot.js filled with the main module and the landing modules, the
   rest of the table (each chunk's files, its pack, the on-demand parts) a
   module of its own, and index.html given its scripts and preloads (the CSP
   allows no inline script); the scripts and the stylesheet minified by
   esbuild (release);
7. `.gz` (zopfli) and `.br` copies of every file, for hosts that serve them precompressed.
"""

import base64
import concurrent.futures
import gzip
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
STAGE = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
RELEASE = os.environ.get("TRUNK_PROFILE", "debug") == "release"
PUBLIC = os.environ.get("TRUNK_PUBLIC_URL", "/")
# What the wasm uses beyond the MVP; wasm-opt must be told.
WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int"]


def fail(message):
    # A hook that goes on after a surprise would ship a page that cannot start: stop the build.
    sys.exit("build_split: " + message)


def run(*args):
    subprocess.run(args, check=True, cwd=ROOT)


def optimised(path):
    """`path` through wasm-opt -Oz, in place."""
    run("wasm-opt", "-Oz", *WASM_FEATURES, str(path), "-o", str(path))


def minified(text, loader):
    """A script (`loader` "js") or stylesheet ("css") through esbuild --minify
    (pinned in .ci/setup); as it is in a debug build. On the first download
    of /containers: console.js 70,563 -> 32,757 B (gzip 11,284 -> 8,877),
    chunk_fetch.js gzip 3,717 -> 1,361, the split loader 8,086 -> 7,326,
    boot.js 7,487 -> 6,638, the CSS 3,817 -> 3,353: 6.8 KB gzip, and half the
    JS to parse."""
    if not RELEASE:
        return text
    return subprocess.run(["esbuild", "--minify", "--log-level=error", "--loader=" + loader], input=text,
                          check=True, cwd=ROOT, stdout=subprocess.PIPE, text=True).stdout


def short_hash(*parts):
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.hexdigest()[:16]


def leb(data, i):
    """An unsigned LEB128 at `i`: (value, index after it)."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def to_leb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def wasm_name(text):
    return to_leb(len(text)) + text


def sections(data):
    """A module's sections: [(id, body)]."""
    out, i = [], 8
    while i < len(data):
        section_id = data[i]
        size, start = leb(data, i + 1)
        out.append((section_id, data[start:start + size]))
        i = start + size
    return out


def module_of(sections_):
    return b"\0asm\1\0\0\0" + b"".join(bytes([sid]) + to_leb(len(body)) + body for sid, body in sections_)


def strip_custom_sections(path):
    """Drops a module's custom sections. The splitter copies the names and
    wasm-bindgen's metadata (`__wasm_bindgen_unstable`, which only
    wasm-bindgen reads and removes) into every chunk: on the first build
    that was 2.8 MB of names and 0.65 MB of metadata over 230 chunks."""
    path.write_bytes(module_of([(sid, body) for sid, body in sections(path.read_bytes()) if sid != 0]))


def cargo_build():
    """Builds the console bin and returns the path of its wasm."""
    command = ["cargo", "build", "--target", "wasm32-unknown-unknown", "--bin", "console", "--features", "split",
               "--message-format=json-render-diagnostics"]
    if RELEASE:
        command.append("--release")
    out = subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.PIPE, text=True).stdout
    for line in out.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "console" \
                and "bin" in message["target"]["kind"]:
            for name in message["filenames"]:
                if name.endswith(".wasm"):
                    return pathlib.Path(name)
    fail("cargo built no console.wasm")


def loader_pages(loader):
    """Each split's files (its shared modules, then its own), from the loader: `export const __wasm_split_load_<name> =
    wrapAsyncCb(makeLoad(<fetch of ./split_<name>.wasm>, [<shared chunk variables>]))`."""
    chunk_files = dict(re.findall(r'const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = compiledChunk\(new URL\("\./([^"]+)"', loader))
    pages = {}
    loaders = re.findall(r'export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\((.*?),\s*\[([^\]]*)\]\)\);',
                         loader, re.S)
    for name, body, deps in loaders:
        own = re.search(r'new URL\("\./([^"]+)"', body)
        files = [chunk_files[var.strip()] for var in deps.split(",") if var.strip()]
        if own:
            files.append(own.group(1))
        pages[name] = files
    if not pages:
        fail("no page loader found in __wasm_split.js (has wasm-split-cli changed?)")
    return pages


FETCHER = re.compile(
    r'makeLoad\(\(\) => \{\s*const src = compiledChunk\(new URL\(("\./[^"]+")\, import\.meta\.url\)\);\s*'
    r'src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(instantiateChunk\(src, imports\)\);\s*\}\s*,')


def compact_loader(loader):
    """The split loader without what the browser does not need: the comment
    naming the users of each shared module, and the same fetch closure
    written out for each of the ~300 modules (now one `fetched(file)`).
    133,734 B of JS to parse before the first page became 36,585 (gzip
    9,905 -> 8,104 B, brotli 7,470 -> 5,753)."""
    loads = loader.count("makeLoad(") - 1  # one is the definition
    loader = re.sub(r"^/\* [^*]* \*/\n", "", loader, flags=re.M)
    loader, fetchers = FETCHER.subn(r"makeLoad(fetched(\1),", loader)
    if fetchers != loads or fetchers == 0:
        fail("the split loader's %d loads are not all fetches of one module (has wasm-split-cli changed?)" % loads)
    fetched = (
        "// A module's load: fetched and compiled at once, instantiated when its dependencies are.\n"
        "const fetched = (file) => () => {\n"
        "    const src = compiledChunk(new URL(file, import.meta.url));\n"
        "    src.catch(() => {});\n"
        "    return async (imports) => instantiateChunk(src, imports);\n"
        "};\n")
    if re.search(r"\bc\d+\b", loader):
        fail("the split loader already has names like c1")
    # `__chunk_12` -> `c12`: each split lists the shared modules it needs.
    loader = re.sub(r"\b__chunk_(\d+)\b", r"c\1", loader)
    return loader.replace("function makeLoad(", fetched + "function makeLoad(", 1)


def with_stylesheet(html, path, text):
    """Writes `text` as the stylesheet `path` that Trunk wrote, and the page's
    link to it with the integrity of the new text."""
    path.write_text(text)
    link = re.search(r'<link rel="stylesheet" href="[^"]*%s" integrity="(sha384-[^"]+)"' % re.escape(path.name), html)
    if not link:
        fail("index.html has no link with integrity to %s (has Trunk changed?)" % path.name)
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(text.encode()).digest()).decode()
    return html.replace(link.group(1), integrity, 1)


def drop_live_reload(html):
    """Removes the live-reload script that `trunk serve` adds inline: the
    page's CSP allows no inline script, and as a file it cannot work (Trunk
    fills its address in only inside the page). `trunk serve` still rebuilds
    on every change; reload the page to see it."""
    html = re.sub(r"<script[^>]*>(?:(?!</script>).)*\.well-known/trunk/ws(?:(?!</script>).)*</script>", "", html,
                  flags=re.S)
    inline = [m.group(0) for m in re.finditer(r"<script\b[^>]*>", html) if not re.search(r"\bsrc=", m.group(0))]
    if inline:
        fail("an inline script is left, which the CSP would block: %s" % inline)
    return html


def write_packs(pages):
    """One file per page chunk holding it and the shared modules it needs, for
    a page opened before the idle prefetch got to it (the first page of a
    visit has its landing module): one request instead of dozens
    (src/js/chunk_fetch.js). The idle
    prefetch fetches the modules themselves, so nothing shared is downloaded twice.
    Layout: a 4-byte little-endian length, a JSON list of [url, length], then
    the chunks' bytes in that order."""
    packs = {}
    for page, urls in pages.items():
        blobs = [(STAGE / url[len(PUBLIC):]).read_bytes() for url in urls]
        index = json.dumps([[url, len(blob)] for url, blob in zip(urls, blobs)]).encode()
        body = len(index).to_bytes(4, "little") + index + b"".join(blobs)
        name = "pages_%s-%s.bin" % (page, short_hash(body))
        (STAGE / name).write_bytes(body)
        packs[page] = PUBLIC + name
    return packs


def imports_of(data):
    """A module's imports: [(module, field, kind, description bytes)]."""
    for section_id, body in sections(data):
        if section_id != 2:
            continue
        count, i = leb(body, 0)
        found = []
        for _ in range(count):
            length, i = leb(body, i)
            module, i = body[i:i + length], i + length
            length, i = leb(body, i)
            field, i = body[i:i + length], i + length
            kind, start = body[i], i + 1
            if kind == 1:  # table: element type, then limits
                i = start + 1
            else:
                i = start
            if kind in (1, 2):  # limits: flags, min, and max when flags say so
                flags = body[i]
                _, i = leb(body, i + 1)
                if flags & 1:
                    _, i = leb(body, i)
            elif kind == 3:  # global: value type, mutability
                i = start + 2
            else:
                fail("a chunk imports a function (%r): the merge cannot link it" % field)
            found.append((module, field, kind, body[start:i]))
        return found
    return []


def merged_module(paths, work_dir):
    """The modules at `paths` as one (binaryen's wasm-merge). The split's
    modules share nothing but what they import from `__wasm_split` (the main
    module's memory, its function table and the stack pointer) and call each
    other through that table; instantiating the merged module fills the
    table and the memory as instantiating each one would. wasm-merge links
    an import to an input of the same name: a first module named
    `__wasm_split` re-exports those imports, then the merged module's
    imports take their name back and its exports (unused) are dropped."""
    outer = b"__wasm_split_outer"
    wanted = {}
    for path in paths:
        for module, field, kind, description in imports_of(path.read_bytes()):
            if module != b"__wasm_split" or wanted.get(field, (kind, description)) != (kind, description):
                fail("%s imports %r from %r unlike the other chunks" % (path.name, field, module))
            wanted[field] = (kind, description)
    fields = sorted(wanted.items())
    imports = to_leb(len(fields)) + b"".join(
        wasm_name(outer) + wasm_name(field) + bytes([kind]) + description for field, (kind, description) in fields)
    # Each import is the next index of its kind (two globals: the stack pointer, and the splitter's canary
    # in a debug build).
    exports, of_kind = to_leb(len(fields)), {}
    for field, (kind, _) in fields:
        exports += wasm_name(field) + bytes([kind]) + to_leb(of_kind.get(kind, 0))
        of_kind[kind] = of_kind.get(kind, 0) + 1
    provider = work_dir / "provider.wasm"
    provider.write_bytes(module_of([(2, imports), (7, exports)]))
    out = work_dir / "merged.wasm"
    inputs = [str(provider), "__wasm_split"]
    for n, path in enumerate(paths):
        inputs += [str(path), "m%d" % n]
    run("wasm-merge", *inputs, *WASM_FEATURES, "-o", str(out))
    kept = []
    for section_id, body in sections(out.read_bytes()):
        if section_id == 2:
            if body.count(wasm_name(outer)) != len(fields):
                fail("wasm-merge left imports that are not the shared ones")
            body = body.replace(wasm_name(outer), wasm_name(b"__wasm_split"))
        if section_id not in (0, 7):
            kept.append((section_id, body))
    out.write_bytes(module_of(kept))
    if RELEASE:
        # Again once merged: wasm-opt now sees across the chunks (identical
        # functions, wrappers to inline). landing_container_list, measured
        # before the chunks had -Oz: 171,648 B gzip merged, 159,254 after this.
        optimised(out)
    return out.read_bytes()


def write_landings(pages):
    """For each chunk of pages, its modules merged into one: the first page
    of a visit loads that instead of its pack (src/js/chunk_fetch.js
    `loadLanding`). Nothing is instantiated before it, so no module of it
    can be instantiated twice; a page opened later takes its modules one by
    one or from its pack, as they may be shared with what is loaded."""
    def land(page):
        work_dir = STAGE / ".split" / ("landing_" + page)
        work_dir.mkdir()
        body = merged_module([STAGE / url[len(PUBLIC):] for url in pages[page]], work_dir)
        name = "landing_%s-%s.wasm" % (page, short_hash(body))
        (STAGE / name).write_bytes(body)
        return page, PUBLIC + name
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count()) as pool:
        return dict(pool.map(land, sorted(pages)))


# The chunks of pages (src/routes.rs `lazy_pages!`), as the splitter names them.
PAGE_CHUNKS = ("overview", "namespace_list", "container_list", "domain_list", "trigger_list", "details", "forms", "settings")


def main():
    work = STAGE / ".split"
    shutil.rmtree(work, ignore_errors=True)
    (work / "bindgen").mkdir(parents=True)

    wasm = cargo_build()
    run("wasm-split-cli", "--target", "web", "--out-name", "console", str(wasm), str(work))
    run("wasm-bindgen", "--target", "web", "--keep-lld-exports", "--no-demangle",
        "--out-dir", str(work / "bindgen"), "--out-name", "console", str(work / "console.wasm"))
    modules = sorted(work.glob("split_*.wasm")) + sorted(work.glob("chunk_*.wasm"))
    main_wasm = work / "bindgen" / "console_bg.wasm"
    for module in modules:
        strip_custom_sections(module)
    if RELEASE:
        # One wasm-opt per module (it takes one at a time), as many at once as there are cores.
        # -Oz on the chunks too: 2-4 % less gzip (split_details 67,719 -> 65,506 B),
        # besides dropping the padding that --emit-relocs adds.
        with concurrent.futures.ThreadPoolExecutor(os.cpu_count()) as pool:
            for job in [pool.submit(optimised, m) for m in [main_wasm] + modules]:
                job.result()

    # Every wasm gets a name from its own content: a chunk that did not change
    # keeps its name, and the browser's cache, across deploys.
    renamed = {}
    for module in modules + [main_wasm]:
        data = module.read_bytes()
        stem = "console" if module == main_wasm else module.stem
        name = "%s-%s%s.wasm" % (stem, short_hash(data), "_bg" if module == main_wasm else "")
        (STAGE / name).write_bytes(data)
        renamed[module.name] = name

    loader = (work / "__wasm_split.js").read_text()
    console_js = (work / "bindgen" / "console.js").read_text()
    chunk_fetch = (ROOT / "src/js/chunk_fetch.js").read_text()
    boot = (ROOT / "src/js/boot.js").read_text()
    if "fetch(new URL(" not in loader or 'from "./console.js"' not in loader \
            or "WebAssembly.instantiateStreaming(src, imports)" not in loader \
            or "function wrapAsyncCb(callee) {" not in loader:
        fail("__wasm_split.js does not look as expected (has wasm-split-cli changed?)")

    # The scripts import each other (the loader needs the main module's
    # exports, the main module the loaders): they share one name hash, of
    # everything the build made and of this script, which rewrites them (a
    # new rewrite must not keep an old name).
    build_hash = short_hash(*(f.encode() for f in sorted(renamed.values())),
                            loader.encode(), console_js.encode(), chunk_fetch.encode(), boot.encode(),
                            pathlib.Path(__file__).read_bytes())
    names = {key: "%s-%s.js" % (key, build_hash)
             for key in ("console", "split_loader", "chunk_fetch", "boot", "build_table")}

    # Every split's load, also callable without the app asking (boot.js
    # instantiates the pages' chunks ahead, when the browser is idle).
    loader = loader.replace("function wrapAsyncCb(callee) {",
                            "export const loads = [];\nfunction wrapAsyncCb(callee) {\n    loads.push(callee);", 1)
    loader = loader.replace("fetch(new URL(", "compiledChunk(new URL(")
    loader = loader.replace("WebAssembly.instantiateStreaming(src, imports)", "instantiateChunk(src, imports)")
    loader = loader.replace('from "./console.js"', 'from "./%s"' % names["console"])
    loader = 'import { compiledChunk, instantiateChunk } from "./%s";\n' % names["chunk_fetch"] + loader
    for old, new in renamed.items():
        loader = loader.replace('"./%s"' % old, '"./%s"' % new)
    pages, on_demand, splits = {}, set(), loader_pages(loader)
    for split, files in splits.items():
        if split in PAGE_CHUNKS:
            pages[split] = [PUBLIC + f for f in files]
        else:
            # A part a page shows only on demand (`#[lazy]`, such as the cron preview).
            on_demand.update(PUBLIC + f for f in files)
    if sorted(pages) != sorted(PAGE_CHUNKS):
        fail("the page chunks were not recognised: %s" % sorted(splits))

    # Only the JS imports move; the keys of the wasm's import object keep the
    # module name the wasm asks for.
    if 'from "./__wasm_split.js"' not in console_js:
        fail("console.js does not import the split loader (has wasm-bindgen changed?)")
    console_js = console_js.replace('from "./__wasm_split.js"', 'from "./%s"' % names["split_loader"])

    # What boot.js needs before anything else: the main module and the page's
    # landing module (boot.js 994 B gzip). With the rest of the table in it,
    # it was 5,861 B, and on the benchmark's 4G link it asked for the landing
    # module 155-236 ms after the HTML came in; now 117-182 ms.
    first = {"mainWasm": PUBLIC + renamed["console_bg.wasm"], "landings": write_landings(pages)}
    table = {"pages": pages, "packs": write_packs(pages), "onDemand": sorted(on_demand)}
    boot = boot.replace("'__MAIN_JS__'", "'./%s'" % names["console"]) \
               .replace("'__SPLIT_LOADER_JS__'", "'./%s'" % names["split_loader"]) \
               .replace("'__CHUNK_FETCH_JS__'", "'./%s'" % names["chunk_fetch"]) \
               .replace("'__BUILD_TABLE_JS__'", "'./%s'" % names["build_table"])
    # Minified before the tables go in, which so stay JSON (the benchmark reads them).
    boot = minified(boot, "js").replace("__FIRST__", json.dumps(first, separators=(",", ":"), sort_keys=True))
    build_table = "export default %s;\n" % json.dumps(table, separators=(",", ":"), sort_keys=True)
    left = [p for p in ("__MAIN_JS__", "__SPLIT_LOADER_JS__", "__CHUNK_FETCH_JS__", "__BUILD_TABLE_JS__", "__FIRST__")
            if p in boot]
    if left:
        fail("boot.js still has the placeholders %s" % left)

    loader = compact_loader(loader)
    for key, text in (("console", minified(console_js, "js")), ("split_loader", minified(loader, "js")),
                      ("chunk_fetch", minified(chunk_fetch, "js")), ("boot", boot), ("build_table", build_table)):
        (STAGE / names[key]).write_text(text)
    snippets = work / "bindgen" / "snippets"
    if snippets.exists():
        shutil.copytree(snippets, STAGE / "snippets", dirs_exist_ok=True)

    html = (STAGE / "index.html").read_text()
    for stylesheet in STAGE.glob("*.css") if RELEASE else []:
        html = with_stylesheet(html, stylesheet, minified(stylesheet.read_text(), "css"))
    # boot.js first and async: it asks for the landing module as soon as it
    # is in, without waiting for the stylesheet or the other scripts.
    head = "\n".join([
        '<script type="module" async src="%s%s"></script>' % (PUBLIC, names["boot"]),
        '<link rel="preload" href="%s" as="fetch" type="application/wasm" crossorigin="anonymous" />'
        % first["mainWasm"],
        *('<link rel="modulepreload" href="%s%s" />' % (PUBLIC, names[key])
          for key in ("console", "chunk_fetch", "split_loader", "build_table")),
    ])
    # Trunk keeps the skipped rust link in the page: it has no use there.
    html = re.sub(r'\s*<link data-trunk[^>]*rel="rust"[^>]*>', "", html)
    if "</head>" not in html:
        fail("index.html has no </head>")
    html = html.replace("</head>", head + "\n</head>", 1)
    html = drop_live_reload(html)
    (STAGE / "index.html").write_text(html)
    shutil.rmtree(work)
    precompress()


def precompress():
    """`.gz` and `.br` copies for hosts that serve them (the emulator's --static,
    nginx gzip_static/brotli_static, Caddy's precompressed), one file per core."""
    files = [path for path in STAGE.iterdir() if path.suffix in (".wasm", ".bin", ".js", ".css", ".html")]
    with concurrent.futures.ProcessPoolExecutor(os.cpu_count()) as pool:
        for missing in set().union(*pool.map(packed, files)):
            print("build_split: no %s module for python3 (.ci/setup installs it): %s" % missing)


def gzipped(data):
    """`data` as gzip: zopfli's in a release (the same format, 5 % smaller on
    the wasm and 17 % on the split loader than gzip -9, and 35 times slower),
    else gzip -9. Also says whether zopfli was wanted and missing."""
    if RELEASE:
        try:
            import zopfli.gzip
            return zopfli.gzip.compress(data), False
        except ImportError:
            return gzip.compress(data, 9, mtime=0), True
    return gzip.compress(data, 9, mtime=0), False


def packed(path):
    """Writes `path`'s compressed copies; says which compressor modules are missing."""
    data, missing = path.read_bytes(), set()
    gz, no_zopfli = gzipped(data)
    bodies = {".gz": gz}
    if no_zopfli:
        missing.add(("zopfli", "gzip -9 instead"))
    try:
        import brotli
        bodies[".br"] = brotli.compress(data, quality=11)
    except ImportError:
        missing.add(("brotli", "no .br copies"))
    for ext, body in bodies.items():
        if len(body) < len(data):
            path.with_name(path.name + ext).write_bytes(body)
    return missing


if __name__ == "__main__":
    main()
