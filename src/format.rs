//! How values are written for people: sizes, CPU, a trigger's destination.

use crate::api::triggers::Trigger;

/// Bytes to megabytes as an exact decimal (2048000000 → "2048").
pub fn mb_text(bytes: u64) -> String {
    let whole = bytes / 1_000_000;
    let rest = bytes % 1_000_000;
    if rest == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{}", format!("{rest:06}").trim_end_matches('0'))
    }
}

/// Bytes for people: whole gigabytes as GB, anything else in MB.
pub fn bytes_text(bytes: u64) -> String {
    if bytes >= 1_000_000_000 && bytes.is_multiple_of(1_000_000_000) {
        format!("{} GB", bytes / 1_000_000_000)
    } else {
        format!("{} MB", mb_text(bytes))
    }
}

/// Thousandths of a vCPU for people: 1000 → "1 vCPU", 560 → "0.56 vCPU".
pub fn cpu_text(mvcpu: u32) -> String {
    let (whole, rest) = (mvcpu / 1000, mvcpu % 1000);
    if rest == 0 {
        format!("{whole} vCPU")
    } else {
        format!(
            "{whole}.{} vCPU",
            format!("{rest:03}").trim_end_matches('0')
        )
    }
}

/// `POST /path`.
pub fn destination_text(t: &Trigger) -> String {
    format!(
        "{} {}",
        t.destination_config
            .http_method
            .as_str()
            .to_ascii_uppercase(),
        t.destination_config.http_path
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_for_people() {
        assert_eq!(bytes_text(2_048_000_000), "2048 MB");
        assert_eq!(bytes_text(1_000_000_000), "1 GB");
        assert_eq!(bytes_text(24_000_000_000), "24 GB");
        assert_eq!(cpu_text(1000), "1 vCPU");
        assert_eq!(cpu_text(560), "0.56 vCPU");
        assert_eq!(cpu_text(70), "0.07 vCPU");
    }

    #[test]
    fn megabytes_are_exact_decimals() {
        assert_eq!(mb_text(2_048_000_000), "2048");
        assert_eq!(mb_text(1_500_500_000), "1500.5");
    }
}
