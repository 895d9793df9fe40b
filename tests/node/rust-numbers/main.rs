//! Prints each number it reads as Rust's `Display` writes it, so that `details.test.js`
//! can hold `formatMessage`'s numbers to the Rust crate's: the generated `Error` inserts a
//! `number` detail (an `f64`) and an `integer` one (an `i64`) into its message with `{}`.
//!
//! Each line of standard input is `f <text>` or `i <text>`, the text being JavaScript's
//! `String(x)` of the number, which reads back as exactly `x` (`str::parse` rounds
//! correctly, and takes `1e+21`, `-0`, `NaN` and `Infinity`); each output line is the
//! number written with `{}` as an `f64` or an `i64`. No dependencies.

use std::io::{BufRead, Write};

fn main() {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("standard input is UTF-8 text");
        let written = match line.split_once(' ') {
            Some(("f", text)) => text
                .parse::<f64>()
                .unwrap_or_else(|e| panic!("{text}: {e}"))
                .to_string(),
            Some(("i", text)) => text
                .parse::<i64>()
                .unwrap_or_else(|e| panic!("{text}: {e}"))
                .to_string(),
            _ => panic!("not `f <number>` or `i <integer>`: {line:?}"),
        };
        writeln!(out, "{written}").expect("standard output is writable");
    }
}
