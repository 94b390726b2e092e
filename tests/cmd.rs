//! The command-line cases written as data: each `tests/cmd/*.toml` runs `candor` once and
//! gives its arguments, standard input, exit code, standard output and standard error (with
//! `...` for lines and `[..]` for parts of a line that are not checked). See tests/README.md.
//!
//! Cases run in the project's root folder (where cargo runs tests), so their paths are
//! relative to it.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        // Colour as the case says, whatever the environment running the tests forces:
        // CLICOLOR_FORCE forces it when set to anything but the empty string.
        .env("CLICOLOR_FORCE", "")
        // The width of the terminal running the tests is not the cases' (120 columns when
        // unset), and the user's own candor.toml is not read (no such folder).
        .env("COLUMNS", "")
        .env("XDG_CONFIG_HOME", "/nonexistent-candor-test-config")
        .case("tests/cmd/*.toml");
}
