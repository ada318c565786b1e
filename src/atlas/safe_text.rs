//! Text an atlas may hold, and how it is shown where it could do harm. An atlas is a file anyone
//! can hand a teacher: its texts must not be able to drive a terminal (an ESC that clears the
//! screen and prints a fake "OK"), reorder what is shown around them (bidirectional overrides),
//! or break a picture (characters XML cannot hold). Such texts are refused when the atlas is read,
//! and every message that quotes a file's words escapes them for the terminal.

use std::borrow::Cow;

/// The longest text an atlas may hold, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 128;

/// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder
/// the text round them. The plain marks (U+200E, U+200F) stay allowed: right-to-left names need them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters no text should hold: noncharacters (U+FDD0–U+FDEF and U+xxFFFE, U+xxFFFF), which XML
/// and so SVG cannot hold.
fn is_noncharacter(c: char) -> bool {
    let u = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE
}

/// Why `c` may not be in a text, if it may not (line breaks and tabs may).
fn refused(c: char) -> Option<&'static str> {
    if c.is_control() && !matches!(c, '\n' | '\t' | '\r') {
        Some("the control character")
    } else if is_bidi_control(c) {
        Some("the bidirectional control")
    } else if is_noncharacter(c) {
        Some("the noncharacter")
    } else {
        None
    }
}

/// What is wrong with a text of the atlas (a name, a title, a source), if anything.
pub fn text_problem(s: &str) -> Option<String> {
    let n = s.chars().count();
    if n > MAX_TEXT_CHARS {
        return Some(format!("is {n} characters long, over the limit of {MAX_TEXT_CHARS}"));
    }
    s.chars().find_map(|c| refused(c).map(|what| format!("contains {what} U+{:04X}", u32::from(c))))
}

/// What is wrong with an id (of a zone, a place, a phase, …), if anything: besides what a text
/// may not hold, no line breaks or tabs, no space at either end, not empty, not too long.
pub fn id_problem(s: &str) -> Option<String> {
    if s.is_empty() {
        return Some("is empty".to_owned());
    }
    let n = s.chars().count();
    if n > MAX_ID_CHARS {
        return Some(format!("is {n} characters long, over the limit of {MAX_ID_CHARS} for an id"));
    }
    if s.trim() != s {
        return Some(format!("{} has a space at its start or end", for_terminal(s)));
    }
    s.chars().find_map(|c| {
        let what = refused(c).or(c.is_control().then_some("the control character"))?;
        Some(format!("contains {what} U+{:04X}", u32::from(c)))
    })
}

/// What is wrong with a web address, if anything: what a text may not hold, or a space or line
/// break (which an address never has, and which would let it pass for something else).
pub fn url_problem(s: &str) -> Option<String> {
    text_problem(s).or_else(|| s.chars().any(char::is_whitespace).then(|| "contains a space or line break".to_owned()))
}

/// `s` safe to print on a terminal: control characters, bidirectional controls and
/// noncharacters written as `\u{…}`; anything else as it is.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && c != '\n') || is_bidi_control(c) || is_noncharacter(c);
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether XML 1.0 (and so SVG) can hold `c`.
pub fn xml_can_hold(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (!c.is_control() && !is_noncharacter(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_that_could_drive_a_terminal_or_break_a_picture_are_refused() {
        for bad in ["A\u{1b}[2J", "bell\u{7}", "nul\u{0}", "A \u{202e}west", "iso\u{2066}late", "Tiny \u{ffff}"] {
            assert!(text_problem(bad).is_some(), "{bad:?}");
            assert!(id_problem(bad).is_some(), "{bad:?} as an id");
        }
        for good in ["Stepanakert / Xankəndi", "Şuşa", "Line one\nline two", "\u{200f}שלום"] {
            assert_eq!(text_problem(good), None, "{good:?}");
        }
        assert!(id_problem("a b").is_none());
        assert!(id_problem(" a").is_some() && id_problem("a\n").is_some() && id_problem("").is_some());
    }

    #[test]
    fn what_is_printed_cannot_move_the_cursor() {
        assert_eq!(for_terminal("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(for_terminal("x\u{202e}y"), "x\\u{202e}y");
        assert!(matches!(for_terminal("plain Şuşa"), Cow::Borrowed(_)));
        assert!(!xml_can_hold('\u{ffff}') && !xml_can_hold('\u{1b}') && xml_can_hold('ə'));
    }
}
