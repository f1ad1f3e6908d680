//! A round-robin load balancer in front of several `partner-server` nodes (#18): each request
//! goes to the next node in turn, whatever connection it came on (one request per connection,
//! `Connection: close`), and which node answered it is remembered for the test to read. A node
//! that does not answer gets a 502, as a real balancer's would.

use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc, Mutex,
};

use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
};

/// One request the balancer passed on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    pub method: String,
    pub path: String,
    /// The index of the node in `RoundRobin::start`'s list.
    pub node: usize,
    pub status: u16,
}

pub struct RoundRobin {
    pub base: String,
    served: Arc<Mutex<Vec<Served>>>,
    task: tokio::task::JoinHandle<()>,
}

impl RoundRobin {
    pub async fn start(nodes: Vec<String>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let served: Arc<Mutex<Vec<Served>>> = Arc::default();
        let next = Arc::new(AtomicUsize::new(0));
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let nodes = Arc::new(nodes);
        let log = served.clone();
        let task = tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let node = next.fetch_add(1, Ordering::Relaxed) % nodes.len();
                let (nodes, http, log) = (nodes.clone(), http.clone(), log.clone());
                tokio::spawn(async move {
                    if let Some(served) = pass_on(socket, &http, &nodes[node], node).await {
                        log.lock().unwrap().push(served);
                    }
                });
            }
        });
        Self { base, served, task }
    }

    /// Every request passed on so far, in the order their answers came back.
    pub fn served(&self) -> Vec<Served> {
        self.served.lock().unwrap().clone()
    }

    /// The node that answered the latest request for `path` (with its query).
    pub fn last_node(&self, path: &str) -> usize {
        self.served
            .lock()
            .unwrap()
            .iter()
            .rfind(|s| s.path == path)
            .unwrap_or_else(|| panic!("no request for {path} went through the balancer"))
            .node
    }
}

impl Drop for RoundRobin {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Reads one request from `socket`, sends it to `node`, writes its answer back.
async fn pass_on(
    mut socket: TcpStream,
    http: &reqwest::Client,
    node: &str,
    index: usize,
) -> Option<Served> {
    let mut buffer = Vec::new();
    let head_end = loop {
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        let mut chunk = [0u8; 8192];
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let (method, path) = (
        request_line.next()?.to_owned(),
        request_line.next()?.to_owned(),
    );
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(0);
    let mut body = buffer[head_end..].to_vec();
    while body.len() < length {
        let mut chunk = vec![0u8; length - body.len()];
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    let mut request = http.request(
        reqwest::Method::from_bytes(method.as_bytes()).ok()?,
        format!("{node}{path}"),
    );
    for (name, value) in &headers {
        if !matches!(
            name.as_str(),
            "host" | "connection" | "content-length" | "keep-alive"
        ) {
            request = request.header(name, value);
        }
    }
    let (status, answer_head, answer_body) = match request.body(body).send().await {
        Ok(answer) => {
            let status = answer.status();
            let mut head = format!(
                "HTTP/1.1 {} {}\r\n",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            );
            for (name, value) in answer.headers() {
                if !matches!(
                    name.as_str(),
                    "connection" | "content-length" | "transfer-encoding" | "keep-alive"
                ) {
                    head += &format!("{name}: {}\r\n", value.to_str().unwrap_or_default());
                }
            }
            (status.as_u16(), head, answer.bytes().await.ok()?.to_vec())
        }
        Err(_) => (502, "HTTP/1.1 502 Bad Gateway\r\n".to_owned(), Vec::new()),
    };
    let answer_head = format!(
        "{answer_head}content-length: {}\r\nconnection: close\r\n\r\n",
        answer_body.len()
    );
    socket.write_all(answer_head.as_bytes()).await.ok()?;
    socket.write_all(&answer_body).await.ok()?;
    Some(Served {
        method,
        path,
        node: index,
        status,
    })
}
