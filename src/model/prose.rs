//! What every item has: its id and place (`Head`), and its prose (`Body`, `Prose`).

use super::*;

/// What every item has: its id, where it starts, and its Markdown prose.
#[derive(Clone, Debug, Serialize)]
pub struct Head {
    pub id: Text,
    /// The start of the item: its `[[kind]]` line, or the first line of its Markdown file.
    #[serde(skip)]
    pub at: Span,
    #[serde(serialize_with = "body_markdown")]
    pub body: Body,
}

fn body_markdown<S: serde::Serializer>(body: &Body, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&body.markdown)
}

/// Markdown text: a part of its file's text, shared with [`crate::source::SourceFile`]
/// rather than copied (a TOML `body` string, whose escapes differ from the file,
/// has a text of its own).
#[derive(Clone, Debug, Default)]
pub struct Prose {
    text: std::sync::Arc<String>,
    start: usize,
    end: usize,
}

impl Prose {
    /// `range` of `text` (a range outside it, or not on character boundaries, is
    /// empty).
    pub fn part_of(text: &std::sync::Arc<String>, range: std::ops::Range<usize>) -> Prose {
        if text.get(range.clone()).is_none() {
            return Prose::default();
        }
        Prose {
            text: text.clone(),
            start: range.start,
            end: range.end,
        }
    }
}

impl Prose {
    /// Where this text lies in `text`, when it is a part of it rather than a copy.
    pub fn range_in(&self, text: &std::sync::Arc<String>) -> Option<std::ops::Range<usize>> {
        std::sync::Arc::ptr_eq(&self.text, text).then_some(self.start..self.end)
    }
}

impl From<String> for Prose {
    fn from(s: String) -> Prose {
        let end = s.len();
        Prose {
            text: s.into(),
            start: 0,
            end,
        }
    }
}

impl std::ops::Deref for Prose {
    type Target = str;
    fn deref(&self) -> &str {
        self.text.get(self.start..self.end).unwrap_or_default()
    }
}

impl Serialize for Prose {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

/// Markdown prose, the `[[id]]` references found in it, and its links and images to
/// relative addresses (as written, where written).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Body {
    pub markdown: Prose,
    pub references: Vec<Reference>,
    #[serde(skip)]
    pub links: Vec<Text>,
}

impl Body {
    /// A body whose lists hold no spare room (a plan holds thousands of them).
    pub fn new(markdown: Prose, mut references: Vec<Reference>, mut links: Vec<Text>) -> Body {
        references.shrink_to_fit();
        links.shrink_to_fit();
        Body {
            markdown,
            references,
            links,
        }
    }
}

/// `[[id]]` or `[[id|text]]` in Markdown.
#[derive(Clone, Debug, Serialize)]
pub struct Reference {
    pub id: Text,
    pub text: Option<String>,
}
