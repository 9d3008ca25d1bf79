//! The demo data of `--demo-data`: created through the API's own rules.

use crate::{api, Shared};

/// Fills the store with several namespaces, containers in each status,
/// domains, and triggers of each source type, through the API's own rules.
pub fn demo_data(app: &Shared, project_id: &str) {
    use serde_json::json;
    let now = app.clock.now_ms();
    let mut s = app.store.lock().unwrap_or_else(|e| e.into_inner());
    let map = |v: serde_json::Value| v.as_object().cloned().unwrap_or_default();
    let mut ids = Vec::new();
    for (name, description) in [
        ("web-frontends", "Public sites"),
        ("data-jobs", "Batch and event processing"),
        ("staging", ""),
    ] {
        let ns = api::create_namespace(&mut s, "fr-par", &map(json!({"project_id": project_id, "name": name,
            "description": description, "environment_variables": {"LOG_LEVEL": "info"},
            "secret_environment_variables": {"DATABASE_URL": "postgres://demo"}, "tags": ["demo"]})), now)
            .expect("demo namespace");
        ids.push(ns["id"].as_str().unwrap_or_default().to_string());
    }
    let mirror = api::create_namespace(
        &mut s,
        "nl-ams",
        &map(json!({"project_id": project_id, "name": "eu-north-mirror"})),
        now,
    )
    .expect("demo namespace");
    // Settle the namespaces at once so containers can be created in them.
    s.settle(
        now.saturating_add(app.config.delays.create_ms),
        app.config.delays,
    );
    let containers = [
        (
            0,
            "shop",
            "nginx:1.29-alpine",
            80,
            json!({"concurrent_requests_threshold": 40}),
            json!({"failure_threshold": 5, "interval": "10s", "timeout": "2s", "http": {"path": "/healthz"}}),
        ),
        (
            0,
            "blog",
            "ghcr.io/demo/blog:2.3",
            8080,
            json!({"cpu_usage_threshold": 70}),
            json!({"failure_threshold": 30, "interval": "10s", "timeout": "1s", "tcp": {}}),
        ),
        (
            1,
            "resizer",
            "ghcr.io/demo/resizer:1.0",
            8080,
            json!({"memory_usage_threshold": 80}),
            json!({"failure_threshold": 30, "interval": "10s", "timeout": "1s", "tcp": {}}),
        ),
        (
            1,
            "broken-worker",
            "ghcr.io/demo/fail-on-start:0.1",
            8080,
            json!({"concurrent_requests_threshold": 50}),
            json!({"failure_threshold": 3, "interval": "5s", "timeout": "1s", "tcp": {}}),
        ),
        (
            2,
            "api-preview",
            "ghcr.io/demo/api:3.0-rc1",
            3000,
            json!({"concurrent_requests_threshold": 80}),
            json!({"failure_threshold": 30, "interval": "10s", "timeout": "1s", "tcp": {}}),
        ),
    ];
    let mut created = Vec::new();
    for (ns, name, image, port, scaling, probe) in containers {
        let c = api::create_container(&mut s, "fr-par", &map(json!({"namespace_id": ids[ns], "name": name, "image": image,
            "port": port, "scaling_option": scaling, "liveness_probe": probe, "max_scale": 10,
            "environment_variables": {"APP_ENV": "demo"}, "secret_environment_variables": {"API_KEY": "demo-secret"},
            "tags": ["demo"], "description": format!("Demo container {name}")})), now)
            .expect("demo container");
        created.push(c["id"].as_str().unwrap_or_default().to_string());
    }
    // In nl-ams, a container that fails for another reason (nginx:alpine has
    // no shell for a command), so the overview has something to explain in two regions.
    api::create_container(
        &mut s,
        "nl-ams",
        &map(json!({"namespace_id": mirror["id"], "name": "mirror-sync",
        "image": "nginx:alpine", "port": 80, "command": ["/bin/sh", "-c", "sync-mirror"],
        "description": "Demo container that cannot start"})),
        now,
    )
    .expect("demo container");
    api::create_container(
        &mut s,
        "nl-ams",
        &map(json!({"namespace_id": mirror["id"], "name": "mirror-web",
        "image": "nginx:1.29-alpine", "port": 80})),
        now,
    )
    .expect("demo container");
    s.settle(
        now.saturating_add(app.config.delays.create_ms),
        app.config.delays,
    );
    api::create_domain(
        &mut s,
        "fr-par",
        &map(json!({"container_id": created[0], "hostname": "shop.example.com"})),
        now,
    )
    .expect("demo domain");
    api::create_domain(
        &mut s,
        "fr-par",
        &map(json!({"container_id": created[1], "hostname": "blog.example.com", "tags": ["demo"]})),
        now,
    )
    .expect("demo domain");
    api::create_trigger(&mut s, "fr-par", &map(json!({"container_id": created[2], "name": "nightly-cleanup",
        "cron_config": {"schedule": "0 3 * * *", "timezone": "Europe/Paris", "body": "{\"mode\":\"full\"}", "headers": {"Content-Type": "application/json"}},
        "destination_config": {"http_path": "/cleanup", "http_method": "post"}})), now).expect("demo trigger");
    api::create_trigger(&mut s, "fr-par", &map(json!({"container_id": created[2], "name": "uploads-queue",
        "sqs_config": {"region": "fr-par", "endpoint": "https://sqs.mnq.fr-par.example", "access_key_id": "DEMOKEY",
                       "secret_access_key": "demo-secret", "queue_url": "https://sqs.mnq.fr-par.example/demo/uploads"}})), now).expect("demo trigger");
    api::create_trigger(&mut s, "fr-par", &map(json!({"container_id": created[2], "name": "orders-events",
        "nats_config": {"server_urls": ["nats://nats.mnq.fr-par.example:4222"], "subject": "orders.created",
                        "credentials_file_content": "demo-credentials"}})), now).expect("demo trigger");
    s.settle(
        now.saturating_add(app.config.delays.create_ms),
        app.config.delays,
    );
    // Two containers left in motion, so the demo shows statuses changing by themselves.
    api::create_container(
        &mut s,
        "fr-par",
        &map(json!({"namespace_id": ids[2], "name": "api-canary",
        "image": "ghcr.io/demo/api:3.0", "port": 3000})),
        now,
    )
    .expect("demo container");
    api::redeploy_container(&mut s, "fr-par", &created[1], now).expect("demo redeploy");
    if let Err(e) = app.persist(&s) {
        eprintln!("emulator: the demo data could not be saved to the state file: {e}");
    }
}
