//! Every interface string in the source and every text of the Karabakh atlas has its Vietnamese
//! version: this test fails as soon as one is added without it.

use std::path::Path;

use karabakh_atlas::atlas::{Text, embedded};
use karabakh_atlas::i18n::has_vietnamese;

#[path = "common/source.rs"]
mod source;
use source::rust_files;

/// The string literals passed as the English key to `t(lang, "…")` or `tf(lang, "…", …)`, however
/// rustfmt lays the call out (on one line or over several).
fn keys(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = source.as_bytes();
    for call in ["tf(", "t("] {
        let mut from = 0;
        while let Some(i) = source[from..].find(call) {
            let at = from + i;
            from = at + call.len();
            // A call of its own, not the end of another name (`format(`, `get_or_default_t(`).
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let rest = source[from..].trim_start();
            let Some(rest) = rest.strip_prefix("lang") else { continue };
            let Some(rest) = rest.trim_start().strip_prefix(',') else { continue };
            let Some(start) = rest.trim_start().strip_prefix('"') else { continue };
            let mut lit = String::new();
            let mut chars = start.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(n) = chars.next() {
                            lit.push(n);
                        }
                    }
                    '"' => break,
                    c => lit.push(c),
                }
            }
            out.push(lit);
        }
    }
    out
}

#[test]
fn the_scan_finds_calls_however_they_are_laid_out() {
    let source = "t(lang, \"One\"); tf(\n        lang,\n        \"Two {}\",\n        &[x]); format(lang, \"no\"); tf(lang,\"Three\")";
    assert_eq!(keys(source), ["Two {}", "Three", "One"]);
}

#[test]
fn every_interface_string_in_the_source_has_a_vietnamese_version() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut found = 0;
    let mut missing = Vec::new();
    for f in files {
        let source = std::fs::read_to_string(&f).expect("read");
        for k in keys(&source) {
            found += 1;
            if !has_vietnamese(&k) {
                missing.push(format!("{}: {k}", f.display()));
            }
        }
    }
    assert!(found > 50, "only {found} strings found: the scan is broken");
    assert!(missing.is_empty(), "strings without Vietnamese:\n{}", missing.join("\n"));
}

#[test]
fn every_text_of_the_atlas_has_a_vietnamese_version() {
    let a = embedded().expect("atlas");
    let mut missing = Vec::new();
    let mut check = |what: String, t: &Text| {
        if !t.has("vi") {
            missing.push(what);
        }
    };
    check("title".into(), &a.title);
    check("description".into(), &a.description);
    check("attribution".into(), &a.attribution);
    for c in &a.controllers {
        check(format!("controller {}", c.id), &c.name);
        check(format!("controller {} description", c.id), &c.description);
    }
    for p in &a.phases {
        check(format!("phase {} title", p.id), &p.title);
        check(format!("phase {} summary", p.id), &p.summary);
        for c in &p.changes {
            if let Some(claim) = &c.claim {
                check(format!("phase {} change on {}", p.id, c.date), claim);
            }
        }
    }
    for e in &a.events {
        check(format!("event {}", e.id), &e.text);
        if let Some(claim) = &e.claim {
            check(format!("event {} claim", e.id), claim);
        }
    }
    for z in &a.zones {
        check(format!("zone {}", z.id), &z.name);
        check(format!("zone {} note", z.id), &z.note);
    }
    for r in &a.regions {
        check(format!("region {}", r.id), &r.name);
    }
    for l in &a.lines {
        check(format!("line {}", l.id), &l.name);
    }
    for c in a.context.iter().filter(|c| c.kind == karabakh_atlas::atlas::ContextKind::Country) {
        check(format!("country {}", c.id), &c.name);
    }
    assert!(missing.is_empty(), "texts without Vietnamese:\n{}", missing.join("\n"));
}
