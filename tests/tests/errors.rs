//! The generated `Error`, as a service builds it and a client reads it back: its
//! rendered message, each envelope's exact JSON, and the round trip from a typed error
//! through JSON text to the same typed error, for random details (proptest).
//!
//! A body whose code is unknown or whose details do not match stays readable and gives
//! a reason, never a panic.

use proptest::prelude::*;
use relay_errors::details::{TooManyRequestsCategory, ValidationErrorViolations};
use relay_errors::envelopes::{FromBodyError, Problem, RestBody, TrpcBody};
use relay_errors::{Error, ErrorCode};
use serde_json::json;

#[test]
fn display_is_the_rendered_template_or_the_codes_own_message() {
    let missing = Error::MissingField {
        field: "customer.email".to_owned(),
    };
    assert_eq!(
        missing.to_string(),
        "Required field customer.email is missing"
    );
    assert_eq!(missing.code(), ErrorCode::MissingField);
    assert_eq!(missing.http_status(), 400);
    let heartbeat = Error::HeartbeatTooFrequent {
        elapsed_seconds: 12.5,
        retry_after: 18,
    };
    assert_eq!(
        heartbeat.to_string(),
        "Heartbeat sent 12.5s after the last one; wait 18 more seconds"
    );
    let attachment = Error::InvalidAttachmentType {
        content_type: "text/x-sh".to_owned(),
        allowed: vec!["image/png".to_owned(), "application/pdf".to_owned()],
    };
    assert_eq!(
        attachment.to_string(),
        "File type text/x-sh is not allowed; allowed types: image/png, application/pdf"
    );
    // A width given to the whole message does not reach the numbers inside it.
    assert_eq!(format!("{heartbeat:.0}"), heartbeat.to_string());
    // No template: the seed's message, as `ErrorCode::message` has it.
    assert_eq!(
        Error::TicketNotFound.to_string(),
        ErrorCode::TicketNotFound.message()
    );
    let validation = Error::ValidationError { violations: vec![] };
    assert_eq!(validation.to_string(), ErrorCode::ValidationError.message());
}

#[test]
fn every_envelope_carries_the_details_where_its_shape_puts_them() {
    let error = Error::TooManyRequests {
        limit: 100,
        remaining: 0,
        reset: 1_705_312_800,
        category: Some(TooManyRequestsCategory::Write),
    };
    let message = "Rate limit of 100 requests exceeded; the window resets at 1705312800";
    let details =
        json!({ "limit": 100, "remaining": 0, "reset": 1_705_312_800, "category": "write" });
    assert_eq!(
        serde_json::to_value(RestBody::from(error.clone())).unwrap(),
        json!({ "error": { "code": "TOO_MANY_REQUESTS", "message": message, "details": details } })
    );
    assert_eq!(
        serde_json::to_value(TrpcBody::from_error(error.clone(), "tickets.list")).unwrap(),
        json!({ "error": {
            "message": message,
            "code": -32029,
            "data": { "code": "TOO_MANY_REQUESTS", "httpStatus": 429, "path": "tickets.list", "details": details },
        }})
    );
    let problem = serde_json::to_value(Problem::from(error)).unwrap();
    assert_eq!(problem["detail"], message);
    assert_eq!(problem["limit"], 100);
    assert_eq!(problem["category"], "write");
    assert_eq!(
        problem.get("details"),
        None,
        "extension members sit at the top level"
    );
    // A code without details: REST keeps `{}`, tRPC leaves `details` out.
    let rest = serde_json::to_value(RestBody::from(Error::TicketNotFound)).unwrap();
    assert_eq!(rest["error"]["details"], json!({}));
    let trpc = serde_json::to_value(TrpcBody::from_error(Error::TicketNotFound, "t")).unwrap();
    assert_eq!(trpc["error"]["data"].get("details"), None);
}

#[test]
fn an_optional_detail_is_left_out_when_absent_and_read_as_none() {
    let error = Error::InvalidUuid {
        value: "42".to_owned(),
        field: None,
    };
    let body = serde_json::to_value(RestBody::from(error.clone())).unwrap();
    assert_eq!(body["error"]["details"], json!({ "value": "42" }));
    let mut read: RestBody = serde_json::from_value(body).unwrap();
    assert_eq!(Error::try_from(&read), Ok(error));
    // `null` for an optional detail reads as absent too.
    read.error
        .details
        .insert("field".to_owned(), serde_json::Value::Null);
    assert!(matches!(
        Error::try_from(&read),
        Ok(Error::InvalidUuid { field: None, .. })
    ));
}

#[test]
fn bodies_of_unknown_codes_or_other_details_stay_readable_and_say_why() {
    let unknown: RestBody = serde_json::from_value(json!({
        "error": { "code": "NEWER_CODE", "message": "From a newer server", "details": { "x": 1 } }
    }))
    .unwrap();
    assert_eq!(unknown.error.message, "From a newer server");
    assert_eq!(
        Error::try_from(&unknown),
        Err(FromBodyError::UnknownCode("NEWER_CODE".to_owned()))
    );
    let cases = [
        json!({}),
        json!({ "field": 4 }),
        json!({ "field": null }),
        json!({ "field": ["a"] }),
    ];
    for details in cases {
        let body: RestBody = serde_json::from_value(json!({
            "error": { "code": "MISSING_FIELD", "message": "m", "details": details }
        }))
        .unwrap();
        let Err(FromBodyError::Details(why)) = Error::try_from(&body) else {
            panic!("{details} are not MISSING_FIELD's details");
        };
        assert_eq!((why.code(), why.key()), (ErrorCode::MissingField, "field"));
        assert_eq!(
            why.to_string(),
            "the details of `MISSING_FIELD` have no `field` of its declared type"
        );
    }
    // Members a code does not declare are ignored: a newer server may add details.
    let body: RestBody = serde_json::from_value(json!({
        "error": { "code": "MISSING_FIELD", "message": "m", "details": { "field": "a", "hint": "b" } }
    }))
    .unwrap();
    assert_eq!(
        Error::try_from(&body),
        Ok(Error::MissingField {
            field: "a".to_owned()
        })
    );
}

#[test]
fn a_problem_keeps_unknown_members_and_reads_its_details_from_them() {
    let text = r#"{"type": "https://docs.relay.dev/errors#missing_field", "title": "t",
        "status": 400, "detail": "d", "code": "MISSING_FIELD", "field": "a", "trace": "x"}"#;
    let problem: Problem = serde_json::from_str(text).unwrap();
    assert_eq!(problem.details["trace"], "x");
    assert_eq!(
        Error::try_from(&problem),
        Ok(Error::MissingField {
            field: "a".to_owned()
        })
    );
    let again = serde_json::to_value(&problem).unwrap();
    assert_eq!(again["trace"], "x");
    assert_eq!(again["code"], "MISSING_FIELD");
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z._]{0,12}",
        any::<String>(),
        Just("{braces} and \"quotes\" \\ é\u{1F600}".to_owned()),
    ]
}

/// A finite number: JSON has no NaN or infinity.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |n| n.is_finite()),
        Just(1e21),
        Just(1e-7),
        Just(-0.0),
        Just(0.1 + 0.2),
    ]
}

fn category() -> impl Strategy<Value = TooManyRequestsCategory> {
    prop_oneof![
        Just(TooManyRequestsCategory::Read),
        Just(TooManyRequestsCategory::Write),
        Just(TooManyRequestsCategory::Webhooks),
    ]
}

/// Errors of every detail type the Relay catalog uses: lists of objects, optional
/// strings and enums, integers, numbers, lists of strings, and codes without details.
fn error() -> impl Strategy<Value = Error> {
    let violation =
        (text(), text()).prop_map(|(field, reason)| ValidationErrorViolations { field, reason });
    prop_oneof![
        prop::collection::vec(violation, 0..4)
            .prop_map(|violations| Error::ValidationError { violations }),
        (text(), prop::option::of(text()))
            .prop_map(|(value, field)| Error::InvalidUuid { value, field }),
        (
            any::<i64>(),
            any::<i64>(),
            any::<i64>(),
            prop::option::of(category())
        )
            .prop_map(
                |(limit, remaining, reset, category)| Error::TooManyRequests {
                    limit,
                    remaining,
                    reset,
                    category
                }
            ),
        (number(), any::<i64>()).prop_map(|(elapsed_seconds, retry_after)| {
            Error::HeartbeatTooFrequent {
                elapsed_seconds,
                retry_after,
            }
        }),
        (text(), prop::collection::vec(text(), 0..3)).prop_map(|(content_type, allowed)| {
            Error::InvalidAttachmentType {
                content_type,
                allowed,
            }
        }),
        Just(Error::TicketNotFound),
    ]
}

proptest! {
    #[test]
    fn random_errors_come_back_unchanged_through_every_envelopes_json(error in error()) {
        let text = serde_json::to_string(&RestBody::from(error.clone())).unwrap();
        let rest: RestBody = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&rest.error.message, &error.to_string());
        prop_assert_eq!(Error::try_from(&rest), Ok(error.clone()));

        let text = serde_json::to_string(&TrpcBody::from_error(error.clone(), "p")).unwrap();
        let trpc: TrpcBody = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(Error::try_from(&trpc), Ok(error.clone()));

        let text = serde_json::to_string(&Problem::from(error.clone())).unwrap();
        let problem: Problem = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&problem.detail, &error.to_string());
        prop_assert_eq!(Error::try_from(&problem), Ok(error));
    }
}
