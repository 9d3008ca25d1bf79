//! Accessibility: axe-core's WCAG 2.1 A and AA rules run in the page.

use super::Browser;
use serde_json::json;
use std::path::PathBuf;

impl Browser {
    /// Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is and
    /// fails with the violations found, naming `page`.
    pub fn assert_accessible(&self, page: &str) {
        // WebDriver scripts are not subject to the page's CSP, so axe can be
        // injected into a page that allows no inline script.
        let loaded = self.eval(
            &format!("{}\n;return typeof window.axe;", axe_source()),
            json!([]),
        );
        assert_eq!(loaded, json!("object"), "axe-core did not load");
        let violations = self.eval_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
               .then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ` +
                   v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
               .catch(e => done(['axe failed: ' + e]));",
            json!([]),
        );
        assert_eq!(violations, json!([]), "accessibility of {page}");
    }
}

/// axe-core's script: `AXE_CORE_JS`, default where `.ci/setup` installs it
/// (npm `axe-core`, in the tools folder).
fn axe_source() -> &'static str {
    static SOURCE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = std::env::var_os("AXE_CORE_JS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                let tools = std::env::var_os("CONSOLE_TOOLS_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| {
                        std::env::var_os("XDG_CACHE_HOME")
                            .map(PathBuf::from)
                            .unwrap_or_else(|| {
                                PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                                    .join(".cache")
                            })
                            .join("sc-console-tools")
                    });
                tools.join("axe/node_modules/axe-core/axe.min.js")
            });
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "no axe-core at {} ({e}) — run .ci/setup, or set AXE_CORE_JS",
                path.display()
            )
        })
    })
}
