//! The interface's own words in each language. Atlas texts carry their own translations; these are
//! the buttons, labels and messages of the window. English is the key; `{}` marks a value.

use std::collections::BTreeSet;
use std::sync::Mutex;

/// An interface language. Atlas texts may carry any language code; the window, exports and the
/// command line speak these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the language every text has.
    #[default]
    En,
    /// Vietnamese.
    Vi,
}

impl Lang {
    /// Every interface language, in menu order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Vi];

    /// The code atlas texts are keyed by ("en", "vi").
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }

    /// The language's name in itself, for the menu.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Vi => "Tiếng Việt",
        }
    }

    /// The language of a code, if it is one of the interface's.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl PartialEq<&str> for Lang {
    fn eq(&self, code: &&str) -> bool {
        self.code() == *code
    }
}

/// A language code that is not one of the interface's.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not an interface language (en, vi)")]
pub struct UnknownLang(pub String);

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_code(s.trim()).ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

/// (English, Vietnamese).
const STRINGS: &[(&str, &str)] = &[
    ("About", "Giới thiệu"),
    ("About {}", "Giới thiệu {}"),
    ("Fit", "Toàn cảnh"),
    ("Frame the whole atlas (or double-click the map)", "Hiển thị toàn bộ bản đồ (hoặc nhấp đúp vào bản đồ)"),
    ("Chart", "Biểu đồ"),
    ("Km² held by each side over time", "Diện tích (km²) mỗi bên kiểm soát theo thời gian"),
    ("Present", "Trình chiếu"),
    (
        "Full screen for a room: {} for the next step, {} to leave ({})",
        "Toàn màn hình cho lớp học: {} để sang bước tiếp, {} để thoát ({})",
    ),
    ("Language", "Ngôn ngữ"),
    ("Names", "Địa danh"),
    ("Both", "Cả hai"),
    ("English / international", "Tiếng Anh / quốc tế"),
    ("Layers", "Lớp bản đồ"),
    ("Relief, rivers, peaks, roads, villages and the grid", "Địa hình, sông, đỉnh núi, đường, làng và lưới tọa độ"),
    ("Relief", "Địa hình"),
    ("Height colours", "Màu theo độ cao"),
    ("Rivers and lakes", "Sông và hồ"),
    ("Peaks and ranges", "Đỉnh và dãy núi"),
    ("Roads", "Đường"),
    ("Road", "Đường"),
    (
        "Road (schematic: the places it joined, not its course)",
        "Đường (sơ đồ: nối các địa điểm, không theo tuyến thật)",
    ),
    ("Outline: {}", "Đường viền: {}"),
    ("Villages", "Làng"),
    ("Find", "Tìm"),
    ("place, river, peak…", "địa danh, sông, núi…"),
    (
        "Find a village, town, district, river or peak by any of its names (Ctrl+F)",
        "Tìm làng, thị trấn, huyện, sông hay núi theo bất kỳ tên nào của nó (Ctrl+F)",
    ),
    ("Nothing found", "Không tìm thấy"),
    ("region", "vùng"),
    ("capital", "thủ phủ"),
    ("town", "thị trấn"),
    ("village", "làng"),
    ("place", "địa điểm"),
    ("river", "sông"),
    ("lake", "hồ"),
    ("reservoir", "hồ chứa"),
    ("peak", "đỉnh núi"),
    ("range", "dãy núi"),
    ("plateau", "cao nguyên"),
    ("Also: {}", "Tên khác: {}"),
    ("District: {}", "Huyện: {}"),
    ("Abandoned", "Bị bỏ hoang"),
    ("by its zone's control", "theo quyền kiểm soát vùng"),
    ("on one side's claim only", "chỉ theo tuyên bố của một bên"),
    ("claimed, and disputed by the other side", "được tuyên bố, và bị bên kia bác bỏ"),
    ("confirmed", "đã được xác nhận"),
    (" since {}", " từ {}"),
    ("Held by {} ({})", "Bên kiểm soát: {} ({})"),
    ("claim", "tuyên bố chiếm"),
    ("denial", "bác bỏ"),
    ("counterclaim", "phản bác"),
    ("confirmation", "xác nhận"),
    ("handover", "bàn giao"),
    ("assessment", "đánh giá"),
    ("a neutral source", "một nguồn trung lập"),
    ("an agreement", "một thỏa thuận"),
    ("Place held (by its zone, or confirmed)", "Địa điểm đang bị kiểm soát (theo vùng, hoặc đã xác nhận)"),
    ("Claimed by one side only", "Chỉ một bên tuyên bố"),
    ("Claim disputed by the other side", "Tuyên bố bị bên kia bác bỏ"),
    ("Fighting (last 30 days)", "Giao tranh (30 ngày qua)"),
    ("Agreements and politics (last 30 days)", "Thỏa thuận và chính trị (30 ngày qua)"),
    ("Humanitarian (last 30 days)", "Nhân đạo (30 ngày qua)"),
    ("Other events (last 30 days)", "Sự kiện khác (30 ngày qua)"),
    ("Elevation ≈ {} m ({} km grid)", "Độ cao ≈ {} m (lưới {} km)"),
    ("Date", "Ngày"),
    ("Type a date (YYYY-MM-DD) and press Enter", "Nhập ngày (YYYY-MM-DD) rồi nhấn Enter"),
    ("« Phase", "« Giai đoạn"),
    ("‹ Event", "‹ Sự kiện"),
    ("Event ›", "Sự kiện ›"),
    ("Phase »", "Giai đoạn »"),
    ("Next phase", "Giai đoạn sau"),
    ("Next event", "Sự kiện sau"),
    ("Previous event", "Sự kiện trước"),
    ("Previous phase", "Giai đoạn trước"),
    ("Play", "Phát"),
    ("Pause", "Tạm dừng"),
    ("Play through time", "Cho thời gian chạy"),
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
    ("part of {}", "một phần của {}"),
    ("Could not open the atlas", "Không mở được atlas"),
    ("Could not open the overlay", "Không mở được lớp phủ"),
    ("Some features of the overlay were left out", "Một số đối tượng của lớp phủ đã bị bỏ qua"),
    ("Problems", "Các lỗi"),
    ("{} — nothing of it is shown.", "{} — không hiển thị gì từ tệp này."),
    ("{} — its other features are shown.", "{} — các đối tượng còn lại vẫn được hiển thị."),
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
        "How to read the map: each zone is coloured by the side that held it on the date shown. Dashed zone edges are only approximately known. Lines of contact, ceasefire lines, corridors and fronts appear only on the dates they apply.",
        "Cách đọc bản đồ: mỗi vùng được tô màu theo bên kiểm soát vùng đó vào ngày đang hiển thị. Đường biên nét đứt chỉ được biết gần đúng. Các đường tiếp xúc, giới tuyến ngừng bắn, hành lang và mặt trận chỉ hiện vào những ngày chúng tồn tại.",
    ),
    (
        "Place names are given in each naming tradition of this atlas ({}); the Names menu chooses which the map shows.",
        "Địa danh được ghi theo từng cách gọi của atlas này ({}); menu Địa danh chọn cách bản đồ hiển thị.",
    ),
    ("Sources and licences", "Nguồn và giấy phép"),
    ("Credits of this atlas:", "Ghi công của atlas này:"),
    (
        "Every phase and event lists its own sources in the side panel.",
        "Mỗi giai đoạn và sự kiện đều ghi nguồn riêng trong bảng bên.",
    ),
    ("Font: Noto Sans, SIL Open Font License 1.1.", "Phông chữ: Noto Sans, giấy phép SIL Open Font License 1.1."),
    ("Boundaries:", "Ranh giới:"),
    ("Grid", "Lưới"),
    ("Land taken since the fighting began", "Vùng đất đổi chủ từ khi giao tranh bắt đầu"),
    ("since", "từ ngày"),
    ("settlements", "khu dân cư"),
    ("1 day/s", "1 ngày/giây"),
    ("2 days/s", "2 ngày/giây"),
    ("1 week/s", "1 tuần/giây"),
    ("1 month/s", "1 tháng/giây"),
    ("1 year/s", "1 năm/giây"),
    ("1 change/s", "1 lần đổi chủ/giây"),
    ("step {} / {}", "bước {} / {}"),
    ("Who held the ground at the end of each phase", "Bên nắm giữ lãnh thổ vào cuối mỗi giai đoạn"),
    (
        "Nothing saved (no file chosen). Without a file dialog: {}",
        "Chưa lưu gì (chưa chọn tệp). Nếu không có hộp thoại chọn tệp: {}",
    ),
    (
        "How fast the date runs: days a second, or one change of control a second",
        "Tốc độ chạy của ngày: số ngày mỗi giây, hoặc mỗi giây một lần đổi chủ",
    ),
    ("Hatched: changed hands since {} (in its colour then)", "Gạch chéo: đã đổi chủ từ {} (theo màu khi đó)"),
    ("Hatched: changes hands by {} (in its colour then)", "Gạch chéo: sẽ đổi chủ đến {} (theo màu khi đó)"),
    ("Type a date and press Enter", "Gõ một ngày rồi nhấn Enter"),
    ("Start of the fighting", "Khi giao tranh bắt đầu"),
    (
        "Compare with the day before the fighting of the date shown began",
        "So sánh với ngày trước khi đợt giao tranh của ngày đang xem bắt đầu",
    ),
    (
        "Striped: one side's claim only, or disputed (in the claimant's colour)",
        "Sọc: chỉ có tuyên bố của một bên, hoặc bị bác bỏ (theo màu của bên tuyên bố)",
    ),
    ("Lighter: changed hands since {}", "Màu nhạt hơn: đã đổi chủ từ {}"),
    (
        "Lighter: changed hands since {} (the day before the fighting began)",
        "Màu nhạt hơn: đã đổi chủ từ {} (ngày trước khi giao tranh bắt đầu)",
    ),
    ("Lines of longitude and latitude", "Các đường kinh tuyến và vĩ tuyến"),
    ("Inset", "Bản đồ nhỏ"),
    ("Where the view lies in the region", "Vị trí khung nhìn trong khu vực"),
    ("Measure", "Đo"),
    (
        "Click two points on the map to measure the distance between them",
        "Nhấp hai điểm trên bản đồ để đo khoảng cách giữa chúng",
    ),
    ("Export…", "Xuất…"),
    ("Save the map, a deck or an animation", "Lưu bản đồ, bộ trình chiếu hoặc ảnh động"),
    ("This map (PNG, SVG or PDF)…", "Bản đồ này (PNG, SVG hoặc PDF)…"),
    (
        "The map as shown, with its title, legend and sources",
        "Bản đồ như đang hiển thị, kèm tiêu đề, chú giải và nguồn",
    ),
    ("Slide deck (PDF or HTML)…", "Bộ trình chiếu (PDF hoặc HTML)…"),
    ("A slide for every phase and event, in one file", "Mỗi giai đoạn và mỗi sự kiện một trang, trong một tệp"),
    ("Animation of this phase (GIF)…", "Ảnh động của giai đoạn này (GIF)…"),
    ("A frame at every change of control", "Một khung hình ở mỗi lần thay đổi quyền kiểm soát"),
    ("Exporting {}: {} of {}", "Đang xuất {}: {} trên {}"),
    ("Cancel", "Hủy"),
    ("Save to {}", "Lưu vào {}"),
    ("An export is under way; wait for it or cancel it.", "Đang xuất một tệp; hãy chờ xong hoặc hủy."),
    ("Export cancelled; {} was not written", "Đã hủy xuất; {} chưa được ghi"),
    ("the export stopped unexpectedly", "quá trình xuất dừng đột ngột"),
    ("cannot write {}: {}", "không ghi được {}: {}"),
    (
        "This phase is a single day: there is nothing to animate.",
        "Giai đoạn này chỉ có một ngày: không có gì để làm ảnh động.",
    ),
    ("cannot make a {}×{} picture", "không tạo được ảnh {}×{}"),
    ("the animation is too large: {}", "ảnh động quá lớn: {}"),
    ("Open…", "Mở…"),
    ("Open atlas folder…", "Mở thư mục atlas…"),
    ("Built-in atlas: {}", "Atlas có sẵn: {}"),
    ("Open an atlas folder (or drop it on the window)", "Mở một thư mục atlas (hoặc thả nó vào cửa sổ)"),
    ("Opening {}…", "Đang mở {}…"),
    ("Add a GeoJSON overlay…", "Thêm lớp GeoJSON…"),
    ("Overlays", "Các lớp phủ"),
    ("Overlay: {}", "Lớp phủ: {}"),
    ("{} ({} features)", "{} ({} đối tượng)"),
    ("Remove", "Gỡ bỏ"),
    ("Sources:", "Nguồn:"),
    ("Export failed: {}", "Xuất thất bại: {}"),
    ("\"{}\" is not a valid date (YYYY-MM-DD):", "\"{}\" không phải là ngày hợp lệ (YYYY-MM-DD):"),
    ("\"{}\" is not a date in the form YYYY-MM-DD", "\"{}\" không phải là ngày dạng YYYY-MM-DD"),
    ("Saved {}", "Đã lưu {}"),
    (
        "The atlas could not be read: the loader stopped before it finished.",
        "Không đọc được atlas: trình tải đã dừng trước khi xong.",
    ),
    ("Stories", "Câu chuyện"),
    ("Open a story first (the Stories menu).", "Hãy mở một câu chuyện trước (menu Câu chuyện)."),
    ("This story (PDF, HTML or GIF)…", "Câu chuyện này (PDF, HTML hoặc GIF)…"),
    (
        "A page a step, a deck, or an animation flying between the steps",
        "Mỗi bước một trang, một bộ trình chiếu, hoặc ảnh động bay giữa các bước",
    ),
    ("Sources", "Nguồn"),
    ("{} steps", "{} bước"),
    ("New story from this view", "Câu chuyện mới từ khung nhìn này"),
    (
        "A story of your own: its first step is the map as shown",
        "Câu chuyện của riêng bạn: bước đầu là bản đồ đang hiển thị",
    ),
    ("Guided tours through time and place", "Các chuyến tham quan có hướng dẫn qua thời gian và không gian"),
    ("Story", "Câu chuyện"),
    ("Leave the story (Esc)", "Rời câu chuyện (Esc)"),
    ("Title", "Tiêu đề"),
    ("The story's title", "Tiêu đề của câu chuyện"),
    ("‹ Previous", "‹ Trước"),
    ("Next ›", "Tiếp ›"),
    ("Full screen, step by step", "Toàn màn hình, từng bước"),
    ("Caption", "Chú thích"),
    ("The step's caption", "Chú thích của bước"),
    ("Move up", "Lên trên"),
    ("Move down", "Xuống dưới"),
    ("Duplicate", "Nhân bản"),
    ("Delete", "Xóa"),
    ("Add this view as a step", "Thêm khung nhìn này thành một bước"),
    (
        "The date, view, layers, comparison and selected region, after the step shown",
        "Ngày, khung nhìn, lớp bản đồ, so sánh và vùng đã chọn, sau bước đang hiển thị",
    ),
    ("Undo", "Hoàn tác"),
    ("Save", "Lưu"),
    ("Saved", "Đã lưu"),
    ("Saved as {}", "Lưu thành {}"),
    ("There is no folder to save stories in on this computer.", "Máy này không có thư mục để lưu câu chuyện."),
    ("Not saved: {}", "Chưa lưu: {}"),
    ("Some stories could not be opened", "Không mở được một số câu chuyện"),
    ("{} — the other stories are offered.", "{} — các câu chuyện khác vẫn dùng được."),
];

static MISSING: Mutex<BTreeSet<(&'static str, &'static str)>> = Mutex::new(BTreeSet::new());

/// `en` in the language `lang`; English when `lang` is English or has no translation (which is
/// recorded, so a test can list every string shown without one).
pub fn t(lang: Lang, en: &'static str) -> &'static str {
    if lang == Lang::En {
        return en;
    }
    match STRINGS.iter().find(|(e, _)| *e == en) {
        Some((_, vi)) => vi,
        None => {
            if let Ok(mut m) = MISSING.lock() {
                m.insert((lang.code(), en));
            }
            en
        }
    }
}

/// Records that `en` was shown untranslated in `lang`: for text the interface builds that is not
/// in the table (a test lists every such string).
pub fn record_missing(lang: Lang, en: &'static str) {
    if lang != Lang::En
        && let Ok(mut m) = MISSING.lock()
    {
        m.insert((lang.code(), en));
    }
}

/// Whether `en` has a Vietnamese version in the table.
pub fn has_vietnamese(en: &str) -> bool {
    STRINGS.iter().any(|(e, vi)| *e == en && !vi.trim().is_empty())
}

/// `t` with its `{}` replaced by `args`, in order, in one pass: an argument that itself holds
/// `{}` stays as it is.
pub fn tf(lang: Lang, en: &'static str, args: &[&str]) -> String {
    let template = t(lang, en);
    let mut out = String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or("{}"));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// Strings shown in a language that lacks them, since the program started.
pub fn missing() -> Vec<(&'static str, &'static str)> {
    MISSING.lock().map(|m| m.iter().copied().collect()).unwrap_or_default()
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
pub fn long_date(d: jiff::civil::Date, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("ngày {} tháng {} năm {}", d.day(), d.month(), d.year()),
        _ => format!("{} {} {}", d.day(), MONTHS_EN[(d.month() - 1) as usize], d.year()),
    }
}

/// A short date: "5 Oct 2020", "5/10/2020".
pub fn short_date(d: jiff::civil::Date, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{}/{}/{}", d.day(), d.month(), d.year()),
        _ => format!("{} {} {}", d.day(), &MONTHS_EN[(d.month() - 1) as usize][..3], d.year()),
    }
}

/// A whole number grouped by thousands as the language writes it: 11931.4 → "11,931" in
/// English, "11.931" in Vietnamese (where a comma marks decimals).
pub fn thousands(v: f64, lang: Lang) -> String {
    let separator = match lang {
        Lang::En => ',',
        Lang::Vi => '.',
    };
    let n = v.round() as i64;
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(ch);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A number with `places` decimals as the language writes it: 62.6 → "62.6" in English, "62,6"
/// in Vietnamese; the whole part grouped as [`thousands`] does.
pub fn decimal(v: f64, places: usize, lang: Lang) -> String {
    let fixed = format!("{:.*}", places, v.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let grouped = thousands(whole.parse::<f64>().unwrap_or(0.0), lang);
    let sign = if v < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    match (fraction.is_empty(), lang) {
        (true, _) => format!("{sign}{grouped}"),
        (false, Lang::En) => format!("{sign}{grouped}.{fraction}"),
        (false, Lang::Vi) => format!("{sign}{grouped},{fraction}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_each_language_writes_them() {
        assert_eq!(decimal(62.58, 1, Lang::En), "62.6");
        assert_eq!(decimal(62.58, 1, Lang::Vi), "62,6");
        assert_eq!(decimal(5365.26, 1, Lang::Vi), "5.365,3");
        assert_eq!(decimal(5365.26, 1, Lang::En), "5,365.3");
        assert_eq!(decimal(-0.01, 1, Lang::En), "0.0");
        assert_eq!(decimal(-2.6, 0, Lang::En), "-3");
    }

    #[test]
    fn every_string_has_a_vietnamese_version_and_the_same_placeholders() {
        for (en, vi) in STRINGS {
            assert!(!vi.trim().is_empty(), "{en}");
            assert_eq!(en.matches("{}").count(), vi.matches("{}").count(), "{en}");
        }
        assert_eq!(tf(Lang::Vi, "Held by: {}", &["Azerbaijan"]), "Bên kiểm soát: Azerbaijan");
        assert_eq!(long_date(jiff::civil::Date::constant(2020, 10, 5), Lang::Vi), "ngày 5 tháng 10 năm 2020");
    }

    #[test]
    fn arguments_holding_braces_are_kept_as_they_are() {
        assert_eq!(tf(Lang::En, "{}: {} passed to {}", &["1 May", "{}", "B"]), "1 May: {} passed to B");
        assert_eq!(tf(Lang::En, "Held by: {}", &[]), "Held by: {}");
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        assert_eq!(thousands(11931.4, Lang::En), "11,931");
        assert_eq!(thousands(5365.0, Lang::Vi), "5.365");
        assert_eq!(thousands(-1234567.0, Lang::En), "-1,234,567");
        assert_eq!(thousands(999.0, Lang::Vi), "999");
        assert_eq!("vi".parse::<Lang>(), Ok(Lang::Vi));
        assert!("fr".parse::<Lang>().is_err());
    }
}
