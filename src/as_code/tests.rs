use super::*;
use serde_json::json;

const HOSTILE: &str = "it's \"quoted\" $HOME `id` \\back\\slash\nnew line ${var} %{if}";

fn call(kind: Kind, verb: Verb, id: Option<&str>, body: Value) -> Call {
    Call {
        verb,
        kind,
        region: Region::NlAms,
        id: id.map(str::to_string),
        whole: body.clone(),
        body: Some(body),
    }
}

/// What `sh` makes of `word`: it must give back the text quoted.
fn through_the_shell(word: &str) -> String {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("printf '%s' {word}"))
        .output()
        .expect("sh");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn shell_quoting_survives_hostile_text() {
    for text in [HOSTILE, "", "'", "''", "a'b'c", "\\'", "$(rm -rf /)"] {
        assert_eq!(through_the_shell(&shell_quote(text)), text, "{text:?}");
    }
}

#[test]
fn hcl_quoting_escapes_quotes_backslashes_newlines_and_templates() {
    assert_eq!(
        hcl_quote(HOSTILE),
        r#""it's \"quoted\" $HOME `id` \\back\\slash\nnew line $${var} %%{if}""#
    );
    assert_eq!(hcl_quote("tab\tcr\r\u{7}"), r#""tab\tcr\r\u0007""#);
    assert_eq!(hcl_quote("$ alone, % alone"), r#""$ alone, % alone""#);
}

/// The body of a curl command without secrets, as the shell passes it to curl.
fn curl_body(curl: &str) -> Value {
    let word = curl
        .split("--data-binary ")
        .nth(1)
        .expect("a body")
        .trim_end();
    serde_json::from_str(&through_the_shell(word)).expect("JSON")
}

#[test]
fn curl_sends_the_body_exactly_with_the_key_as_a_variable() {
    let body = json!({"namespace_id": "n-1", "name": "web", "description": HOSTILE,
        "environment_variables": {"GREETING": HOSTILE}, "liveness_probe": {"failure_threshold": 3, "interval": "10s", "timeout": "1s", "tcp": {}}});
    let code = as_code(
        "http://127.0.0.1:8080/",
        &call(Kind::Container, Verb::Post, None, body.clone()),
    );
    assert!(
        code.curl.starts_with(
            "curl -X POST 'http://127.0.0.1:8080/containers/v1/regions/nl-ams/containers'"
        ),
        "{}",
        code.curl
    );
    assert!(code.curl.contains("-H \"X-Auth-Token: $SCW_SECRET_KEY\""));
    assert_eq!(
        curl_body(&code.curl),
        body,
        "the shell gives curl the body as it is"
    );
    assert_eq!(serde_json::from_str::<Value>(&code.json).unwrap(), body);
    // A PATCH goes to the resource, ID encoded.
    let patch = as_code(
        "",
        &call(
            Kind::Trigger,
            Verb::Patch,
            Some("t/1"),
            json!({"name": "x"}),
        ),
    );
    assert!(
        patch
            .curl
            .starts_with("curl -X PATCH '/containers/v1/regions/nl-ams/triggers/t%2F1'"),
        "{}",
        patch.curl
    );
}

#[test]
fn secrets_become_placeholders_never_values() {
    let body = json!({"name": "web", "secret_environment_variables": {"db-password": "hunter2", "API_KEY": "s3cr3t", "KEPT": ""}});
    let code = as_code("", &call(Kind::Container, Verb::Patch, Some("c-1"), body));
    for text in [&code.curl, &code.terraform, &code.json] {
        assert!(
            !text.contains("hunter2") && !text.contains("s3cr3t"),
            "{text}"
        );
    }
    // curl: jq builds the JSON from shell variables; the kept one stays "".
    assert!(
        code.curl.contains("--arg DB_PASSWORD \"$DB_PASSWORD\""),
        "{}",
        code.curl
    );
    assert!(
        code.curl.contains("\"db-password\": $DB_PASSWORD"),
        "{}",
        code.curl
    );
    assert!(code.curl.contains("\"KEPT\": \"\""), "{}", code.curl);
    // Terraform: sensitive variables.
    assert!(
        code.terraform
            .contains("variable \"db_password\" {\n  type      = string\n  sensitive = true\n}"),
        "{}",
        code.terraform
    );
    assert!(
        code.terraform.contains("\"db-password\" = var.db_password"),
        "{}",
        code.terraform
    );
    assert!(code.json.contains("\"API_KEY\": $API_KEY"));
    let trigger = json!({"container_id": "c", "name": "q", "sqs_config": {"queue_url": "https://q", "access_key_id": "AK", "secret_access_key": "SK-VALUE", "endpoint": "https://e", "region": "fr-par"}});
    let code = as_code("", &call(Kind::Trigger, Verb::Post, None, trigger));
    assert!(!code.curl.contains("SK-VALUE") && !code.terraform.contains("SK-VALUE"));
    assert!(
        code.terraform
            .contains("secret_key = var.sqs_secret_access_key"),
        "{}",
        code.terraform
    );
    let nats = json!({"container_id": "c", "name": "n", "nats_config": {"server_urls": ["nats://a:4222"], "subject": "s", "credentials_file_content": "-----BEGIN NATS-----"}});
    let code = as_code("", &call(Kind::Trigger, Verb::Post, None, nats));
    assert!(!code.curl.contains("BEGIN NATS") && code.curl.contains("$NATS_CREDENTIALS"));
}

#[test]
fn terraform_for_each_probe_and_scaling_rule() {
    let container = |probe: Value, scaling: Value| {
        json!({"namespace_id": "n-1", "name": "web api", "image": "nginx:1", "port": 80, "memory_limit_bytes": 2048000000u64,
            "mvcpu_limit": 1000, "timeout": "300s", "min_scale": 0, "max_scale": 5, "https_connections_only": true,
            "liveness_probe": probe, "scaling_option": scaling, "command": ["sh", "-c", HOSTILE], "tags": ["a"]})
    };
    let tcp = json!({"failure_threshold": 30, "interval": "10s", "timeout": "1s", "tcp": {}});
    let http = json!({"failure_threshold": 5, "interval": "10s", "timeout": "2s", "http": {"path": "/healthz"}});
    let tf =
        |body: Value| as_code("", &call(Kind::Container, Verb::Post, Some("c-1"), body)).terraform;
    let t = tf(container(tcp, json!({"concurrent_requests_threshold": 40})));
    assert!(
        t.starts_with("resource \"scaleway_container\" \"web_api\" {\n"),
        "{t}"
    );
    for line in [
        "  image = \"nginx:1\"",
        "  memory_limit_bytes = 2048000000",
        "  cpu_limit = 1000",
        "  timeout = 300",
        "  https_connections_only = true",
        "  liveness_probe {\n    failure_threshold = 30",
        "    tcp = true",
        "  scaling_option {\n    concurrent_requests_threshold = 40\n  }",
        "  region = \"nl-ams\"",
        "import {\n  to = scaleway_container.web_api\n  id = \"nl-ams/c-1\"\n}",
    ] {
        assert!(t.contains(line), "{line:?} in\n{t}");
    }
    assert!(
        !t.contains("registry_image") && !t.contains("memory_limit =") && !t.contains("mvcpu"),
        "{t}"
    );
    assert!(
        t.contains(&format!(
            "command = [\"sh\", \"-c\", {}]",
            hcl_quote(HOSTILE)
        )),
        "{t}"
    );
    let t = tf(container(http, json!({"cpu_usage_threshold": 70})));
    assert!(
        t.contains("    http {\n      path = \"/healthz\"\n    }") && !t.contains("tcp = true"),
        "{t}"
    );
    assert!(t.contains("cpu_usage_threshold = 70"));
    let t = tf(container(
        json!(null),
        json!({"memory_usage_threshold": 80}),
    ));
    assert!(
        t.contains("memory_usage_threshold = 80") && !t.contains("liveness_probe"),
        "{t}"
    );
}

#[test]
fn terraform_for_each_resource_and_trigger_source() {
    let tf = |kind, body: Value| as_code("", &call(kind, Verb::Post, None, body)).terraform;
    let ns = tf(
        Kind::Namespace,
        json!({"name": "shop", "project_id": "p-1", "description": HOSTILE, "environment_variables": {"A": "1"}}),
    );
    assert!(
        ns.starts_with("resource \"scaleway_container_namespace\" \"shop\""),
        "{ns}"
    );
    assert!(ns.contains(&format!("description = {}", hcl_quote(HOSTILE))));
    assert!(
        ns.contains("environment_variables = {\n    \"A\" = \"1\"\n  }"),
        "{ns}"
    );
    assert!(!ns.contains("import"), "a create has nothing to import");
    let domain = tf(
        Kind::Domain,
        json!({"hostname": "shop.example.com", "container_id": "c-1"}),
    );
    assert!(
        domain.contains("resource \"scaleway_container_domain\" \"shop_example_com\"")
            && domain.contains("container_id = \"c-1\""),
        "{domain}"
    );
    let cron = tf(
        Kind::Trigger,
        json!({"container_id": "c-1", "name": "nightly", "cron_config": {"schedule": "0 3 * * *", "timezone": "Europe/Paris", "body": "{\"a\":1}", "headers": {"X": "y"}}}),
    );
    assert!(
        cron.contains("  cron {\n    schedule = \"0 3 * * *\""),
        "{cron}"
    );
    assert!(
        cron.contains(
            "  destination_config {\n    http_path = \"/\"\n    http_method = \"post\"\n  }"
        ),
        "the API's default: {cron}"
    );
    let sqs = tf(
        Kind::Trigger,
        json!({"container_id": "c", "name": "q", "sqs_config": {"queue_url": "https://q", "access_key_id": "AK", "endpoint": "https://e", "region": "fr-par"},
        "destination_config": {"http_path": "/hook", "http_method": "put"}}),
    );
    assert!(sqs.contains("  sqs {\n    endpoint = \"https://e\"\n    queue_url = \"https://q\"\n    access_key = \"AK\""), "{sqs}");
    assert!(sqs.contains("http_method = \"put\""));
    let nats = tf(
        Kind::Trigger,
        json!({"container_id": "c", "name": "n", "nats_config": {"server_urls": ["nats://a:4222"], "subject": "orders.*"}}),
    );
    assert!(
        nats.contains(
            "  nats {\n    subject = \"orders.*\"\n    server_urls = [\"nats://a:4222\"]"
        ),
        "{nats}"
    );
}

#[test]
fn a_resource_as_it_is_declares_every_secret_even_unread_ones() {
    // As read: secrets are names with hashes; a trigger's secret key is never read back.
    let container = json!({"name": "web", "namespace_id": "n", "secret_environment_variables": {"API_KEY": "", "TOKEN": "$argon2id$v=19$x"}});
    let mut shown = call(Kind::Container, Verb::Post, Some("c-1"), container);
    shown.whole = shown.body.clone().unwrap();
    let code = as_code("", &shown);
    assert!(
        !code.terraform.contains("argon2") && !code.curl.contains("argon2"),
        "never a hash"
    );
    assert!(
        code.terraform.contains("\"API_KEY\" = var.api_key")
            && code.terraform.contains("\"TOKEN\" = var.token"),
        "{}",
        code.terraform
    );
    let sqs = json!({"container_id": "c", "name": "q", "sqs_config": {"queue_url": "https://q", "access_key_id": "AK", "endpoint": "https://e", "region": "fr-par"}});
    let code = as_code(
        "",
        &call(Kind::Trigger, Verb::Post, Some("t-1"), sqs.clone()),
    );
    assert!(
        code.terraform
            .contains("secret_key = var.sqs_secret_access_key"),
        "{}",
        code.terraform
    );
    // A PATCH that leaves the source's secret alone sends nothing for it.
    let code = as_code("", &call(Kind::Trigger, Verb::Patch, Some("t-1"), sqs));
    assert!(
        !code.json.contains("secret_access_key") && !code.curl.contains("jq"),
        "{}",
        code.json
    );
}

#[test]
fn an_edit_that_changes_nothing_sends_nothing() {
    let mut edit = call(
        Kind::Domain,
        Verb::Patch,
        Some("d-1"),
        json!({"hostname": "a.example.com", "container_id": "c"}),
    );
    edit.body = None;
    let code = as_code("", &edit);
    assert!(
        code.curl.starts_with("# Nothing to send") && code.json.starts_with("# Nothing to send")
    );
    assert!(
        code.terraform.contains("id = \"nl-ams/d-1\""),
        "Terraform still describes it: {}",
        code.terraform
    );
}
