//! copycat: read two articles side by side and see what one copied, reworded,
//! moved, added or dropped from the other.
//!
//! `article`, `align` and `corpus` are a library without terminal code; `view`
//! and `ui` draw it; `export` writes it as JSON, text or HTML.

pub mod align;
pub mod article;
pub mod corpus;
pub mod export;
pub mod ui;
pub mod view;
