//! The same Alignment as JSON, plain or ANSI text, and standalone HTML; and
//! a corpus ranking as JSON or text.
//!
//! [`report`] holds the JSON contract as types; [`json`], [`text`] and
//! [`html`] write it. Colours and mark names come from [`crate::marks`], the
//! table the reader uses too.

pub mod html;
pub mod json;
pub mod rank;
pub mod report;
pub mod spread;
pub mod text;
