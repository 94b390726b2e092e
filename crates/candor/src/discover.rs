//! Finding a project's `candor.toml` for a transcript, as the command line does: the one
//! piece of the library that touches the file system, and only when asked.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::Error;

/// The names of a project's configuration file, in the order each folder is searched for
/// them.
pub const CONFIG_FILE_NAMES: &[&str] = &["candor.toml", ".candor.toml"];

impl Config {
    /// The project configuration file that governs a transcript: the first of
    /// [`CONFIG_FILE_NAMES`] in its folder or the nearest folder above, as `candor lint`
    /// finds it. `path` is a transcript's path (it need not exist: a name for text from
    /// elsewhere) or a folder; the search starts in the folder itself, or the file's folder.
    ///
    /// Only the project's file: the command line reads the user's own configuration (in
    /// the platform's configuration folder) under it, and `--config` instead of it; an
    /// embedding tool does as it sees fit.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("candor-find-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(dir.join("calls/2024")).unwrap();
    /// std::fs::write(dir.join("candor.toml"), "profile = \"solution\"\n").unwrap();
    /// let found = candor::Config::find(&dir.join("calls/2024/acme.vtt")).unwrap();
    /// assert!(found.ends_with("candor.toml"));
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn find(path: &Path) -> Option<PathBuf> {
        let dir = if path.is_dir() {
            path
        } else {
            path.parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
        };
        let start = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        start.ancestors().find_map(|d| {
            CONFIG_FILE_NAMES
                .iter()
                .map(|n| d.join(n))
                .find(|p| p.is_file())
        })
    }

    /// [`Config::find`], then the file read and checked: the configuration that governs a
    /// transcript, and where it came from; `None` when no file governs it (the defaults,
    /// [`Config::default`], apply). Errors name the file and line.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("candor-discover-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join(".candor.toml"), "interviewers = [\"Maya\"]\n").unwrap();
    /// let (file, config) = candor::Config::discover(&dir.join("call.vtt"))?.unwrap();
    /// assert!(file.ends_with(".candor.toml"));
    /// assert_eq!(config.interviewers, ["Maya"]);
    /// let analyzer = candor::Analyzer::new(config)?;
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// # Ok::<(), candor::Error>(())
    /// ```
    pub fn discover(path: &Path) -> Result<Option<(PathBuf, Config)>, Error> {
        let Some(file) = Config::find(path) else {
            return Ok(None);
        };
        let name = file.display().to_string();
        let src = std::fs::read_to_string(&file)
            .map_err(|e| Error::Config(format!("{name}: cannot read configuration: {e}")))?;
        let config = Config::from_toml(&src, &name)?;
        Ok(Some((file, config)))
    }
}
