//! Writing the result to standard output, or to the file named by `--output`.

use std::{
    io::{BufWriter, Write},
    path::Path,
};

use crate::error::CliError;

/// Writes `text` to `output` if given, to standard output otherwise (a reader that closes
/// standard output early is not an error).
pub(crate) fn emit(output: Option<&Path>, text: &str) -> Result<(), CliError> {
    if let Some(path) = output {
        return std::fs::write(path, text)
            .map_err(|source| CliError::Write { output: path.to_owned(), source });
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        // The reader stopped reading (`eig run --format json | head`): not the user's error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => written.map_err(CliError::Stdout),
    }
}

/// Pretty JSON with a final newline (field order is the types' declaration order, maps are
/// sorted: the output is byte-identical across runs).
pub(crate) fn json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    let mut text = serde_json::to_string_pretty(value).map_err(CliError::Serialize)?;
    text.push('\n');
    Ok(text)
}

/// Writes `value` as JSON to `output` if given, to standard output otherwise, while it is
/// serialized (no copy of the whole text in memory): compact on one line, or indented when
/// `pretty`; a final newline either way. Field order is the types' declaration order and maps
/// are sorted, so the output is byte-identical across runs.
pub(crate) fn write_json<T: serde::Serialize>(
    output: Option<&Path>,
    value: &T,
    pretty: bool,
) -> Result<(), CliError> {
    let write = |sink: &mut dyn Write| -> std::io::Result<()> {
        let mut writer = BufWriter::with_capacity(1 << 16, sink);
        if pretty {
            serde_json::to_writer_pretty(&mut writer, value)?;
        } else {
            serde_json::to_writer(&mut writer, value)?;
        }
        writer.write_all(b"\n")?;
        writer.flush()
    };
    // serde_json reports a failed write as its own error; anything else is a bug of ours.
    let classify = |err: std::io::Error| match err.downcast::<serde_json::Error>() {
        Ok(serialize) => Err(CliError::Serialize(serialize)),
        Err(io) => Ok(io),
    };
    if let Some(path) = output {
        let written = std::fs::File::create(path).and_then(|mut file| write(&mut file));
        return written.or_else(|err| {
            Err(CliError::Write { output: path.to_owned(), source: classify(err)? })
        });
    }
    let mut stdout = std::io::stdout().lock();
    match write(&mut stdout) {
        Ok(()) => Ok(()),
        Err(err) => match classify(err)? {
            // The reader stopped reading (`eig run --format json | head`): not the user's error.
            io if io.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            io => Err(CliError::Stdout(io)),
        },
    }
}

/// Writes the text that `render` writes to `output` if given, to standard output otherwise,
/// while it is rendered (no copy of the whole text in memory), through a 64 KiB buffer.
pub(crate) fn write_text(
    output: Option<&Path>,
    render: impl FnOnce(&mut dyn std::fmt::Write) -> std::fmt::Result,
) -> Result<(), CliError> {
    let write = |sink: &mut dyn Write| -> std::io::Result<()> {
        let mut writer = TextWriter { inner: BufWriter::with_capacity(1 << 16, sink), error: None };
        if render(&mut writer).is_err() {
            return Err(writer.error.unwrap_or_else(|| {
                // Rendering into a sink that accepts everything fails only on a bug of ours.
                std::io::Error::other(
                    "le rendu du texte a échoué (une erreur du programme, à signaler)",
                )
            }));
        }
        writer.inner.flush()
    };
    if let Some(path) = output {
        return std::fs::File::create(path)
            .and_then(|mut file| write(&mut file))
            .map_err(|source| CliError::Write { output: path.to_owned(), source });
    }
    let mut stdout = std::io::stdout().lock();
    match write(&mut stdout) {
        // The reader stopped reading (`eig funding FILE | head`): not the user's error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => written.map_err(CliError::Stdout),
    }
}

/// A `fmt::Write` over an `io::Write`, keeping the first write error (`fmt::Error` carries
/// none).
struct TextWriter<W: Write> {
    inner: W,
    error: Option<std::io::Error>,
}

impl<W: Write> std::fmt::Write for TextWriter<W> {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.inner.write_all(text.as_bytes()).map_err(|err| {
            self.error.get_or_insert(err);
            std::fmt::Error
        })
    }
}
