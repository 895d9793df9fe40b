//! tRPC's error numbering: what `error.code` of a tRPC error body holds for each HTTP
//! status.
//!
//! tRPC's client accepts an error body only when `error.code` is a JSON-RPC number, and
//! it finds that number from the HTTP status in two steps, both copied here from
//! `@trpc/server` 11.x: the status picks a key (`HTTP_CODE_TO_JSONRPC2`, any other status
//! is `INTERNAL_SERVER_ERROR`), the key a number (`TRPC_ERROR_CODES_BY_KEY`). The Node
//! test package pins that version and checks these tables against its source.

/// tRPC's error key for an HTTP status, as `HTTP_CODE_TO_JSONRPC2` maps it.
pub(crate) fn key_for_status(status: u16) -> &'static str {
    match status {
        400 => "BAD_REQUEST",
        401 => "UNAUTHORIZED",
        402 => "PAYMENT_REQUIRED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        405 => "METHOD_NOT_SUPPORTED",
        408 => "TIMEOUT",
        409 => "CONFLICT",
        412 => "PRECONDITION_FAILED",
        413 => "PAYLOAD_TOO_LARGE",
        415 => "UNSUPPORTED_MEDIA_TYPE",
        422 => "UNPROCESSABLE_CONTENT",
        428 => "PRECONDITION_REQUIRED",
        429 => "TOO_MANY_REQUESTS",
        499 => "CLIENT_CLOSED_REQUEST",
        500 => "INTERNAL_SERVER_ERROR",
        501 => "NOT_IMPLEMENTED",
        502 => "BAD_GATEWAY",
        503 => "SERVICE_UNAVAILABLE",
        504 => "GATEWAY_TIMEOUT",
        _ => "INTERNAL_SERVER_ERROR",
    }
}

/// The JSON-RPC number of a tRPC error key, as `TRPC_ERROR_CODES_BY_KEY` maps it.
///
/// tRPC gives the 5xx keys other than 500 no number of their own: they share
/// `INTERNAL_SERVER_ERROR`'s -32603.
fn number_for_key(key: &str) -> i32 {
    match key {
        "PARSE_ERROR" => -32700,
        "BAD_REQUEST" => -32600,
        "UNAUTHORIZED" => -32001,
        "PAYMENT_REQUIRED" => -32002,
        "FORBIDDEN" => -32003,
        "NOT_FOUND" => -32004,
        "METHOD_NOT_SUPPORTED" => -32005,
        "TIMEOUT" => -32008,
        "CONFLICT" => -32009,
        "PRECONDITION_FAILED" => -32012,
        "PAYLOAD_TOO_LARGE" => -32013,
        "UNSUPPORTED_MEDIA_TYPE" => -32015,
        "UNPROCESSABLE_CONTENT" => -32022,
        "PRECONDITION_REQUIRED" => -32028,
        "TOO_MANY_REQUESTS" => -32029,
        "CLIENT_CLOSED_REQUEST" => -32099,
        // INTERNAL_SERVER_ERROR, NOT_IMPLEMENTED, BAD_GATEWAY, SERVICE_UNAVAILABLE,
        // GATEWAY_TIMEOUT.
        _ => FALLBACK_NUMBER,
    }
}

/// The number tRPC puts in `error.code` for an error answered with `status`.
pub(crate) fn number_for_status(status: u16) -> i32 {
    number_for_key(key_for_status(status))
}

/// The number tRPC uses when it knows nothing better: `INTERNAL_SERVER_ERROR`.
pub(crate) const FALLBACK_NUMBER: i32 = -32603;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_through_the_key_to_trpcs_numbers() {
        assert_eq!(number_for_status(400), -32600);
        assert_eq!(number_for_status(401), -32001);
        assert_eq!(number_for_status(404), -32004);
        assert_eq!(number_for_status(409), -32009);
        assert_eq!(number_for_status(429), -32029);
        assert_eq!(number_for_status(499), -32099);
        assert_eq!(number_for_status(502), -32603);
    }

    #[test]
    fn a_status_trpc_does_not_list_is_an_internal_server_error() {
        for status in [410, 418, 451, 505, 599] {
            assert_eq!(key_for_status(status), "INTERNAL_SERVER_ERROR");
            assert_eq!(number_for_status(status), FALLBACK_NUMBER);
        }
    }
}
