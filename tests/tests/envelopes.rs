//! The envelope types of the generated crates (feature `serde`): their exact JSON, round
//! trips, forward compatibility with codes a newer server sends, and retry guidance.

use batch_relay_errors::envelopes::{LinkedBody, LinkedError};
use batch_relay_errors::ErrorCode as BatchCode;
use relay_errors::envelopes::{
    Code, Problem, RestBody, TrpcBatch, TrpcBody, TrpcResponse, TRPC_INTERNAL_SERVER_ERROR,
};
use relay_errors::retry::Backoff;
use relay_errors::ErrorCode;
use serde_json::{json, Value};
use std::time::Duration;

fn pretty<T: serde::Serialize>(body: &T) -> String {
    serde_json::to_string_pretty(body).unwrap()
}

/// Serializes, parses back, and checks nothing was lost.
fn round_trip<T>(body: &T)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let text = serde_json::to_string(body).unwrap();
    let back: T = serde_json::from_str(&text).unwrap();
    assert_eq!(&back, body, "{text}");
}

#[test]
fn linked_error_body() {
    let body = LinkedBody::error(BatchCode::ApiKeyRevoked, "req_8f2a");
    insta::assert_snapshot!(pretty(&body));
    round_trip(&body);
}

#[test]
fn linked_error_body_without_an_action_has_no_action_url() {
    let body = LinkedBody::error(BatchCode::InternalError, "req_8f2b");
    insta::assert_snapshot!(pretty(&body));
    round_trip(&body);
}

#[test]
fn linked_success_body_has_only_the_request_id() {
    let body = LinkedBody::success("req_8f2c");
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        r#"{"request_id":"req_8f2c"}"#
    );
    assert_eq!(body.status(), 200);
    round_trip(&body);
}

#[test]
fn rest_body() {
    let mut details = serde_json::Map::new();
    details.insert("id".into(), json!("5b8e8a34"));
    let body = RestBody::new(ErrorCode::TicketNotFound).with_details(details);
    insta::assert_snapshot!(pretty(&body));
    assert_eq!(body.status(), 404);
    round_trip(&body);
}

#[test]
fn trpc_body() {
    let body = TrpcBody::new(ErrorCode::Forbidden, "tickets.update");
    insta::assert_snapshot!(pretty(&body));
    assert_eq!(body.status(), 403);
    round_trip(&body);
    let with_stack = body.with_stack("Error: at tickets.update");
    assert_eq!(
        serde_json::to_value(&with_stack).unwrap()["error"]["data"]["stack"],
        "Error: at tickets.update"
    );
    round_trip(&with_stack);
}

#[test]
fn trpc_error_code_is_trpcs_number_for_the_status() {
    // The numbers of @trpc/server's TRPC_ERROR_CODES_BY_KEY, via HTTP_CODE_TO_JSONRPC2.
    let cases = [
        (ErrorCode::BadRequest, -32600),
        (ErrorCode::Unauthorized, -32001),
        (ErrorCode::Forbidden, -32003),
        (ErrorCode::TicketNotFound, -32004),
        (ErrorCode::Conflict, -32009),
        (ErrorCode::AttachmentTooLarge, -32013),
        (ErrorCode::InvalidAttachmentType, -32015),
        (ErrorCode::ApplyFailed, -32022),
        (ErrorCode::TooManyRequests, -32029),
        (ErrorCode::InternalServerError, -32603),
        // tRPC gives 502, 503 and 504 no number of their own.
        (ErrorCode::SyncFailed, -32603),
        (ErrorCode::ServiceUnavailable, -32603),
        (ErrorCode::Timeout, -32603),
    ];
    for (code, number) in cases {
        assert_eq!(code.trpc_code(), number, "{code}");
        let body = serde_json::to_value(TrpcBody::new(code, "p")).unwrap();
        assert_eq!(body["error"]["code"], number, "{code}");
        assert_eq!(body["error"]["data"]["code"], code.as_str());
    }
    const NOT_FOUND: i32 = ErrorCode::NotFound.trpc_code();
    assert_eq!(NOT_FOUND, -32004);
}

/// Older servers sent the wire string in `error.code`; it reads as that code's number.
#[test]
fn trpc_body_with_a_string_error_code_from_an_older_server_parses() {
    let old = r#"{"error":{"message":"m","code":"TICKET_NOT_FOUND","data":{"code":"TICKET_NOT_FOUND","httpStatus":404,"path":"tickets.get"}}}"#;
    let body: TrpcBody = serde_json::from_str(old).unwrap();
    assert_eq!(body.error.code, -32004);
    assert_eq!(body.error.data.code, ErrorCode::TicketNotFound);
    let unknown = old.replace(
        "\"code\":\"TICKET_NOT_FOUND\",\"data\"",
        "\"code\":\"TICKET_MERGED\",\"data\"",
    );
    let body: TrpcBody = serde_json::from_str(&unknown).unwrap();
    assert_eq!(body.error.code, TRPC_INTERNAL_SERVER_ERROR);
    let out_of_range = old.replace(
        "\"code\":\"TICKET_NOT_FOUND\",\"data\"",
        "\"code\":4294967296,\"data\"",
    );
    assert!(serde_json::from_str::<TrpcBody>(&out_of_range).is_err());
}

#[test]
fn trpc_responses_and_batches_have_trpcs_shape_and_status() {
    let ok = TrpcResponse::Data(json!({ "id": "t_1" }));
    let failed = TrpcResponse::from(TrpcBody::new(ErrorCode::TicketNotFound, "tickets.get"));
    assert_eq!(
        serde_json::to_string(&ok).unwrap(),
        r#"{"result":{"data":{"id":"t_1"}}}"#
    );
    assert_eq!((ok.status(), failed.status()), (200, 404));
    round_trip(&ok);
    round_trip(&failed);
    // A procedure that returned nothing is sent without `data`.
    let nothing: TrpcResponse = serde_json::from_str(r#"{"result":{}}"#).unwrap();
    assert_eq!(nothing, TrpcResponse::Data(Value::Null));
    assert!(serde_json::from_str::<TrpcResponse>(r#"{"data":1}"#).is_err());

    let mixed = TrpcBatch(vec![ok.clone(), failed.clone()]);
    assert_eq!(mixed.status(), 207);
    let text = serde_json::to_string(&mixed).unwrap();
    assert!(text.starts_with(r#"[{"result":{"data":"#), "{text}");
    round_trip(&mixed);
    assert_eq!(TrpcBatch(vec![ok.clone(), ok]).status(), 200);
    assert_eq!(TrpcBatch(vec![failed.clone(), failed]).status(), 404);
    assert_eq!(TrpcBatch::default().status(), 200);
}

#[test]
fn problem_details() {
    let body = Problem::new(ErrorCode::TooManyRequests).with_instance("/api/v1/tickets");
    insta::assert_snapshot!(pretty(&body));
    round_trip(&body);
    let batch = batch_relay_errors::envelopes::Problem::new(BatchCode::BillingRequired);
    assert_eq!(
        batch.problem_type,
        "https://docs.batchrelay.com/errors#billing_required"
    );
    assert_eq!(batch.status(), 402);
}

/// A body from a newer server, with a code this crate version does not know, parses;
/// the code is kept and the body serializes back byte for byte.
#[test]
fn unknown_codes_survive_a_round_trip_byte_for_byte() {
    let bodies = [
        r#"{"error":{"code":"TICKET_MERGED","message":"Ticket was merged","details":{"into":"t_2"}}}"#,
        r#"{"error":{"message":"Merged","code":-32603,"data":{"code":"TICKET_MERGED","httpStatus":410,"path":"tickets.get"}}}"#,
        r#"{"type":"https://docs.relay.dev/errors#ticket_merged","title":"Merged","status":410,"detail":"Merged.","code":"TICKET_MERGED"}"#,
    ];
    let rest: RestBody = serde_json::from_str(bodies[0]).unwrap();
    assert_eq!(rest.error.code, Code::Unknown("TICKET_MERGED".into()));
    assert_eq!(rest.error.code.known(), None);
    assert_eq!(serde_json::to_string(&rest).unwrap(), bodies[0]);
    let trpc: TrpcBody = serde_json::from_str(bodies[1]).unwrap();
    assert_eq!(trpc.status(), 410);
    assert_eq!(serde_json::to_string(&trpc).unwrap(), bodies[1]);
    let problem: Problem = serde_json::from_str(bodies[2]).unwrap();
    assert_eq!(serde_json::to_string(&problem).unwrap(), bodies[2]);

    let linked = r#"{"error":{"code":"job_quota_reached","message":"m","docs_url":"https://docs.batchrelay.com/errors#job_quota_reached"},"request_id":"r"}"#;
    let body: LinkedBody = serde_json::from_str(linked).unwrap();
    assert_eq!(
        body.error.as_ref().unwrap().code.as_str(),
        "job_quota_reached"
    );
    assert_eq!(serde_json::to_string(&body).unwrap(), linked);
}

#[test]
fn known_codes_parse_to_their_variant_and_extra_fields_are_ignored() {
    let text = r#"{"error":{"code":"TICKET_NOT_FOUND","message":"gone","details":{},"trace_id":"abc"},"extra":1}"#;
    let body: RestBody = serde_json::from_str(text).unwrap();
    assert_eq!(body.error.code, ErrorCode::TicketNotFound);
    assert_eq!(body.error.code, Code::Known(ErrorCode::TicketNotFound));
    // `details` may be left out; it reads as `{}`.
    let body: RestBody =
        serde_json::from_str(r#"{"error":{"code":"CONFLICT","message":"m"}}"#).unwrap();
    assert!(body.error.details.is_empty());
    // A `null` action_url reads as none.
    let linked: LinkedError = serde_json::from_str(
        r#"{"code":"api_key_expired","message":"m","docs_url":"d","action_url":null}"#,
    )
    .unwrap();
    assert_eq!(linked.action_url, None);
}

#[test]
fn a_missing_required_field_is_an_error_naming_it() {
    let error = serde_json::from_str::<RestBody>(r#"{"error":{"code":"CONFLICT"}}"#).unwrap_err();
    assert!(
        error.to_string().contains("missing field `message`"),
        "{error}"
    );
    let error = serde_json::from_str::<LinkedBody>(r#"{"error":null}"#).unwrap_err();
    assert!(
        error.to_string().contains("missing field `request_id`"),
        "{error}"
    );
    let error = serde_json::from_str::<RestBody>("[1, 2]").unwrap_err();
    assert!(error.to_string().contains("REST error body"), "{error}");
}

#[test]
fn error_code_serializes_as_its_wire_string_and_is_strict_when_parsed() {
    assert_eq!(
        serde_json::to_value(ErrorCode::InvalidUuid).unwrap(),
        json!("INVALID_UUID")
    );
    assert_eq!(
        serde_json::from_value::<ErrorCode>(json!("INVALID_UUID")).unwrap(),
        ErrorCode::InvalidUuid
    );
    let error = serde_json::from_value::<ErrorCode>(json!("NOPE")).unwrap_err();
    assert!(error.to_string().contains("NOPE"), "{error}");
    let codes: Vec<BatchCode> =
        serde_json::from_str(r#"["invalid_json","internal_error"]"#).unwrap();
    assert_eq!(codes, [BatchCode::InvalidJson, BatchCode::InternalError]);
}

#[test]
fn every_code_builds_every_envelope_with_its_own_facts() {
    for &code in ErrorCode::ALL {
        let rest = serde_json::to_value(RestBody::new(code)).unwrap();
        assert_eq!(rest["error"]["code"], code.as_str());
        assert_eq!(rest["error"]["message"], code.message());
        let problem = serde_json::to_value(Problem::new(code)).unwrap();
        assert_eq!(problem["type"], code.docs_url());
        assert_eq!(problem["status"], code.http_status());
        assert!(problem.get("instance").is_none());
        assert_eq!(code.status_code().as_u16(), code.http_status());
    }
    for &code in BatchCode::ALL {
        let body: Value = serde_json::to_value(LinkedBody::error(code, "r")).unwrap();
        assert_eq!(body["error"]["docs_url"], code.docs_url());
        assert_eq!(
            body["error"].get("action_url").and_then(Value::as_str),
            code.action_url()
        );
    }
}

#[test]
fn default_messages_say_what_happened_and_what_to_do() {
    assert_eq!(
        ErrorCode::SessionExpired.message(),
        "Session has expired. Re-authenticate to get new session."
    );
    assert_eq!(
        BatchCode::ApiKeyRequired.message(),
        "The request did not include a bearer API key. Add an Authorization: Bearer <key> header to every request."
    );
}

#[test]
fn backoff_is_exponential_capped_and_fully_jittered() {
    let backoff = Backoff::DEFAULT;
    assert_eq!(backoff.ceiling(0), Duration::from_secs(1));
    assert_eq!(backoff.ceiling(1), Duration::from_secs(2));
    assert_eq!(backoff.ceiling(4), Duration::from_secs(16));
    assert_eq!(backoff.ceiling(5), Duration::from_secs(30), "capped");
    assert_eq!(
        backoff.ceiling(u32::MAX),
        Duration::from_secs(30),
        "no overflow"
    );
    assert_eq!(backoff.delay(3, 0.0), Duration::ZERO);
    assert_eq!(backoff.delay(3, 0.5), Duration::from_secs(4));
    assert_eq!(backoff.delay(3, 1.0), Duration::from_secs(8));
    assert_eq!(backoff.delay(3, 7.0), Duration::from_secs(8), "clamped");
    assert_eq!(backoff.delay(3, -1.0), Duration::ZERO, "clamped");
    assert_eq!(backoff.delay(3, f64::NAN), Duration::ZERO);
}

#[test]
fn only_retryable_codes_get_a_retry_delay() {
    assert_eq!(
        ErrorCode::TooManyRequests.retry_delay(2, 0.25),
        Some(Duration::from_secs(1))
    );
    assert_eq!(ErrorCode::TicketNotFound.retry_delay(0, 0.5), None);
    assert!(BatchCode::InternalError.retry_delay(0, 0.9).is_some());
    assert!(BatchCode::ApiKeyRevoked.retry_delay(0, 0.9).is_none());
}
