//! The fonts the program ships (Noto Sans, SIL Open Font License; see assets/fonts/), used by the
//! window and by exports alike.

pub const NOTO_SANS: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
pub const NOTO_SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
pub const NOTO_SANS_ARMENIAN: &[u8] = include_bytes!("../assets/fonts/NotoSansArmenian-Regular.ttf");
