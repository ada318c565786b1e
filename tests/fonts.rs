//! Every letter the atlas and the interface show has a glyph in the fonts the program ships, so
//! nothing depends on what fonts a user's machine happens to have.

use egui::{FontFamily, FontId};
use karabakh_atlas::atlas::{Text, embedded};
use karabakh_atlas::fonts;

/// Characters that have no glyph in `family` once `defs` are installed.
fn missing(defs: egui::FontDefinitions, family: FontFamily, texts: &[String]) -> Vec<char> {
    let ctx = egui::Context::default();
    ctx.set_fonts(defs);
    let mut output = ctx.run_ui(Default::default(), |_| {});
    output.textures_delta.clear();
    let font = FontId::new(14.0, family);
    let mut out: Vec<char> = Vec::new();
    ctx.fonts_mut(|f| {
        for t in texts {
            for c in t.chars().filter(|c| !c.is_whitespace()) {
                if !f.has_glyph(&font, c) && !out.contains(&c) {
                    out.push(c);
                }
            }
        }
    });
    out
}

fn all_texts() -> Vec<String> {
    let a = embedded().expect("atlas");
    let mut texts: Vec<String> = Vec::new();
    let add = |texts: &mut Vec<String>, t: &Text| texts.extend(t.0.values().cloned());
    add(&mut texts, &a.title);
    add(&mut texts, &a.description);
    for c in &a.controllers {
        add(&mut texts, &c.name);
        add(&mut texts, &c.description);
    }
    for p in &a.phases {
        add(&mut texts, &p.title);
        add(&mut texts, &p.summary);
        for c in &p.changes {
            if let Some(claim) = &c.claim {
                add(&mut texts, claim);
            }
        }
    }
    for e in &a.events {
        add(&mut texts, &e.text);
        if let Some(claim) = &e.claim {
            add(&mut texts, claim);
        }
    }
    for z in &a.zones {
        add(&mut texts, &z.name);
        add(&mut texts, &z.note);
    }
    for r in &a.regions {
        add(&mut texts, &r.name);
    }
    for l in &a.lines {
        add(&mut texts, &l.name);
    }
    for p in &a.places {
        add(&mut texts, &p.name);
        texts.extend(p.name_first.clone());
        texts.extend(p.name_second.clone());
    }
    for s in a.phases.iter().flat_map(|p| &p.sources).chain(a.events.iter().flat_map(|e| &e.sources)) {
        texts.push(s.title.clone());
    }
    // Interface strings with letters beyond ASCII, and the sample letters of the three scripts.
    texts.extend(
        ["« Phase", "‹ Event", "Event ›", "Phase »", "km²", "1 June 1994 – today", "Ստեփանակերտ"].map(String::from),
    );
    texts
}

#[test]
fn the_shipped_fonts_cover_every_letter_shown() {
    let texts = all_texts();
    assert!(texts.iter().any(|t| t.contains('ə')) && texts.iter().any(|t| t.contains('ế')));
    assert_eq!(missing(fonts::definitions(), FontFamily::Proportional, &texts), Vec::<char>::new());
    assert_eq!(missing(fonts::definitions(), fonts::bold(), &texts), Vec::<char>::new());
}

#[test]
fn egui_alone_would_miss_letters() {
    // Shows the test above can fail: egui's bundled fonts lack ə and Vietnamese tone marks.
    let gaps = missing(egui::FontDefinitions::default(), FontFamily::Proportional, &all_texts());
    assert!(gaps.contains(&'ə'), "{gaps:?}");
}
