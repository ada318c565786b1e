"""Vietnamese for the notes of data/reference/captures/captures_2020.csv that tools/build_evidence.py
carries into assets/karabakh/evidence.json.

Keys are the CSV note exactly as written (the part before "; match: ..."), or the "match: ..." part
for rows whose identification is only probable or uncertain. tools/build_evidence.py stops when a
note it needs has no entry here, so a new CSV note must be translated before the rebuild.
Vietnamese conventions: dates as 9/10 or 9/10/2020, thousands with ".", decimals with ",".
"""

VI = {
    'MoD briefing; the article says seven villages but names six':
        "Họp báo của Bộ Quốc phòng; bài báo nói bảy làng nhưng chỉ nêu tên sáu.",
    "match: aliases.csv: Kənd Horadiz ('village Horadiz') is distinct from Horadiz town (held by Azerbaijan since 1994); WOF has a second 'Horadiz' 9 km west of the town":
        "Nhận diện: Kənd Horadiz (“làng Horadiz”) khác với thị trấn Horadiz (do Azerbaijan nắm giữ từ năm 1994); WOF có một điểm “Horadiz” thứ hai cách thị trấn 9 km về phía tây.",
    'flag raised in Madagiz and the village renamed Sugovushan on 3 Oct (tweet); today.az is the 2021 anniversary article':
        "Ngày 3/10, cờ được kéo lên ở Madagiz và làng được đổi tên thành Sugovushan (theo tweet); bài của today.az là bài kỷ niệm năm 2021.",
    'tweet of Saturday 3 Oct quoted by ukr.life':
        "Tweet ngày thứ Bảy 3/10, được ukr.life trích dẫn.",
    "tweet quoted in Turkish ('bugün'; the day after Jabrayil city); spellings normalised":
        "Tweet được trích bằng tiếng Thổ Nhĩ Kỳ (“bugün” – hôm nay; một ngày sau thành phố Jabrayil); cách viết tên đã được chuẩn hóa.",
    "news24.az spells 'Yuxarı Güzdək', ictimaixeber.az 'Yuxarı Güzlək'":
        "news24.az viết “Yuxarı Güzdək”, ictimaixeber.az viết “Yuxarı Güzlək”.",
    "MoD spokesman Artsrun Hovhannisyan ('I am in Hadrut') and NKR spokesman V. Poghosyan deny the Azerbaijani claim of the same day":
        "Người phát ngôn Bộ Quốc phòng Artsrun Hovhannisyan (“Tôi đang ở Hadrut”) và người phát ngôn NKR V. Poghosyan bác bỏ tuyên bố của Azerbaijan cùng ngày.",
    'address to the nation, 9 Oct. Denied by the Armenian side the same day; see the denial and counterclaim rows':
        "Bài phát biểu trước quốc dân ngày 9/10. Phía Armenia bác bỏ ngay trong ngày; xem các dòng bác bỏ và phản bác.",
    'Chayli, Tartar district (former Mardakert district of the NKAO)':
        "Chayli, huyện Tartar (trước đây thuộc huyện Mardakert của NKAO).",
    'A. Hovhannisyan: Hadrut fully controlled by Armenian forces':
        "A. Hovhannisyan: Hadrut hoàn toàn do lực lượng Armenia kiểm soát.",
    'A. Hovhannisyan: Talish fully controlled by Armenian forces (Azerbaijani claim: 3 Oct)':
        "A. Hovhannisyan: Talish hoàn toàn do lực lượng Armenia kiểm soát (Azerbaijan tuyên bố chiếm ngày 3/10).",
    "tweet of Thursday 15 Oct (easternherald 16 Oct; anews 16 Oct: 'On Thursday')":
        "Tweet ngày thứ Năm 15/10 (easternherald ngày 16/10; anews ngày 16/10: “hôm thứ Năm”).",
    'match: aliases.csv: the only Doşulu in WOF; GeoNames and NE put it in Fuzuli district while the tweet says Jabrayil':
        "Nhận diện: Doşulu duy nhất trong WOF; GeoNames và NE xếp làng vào huyện Fuzuli, còn tweet nói Jabrayil.",
    "mirror of Bellingcat 'An Execution in Hadrut' (15 Oct 2020): geolocated videos of Azerbaijani soldiers in the northern outskirts and a square of the town":
        "Bản sao bài “An Execution in Hadrut” của Bellingcat (15/10/2020): các video đã được xác định vị trí cho thấy binh sĩ Azerbaijan ở ngoại ô phía bắc và tại một quảng trường của thị trấn.",
    'tweet of Friday 16 Oct':
        "Tweet ngày thứ Sáu 16/10.",
    "tweet of Monday 19 Oct (Daily Sabah: 'said Monday'); spellings normalised from Daily Sabah / tgrthaber":
        "Tweet ngày thứ Hai 19/10 (Daily Sabah: “cho biết hôm thứ Hai”); cách viết tên chuẩn hóa theo Daily Sabah / tgrthaber.",
    'Yukhari Abdurrahmanli was also named by the MoD on 27 Sep':
        "Bộ Quốc phòng cũng đã nêu tên Yukhari Abdurrahmanli ngày 27/9.",
    'Fughanli is in the Anadolu/aNews and abzas.org lists, not in Azernews':
        "Fughanli có trong danh sách của Anadolu/aNews và abzas.org, không có trong Azernews.",
    'Gunashli: former name Norashen (abzas.org)':
        "Gunashli: tên cũ là Norashen (abzas.org).",
    "Anadolu text of 'Wednesday' (alaturka.us); Kommersant gives the same counts (3 Fuzuli, 5 Jabrayil, 13 villages and 1 settlement in Zangilan) the day after 'yesterday, 20 October'":
        "Bản tin Anadolu “thứ Tư” (alaturka.us); Kommersant đưa cùng các con số (3 ở Fuzuli, 5 ở Jabrayil, 13 làng và 1 khu dân cư ở Zangilan) vào hôm sau, “hôm qua, 20 tháng 10”.",
    "Anadolu text of 'Wednesday' (alaturka.us); Kommersant gives the same counts (3 Fuzuli, 5 Jabrayil, 13 villages and 1 settlement in Zangilan) the day after 'yesterday, 20 October'; Hajili (Jabrayil) also on 19 Oct":
        "Bản tin Anadolu “thứ Tư” (alaturka.us); Kommersant đưa cùng các con số (3 ở Fuzuli, 5 ở Jabrayil, 13 làng và 1 khu dân cư ở Zangilan) vào hôm sau, “hôm qua, 20 tháng 10”; Hajili (Jabrayil) cũng được nêu ngày 19/10.",
    "Anadolu text of 'Wednesday' (alaturka.us); Kommersant gives the same counts (3 Fuzuli, 5 Jabrayil, 13 villages and 1 settlement in Zangilan) the day after 'yesterday, 20 October'; Uchunju Aghali is listed again on 28 Oct":
        "Bản tin Anadolu “thứ Tư” (alaturka.us); Kommersant đưa cùng các con số (3 ở Fuzuli, 5 ở Jabrayil, 13 làng và 1 khu dân cư ở Zangilan) vào hôm sau, “hôm qua, 20 tháng 10”; Uchunju Aghali lại có trong danh sách ngày 28/10.",
    "Azernews 2024 anniversary article; the tweet was quoted on 22 Oct 2020 by Turkish outlets (trthaber 23 Oct: 'dünkü')":
        "Bài kỷ niệm năm 2024 của Azernews; tweet được các báo Thổ Nhĩ Kỳ trích dẫn ngày 22/10/2020 (trthaber ngày 23/10: “dünkü” – hôm qua).",
    "match: aliases.csv: WOF has two Sirik points with crossed names: 1293079953 (name_az Sirik, wof:name 'Asagi Sirik') and 1209089751 (name_az Aşağı Sirik, wof:name 'Sirik'); matched by name_az":
        "Nhận diện: WOF có hai điểm Sirik với tên bị tráo: 1293079953 (name_az Sirik, wof:name “Asagi Sirik”) và 1209089751 (name_az Aşağı Sirik, wof:name “Sirik”); ghép theo name_az.",
    "Azernews 2024 anniversary article; the tweet was quoted on 22 Oct 2020 by Turkish outlets (trthaber 23 Oct: 'dünkü'); Bartaz (village) here, Bartaz (settlement) again on 9 Nov":
        "Bài kỷ niệm năm 2024 của Azernews; tweet được các báo Thổ Nhĩ Kỳ trích dẫn ngày 22/10/2020 (trthaber ngày 23/10: “dünkü” – hôm qua); ở đây là Bartaz (làng), Bartaz (khu dân cư) lại được nêu ngày 9/11.",
    "match: aliases.csv: Kənd Zəngilan ('village Zangilan'); WOF's second 'Zəngilan' point 4 km SE of Zangilan town (the town is WOF 890445283)":
        "Nhận diện: Kənd Zəngilan (“làng Zangilan”); điểm “Zəngilan” thứ hai của WOF, cách thị trấn Zangilan 4 km về phía đông nam (thị trấn là WOF 890445283).",
    "match: aliases.csv: WOF 'Tatar' at 39.163 N 46.701 E near the Zangilan-Qubadli line (GeoNames admin1 Qubadli); the other WOF Tatar is in Jabrayil/Khojavend":
        "Nhận diện: điểm “Tatar” của WOF ở 39,163 B 46,701 Đ, gần ranh giới Zangilan–Qubadli (GeoNames admin1: Qubadli); điểm Tatar còn lại của WOF nằm ở Jabrayil/Khojavend.",
    'tweet dated 23 Oct 2020 (embedded in trthaber, Azerbaijani original text); Qubadli names from linehaber':
        "Tweet đề ngày 23/10/2020 (nhúng trong trthaber, nguyên văn tiếng Azerbaijan); tên các làng ở Qubadli lấy từ linehaber.",
    "match: aliases.csv: WOF record 'Vaysalli' has name_az Göyərçin Veysəlli, which was announced separately on 19 Oct; Veysəlli (23 Oct) may be a different village":
        "Nhận diện: bản ghi WOF “Vaysalli” có name_az Göyərçin Veysəlli, làng đã được công bố riêng ngày 19/10; Veysəlli (23/10) có thể là một làng khác.",
    'date as in the anniversary articles (25 Oct). Contemporaneous reports put the tweet and the address on 26 Oct (azernews.az/nation/171411.html, 26 Oct 13:45; dialog.ua 26 Oct 09:59); see the 26 Oct row for Qubadli city; Chalabilar is named again on 9 Nov':
        "Ngày theo các bài kỷ niệm (25/10). Các bản tin cùng thời ghi tweet và bài phát biểu vào ngày 26/10 (azernews.az/nation/171411.html, 26/10 lúc 13:45; dialog.ua 26/10 lúc 09:59); xem dòng ngày 26/10 của thành phố Qubadli; Chalabilar lại được nêu ngày 9/11.",
    'date as in the anniversary articles (25 Oct). Contemporaneous reports put the tweet and the address on 26 Oct (azernews.az/nation/171411.html, 26 Oct 13:45; dialog.ua 26 Oct 09:59); see the 26 Oct row for Qubadli city':
        "Ngày theo các bài kỷ niệm (25/10). Các bản tin cùng thời ghi tweet và bài phát biểu vào ngày 26/10 (azernews.az/nation/171411.html, 26/10 lúc 13:45; dialog.ua 26/10 lúc 09:59); xem dòng ngày 26/10 của thành phố Qubadli.",
    "match: aliases.csv: Zangilan has two Alıbəyli in WOF; Ikinji (second) Alibayli matches 1226080047 ('Ikinçi Alybəyli'); this is the other one":
        "Nhận diện: Zangilan có hai điểm Alıbəyli trong WOF; Ikinji (thứ hai) Alibayli ứng với 1226080047 (“Ikinçi Alybəyli”); đây là điểm còn lại.",
    'contemporaneous date of the same announcement (tweet reported 26 Oct 09:59 Kyiv time; address 26 Oct); the villages of the list are not repeated here':
        "Ngày cùng thời của chính thông báo đó (tweet được đưa tin lúc 09:59 ngày 26/10 giờ Kyiv; bài phát biểu ngày 26/10); các làng trong danh sách không được lặp lại ở đây.",
    "undated repost; the date 28 Oct comes from ru.wikipedia 'Agali III' (mirror perceptioda.com)":
        "Bài đăng lại không ghi ngày; ngày 28/10 lấy từ bài “Agali III” của Wikipedia tiếng Nga (bản sao perceptioda.com).",
    'match: aliases.csv: the only Qaraağac near Jabrayil in WOF (GeoNames and NE: Qubadli district; 12 km from the Jabrayil line)':
        "Nhận diện: Qaraağac duy nhất gần Jabrayil trong WOF (GeoNames và NE: huyện Qubadli; cách ranh giới Jabrayil 12 km).",
    "match: aliases.csv: no 'Güllü' in WOF; Çullu (GeoNames admin1 Jabrayil; a near-duplicate point 1242956677 exists) is the closest name in the district":
        "Nhận diện: WOF không có “Güllü”; Çullu (GeoNames admin1: Jabrayil; có một điểm gần trùng 1242956677) là tên gần nhất trong huyện.",
    "undated repost; the date 28 Oct comes from ru.wikipedia 'Agali III' (mirror perceptioda.com); 'Edlidzha' in the Russian text":
        "Bài đăng lại không ghi ngày; ngày 28/10 lấy từ bài “Agali III” của Wikipedia tiếng Nga (bản sao perceptioda.com); bản tiếng Nga viết “Edlidzha”.",
    "undated repost; the date 28 Oct comes from ru.wikipedia 'Agali III' (mirror perceptioda.com); Zarnali also on 20 Oct, Uchunju Aghali also on 21 Oct":
        "Bài đăng lại không ghi ngày; ngày 28/10 lấy từ bài “Agali III” của Wikipedia tiếng Nga (bản sao perceptioda.com); Zarnali cũng được nêu ngày 20/10, Uchunju Aghali ngày 21/10.",
    'tweet of Saturday 7 Nov (timeturk; noticiabrasil quotes the tweet)':
        "Tweet ngày thứ Bảy 7/11 (timeturk; noticiabrasil trích dẫn tweet).",
    "tweet of Saturday 7 Nov (timeturk; noticiabrasil quotes the tweet); Gazyan = 'Qazyan' (noticiabrasil), 'Gezyan' (timeturk)":
        "Tweet ngày thứ Bảy 7/11 (timeturk; noticiabrasil trích dẫn tweet); Gazyan = “Qazyan” (noticiabrasil), “Gezyan” (timeturk).",
    'NKR leader Arayik Harutyunyan, later: main control lost on 5 Nov, all control on 7 Nov (reported by an Azerbaijani site)':
        "Lãnh đạo NKR Arayik Harutyunyan, nói về sau: mất quyền kiểm soát chính ngày 5/11, mất hoàn toàn ngày 7/11 (do một trang tin Azerbaijan đưa).",
    'the Armenian MoD denied the fall of Shusha on 8 Nov (same article)':
        "Bộ Quốc phòng Armenia bác bỏ việc Shusha thất thủ ngày 8/11 (cùng bài báo).",
    'address of 8 Nov':
        "Bài phát biểu ngày 8/11.",
    "Dilagarda is in the aNews / pravda.com.ua lists; Asgarli = 'Alesgerli' in them":
        "Dilagarda có trong danh sách của aNews / pravda.com.ua; Asgarli được viết là “Alesgerli” ở đó.",
    'second tweet of 9 Nov (aNews: total for Monday 71 villages); names from the Turkish list (AA via etikhaber), transliterated':
        "Tweet thứ hai ngày 9/11 (aNews: tổng cộng 71 làng trong ngày thứ Hai); tên lấy từ danh sách tiếng Thổ Nhĩ Kỳ (AA qua etikhaber), đã chuyển tự.",
    "match: aliases.csv: WOF record with name_az 'Aşağı Küzlək' (its wof:name 'Yukhary Gyuzlyak' is inconsistent); Yukhari Guzlak (9 Oct) matches the other one":
        "Nhận diện: bản ghi WOF có name_az “Aşağı Küzlək” (wof:name “Yukhary Gyuzlyak” của nó không khớp); Yukhari Guzlak (9/10) ứng với bản ghi còn lại.",
    'match: aliases.csv: see Sirik: matched by name_az (Aşağı Sirik)':
        "Nhận diện: xem Sirik; ghép theo name_az (Aşağı Sirik).",
    'second tweet of 9 Nov (aNews: total for Monday 71 villages); names from the Turkish list (AA via etikhaber), transliterated; Chalabilar also on 25 Oct':
        "Tweet thứ hai ngày 9/11 (aNews: tổng cộng 71 làng trong ngày thứ Hai); tên lấy từ danh sách tiếng Thổ Nhĩ Kỳ (AA qua etikhaber), đã chuyển tự; Chalabilar cũng được nêu ngày 25/10.",
    "match: aliases.csv: WOF record named 'Seyudlu' (GeoNames admin1 Jabrayil); its name_az 'Seyidlər' may be a different village":
        "Nhận diện: bản ghi WOF tên “Seyudlu” (GeoNames admin1: Jabrayil); name_az “Seyidlər” của nó có thể là một làng khác.",
    "match: aliases.csv: Turkish 'Aragül' / Russian 'Арагюль' = WOF Arakül (Khojavend); the only similar name":
        "Nhận diện: “Aragül” (tiếng Thổ Nhĩ Kỳ) / “Арагюль” (tiếng Nga) = Arakül của WOF (Khojavend); tên gần giống duy nhất.",
    "second tweet of 9 Nov (aNews: total for Monday 71 villages); names from the Turkish list (AA via etikhaber), transliterated; Chereli = 'Çereli' of the Turkish list (WOF Çərəli)":
        "Tweet thứ hai ngày 9/11 (aNews: tổng cộng 71 làng trong ngày thứ Hai); tên lấy từ danh sách tiếng Thổ Nhĩ Kỳ (AA qua etikhaber), đã chuyển tự; Chereli = “Çereli” trong danh sách tiếng Thổ Nhĩ Kỳ (WOF Çərəli).",
    "Artsakh presidential spokesman Vahram Poghosyan: 'completely out of our control'":
        "Người phát ngôn của tổng thống Artsakh Vahram Poghosyan: “hoàn toàn nằm ngoài tầm kiểm soát của chúng tôi”.",
    'second tweet of 9 Nov (aNews: total for Monday 71 villages); names from the Turkish list (AA via etikhaber), transliterated; Bartaz (village) also on 22 Oct':
        "Tweet thứ hai ngày 9/11 (aNews: tổng cộng 71 làng trong ngày thứ Hai); tên lấy từ danh sách tiếng Thổ Nhĩ Kỳ (AA qua etikhaber), đã chuyển tự; Bartaz (làng) cũng được nêu ngày 22/10.",
    "Azernews's quote says 'in Jabrayil' for these two; aNews and pravda.com.ua say Zangilan":
        "Đoạn trích của Azernews ghi hai làng này “ở Jabrayil”; aNews và pravda.com.ua ghi Zangilan.",
    'lost after the 10 Nov statement (December 2020 clashes); 2020-12-12 is approximate, the article is of 6 Jan 2021':
        "Bị mất sau tuyên bố ngày 10/11 (giao tranh tháng 12/2020); ngày 12/12/2020 là gần đúng, bài báo đề ngày 6/1/2021.",
    'Russian MoD and NKR MoD: Azerbaijani forces entered and took the village; the Azerbaijani MoD denied it':
        "Bộ Quốc phòng Nga và Bộ Quốc phòng NKR: lực lượng Azerbaijan đã tiến vào và chiếm làng; Bộ Quốc phòng Azerbaijan bác bỏ.",
    'Russian MoD: Azerbaijani units withdrawn from Furukh; the Azerbaijani MoD denied withdrawing':
        "Bộ Quốc phòng Nga: các đơn vị Azerbaijan đã rút khỏi Furukh; Bộ Quốc phòng Azerbaijan bác bỏ việc rút quân.",
    'handed over after the new road opened; the town was under Russian peacekeepers 2020-12-01 to 2022-08-25':
        "Được bàn giao sau khi tuyến đường mới thông xe; thị trấn do lực lượng gìn giữ hòa bình Nga kiểm soát từ 1/12/2020 đến 25/8/2022.",
    'reports that the Russian peacekeepers and the Armenian residents had left; a Turkish outlet':
        "Đưa tin rằng lực lượng gìn giữ hòa bình Nga và cư dân người Armenia đã rời đi; một báo Thổ Nhĩ Kỳ.",
    'flag raised by Aliyev (AP report); a flag-raising date, not the date of military control':
        "Aliyev kéo cờ (tin của AP); đây là ngày kéo cờ, không phải ngày kiểm soát quân sự.",
    'flag-raising, not the date of military control':
        "Ngày kéo cờ, không phải ngày kiểm soát quân sự.",
}
