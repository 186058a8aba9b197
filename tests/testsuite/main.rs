//! The integration test suite: one binary, a module per feature, fixture plans
//! under `tests/testsuite/<feature>/<case>/`. Snapshots are rewritten with
//! `LIFEBOAT_BLESS=1 cargo test`.

mod author;
mod browser;
mod build;
mod check;
mod cli;

mod confinement;
mod document;
mod generated;
mod hardening;
mod harness;
mod hostile;
mod kit;
mod language;
mod model;
mod phone;
mod plans;
mod private;
mod reader;
mod rebuild;
mod robustness;
mod serve;
mod spec;
mod training;
