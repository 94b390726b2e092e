//! Configuration: the project's candor.toml found from each transcript's folder upward (or
//! `--config`), over the user's own (in the platform's configuration folder), with
//! command-line options on top. One analyser per configuration and set of per-file ignores.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use candor::{Analyzer, Config, Format};
use globset::{Glob, GlobBuilder, GlobMatcher, GlobSet, GlobSetBuilder};

use crate::args::Common;
use crate::error::Error;
use crate::files::{Found, Input};

/// Command-line options that override the configuration file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub interviewers: Vec<String>,
    pub interviewees: Vec<String>,
    pub profile: Option<String>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// `--explain`: model findings list the features that weighed most.
    pub explain: bool,
    /// `--min-confidence`.
    pub min_confidence: Option<f64>,
}

impl Overrides {
    pub fn from_common(c: &Common) -> Self {
        let ids = |v: &[String]| v.iter().filter(|s| !s.is_empty()).cloned().collect();
        Overrides {
            interviewers: c.interviewers.clone(),
            interviewees: c.interviewees.clone(),
            profile: c.profile.clone(),
            select: ids(&c.select),
            ignore: ids(&c.ignore),
            ..Default::default()
        }
    }

    fn apply(&self, mut config: Config) -> Result<Config, Error> {
        if !self.interviewers.is_empty() {
            config.interviewers = self.interviewers.clone();
        }
        if !self.interviewees.is_empty() {
            config.interviewees = self.interviewees.clone();
        }
        if let Some(p) = &self.profile {
            config.profile = match p.to_ascii_lowercase().as_str() {
                "discovery" => candor::Profile::Discovery,
                "solution" => candor::Profile::Solution,
                other => return Err(Error::Profile(other.to_string())),
            };
        }
        let mut known: Vec<&str> = candor::rules().iter().map(|r| r.id).collect();
        known.extend(config.rules.iter().map(|r| r.id.as_str()));
        for (flag, list) in [("--select", &self.select), ("--ignore", &self.ignore)] {
            if let Some(id) = list.iter().find(|id| !known.contains(&id.as_str())) {
                return Err(unknown_rule(&format!("{flag}: "), id, &known));
            }
        }
        if !self.select.is_empty() {
            config.select = self.select.clone();
        }
        config.ignore.extend(self.ignore.iter().cloned());
        config.explain |= self.explain;
        if self.min_confidence.is_some() {
            config.min_confidence = self.min_confidence;
        }
        config.validate("", "command line")?;
        Ok(config)
    }
}

/// An unknown rule id, with the closest known one when there is one, else the list.
pub fn unknown_rule(what: &str, id: &str, known: &[&str]) -> Error {
    let hint = match candor::closest(id, known) {
        Some(c) => format!("did you mean `{c}`?"),
        None => format!("rules are: {}", known.join(", ")),
    };
    Error::UnknownRule {
        what: what.to_string(),
        rule: id.to_string(),
        hint,
    }
}

/// A configuration as read for one project: where it came from and the globs it holds.
struct Loaded {
    config: Config,
    /// The files read, lowest first (the user's, then the project's).
    sources: Vec<PathBuf>,
    /// The folder `exclude` and `per-file-ignores` globs are relative to.
    root: PathBuf,
    exclude: GlobSet,
    per_file: Vec<(GlobMatcher, Vec<String>)>,
}

/// Finds and caches configurations and their analysers.
pub struct Settings {
    overrides: Overrides,
    explicit: Option<PathBuf>,
    user: Option<PathBuf>,
    stdin_name: Option<PathBuf>,
    /// Folder → the project config file that governs it.
    dirs: HashMap<PathBuf, Option<PathBuf>>,
    /// Project config file (or none) → what it says.
    loaded: HashMap<Option<PathBuf>, Arc<Loaded>>,
    /// Project config file and the rules its per-file-ignores add → the analyser.
    analyzers: HashMap<(Option<PathBuf>, Vec<String>), Arc<Analyzer>>,
    pub format: Option<Format>,
}

/// The user's own configuration file: `candor/candor.toml` in the platform's configuration
/// folder (`$XDG_CONFIG_HOME`, else `~/.config`; `%APPDATA%` on Windows), if it exists.
pub fn user_config() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            if cfg!(windows) {
                std::env::var_os("APPDATA").map(PathBuf::from)
            } else {
                std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config"))
            }
        })?;
    Some(base.join("candor").join("candor.toml")).filter(|p| p.is_file())
}

/// A path as shown: relative to the current folder when it is inside it.
pub fn shown(p: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| p.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| p.to_path_buf())
        .display()
        .to_string()
}

/// A glob of `exclude` or `per-file-ignores`: one without `/` matches a name at any depth.
fn glob(pattern: &str, source: &Path) -> Result<Glob, Error> {
    let full = if pattern.contains('/') {
        pattern.trim_start_matches('/').to_string()
    } else {
        format!("**/{pattern}")
    };
    GlobBuilder::new(&full)
        .literal_separator(true)
        .build()
        .map_err(|e| Error::ConfigGlob {
            path: source.to_path_buf(),
            glob: pattern.to_string(),
            message: e.kind().to_string(),
        })
}

impl Settings {
    pub fn new(common: &Common, overrides: Overrides) -> Result<Self, Error> {
        let format = match &common.input_format {
            Some(name) => Some(name.parse::<Format>().map_err(Error::InputFormat)?),
            None => None,
        };
        if let Some(p) = &common.config {
            if !p.is_file() {
                return Err(Error::ConfigNotFound(p.clone()));
            }
        }
        Ok(Settings {
            overrides,
            user: if common.config.is_some() {
                None
            } else {
                user_config()
            },
            explicit: common.config.clone(),
            stdin_name: common.stdin_filename.clone(),
            dirs: HashMap::new(),
            loaded: HashMap::new(),
            analyzers: HashMap::new(),
            format,
        })
    }

    /// The name an input is shown (and matched by globs) as.
    pub fn name_of(&self, input: &Input) -> String {
        match (input, &self.stdin_name) {
            (Input::Stdin, Some(name)) => name.display().to_string(),
            _ => input.display(),
        }
    }

    /// The path an input is configured by: its own, or `--stdin-filename`'s.
    fn path_of(&self, input: &Input) -> Option<PathBuf> {
        match input {
            Input::File(p) => Some(p.clone()),
            Input::Stdin => self.stdin_name.clone(),
        }
    }

    /// The folder an input's configuration is looked up from.
    fn dir_of(&self, input: &Input) -> PathBuf {
        match (input, &self.stdin_name) {
            (Input::Stdin, Some(name)) => Input::File(name.clone()).dir(),
            _ => input.dir(),
        }
    }

    /// The project config file that governs a folder: `--config`, or the nearest
    /// candor.toml upward (the library's search, `candor::Config::find`).
    fn config_path(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(p) = &self.explicit {
            return Some(p.clone());
        }
        let start = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if let Some(found) = self.dirs.get(&start) {
            return found.clone();
        }
        let found = Config::find(dir);
        self.dirs.insert(start, found.clone());
        found
    }

    /// What governs inputs in a folder: the user's file under the project's, and the
    /// command line on top.
    fn loaded_for(&mut self, dir: &Path) -> Result<(Option<PathBuf>, Arc<Loaded>), Error> {
        let path = self.config_path(dir);
        if let Some(l) = self.loaded.get(&path) {
            return Ok((path, l.clone()));
        }
        let sources: Vec<PathBuf> = self.user.iter().chain(path.iter()).cloned().collect();
        let mut texts = Vec::new();
        for p in &sources {
            let src = std::fs::read_to_string(p).map_err(|source| Error::ReadConfig {
                path: p.clone(),
                source,
            })?;
            texts.push((src, p.display().to_string()));
        }
        let layers: Vec<(&str, &str)> = texts
            .iter()
            .map(|(s, n)| (s.as_str(), n.as_str()))
            .collect();
        let config = match layers.as_slice() {
            [] => Config::default(),
            [(src, name)] => Config::from_toml(src, name)?,
            _ => Config::from_toml_layers(&layers)?,
        };
        let config = self.overrides.apply(config)?;
        let source = sources.last().cloned().unwrap_or_default();
        let root = match &path {
            Some(p) => std::fs::canonicalize(p)
                .ok()
                .and_then(|p| p.parent().map(Path::to_path_buf))
                .unwrap_or_else(|| PathBuf::from(".")),
            None => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        };
        let mut exclude = GlobSetBuilder::new();
        for pattern in &config.exclude {
            exclude.add(glob(pattern, &source)?);
        }
        let exclude = exclude.build().map_err(|e| Error::ConfigGlob {
            path: source.clone(),
            glob: config.exclude.join(", "),
            message: e.to_string(),
        })?;
        let mut per_file = Vec::new();
        for (pattern, rules) in &config.per_file_ignores {
            per_file.push((glob(pattern, &source)?.compile_matcher(), rules.clone()));
        }
        let loaded = Arc::new(Loaded {
            config,
            sources,
            root,
            exclude,
            per_file,
        });
        self.loaded.insert(path.clone(), loaded.clone());
        Ok((path, loaded))
    }

    /// An input's path relative to the folder its configuration's globs are relative to.
    fn relative(&self, input: &Input, root: &Path) -> Option<PathBuf> {
        let p = self.path_of(input)?;
        let abs = std::fs::canonicalize(&p).ok().or_else(|| {
            let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
            let dir = parent.map_or_else(std::env::current_dir, std::fs::canonicalize);
            Some(dir.ok()?.join(p.file_name()?))
        })?;
        Some(abs.strip_prefix(root).map_or(p, Path::to_path_buf))
    }

    /// The configurations loaded so far (one per project, after the command line), each
    /// once and in a fixed order: the files read, lowest first (none: the defaults), and the
    /// configuration itself.
    pub fn used(&self) -> Vec<(Vec<PathBuf>, &Config)> {
        let mut v: Vec<(Vec<PathBuf>, &Config)> = self
            .loaded
            .values()
            .map(|l| (l.sources.clone(), &l.config))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    /// The analyser for an input: its folder's configuration, less the rules
    /// `per-file-ignores` leave out for it.
    pub fn analyzer_for(&mut self, input: &Input) -> Result<Arc<Analyzer>, Error> {
        let (path, loaded) = self.loaded_for(&self.dir_of(input))?;
        let mut extra: Vec<String> = Vec::new();
        if !loaded.per_file.is_empty() {
            if let Some(rel) = self.relative(input, &loaded.root) {
                for (m, rules) in &loaded.per_file {
                    if m.is_match(&rel) {
                        extra.extend(rules.iter().cloned());
                    }
                }
            }
        }
        extra.sort();
        extra.dedup();
        let key = (path, extra);
        if let Some(a) = self.analyzers.get(&key) {
            return Ok(a.clone());
        }
        let mut config = loaded.config.clone();
        config.ignore.extend(key.1.iter().cloned());
        let analyzer = Arc::new(Analyzer::new(config)?);
        self.analyzers.insert(key, analyzer.clone());
        Ok(analyzer)
    }

    /// Leaves out the inputs found in folders that their configuration's `exclude` matches;
    /// files named on the command line are always read.
    pub fn exclude(&mut self, found: &mut Found, named: &[PathBuf]) -> Result<(), Error> {
        let mut kept = Vec::with_capacity(found.inputs.len());
        for input in std::mem::take(&mut found.inputs) {
            let skip = match &input {
                Input::File(p) if !named.contains(p) => {
                    let (_, loaded) = self.loaded_for(&self.dir_of(&input))?;
                    !loaded.exclude.is_empty()
                        && self
                            .relative(&input, &loaded.root)
                            .is_some_and(|rel| loaded.exclude.is_match(rel))
                }
                _ => false,
            };
            if !skip {
                kept.push(input);
            }
        }
        found.inputs = kept;
        Ok(())
    }

    /// `--show-settings`: the configuration in effect for an input, and where it came from.
    pub fn show(&mut self, input: &Input) -> Result<String, Error> {
        let (_, loaded) = self.loaded_for(&self.dir_of(input))?;
        let mut config = loaded.config.clone();
        if let Some(rel) = self.relative(input, &loaded.root) {
            for (m, rules) in &loaded.per_file {
                if m.is_match(&rel) {
                    config.ignore.extend(rules.iter().cloned());
                }
            }
        }
        let mut out = format!("# Settings for {}\n", self.name_of(input));
        if loaded.sources.is_empty() {
            out.push_str("# from: no configuration file (the defaults)\n");
        }
        for (i, s) in loaded.sources.iter().enumerate() {
            let role = if Some(s) == self.user.as_ref() {
                "the user's configuration"
            } else if self.explicit.is_some() {
                "--config"
            } else {
                "the project's configuration"
            };
            let under = if i + 1 < loaded.sources.len() {
                ", under the next"
            } else {
                ""
            };
            out.push_str(&format!("# from: {} ({role}{under})\n", shown(s)));
        }
        out.push_str("# with the command line's options on top\n\n");
        out.push_str(&config.to_toml());
        Ok(out)
    }
}
