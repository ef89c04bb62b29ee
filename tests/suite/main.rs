//! gongkai's integration tests, in one test binary to keep builds lean.

mod build;
mod check_example;
mod check_inputs;
mod check_rules;
mod fixture;
mod mutation;
mod new;
mod serve;
