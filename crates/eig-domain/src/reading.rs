//! serde's messages about a JSON or YAML document, in French.
//!
//! The crates' own errors are French; but when a document does not have the expected shape,
//! the message comes from serde ("missing field", "invalid type"…), in English and naming
//! Rust types. Every program that reads the workspace's
//! inputs (the `eig` command, the case runner, a server) turns it into French with
//! [`french_serde_message`], the same way.

/// serde's message about a document's shape (`invalid type`, `unknown field`, `missing
/// field`, `unknown variant`…), in French and in the words of JSON rather than of Rust.
///
/// A message serde did not write (a crate's own error, already French) is returned
/// unchanged.
///
/// # Example
/// ```
/// use eig_domain::french_serde_message;
///
/// assert_eq!(
///     french_serde_message("invalid type: integer `70000`, expected a string"),
///     "attendu : une chaîne de caractères entre guillemets ; trouvé : le nombre entier 70000"
/// );
/// assert_eq!(
///     french_serde_message("unknown variant `pia`, expected `direct` or `self_funded`"),
///     "valeur inconnue `pia` : écrivez `direct` ou `self_funded`"
/// );
/// assert_eq!(french_serde_message("missing field `defi`"), "champ manquant `defi`");
/// ```
#[must_use]
pub fn french_serde_message(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!("attendu : {} ; trouvé : {}", expected_words(expected), found_words(found));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!(
            "valeur impossible ici — attendu : {} ; trouvé : {}",
            expected_words(expected),
            found_words(found)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ")
        && let Some((length, expected)) = rest.split_once(", expected ")
    {
        return format!(
            "{} au lieu de {}",
            elements(length),
            expected_words(expected).replace("un tableau de ", "")
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ")
        && let Some((name, expected)) = split_name(rest)
    {
        return match one_of(expected) {
            Some(names) => format!("valeur inconnue {name} : écrivez {names}"),
            None => format!("valeur inconnue {name} : aucune valeur n'est permise ici"),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown field ")
        && let Some((name, expected)) = split_name(rest)
    {
        return match one_of(expected) {
            Some(names) => format!("champ inconnu {name} : les champs permis ici sont {names}"),
            None => format!("champ inconnu {name} : aucun champ n'est permis ici"),
        };
    }
    if let Some(name) = message.strip_prefix("missing field ") {
        return format!("champ manquant {name}");
    }
    if let Some(name) = message.strip_prefix("duplicate field ") {
        return format!("champ en double {name} : ne l'écrivez qu'une fois");
    }
    // serde_json's word for a value of the wrong JSON type where one of several forms of
    // value is expected (an enumeration's name, or its object).
    if message == "expected value" {
        return "attendu : le nom d'une valeur permise entre guillemets, ou un objet JSON"
            .to_owned();
    }
    if message.starts_with("data did not match any variant of untagged enum") {
        return "la valeur n'a aucune des formes permises ici".to_owned();
    }
    message.to_owned()
}

/// `` `name`, rest `` → (`` `name` ``, rest): a name in backticks, which may itself hold
/// commas.
fn split_name(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix('`')?;
    let end = inner.find("`, ")?;
    Some((&text[..end + 2], &inner[end + 3..]))
}

/// serde's list of names (`` expected `a` ``, `` expected `a` or `b` ``, `` expected one of
/// `a`, `b`, `c` ``), in French; `None` when serde says there are none.
fn one_of(expected: &str) -> Option<String> {
    if expected.starts_with("there are no") {
        return None;
    }
    let list = expected.strip_prefix("expected ").unwrap_or(expected);
    if let Some(list) = list.strip_prefix("one of ") {
        return Some(match list.rsplit_once(", ") {
            Some((first, final_name)) => {
                format!("l'une de ces valeurs : {first} ou {final_name}")
            }
            None => list.to_owned(),
        });
    }
    Some(list.replace("` or `", "` ou `"))
}

/// What serde found, in JSON's words.
fn found_words(found: &str) -> String {
    let inner = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`').to_owned());
    if let Some(value) = inner("integer ") {
        return format!("le nombre entier {value}");
    }
    if let Some(value) = inner("floating point ") {
        return format!("le nombre {value}");
    }
    if let Some(value) = inner("boolean ") {
        return format!("la valeur {value}");
    }
    if let Some(value) = found.strip_prefix("string ") {
        return format!("la chaîne {value}");
    }
    if let Some(value) = inner("character ") {
        return format!("le caractère {value}");
    }
    match found {
        "null" | "unit value" => "null".to_owned(),
        "sequence" | "array" => "un tableau".to_owned(),
        "map" => "un objet".to_owned(),
        other => other.to_owned(),
    }
}

/// What serde expected, in JSON's words rather than Rust's.
fn expected_words(expected: &str) -> String {
    let whole = |max: &str| format!("un nombre entier de 0 à {max}, sans guillemets");
    if let Some(max) = expected.strip_prefix("a whole number from 0 to ") {
        return whole(max);
    }
    if expected.starts_with("struct ")
        || expected.starts_with("internally tagged enum ")
        || expected.starts_with("adjacently tagged enum ")
        || expected == "a JSON object"
        || expected == "a map"
    {
        return "un objet JSON".to_owned();
    }
    if let Some(size) = expected
        .strip_prefix("tuple of size ")
        .or_else(|| expected.strip_prefix("a tuple of size "))
        .or_else(|| expected.strip_prefix("an array of length "))
    {
        return format!("un tableau de {}", elements(size));
    }
    if expected.starts_with("enum ") {
        return "l'une des valeurs permises, entre guillemets".to_owned();
    }
    match expected {
        "a string" | "a borrowed string" | "string" => {
            "une chaîne de caractères entre guillemets".to_owned()
        }
        "u8" => whole("255"),
        "u16" => whole("65535"),
        "u32" => whole("4294967295"),
        "u64" | "usize" => whole("18446744073709551615"),
        "i8" | "i16" | "i32" | "i64" | "isize" => "un nombre entier, sans guillemets".to_owned(),
        "f32" | "f64" => "un nombre, sans guillemets".to_owned(),
        "a boolean" => "true ou false".to_owned(),
        "a sequence" => "un tableau".to_owned(),
        "option" => "une valeur, ou null".to_owned(),
        "a character" | "a char" => "un caractère entre guillemets".to_owned(),
        "variant identifier" | "field identifier" => "un nom entre guillemets".to_owned(),
        "unit" => "null".to_owned(),
        other => other.to_owned(),
    }
}

/// `3` → « 3 éléments », `1` → « 1 élément ».
fn elements(count: &str) -> String {
    if matches!(count, "0" | "1") {
        format!("{count} élément")
    } else {
        format!("{count} éléments")
    }
}

#[cfg(test)]
mod tests {
    use super::french_serde_message as fr;

    #[test]
    fn each_message_of_serde() {
        for (english, french) in [
            (
                "invalid type: null, expected a JSON object",
                "attendu : un objet JSON ; trouvé : null",
            ),
            (
                "invalid type: sequence, expected struct Defi",
                "attendu : un objet JSON ; trouvé : un tableau",
            ),
            (
                "invalid type: string \"108\", expected u16",
                "attendu : un nombre entier de 0 à 65535, sans guillemets ; trouvé : la chaîne \"108\"",
            ),
            (
                "invalid type: floating point `1.5`, expected u32",
                "attendu : un nombre entier de 0 à 4294967295, sans guillemets ; trouvé : le nombre 1.5",
            ),
            (
                "invalid type: boolean `true`, expected a string",
                "attendu : une chaîne de caractères entre guillemets ; trouvé : la valeur true",
            ),
            ("invalid type: map, expected a sequence", "attendu : un tableau ; trouvé : un objet"),
            (
                "invalid value: integer `-1`, expected u16",
                "valeur impossible ici — attendu : un nombre entier de 0 à 65535, sans guillemets ; trouvé : le nombre entier -1",
            ),
            ("invalid length 1, expected a tuple of size 2", "1 élément au lieu de 2 éléments"),
            ("invalid length 3, expected tuple of size 2", "3 éléments au lieu de 2 éléments"),
            ("unknown variant `x`, expected `a`", "valeur inconnue `x` : écrivez `a`"),
            (
                "unknown variant `x`, expected one of `a`, `b`, `c`",
                "valeur inconnue `x` : écrivez l'une de ces valeurs : `a`, `b` ou `c`",
            ),
            (
                "unknown variant `x`, there are no variants",
                "valeur inconnue `x` : aucune valeur n'est permise ici",
            ),
            (
                "unknown field `a, b`, expected `c`",
                "champ inconnu `a, b` : les champs permis ici sont `c`",
            ),
            (
                "unknown field `z`, there are no fields",
                "champ inconnu `z` : aucun champ n'est permis ici",
            ),
            ("missing field `defi`", "champ manquant `defi`"),
            ("duplicate field `defi`", "champ en double `defi` : ne l'écrivez qu'une fois"),
            (
                "data did not match any variant of untagged enum ExplainInput",
                "la valeur n'a aucune des formes permises ici",
            ),
            (
                "expected value",
                "attendu : le nom d'une valeur permise entre guillemets, ou un objet JSON",
            ),
            ("déjà en français", "déjà en français"),
        ] {
            assert_eq!(fr(english), french, "{english}");
        }
    }
}
