//! Numbers as JSON, written as the generated crate's `serde_json` writes them.

/// Appends the finite `number` as `serde_json` writes an `f64` (1.0.154, the workspace's,
/// formats with the `zmij` crate), so examples show the bytes the generated crate sends:
/// the shortest digits that read back as the same number, positional for exponents -5 to
/// 15 and with a `.0` when whole (`30.0`, `0.00001234`, `-0.0`), in exponent form beyond
/// (`1e+21`, `1e-7`, `1.5e+300`). Earlier `serde_json` versions (with `ryu`) write some
/// exponents differently (`1e21`); every form is JSON for the same number.
pub(crate) fn push_f64(out: &mut String, number: f64) {
    debug_assert!(number.is_finite(), "catalog numbers are finite");
    if number.is_sign_negative() {
        out.push('-');
    }
    if number == 0.0 {
        out.push_str("0.0");
        return;
    }
    // Rust's `{:e}` has the same shortest digits, as `d.ddde<exponent>`.
    let scientific = format!("{:e}", number.abs());
    let (mantissa, exponent) = scientific
        .split_once('e')
        .expect("`{:e}` writes an exponent");
    let exponent: i32 = exponent.parse().expect("the exponent is an integer");
    let digits: String = mantissa.chars().filter(|&c| c != '.').collect();
    let zeros = |count: usize| "0".repeat(count);
    match usize::try_from(exponent) {
        // 1234e7 -> 12340000000.0, 1234e-2 -> 12.34
        Ok(whole) if exponent <= 15 => {
            if digits.len() <= whole + 1 {
                out.push_str(&digits);
                out.push_str(&zeros(whole + 1 - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..=whole]);
                out.push('.');
                out.push_str(&digits[whole + 1..]);
            }
        }
        // 1234e-6 -> 0.001234
        Err(_) if exponent >= -5 => {
            out.push_str("0.");
            out.push_str(&zeros(exponent.unsigned_abs() as usize - 1));
            out.push_str(&digits);
        }
        // 1234e30 -> 1.234e+33
        _ => {
            out.push_str(&digits[..1]);
            if digits.len() > 1 {
                out.push('.');
                out.push_str(&digits[1..]);
            }
            let sign = if exponent < 0 { '-' } else { '+' };
            let _ =
                std::fmt::Write::write_fmt(out, format_args!("e{sign}{}", exponent.unsigned_abs()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case is what `serde_json::to_string(&number)` writes.
    #[test]
    fn numbers_print_as_serde_json_writes_them() {
        let cases = [
            (30.0, "30.0"),
            (31.5, "31.5"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (1e-7, "1e-7"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1234e7, "12340000000.0"),
            (0.001234, "0.001234"),
            (0.00001234, "0.00001234"),
            (0.000001234, "1.234e-6"),
            (0.0001, "0.0001"),
            (-1.5e300, "-1.5e+300"),
            (123456789.125, "123456789.125"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (5e-324, "5e-324"),
        ];
        for (number, expected) in cases {
            let mut out = String::new();
            push_f64(&mut out, number);
            assert_eq!(out, expected, "{number:e}");
        }
    }
}
