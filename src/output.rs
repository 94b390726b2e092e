//! Output files written whole or not at all: a temporary beside the target, renamed at the
//! end; devices and pipes written to as they are; symbolic links kept; and on Ctrl-C every
//! temporary removed, so no half-written output is left behind.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::Error;

/// Temporary files to remove if the run is interrupted.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn register_temporary(p: &Path) {
    if let Ok(mut t) = TEMPORARIES.lock() {
        t.push(p.to_path_buf());
    }
}

fn unregister_temporary(p: &Path) {
    if let Ok(mut t) = TEMPORARIES.lock() {
        t.retain(|x| x != p);
    }
}

/// On Ctrl-C: remove the temporaries and exit 130, leaving no partial output.
pub fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(t) = TEMPORARIES.lock() {
            for p in t.iter() {
                let _ = std::fs::remove_file(p);
            }
        }
        eprintln!("\ninterrupted: no output written");
        std::process::exit(130);
    });
}

/// A file written whole or not at all: a temporary beside it, renamed on success.
///
/// What is not an ordinary file (`-o /dev/null`, a named pipe) is written to as it is:
/// renaming over it would replace it. A symbolic link keeps pointing where it did, and the
/// file it points to is the one replaced.
pub struct AtomicFile {
    target: PathBuf,
    sink: Held,
}

enum Held {
    Temporary(tempfile::NamedTempFile),
    Direct(std::fs::File),
}

impl AtomicFile {
    pub fn create(target: &Path) -> Result<Self, Error> {
        let cannot = |source| Error::Write {
            path: target.to_path_buf(),
            source,
        };
        if let Ok(m) = std::fs::metadata(target) {
            if !m.is_file() && !m.is_dir() {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(target)
                    .map_err(cannot)?;
                return Ok(AtomicFile {
                    target: target.to_path_buf(),
                    sink: Held::Direct(f),
                });
            }
        }
        let is_link = std::fs::symlink_metadata(target).is_ok_and(|m| m.file_type().is_symlink());
        let real = if is_link {
            std::fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf())
        } else {
            target.to_path_buf()
        };
        let dir = real
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = tempfile::Builder::new()
            .prefix(".candor-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|source| Error::CreateBeside {
                path: target.to_path_buf(),
                source,
            })?;
        register_temporary(tmp.path());
        Ok(AtomicFile {
            target: real,
            sink: Held::Temporary(tmp),
        })
    }

    pub fn writer(&mut self) -> &mut std::fs::File {
        match &mut self.sink {
            Held::Temporary(tmp) => tmp.as_file_mut(),
            Held::Direct(f) => f,
        }
    }

    pub fn commit(self) -> Result<(), Error> {
        let cannot = |source| Error::Write {
            path: self.target.clone(),
            source,
        };
        let tmp = match self.sink {
            Held::Temporary(tmp) => tmp,
            Held::Direct(mut f) => {
                use std::io::Write;
                return f.flush().map_err(cannot);
            }
        };
        let path = tmp.path().to_path_buf();
        // The temporary is private (0600); the output is an ordinary file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = tmp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644));
        }
        tmp.persist(&self.target).map_err(|e| Error::Persist {
            path: self.target.clone(),
            source: e.error,
        })?;
        unregister_temporary(&path);
        Ok(())
    }
}

/// Where a command prints: standard output, or the file of `-o FILE` (written whole, at
/// [`Out::finish`]). Colour follows `--color` and whether the target is a terminal, so a
/// file gets none unless `--color always`.
pub struct Out {
    stream: anstream::AutoStream<Box<dyn std::io::Write>>,
    file: Option<AtomicFile>,
}

impl Out {
    pub fn new(output: Option<&Path>, color: crate::args::ColorChoice) -> Result<Self, Error> {
        let choice = match color {
            crate::args::ColorChoice::Always => anstream::ColorChoice::Always,
            crate::args::ColorChoice::Never => anstream::ColorChoice::Never,
            crate::args::ColorChoice::Auto => anstream::ColorChoice::Auto,
        };
        match output {
            Some(p) if p.as_os_str() != "-" => {
                let mut file = AtomicFile::create(p)?;
                let w = file.writer().try_clone().map_err(|source| Error::Write {
                    path: p.to_path_buf(),
                    source,
                })?;
                // A file is no terminal: `auto` means no colour.
                let choice = match choice {
                    anstream::ColorChoice::Auto => anstream::ColorChoice::Never,
                    c => c,
                };
                let boxed: Box<dyn std::io::Write> = Box::new(std::io::BufWriter::new(w));
                Ok(Out {
                    stream: anstream::AutoStream::new(boxed, choice),
                    file: Some(file),
                })
            }
            _ => {
                let choice = match choice {
                    anstream::ColorChoice::Auto => {
                        anstream::AutoStream::<std::io::Stdout>::choice(&std::io::stdout())
                    }
                    c => c,
                };
                let boxed: Box<dyn std::io::Write> = Box::new(std::io::stdout());
                Ok(Out {
                    stream: anstream::AutoStream::new(boxed, choice),
                    file: None,
                })
            }
        }
    }

    /// Whether what is written here is coloured: `--color`, `NO_COLOR` and whether the
    /// target is a terminal decided it. Output rendered with colour anyway is stripped of it.
    pub fn color(&self) -> bool {
        self.stream.current_choice() != anstream::ColorChoice::Never
    }

    /// Flushes, and puts the file in place.
    pub fn finish(mut self) -> Result<(), Error> {
        use std::io::Write;
        match self.stream.flush() {
            // `candor … | head`: the reader has what it wanted.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            r => r.map_err(Error::Output)?,
        }
        drop(self.stream);
        match self.file {
            Some(f) => f.commit(),
            None => Ok(()),
        }
    }
}

impl std::io::Write for Out {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.stream.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.stream.flush()
    }
}
