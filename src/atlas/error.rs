//! Errors found while loading an atlas: each names the file, the feature and what is wrong.

use std::fmt;

/// One problem in an atlas file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AtlasError {
    /// The file, as the user named it (relative to the atlas folder, or a full path).
    pub file: String,
    /// The feature, phase or event: its id, or `#index` when it has none.
    pub feature: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
    /// A note, not an error: something tolerated and put right (rings wound clockwise), or worth
    /// a look (an area off its official figure); the atlas opens.
    pub note: bool,
}

impl AtlasError {
    /// A problem in `file`, in `feature` if it is in one.
    pub fn new(file: &str, feature: Option<&str>, message: impl Into<String>) -> Self {
        Self { file: file.to_owned(), feature: feature.map(str::to_owned), message: message.into(), note: false }
    }
}

/// Shown escaped for the terminal ([`super::safe_text::for_terminal`]): a message quotes the
/// file's own words, which may be what is wrong with it (an id holding ESC).
impl fmt::Display for AtlasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use super::safe_text::for_terminal;
        let (file, message) = (for_terminal(&self.file), for_terminal(&self.message));
        if self.note {
            f.write_str("note: ")?;
        }
        match &self.feature {
            Some(feature) => write!(f, "{file}: {}: {message}", for_terminal(feature)),
            None => write!(f, "{file}: {message}"),
        }
    }
}

/// Every problem found in an atlas; loading collects them all rather than stopping at the first.
#[derive(Clone, Debug, Default, PartialEq, Eq, thiserror::Error)]
pub struct AtlasErrors(pub Vec<AtlasError>);

impl fmt::Display for AtlasErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors().count();
        if n > 0 {
            writeln!(f, "{n} problem{}:", if n == 1 { "" } else { "s" })?;
        }
        for e in self.errors().chain(self.notes()) {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}

impl AtlasErrors {
    /// Adds a problem.
    pub fn push(&mut self, file: &str, feature: Option<&str>, message: impl Into<String>) {
        self.0.push(AtlasError::new(file, feature, message));
    }

    /// Adds a note: something tolerated or worth a look, which does not stop the atlas opening.
    pub fn note(&mut self, file: &str, feature: Option<&str>, message: impl Into<String>) {
        self.0.push(AtlasError { note: true, ..AtlasError::new(file, feature, message) });
    }

    /// Whether nothing is wrong (notes aside).
    pub fn is_empty(&self) -> bool {
        !self.0.iter().any(|e| !e.note)
    }

    /// The problems, in the order found.
    pub fn errors(&self) -> impl Iterator<Item = &AtlasError> {
        self.0.iter().filter(|e| !e.note)
    }

    /// The notes, in the order found.
    pub fn notes(&self) -> impl Iterator<Item = &AtlasError> {
        self.0.iter().filter(|e| e.note)
    }
}
