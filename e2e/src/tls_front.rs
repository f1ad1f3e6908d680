//! nginx terminating TLS, speaking HTTP/2, in front of the server and of the anchor pages: how a
//! deployment serves the app (browsers speak HTTP/2 only over TLS, and over HTTP/1.1 a page has
//! six connections per host). For the bench only; a self-signed certificate (`openssl`), which
//! its browsers accept (`Browser::start_trusting_any_certificate`). `BENCH_NGINX`: the binary.

use std::{path::Path, process::Stdio};

use tokio::process::{Child, Command};

pub struct TlsFront {
    /// `https://127.0.0.1:…`: the server behind it.
    pub app: String,
    /// `https://127.0.0.1:…`: the anchor pages' directory.
    pub anchors: String,
    /// Killed when the front is dropped (`kill_on_drop`).
    _nginx: Child,
    _dir: tempfile::TempDir,
}

impl TlsFront {
    pub async fn start(server: &str, anchors: &Path) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let at = |file: &str| dir.path().join(file).display().to_string();
        let made = std::process::Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            ])
            .args([
                "-subj",
                "/CN=127.0.0.1",
                "-keyout",
                &at("key.pem"),
                "-out",
                &at("cert.pem"),
            ])
            .stderr(Stdio::null())
            .status()
            .expect("openssl runs");
        assert!(made.success(), "openssl made no certificate");
        let (app_port, anchors_port) = (crate::free_port(), crate::free_port());
        let tls = format!(
            "ssl_certificate {}; ssl_certificate_key {};",
            at("cert.pem"),
            at("key.pem")
        );
        // Everything it writes goes to its directory: it needs no root, and leaves nothing.
        let config = format!(
            "worker_processes 1; pid {pid}; error_log {log};
             events {{ worker_connections 256; }}
             http {{
               access_log off; include /etc/nginx/mime.types;
               client_body_temp_path {tmp}; proxy_temp_path {tmp}; fastcgi_temp_path {tmp};
               uwsgi_temp_path {tmp}; scgi_temp_path {tmp}; proxy_max_temp_file_size 0;
               gzip on; gzip_types application/javascript text/css application/json;
               server {{ listen 127.0.0.1:{app_port} ssl http2; {tls}
                 location / {{ proxy_pass {server}; proxy_http_version 1.1;
                   proxy_set_header Connection \"\"; proxy_set_header Host $http_host; }} }}
               server {{ listen 127.0.0.1:{anchors_port} ssl http2; {tls} root {root}; }}
             }}",
            pid = at("nginx.pid"),
            log = at("error.log"),
            tmp = dir.path().display(),
            root = anchors.display(),
        );
        std::fs::write(at("nginx.conf"), config).unwrap();
        let nginx = Command::new(std::env::var("BENCH_NGINX").unwrap_or("nginx".into()))
            .args(["-e", &at("error.log"), "-c", &at("nginx.conf")])
            .args(["-g", "daemon off;"])
            .kill_on_drop(true)
            .spawn()
            .expect("nginx starts");
        for port in [app_port, anchors_port] {
            crate::eventually(&format!("nginx listening on {port}"), || async move {
                tokio::net::TcpStream::connect(("127.0.0.1", port))
                    .await
                    .ok()
            })
            .await;
        }
        Self {
            app: format!("https://127.0.0.1:{app_port}"),
            anchors: format!("https://127.0.0.1:{anchors_port}"),
            _nginx: nginx,
            _dir: dir,
        }
    }
}
