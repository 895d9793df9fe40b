//! What the HTTP tests of the demo share.

use relay_demo::Config;
use reqwest::Response;
use serde_json::Value;

/// Starts the demo on 127.0.0.1 with a port the OS picks; returns its base URL.
pub async fn start(config: Config) -> String {
    let (listener, addr) = relay_demo::bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    tokio::spawn(relay_demo::serve(listener, config));
    format!("http://{addr}")
}

/// The response's body as JSON.
pub async fn json_of(response: Response) -> Value {
    response.json().await.expect("a JSON body")
}
