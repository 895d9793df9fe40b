//! The module `build.rs` generated works like the generated crate would.

use example_build_script::errors::envelopes::RestBody;
use example_build_script::errors::{docs_url, ErrorCode, Family};

#[test]
fn codes_parse_and_carry_the_catalogs_facts() {
    let code: ErrorCode = "PAYMENT_DECLINED".parse().unwrap();
    assert_eq!(code, ErrorCode::PaymentDeclined);
    assert_eq!(code.http_status(), 402);
    assert_eq!(code.family(), Family::Payments);
    assert_eq!(code.docs_url(), docs_url::PAYMENT_DECLINED);
    assert_eq!(
        code.docs_url(),
        "https://docs.shop.example/errors#payment_declined"
    );
    assert!("payment_declined".parse::<ErrorCode>().is_err());
    assert_eq!(ErrorCode::ALL.len(), 4);
    assert_eq!(
        ErrorCode::with_status(409),
        &[ErrorCode::OrderAlreadyShipped]
    );
}

#[test]
fn retry_and_envelopes_come_along() {
    assert!(ErrorCode::PaymentProviderDown.is_retryable());
    assert_eq!(ErrorCode::OrderNotFound.retry_delay(0, 0.5), None);
    let body = serde_json::to_value(RestBody::new(ErrorCode::OrderNotFound)).unwrap();
    assert_eq!(
        body,
        serde_json::json!({ "error": {
            "code": "ORDER_NOT_FOUND",
            "message": "Order with specified ID doesn't exist. Verify the order ID.",
            "details": {},
        }})
    );
}
