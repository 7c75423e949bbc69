//! `copycat man`: one manual page for the whole program.
//!
//! clap_mangen writes a page per command and, in the main page, refers to
//! `copycat-list(1)` and the like; copycat installs one page, so those
//! references led nowhere. The main page is clap_mangen's, up to its
//! options; each command then gets a section of its own here (usage, what
//! it does, its options), and the exit codes close the page.

use std::io::{self, Write};

use clap::CommandFactory;

use super::args::{Cli, EXIT_CODES};

/// The whole page, as roff.
pub fn render(out: &mut dyn Write) -> io::Result<()> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut sub = sub.clone().bin_name(format!("copycat {}", sub.get_name()));
        let usage = sub.render_usage().to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        writeln!(out, ".SS {}", quoted(usage))?;
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        for para in about.split("\n\n") {
            writeln!(out, ".PP\n{}", escape(&para.replace('\n', " ")))?;
        }
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            let name = match (arg.get_short(), arg.get_long()) {
                (Some(s), Some(l)) => format!("\\fB\\-{s}\\fR, \\fB\\-\\-{}\\fR", escape(l)),
                (None, Some(l)) => format!("\\fB\\-\\-{}\\fR", escape(l)),
                (Some(s), None) => format!("\\fB\\-{s}\\fR"),
                (None, None) => format!("\\fI{}\\fR", escape(arg.get_id().as_str())),
            };
            let mut help = arg
                .get_long_help()
                .or(arg.get_help())
                .map(ToString::to_string)
                .unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if !values.is_empty() && arg.get_long() != Some("help") {
                help.push_str(&format!(" (one of: {})", values.join(", ")));
            }
            writeln!(out, ".TP\n{name}\n{}", escape(&help.replace('\n', " ")))?;
        }
    }
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    for line in EXIT_CODES.lines().skip(1) {
        writeln!(out, ".br\n{}", escape(line.trim_start()))?;
    }
    man.render_version_section(out)
}

/// Text made safe for roff: backslashes and hyphens escaped, and a line
/// that would start with a control character (`.` or `'`) guarded.
fn escape(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

/// A roff macro argument in double quotes.
fn quoted(s: &str) -> String {
    format!("\"{}\"", escape(s).replace('"', "\\(dq"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: the page named `copycat-list(1)` and other pages that do
    /// not exist. Each command is described in the page itself.
    #[test]
    fn one_page_names_no_other_page_and_describes_every_command() {
        let mut out = Vec::new();
        render(&mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(
            !page.contains("copycat-list(1)") && !page.contains("(1)\n"),
            "{page}"
        );
        for command in ["list", "compare", "rank", "man", "config", "completions"] {
            assert!(
                page.contains(&format!(".SS \"copycat {command}")),
                "{command}: {page}"
            );
        }
        assert!(page.contains(".SH \"EXIT STATUS\""));
        assert!(page.contains("\\fB\\-o\\fR, \\fB\\-\\-output\\fR"));
    }
}
