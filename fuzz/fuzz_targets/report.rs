//! Fuzz target: a report file's bytes through decoding, parsing, the checker
//! and rendering, with the figure oracle of `gongkai_fuzz` on every accepted
//! report. A broken property panics, which libFuzzer records as a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(violations) = gongkai_fuzz::fixture().report(data) {
        panic!("{}", gongkai_fuzz::describe(&violations));
    }
});
