//! lifeboat: a business continuity plan, written as Markdown and TOML, turned into
//! checks, an offline site and a communication kit.
//!
//! The pipeline: [`load`] (files to a typed plan) → [`analyze`] (references, graph,
//! checks) → [`render`] (pages in memory, in parallel) → [`output`] (atomic write,
//! manifest, verify). Every stage reports [`diagnostic::Diagnostic`]s.

pub mod analyze;
pub mod diagnostic;
pub mod files;
pub mod html;
pub mod i18n;
pub mod import;
pub mod init;
pub mod kit;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod plandiff;
pub mod render;
pub mod sealed;
pub mod serve;
pub mod source;
