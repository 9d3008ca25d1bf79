//! The trigger form and the cron tools.

use super::stubs::*;
use super::support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

#[wasm_bindgen_test]
async fn trigger_form_sends_only_the_chosen_source_and_shows_errors_on_its_fields() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    // Lists answer empty; the create answers a field error from the server.
    stub_fetch(
        400,
        r#"{"type":"invalid_arguments","message":"invalid argument(s)","details":[
            {"argument_name":"cron_config.timezone","reason":"format","help_message":"unknown time zone"}]}"#,
    );
    let (root, handle) = mount_at("/triggers/new?container_id=c-1");
    wait_for("the schedule field", || query(&root, "#cron_schedule")).await;

    // Nothing typed: every required field of the chosen source says so, nothing is sent.
    type_into(&query(&root, "#name").unwrap(), "");
    submit(&root);
    let message = wait_for("the schedule message", || {
        text_of(&root, "#cron_schedule-error")
    })
    .await;
    assert!(message.contains("Give a schedule"), "{message}");
    assert!(text_of(&root, "#name-error").is_some());
    assert!(
        sent("POST").is_empty(),
        "nothing sent before the fields are right"
    );

    // Fill NATS, then switch to cron: the NATS inputs stay in the form, not in the request.
    click(&root, "#source-nats-subject");
    let urls = wait_for("the NATS fields", || query(&root, "#nats_server_urls")).await;
    type_into(&urls, "nats://n1.example:4222");
    type_into(&query(&root, "#nats_subject").unwrap(), "orders.created");
    click(&root, "#source-schedule-cron");
    let schedule = wait_for("the cron fields again", || query(&root, "#cron_schedule")).await;
    type_into(&schedule, "0 9 * * 1-5");
    type_into(&query(&root, "#name").unwrap(), "weekday-report");
    submit(&root);
    wait_for("the server's field message", || {
        text_of(&root, "#cron_timezone-error").filter(|m| m.contains("unknown time zone"))
    })
    .await;
    let bodies = sent("POST");
    assert_eq!(bodies.len(), 1, "{bodies:?}");
    let body = &bodies[0];
    assert_eq!(body["container_id"], "c-1");
    assert_eq!(body["cron_config"]["schedule"], "0 9 * * 1-5");
    assert!(
        body.get("nats_config").is_none() && body.get("sqs_config").is_none(),
        "exactly one source: {body}"
    );
    assert_eq!(
        body["destination_config"],
        serde_json::json!({"http_path": "/", "http_method": "post"})
    );
    // Switching back finds the NATS inputs as typed.
    click(&root, "#source-nats-subject");
    let subject = wait_for("the NATS subject", || query(&root, "#nats_subject")).await;
    assert_eq!(
        subject.unchecked_into::<HtmlInputElement>().value(),
        "orders.created"
    );
    restore_fetch();
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn the_cron_reading_follows_the_schedule_as_it_is_typed() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    stub_fetch(200, r#"{"containers": [], "total_count": 0}"#);
    let (root, handle) = mount_at("/triggers/new");
    let schedule = wait_for("the schedule field", || query(&root, "#cron_schedule")).await;
    type_into(&schedule, "0 9 * * 1-5");
    let reading = wait_for("the reading", || {
        text_of(&root, ".cron-reading").filter(|t| t.contains("09:00"))
    })
    .await;
    assert_eq!(reading, "At 09:00, on Monday through Friday.");
    let runs = root.query_selector_all(".next-runs li").unwrap();
    assert_eq!(runs.length(), 5, "the next five runs");
    type_into(&schedule, "*/15 * * * *");
    wait_for("the new reading", || {
        text_of(&root, ".cron-reading").filter(|t| t == "Every 15 minutes, every day.")
    })
    .await;
    type_into(&schedule, "61 * * * *");
    let problem = wait_for("the problem, while typing", || {
        text_of(&root, ".cron-reading").filter(|t| t.starts_with("Not a schedule yet"))
    })
    .await;
    assert!(problem.contains("0 to 59"), "{problem}");
    assert!(query(&root, ".next-runs").is_none());
    restore_fetch();
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
fn browser_time_zones_follow_summer_time() {
    use console::forms::cron::parse;
    use console::time::Zone;
    use console::time::{time_zones, BrowserZone};
    let paris = BrowserZone::new("Europe/Paris").expect("the browser knows Paris");
    let at = |iso: &str| js_sys::Date::parse(iso) as i64;
    assert_eq!(paris.offset_minutes(at("2026-01-15T12:00:00Z")), 60);
    assert_eq!(paris.offset_minutes(at("2026-07-15T12:00:00Z")), 120);
    assert!(BrowserZone::new("Mars/Olympus_Mons").is_none());
    assert!(time_zones().iter().any(|z| z == "Asia/Seoul"));
    // 02:30 does not exist in Paris on 29 March 2026: that day has no run.
    let runs = parse("30 2 * * *")
        .unwrap()
        .next_runs(at("2026-03-28T12:00:00Z"), &paris, 2);
    assert_eq!(
        runs,
        [at("2026-03-30T00:30:00Z"), at("2026-03-31T00:30:00Z")]
    );
}
