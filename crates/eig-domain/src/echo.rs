//! How an error shows a rejected text.

/// How an error shows a rejected text: quoted, and when it is longer than 80 characters its
/// first 60 and its length, so that a 50 MB value does not put 50 MB in a message.
///
/// # Example
/// ```
/// let long = "x".repeat(1000);
/// let err = long.parse::<eig_domain::DefiId>().unwrap_err();
/// assert!(err.to_string().starts_with(r#"identifiant de défi "xxxxx"#));
/// assert!(err.to_string().contains(r#"…" (1000 caractères)"#));
/// assert!(err.to_string().chars().count() < 150);
/// ```
pub fn echo(input: &str) -> String {
    let length = input.chars().count();
    if length <= 80 {
        format!("{input:?}")
    } else {
        let start: String = input.chars().take(60).collect();
        let quoted = format!("{start:?}");
        format!("{}…\" ({length} caractères)", &quoted[..quoted.len() - 1])
    }
}
