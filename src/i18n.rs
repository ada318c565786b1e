//! The interface's own words in each language. Atlas texts carry their own translations; these are
//! the buttons, labels and messages of the window. English is the key; `{}` marks a value.

use std::collections::BTreeSet;
use std::sync::Mutex;

/// The interface languages: code and name in that language.
pub const LANGUAGES: [(&str, &str); 2] = [("en", "English"), ("vi", "Tiếng Việt")];

/// (English, Vietnamese).
const STRINGS: &[(&str, &str)] = &[
    ("About", "Giới thiệu"),
    ("About Karabakh Atlas", "Giới thiệu Karabakh Atlas"),
    ("Fit", "Toàn cảnh"),
    ("Frame the whole atlas (or double-click the map)", "Hiển thị toàn bộ bản đồ (hoặc nhấp đúp vào bản đồ)"),
    ("Chart", "Biểu đồ"),
    ("Km² held by each side over time", "Diện tích (km²) mỗi bên kiểm soát theo thời gian"),
    ("Present", "Trình chiếu"),
    (
        "Full screen for a room: Space or → for the next step, Esc to leave (F11)",
        "Toàn màn hình cho lớp học: Space hoặc → để sang bước tiếp, Esc để thoát (F11)",
    ),
    ("Language", "Ngôn ngữ"),
    ("Names", "Địa danh"),
    ("Both", "Cả hai"),
    ("Armenian usage", "Theo cách gọi của Armenia"),
    ("Azerbaijani usage", "Theo cách gọi của Azerbaijan"),
    ("Date", "Ngày"),
    ("Type a date (YYYY-MM-DD) and press Enter", "Nhập ngày (YYYY-MM-DD) rồi nhấn Enter"),
    ("« Phase", "« Giai đoạn"),
    ("‹ Event", "‹ Sự kiện"),
    ("Event ›", "Sự kiện ›"),
    ("Phase »", "Giai đoạn »"),
    ("Next phase (PageDown)", "Giai đoạn sau (PageDown)"),
    ("Next event (.)", "Sự kiện sau (.)"),
    ("Previous event (,)", "Sự kiện trước (,)"),
    ("Previous phase (PageUp)", "Giai đoạn trước (PageUp)"),
    ("Play", "Phát"),
    ("Pause", "Tạm dừng"),
    ("Play through time (P)", "Cho thời gian chạy (P)"),
    ("days/s", "ngày/giây"),
    ("Loop", "Lặp lại"),
    ("Stop at events", "Dừng ở mỗi sự kiện"),
    ("Close", "Đóng"),
    ("Compare with another date", "So sánh với một ngày khác"),
    ("Compare", "So sánh"),
    ("Show changes", "Xem thay đổi"),
    ("Clear", "Xóa"),
    ("{} zone(s) changed hands between {} and {}:", "{} vùng đã đổi chủ giữa {} và {}:"),
    ("to", "sang"),
    ("Could not open the atlas", "Không mở được atlas"),
    ("{} — the map keeps showing \"{}\".", "{} — bản đồ vẫn hiển thị \"{}\"."),
    ("{} problem(s):", "{} lỗi:"),
    ("Copy", "Sao chép"),
    ("This date is outside the atlas's timeline.", "Ngày này nằm ngoài dòng thời gian của atlas."),
    ("Sources ({})", "Nguồn ({})"),
    ("Changes of control so far in this phase", "Các thay đổi quyền kiểm soát trong giai đoạn này cho đến nay"),
    ("{}: {} passed to {}", "{}: {} chuyển sang {}"),
    ("Legend", "Chú giải"),
    ("Dashed zone edges: position only approximately known.", "Đường biên nét đứt: vị trí chỉ được biết gần đúng."),
    ("Events of this phase ({})", "Sự kiện của giai đoạn này ({})"),
    ("Held by: {}", "Bên kiểm soát: {}"),
    ("Area: {} km²", "Diện tích: {} km²"),
    ("Approximate edges", "Đường biên gần đúng"),
    ("Official area", "Diện tích chính thức"),
    ("As drawn here", "Theo bản đồ này"),
    ("Today's boundaries", "Theo ranh giới hiện nay"),
    ("Control over time", "Quyền kiểm soát theo thời gian"),
    ("Same time scale as the slider below.", "Cùng thang thời gian với thanh trượt bên dưới."),
    ("today", "nay"),
    (
        "How to read the map: each zone is coloured by the side that held it on the date shown. Dashed zone edges are only approximately known. Lines of contact, the 2020 ceasefire line, the Lachin corridor and the Talish front appear only on the dates they apply. Place names are given in both traditions (Armenian usage / Azerbaijani usage).",
        "Cách đọc bản đồ: mỗi vùng được tô màu theo bên kiểm soát vùng đó vào ngày đang hiển thị. Đường biên nét đứt chỉ được biết gần đúng. Đường tiếp xúc, giới tuyến ngừng bắn năm 2020, hành lang Lachin và mặt trận Talish chỉ hiện vào những ngày chúng tồn tại. Địa danh được ghi theo cả hai cách gọi (của Armenia / của Azerbaijan).",
    ),
    ("Sources and licences", "Nguồn và giấy phép"),
    (
        "Geometry: Natural Earth (naturalearthdata.com), public domain. Corrections to it are listed in assets/karabakh/SOURCES.md.",
        "Hình học: Natural Earth (naturalearthdata.com), phạm vi công cộng. Các chỉnh sửa được liệt kê trong assets/karabakh/SOURCES.md.",
    ),
    (
        "Place coordinates: GeoNames (geonames.org), CC BY 4.0, and Wikipedia.",
        "Tọa độ địa danh: GeoNames (geonames.org), CC BY 4.0, và Wikipedia.",
    ),
    (
        "Every phase and event lists its own sources in the side panel.",
        "Mỗi giai đoạn và sự kiện đều ghi nguồn riêng trong bảng bên.",
    ),
    ("Font: Noto Sans, SIL Open Font License 1.1.", "Phông chữ: Noto Sans, giấy phép SIL Open Font License 1.1."),
    (
        "Natural Earth (public domain); see SOURCES.md of the atlas",
        "Natural Earth (phạm vi công cộng); xem SOURCES.md của atlas",
    ),
    ("Grid", "Lưới"),
    ("Lines of longitude and latitude", "Các đường kinh tuyến và vĩ tuyến"),
    ("Inset", "Bản đồ nhỏ"),
    ("Where the view lies in the region", "Vị trí khung nhìn trong khu vực"),
    ("Measure", "Đo"),
    (
        "Click two points on the map to measure the distance between them",
        "Nhấp hai điểm trên bản đồ để đo khoảng cách giữa chúng",
    ),
    ("Export…", "Xuất ảnh…"),
    ("Save the map as a picture (PNG or SVG)", "Lưu bản đồ thành ảnh (PNG hoặc SVG)"),
    ("Open…", "Mở…"),
    ("Open atlas folder…", "Mở thư mục atlas…"),
    ("Built-in Karabakh atlas", "Atlas Karabakh có sẵn"),
    ("Open an atlas folder (or drop it on the window)", "Mở một thư mục atlas (hoặc thả nó vào cửa sổ)"),
    ("Opening {}…", "Đang mở {}…"),
    ("Add a GeoJSON overlay…", "Thêm lớp GeoJSON…"),
    ("Overlays", "Các lớp phủ"),
    ("{} ({} features)", "{} ({} đối tượng)"),
    ("Remove", "Gỡ bỏ"),
    ("Sources:", "Nguồn:"),
    (
        "Geometry: Natural Earth (public domain). Place coordinates: GeoNames (geonames.org), CC BY 4.0.",
        "Hình học: Natural Earth (phạm vi công cộng). Tọa độ địa danh: GeoNames (geonames.org), CC BY 4.0.",
    ),
];

static MISSING: Mutex<BTreeSet<(&'static str, &'static str)>> = Mutex::new(BTreeSet::new());

/// `en` in the language `lang`; English when `lang` is English or has no translation (which is
/// recorded, so a test can list every string shown without one).
pub fn t(lang: &str, en: &'static str) -> &'static str {
    if lang == "en" {
        return en;
    }
    match STRINGS.iter().find(|(e, _)| *e == en) {
        Some((_, vi)) if lang == "vi" => vi,
        _ => {
            if let Ok(mut m) = MISSING.lock() {
                let code = LANGUAGES.iter().map(|(c, _)| *c).find(|c| *c == lang).unwrap_or("other");
                m.insert((code, en));
            }
            en
        }
    }
}

/// Whether `en` has a Vietnamese version in the table.
pub fn has_vietnamese(en: &str) -> bool {
    STRINGS.iter().any(|(e, vi)| *e == en && !vi.trim().is_empty())
}

/// `t` with its `{}` replaced by `args`, in order.
pub fn tf(lang: &str, en: &'static str, args: &[&str]) -> String {
    let mut out = t(lang, en).to_owned();
    for a in args {
        out = out.replacen("{}", a, 1);
    }
    out
}

/// Strings shown in a language that lacks them, since the program started.
pub fn missing() -> Vec<(&'static str, &'static str)> {
    MISSING.lock().map(|m| m.iter().copied().collect()).unwrap_or_default()
}

/// The interface language code for a setting ("en" when unknown).
pub fn lang_code(setting: Option<&str>) -> &'static str {
    LANGUAGES.iter().map(|(c, _)| *c).find(|c| Some(*c) == setting).unwrap_or("en")
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date in words: "5 October 2020", "ngày 5 tháng 10 năm 2020".
pub fn long_date(d: jiff::civil::Date, lang: &str) -> String {
    match lang {
        "vi" => format!("ngày {} tháng {} năm {}", d.day(), d.month(), d.year()),
        _ => format!("{} {} {}", d.day(), MONTHS_EN[(d.month() - 1) as usize], d.year()),
    }
}

/// A short date: "5 Oct 2020", "5/10/2020".
pub fn short_date(d: jiff::civil::Date, lang: &str) -> String {
    match lang {
        "vi" => format!("{}/{}/{}", d.day(), d.month(), d.year()),
        _ => format!("{} {} {}", d.day(), &MONTHS_EN[(d.month() - 1) as usize][..3], d.year()),
    }
}

/// 11931.4 → "11,931".
pub fn thousands(v: f64) -> String {
    let n = v.round() as i64;
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_has_a_vietnamese_version_and_the_same_placeholders() {
        for (en, vi) in STRINGS {
            assert!(!vi.trim().is_empty(), "{en}");
            assert_eq!(en.matches("{}").count(), vi.matches("{}").count(), "{en}");
        }
        assert_eq!(tf("vi", "Held by: {}", &["Azerbaijan"]), "Bên kiểm soát: Azerbaijan");
        assert_eq!(long_date(jiff::civil::Date::constant(2020, 10, 5), "vi"), "ngày 5 tháng 10 năm 2020");
    }
}
