//! Decodes every recorded response body into the type its method and path
//! call for: a resource, a list, service info, or (non-2xx) the typed error.
//!
//! Reads every `*.jsonl` in `RECORDED_DIR` (default `../shared/recorded`);
//! fails naming the file and line of each body that does not decode or
//! decodes into the wrong kind.
#![cfg(not(target_arch = "wasm32"))]

use console::api::client::decode_success;
use console::api::containers::Container;
use console::api::domains::Domain;
use console::api::error::{ApiError, ErrorKind};
use console::api::info::ServiceInfo;
use console::api::namespaces::Namespace;
use console::api::triggers::Trigger;
use console::api::{List, Resource};
use console::components::error_text::ErrorText;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// What a successful answer of an operation is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    ServiceInfo,
    Namespace,
    Namespaces,
    Container,
    Containers,
    Domain,
    Domains,
    Trigger,
    Triggers,
}

/// Maps a method and path of the API to the kind of body it answers with,
/// or `None` for a path that is not one of the 22 operations.
fn expected(method: &str, path: &str) -> Option<Expect> {
    let rest = path.strip_prefix("/containers/v1/regions/")?;
    let mut segments = rest.trim_end_matches('/').split('/');
    let _region = segments.next().filter(|r| !r.is_empty())?;
    let parts: Vec<&str> = segments.collect();
    let (collection, id, action) = match parts.as_slice() {
        [] => return (method == "GET").then_some(Expect::ServiceInfo),
        [c] => (*c, None, None),
        [c, id] => (*c, Some(*id), None),
        [c, id, a] => (*c, Some(*id), Some(*a)),
        _ => return None,
    };
    use Expect::*;
    let (one, many) = match collection {
        "namespaces" => (Namespace, Namespaces),
        "containers" => (Container, Containers),
        "domains" => (Domain, Domains),
        "triggers" => (Trigger, Triggers),
        _ => return None,
    };
    match (method, id, action) {
        ("GET", None, None) => Some(many),
        ("POST", None, None) => Some(one),
        ("GET" | "PATCH" | "DELETE", Some(_), None) => Some(one),
        ("POST", Some(_), Some("redeploy")) if one == Container => Some(Container),
        _ => None,
    }
}

fn check<T: DeserializeOwned>(
    status: u16,
    body: &str,
    id_of: impl Fn(&T) -> &str,
) -> Result<(), String> {
    let value: T = decode_success(status, body.as_bytes()).map_err(|e| e.message)?;
    // The decoded ID must be the body's own: catches a body read as another kind.
    let sent: Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
    match sent.get("id").and_then(Value::as_str) {
        Some(id) if id == id_of(&value) => Ok(()),
        Some(id) => Err(format!(
            "decoded id {:?} differs from {id:?}",
            id_of(&value)
        )),
        None => Ok(()),
    }
}

/// A list decodes through the generic `List<R>`, with every item of the body.
fn check_list<R: Resource>(status: u16, body: &str) -> Result<(), String> {
    let value: List<R> = decode_success(status, body.as_bytes()).map_err(|e| e.message)?;
    let sent: Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
    let key = R::LIST_KEY;
    let expected = sent.get(key).and_then(Value::as_array).map_or(0, Vec::len);
    if value.items.len() == expected {
        Ok(())
    } else {
        Err(format!(
            "decoded {} items of {key}, body has {expected}",
            value.items.len()
        ))
    }
}

fn check_success(expect: Expect, status: u16, body: &str) -> Result<(), String> {
    match expect {
        Expect::ServiceInfo => check::<ServiceInfo>(status, body, |v| &v.name),
        Expect::Namespace => check::<Namespace>(status, body, |v| &v.id),
        Expect::Container => check::<Container>(status, body, |v| &v.id),
        Expect::Domain => check::<Domain>(status, body, |v| &v.id),
        Expect::Trigger => check::<Trigger>(status, body, |v| &v.id),
        Expect::Namespaces => check_list::<Namespace>(status, body),
        Expect::Containers => check_list::<Container>(status, body),
        Expect::Domains => check_list::<Domain>(status, body),
        Expect::Triggers => check_list::<Trigger>(status, body),
    }
}

/// A non-2xx body must become a typed error whose kind fits its status.
fn check_error(status: u16, body: &str) -> Result<(), String> {
    let error = ApiError::from_response(status, body);
    let fits = match (&error.kind, status) {
        (ErrorKind::NotJson { .. }, _) => return Err("error body is not JSON".into()),
        (ErrorKind::NotFound { .. }, 404) => true,
        (ErrorKind::InvalidArguments { .. } | ErrorKind::InvalidRequest { .. }, 400) => true,
        (ErrorKind::DeniedAuthentication { .. }, 401) => true,
        (ErrorKind::PermissionsDenied { .. } | ErrorKind::QuotasExceeded { .. }, 403) => true,
        (ErrorKind::TransientState { .. } | ErrorKind::AlreadyExists { .. }, 409) => true,
        (ErrorKind::PreconditionFailed { .. }, 412) => true,
        (ErrorKind::Locked { .. }, 423) => true,
        (ErrorKind::TooManyRequests { .. }, 429) => true,
        (ErrorKind::Other { .. }, _) => true,
        _ => false,
    };
    if !fits {
        return Err(format!("HTTP {status} decoded as {:?}", error.kind));
    }
    if error.user_message().trim().is_empty() {
        return Err("typed error has no message".into());
    }
    Ok(())
}

fn check_line(line: &str) -> Result<(), String> {
    let record: Value = serde_json::from_str(line).map_err(|e| format!("line is not JSON: {e}"))?;
    let field = |name: &str| record.get(name).ok_or_else(|| format!("no {name:?} field"));
    let method = field("method")?
        .as_str()
        .ok_or("method is not text")?
        .to_uppercase();
    let path = field("path")?.as_str().ok_or("path is not text")?;
    let path = path.split('?').next().unwrap_or(path);
    let status = field("status")?.as_u64().ok_or("status is not a number")? as u16;
    let body = serde_json::to_string(field("response_body")?).map_err(|e| e.to_string())?;
    if (200..300).contains(&status) {
        let expect = expected(&method, path)
            .ok_or_else(|| format!("{method} {path} is not an operation of the API"))?;
        check_success(expect, status, &body)
            .map_err(|e| format!("{method} {path} ({expect:?}): {e}"))
    } else {
        check_error(status, &body).map_err(|e| format!("{method} {path}: {e}"))
    }
}

fn recorded_dir() -> PathBuf {
    std::env::var_os("RECORDED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/recorded"))
}

#[test]
fn every_recorded_body_decodes_into_its_type() {
    let dir = recorded_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read RECORDED_DIR {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no *.jsonl recordings in {}",
        dir.display()
    );

    let (mut passed, mut failures) = (0usize, Vec::new());
    for file in &files {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match check_line(line) {
                Ok(()) => passed += 1,
                Err(why) => failures.push(format!("{}:{}: {why}", file.display(), index + 1)),
            }
        }
    }
    println!(
        "recorded: {passed} interactions decoded from {} files",
        files.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} recorded bodies did not decode:\n{}",
        failures.len(),
        passed + failures.len(),
        failures.join("\n")
    );
}

#[test]
fn routing_knows_every_operation() {
    use Expect::*;
    let base = "/containers/v1/regions/fr-par";
    let cases = [
        ("GET", String::new(), Some(ServiceInfo)),
        ("GET", "/containers".into(), Some(Containers)),
        ("POST", "/containers".into(), Some(Container)),
        ("PATCH", "/containers/x".into(), Some(Container)),
        ("POST", "/containers/x/redeploy".into(), Some(Container)),
        ("POST", "/namespaces/x/redeploy".into(), None),
        ("DELETE", "/domains/x".into(), Some(Domain)),
        ("GET", "/triggers".into(), Some(Triggers)),
        ("GET", "/functions".into(), None),
        ("PUT", "/namespaces/x".into(), None),
    ];
    for (method, tail, want) in cases {
        assert_eq!(
            expected(method, &format!("{base}{tail}")),
            want,
            "{method} {tail}"
        );
    }
}

#[test]
fn a_body_of_the_wrong_kind_is_reported() {
    let namespace = r#"{"id":"n","name":"ns","project_id":"p","status":"ready"}"#;
    assert!(check_success(Expect::Namespace, 200, namespace).is_ok());
    assert!(check_success(Expect::Container, 200, namespace).is_err());
    assert!(check_success(Expect::Domain, 200, namespace).is_err());
    assert!(check_success(Expect::Trigger, 200, namespace).is_err());
    assert!(check_success(Expect::Namespaces, 200, namespace).is_err());
    assert!(check_error(404, "<html>gone</html>").is_err());
    assert!(check_error(404, r#"{"type":"transient_state"}"#).is_err());
}
