//! The demo's Batch Relay and REST routes over real HTTP: each test starts it on an
//! ephemeral loopback port and checks status, headers and the exact JSON of every
//! documented case. The tRPC routes are in `trpc.rs`.

mod support;

use relay_demo::{Config, KNOWN_TICKET};
use relay_errors::envelopes::{Problem, RestBody};
use relay_errors::Error;
use reqwest::header::CONTENT_TYPE;
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use support::{json_of, start};

fn content_type(response: &Response) -> &str {
    response.headers()[CONTENT_TYPE].to_str().unwrap()
}

/// A Batch Relay error body as the seed documents it.
fn linked_error(code: &str, message: &str, action: Option<&str>, request_id: &str) -> Value {
    let mut error = json!({
        "code": code,
        "message": message,
        "docs_url": format!("https://docs.batchrelay.com/errors#{code}"),
    });
    if let Some(action) = action {
        error["action_url"] = json!(action);
    }
    json!({ "error": error, "request_id": request_id })
}

const KEYS_PAGE: &str = "https://dashboard.batchrelay.com/settings/api-keys";

async fn get_job(base: &str, key: Option<&str>) -> Response {
    let mut request = Client::new()
        .get(format!("{base}/batch/v1/jobs/job_42"))
        .header("x-request-id", "req_test");
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn batch_job_without_a_key_is_api_key_required() {
    let base = start(Config::default()).await;
    let response = get_job(&base, None).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(content_type(&response), "application/json");
    assert_eq!(response.headers()["x-request-id"], "req_test");
    assert_eq!(
        json_of(response).await,
        linked_error(
            "api_key_required",
            "The request did not include a bearer API key. Add an Authorization: Bearer <key> header to every request.",
            Some(KEYS_PAGE),
            "req_test",
        )
    );
}

#[tokio::test]
async fn batch_job_with_a_revoked_or_expired_key() {
    let base = start(Config::default()).await;
    let revoked = get_job(&base, Some("revoked")).await;
    assert_eq!(revoked.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        json_of(revoked).await,
        linked_error(
            "api_key_revoked",
            "The API key was explicitly revoked. Generate a new key from the developer dashboard.",
            Some(KEYS_PAGE),
            "req_test",
        )
    );
    let expired = get_job(&base, Some("expired")).await;
    assert_eq!(expired.status(), StatusCode::FORBIDDEN);
    assert_eq!(json_of(expired).await["error"]["code"], "api_key_expired");
}

#[tokio::test]
async fn batch_job_with_the_test_key_succeeds_with_a_request_id_and_no_error() {
    let base = start(Config::default()).await;
    let response = get_job(&base, Some("test-key")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        json_of(response).await,
        json!({ "job": { "id": "job_42", "status": "completed" }, "request_id": "req_test" })
    );
}

#[tokio::test]
async fn batch_generates_a_request_id_when_the_client_sends_none() {
    let base = start(Config::default()).await;
    let response = Client::new()
        .get(format!("{base}/batch/v1/jobs/1"))
        .send()
        .await
        .unwrap();
    let header = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let body = json_of(response).await;
    assert!(header.starts_with("req_") && header.len() == 36, "{header}");
    assert_eq!(body["request_id"], header.as_str(), "body and header agree");
}

async fn post_job(base: &str, body: &'static str) -> Response {
    Client::new()
        .post(format!("{base}/batch/v1/jobs"))
        .header("x-request-id", "req_post")
        .header(CONTENT_TYPE, "application/json")
        .bearer_auth("test-key")
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn batch_create_rejects_a_body_that_is_not_json() {
    let base = start(Config::default()).await;
    let response = post_job(&base, "{\"name\": \"x\",}").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        json_of(response).await,
        linked_error(
            "invalid_json",
            "The request body could not be parsed as valid JSON. Check for syntax errors such as trailing commas or unquoted keys.",
            None,
            "req_post",
        )
    );
}

#[tokio::test]
async fn batch_create_rejects_json_missing_a_required_field() {
    let base = start(Config::default()).await;
    let response = post_job(&base, "{\"name\": \"nightly\"}").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        json_of(response).await,
        linked_error(
            "invalid_request",
            "One or more required fields are missing or contain invalid values: items.",
            None,
            "req_post",
        )
    );
    let created = post_job(&base, "{\"name\": \"nightly\", \"items\": []}").await;
    assert_eq!(created.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn rest_ticket_with_a_malformed_id_is_invalid_uuid() {
    let base = start(Config::default()).await;
    let response = reqwest::get(format!("{base}/api/v1/tickets/not-a-uuid"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(content_type(&response), "application/json");
    let body = json_of(response).await;
    assert_eq!(
        body,
        json!({ "error": {
            "code": "INVALID_UUID",
            "message": "Invalid UUID format: not-a-uuid",
            "details": { "value": "not-a-uuid", "field": "id" },
        }})
    );
    // A client reads the typed error back from the body.
    let body: RestBody = serde_json::from_value(body).unwrap();
    assert_eq!(
        Error::try_from(&body),
        Ok(Error::InvalidUuid {
            value: "not-a-uuid".to_owned(),
            field: Some("id".to_owned()),
        })
    );
}

#[tokio::test]
async fn rest_problem_details_carry_the_details_as_members() {
    let base = start(Config::default()).await;
    let response = Client::new()
        .get(format!("{base}/api/v1/tickets/42"))
        .header("accept", "application/problem+json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = json_of(response).await;
    assert_eq!(
        body,
        json!({
            "type": "https://docs.relay.dev/errors#invalid_uuid",
            "title": "Invalid UUID format",
            "status": 400,
            "detail": "Invalid UUID format: 42",
            "instance": "/api/v1/tickets/42",
            "code": "INVALID_UUID",
            "value": "42",
            "field": "id",
        })
    );
    let problem: Problem = serde_json::from_value(body).unwrap();
    assert_eq!(
        Error::try_from(&problem),
        Ok(Error::InvalidUuid {
            value: "42".to_owned(),
            field: Some("id".to_owned()),
        })
    );
}

#[tokio::test]
async fn rest_ticket_that_does_not_exist_is_ticket_not_found() {
    let base = start(Config::default()).await;
    let missing = "00000000-0000-4000-8000-000000000000";
    let response = reqwest::get(format!("{base}/api/v1/tickets/{missing}"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        json_of(response).await,
        json!({ "error": {
            "code": "TICKET_NOT_FOUND",
            "message": "Ticket with specified ID doesn't exist. Verify the ticket ID exists.",
            "details": {},
        }})
    );
    let found = reqwest::get(format!("{base}/api/v1/tickets/{KNOWN_TICKET}"))
        .await
        .unwrap();
    assert_eq!(found.status(), StatusCode::OK);
    assert_eq!(json_of(found).await["data"]["id"], KNOWN_TICKET);
}

#[tokio::test]
async fn rest_routes_answer_problem_details_when_asked() {
    let base = start(Config::default()).await;
    let missing = "00000000-0000-4000-8000-000000000000";
    let response = Client::new()
        .get(format!("{base}/api/v1/tickets/{missing}"))
        .header("accept", "application/problem+json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(content_type(&response), "application/problem+json");
    assert_eq!(
        json_of(response).await,
        json!({
            "type": "https://docs.relay.dev/errors#ticket_not_found",
            "title": "Ticket with specified ID doesn't exist",
            "status": 404,
            "detail": "Ticket with specified ID doesn't exist. Verify the ticket ID exists.",
            "instance": format!("/api/v1/tickets/{missing}"),
            "code": "TICKET_NOT_FOUND",
        })
    );
}
