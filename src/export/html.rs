//! A deck as one self-contained HTML file: every slide's picture inlined (JPEG as a data URL), its
//! title, text and sources below it, a step counter and a thin progress bar; the arrow keys,
//! PageUp/PageDown (what a presentation clicker sends), Space, Home and End, or a click, move
//! through it. No network, no script from elsewhere: it works offline in any browser.

use std::fmt::Write as _;

use base64::Engine as _;

use super::ExportError;
use super::svg::escape;

/// One slide of the HTML deck.
pub struct HtmlSlide {
    /// Its picture, JPEG.
    pub jpeg: Vec<u8>,
    /// Its heading.
    pub heading: String,
    /// Its text.
    pub text: String,
    /// Its sources: title and address.
    pub sources: Vec<(String, Option<String>)>,
}

/// A picture as JPEG bytes.
pub fn jpeg(pixmap: &resvg::tiny_skia::Pixmap) -> Result<Vec<u8>, ExportError> {
    // Opaque: the pictures paint their whole canvas, so premultiplied and straight agree.
    let rgb: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode(&rgb, pixmap.width(), pixmap.height(), image::ExtendedColorType::Rgb8)
        .map_err(|e| ExportError::Png(format!("JPEG: {e}")))?;
    Ok(out)
}

/// The deck as an HTML document titled `title`, in the language `lang` (its code).
pub fn html_deck(title: &str, lang: &str, slides: &[HtmlSlide]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
html, body {{ margin: 0; height: 100%; background: #1b1b1b; color: #eee; font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; }}
.slide {{ display: none; height: 100%; flex-direction: column; align-items: center; }}
.slide.on {{ display: flex; }}
.slide img {{ flex: 1 1 auto; min-height: 0; max-width: 100%; object-fit: contain; margin-top: 8px; }}
.text {{ max-width: 80em; padding: 6px 18px 34px; font-size: 15px; line-height: 1.35; }}
.text h2 {{ margin: 4px 0; font-size: 18px; }}
.text .sources {{ font-size: 12px; color: #bbb; }}
.text a {{ color: #9cc3ff; }}
#counter {{ position: fixed; right: 14px; bottom: 10px; font-size: 14px; color: #ccc; }}
#progress {{ position: fixed; left: 0; bottom: 0; height: 4px; background: #c8102e; transition: width 0.2s; }}
</style>
</head>
<body>
"#,
        lang = escape(lang),
        title = escape(title)
    );
    for (i, s) in slides.iter().enumerate() {
        let data = base64::engine::general_purpose::STANDARD.encode(&s.jpeg);
        let sources: Vec<String> = s
            .sources
            .iter()
            .map(|(t, url)| match url {
                Some(u) => format!("<a href=\"{}\">{}</a>", escape(u), escape(t)),
                None => escape(t),
            })
            .collect();
        let _ = write!(
            out,
            "<section class=\"slide{on}\" data-step=\"{n}\">\n<img alt=\"{heading}\" src=\"data:image/jpeg;base64,{data}\">\n<div class=\"text\"><h2>{heading}</h2><p>{text}</p><p class=\"sources\">{sources}</p></div>\n</section>\n",
            on = if i == 0 { " on" } else { "" },
            n = i + 1,
            heading = escape(&s.heading),
            text = escape(&s.text),
            sources = sources.join(" · "),
        );
    }
    out.push_str(
        r##"<div id="counter"></div><div id="progress"></div>
<script>
(function () {
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var at = 0;
  function show(k) {
    at = Math.max(0, Math.min(slides.length - 1, k));
    slides.forEach(function (s, i) { s.classList.toggle("on", i === at); });
    document.getElementById("counter").textContent = (at + 1) + " / " + slides.length;
    document.getElementById("progress").style.width = (100 * (at + 1) / slides.length) + "%";
    if (history.replaceState) { history.replaceState(null, "", "#" + (at + 1)); }
  }
  document.addEventListener("keydown", function (e) {
    if (["ArrowRight", "ArrowDown", "PageDown", " ", "Enter"].indexOf(e.key) >= 0) { show(at + 1); e.preventDefault(); }
    else if (["ArrowLeft", "ArrowUp", "PageUp", "Backspace"].indexOf(e.key) >= 0) { show(at - 1); e.preventDefault(); }
    else if (e.key === "Home") { show(0); }
    else if (e.key === "End") { show(slides.length - 1); }
  });
  document.addEventListener("click", function (e) { if (e.target.tagName !== "A") { show(at + 1); } });
  var start = parseInt(location.hash.slice(1), 10);
  show(isNaN(start) ? 0 : start - 1);
  // For tests and links: ?keys=ArrowRight,ArrowRight presses those keys once loaded.
  var keys = new URLSearchParams(location.search).get("keys");
  if (keys) { keys.split(",").forEach(function (k) { document.dispatchEvent(new KeyboardEvent("keydown", { key: k })); }); }
})();
</script>
</body>
</html>
"##,
    );
    out
}
