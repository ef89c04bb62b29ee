//! Fuzz target: an `agency.yaml`'s bytes through decoding and parsing; an
//! accepted agency must keep every field written. A broken property panics,
//! which libFuzzer records as a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(violations) = gongkai_fuzz::fixture().agency(data) {
        panic!("{}", gongkai_fuzz::describe(&violations));
    }
});
