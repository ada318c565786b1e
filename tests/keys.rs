//! The README's key table is the window's key table: both come from `ui::KEY_BINDINGS`.

#[test]
fn the_readme_lists_every_key_the_window_answers_to() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let table = karabakh_atlas::ui::key_table();
    assert!(readme.contains(&table), "README.md should hold this table, from ui::KEY_BINDINGS:\n\n{table}");
    assert!(table.lines().count() > 10, "{table}");
}
