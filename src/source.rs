//! The files a plan was read from, and positions inside them.
//!
//! Every value the loader keeps carries a [`Span`]: the file it came from and its
//! byte range. Line and column are worked out only when a diagnostic is printed.

use std::sync::OnceLock;

/// Index of a file in [`Sources`].
pub type FileId = u32;

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, range: std::ops::Range<usize>) -> Span {
        Span {
            file,
            start: clamp(range.start),
            end: clamp(range.end),
        }
    }

    /// The same span moved `by` bytes further into the file.
    pub fn shifted(self, by: usize) -> Span {
        Span {
            file: self.file,
            start: self.start.saturating_add(clamp(by)),
            end: self.end.saturating_add(clamp(by)),
        }
    }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A spanned value serializes as the value alone.
impl<T: serde::Serialize> serde::Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// One file of the plan folder.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path relative to the plan folder, with `/` separators.
    pub path: String,
    /// The text, when the file was valid UTF-8. Shared with the Markdown bodies
    /// read from it ([`crate::model::Prose`]), so that a body is held once.
    pub text: std::sync::Arc<String>,
    line_starts: OnceLock<Vec<u32>>,
}

impl SourceFile {
    pub fn new(path: String, text: impl Into<std::sync::Arc<String>>) -> Self {
        SourceFile {
            path,
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: u32) -> (u32, u32) {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(
                    self.text
                        .bytes()
                        .enumerate()
                        .filter(|(_, b)| *b == b'\n')
                        .map(|(i, _)| clamp(i + 1)),
                )
                .collect()
        });
        let offset = offset.min(clamp(self.text.len()));
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts[line - 1] as usize;
        let mut end = offset as usize;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text[start..end].chars().count() + 1;
        (clamp(line), clamp(column))
    }
}

/// All files of a plan, addressed by [`FileId`]. A clone shares the files' texts
/// (`serve` keeps one a generation).
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        clamp(self.files.len() - 1)
    }

    /// Puts `file` in the place of file `id`.
    pub fn replace(&mut self, id: FileId, file: SourceFile) {
        if let Some(slot) = self.files.get_mut(id as usize) {
            *slot = file;
        }
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id as usize]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Every file's id, in order.
    pub fn ids(&self) -> impl Iterator<Item = FileId> + use<> {
        (0..self.files.len()).map(clamp)
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let f = SourceFile::new("a.toml".into(), "ab\nçd = 1\n".to_string());
        assert_eq!(f.line_column(0), (1, 1));
        assert_eq!(f.line_column(1), (1, 2));
        assert_eq!(f.line_column(3), (2, 1));
        // "ç" is two bytes but one column
        assert_eq!(f.line_column(5), (2, 2));
        assert_eq!(f.line_column(1000), (3, 1));
    }
}
