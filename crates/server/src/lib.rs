//! `partner-server`: the REST API of docs/API.md over SQLite or PostgreSQL, plus the built SPA from `--dist`.

mod activity;
mod agreements;
mod auth;
mod caching;
mod copy;
mod db;
mod dev;
mod documents;
mod env;
mod error;
mod first_page;
mod https;
mod json;
mod partner;
mod preload;
mod routes;
mod security;
mod store;
mod tenants;
mod user_index;
mod user_search;
mod users;

use std::{future::Future, net::SocketAddr, path::PathBuf, sync::Arc};

use clap::Parser;
use tokio::net::TcpListener;

pub use copy::{copy_database, CopyError};
pub use db::{ACCOUNT_LOCKS, WRITE_LOCK};
pub use error::ApiError;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "partner-server",
    version,
    about = "Partner Center reference backend"
)]
pub struct Options {
    /// Address to listen on; port 0 picks a free one (printed at start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// `sqlite:PATH` (the default; `sqlite::memory:` for a throwaway database) or
    /// `postgres://USER@HOST:PORT/DATABASE` (PostgreSQL 15+, shared by any number of nodes).
    #[arg(long, default_value = "sqlite:./data/partner.db")]
    pub database: String,
    /// Folder of the built SPA (`trunk build` output).
    #[arg(long, default_value = "dist")]
    pub dist: PathBuf,
    /// Development mode: enables `/api/dev/*` (outbox, vetting, seed).
    #[arg(long)]
    pub dev: bool,
    /// Seconds from the contact's email confirmation to the simulated business approval.
    #[arg(long, default_value_t = 30)]
    pub vetting_delay: u64,
    /// Proxies whose `X-Forwarded-For` is believed (CIDR, comma-separated): the client is then
    /// the rightmost hop that is not one of them. Without it, the peer address is the client.
    #[arg(long, value_delimiter = ',')]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Seconds a client may take to send a request's headers before the connection is closed
    /// (a client that trickles them would hold a connection for ever).
    #[arg(long, default_value_t = 10)]
    pub header_read_timeout: u64,
    /// The address users reach the app at (`https://partners.example.com`): https there makes
    /// the session cookie `__Host-` and `Secure`, and sends HSTS.
    #[arg(long)]
    pub public_url: Option<String>,
    /// Copies the SQLite database at this URL into `--database` (PostgreSQL, empty), then exits
    /// without serving (`cargo xtask migrate-db`).
    #[arg(long, value_name = "SQLITE_URL")]
    pub copy_from: Option<String>,
}

/// Shared by every handler; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: db::Database,
    pub dev: bool,
    pub vetting_delay_s: i64,
    pub user_index: Arc<user_index::UserIndex>,
    pub https: https::HttpsPolicy,
    pub csp_reports: security::CspReports,
}

pub struct Server {
    listener: TcpListener,
    router: axum::Router,
    header_read_timeout: std::time::Duration,
}

impl Server {
    /// Opens the database (running migrations) and binds the address, so that a caller
    /// knows the port before serving starts.
    pub async fn bind(options: Options) -> Result<Self, StartError> {
        if options.dev && !options.addr.ip().is_loopback() {
            return Err(StartError::DevNotLocal(options.addr));
        }
        let db = db::open(&options.database).await?;
        let state = AppState {
            db,
            dev: options.dev,
            vetting_delay_s: options.vetting_delay.min(i64::MAX as u64) as i64,
            user_index: Arc::default(),
            https: https::HttpsPolicy {
                always: options
                    .public_url
                    .as_deref()
                    .is_some_and(|url| url.starts_with("https://")),
                trusted_proxies: options.trusted_proxies.into(),
            },
            csp_reports: security::CspReports::default(),
        };
        tokio::spawn(housekeeping(state.clone()));
        let router = routes::router(state, &options.dist);
        let listener = TcpListener::bind(options.addr)
            .await
            .map_err(|e| StartError::Bind(options.addr, e))?;
        Ok(Self {
            listener,
            router,
            header_read_timeout: std::time::Duration::from_secs(options.header_read_timeout),
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until `shutdown`, then lets the requests in flight finish. Our own accept loop
    /// rather than `axum::serve`: it gives hyper the timer its header-read timeout needs.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        use hyper_util::{
            rt::{TokioExecutor, TokioIo, TokioTimer},
            server::{conn::auto::Builder, graceful::GracefulShutdown},
            service::TowerToHyperService,
        };
        let mut builder = Builder::new(TokioExecutor::new());
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(self.header_read_timeout);
        let graceful = GracefulShutdown::new();
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            let (stream, peer) = tokio::select! {
                accepted = self.listener.accept() => match accepted {
                    Ok(accepted) => accepted,
                    // Out of file descriptors, a connection reset at once: the next may work.
                    Err(error) => {
                        tracing::warn!(%error, "accept failed");
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        continue;
                    }
                },
                () = &mut shutdown => break,
            };
            let router = self.router.clone();
            // Peer addresses feed the sign-in limits and the https policy.
            let service = tower::service_fn(
                move |mut request: axum::http::Request<hyper::body::Incoming>| {
                    request
                        .extensions_mut()
                        .insert(axum::extract::ConnectInfo(peer));
                    tower::ServiceExt::oneshot(router.clone(), request.map(axum::body::Body::new))
                },
            );
            let connection = builder
                .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
                .into_owned();
            let connection = graceful.watch(connection);
            tokio::spawn(async move {
                if let Err(error) = connection.await {
                    tracing::debug!(%error, "connection ended with an error");
                }
            });
        }
        drop(self.listener);
        graceful.shutdown().await;
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("--database {0}: neither sqlite: nor postgres://")]
    DatabaseUrl(String),
    #[error("database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database folder {0}: {1}")]
    DataDir(PathBuf, std::io::Error),
    #[error("cannot listen on {0}: {1}")]
    Bind(SocketAddr, std::io::Error),
    #[error(
        "--dev serves every work account's verification links: only on a loopback address, not {0}"
    )]
    DevNotLocal(SocketAddr),
}

/// The rulebook's housekeeping, every few minutes while the server runs (not on a request's time).
async fn housekeeping(state: AppState) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(300));
    loop {
        every.tick().await;
        let done = async {
            let mut store = state.write().await?;
            partner_domain::service::housekeeping(&mut store).await?;
            store.commit().await
        };
        if let Err(error) = done.await {
            tracing::warn!(%error, "housekeeping failed; trying again later");
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM, letting in-flight requests finish.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
