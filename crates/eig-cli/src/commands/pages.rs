//! `eig rules --html DIR`: the law ↔ code pages of eig-server, written to a folder.

use std::{fs, path::Path};

use crate::error::CliError;

/// Writes every page (and the stylesheet) into `dir`, creating it.
pub(crate) fn write(dir: &Path) -> Result<(), CliError> {
    let failed = |source| CliError::Write { output: dir.to_path_buf(), source };
    fs::create_dir_all(dir).map_err(failed)?;
    let pages = eig_server::rule_pages();
    for (name, content) in pages {
        let path = dir.join(name);
        fs::write(&path, content).map_err(|source| CliError::Write { output: path, source })?;
    }
    crate::output::emit(
        None,
        &format!(
            "{} pages écrites dans {} (commencez par index.html)\n",
            pages.len(),
            dir.display()
        ),
    )
}
