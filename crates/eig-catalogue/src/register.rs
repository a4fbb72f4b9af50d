//! The register of interpretations (`docs/rules/assumptions.md`), read for the rules it
//! names.

use std::sync::LazyLock;

use serde::Serialize;

/// An interpretation the project took where a text leaves a choice: an entry of the
/// register of interpretations.
///
/// # Example
/// ```
/// let register = eig_catalogue::Register::embedded();
/// let taken = register.for_rule("eig3.candidate.deadline");
/// assert!(taken.iter().any(|entry| entry.slug == "deadline-time-zone"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Interpretation {
    /// The entry's stable name in the register (`deadline-time-zone`).
    pub slug: String,
    /// The entry's heading, after its name.
    pub title: String,
    /// The rule ids (and functions) it affects.
    pub rules: Vec<String>,
    /// The reading taken, as the register writes it (in English).
    pub reading: String,
    /// The reading taken in brief, in French, for a person (the entry's `En français`
    /// field), when the entry has one.
    pub french: Option<String>,
}

/// The text of an entry's field `- **name**:`, its lines joined, up to the next field.
fn field(body: &str, name: &str) -> Option<String> {
    let label = format!("- **{name}**:");
    let start = body.find(&label)?;
    let rest = &body[start + label.len()..];
    let end = rest.find("\n- **").unwrap_or(rest.len());
    Some(rest[..end].split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The entries of a register of interpretations.
#[derive(Clone, Debug, Default)]
pub struct Register {
    entries: Vec<Interpretation>,
}

impl Register {
    /// The register written in `text` (the Markdown of `docs/rules/assumptions.md`: each
    /// entry a `## `slug` — title` heading, a `- **Rules**:` field of backticked ids, its
    /// `- **Reading taken**:` and its `- **En français**:` fields).
    ///
    /// # Example
    /// ```
    /// let text = "# R\n\n## `a-choice` — a choice\n\n- **Rules**: `eig3.host.kind`\n- **Text**: x\n\
    ///             - **Reading taken**: the first\n  one.\n- **En français**: la première.\n";
    /// let register = eig_catalogue::Register::parse(text);
    /// let entry = register.for_rule("eig3.host.kind")[0];
    /// assert_eq!(entry.title, "a choice");
    /// assert_eq!(entry.reading, "the first one.");
    /// assert_eq!(entry.french.as_deref(), Some("la première."));
    /// assert!(register.for_rule("eig4.host.kind").is_empty());
    /// ```
    pub fn parse(text: &str) -> Register {
        let entries = text
            .split("\n## ")
            .skip(1)
            .filter_map(|entry| {
                let (heading, body) = entry.split_once('\n').unwrap_or((entry, ""));
                let slug = heading.split('`').nth(1)?.to_owned();
                let title = heading
                    .split_once(" — ")
                    .map_or_else(String::new, |(_, title)| title.trim().to_owned());
                let rules = field(body, "Rules")?
                    .split('`')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_owned)
                    .collect();
                let reading = field(body, "Reading taken").unwrap_or_default();
                let french = field(body, "En français");
                Some(Interpretation { slug, title, rules, reading, french })
            })
            .collect();
        Register { entries }
    }

    /// The register of the repository, embedded when the crate was built inside it.
    pub fn embedded() -> &'static Register {
        static REGISTER: LazyLock<Register> =
            LazyLock::new(|| Register::parse(crate::corpus::embedded_register()));
        &REGISTER
    }

    /// The entries that name `rule`.
    pub fn for_rule(&self, rule: &str) -> Vec<&Interpretation> {
        self.entries.iter().filter(|entry| entry.rules.iter().any(|named| named == rule)).collect()
    }

    /// Every entry, in the register's order.
    pub fn entries(&self) -> &[Interpretation] {
        &self.entries
    }
}
