//! The demo's tRPC routes over real HTTP: tRPC's protocol, batches included, and a tRPC
//! error body with the right code for every kind of bad request. (The real `@trpc/client`
//! runs against the demo in `tests/node/trpc.test.js`.)

mod support;

use relay_demo::trpc::MAX_BATCH_CALLS;
use relay_demo::{Config, KNOWN_TICKET};
use relay_errors::envelopes::TrpcBody;
use relay_errors::Error;
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use support::{json_of, start};

const UNKNOWN_TICKET: &str = "00000000-0000-4000-8000-000000000000";

fn ticket(status: &str) -> Value {
    json!({ "id": KNOWN_TICKET, "subject": "Printer on fire", "status": status })
}

/// A GET to `procedures` with these query parameters.
async fn get(base: &str, procedures: &str, query: &[(&str, &str)]) -> Response {
    Client::new()
        .get(format!("{base}/api/trpc/{procedures}"))
        .query(query)
        .send()
        .await
        .unwrap()
}

/// A POST to `procedures` with this body.
async fn post(base: &str, procedures: &str, query: &[(&str, &str)], body: &str) -> Response {
    Client::new()
        .post(format!("{base}/api/trpc/{procedures}"))
        .query(query)
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
}

/// The tRPC error body of `code`, with its JSON-RPC number, status and message.
fn error(number: i32, code: &str, status: u16, path: &str, message: &str) -> Value {
    json!({ "error": {
        "message": message,
        "code": number,
        "data": { "code": code, "httpStatus": status, "path": path },
    }})
}

fn bad_request(path: &str, message: &str) -> Value {
    error(-32600, "BAD_REQUEST", 400, path, message)
}

const TICKET_NOT_FOUND: &str =
    "Ticket with specified ID doesn't exist. Verify the ticket ID exists.";

/// The tRPC error body of `INVALID_UUID` for the id `value`: its details in `data.details`.
fn invalid_uuid(value: &str) -> Value {
    let mut body = error(
        -32600,
        "INVALID_UUID",
        400,
        "tickets.get",
        &format!("Invalid UUID format: {value}"),
    );
    body["error"]["data"]["details"] = json!({ "value": value, "field": "id" });
    body
}

/// Checks the status and the exact JSON of a response.
async fn assert_answer(response: Response, status: u16, body: Value) {
    assert_eq!(response.status(), StatusCode::from_u16(status).unwrap());
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(json_of(response).await, body);
}

#[tokio::test]
async fn an_unbatched_query_answers_with_its_result_or_its_error() {
    let base = start(Config::default()).await;
    let found = format!(r#"{{"id":"{KNOWN_TICKET}"}}"#);
    let response = get(&base, "tickets.get", &[("input", &found)]).await;
    assert_answer(
        response,
        200,
        json!({ "result": { "data": ticket("open") } }),
    )
    .await;

    let missing = format!(r#"{{"id":"{UNKNOWN_TICKET}"}}"#);
    let response = get(&base, "tickets.get", &[("input", &missing)]).await;
    let body = error(
        -32004,
        "TICKET_NOT_FOUND",
        404,
        "tickets.get",
        TICKET_NOT_FOUND,
    );
    assert_answer(response, 404, body).await;
}

#[tokio::test]
async fn an_unbatched_mutation_is_a_post_with_the_input_as_body() {
    let base = start(Config::default()).await;
    let input = format!(r#"{{"id":"{KNOWN_TICKET}","status":"closed"}}"#);
    let response = post(&base, "tickets.setStatus", &[], &input).await;
    assert_answer(
        response,
        200,
        json!({ "result": { "data": ticket("closed") } }),
    )
    .await;

    let response = post(&base, "tickets.delete", &[], &input).await;
    let message = format!("Only admins may delete ticket {KNOWN_TICKET}.");
    let body = error(-32003, "FORBIDDEN", 403, "tickets.delete", &message);
    assert_answer(response, 403, body).await;
}

#[tokio::test]
async fn a_batch_answers_every_call_in_order_with_207_when_statuses_differ() {
    let base = start(Config::default()).await;
    let input = json!({
        "0": { "id": KNOWN_TICKET },
        "1": { "id": "nope" },
        "2": { "id": UNKNOWN_TICKET },
    })
    .to_string();
    let query = [("batch", "1"), ("input", input.as_str())];
    let response = get(&base, "tickets.get,tickets.get,tickets.get", &query).await;
    let body = json!([
        { "result": { "data": ticket("open") } },
        invalid_uuid("nope"),
        error(-32004, "TICKET_NOT_FOUND", 404, "tickets.get", TICKET_NOT_FOUND),
    ]);
    assert_answer(response, 207, body).await;
}

#[tokio::test]
async fn a_batch_whose_calls_agree_has_their_status() {
    let base = start(Config::default()).await;
    let input = json!({ "0": { "id": KNOWN_TICKET }, "1": { "id": KNOWN_TICKET } }).to_string();
    let query = [("batch", "1"), ("input", input.as_str())];
    let response = get(&base, "tickets.get,tickets.get", &query).await;
    let found = json!({ "result": { "data": ticket("open") } });
    assert_answer(response, 200, json!([found, found])).await;

    let input = json!({ "0": { "id": "a" }, "1": { "id": "b" } }).to_string();
    let query = [("batch", "1"), ("input", input.as_str())];
    let response = get(&base, "tickets.get,tickets.get", &query).await;
    let (a, b) = (invalid_uuid("a"), invalid_uuid("b"));
    assert_answer(response, 400, json!([a, b])).await;
}

#[tokio::test]
async fn a_batch_of_mutations_is_a_post_of_the_indexed_inputs() {
    let base = start(Config::default()).await;
    let body = json!({
        "0": { "id": KNOWN_TICKET, "status": "pending" },
        "1": { "id": KNOWN_TICKET, "status": "lost" },
    })
    .to_string();
    let response = post(
        &base,
        "tickets.setStatus,tickets.setStatus",
        &[("batch", "1")],
        &body,
    )
    .await;
    let message =
        r#"Invalid ticket status value: "lost" is not one of open, pending, solved, closed."#;
    let answer = json!([
        { "result": { "data": ticket("pending") } },
        error(-32600, "INVALID_STATUS", 400, "tickets.setStatus", message),
    ]);
    assert_answer(response, 207, answer).await;
}

#[tokio::test]
async fn an_unknown_procedure_or_the_wrong_method_fails_only_its_call() {
    let base = start(Config::default()).await;
    let input = json!({ "0": { "id": KNOWN_TICKET }, "1": { "id": KNOWN_TICKET } }).to_string();
    let query = [("batch", "1"), ("input", input.as_str())];
    let response = get(&base, "tickets.get,tickets.archive", &query).await;
    let message = r#"No procedure found on path "tickets.archive"."#;
    let body = json!([
        { "result": { "data": ticket("open") } },
        error(-32004, "NOT_FOUND", 404, "tickets.archive", message),
    ]);
    assert_answer(response, 207, body).await;

    let response = get(&base, "tickets.setStatus", &[("input", r#"{"id":"x"}"#)]).await;
    let message = "tickets.setStatus is a mutation: call it with POST, not GET.";
    assert_answer(response, 400, bad_request("tickets.setStatus", message)).await;
}

#[tokio::test]
async fn a_call_whose_index_is_missing_has_no_input() {
    let base = start(Config::default()).await;
    // More procedures than inputs: call 1 has none, which `tickets.get` needs.
    let input = json!({ "0": { "id": KNOWN_TICKET } }).to_string();
    let query = [("batch", "1"), ("input", input.as_str())];
    let response = get(&base, "tickets.get,tickets.get", &query).await;
    let body = json!([
        { "result": { "data": ticket("open") } },
        bad_request("tickets.get", r#"Expected input {"id": "<uuid>"}."#),
    ]);
    assert_answer(response, 207, body).await;
}

/// Requests that cannot be read as calls get one BAD_REQUEST body for the whole request.
#[tokio::test]
async fn a_request_that_cannot_be_read_gets_one_bad_request() {
    let base = start(Config::default()).await;
    // The procedures, the query string, and the message.
    type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);
    let cases: [Case; 5] = [
        (
            "tickets.get",
            vec![("input", "{not json")],
            "The input is not JSON: key must be a string at line 1 column 2.",
        ),
        (
            "tickets.get,tickets.get",
            vec![("batch", "1"), ("input", "[1,2]")],
            "The input of a batch must be an object of inputs keyed by call index.",
        ),
        (
            "tickets.get,tickets.get",
            vec![("batch", "1"), ("input", r#"{"0":{},"1":{},"2":{}}"#)],
            r#"The batch input has the key "2", but the batch has calls 0 to 1."#,
        ),
        (
            "tickets.get,tickets.get",
            vec![("batch", "1"), ("input", r#"{"0":{},"first":{}}"#)],
            r#"The batch input has the key "first", but the batch has calls 0 to 1."#,
        ),
        (
            "tickets.get,,tickets.get",
            vec![("batch", "1"), ("input", "{}")],
            "A procedure name is empty.",
        ),
    ];
    for (procedures, query, message) in cases {
        let response = get(&base, procedures, &query).await;
        assert_answer(response, 400, bad_request(procedures, message)).await;
    }
    let response = post(&base, "tickets.setStatus", &[], "[").await;
    let message = "The input is not JSON: EOF while parsing a list at line 1 column 1.";
    assert_answer(response, 400, bad_request("tickets.setStatus", message)).await;
}

#[tokio::test]
async fn a_batch_over_the_limit_is_refused_before_any_call_runs() {
    let base = start(Config::default()).await;
    let procedures = vec!["tickets.get"; MAX_BATCH_CALLS + 1].join(",");
    let response = get(&base, &procedures, &[("batch", "1"), ("input", "{}")]).await;
    let message = format!(
        "A batch may hold at most {MAX_BATCH_CALLS} calls; this one has {}.",
        MAX_BATCH_CALLS + 1
    );
    assert_answer(response, 400, bad_request(&procedures, &message)).await;

    let procedures = vec!["tickets.get"; MAX_BATCH_CALLS].join(",");
    let response = get(&base, &procedures, &[("batch", "1"), ("input", "{}")]).await;
    assert_eq!(
        response.status(),
        StatusCode::BAD_REQUEST,
        "every call lacks its input"
    );
    assert_eq!(
        json_of(response).await.as_array().unwrap().len(),
        MAX_BATCH_CALLS
    );
}

#[tokio::test]
async fn errors_carry_a_stack_only_in_development() {
    let input = [("input", r#"{"id":"nope"}"#)];
    let base = start(Config { development: true }).await;
    let body = json_of(get(&base, "tickets.get", &input).await).await;
    assert_eq!(
        body["error"]["data"]["stack"],
        "TRPCError: INVALID_UUID\n    at tickets.get"
    );
    let base = start(Config::default()).await;
    let body = json_of(get(&base, "tickets.get", &input).await).await;
    assert_eq!(body["error"]["data"].get("stack"), None);
}

#[tokio::test]
async fn a_missing_field_is_named_in_the_details_and_read_back_typed() {
    let base = start(Config::default()).await;
    let input = format!(r#"{{"id":"{KNOWN_TICKET}"}}"#);
    let response = post(&base, "tickets.setStatus", &[], &input).await;
    let mut body = error(
        -32600,
        "MISSING_FIELD",
        400,
        "tickets.setStatus",
        "Required field status is missing",
    );
    body["error"]["data"]["details"] = json!({ "field": "status" });
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let answer = json_of(response).await;
    assert_eq!(answer, body);
    let body: TrpcBody = serde_json::from_value(answer).unwrap();
    assert_eq!(
        Error::try_from(&body),
        Ok(Error::MissingField {
            field: "status".to_owned()
        })
    );
}
