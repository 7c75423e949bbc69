//! clap's errors rewritten as one safe line.
//!
//! clap's own message echoes the argument raw (a shell glob that picks up a
//! file named with escape sequences would clear the screen or set the window
//! title) and runs to five or seven lines.

use copycat::article::safe_line;

/// Longest argument quoted back in a usage error, in characters.
const QUOTED_MAX: usize = 60;

/// A clap error as one safe line: what was wrong, the argument concerned
/// through the sanitizer (and cut short), and where to look.
pub fn usage_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg);
    let what = match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = get(ContextKind::InvalidValue).map_or_else(String::new, quote);
            let valid = get(ContextKind::ValidValue)
                .map(|v| format!(" (one of: {})", safe_line(&v)))
                .unwrap_or_default();
            let arg = arg
                .map(|a| format!(" for {}", quote(a)))
                .unwrap_or_default();
            format!("invalid value {value}{arg}{valid}")
        }
        ErrorKind::UnknownArgument => format!(
            "unexpected argument {}",
            arg.map_or_else(String::new, quote)
        ),
        ErrorKind::InvalidSubcommand => format!(
            "no such command {}",
            get(ContextKind::InvalidSubcommand).map_or_else(String::new, quote)
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "missing {}",
            arg.map_or_else(|| "an argument".into(), |a| safe_line(&a).into_owned())
        ),
        ErrorKind::ArgumentConflict => format!(
            "{} cannot be used with {}",
            arg.map_or_else(|| "an argument".into(), quote),
            get(ContextKind::PriorArg).map_or_else(|| "another".into(), quote)
        ),
        ErrorKind::InvalidUtf8 => "an argument is not valid UTF-8".into(),
        // Anything else: clap's own first line, made safe.
        _ => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("bad usage");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            safe_line(first).chars().take(200).collect()
        }
    };
    format!("{what}; see `copycat --help`")
}

/// An argument quoted back: made safe and cut short.
fn quote(s: String) -> String {
    let safe = safe_line(&s);
    let mut q: String = safe.chars().take(QUOTED_MAX).collect();
    if safe.chars().count() > QUOTED_MAX {
        q.push('…');
    }
    format!("“{q}”")
}
