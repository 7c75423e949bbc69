//! The same Alignment as JSON, plain or ANSI text, and standalone HTML.

pub mod html;
pub mod json;
pub mod text;
