//! The workspace's servers (`emulator`, `serve`) as processes on free ports.

use super::free_port;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A server of this workspace (`emulator`, `serve`), started on a free port
/// and stopped when dropped.
pub struct Server {
    child: Child,
    pub url: String,
}

/// The emulator serving the built console.
pub struct Emulator {
    pub server: Server,
    pub url: String,
    pub token: String,
}

impl Server {
    /// Starts the release binary `name` (`{NAME}_BIN`, default `release/{name}`
    /// of the target directory, `CARGO_TARGET_DIR` or `target/`) with
    /// `--addr` on a free loopback port, then `args`.
    pub fn start(name: &str, args: &[&std::ffi::OsStr]) -> Server {
        let bin = std::env::var_os(format!("{}_BIN", name.to_uppercase()))
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                let target = std::env::var_os("CARGO_TARGET_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
                target.join("release").join(name)
            });
        assert!(
            bin.is_file(),
            "no {name} at {} — run `cargo build --release -p {name}` first",
            bin.display()
        );
        let port = free_port();
        let child = Command::new(&bin)
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "{name} did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Server {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Emulator {
    /// The emulator serving `dist`, with `extra` flags.
    pub fn start(dist: &Path, extra: &[&str]) -> Emulator {
        let token = "e2e0e2e0-0000-4000-8000-000000000002".to_string();
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "--token".as_ref(),
            token.as_ref(),
            "--static".as_ref(),
            dist.as_os_str(),
        ];
        args.extend(extra.iter().map(|a| std::ffi::OsStr::new(*a)));
        let server = Server::start("emulator", &args);
        Emulator {
            url: server.url.clone(),
            server,
            token,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
