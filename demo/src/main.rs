//! `cargo run -p relay-demo -- --listen 127.0.0.1:8080`

use std::net::SocketAddr;

use anyhow::Context;
use clap::Parser;
use relay_demo::Config;

/// A demo service answering with the Relay and Batch Relay error bodies.
#[derive(Parser)]
#[command(version)]
struct Cli {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Development mode: tRPC errors carry a stack trace.
    #[arg(long)]
    development: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let (listener, addr) = relay_demo::bind(cli.listen)
        .await
        .with_context(|| format!("cannot listen on {}", cli.listen))?;
    println!("relay-demo listening on http://{addr}");
    let config = Config {
        development: cli.development,
    };
    relay_demo::serve(listener, config)
        .await
        .context("server failed")
}
