//! Clock times as transcripts write them.

/// Parses a lenient clock time: `1:23`, `01:23.5`, `00:01:23,456`,
/// `0:00:06.835000`, `1:02:03`, with an optional leading `-`.
/// Fields may exceed 59 (they are added up as they stand). Returns seconds.
pub(crate) fn parse_clock(s: &str) -> Option<f64> {
    let s = s.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (clock, frac) = match s.find(['.', ',']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut fields = [0u64; 3];
    let mut n = 0;
    for part in clock.split(':') {
        if n == 3 || part.is_empty() || part.len() > 9 || !part.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        fields[n] = part.parse().ok()?;
        n += 1;
    }
    if n < 2 {
        return None;
    }
    let (h, m, sec) = if n == 3 {
        (fields[0], fields[1], fields[2])
    } else {
        (0, fields[0], fields[1])
    };
    let mut total = (h * 3600 + m * 60 + sec) as f64;
    if let Some(f) = frac {
        if f.is_empty() || f.len() > 9 || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        total += f.parse::<f64>().ok()? / 10f64.powi(f.len() as i32);
    }
    Some(if neg { -total } else { total })
}

/// Formats seconds as `H:MM:SS` (or `M:SS` under an hour), for people.
///
/// ```
/// assert_eq!(candor::format_clock(75.4), "1:15");
/// assert_eq!(candor::format_clock(3725.0), "1:02:05");
/// ```
pub fn format_clock(seconds: f64) -> String {
    let total = if seconds.is_finite() && seconds > 0.0 {
        seconds.round() as u64
    } else {
        0
    };
    let (h, m, s) = (total / 3600, (total / 60) % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks() {
        assert_eq!(parse_clock("1:23"), Some(83.0));
        assert_eq!(parse_clock("00:01:23"), Some(83.0));
        assert_eq!(parse_clock("00:01:23,5"), Some(83.5));
        assert_eq!(parse_clock("0:00:06.835000"), Some(6.835));
        assert_eq!(parse_clock("-0:0:1.5"), Some(-1.5));
        assert_eq!(parse_clock("0:0:0.0"), Some(0.0));
        assert_eq!(parse_clock("00:00:60.000"), Some(60.0));
        assert_eq!(parse_clock("12"), None);
        assert_eq!(parse_clock("1:2:3:4"), None);
        assert_eq!(parse_clock("a:bc"), None);
        assert_eq!(parse_clock("1:"), None);
        assert_eq!(parse_clock("1:00."), None);
        assert_eq!(parse_clock("99999999999:00"), None);
    }
}
