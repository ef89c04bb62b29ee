//! gongkai's integration tests, in one test binary to keep builds lean.

mod as_published;
mod build;
mod check_example;
mod check_inputs;
mod check_rules;
mod claims;
mod cli;
mod documents;
mod documents_pages;
mod export;
mod fixture;
mod hardening;
mod hierarchy;
mod identity;
mod import;
mod install;
mod mutation;
mod narrative;
mod new;
mod not_found;
mod publish;
mod safety;
mod schema;
mod serve;
