#!/usr/bin/env python3
"""Build assets/karabakh/evidence.json and data/evidence_report.md.

    python3 tools/build_evidence.py

Reads data/reference/captures/ (copied by `tools/import_reference.py ... --facts /work/shared/facts`),
data/reference/settlements/settlements.csv, assets/karabakh/places.geojson, atlas.json and
zones.geojson, and data/land_report.md (the table of WOF records merged into curated places).

Every matched row of captures_2020.csv becomes one evidence row; besides them the script generates
rows by seven rules (see data/evidence_report.md): (a) the district handovers of Nov-Dec
2020, (b) the Araz-valley villages held 1993-2020 that Natural Earth's 1994 line leaves out,
(c) Jojug Marjanli, held by Azerbaijan from 6 Jan 1994, (d) the NKR-held area passing to
Azerbaijan on 20 Sep 2023, (e) the unannounced places of the 1994-held parts of Fuzuli, Jabrayil,
Zangilan and Qubadli (10 Nov 2020 as an upper bound), (f) the 10 Nov 2020 statement for claimed places
outside every zone, (g) the NKAO villages outside Natural Earth's 2020 polygon, and Msmna: sourced
decisions, Armenian-held after 10 Nov 2020 or Azerbaijani (G_KA, G_AZ, G_NOROW).

Deterministic (sorted inputs, no clock); standard library + shapely.
"""
import csv
import json
import os
import re
import sys
from collections import Counter, defaultdict
from urllib.parse import urlparse

from shapely.geometry import Point, shape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evidence_notes_vi import VI  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "data", "reference")
ASSETS = os.path.join(ROOT, "assets", "karabakh")
OUT = os.path.join(ASSETS, "evidence.json")
REPORT = os.path.join(ROOT, "data", "evidence_report.md")

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

OUTLETS = {
    "abzas.org": "Abzas Media", "alalam.ir": "Al-Alam", "anews.com.tr": "aNews", "armenpress.am": "Armenpress",
    "azernews.az": "Azernews", "babel.ua": "Babel", "busaat.az": "Busaat", "dialog.ua": "Dialog.ua",
    "trend.az": "Trend", "az24saat.org": "az24saat", "gundemtube.com": "Gündem Tube",
    "hishel.org": "Bellingcat (mirror on hishel.org)", "topwar.ru": "Topwar", "jam-news.net": "JAMnews",
    "kommersant.ru": "Kommersant", "linehaber.com.tr": "Line Haber", "mubasher.aljazeera.net": "Al Jazeera Mubasher",
    "mynet.com": "Mynet", "liga.net": "LIGA.net", "news24.az": "News24.az", "noticiabrasil.net.br": "Notícia Brasil",
    "panorama.am": "Panorama.am", "pchaberturkiye.com": "PC Haber Türkiye", "thefrontierpost.com": "The Frontier Post",
    "timeturk.com": "Timeturk", "trthaber.com": "TRT Haber", "unn.ua": "UNN", "verdeprofilo.ru": "Verdeprofilo",
    "vestnikkavkaza.net": "Vestnik Kavkaza", "alaturka.us": "Alaturka", "aljazeera.com": "Al Jazeera",
    "almasdarnews.com": "Al-Masdar News", "artsakhpress.am": "Artsakhpress", "ctvnews.ca": "CTV News (AP)",
    "dailysabah.com": "Daily Sabah", "easternherald.com": "The Eastern Herald", "etikhaber.com": "Etik Haber",
    "ortadoguhaber.com": "Ortadoğu Haber", "pravda.com.ua": "Ukrainska Pravda", "tgrthaber.com": "TGRT Haber",
    "today.az": "Today.az", "ukr.life": "Ukr.life", "yerepouni-news.com": "Yerepouni News",
    "yjc.ir": "Young Journalists Club (YJC)", "virtualkarabakh.az": "Virtual Karabakh", "report.az": "Report.az",
}

# claimant_side of the CSV -> "by"
SIDE = {"azerbaijan": "az", "armenia": "ka", "neutral": "neutral", "third-party": "neutral", "russia": "rpk"}

DISTRICT_HANDOVER = {"Aghdam": "2020-11-20", "Kalbajar": "2020-11-25", "Lachin": "2020-12-01"}
# captures_1991_94.csv rows giving the date a district fell (rule b)
DISTRICT_FALL = {"Jabrayil": "1993-08-23-jabrayil-town", "Fuzuli": "1993-08-23-fuzuli-town",
                 "Zangilan": "1993-10-29-zangilan-town", "Qubadli": "1993-08-31-qubadli-town"}
WIKI_JOJUG = "https://en.wikipedia.org/wiki/%C3%87ocuq_M%C9%99rcanl%C4%B1"
TRILATERAL = {"title": "Office of the Prime Minister of Armenia: trilateral statement, 10 Nov 2020",
              "url": "https://www.primeminister.am/en/press-release/item/2020/11/10/Announcement/%20%20%20%20%20%20%20%20%20statement"}
README_REF = "README of facts/captures, data/reference/captures/README.md"

# (g) The 30 NKAO settlements without a 2020 claim that lie outside Natural Earth's coarse 2020
# Armenian-held polygon (the map's `nkao-hadrut` zone gives them to Azerbaijan from 10 Nov 2020),
# and Msmna (WOF Ağbulaq, inside the polygon, matched to Azerbaijan's "Aghbulag" of 16 Oct 2020).
# Each was looked up (English, Russian and Armenian Wikipedia, Armenian, Azerbaijani and neutral
# media, the Armenian government's list of localities lost in the war); the decisions and their
# sources, written out in data/evidence_report.md, section (g):
#   G_KA    held by the Karabakh Armenian side after 10 Nov 2020: an `assessment` (`ka`, 2020-11-10,
#           by `neutral`); rule (d) then passes it to Azerbaijan on 20 Sep 2023 like the rest;
#   G_AZ    named in the Armenian government's list of communities lost in the 2020 war: a
#           `confirmation` of `az` by the losing side (`ka`), 10 Nov 2020 as an upper bound (the map's
#           zone already says so; the row gives it a source);
#   G_NOROW no row: Azerbaijani-held as the map says (by the area's sources, no village-level one), or
#           undecided (nothing found); listed in the report only.
G_SRC = {
    "armenpress-ks": ("Armenpress, 21 Dec 2020: Artsakh denies reports on surrendering Karmir Shuka village to Azerbaijan",
                      "https://armenpress.am/eng/news/1038399/"),
    "armradio-ks": ("Public Radio of Armenia, 21 Dec 2020: new housing project to be implemented in Artsakh's Karmir Shuka community",
                    "https://en.armradio.am/2020/12/21/new-housing-project-to-be-implemented-in-karmir-shuka-community/"),
    "artsakhpress-taghavard": ("Artsakhpress, 15 Apr 2021: the head of Taghavard presented the losses of the community (145 houses "
                               "under enemy control; a new district planned in the administrative area of Karmir Shuka)",
                               "https://www.artsakhpress.am/eng/news/142182/"),
    "armenews-taghavard": ("Nouvelles d'Arménie, Feb 2021: 140 houses of Taghavard under Azerbaijani control, 149 in the part still "
                           "held by Artsakh", "https://www.armenews.com/spip.php?page=article&id_article=75700"),
    "civilnet-taghavard": ("CivilNet, 8 Dec 2020 (repost on armenianclub.com): Kaller Taghavard remains Armenian, the other half is "
                           "under Azerbaijani control",
                           "https://armenianclub.com/2020/12/08/civilnet-the-tombstones-of-our-relatives-remain-on-the-azerbaijani-side"),
    "wiki-taghavard": ("English Wikipedia, 'Taghavard'", "https://en.wikipedia.org/wiki/Tagavard"),
    "newsam-amaras": ("News.am, 12 Jan 2021: the abbot of Amaras (to Yerkir.am): the monastery is in Machkalashen, Martuni region; "
                      "Armenian soldiers on duty, Azerbaijani positions in front of it", "https://news.am/eng/news/623076.html"),
    "newsam-primate": ("News.am, 4 Jan 2021: the primate of the Artsakh diocese visits Amaras Monastery with the Russian "
                       "peacekeeping command", "https://news.am/eng/news/622149.html"),
    "civilnet-amaras": ("CivilNet: Artsakh's new borders: Amaras Monastery and Sos village (Azerbaijani forces were unable to enter "
                        "the area)", "https://www.civilnet.am/news/474695/artsakhs-new-borders-amaras-monastery-and-sos-village/?lang=en"),
    "diasporarm-amaras": ("diasporarm.org: Azerbaijani forces have seized control of Amaras Monastery (after the attack of "
                          "19 Sep 2023)", "https://diasporarm.org/portfolio/enemy-forces-from-azerbaijan-have-seized-control-of-amaras-monastery/"),
    "hywiki-machkalashen": ("Armenian Wikipedia, 'Մաճկալաշեն' (Azerbaijani name Cütcü)",
                            "https://hy.m.wikipedia.org/wiki/%D5%84%D5%A1%D5%B3%D5%AF%D5%A1%D5%AC%D5%A1%D5%B7%D5%A5%D5%B6"),
    "wiki-skhtorashen": ("English Wikipedia, 'Skhtorashen'", "https://en.wikipedia.org/wiki/Skhtorashen"),
    "president-az-shikh-dursun": ("President of Azerbaijan (president.az), 20 Dec 2023: the village of Shikh Dursun was taken in "
                                  "the operation of 19-20 Sep 2023", "https://president.az/en/articles/view/62616/print"),
    "artsakhpress-msmna": ("Artsakhpress, 26 Jan 2023: Msmna. Blockade. Day 46 (the head of the Msmna community, Martuni region)",
                           "https://www.artsakhpress.am/eng/news/176175/msmna-blockade-day-46.html"),
    "monumentwatch-msmna": ("Monument Watch: the Surb Astvatsatsin Church of Msmna, Martuni region (photographs of 2022)",
                            "https://monumentwatch.org/en/monument/the-surb-astvatsatsin-church-of-msmna"),
    "forrights-sarushen": ("Forrights.am, 6 Nov 2023: on 19 Sep 2023 the residents of Sarushen walked to Msmna, in the Martuni region",
                           "https://forrights.am/2023/11/06/the-turks-azeris-crossed-the-path-of-the-wounded-and-started-killing-and-torturing-with-automatic-weapons-the-hellish-road-of-the-people-from-sarushen"),
    "armeniapedia-martuni": ("Rediscovering Armenia Guidebook (Armeniapedia), Martuni Region, Mar 2020: Msmna, 'Ağbulaq in Az.'",
                             "http://www.armeniapedia.org/index.php?title=Rediscovering_Armenia_Guidebook-_Martuni_Region&curid=749&oldid=53391"),
    "armenews-list": ("Nouvelles d'Arménie, 2020: the Armenian government's list of the localities of Artsakh lost since 27 Sep 2020",
                      "https://www.armenews.com/spip.php?page=article&id_article=72405"),
    "realkarabakh": ("Real Karabakh: The Occupied Territories of Artsakh (communities lost in the 2020 war, by region)",
                     "http://realkarabakh.com/en/occupation/"),
    "hywiki-tyak": ("Armenian Wikipedia, 'Տյաք' (part of the Hadrut town community)",
                    "https://hy.m.wikipedia.org/wiki/%D5%8F%D5%B5%D5%A1%D6%84"),
    "azatutyun-hadrut": ("Azatutyun (RFE/RL), 16 Dec 2020: Azerbaijani forces seized the last two Armenian-controlled villages "
                         "in the Hadrut district (Hin Tagher, Khtsaberd)", "https://www.azatutyun.am/a/31004105.html"),
    "wiki-hadrut-province": ("English Wikipedia, 'Hadrut Province' (mirror on theinfolist.com): all of the province captured by "
                             "9 Nov 2020", "http://theinfolist.com/html/ALL/l/H/Hadrut_Province.html"),
    "wiki-arpagadik": ("English Wikipedia, 'Arpagədik'", "https://en.wikipedia.org/wiki/Arpag%C9%99dik"),
    "wiki-khtsaberd": ("English Wikipedia, 'Çaylaqqala' (mirror on wikizero.net): Khtsaberd, Hin Tagher and Katarovank, the "
                       "Artsakh holdout, taken 12-14 Dec 2020", "https://wikizero.net/wiki/en/%C3%87aylaqqala"),
    "armeniapedia-hadrut": ("Rediscovering Armenia Guidebook (Armeniapedia), Hadrut Region: Drakhtik 'with adjacent Shinategh'",
                            "http://www.armeniapedia.org/wiki/Rediscovering_Armenia_Guidebook-_Hadrut_Region"),
}
G_KA_HEAD = ("Rule (g): held by the Karabakh Armenian side after the ceasefire of 10 Nov 2020 and until Sep 2023, although "
             "Natural Earth's coarse 2020 polygon leaves it out (the map's zone gives it to Azerbaijan from 10 Nov 2020).",
             "Quy tắc (g): phía người Armenia ở Karabakh vẫn nắm giữ sau lệnh ngừng bắn ngày 10/11/2020 cho đến tháng 9/2023, "
             "dù vùng do người Armenia kiểm soát năm 2020 (vẽ rất thô) của Natural Earth bỏ sót địa điểm này (vùng trên bản đồ "
             "xếp nó về Azerbaijan từ 10/11/2020).")
G_KA_HEAD_MSMNA = ("Rule (g): held by the Karabakh Armenian side after the ceasefire of 10 Nov 2020 and until Sep 2023; "
                   "Azerbaijan's claim of 16 Oct 2020 was never confirmed.",
                   "Quy tắc (g): phía người Armenia ở Karabakh vẫn nắm giữ sau lệnh ngừng bắn ngày 10/11/2020 cho đến tháng "
                   "9/2023; tuyên bố của Azerbaijan ngày 16/10/2020 chưa bao giờ được xác nhận.")
# WOF id, name, [source keys], note (en, vi)
G_KA = [
    ("1125937607", "Karmir Shuka / Qırmızı Bazar", ["armenpress-ks", "armradio-ks", "artsakhpress-taghavard"],
     ("On 21 Dec 2020 the Artsakh presidency denied that Karmir Shuka had been surrendered and announced a housing project "
      "there; in Apr 2021 a new district for the displaced of Taghavard and Shekher was planned in its administrative area.",
      "Ngày 21/12/2020, văn phòng tổng thống Artsakh bác bỏ tin Karmir Shuka đã bị giao cho Azerbaijan và công bố một dự án "
      "nhà ở tại đây; tháng 4/2021, một khu dân cư mới cho người di tản từ Taghavard và Shekher được lên kế hoạch trong địa "
      "giới của làng.")),
    ("1242713891", "Machkalashen / Cütçü", ["newsam-amaras", "civilnet-amaras", "hywiki-machkalashen"],
     ("Amaras Monastery lies in Machkalashen, in the part of the Martuni region still held in Jan 2021, with Armenian soldiers "
      "on duty and the Azerbaijani positions in front of it; the Armenian government's list of lost localities does not name it.",
      "Tu viện Amaras nằm ở Machkalashen, thuộc phần vùng Martuni vẫn được giữ vào tháng 1/2021, có binh sĩ Armenia canh gác "
      "và các vị trí của Azerbaijan ở ngay trước mặt; danh sách các địa phương bị mất của chính phủ Armenia không có tên làng.")),
    ("1259518117", "Cütçü (= Machkalashen)", ["hywiki-machkalashen", "newsam-amaras", "civilnet-amaras"],
     ("Cütçü is the Azerbaijani name of Machkalashen (Armenian Wikipedia); the two WOF records lie 0.2 km apart "
      "(wof-1242713891).",
      "Cütçü là tên tiếng Azerbaijan của Machkalashen (Wikipedia tiếng Armenia); hai bản ghi WOF cách nhau 0,2 km "
      "(wof-1242713891).")),
    ("1293622843", "Skhtorashen / Şıx Dursun", ["wiki-skhtorashen", "president-az-shikh-dursun"],
     ("Controlled by the Republic of Artsakh until 2023 (English Wikipedia); the Azerbaijani presidency dates its taking to "
      "the operation of 19-20 Sep 2023.",
      "Do Cộng hòa Artsakh kiểm soát cho đến năm 2023 (Wikipedia tiếng Anh); văn phòng tổng thống Azerbaijan ghi ngày chiếm "
      "làng là chiến dịch 19-20/9/2023.")),
    ("1310435915", "Nerkin Taghavard", ["wiki-taghavard", "civilnet-taghavard", "armenews-taghavard"],
     ("After the 2020 war the eastern, lower part of Taghavard (Nerkin Taghavard, Kaler) stayed with the Republic of Artsakh "
      "and the western, upper part came under Azerbaijan (the upper part is WOF 'Tagaverd', announced on 9 Nov 2020).",
      "Sau chiến tranh năm 2020, phần phía đông, thấp hơn của Taghavard (Nerkin Taghavard, Kaler) vẫn thuộc Cộng hòa Artsakh, "
      "còn phần phía tây, cao hơn thuộc về Azerbaijan (phần trên là bản ghi WOF 'Tagaverd', được tuyên bố chiếm ngày 9/11/2020).")),
    ("1310630489", "Amaras", ["civilnet-amaras", "newsam-primate", "diasporarm-amaras"],
     ("Azerbaijani forces could not enter the area of Amaras Monastery in 2020; the primate of Artsakh visited it with the "
      "Russian peacekeepers on 4 Jan 2021; it was taken after the attack of 19 Sep 2023. (The WOF point lies about 4 km east "
      "of Machkalashen, by the monastery.)",
      "Năm 2020, quân Azerbaijan không vào được khu vực tu viện Amaras; giám mục địa phận Artsakh đến thăm tu viện cùng lực "
      "lượng gìn giữ hòa bình Nga ngày 4/1/2021; tu viện bị chiếm sau cuộc tấn công ngày 19/9/2023. (Điểm WOF nằm khoảng "
      "4 km về phía đông Machkalashen, cạnh tu viện.)")),
    ("1209749091", "Msmna / Ağbulaq", ["artsakhpress-msmna", "monumentwatch-msmna", "forrights-sarushen", "armeniapedia-martuni",
                                        "realkarabakh"],
     ("Msmna (Azerbaijani Ağbulaq), Martuni region, stayed Armenian-held: its community head spoke of the blockade in Jan 2023, "
      "and on 19 Sep 2023 the residents of Sarushen fled on foot to Msmna; the lists of lost Martuni communities do not name it. "
      "Azerbaijan's 'Aghbulag' of 16 Oct 2020 was announced with Akhullu and Khirmanjig, 24-27 km to the south-east, beside the "
      "Hadrut-region Ağbulaq (Aknaghbyur, wof-1226473199, 1.2 km from Akhullu): the claim row, kept, probably names that village.",
      "Msmna (tên tiếng Azerbaijan Ağbulaq), vùng Martuni, vẫn do người Armenia nắm giữ: trưởng cộng đồng nói về cuộc phong tỏa "
      "vào tháng 1/2023, và ngày 19/9/2023 cư dân Sarushen đi bộ chạy sang Msmna; danh sách các cộng đồng bị mất của vùng "
      "Martuni không có tên làng. 'Aghbulag' mà Azerbaijan tuyên bố ngày 16/10/2020 được công bố cùng Akhullu và Khirmanjig, "
      "cách 24-27 km về phía đông nam, cạnh làng Ağbulaq của vùng Hadrut (Aknaghbyur, wof-1226473199, cách Akhullu 1,2 km): dòng "
      "tuyên bố (vẫn được giữ) nhiều khả năng nói về làng đó.")),
]
# WOF id, name, community in the list, region, extra sources, extra note (en, vi)
G_AZ = [
    ("1242608149", "Sargsashen / Çağadüz", "Sargsashen", "Martuni", [], ("", "")),
    ("1226473199", "Aknaghbyur / Ağbulaq (Hadrut region)", "Aknaghbyur", "Hadrut", ["claim:2020-10-16-khojavend-aghbulag-claim-azerbaijan"],
     (" The 'Aghbulag' Azerbaijan announced on 16 Oct 2020 with Akhullu (1.2 km away) and Khirmanjig is probably this village; "
      "the claim row is matched to Msmna (wof-1209749091), also called Ağbulaq.",
      " 'Aghbulag' mà Azerbaijan tuyên bố ngày 16/10/2020 cùng Akhullu (cách 1,2 km) và Khirmanjig nhiều khả năng là làng này; "
      "dòng tuyên bố được khớp với Msmna (wof-1209749091), cũng có tên Ağbulaq.")),
    ("1276586929", "Tsamdzor / Dərəkənd", "Tsamdzor", "Hadrut", [], ("", "")),
    ("1276480675", "Karmrakuch / Kemraquç", "Karmrakuch", "Hadrut", [], ("", "")),
    ("1276260427", "Mariamadzor / Məmmədəzur", "Mariamadzor", "Hadrut", [], ("", "")),
    ("1327470571", "Banadzor / Binədərəsi", "Banadzor", "Hadrut", [], ("", "")),
    ("1242608675", "Tyak / Dağdöşü", "Hadrut (Tyak belonged to the Hadrut town community)", "Hadrut", ["hywiki-tyak"],
     (" Tyak belonged to the Hadrut town community (Armenian Wikipedia).",
      " Tyak thuộc cộng đồng thị trấn Hadrut (Wikipedia tiếng Armenia).")),
]
# WOF id, name, decision, reason, [source keys] (report only)
G_NOROW = [
    ("1226079683", "Spitakashen", "az", "Khtsaberd community, 5 km west of Khtsaberd; the last Armenian-held "
     "villages of the Hadrut region were Khtsaberd and Hin Tagher (taken 12-14 Dec 2020); whether this hamlet was in the pocket "
     "until then is not known", ["azatutyun-hadrut", "wiki-khtsaberd"]),
    ("1292940661", "Petrosashen", "az", "as Spitakashen (2.9 km from Khtsaberd)", ["azatutyun-hadrut", "wiki-khtsaberd"]),
    ("1276801567", "Arpagetik / Arpagədik", "az", "'captured by Azerbaijan during the 2020 war' (English Wikipedia); Khtsaberd "
     "community, as Spitakashen", ["wiki-arpagadik", "azatutyun-hadrut"]),
    ("1226403825", "Alıcan", "az", "6 km north of Khtsaberd at 1,900 m; no village-level source; Azerbaijani by Dec 2020 at the "
     "latest", ["azatutyun-hadrut", "wiki-khtsaberd"]),
    ("1243104223", "Jilan / Cilən", "az", "southern Hadrut region, among villages announced in Oct-Nov 2020 (Bunyadli, Arakul)",
     ["wiki-hadrut-province", "azatutyun-hadrut"]),
    ("1293724319", "Harar", "az", "as Jilan (1.4 km)", ["wiki-hadrut-province", "azatutyun-hadrut"]),
    ("1360264055", "Khalafli / Xələfli", "az", "as Jilan", ["wiki-hadrut-province", "azatutyun-hadrut"]),
    ("1293263137", "Tatar", "az", "as Jilan", ["wiki-hadrut-province", "azatutyun-hadrut"]),
    ("1309839785", "Ashotavan", "az", "Hadrut region between Tsamdzor and Banadzor, both listed as lost", ["realkarabakh", "azatutyun-hadrut"]),
    ("1326459445", "Shaghakh / Şahyeri", "az", "Hadrut region beside Tsamdzor (2.3 km), listed as lost", ["realkarabakh", "azatutyun-hadrut"]),
    ("1310376295", "Shinategh / Şahvələdli", "az", "adjacent to Drakhtik, a Hadrut community listed as lost", ["armeniapedia-hadrut", "realkarabakh"]),
    ("1293564955", "Hoghe / Üçbulaq", "az", "Hadrut region beside Jrakus (2 km), listed as lost", ["realkarabakh", "azatutyun-hadrut"]),
    ("1276696137", "Kokva-Kolel", "az", "Hadrut region beside Hakaku and Mokhrenes (Susanlig), listed as lost", ["realkarabakh", "azatutyun-hadrut"]),
    ("1259518053", "Kazh", "az", "between Mets Tagher, Tumi and Zardanashen, all listed as lost", ["realkarabakh"]),
    ("1343893159", "Bilbilyak", "undecided", "1.5-1.8 km from Skhtorashen, Herher and Karmir Shuka, all Armenian-held until 2023, "
     "so probably Armenian-held too; no source names it (searched in English, Russian and Azerbaijani)", []),
    ("1344093827", "Tukhnakal", "undecided", "the WOF point (GeoNames 147038, admin 'Khankendi city') lies 17 km south-east of "
     "Stepanakert, 1.5-2.5 km from Moshkhmhat, Aknaghbyur (Askeran) and Sargsashen, all lost in 2020; if it is the Stepanakert "
     "suburb of that name, the coordinates are wrong and the suburb was Armenian-held; no source found", ["realkarabakh"]),
    ("1293759521", "Gevorgavan", "undecided", "lowland point 4 km from Dilagarda (Fuzuli) at the eastern tip of the NKAO; no "
     "source found (English, Armenian, Russian)", []),
]


def en_date(d):
    y, m, dd = d.split("-")
    return f"{int(dd)} {MONTHS[int(m) - 1]} {y}"


def vi_date(d):
    y, m, dd = d.split("-")
    return f"{int(dd)}/{int(m)}/{y}"


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def outlet(url):
    host = urlparse(url).netloc.lower()
    for key in sorted(OUTLETS, key=len, reverse=True):
        if host == key or host.endswith("." + key):
            return OUTLETS[key]
    sys.exit(f"build_evidence: no outlet name for {host} ({url}); add it to OUTLETS")


def url_date(url):
    """The article's date when the URL carries one (/2021/10/24/, /20201107/)."""
    m = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", url) or re.search(r"/(20\d\d)(\d\d)(\d\d)/", url)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return None


def source(url, date):
    return {"title": f"{outlet(url)}, {en_date(url_date(url) or date)}", "url": url}


def row_sources(r):
    return [source(u, r["date"]) for u in [r["url"]] + r["other_urls"].split()]


def note(en, vi):
    return {"en": en, "vi": vi}


def join_notes(parts):
    parts = [p for p in parts if p]
    if not parts:
        return None
    return note(" ".join(p[0] for p in parts), " ".join(p[1] for p in parts))


def sentence(s):
    s = s.strip()
    s = s[0].upper() + s[1:]
    return s if s.endswith((".", ")", "'")) and not s.endswith("')") else s + "."


def csv_note(r):
    """The CSV note in both languages: its main part always, its 'match:' part only for probable or
    uncertain identifications."""
    parts = re.split(r"; ?(?=match: )|^(?=match: )", r["note"])
    main = parts[0]
    match = parts[1] if len(parts) > 1 else ""
    out = []
    for text, keep in ((main, bool(main)), (match, match and r["match_confidence"] in ("alias-probable", "alias-uncertain"))):
        if not keep:
            continue
        if text not in VI:
            sys.exit(f"build_evidence: no Vietnamese for the note of {r['id']}:\n  {text!r}\nadd it to tools/evidence_notes_vi.py")
        en = text.replace("match: aliases.csv: ", "Identification: ")
        out.append((sentence(en), VI[text]))
    return out


def main():
    cap_dir = os.path.join(REF, "captures")
    if not os.path.isfile(os.path.join(cap_dir, "captures_2020.csv")):
        sys.exit("build_evidence: data/reference/captures/ is missing; run "
                 "python3 tools/import_reference.py /work/shared/geodata --facts /work/shared/facts")
    rows = read_csv(os.path.join(cap_dir, "captures_2020.csv"))
    early = {r["id"]: r for r in read_csv(os.path.join(cap_dir, "captures_1991_94.csv"))}
    setts = {s["id"]: s for s in read_csv(os.path.join(REF, "settlements", "settlements.csv"))}
    with open(os.path.join(ASSETS, "places.geojson"), encoding="utf-8") as f:
        places = json.load(f)["features"]
    with open(os.path.join(ASSETS, "atlas.json"), encoding="utf-8") as f:
        atlas = json.load(f)
    with open(os.path.join(ASSETS, "zones.geojson"), encoding="utf-8") as f:
        zones = {z["id"]: shape(z["geometry"]) for z in json.load(f)["features"]}
    controllers = {c["id"] for c in atlas["controllers"]}
    place_ids = {p["id"] for p in places}

    # WOF id -> place id: the WOF place itself, or the curated place it was merged into.
    wof_place = {}
    for p in places:
        m = re.search(r"wof:id (\d+)", p["properties"].get("source", ""))
        if m:
            wof_place[m.group(1)] = p["id"]
    with open(os.path.join(ROOT, "data", "land_report.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^\| ([a-z_]+) \| (\d+) \|", line)
            if m and m.group(1) in place_ids:
                wof_place[m.group(2)] = m.group(1)
    place_name = {p["id"]: p["properties"]["name"]["en"] for p in places}

    def zones_of(s):
        pt = Point(float(s["lon"]), float(s["lat"]))
        return [k for k, g in sorted(zones.items()) if g.contains(pt)]

    def district(s):
        return s["district_gn"] if s["district_gn"] in DISTRICT_FALL or s["district_gn"] in DISTRICT_HANDOVER else s["soviet_unit"]

    evidence = []
    unmatched = []
    by_id = {}
    for r in rows:
        wid = r["settlement_id"]
        if not wid:
            unmatched.append(r)
            continue
        place = wof_place.get(wid)
        if place is None:
            sys.exit(f"build_evidence: {r['id']}: WOF {wid} is not in places.geojson")
        kind, by = r["kind"], SIDE.get(r["claimant_side"])
        if kind == "claim" and by == "az":
            controller = "az"
        elif kind == "claim" and r["claimant_side"] == "russia":
            # Russia MoD + NKR MoD say Azerbaijani forces took Farukh: the losing side confirms.
            kind, by, controller = "confirmation", "ka", "az"
        elif kind == "denial":
            controller = by                      # the denying side says it still holds the place
        elif kind == "counterclaim":
            controller = by                      # Russia MoD (Farukh, 27 Mar 2022): peacekeepers hold it
        elif kind == "confirmation":
            controller = "az"                    # every confirmation in the table is of Azerbaijani control
        elif kind == "handover":
            by, controller = "agreement", "az"
        else:
            sys.exit(f"build_evidence: {r['id']}: kind {kind} / side {r['claimant_side']} not handled")
        e = {"id": r["id"], "place": place, "date": r["date"], "date_precision": r["date_precision"],
             "kind": kind, "by": by, "said_by": r["claimed_by"], "controller": controller,
             "sources": row_sources(r), "_notes": csv_note(r), "_rule": "csv", "_wof": wid}
        evidence.append(e)
        by_id[r["id"]] = r

    csv_places = defaultdict(list)
    for e in evidence:
        csv_places[e["place"]].append(e)

    # Repeats: a place announced as taken on more than one date keeps every row; the later ones say so.
    repeats = []
    for place, es in sorted(csv_places.items()):
        claims = sorted((e for e in es if e["kind"] == "claim" and e["by"] == "az"), key=lambda e: (e["date"], e["id"]))
        for e in claims[1:]:
            if e["date"] != claims[0]["date"]:
                d = claims[0]["date"]
                e["_notes"].insert(0, (f"Repeat of the announcement of {en_date(d)} ({claims[0]['id']}).",
                                       f"Lặp lại thông báo ngày {vi_date(d)} ({claims[0]['id']})."))
                repeats.append((place, claims[0], e))

    generated = defaultdict(list)
    excluded = defaultdict(list)

    def add(rule, e):
        e["_rule"] = rule
        evidence.append(e)
        generated[rule].append(e)

    def has_rows(wid):
        return wof_place[wid] in csv_places

    # (a) handover rule
    district_rows = {d: next(r for r in rows if r["kind"] == "handover" and r["place_type"] == "district" and r["district"] == d)
                     for d in DISTRICT_HANDOVER}
    for wid, s in sorted(setts.items()):
        d = s["soviet_unit"] or s["district_gn"]
        if s["in_control_1994_NE"] != "True" or d not in DISTRICT_HANDOVER or has_rows(wid):
            continue
        place = wof_place[wid]
        if any(k.startswith("lachin-corridor") for k in zones_of(s)):
            excluded["a-corridor"].append((place, s))
            continue
        hr = district_rows[d]
        date = DISTRICT_HANDOVER[d]
        extra_en = extra_vi = ""
        if not s["soviet_unit"]:
            extra_en = f" Natural Earth puts the point just outside the district; GeoNames gives {d}."
            extra_vi = f" Natural Earth đặt điểm này ngay bên ngoài huyện; GeoNames xếp vào {d}."
        add("a", {"id": f"{date}-{place}-handover-{d.lower()}-district", "place": place, "date": date,
                  "date_precision": "day", "kind": "handover", "by": "agreement", "said_by": hr["claimed_by"],
                  "controller": "az", "sources": row_sources(hr),
                  "_notes": [(f"Rule: every settlement of the part of the {d} district still held by the Karabakh Armenian side "
                              f"passed to Azerbaijan on the district's handover day, {en_date(date)}, under the trilateral statement "
                              f"of 10 Nov 2020; there is no village-level announcement ({README_REF}, handover rule).{extra_en}",
                              f"Quy tắc: mọi khu dân cư thuộc phần huyện {d} mà phía người Armenia ở Karabakh còn nắm giữ đều được "
                              f"chuyển cho Azerbaijan vào ngày bàn giao huyện, {vi_date(date)}, theo tuyên bố ba bên ngày 10/11/2020; "
                              f"không có thông báo riêng cho từng làng (README của facts/captures, quy tắc bàn giao).{extra_vi}")]})

    # (b) Araz-valley villages held 1993-2020 that NE's 1994 polygon leaves out
    araz = [e for e in evidence if e["_rule"] == "csv" and e["kind"] == "claim" and e["date"] < "2021"
            and by_id[e["id"]]["in_control_1994_NE"] == "False"]
    seen_b = set()
    for e in sorted(araz, key=lambda e: (e["date"], e["id"])):
        s = setts[e["_wof"]]
        if e["place"] in seen_b:
            continue
        seen_b.add(e["place"])
        d = district(s)
        fall = early[DISTRICT_FALL[d]]
        add("b", {"id": f"{fall['date']}-{e['place']}-assessment-araz-valley", "place": e["place"], "date": fall["date"],
                  "date_precision": "approx", "kind": "assessment", "by": "neutral",
                  "said_by": "Karabakh Atlas (inferred from the 2020 claim and the district's fall)",
                  "controller": "ka",
                  "sources": [e["sources"][0], {"title": f"{outlet(fall['url'])}: {fall['place']} {fall['event']}", "url": fall["url"]}],
                  "_notes": [(f"Held by the Karabakh Armenian forces from the fall of the {d} district ({en_date(fall['date'])}; "
                              f"the district's date, not a village-level one) until 2020: Azerbaijan announced its capture on "
                              f"{en_date(e['date'])}, so it was not in Azerbaijani hands before. Natural Earth's 1994 line misses this "
                              f"Araz-valley village by 0–2 km, so the map's zones leave it out ({README_REF}, known contradictions).",
                              f"Do lực lượng người Armenia ở Karabakh nắm giữ từ khi huyện {d} thất thủ ({vi_date(fall['date'])}; "
                              f"đây là ngày của cả huyện, không phải của riêng làng) đến năm 2020: Azerbaijan tuyên bố chiếm làng ngày "
                              f"{vi_date(e['date'])}, nghĩa là trước đó làng không nằm trong tay Azerbaijan. Đường ranh năm 1994 của "
                              f"Natural Earth bỏ sót làng thuộc thung lũng sông Araz này 0–2 km, nên các vùng trên bản đồ không bao gồm nó "
                              f"(README của facts/captures, mục mâu thuẫn đã biết).")]})

    # (c) Jojug Marjanli
    jr = early["1994-01-06-horadiz-20-fuzuli-villages-jojug-marjanl"]
    add("c", {"id": "1994-01-06-jojug_marjanli-assessment-az-held", "place": "jojug_marjanli", "date": jr["date"],
              "date_precision": "day", "kind": "assessment", "by": "neutral", "said_by": "English Wikipedia",
              "controller": "az",
              "sources": [{"title": "English Wikipedia, 'Çocuq Mərcanlı' (text of June 2020)", "url": WIKI_JOJUG},
                          {"title": f"{outlet(jr['url'])}, 2020: {jr['place']} {jr['event']}", "url": jr["url"]}],
              "_notes": [("Held by Azerbaijan from the Horadiz operation (retaken by 6 Jan 1994) to 2020: \"currently the only "
                          "village of the Jabrayil District effectively controlled by the Azerbaijani Armed Forces\" (English "
                          "Wikipedia, June 2020). Natural Earth's 1994 line puts it on the NKR side.",
                          "Do Azerbaijan nắm giữ từ chiến dịch Horadiz (chiếm lại trước ngày 6/1/1994) đến năm 2020: “hiện là làng "
                          "duy nhất của huyện Jabrayil thực sự do Lực lượng vũ trang Azerbaijan kiểm soát” (Wikipedia tiếng Anh, "
                          "6/2020). Đường ranh năm 1994 của Natural Earth xếp làng về phía NKR.")]})
    jojug_wid = next(w for w, p in wof_place.items() if p == "jojug_marjanli")
    p2000 = next(p for p in atlas["phases"] if p["start"] <= "2000-01-01" <= p["end"])["control"]
    jz = zones_of(setts[jojug_wid])
    excluded["c-zone"] = [(k, p2000.get(k)) for k in jz]

    # (e) unannounced places of the 1994-held parts of Fuzuli, Jabrayil, Zangilan, Qubadli
    for wid, s in sorted(setts.items()):
        d = s["soviet_unit"]
        if s["in_control_1994_NE"] != "True" or d not in DISTRICT_FALL or has_rows(wid):
            continue
        place = wof_place[wid]
        if wid == jojug_wid:
            excluded["e-jojug"].append((place, s))
            continue
        add("e", {"id": f"2020-11-10-{place}-confirmation-upper-bound", "place": place, "date": "2020-11-10",
                  "date_precision": "approx", "kind": "confirmation", "by": "agreement",
                  "said_by": "Trilateral statement of Azerbaijan, Armenia and Russia (10 Nov 2020)", "controller": "az",
                  "sources": [TRILATERAL],
                  "_notes": [(f"No dated announcement found; the 10 Nov statement is an upper bound. Rule: the part of the {d} "
                              f"district held by the Karabakh Armenian side since 1993 was in Azerbaijani hands when the "
                              f"statement froze the lines (it returned only Aghdam, Kalbajar and Lachin) ({README_REF}).",
                              f"Không tìm thấy thông báo có ngày; tuyên bố ngày 10/11 là mốc muộn nhất. Quy tắc: phần huyện {d} "
                              f"do phía người Armenia ở Karabakh nắm giữ từ năm 1993 đã nằm trong tay Azerbaijan khi tuyên bố "
                              f"giữ nguyên giới tuyến (tuyên bố chỉ trả lại Aghdam, Kalbajar và Lachin) (README của facts/captures).")]})

    # (g) the 30 NKAO settlements outside NE's 2020 polygon, and Msmna (see G_KA, G_AZ, G_NOROW)
    def g_sources(keys):
        out = []
        for k in keys:
            if k.startswith("claim:"):
                out += row_sources(by_id[k[len("claim:"):]])
            else:
                title, url = G_SRC[k]
                out.append({"title": title, "url": url})
        return out

    for wid, name, keys, (en, vi) in G_KA:
        place = wof_place[wid]
        head = G_KA_HEAD if setts[wid]["in_control_2020_NE"] != "True" else G_KA_HEAD_MSMNA
        add("g", {"id": f"2020-11-10-{place}-assessment-held-after-ceasefire", "place": place, "date": "2020-11-10",
                  "date_precision": "approx", "kind": "assessment", "by": "neutral",
                  "said_by": "Karabakh Atlas (from the sources cited)", "controller": "ka", "sources": g_sources(keys),
                  "_notes": [(f"{head[0]} {en}", f"{head[1]} {vi}")], "_g": name})
    for wid, name, community, region, keys, (en, vi) in G_AZ:
        place = wof_place[wid]
        add("g", {"id": f"2020-11-10-{place}-confirmation-listed-as-lost", "place": place, "date": "2020-11-10",
                  "date_precision": "approx", "kind": "confirmation", "by": "ka",
                  "said_by": "Armenian government: list of the localities of Artsakh lost in the 2020 war", "controller": "az",
                  "sources": g_sources(["armenews-list", "realkarabakh"] + keys),
                  "_notes": [(f"Rule (g): the Armenian government's list of the localities of Artsakh lost in the 2020 war names "
                              f"the community of {community.split(' (')[0]} ({region} region); 10 Nov 2020 is an upper bound. The "
                              f"map's zone already gives it to Azerbaijan from that day; Natural Earth's 2020 polygon leaves it "
                              f"out.{en}",
                              f"Quy tắc (g): danh sách của chính phủ Armenia về các địa phương của Artsakh bị mất trong chiến "
                              f"tranh năm 2020 có tên cộng đồng {community.split(' (')[0]} (vùng {region}); ngày 10/11/2020 là "
                              f"mốc muộn nhất. Vùng trên bản đồ đã xếp địa điểm này về Azerbaijan từ ngày đó; vùng năm 2020 "
                              f"của Natural Earth bỏ sót nó.{vi}")], "_g": name})
    g_ka = {e["place"] for e in generated["g"] if e["controller"] == "ka"}
    g_all = {wof_place[w] for w, *_ in G_KA + G_AZ + G_NOROW}

    # (d) the NKR-held area on 20 Sep 2023
    cr = next(r for r in rows if r["date"] == "2023-09-20")
    p20 = next(p for p in atlas["phases"] if p["start"] <= "2023-09-19" <= p["end"])["control"]
    by_place = defaultdict(list)
    for e in evidence:
        by_place[e["place"]].append(e)
    for wid, s in sorted(setts.items()):
        place = wof_place[wid]
        inside = s["in_control_2020_NE"] == "True"
        nkao_open = s["soviet_unit"] == "NKAO" and s["in_control_1994_NE"] == "True"
        if not (inside or nkao_open):
            continue
        before = sorted((e for e in by_place[place] if e["date"] < "2023-09-20"), key=lambda e: (e["date"], e["id"]))
        held_g = place in g_ka and before[-1]["_rule"] == "g"   # rule (g): held after 10 Nov 2020
        if any(e["controller"] == "az" and e["date"] < "2021" for e in before) and not held_g:
            continue                    # taken (or handed over) in 2020
        if before and before[-1]["controller"] == "az":
            continue
        zs = zones_of(s)
        z = ", ".join(zs)
        if not inside and not held_g:
            excluded["d-outside-2020"].append((place, s, z))
            continue
        if any(k.startswith("lachin-corridor") for k in zs) and not before:
            excluded["d-corridor"].append((place, s, z))
            continue
        if place in {e["place"] for e in generated["d"]}:
            continue                    # two WOF records merged into one curated place
        if held_g:
            excluded["d-g"].append((place, s, z))        # outside NE's 2020 polygon or claimed in 2020; see (g)
        elif zs and all(p20.get(k) == "az" for k in zs):
            excluded["d-zone-az"].append((place, s, z))  # kept, but listed: the map says otherwise
        add("d", {"id": f"2023-09-20-{place}-handover-ceasefire", "place": place, "date": "2023-09-20",
                  "date_precision": "day", "kind": "handover", "by": "agreement", "said_by": cr["claimed_by"],
                  "controller": "az", "sources": row_sources(cr),
                  "_notes": [("Rule: the settlements still held by the NKR (inside Natural Earth's 2020 Armenian-held polygon, no "
                              "earlier row passing them to Azerbaijan) came under Azerbaijani control with the ceasefire of "
                              "20 Sep 2023 that ended the NKR's resistance; no village-level dates, the physical takeover took the "
                              f"following weeks ({README_REF}, NKAO).",
                              "Quy tắc: các khu dân cư NKR còn nắm giữ (nằm trong vùng do người Armenia kiểm soát năm 2020 theo "
                              "Natural Earth, không có dòng nào trước đó ghi việc chuyển sang Azerbaijan) thuộc quyền kiểm soát của "
                              "Azerbaijan theo thỏa thuận ngừng bắn ngày 20/9/2023 chấm dứt sự kháng cự của NKR; không có ngày riêng "
                              "cho từng làng, việc tiếp quản thực tế kéo dài vài tuần sau đó (README của facts/captures, mục NKAO).")]
                  + ([("Included by rule (g): the sources show it held by the Karabakh Armenian side after 10 Nov 2020 (see the "
                       "assessment of 2020-11-10), whatever Natural Earth's 2020 polygon or the 2020 claim say.",
                       "Được đưa vào theo quy tắc (g): các nguồn cho thấy phía người Armenia ở Karabakh vẫn nắm giữ địa điểm "
                       "này sau ngày 10/11/2020 (xem dòng đánh giá ngày 10/11/2020), bất kể vùng năm 2020 của Natural Earth "
                       "hay tuyên bố năm 2020 nói gì.")] if held_g else [])})

    # (f) claimed 2020 places that lie in no zone (Natural Earth's lines put them outside the
    # districts, mostly in the Araz valley): no phase's control table can settle them, so the
    # trilateral statement that froze the lines on 10 Nov 2020 is recorded as their confirmation.
    by_place = defaultdict(list)
    for e in evidence:
        by_place[e["place"]].append(e)
    for wid, s in sorted(setts.items()):
        place = wof_place[wid]
        rows_here = sorted(by_place[place], key=lambda e: (e["date"], e["id"]))
        if not rows_here or zones_of(s) or place in {e["place"] for e in generated["f"]}:
            continue
        last = rows_here[-1]
        if not (last["kind"] == "claim" and last["controller"] == "az" and "2020-09-27" <= last["date"] < "2020-11-10"):
            continue
        add("f", {"id": f"2020-11-10-{place}-confirmation-statement", "place": place, "date": "2020-11-10",
                  "date_precision": "day", "kind": "confirmation", "by": "agreement",
                  "said_by": "Trilateral statement of Azerbaijan, Armenia and Russia (10 Nov 2020)", "controller": "az",
                  "sources": [TRILATERAL],
                  "_notes": [("Rule: the place lies outside every zone of the map (Natural Earth's lines leave it out), so "
                              "no phase's control table settles it; the 10 Nov 2020 statement froze the lines with it on "
                              "the Azerbaijani side, which is recorded here as the confirmation of the earlier claim.",
                              "Quy tắc: địa điểm nằm ngoài mọi vùng của bản đồ (đường ranh của Natural Earth bỏ sót), nên "
                              "không bảng kiểm soát giai đoạn nào xác định được; tuyên bố ngày 10/11/2020 giữ nguyên giới "
                              "tuyến với địa điểm này ở phía Azerbaijan, được ghi ở đây như xác nhận tuyên bố trước đó.")]})

    # Checks and output
    ids = Counter(e["id"] for e in evidence)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        sys.exit(f"build_evidence: duplicate ids: {dup[:5]}")
    for e in evidence:
        assert e["place"] in place_ids, e
        assert e["controller"] in controllers, e
        assert e["by"] in controllers | {"neutral", "agreement"}, e
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", e["date"]), e
        assert e["sources"] and all(s["url"] and s["title"] for s in e["sources"]), e
        if e["kind"] == "claim":
            assert e["by"] == e["controller"], e
    evidence.sort(key=lambda e: (e["date"], e["place"], e["id"]))
    out = []
    for e in evidence:
        o = {k: v for k, v in e.items() if not k.startswith("_")}
        n = join_notes(e["_notes"])
        if n:
            o["note"] = n
        out.append(o)
    text = ('{"format": "karabakh-atlas/1", "evidence": [\n'
            + ",\n".join(json.dumps(o, ensure_ascii=False) for o in out) + "\n]}\n")
    json.loads(text)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

    write_report(evidence, rows, unmatched, generated, excluded, repeats, csv_places, place_name, len(text.encode()), wof_place)
    print(f"evidence.json: {len(out):,} rows, {len({e['place'] for e in out}):,} places, {len(text.encode()):,} bytes; "
          f"report: data/evidence_report.md")


def write_report(evidence, rows, unmatched, generated, excluded, repeats, csv_places, place_name, size, wof_place_g):
    L = ["# Evidence report (tools/build_evidence.py)", "",
         "Written by `tools/build_evidence.py` from `data/reference/captures/` (copies of `/work/shared/facts/captures/`), "
         "`data/reference/settlements/settlements.csv`, `assets/karabakh/places.geojson`, `atlas.json`, `zones.geojson` and "
         "the merge table of `data/land_report.md`.", "",
         f"`assets/karabakh/evidence.json`: **{len(evidence):,} rows** about **{len({e['place'] for e in evidence}):,} places** "
         f"({size:,} bytes): {sum(e['_rule'] == 'csv' for e in evidence)} from `captures_2020.csv` "
         f"(of its {len(rows)} rows; {len(unmatched)} left out, below) and "
         f"{sum(len(v) for v in generated.values())} generated by the rules below.", "",
         "## Rows by kind and year", ""]
    years = sorted({e["date"][:4] for e in evidence})
    kinds = ["claim", "denial", "counterclaim", "confirmation", "handover", "assessment"]
    L.append("| kind | " + " | ".join(years) + " | all |")
    L.append("|---|" + "---|" * (len(years) + 1))
    for k in kinds:
        c = Counter(e["date"][:4] for e in evidence if e["kind"] == k)
        L.append(f"| {k} | " + " | ".join(str(c.get(y, 0)) for y in years) + f" | {sum(c.values())} |")
    c = Counter(e["date"][:4] for e in evidence)
    L.append("| **all** | " + " | ".join(str(c.get(y, 0)) for y in years) + f" | **{len(evidence)}** |")
    L += ["", "| origin | rows |", "|---|---|"]
    for rule, label in [("csv", "`captures_2020.csv`"), ("a", "rule (a) district handovers 2020"),
                        ("b", "rule (b) Araz-valley villages, 1993"), ("c", "rule (c) Jojug Marjanli, 1994"),
                        ("d", "rule (d) 20 Sep 2023"), ("e", "rule (e) 10 Nov 2020 upper bound"),
                        ("f", "rule (f) 10 Nov 2020 statement for places outside every zone"),
                        ("g", "rule (g) NKAO places outside NE's 2020 polygon, and Msmna")]:
        L.append(f"| {label} | {sum(e['_rule'] == rule for e in evidence)} |")
    L += ["", "`by` of the rows: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(e["by"] for e in evidence).items())) + "; "
          "`controller`: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(e["controller"] for e in evidence).items())) + ".", ""]

    L += ["## How the CSV rows are read", "",
          "- `place`: the WOF `settlement_id` gives `wof-<id>`, or the curated place the record was merged into "
          "(`data/land_report.md`, e.g. 1125938249 → `hadrut`, 421193975 → `stepanakert`, 1192979901 → `aghavno`).",
          "- `by` from `claimant_side`: azerbaijan → `az`, armenia (Armenia MoD, NKR, Armenian media) → `ka`, neutral → `neutral`, "
          "third-party (Daily Sabah / Anadolu, Turkish) → `neutral`, russia → `rpk`. `said_by` = `claimed_by`.",
          "- claim → `controller` = `by`; denial and counterclaim → `controller` = `by` (the side that says it still holds the place); "
          "confirmation → `controller` = `az` (every confirmation in the table is of Azerbaijani control); handover → `by` = "
          "`agreement`, `controller` = `az`.",
          "- Farukh (Parukh), 24 Mar 2022: the CSV's `claim` by \"Russia MoD + NKR MoD\" says *Azerbaijani* forces took the village, "
          "so it is written as a `confirmation` by `ka` with `controller` `az`; the Russian MoD's 27 Mar counterclaim (Azerbaijani "
          "units withdrawn) as a `counterclaim` by `rpk` with `controller` `rpk` (the peacekeepers took over the village).",
          "- `sources`: `url` then each of `other_urls`; title = outlet and the date of the statement, or the date in the URL when "
          "it has one (anniversary articles, the Panorama.am article of 6 Jan 2021).",
          "- `note`: the CSV note (English, with a Vietnamese translation from `tools/evidence_notes_vi.py`); its `match:` part only "
          "where the identification is `alias-probable` or `alias-uncertain`.", ""]

    L += [f"## CSV rows left out ({len(unmatched)})", "",
          "No matched settlement (`settlement_id` empty): a district, region or landmark, or a name not found in WOF.", "",
          "| id | settlement | district | match | what it is used for |", "|---|---|---|---|---|"]
    for r in unmatched:
        use = ""
        if r["kind"] == "handover" and r["place_type"] == "district":
            use = "source of rule (a)"
        elif r["date"] == "2023-09-20":
            use = "source of rule (d)"
        L.append(f"| {r['id']} | {r['settlement']} | {r['district']} | {r['match_confidence']} | {use} |")
    L.append("")

    L += ["## Generated rows", ""]
    a = generated["a"]
    ca = Counter(e["id"].rsplit("-", 2)[-2] for e in a)
    L += [f"### (a) Handover rule: {len(a)} `handover` rows", "",
          "Every settlement with `in_control_1994_NE = True` and `soviet_unit` (or, where that is empty, `district_gn`) Aghdam, "
          "Kalbajar or Lachin, with no row in `captures_2020.csv`, gets a `handover` (`by` `agreement`, `controller` `az`) on "
          "the district's day: Aghdam 2020-11-20, Kalbajar 2020-11-25, Lachin 2020-12-01; source = the CSV's district handover row. "
          f"By district: {', '.join(f'{k.capitalize()} {v}' for k, v in sorted(ca.items()))}. "
          f"Of them {sum('GeoNames gives' in e['_notes'][0][0] for e in a)} are Aghdam villages that Natural Earth puts just outside the "
          "district (`soviet_unit` empty, `district_gn` Aghdam).", "",
          "Left out: the places with their own rows (Lachin town, Zabukh/`aghavno`, Sus: handed over 26 Aug 2022; Gulabird, Safiyan, "
          "Turklar: claimed 9 Nov 2020), and these Lachin-district points that lie inside the map's `lachin-corridor` zone "
          "or the 2022 corridor zones (Russian peacekeepers from 10 Nov 2020; see the zones' dates in `atlas.json`). No village-level source says whether they passed on "
          "1 Dec 2020, with Lachin town in Aug 2022 or, next to the 2022 route (Mets Shen, Hin Shen), only in Sep 2023, so they "
          "get no row and the map's zone decides:", ""]
    L.append(", ".join(f"`{p}` ({s['name']})" for p, s in excluded["a-corridor"]) + ".")
    L.append("")
    b = generated["b"]
    L += [f"### (b) Araz-valley villages: {len(b)} `assessment` rows", "",
          "The villages Azerbaijan announced as taken in Oct 2020 whose WOF point Natural Earth's 1994 polygon leaves out "
          "(`in_control_1994_NE = False`) get an `assessment` that `ka` held them from the fall of their district "
          "(`captures_1991_94.csv`: Jabrayil and Fuzuli 1993-08-23, Qubadli 1993-08-31, Zangilan 1993-10-29), `by` `neutral`, "
          "`date_precision` `approx`; sources: the Azerbaijani claim's first URL and the district-fall row's URL. The README lists 19; "
          f"the rule finds {len(b)}:", ""]
    L.append(", ".join(f"`{e['place']}` ({place_name[e['place']]}, {e['date']})" for e in b) + ".")
    L += ["", "### (c) Jojug Marjanli: 1 `assessment` row", "",
          "`jojug_marjanli`: `az` from 1994-01-06 (`by` `neutral`; English Wikipedia 'Çocuq Mərcanlı', June 2020 text: "
          "\"currently the only village of the Jabrayil District effectively controlled by the Azerbaijani Armed Forces\"; and the "
          "1994-01-06 row of `captures_1991_94.csv`). The map's zone at its WOF point in 2000: "
          + (", ".join(f"`{k}` → `{c}`" for k, c in excluded["c-zone"]) or "none") + " (the rule was written when the "
          "zone gave it to the NKR; the row is kept either way, it is sourced). Its WOF record "
          "(1293572749, `in_control_1994_NE = True`) is kept out of rule (e).", ""]
    d = generated["d"]
    L += [f"### (d) 20 Sep 2023: {len(d)} `handover` rows", "",
          "A settlement inside Natural Earth's 2020 Armenian-held polygon (`in_control_2020_NE = True`) gets a `handover` to `az` "
          "on 2023-09-20 (`by` `agreement`, source = the CSV's 2023-09-20 row) unless it already has a row passing it to `az` in "
          "2020, or its last row before 2023-09-20 gives it to `az`. Farukh (last row: the peacekeepers, 27 Mar 2022) gets one; "
          "Stepanakert, Khojaly and Martakert get one as well as their 15 Oct 2023 flag-raising confirmations (flag-raisings, "
          "not the date of control).", "",
          f"Also given one, by rule (g) ({len(excluded['d-g'])}): the places that rule (g) assesses as held by the Karabakh "
          "Armenian side after 10 Nov 2020 although NE's 2020 polygon leaves them out or Azerbaijan claimed them in 2020 (Msmna): "
          + ", ".join(f"`{p}` ({s['name']})" for p, s, z in excluded["d-g"]) + ".", "",
          f"Not given a row: the other {len(excluded['d-outside-2020'])} NKAO settlements without a 2020 claim (and with "
          "`in_control_1994_NE = True`) that lie outside NE's 2020 polygon (the README: \"either unannounced 2020 losses or errors "
          "of NE's coarse 2020 line\"). The map's zone (`nkao-hadrut`, Azerbaijani from 10 Nov 2020) agrees with NE for them, and "
          "rule (g) found them Azerbaijani-held or could not decide (see (g)):", ""]
    L.append(", ".join(f"`{p}` ({s['name']})" for p, s, z in excluded["d-outside-2020"]) + ".")
    L += ["", "Also without a row: the 4 NKAO points with `in_control_1994_NE = False` (`nkao-east` zone, Azerbaijani since 1992–94).", ""]
    if excluded["d-corridor"]:
        L.append("Lachin-corridor points inside NE's 2020 polygon, left to the map's zone (see (a)): "
                 + ", ".join(f"`{p}`" for p, s, z in excluded["d-corridor"]) + ".")
        L.append("")
    if excluded["d-zone-az"]:
        L.append(f"Kept although the map's zone is already Azerbaijani on 2023-09-19 ({len(excluded['d-zone-az'])}; NE's 2020 polygon "
                 "and the zones disagree, and the README counts these among the 204 held until 2023): "
                 + ", ".join(f"`{p}` ({s['name']}, zone {z})" for p, s, z in excluded["d-zone-az"]) + ".")
        L.append("")
    e_ = generated["e"]
    ce = Counter(e["_notes"][0][0].split("part of the ")[1].split(" ")[0] for e in e_)
    L += [f"### (e) Upper bound 10 Nov 2020: {len(e_)} `confirmation` rows", "",
          "Every settlement with `in_control_1994_NE = True`, `soviet_unit` Fuzuli, Jabrayil, Zangilan or Qubadli and no row in "
          "`captures_2020.csv` gets a `confirmation` of `az` on 2020-11-10 (`by` `agreement`, `date_precision` `approx`, source: the "
          "trilateral statement), note: \"no dated announcement found; the 10 Nov statement is an upper bound\". By district: "
          + ", ".join(f"{k} {v}" for k, v in sorted(ce.items())) + " (the README's 127 less Jojug Marjanli).", ""]
    g = generated["g"]
    g_rows = {e["place"]: e for e in g}
    n_ka = sum(e["controller"] == "ka" for e in g)
    L += [f"### (g) NKAO places outside NE's 2020 polygon, and Msmna: {len(g)} rows ({n_ka} `assessment`, "
          f"{len(g) - n_ka} `confirmation`)", "",
          f"The {len(G_KA) + len(G_AZ) + len(G_NOROW) - 1} NKAO settlements of (d) without a 2020 claim that lie outside NE's "
          "2020 polygon, and Msmna (`wof-1209749091`, WOF Ağbulaq, inside it, matched to Azerbaijan's \"Aghbulag\" of 16 Oct 2020), "
          "each looked up in English, Armenian and Russian Wikipedia, Armenian, Azerbaijani and neutral media and the Armenian "
          "government's list of the localities lost in the war (Nouvelles d'Arménie; Real Karabakh; the list names communities, "
          "not every hamlet). Decisions:", "",
          "- **ka**: held by the Karabakh Armenian side after 10 Nov 2020: an `assessment` (`controller` `ka`, 2020-11-10, "
          "`date_precision` `approx`, `by` `neutral`, `said_by` \"Karabakh Atlas (from the sources cited)\"); rule (d) then gives "
          "it the 2023-09-20 `handover`.",
          "- **az (row)**: the list of lost localities names its community: a `confirmation` of `az` by the losing side (`by` "
          "`ka`), 2020-11-10 as an upper bound; the map's zone already said so.",
          "- **az**: Azerbaijani-held as the map says, by the area's sources (every Hadrut-region village but the Khtsaberd-Hin "
          "Tagher pocket was lost by 9-10 Nov 2020; the pocket on 12-14 Dec 2020); no row.",
          "- **undecided**: nothing found; no row, the map's zone decides.", "",
          "| place | name | decision | row | sources |", "|---|---|---|---|---|"]
    src_urls = lambda keys: ", ".join(f"<{G_SRC[k][1]}>" for k in keys)
    for wid, name, *_ in G_KA + G_AZ:
        e = g_rows[wof_place_g[wid]]
        dec = "ka" if e["controller"] == "ka" else "az (row)"
        L.append(f"| `{e['place']}` | {name} | {dec} | {e['kind']} {e['date']} | "
                 + ", ".join(f"<{s_['url']}>" for s_ in e["sources"]) + " |")
    for wid, name, dec, reason, keys in G_NOROW:
        L.append(f"| `{wof_place_g[wid]}` | {name} | {dec}: {reason} | none | {src_urls(keys) or '(none found)'} |")
    L += ["", "Msmna and the 16 Oct 2020 claim: the claim row `2020-10-16-khojavend-aghbulag-claim-azerbaijan` is matched "
          "(exact name) to WOF 1209749091, Msmna in the Martuni region, 24-27 km north-west of the other two villages of that tweet, "
          "Akhullu and Khirmanjig. WOF 1226473199, the Hadrut-region Ağbulaq (Armenian Aknaghbyur), lies 1.2 km from Akhullu and "
          "1.8 km from Khirmanjig and is in the list of lost communities: the tweet most probably meant it. The claim row is kept "
          "as it is (a fix belongs in `aliases.csv` of the shared facts); the assessment of Msmna ends the unconfirmed claim on "
          "10 Nov 2020, and the confirmation of WOF 1226473199 cites the claim.", ""]

    L += ["## Contradictions kept", "", "### Places announced as taken on more than one date", "",
          "The engine takes rows in date order (\"earliest date for taken by\"); the later row stays, with the note "
          "\"Repeat of the announcement of DATE\".", "", "| place | first | repeat |", "|---|---|---|"]
    for place, first, later in repeats:
        L.append(f"| `{place}` ({place_name[place]}) | {first['id']} | {later['id']} |")
    L += ["", "### Places whose rows disagree about the controller", "", "| place | rows (date kind by → controller) |", "|---|---|"]
    for place, es in sorted(csv_places.items()):
        if len({e["controller"] for e in es}) > 1:
            L.append(f"| `{place}` | " + "; ".join(f"{e['date']} {e['kind']} {e['by']} → {e['controller']}"
                                                    for e in sorted(es, key=lambda e: (e['date'], e['id']))) + " |")
    L += ["", "Talish: its last row is the Armenian counterclaim of 12 Oct 2020 (`ka`); no later row says who held it at the "
          "ceasefire (it was Azerbaijani after 10 Nov 2020 on the map), so an engine that follows rows alone keeps it `ka`.", "",
          "### Same WOF record under two names", ""]
    multi = [(p, es) for p, es in sorted(csv_places.items()) if len({by_name for by_name in (e["id"].split("-", 4)[4].rsplit("-claim", 1)[0] for e in es if e["kind"] == "claim")}) > 1]
    for p, es in multi:
        L.append(f"- `{p}`: " + ", ".join(e["id"] for e in es if e["kind"] == "claim"))
    L.append("")

    L += ["## Evidence at the grain of settlements (evidence.json)", "",
          "`assets/karabakh/evidence.json` holds dated statements about single places, each with its sources: who said that a "
          "place was taken (`claim`), that it was not (`denial`), that it was still held (`counterclaim`), who confirmed it "
          "(`confirmation`), transfers under an agreement (`handover`), and sourced statements of who held a place where the "
          "map's zone is known to be wrong (`assessment`). Built by `tools/build_evidence.py` (report: `data/evidence_report.md`) "
          "from the capture-date tables of the shared facts folder, copied to `data/reference/captures/` by "
          "`tools/import_reference.py --facts`.", "",
          "- **Sources.** Every row cites the page it was read from. For 2020 almost every row (97 %) is an Azerbaijani "
          "announcement (President Aliyev's tweets and addresses, the Azerbaijani MoD): a date is \"announced by X on\", not an "
          "established fact, and the application shows who said it. Armenian-side statements exist for five places "
          "(Hadrut, Talish, Shusha, Hin Tagher, Khtsaberd), neutral ones for Hadrut (Bellingcat / BBC / DFRLab) and Stepanakert (AP).",
          "- **Places** are matched to Who's On First localities (CC0; GeoNames-derived fields CC BY 4.0, \"GeoNames (geonames.org)\") "
          "by name, with a hand-made alias table; rows naming a village not found in WOF, a district or a landmark are left out "
          f"({len(unmatched)} of {len(rows)}). Some identifications are only probable; their note says so.",
          "- **Rules, not sources.** Where no village-level statement exists, rows are generated by stated rules, each saying so in "
          "its note: the district handovers of 20 Nov (Aghdam), 25 Nov (Kalbajar) and 1 Dec 2020 (Lachin) for every settlement of the "
          "part still held; 10 Nov 2020 as an upper bound for the unannounced places of the 1994-held parts of Fuzuli, Jabrayil, "
          "Zangilan and Qubadli; 20 Sep 2023 for the area the NKR still held (inside Natural Earth's coarse 2020 polygon); "
          "and assessments for the Araz-valley villages held 1993–2020 that Natural Earth's 1994 polygon misses, for Jojug "
          "Marjanli, held by Azerbaijan from 6 Jan 1994 (English Wikipedia), and for the NKAO villages that Natural Earth's 2020 "
          "polygon misses but that sources show Armenian-held until 2023 (Karmir Shuka, Machkalashen, Skhtorashen, Nerkin "
          "Taghavard, Amaras; and Msmna, which Azerbaijan's announcement of an \"Aghbulag\" on 16 Oct 2020 was matched to).",
          "- **Contradictions are kept**: a place announced on two dates keeps both rows (the later one is marked as a repeat), and "
          "denials and counterclaims stay next to the claims they answer.",
          "- **Known gaps.** The 2020 table misses several announcement days (see the README of the capture tables); of the 30 "
          "NKAO villages outside Natural Earth's 2020 polygon without a 2020 claim, rule (g) found "
          f"{sum(e['controller'] == 'ka' for e in generated['g']) - 1} held by the Armenian side until 2023 (that line's "
          f"errors), {sum(e['controller'] == 'az' for e in generated['g'])} named in the Armenian list of lost localities, "
          f"{sum(d == 'az' for _, _, d, _, _ in G_NOROW)} lost by their area's sources and "
          f"{sum(d == 'undecided' for _, _, d, _, _ in G_NOROW)} undecided (Bilbilyak, Tukhnakal, Gevorgavan); the "
          "Lachin-corridor villages other than Lachin town, Zabukh and Sus have no village-level date; WOF has near-duplicate and "
          "crossed-name records (the two Sirik points).",
          "- **Licence.** Dates and names are facts, each cited by URL; coordinates come from Who's On First (CC0) and "
          "GeoNames (CC BY 4.0).", ""]
    with open(REPORT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L))


if __name__ == "__main__":
    main()
