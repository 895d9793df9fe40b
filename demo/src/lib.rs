//! A demo service that answers with exactly the error bodies the two APIs document,
//! built from the generated `relay-errors` and `batch-relay-errors` crates.
//!
//! - `/batch/v1/...`: the Batch Relay API, with the linked envelope and a `request_id`
//!   on every response.
//! - `/api/v1/...`: the Relay REST API, with the REST envelope, or RFC 9457 problem
//!   details when the client accepts `application/problem+json`.
//! - `/api/trpc/...`: the Relay tRPC API over tRPC's HTTP protocol, batching included
//!   (see [`trpc`]).

pub mod trpc;

use std::net::SocketAddr;

use axum::extract::{Path, Request};
use axum::http::header::{ACCEPT, AUTHORIZATION};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use batch_relay_errors::envelopes::{LinkedBody, LinkedError};
use batch_relay_errors::{Error as BatchError, ErrorCode as BatchCode};
use relay_errors::envelopes::{Problem, RestBody};
use relay_errors::Error as RelayError;
use serde_json::{json, Map, Value};
use uuid::Uuid;

/// The one ticket the demo knows; every other well-formed UUID is not found.
pub const KNOWN_TICKET: &str = "5b8e8a34-3f0c-4d6b-9a5e-2f1f0b6d7c11";

/// The header a client may send its own request id in.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// How the service runs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Config {
    /// Development mode: tRPC errors carry a `stack`. Never on in production.
    pub development: bool,
}

/// The service's routes.
pub fn app(config: Config) -> Router {
    let batch = Router::new()
        .route("/jobs", axum::routing::post(create_job))
        .route("/jobs/{id}", get(get_job))
        .layer(middleware::from_fn(with_request_id));
    Router::new()
        .nest("/batch/v1", batch)
        .route("/api/v1/tickets/{id}", get(get_ticket))
        .route(
            "/api/trpc/{procedures}",
            get(move |method, path, query, body| trpc::serve(config, method, path, query, body))
                .post(move |method, path, query, body| {
                    trpc::serve(config, method, path, query, body)
                }),
        )
}

/// Serves `app(config)` on `listener` until the process is stopped.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> std::io::Result<()> {
    axum::serve(listener, app(config)).await
}

/// Binds `addr`; returns the listener and the address it actually got (for port 0).
pub async fn bind(addr: SocketAddr) -> std::io::Result<(tokio::net::TcpListener, SocketAddr)> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    Ok((listener, local))
}

// ---------------------------------------------------------------------------------------
// Batch Relay API: every response carries a request id.
// ---------------------------------------------------------------------------------------

/// The request id of the request being served: the client's `X-Request-Id`, or a new one.
#[derive(Clone, Debug)]
struct RequestId(String);

/// Gives the request an id (the client's, or a new one) and echoes it in the response's
/// `X-Request-Id` header; handlers put it in the body.
async fn with_request_id(mut request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|value| value.to_str().ok())
        .filter(|value| !value.is_empty() && value.len() <= 200)
        .map_or_else(|| format!("req_{}", Uuid::new_v4().simple()), str::to_owned);
    request.extensions_mut().insert(RequestId(id.clone()));
    let mut response = next.run(request).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    response
}

/// Checks the bearer key: `test-key` is valid, `revoked` and `expired` are what they
/// say, anything else is not recognized.
fn authenticate(headers: &HeaderMap) -> Result<(), BatchCode> {
    let Some(header) = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
        return Err(BatchCode::ApiKeyRequired);
    };
    let Some(key) = header.strip_prefix("Bearer ").map(str::trim) else {
        return Err(BatchCode::ApiKeyRequired);
    };
    match key {
        "" => Err(BatchCode::ApiKeyRequired),
        "test-key" => Ok(()),
        "revoked" => Err(BatchCode::ApiKeyRevoked),
        "expired" => Err(BatchCode::ApiKeyExpired),
        _ => Err(BatchCode::ApiKeyInvalid),
    }
}

async fn get_job(
    axum::Extension(RequestId(request_id)): axum::Extension<RequestId>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(code) = authenticate(&headers) {
        return LinkedBody::error(code, request_id).into_response();
    }
    // A success body has the job and the request id, and no `error` at all.
    let body = json!({
        "job": { "id": id, "status": "completed" },
        "request_id": request_id,
    });
    (StatusCode::OK, Json(body)).into_response()
}

/// The fields a job needs.
const REQUIRED_JOB_FIELDS: [&str; 2] = ["name", "items"];

/// Creates a job. The body is checked before the key, so that the two request-error
/// envelopes can be tried without one.
async fn create_job(
    axum::Extension(RequestId(request_id)): axum::Extension<RequestId>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let fail = |error: LinkedError| {
        LinkedBody {
            error: Some(error),
            request_id: request_id.clone(),
        }
        .into_response()
    };
    let job: Map<String, Value> = match serde_json::from_slice(&body) {
        Ok(Value::Object(job)) => job,
        Ok(_) => {
            return fail(
                LinkedError::from(BatchCode::InvalidRequest)
                    .with_message("The request body must be a JSON object."),
            )
        }
        Err(_) => return fail(LinkedError::from(BatchCode::InvalidJson)),
    };
    let fields: Vec<String> = REQUIRED_JOB_FIELDS
        .into_iter()
        .filter(|field| !job.contains_key(*field))
        .map(String::from)
        .collect();
    if !fields.is_empty() {
        // The linked envelope has no place for details: the message names the fields.
        let error = BatchError::InvalidRequest { fields };
        return LinkedBody::from_error(error, request_id.clone()).into_response();
    }
    if let Err(code) = authenticate(&headers) {
        return fail(LinkedError::from(code));
    }
    let body = json!({
        "job": { "id": Uuid::new_v4().to_string(), "name": job["name"], "status": "queued" },
        "request_id": request_id,
    });
    (StatusCode::CREATED, Json(body)).into_response()
}

// ---------------------------------------------------------------------------------------
// Relay REST API.
// ---------------------------------------------------------------------------------------

/// Whether the client asked for RFC 9457 problem details.
fn wants_problem(headers: &HeaderMap) -> bool {
    headers
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains(relay_errors::envelopes::PROBLEM_JSON))
}

/// A REST error, or problem details if the client asked for them; either carries the
/// error's details.
fn rest_error(error: RelayError, headers: &HeaderMap, uri: &Uri) -> Response {
    if wants_problem(headers) {
        Problem::from(error)
            .with_instance(uri.path())
            .into_response()
    } else {
        RestBody::from(error).into_response()
    }
}

/// The demo's ticket, or the error explaining why there is none.
fn find_ticket(id: &str) -> Result<Value, RelayError> {
    let Ok(uuid) = Uuid::parse_str(id) else {
        return Err(RelayError::InvalidUuid {
            value: id.to_owned(),
            field: Some("id".to_owned()),
        });
    };
    if uuid.to_string() != KNOWN_TICKET {
        return Err(RelayError::TicketNotFound);
    }
    Ok(json!({ "id": KNOWN_TICKET, "subject": "Printer on fire", "status": "open" }))
}

async fn get_ticket(headers: HeaderMap, uri: Uri, Path(id): Path<String>) -> Response {
    match find_ticket(&id) {
        Ok(ticket) => Json(json!({ "data": ticket })).into_response(),
        Err(error) => rest_error(error, &headers, &uri),
    }
}
