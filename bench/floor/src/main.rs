//! The hand-written page's list (`bench/baseline.js`) as a minimal Leptos
//! app: the same call, the same cells.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_query_map;
use leptos_router::path;
use serde::Deserialize;

#[derive(Deserialize, Clone)]
struct Container {
    id: String,
    name: String,
    namespace_id: String,
    status: String,
    image: String,
    public_endpoint: String,
    min_scale: u32,
    max_scale: u32,
    memory_limit_bytes: u64,
    mvcpu_limit: u32,
}

#[derive(Deserialize, Clone)]
struct Page {
    containers: Vec<Container>,
}

async fn read(size: String, namespace: Option<String>) -> Result<Page, String> {
    let key = window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item("scc.secret_key").ok().flatten())
        .unwrap_or_default();
    let owner = namespace
        .map(|n| format!("&namespace_id={n}"))
        .unwrap_or_default();
    let url = format!(
        "/containers/v1/regions/fr-par/containers?page=1&page_size={size}&order_by=created_at_desc{owner}"
    );
    let response = gloo_net::http::Request::get(&url)
        .header("X-Auth-Token", &key)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let bytes = response.binary().await.map_err(|e| e.to_string())?;
    serde_json::from_slice(&bytes).map_err(|e| e.to_string())
}

#[component]
fn List() -> impl IntoView {
    let query = use_query_map();
    let page = LocalResource::new(move || {
        let q = query.get();
        read(
            q.get("page_size").unwrap_or_else(|| "20".into()),
            q.get("namespace_id"),
        )
    });
    let rows = move || match page.get() {
        Some(Ok(page)) => page.containers,
        _ => Vec::new(),
    };
    view! {
        <h1>"Containers"</h1>
        <table class="resource-table">
            <thead><tr>
                <th>"Name"</th><th>"Namespace"</th><th>"Status"</th><th>"Image"</th>
                <th>"Endpoint"</th><th>"Scale"</th><th>"Memory"</th><th>"CPU"</th>
            </tr></thead>
            <tbody>
                <For each=rows key=|c| c.id.clone() let:c>
                    <tr>
                        <td>{c.name}</td><td>{c.namespace_id}</td><td>{c.status}</td>
                        <td>{c.image}</td><td>{c.public_endpoint}</td>
                        <td>{format!("{}–{}", c.min_scale, c.max_scale)}</td>
                        <td>{format!("{} MB", (c.memory_limit_bytes as f64 / 1e6).round())}</td>
                        <td>{format!("{} vCPU", f64::from(c.mvcpu_limit) / 1000.0)}</td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/floor.html") view=List/>
                </Routes>
            </Router>
        }
    })
}
