//! YAML text -> a small tree of scalars, mappings and lists, each node knowing the byte
//! offset where it was written: what the loader reads the raw structs from.
//!
//! yaml-rust2 parses; this module builds the tree from its events. It refuses what a
//! catalog never needs (anchors and aliases, tags, a key given twice, a key that is not
//! plain text, a top level that is not a mapping) at the first place it occurs, as
//! marked-yaml, which it replaces, did. It exists because marked-yaml's tree (two
//! full positions per node, a linked hash map per mapping) took thirteen times the
//! catalog's size in memory and a third of the generator's time: here a node is its
//! value and one offset, and a mapping a short list of entries in file order.

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, ScanError, TScalarStyle};

/// A scalar: its text (unquoted and unescaped), where it starts, and whether it was
/// written plain (unquoted), which is when YAML would read `true` or `4` as a bool or a
/// number.
#[derive(Debug)]
pub(crate) struct Scalar {
    pub(crate) value: String,
    pub(crate) start: usize,
    pub(crate) plain: bool,
}

/// A mapping: where it starts and its entries, in file order, keys unique.
#[derive(Debug)]
pub(crate) struct Mapping {
    pub(crate) start: usize,
    pub(crate) entries: Vec<(Scalar, Node)>,
}

impl Mapping {
    /// The value of `key`, if the mapping has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.value == key)
            .map(|(_, value)| value)
    }
}

/// A list: where it starts and its items.
#[derive(Debug)]
pub(crate) struct Sequence {
    pub(crate) start: usize,
    pub(crate) items: Vec<Node>,
}

/// A node of the tree.
#[derive(Debug)]
pub(crate) enum Node {
    Scalar(Scalar),
    Mapping(Mapping),
    Sequence(Sequence),
}

impl Node {
    /// The byte offset where the node starts.
    pub(crate) fn start(&self) -> usize {
        match self {
            Node::Scalar(scalar) => scalar.start,
            Node::Mapping(mapping) => mapping.start,
            Node::Sequence(sequence) => sequence.start,
        }
    }
}

/// Why the text is not a catalog's YAML; offsets are bytes into the text.
#[derive(Debug)]
pub(crate) enum LoadError {
    /// A key given twice in one mapping: where it was first given, and again.
    DuplicateKey {
        key: String,
        first: usize,
        again: usize,
    },
    /// An anchor (`&name`), which aliases would need.
    UnexpectedAnchor(usize),
    /// A tag (`!!str`).
    UnexpectedTag(usize),
    /// A list or mapping used as a key.
    MappingKeyMustBeScalar(usize),
    /// A list or a scalar at the top level.
    TopLevelMustBeMapping(usize),
    /// A second document (after `---`, or content after `...`): where it starts.
    SecondDocument(usize),
    /// The scanner's or parser's own error.
    Scan(usize, ScanError),
}

/// Parses `text` into its tree. A byte order mark at the start is skipped (offsets stay
/// those of `text`), and a second document is refused rather than ignored, so that no
/// code after it is silently lost.
pub(crate) fn parse(text: &str) -> Result<Node, LoadError> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut builder = Builder {
        offsets: Offsets::new(body, text.len() - body.len()),
        stack: Vec::new(),
        root: None,
        error: None,
        documents: 0,
    };
    let mut parser = Parser::new_from_str(body);
    if let Err(error) = parser.load(&mut builder, true) {
        let at = builder.offsets.of(*error.marker());
        return Err(LoadError::Scan(at, error));
    }
    if let Some(error) = builder.error {
        return Err(error);
    }
    Ok(builder.root.unwrap_or_else(|| {
        Node::Mapping(Mapping {
            start: 0,
            entries: Vec::new(),
        })
    }))
}

/// A mapping or list being read.
enum Frame {
    Mapping {
        start: usize,
        entries: Vec<(Scalar, Node)>,
        /// The key whose value comes next, once it has been read.
        key: Option<Scalar>,
    },
    Sequence {
        start: usize,
        items: Vec<Node>,
    },
}

/// Builds the tree from the parser's events; after the first error it ignores the rest.
struct Builder<'a> {
    offsets: Offsets<'a>,
    stack: Vec<Frame>,
    root: Option<Node>,
    error: Option<LoadError>,
    /// The documents begun so far.
    documents: usize,
}

impl MarkedEventReceiver for Builder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        if self.error.is_some() {
            return;
        }
        let at = self.offsets.of(mark);
        let result = match event {
            Event::MappingStart(anchor, tag) | Event::SequenceStart(anchor, tag)
                if tag.is_some() || anchor != 0 =>
            {
                Err(if tag.is_some() {
                    LoadError::UnexpectedTag(at)
                } else {
                    LoadError::UnexpectedAnchor(at)
                })
            }
            Event::MappingStart(..) => self.open(Frame::Mapping {
                start: at,
                entries: Vec::new(),
                key: None,
            }),
            Event::SequenceStart(..) => self.open(Frame::Sequence {
                start: at,
                items: Vec::new(),
            }),
            Event::MappingEnd | Event::SequenceEnd => {
                let node = match self.stack.pop().expect("an end closes a start") {
                    Frame::Mapping {
                        start, mut entries, ..
                    } => {
                        // A code has five to ten keys; its list keeps only as many.
                        entries.shrink_to_fit();
                        Node::Mapping(Mapping { start, entries })
                    }
                    Frame::Sequence { start, items } => Node::Sequence(Sequence { start, items }),
                };
                self.attach(node)
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 {
                    Err(LoadError::UnexpectedAnchor(at))
                } else if tag.is_some() {
                    Err(LoadError::UnexpectedTag(at))
                } else {
                    self.scalar(Scalar {
                        value,
                        start: at,
                        plain: style == TScalarStyle::Plain,
                    })
                }
            }
            // An alias needs an anchor, which is refused where it is defined.
            Event::Alias(_) => Err(LoadError::UnexpectedAnchor(at)),
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    Err(LoadError::SecondDocument(at))
                } else {
                    Ok(())
                }
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => Ok(()),
        };
        if let Err(error) = result {
            self.error = Some(error);
        }
    }
}

impl Builder<'_> {
    /// Starts a mapping or list, unless it is in a key's place or at the top level where
    /// only a mapping may be.
    fn open(&mut self, frame: Frame) -> Result<(), LoadError> {
        let start = match &frame {
            Frame::Mapping { start, .. } | Frame::Sequence { start, .. } => *start,
        };
        match self.stack.last() {
            Some(Frame::Mapping { key: None, .. }) => {
                return Err(LoadError::MappingKeyMustBeScalar(start))
            }
            None if matches!(frame, Frame::Sequence { .. }) => {
                return Err(LoadError::TopLevelMustBeMapping(start))
            }
            _ => {}
        }
        self.stack.push(frame);
        Ok(())
    }

    fn scalar(&mut self, scalar: Scalar) -> Result<(), LoadError> {
        match self.stack.last_mut() {
            Some(Frame::Mapping {
                key: key @ None, ..
            }) => {
                *key = Some(scalar);
                Ok(())
            }
            None => Err(LoadError::TopLevelMustBeMapping(scalar.start)),
            Some(_) => self.attach(Node::Scalar(scalar)),
        }
    }

    /// Puts a finished node where it belongs: under its key, in its list, or at the top.
    fn attach(&mut self, node: Node) -> Result<(), LoadError> {
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some(Frame::Sequence { items, .. }) => {
                items.push(node);
                Ok(())
            }
            Some(Frame::Mapping { entries, key, .. }) => {
                let key = key.take().expect("a value follows its key");
                if let Some((first, _)) = entries.iter().find(|(k, _)| k.value == key.value) {
                    return Err(LoadError::DuplicateKey {
                        first: first.start,
                        again: key.start,
                        key: key.value,
                    });
                }
                entries.push((key, node));
                Ok(())
            }
        }
    }
}

/// Turns the parser's positions (characters from the start, and line and column) into
/// byte offsets.
struct Offsets<'a> {
    text: &'a str,
    /// Where `text` starts in the catalog (after a byte order mark).
    base: usize,
    /// Where each line starts, when the text is not ASCII (so characters are not bytes).
    line_starts: Option<Vec<usize>>,
}

impl<'a> Offsets<'a> {
    fn new(text: &'a str, base: usize) -> Self {
        let line_starts = (!text.is_ascii()).then(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        Offsets {
            text,
            base,
            line_starts,
        }
    }

    fn of(&self, mark: Marker) -> usize {
        self.base + self.in_text(mark)
    }

    fn in_text(&self, mark: Marker) -> usize {
        let Some(line_starts) = &self.line_starts else {
            return mark.index().min(self.text.len());
        };
        let Some(&line_start) = line_starts.get(mark.line().saturating_sub(1)) else {
            return self.text.len();
        };
        self.text[line_start..]
            .char_indices()
            .nth(mark.col())
            .map_or(self.text.len(), |(i, _)| line_start + i)
    }
}
