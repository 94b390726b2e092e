//! The vocabularies the rules share, kept as word lists in `lexicon/*.txt`: one alternative
//! a line (regular-expression syntax, so `organi[sz]ation` and `chasers?` are one entry
//! each), `#` for comments. They are read at compile time and joined, in order, into the
//! alternations the patterns use.

use std::sync::LazyLock;

/// The entries of a word list, joined with `|`.
fn entries(list: &str) -> String {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("|")
}

macro_rules! lexicon {
    ($($(#[$meta:meta])* $name:ident = $open:literal $file:literal $close:literal;)*) => {
        $(
            $(#[$meta])*
            pub(crate) static $name: LazyLock<String> = LazyLock::new(|| {
                format!(
                    "{}{}{}",
                    $open,
                    entries(include_str!(concat!("lexicon/", $file, ".txt"))),
                    $close
                )
            });
        )*

        /// Every word list, by file name, for the tests.
        #[cfg(test)]
        pub(crate) const FILES: &[(&str, &str)] = &[
            $(($file, include_str!(concat!("lexicon/", $file, ".txt"))),)*
        ];
    };
}

lexicon! {
    /// Kinds of organisation: "what does your firm do?".
    ORGANISATIONS = "(?:" "organisations" ")";
    /// What an organisation counts: "how many branches?".
    COUNTED_THINGS = "(?:" "counted-things" ")";
    /// Who a prediction is asked of: "would you…", "would your team…".
    SUBJECTS = "(?:" "subjects" ")";
    /// What people are asked to predict they would do: use, buy, pay, switch…
    BEHAVIOURS = "(?:" "behaviours" ")";
    /// Numbers in digits or words, for prices.
    NUMBER_WORDS = "(?:" "number-words" ")";
    /// What else "our …" names when it is the product: its parts and outputs (not grouped,
    /// to go on in an alternation with [`PRODUCT_NOUNS`]).
    PRODUCT_PARTS = "" "product-parts" "";
    /// Kinds of product: "our app", "the platform".
    PRODUCT_NOUNS = "(?:" "product-nouns" ")";
    /// What an interviewee may be asked to design, singular or plural.
    DESIGNABLE_THINGS = "(?:" "designable-things" ")s?";
    /// What an interviewer asks a verdict on: the idea, the concept, the prototype…
    IDEA_NOUNS = "(?:" "idea-nouns" ")";
    /// Verdicts asked for: useful, helpful, valuable…
    VERDICTS = "(?:" "verdicts" ")";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_entries_and_no_blank_alternative() {
        for (file, text) in FILES {
            let e = entries(text);
            assert!(!e.is_empty(), "{file}");
            assert!(!e.split('|').any(str::is_empty), "{file}: an empty entry");
            regex::Regex::new(&format!("(?:{e})")).unwrap_or_else(|err| panic!("{file}: {err}"));
        }
    }
}
