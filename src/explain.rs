//! Why a resource is in `error`, in plain words: the known causes of each
//! resource's `error_message`, matched by pattern (the API's texts carry
//! ports, image names and registry answers), with what to do and, where one
//! field of the edit form is the fix, that field.
//!
//! An unknown message gets no explanation: it is shown as it is, with no guess.

use crate::api::containers::Container;
use crate::api::domains::Domain;
use crate::api::namespaces::Namespace;
use crate::api::triggers::{SourceType, Trigger};

/// A known cause of an `error_message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// A few words, for a list row.
    pub short: &'static str,
    /// The cause, in plain words.
    pub cause: String,
    /// What to do about it.
    pub action: String,
    /// The element ID of the edit form's field to change, when one field is the fix.
    pub field: Option<&'static str>,
}

impl Explanation {
    fn new(
        short: &'static str,
        cause: impl Into<String>,
        action: impl Into<String>,
        field: Option<&'static str>,
    ) -> Self {
        Explanation {
            short,
            cause: cause.into(),
            action: action.into(),
            field,
        }
    }
}

/// The words of the link that opens the edit form on `field`.
pub fn fix_label(field: &str) -> &'static str {
    match field {
        "port" => "Change the port",
        "image" => "Change the image",
        "memory" => "Change the memory",
        "command" => "Change the command",
        "liveness-threshold" => "Change the liveness probe",
        "sqs_secret_access_key" | "nats_credentials" => "Change the credentials",
        "sqs_queue_url" => "Change the queue",
        "nats_server_urls" => "Change the servers",
        _ => "Edit",
    }
}

/// A resource whose `error_message` can be explained.
pub trait Explain {
    /// The explanation of its error message, when it is in `error` for a known cause.
    fn explanation(&self) -> Option<Explanation>;
}

/// Whether `text` (lower case) contains any of `parts`.
fn has_any(text: &str, parts: &[&str]) -> bool {
    parts.iter().any(|p| text.contains(p))
}

/// The number after "port" in a message (`…not listening on port 8080`).
fn port_in(text: &str) -> Option<u32> {
    let after = &text[text.find("port")? + 4..];
    let digits: String = after
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// What a container's explanation depends on besides its message.
#[derive(Clone, Copy, Debug, Default)]
pub struct ContainerFacts<'a> {
    pub image: &'a str,
    pub port: u32,
    /// `command` or `args` replace the image's own.
    pub overrides_command: bool,
    pub has_private_network: bool,
}

/// The known causes of a container's `error_message`.
pub fn explain_container(message: &str, facts: ContainerFacts) -> Option<Explanation> {
    let text = crate::case::lower(message);
    let image = facts.image;
    if has_any(
        &text,
        &[
            "unable to fetch image",
            "failed to pull",
            "pull image",
            "failed to resolve image",
            "manifest unknown",
            "imagepull",
            "errimagepull",
        ],
    ) {
        return Some(
            if has_any(
                &text,
                &["401", "403", "unauthorized", "denied", "authentication"],
            ) {
                Explanation::new(
                    "image is private",
                    format!("The registry refused to give the image {image}: it is private or needs credentials."),
                    "Use an image from a public registry, or push it to the Container Registry of this project (rg.<region>.scw.cloud), which the container can pull without credentials.",
                    Some("image"),
                )
            } else {
                Explanation::new(
                    "image not found",
                    format!("The image {image} could not be pulled: it does not exist at that address (a wrong name or tag, or it was never pushed)."),
                    "Check the image's name and tag (docker pull works with it), push it if needed, then set the right one.",
                    Some("image"),
                )
            },
        );
    }
    if has_any(
        &text,
        &["out of memory", "oom", "memory limit", "memory exceeded"],
    ) {
        return Some(Explanation::new(
            "out of memory",
            "The container used more memory than its limit and was stopped.",
            "Give it more memory, or make the app use less (smaller caches, fewer workers).",
            Some("memory"),
        ));
    }
    if has_any(
        &text,
        &["internal error occurred while deploying", "please retry"],
    ) {
        let cause = if facts.has_private_network {
            "The deployment failed on the platform's side, as happens when a container is moved to another private network."
        } else {
            "The deployment failed on the platform's side."
        };
        return Some(Explanation::new(
            "deployment failed, retry",
            cause,
            "Redeploy the container: nothing in its settings needs to change.",
            None,
        ));
    }
    if has_any(
        &text,
        &[
            "probe",
            "health check",
            "healthcheck",
            "liveness",
            "startup",
        ],
    ) && !text.contains("unable to start")
    {
        return Some(Explanation::new(
            "health check failed",
            "The container started, but its health check failed: the probe's path or port does not answer, or it answers too slowly for the probe's timeout and failure threshold.",
            "Check that the probe's HTTP path exists and answers 2xx on the container's port, or raise the failure threshold and the timeout for an app that starts slowly.",
            Some("liveness-threshold"),
        ));
    }
    if has_any(&text, &["unable to start", "not listening"]) {
        let port = port_in(&text).unwrap_or(facts.port);
        let name = image.rsplit('/').next().unwrap_or(image);
        if facts.overrides_command {
            return Some(Explanation::new(
                "command fails",
                format!("The container's command or arguments replace those of the image {image}, and it exits at once: the image may have no shell, or not take those arguments (as nginx:alpine does not)."),
                "Clear the command and arguments to use the image's own, or give a command that exists in the image.",
                Some("command"),
            ));
        }
        if name.starts_with("hello-world") {
            return Some(Explanation::new(
                "image exits at once",
                format!("The image {image} prints a message and exits: it never listens on port {port}."),
                "Use an image that runs a server (one that keeps running and answers HTTP).",
                Some("image"),
            ));
        }
        return Some(Explanation::new(
            "not listening on its port",
            format!("The container did not start, or did not listen on port {port} in time."),
            format!("Make the app listen on 0.0.0.0 on the port the PORT environment variable gives ({port}), or set the port to the one the app listens on. Try it locally: docker run -p {port}:{port} -e PORT={port} {image}"),
            Some("port"),
        ));
    }
    None
}

/// The known causes of a custom domain's `error_message`.
pub fn explain_domain(message: &str, hostname: &str) -> Option<Explanation> {
    let text = crate::case::lower(message);
    if has_any(
        &text,
        &[
            "cname",
            "dns",
            "does not point",
            "no such host",
            "nxdomain",
            "not resolve",
        ],
    ) {
        return Some(Explanation::new(
            "no CNAME to the container",
            format!("{hostname} does not point at the container: its DNS has no CNAME record to the container's endpoint, or the record has not spread yet."),
            format!("At your DNS provider, create a CNAME record from {hostname} to the container's endpoint (shown on the container's page), wait for it to spread, then delete this domain and add it again."),
            None,
        ));
    }
    if has_any(
        &text,
        &[
            "certificate",
            "acme",
            "tls",
            "ssl",
            "let's encrypt",
            "letsencrypt",
        ],
    ) {
        return Some(Explanation::new(
            "certificate not issued yet",
            format!("The TLS certificate for {hostname} has not been issued: it is issued once the CNAME record answers, which can take a while after it is created."),
            "Check that the CNAME record exists, wait a few minutes, then delete this domain and add it again if it stays in error.",
            None,
        ));
    }
    None
}

/// The known causes of a trigger's `error_message`.
pub fn explain_trigger(message: &str, source: SourceType) -> Option<Explanation> {
    let text = crate::case::lower(message);
    let (what, credentials_field, target_field, target) = match source {
        SourceType::Sqs => (
            "SQS",
            Some("sqs_secret_access_key"),
            Some("sqs_queue_url"),
            "queue",
        ),
        SourceType::Nats => (
            "NATS",
            Some("nats_credentials"),
            Some("nats_server_urls"),
            "subject",
        ),
        _ => ("", None, None, ""),
    };
    if what.is_empty() {
        return None;
    }
    if has_any(
        &text,
        &[
            "credential",
            "access denied",
            "accessdenied",
            "authorization",
            "unauthorized",
            "authentication",
            "invalid access key",
            "signature",
            "forbidden",
        ],
    ) {
        return Some(Explanation::new(
            "credentials refused",
            format!("The {what} server refused the trigger's credentials."),
            match source {
                SourceType::Sqs => "Give an access key and secret key of Messaging and Queuing credentials that can read this queue.",
                _ => "Paste the content of a NATS credentials file (.creds) that can subscribe to this subject.",
            },
            credentials_field,
        ));
    }
    if has_any(
        &text,
        &[
            "not exist",
            "not found",
            "unreachable",
            "connection refused",
            "timeout",
            "timed out",
            "no servers",
            "cannot connect",
            "could not connect",
            "no such",
        ],
    ) {
        return Some(Explanation::new(
            "source unreachable",
            format!("The trigger cannot reach its {what} {target}: the address is wrong, or the {target} does not exist (yet)."),
            match source {
                SourceType::Sqs => "Check the queue URL and the endpoint, and create the queue if it does not exist.",
                _ => "Check the server addresses and the subject.",
            },
            target_field,
        ));
    }
    None
}

impl Explain for Container {
    fn explanation(&self) -> Option<Explanation> {
        let message = self.error_message.as_deref().filter(|m| !m.is_empty())?;
        explain_container(
            message,
            ContainerFacts {
                image: &self.image,
                port: self.port,
                overrides_command: !self.command.is_empty() || !self.args.is_empty(),
                has_private_network: self
                    .private_network_id
                    .as_deref()
                    .is_some_and(|p| !p.is_empty()),
            },
        )
    }
}

impl Explain for Domain {
    fn explanation(&self) -> Option<Explanation> {
        explain_domain(
            self.error_message.as_deref().filter(|m| !m.is_empty())?,
            &self.hostname,
        )
    }
}

impl Explain for Trigger {
    fn explanation(&self) -> Option<Explanation> {
        explain_trigger(
            self.error_message.as_deref().filter(|m| !m.is_empty())?,
            self.source.source_type(),
        )
    }
}

/// A namespace's errors come from the platform, with no known causes yet.
impl Explain for Namespace {
    fn explanation(&self) -> Option<Explanation> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn container(
        message: &str,
        facts: ContainerFacts,
    ) -> Option<(&'static str, Option<&'static str>)> {
        explain_container(message, facts).map(|e| (e.short, e.field))
    }

    #[test]
    fn container_messages_of_the_recordings_and_public_issues() {
        let plain = ContainerFacts {
            image: "ghcr.io/acme/api:1",
            port: 8080,
            ..Default::default()
        };
        // Recorded: the app does not listen on the port.
        let e = explain_container(
            "Container is unable to start OR is not listening on port 5000",
            plain,
        )
        .unwrap();
        assert_eq!(
            (e.short, e.field),
            ("not listening on its port", Some("port"))
        );
        assert!(
            e.action.contains("5000"),
            "the message's port: {}",
            e.action
        );
        // The same message for an image that exits at once, or a command nginx:alpine cannot run.
        let hello = ContainerFacts {
            image: "hello-world:latest",
            ..plain
        };
        assert_eq!(
            container(
                "Container is unable to start OR is not listening on port 80",
                hello
            ),
            Some(("image exits at once", Some("image")))
        );
        let nginx = ContainerFacts {
            image: "nginx:alpine",
            overrides_command: true,
            ..plain
        };
        assert_eq!(
            container(
                "Container is unable to start OR is not listening on port 80",
                nginx
            ),
            Some(("command fails", Some("command")))
        );
        // serverless-scaleway-functions#99: an image that is not in the registry.
        assert_eq!(
            container("Unable to fetch image \"rg.nl-ams.scw.cloud/x/app:latest\": failed to resolve image to digest: HEAD https://rg.nl-ams.scw.cloud/v2/x/app/manifests/latest: unexpected status code 404 Not Found", plain),
            Some(("image not found", Some("image")))
        );
        assert_eq!(
            container("Unable to fetch image \"docker.io/acme/private:1\": unexpected status code 401 Unauthorized", plain),
            Some(("image is private", Some("image")))
        );
        assert_eq!(
            container("Container was stopped: OOMKilled", plain),
            Some(("out of memory", Some("memory")))
        );
        let moved = ContainerFacts {
            has_private_network: true,
            ..plain
        };
        let e = explain_container("An internal error occurred while deploying the Serverless Container. Please retry later.", moved).unwrap();
        assert_eq!((e.short, e.field), ("deployment failed, retry", None));
        assert!(e.cause.contains("private network"));
        assert_eq!(
            container(
                "Liveness probe failed: HTTP probe failed with statuscode: 404",
                plain
            ),
            Some(("health check failed", Some("liveness-threshold")))
        );
    }

    #[test]
    fn domain_and_trigger_messages() {
        let e = explain_domain(
            "CNAME record not found for shop.example.com",
            "shop.example.com",
        )
        .unwrap();
        assert_eq!(e.short, "no CNAME to the container");
        assert!(e.action.contains("shop.example.com"));
        assert_eq!(
            explain_domain("TLS certificate is not issued yet", "a.example.com").map(|e| e.short),
            Some("certificate not issued yet")
        );
        let sqs = explain_trigger("AccessDenied: invalid credentials", SourceType::Sqs).unwrap();
        assert_eq!(
            (sqs.short, sqs.field),
            ("credentials refused", Some("sqs_secret_access_key"))
        );
        let nats = explain_trigger("nats: authorization violation", SourceType::Nats).unwrap();
        assert_eq!(nats.field, Some("nats_credentials"));
        let queue = explain_trigger("The specified queue does not exist", SourceType::Sqs).unwrap();
        assert_eq!(
            (queue.short, queue.field),
            ("source unreachable", Some("sqs_queue_url"))
        );
        let nats = explain_trigger(
            "nats: no servers available for connection",
            SourceType::Nats,
        )
        .unwrap();
        assert_eq!(nats.field, Some("nats_server_urls"));
    }

    #[test]
    fn an_unknown_message_gets_no_guess() {
        assert_eq!(
            explain_container("Something new happened", ContainerFacts::default()),
            None
        );
        assert_eq!(explain_container("", ContainerFacts::default()), None);
        assert_eq!(explain_domain("quota reached", "a.example.com"), None);
        assert_eq!(
            explain_trigger("credentials refused", SourceType::Cron),
            None
        );
        assert_eq!(explain_trigger("weird", SourceType::Sqs), None);
    }
}
