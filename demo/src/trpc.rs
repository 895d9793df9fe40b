//! The Relay tRPC API over tRPC's HTTP protocol, as `@trpc/client`'s `httpLink` and
//! `httpBatchLink` speak it.
//!
//! - A query is `GET /api/trpc/{procedure}?input={json}`, a mutation `POST` with the input
//!   as the JSON body. The answer is `{"result": {"data": …}}` or a tRPC error body.
//! - A batch is `GET /api/trpc/a,b?batch=1&input={"0": …, "1": …}` (or `POST` with that
//!   object as the body): one answer per call, in call order, as a JSON array, with the
//!   calls' common HTTP status, or 207 when they differ.
//!
//! A request that cannot be read as calls at all (input that is not JSON, a batch input
//! that is not an object or has an index no call has, an empty procedure name, more than
//! [`MAX_BATCH_CALLS`] calls) gets one `BAD_REQUEST` body, as tRPC answers it; tRPC's
//! batch client hands that error to every call. A call that can be read but fails (an
//! unknown procedure, the wrong method, a missing or wrong input) fails alone. A batch
//! input without a call's index is that call's missing input, as when the client sends
//! `undefined`.

use axum::body::Bytes;
use axum::extract::{Path, Query};
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use relay_errors::envelopes::{TrpcBatch, TrpcBody, TrpcResponse};
use relay_errors::{Error as RelayError, ErrorCode as RelayCode};
use serde_json::{json, Map, Value};

use crate::{find_ticket, Config, KNOWN_TICKET};

/// The most calls one batch may hold. tRPC's own server has no limit unless one is
/// configured; an unbounded batch lets one request do unbounded work.
pub const MAX_BATCH_CALLS: usize = 32;

/// The ticket statuses `tickets.setStatus` accepts.
pub const TICKET_STATUSES: [&str; 4] = ["open", "pending", "solved", "closed"];

/// The query string of a tRPC request: `batch=1` and `input`.
pub type Params = std::collections::HashMap<String, String>;

/// Serves one tRPC request, batched or not.
pub async fn serve(
    config: Config,
    method: Method,
    Path(procedures): Path<String>,
    query: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
    body: Bytes,
) -> Response {
    let fail = |failure: Failure| failure.into_body(&procedures, config).into_response();
    let Ok(Query(params)) = query else {
        return fail(Failure::bad_request("The query string is not URL-encoded."));
    };
    let batched = params.get("batch").is_some_and(|batch| batch == "1");
    let request = match read_request(&method, &procedures, &params, &body, batched) {
        Ok(request) => request,
        Err(failure) => return fail(failure),
    };
    let answers: Vec<TrpcResponse> = request
        .calls
        .iter()
        .map(|call| answer(config, &method, call))
        .collect();
    if batched {
        TrpcBatch(answers).into_response()
    } else {
        let only = answers.into_iter().next();
        only.expect("an unbatched request has one call")
            .into_response()
    }
}

/// One procedure call of a request, with its input (`None` when none was sent).
struct Call<'a> {
    path: &'a str,
    input: Option<Value>,
}

/// A request read as calls.
struct Request<'a> {
    calls: Vec<Call<'a>>,
}

/// Reads the calls of a request, or the one error that answers all of it.
fn read_request<'a>(
    method: &Method,
    procedures: &'a str,
    params: &Params,
    body: &[u8],
    batched: bool,
) -> Result<Request<'a>, Failure> {
    let paths: Vec<&str> = if batched {
        procedures.split(',').collect()
    } else {
        vec![procedures]
    };
    if paths.iter().any(|path| path.is_empty()) {
        return Err(Failure::bad_request("A procedure name is empty."));
    }
    if paths.len() > MAX_BATCH_CALLS {
        return Err(Failure::bad_request(format!(
            "A batch may hold at most {MAX_BATCH_CALLS} calls; this one has {}.",
            paths.len()
        )));
    }
    let input = read_input(method, params, body)?;
    let inputs = if batched {
        batch_inputs(input, paths.len())?
    } else {
        vec![input]
    };
    let calls = paths
        .into_iter()
        .zip(inputs)
        .map(|(path, input)| Call { path, input })
        .collect();
    Ok(Request { calls })
}

/// The raw input: the `input` query parameter of a GET, the body of a POST.
fn read_input(method: &Method, params: &Params, body: &[u8]) -> Result<Option<Value>, Failure> {
    let text: &[u8] = if method == Method::GET {
        params.get("input").map_or(&[], |input| input.as_bytes())
    } else {
        body
    };
    if text.is_empty() {
        return Ok(None);
    }
    serde_json::from_slice(text)
        .map(Some)
        .map_err(|error| Failure::bad_request(format!("The input is not JSON: {error}.")))
}

/// Splits a batch's input object into one input per call.
fn batch_inputs(input: Option<Value>, calls: usize) -> Result<Vec<Option<Value>>, Failure> {
    let mut by_index = match input {
        None => Map::new(),
        Some(Value::Object(by_index)) => by_index,
        Some(_) => {
            return Err(Failure::bad_request(
                "The input of a batch must be an object of inputs keyed by call index.",
            ))
        }
    };
    let inputs = (0..calls)
        .map(|index| by_index.remove(&index.to_string()))
        .collect();
    if let Some(extra) = by_index.keys().next() {
        return Err(Failure::bad_request(format!(
            "The batch input has the key {extra:?}, but the batch has calls 0 to {}.",
            calls - 1
        )));
    }
    Ok(inputs)
}

/// Whether a procedure reads (a query, sent with GET) or writes (a mutation, POST).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Query,
    Mutation,
}

/// A procedure of the demo router.
struct Procedure {
    path: &'static str,
    kind: Kind,
    run: fn(Option<&Value>) -> Result<Value, Failure>,
}

const PROCEDURES: [Procedure; 3] = [
    Procedure {
        path: "tickets.get",
        kind: Kind::Query,
        run: get_ticket,
    },
    Procedure {
        path: "tickets.setStatus",
        kind: Kind::Mutation,
        run: set_ticket_status,
    },
    Procedure {
        path: "tickets.delete",
        kind: Kind::Mutation,
        run: delete_ticket,
    },
];

/// Runs one call and answers it.
fn answer(config: Config, method: &Method, call: &Call<'_>) -> TrpcResponse {
    let result = run_call(method, call);
    result
        .map_err(|failure| failure.into_body(call.path, config))
        .into()
}

fn run_call(method: &Method, call: &Call<'_>) -> Result<Value, Failure> {
    let Some(procedure) = PROCEDURES.iter().find(|p| p.path == call.path) else {
        return Err(Failure::new(
            RelayError::NotFound,
            format!("No procedure found on path {:?}.", call.path),
        ));
    };
    let expected = match procedure.kind {
        Kind::Query => Method::GET,
        Kind::Mutation => Method::POST,
    };
    if *method != expected {
        return Err(Failure::bad_request(format!(
            "{} is a {}: call it with {expected}, not {method}.",
            procedure.path,
            if procedure.kind == Kind::Query {
                "query"
            } else {
                "mutation"
            },
        )));
    }
    (procedure.run)(call.input.as_ref())
}

/// `tickets.get({id})`: the ticket.
fn get_ticket(input: Option<&Value>) -> Result<Value, Failure> {
    let id = string_field(input, "id", "{\"id\": \"<uuid>\"}")?;
    find_ticket(id).map_err(Failure::from)
}

/// `tickets.setStatus({id, status})`: the ticket with its new status.
fn set_ticket_status(input: Option<&Value>) -> Result<Value, Failure> {
    const SHAPE: &str = "{\"id\": \"<uuid>\", \"status\": \"<status>\"}";
    let id = string_field(input, "id", SHAPE)?;
    // A missing status is named in the details, which a client reads as typed data.
    let status = input
        .and_then(|input| input.get("status"))
        .and_then(Value::as_str)
        .ok_or(RelayError::MissingField {
            field: "status".to_owned(),
        })?;
    if !TICKET_STATUSES.contains(&status) {
        return Err(Failure::new(
            RelayError::InvalidStatus,
            format!(
                "{}: {status:?} is not one of {}.",
                RelayCode::InvalidStatus.description_in(relay_errors::Family::Tickets),
                TICKET_STATUSES.join(", ")
            ),
        ));
    }
    let mut ticket = find_ticket(id).map_err(Failure::from)?;
    ticket["status"] = json!(status);
    Ok(ticket)
}

/// `tickets.delete({id})`: the demo's caller is an agent, and only admins delete.
fn delete_ticket(input: Option<&Value>) -> Result<Value, Failure> {
    let id = string_field(input, "id", "{\"id\": \"<uuid>\"}")?;
    find_ticket(id).map_err(Failure::from)?;
    Err(Failure::new(
        RelayError::Forbidden,
        format!("Only admins may delete ticket {KNOWN_TICKET}."),
    ))
}

/// The string `field` of the input object, or the error that names the input's `shape`.
fn string_field<'a>(
    input: Option<&'a Value>,
    field: &str,
    shape: &str,
) -> Result<&'a str, Failure> {
    input
        .and_then(|input| input.get(field))
        .and_then(Value::as_str)
        .ok_or_else(|| Failure::bad_request(format!("Expected input {shape}.")))
}

/// Why a call or a request failed: the error, and a message when its own is not enough.
struct Failure {
    error: RelayError,
    message: Option<String>,
}

impl Failure {
    fn new(error: RelayError, message: impl Into<String>) -> Self {
        Failure {
            error,
            message: Some(message.into()),
        }
    }

    fn bad_request(message: impl Into<String>) -> Self {
        Failure::new(RelayError::BadRequest, message)
    }

    /// The tRPC error body of this failure in procedure `path`.
    fn into_body(self, path: &str, config: Config) -> TrpcBody {
        let code = self.error.code();
        let mut body = TrpcBody::from_error(self.error, path);
        if let Some(message) = self.message {
            body = body.with_message(message);
        }
        if config.development {
            body = body.with_stack(format!("TRPCError: {}\n    at {path}", code.as_str()));
        }
        body
    }
}

impl From<RelayError> for Failure {
    fn from(error: RelayError) -> Self {
        Failure {
            error,
            message: None,
        }
    }
}
