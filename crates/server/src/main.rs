use clap::Parser;
use partner_server::{Options, Server};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let options = Options::parse();
    if let Some(from) = &options.copy_from {
        return match partner_server::copy_database(from, &options.database).await {
            Ok(copied) => {
                for (table, rows) in copied {
                    println!("{table}: {rows} rows");
                }
                // Not the URLs: they may hold passwords.
                println!("copied: the target database is ready to serve");
                std::process::ExitCode::SUCCESS
            }
            Err(error) => {
                tracing::error!(%error, "could not copy the database");
                std::process::ExitCode::FAILURE
            }
        };
    }
    let server = match Server::bind(options).await {
        Ok(server) => server,
        Err(error) => {
            tracing::error!(%error, "could not start");
            return std::process::ExitCode::FAILURE;
        }
    };
    // Tools (xtask, e2e) read this line to learn the port when `--addr` ends in `:0`.
    println!("partner-server listening on http://{}", server.local_addr());
    match server.run(partner_server::shutdown_signal()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "stopped with an error");
            std::process::ExitCode::FAILURE
        }
    }
}
