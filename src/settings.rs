//! Configuration: candor.toml found from each transcript's folder upward, or
//! `--config`, with command-line options on top. One analyser per configuration.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use candor::{Analyzer, Config, Format};

use crate::args::Common;
use crate::error::Error;

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
        Overrides {
            interviewers: c.interviewers.clone(),
            interviewees: c.interviewees.clone(),
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

/// Finds and caches configurations and their analysers.
pub struct Settings {
    overrides: Overrides,
    explicit: Option<PathBuf>,
    /// Folder → the config file that governs it.
    dirs: HashMap<PathBuf, Option<PathBuf>>,
    /// Config file (or none) → its analyser.
    analyzers: HashMap<Option<PathBuf>, Arc<Analyzer>>,
    pub format: Option<Format>,
}

pub const CONFIG_NAMES: &[&str] = &["candor.toml", ".candor.toml"];

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
            explicit: common.config.clone(),
            dirs: HashMap::new(),
            analyzers: HashMap::new(),
            format,
        })
    }

    /// The config file that governs a folder: `--config`, or the nearest candor.toml upward.
    fn config_path(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(p) = &self.explicit {
            return Some(p.clone());
        }
        let start = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if let Some(found) = self.dirs.get(&start) {
            return found.clone();
        }
        let mut cur: Option<&Path> = Some(&start);
        let mut found = None;
        while let Some(d) = cur {
            if let Some(p) = CONFIG_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()) {
                found = Some(p);
                break;
            }
            cur = d.parent();
        }
        self.dirs.insert(start, found.clone());
        found
    }

    /// The analyser for inputs in a folder.
    pub fn analyzer_for(&mut self, dir: &Path) -> Result<Arc<Analyzer>, Error> {
        let path = self.config_path(dir);
        if let Some(a) = self.analyzers.get(&path) {
            return Ok(a.clone());
        }
        let config = match &path {
            Some(p) => {
                let src = std::fs::read_to_string(p).map_err(|source| Error::ReadConfig {
                    path: p.clone(),
                    source,
                })?;
                Config::from_toml(&src, &p.display().to_string())?
            }
            None => Config::default(),
        };
        let config = self.overrides.apply(config)?;
        let analyzer = Arc::new(Analyzer::new(config)?);
        self.analyzers.insert(path, analyzer.clone());
        Ok(analyzer)
    }
}
