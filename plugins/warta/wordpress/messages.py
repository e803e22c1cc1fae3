"""What ``invoke import-wordpress`` says, in the staff's language (``WARTA_MESSAGES_LANG``):
the people who move a library's WordPress site in are library staff, so its errors, its
progress and its report (``impor-wordpress-laporan.md``) are Indonesian. English is not
written yet: another language falls back to Indonesian (``text``).

Every key is one that warta.wordpress raises (``WordPressError(key, **values)``) or writes.
"""

from warta.facts import message

MESSAGES = {
    "id": {
        # Errors: nothing was written.
        "no_file": "Berkas ekspor {path} tidak ada. Ekspor dulu dari WordPress: Alat > Ekspor > "
        "Semua konten > Unduh berkas ekspor.",
        "broken_xml": "{path} bukan berkas XML yang utuh (baris {line}): {detail}. Unduh ulang "
        "berkas ekspor dari WordPress; jangan dibuka dan disimpan dengan program lain.",
        "not_wxr": "{path} bukan berkas ekspor WordPress (WXR). Gunakan berkas dari WordPress: "
        "Alat > Ekspor > Semua konten.",
        "no_uploads": "Folder foto {path} tidak ada. Salin folder wp-content/uploads dari "
        "server WordPress, lalu sebutkan dengan --uploads FOLDER.",
        "no_content": "Folder konten {path} tidak ada.",
        "bad_category_table": "Di pelicanconf.py, WARTA_WORDPRESS_CATEGORIES mengarahkan "
        '"{name}" ke "{value}", padahal itu bukan kategori situs ini. Pilih salah satu dari '
        "WARTA_CATEGORIES ({choices}), atau None bila tulisan dengan kategori itu tidak "
        "punya kategori sendiri.",
        # Progress and summary in the terminal.
        "reading": "Membaca {path}…",
        "progress": "… {done} dari {total} tulisan",
        "summary": "Impor selesai: {articles} artikel ({drafts} draf, {future} terjadwal), "
        "{pages} halaman, {pairs} pasangan terjemahan, {photos} foto dan {files} dokumen disalin.",
        "summary_skipped": "Dilewati: {private} privat, {existing} sudah ada (tidak ditimpa), "
        "{other} lainnya (tempat sampah, revisi, menu…).",
        "summary_todo": "Perlu diputuskan: {todo} hal. Baca laporannya: {report}",
        "summary_redirects": "Alamat lama: {added} baru ditulis di {path}.",
        "summary_redirects_kept": "{kept} alamat lama sudah ada di berkas itu sebelum impor ini "
        "dan tidak diubah: {same} sudah menuju tempat yang sama (dari impor sebelumnya atau "
        "ditulis sendiri), {other} menuju tempat lain (lihat laporannya).",
        "summary_before": "Perhatian: content/articles/ sudah berisi {count} artikel sebelum "
        "impor ini (misalnya {examples}). Jika itu artikel contoh situs ini, hapus; tidak ada "
        "yang dihapus otomatis (lihat laporannya).",
        "summary_own_address": "Perhatian: situs ini masih memakai alamat dan data perpustakaan "
        'contoh. Tulis SITEURL = "{old}" di publishconf.py dan data perpustakaan Anda di '
        "pelicanconf.py (lihat laporannya).",
        "summary_previous": "Laporan impor sebelumnya tidak ditimpa: disimpan sebagai {previous}.",
        "next": "Langkah berikutnya: invoke check, lalu invoke serve untuk melihat hasilnya.",
        # The report.
        "report_title": "# Laporan impor WordPress",
        "report_intro": "Dari `{export}` ({site}), {when}. Artikel dan halaman ditulis di "
        "`content/`; alamat lama di `{redirects}`. Laporan ini tidak diterbitkan.",
        "previous_report": "Laporan impor sebelumnya (dengan hal-hal yang mungkin belum "
        "Anda selesaikan) disimpan sebagai `{previous}`.",
        "h_summary": "## Ringkasan",
        "row": "| {what} | {count} |",
        "c_articles": "artikel diimpor",
        "c_drafts": "… di antaranya draf (`Status: draft`)",
        "c_future": "… di antaranya terjadwal (terbit saat situs dibangun pada tanggalnya)",
        "c_pages": "halaman diimpor",
        "c_pairs": "pasangan terjemahan {languages} (Polylang)",
        "c_photos": "foto disalin",
        "c_missing": "foto hilang",
        "c_files": "dokumen disalin (PDF, DOCX, XLSX...)",
        "c_private": "tulisan privat dilewati",
        "c_foreign": "tulisan dalam bahasa yang tidak ada di situs ini dilewati",
        "c_existing": "berkas sudah ada, tidak ditimpa",
        "c_other": "lainnya dilewati (tempat sampah, draf otomatis, revisi, menu, dll.)",
        "c_redirects": "alamat lama baru di redirects.csv",
        "c_redirects_kept": "alamat lama yang sudah ada di redirects.csv, tidak diubah",
        "h_todo": "## Yang perlu diputuskan",
        "no_todo": "Tidak ada.",
        "todo_category": "Kategori WordPress **{name}** tidak ada di WARTA_WORDPRESS_CATEGORIES "
        "(pelicanconf.py): {count} tulisan mendapat kategori `{default}` dan tag `{tag}`: "
        "{files}. Jika kategorinya kurang tepat, ubah baris `Category:` di berkas-berkas itu "
        "(jangan impor ulang dengan --force: itu menimpa artikel yang sudah Anda ubah).",
        "todo_pair_category": "`{file}`: di WordPress terjemahan ini berkategori `{theirs}`, "
        "aslinya `{ours}`; diberi `{ours}` agar pasangan ini satu kategori.",
        "todo_alt": "`{file}`: foto `{photo}` tidak punya deskripsi (alt) di WordPress; "
        'dipakai "{alt}". Periksa apakah itu menggambarkan isi foto.',
        "todo_missing": "`{file}`: foto `{url}` tidak ada di folder uploads; tidak dimuat "
        "(ditandai `<!-- foto hilang -->` di artikel). Cari fotonya, simpan di `{folder}/` "
        "dan tulis lagi di artikel.",
        "todo_unsafe_upload": "`{file}`: alamat `{url}` menunjuk ke luar folder uploads "
        "(dengan `..`, garis miring terbalik, atau pintasan ke folder lain); demi keamanan "
        "berkasnya tidak disalin dan tautannya dibiarkan. Jika berkas itu memang milik "
        "situs lama, simpan sendiri di `{folder}/` lalu tautkan.",
        "todo_unpublished": "`{file}`: berkas `{name}` ({url}) bukan foto atau dokumen yang "
        "diterbitkan situs ini (foto: JPG, PNG, WebP...; dokumen: PDF, Word, Excel, "
        "PowerPoint, OpenDocument); tidak disalin, tautannya masih ke situs lama. Unggah "
        "berkasnya di tempat lain (misalnya Google Drive) dan ganti tautannya, atau hapus.",
        "todo_gallery_missing": "`{file}`: galeri WordPress menyebut foto nomor {id}, tetapi "
        "foto itu tidak ada di berkas ekspor; galeri ditulis tanpa foto itu. Jika fotonya "
        "ada, simpan di folder foto artikel dan tambahkan di galeri.",
        "todo_date_modified": "`{file}`: draf ini belum pernah diberi tanggal terbit di "
        "WordPress; diberi tanggal perubahan terakhirnya, {date}. Ubah `Date:` sebelum terbit.",
        "todo_date_now": "`{file}`: draf ini tidak punya tanggal sama sekali di WordPress; "
        "diberi waktu impor, {date}. Ubah `Date:` sebelum terbit.",
        "todo_timezone": "Jam tulisan di WordPress memakai zona waktu {theirs}, sedangkan situs "
        'ini memakai `TIMEZONE = "{zone}"` ({ours}) di pelicanconf.py. Tanggal diambil dari '
        "waktu GMT WordPress sehingga tetap benar, tetapi jam yang tertulis di artikel "
        "bergeser. Jika perpustakaan memang di zona {theirs}, ubah TIMEZONE lalu impor ulang "
        "ke folder content/ yang kosong.",
        "todo_external": "`{file}`: gambar dari situs lain `{url}` dijadikan tautan. Simpan "
        "fotonya di `{folder}/` jika boleh dipakai.",
        "todo_slug": "`{file}`: slug `{wanted}` sudah dipakai; diberi `{slug}`. Alamat lama "
        "tetap diarahkan ke sini.",
        "todo_missing_file": "`{file}`: berkas `{url}` tidak ada di folder uploads; tautannya "
        "masih ke situs lama, yang akan hilang. Cari berkasnya, simpan di `{folder}/` dan "
        "ubah tautannya menjadi `{{static}}NAMA-FOLDER/nama-berkas`.",
        "todo_hidden_link": "`{file}`: tautan `{url}` menuju tulisan WordPress yang {why}; "
        "alamat lamanya dibiarkan dan akan mati setelah pindah. Hapus tautannya atau ganti.",
        "why_private": "privat (tidak diimpor)",
        "why_skipped": "ada di tempat sampah atau bukan tulisan (tidak diimpor)",
        "why_draft": "masih draf di sini (`Status: draft`)",
        "why_future": "terjadwal, belum terbit",
        "todo_old_link": "`{file}`: tautan `{url}` menuju situs lama, tetapi bukan tulisan, "
        "halaman, kategori, tag atau dokumen yang diimpor; alamat itu akan mati setelah "
        "pindah. Ganti atau hapus tautannya.",
        "todo_own_address": "Situs lama beralamat **{old}**. Agar tautan lama (mesin pencari, "
        "grup WhatsApp, situs lain) sampai ke situs baru, situs baru harus tinggal di alamat "
        'yang sama: tulis `SITEURL = "{old}"` di `publishconf.py` (sekarang `{siteurl}`), dan '
        'di sana juga server Anda di `WARTA_DEPLOY["host"]`. Isi nama dan data perpustakaan '
        "Anda di `pelicanconf.py` (`SITENAME`, `AUTHOR`: penulis artikel tanpa `Author:`, "
        "`WARTA_LIBRARY`: alamat, telepon, jam layanan), lalu tulis "
        "`WARTA_SAMPLE_DETAILS = False`.",
        "todo_before": "Sebelum impor ini, `content/articles/` sudah berisi {count} artikel "
        "yang tidak berasal dari berkas ekspor ini: {files}. Jika itu artikel contoh yang "
        "datang bersama situs ini, hapus berkasnya beserta folder fotonya, juga "
        "`content/pages/tentang.md` dan `about.md` bila belum diganti dengan teks perpustakaan "
        "Anda. Tidak ada yang dihapus otomatis.",
        "todo_about_page": '`WARTA_LIBRARY["about_page"]` di `pelicanconf.py` menyebut halaman '
        "`{slug}`, tetapi `content/pages/` tidak punya halaman dengan Slug itu, sehingga data "
        "perpustakaan (alamat, jam layanan) tidak tampil di halaman mana pun. Tulis di sana "
        "Slug halaman profil perpustakaan Anda (halaman yang diimpor: {pages}), atau buat "
        "halaman `content/pages/{slug}.md`.",
        "todo_redirect_taken": "Alamat lama `{old}` sudah ada di `{csv}` sebelum impor ini, "
        "menuju `{theirs}`; impor ingin mengarahkannya ke `{ours}`. Baris lama dibiarkan: jika "
        "itu baris contoh situs ini, hapus barisnya lalu impor ulang.",
        "todo_shortcode": "`{file}`: kode pendek WordPress `{code}` tidak dikenal; tetap "
        "tertulis sebagai teks. Ganti atau hapus.",
        "todo_no_principle": "`{file}`: tulisan ini tidak punya kategori atau tag WordPress yang "
        "menyebut salah satu dari tujuh asas; tambahkan satu di Tags.",
        "h_articles": "## Per artikel",
        "article_line": "### {title}\n\n`{file}` (WordPress {kind} {id}, {status})",
        "status_publish": "terbit",
        "status_draft": "draf",
        "status_future": "terjadwal: terbit saat situs dibangun pada atau setelah {date}",
        "kind_post": "tulisan",
        "kind_page": "halaman",
        "translation_of": "- Terjemahan bahasa {language} dari `{file}`.",
        "sticky": "- Disematkan (sticky) di WordPress: situs ini tidak punya penyematan; "
        "pertimbangkan menyebutnya di beranda.",
        "comments": "- {count} komentar di WordPress (tidak diimpor).",
        "suggestions": "- Saran data kegiatan (ditemukan di teks; jika benar, salin ke "
        "baris-baris di atas artikel, sebelum baris kosong pertama; jika tidak, abaikan):",
        "suggestion": "  - `{field}: {value}`",
        "h_skipped": "## Dilewati",
        "private": '- Privat, tidak pernah diterbitkan: "{title}" (WordPress {id}).',
        "foreign": '- "{title}" (WordPress {id}): bahasa `{lang}` tidak ada di situs ini '
        "(WARTA_LANGUAGES di pelicanconf.py); tidak diimpor.",
        "existing": "- Sudah ada, tidak ditimpa: `{file}`. Jangan impor ulang dengan --force "
        "bila berkas itu sudah Anda ubah: --force menimpanya dengan versi WordPress dan "
        "perubahan Anda hilang. --force hanya tepat bila belum ada yang diubah sejak impor "
        "sebelumnya (misalnya setelah mengubah WARTA_WORDPRESS_CATEGORIES).",
        "skipped_kind": "- {count} × {kind}",
        "kind_revision": "revisi",
        "kind_nav_menu_item": "menu",
        "kind_post_trash": "tulisan di tempat sampah",
        "kind_page_trash": "halaman di tempat sampah",
        "kind_post_auto_draft": "draf otomatis WordPress",
        "kind_page_auto_draft": "draf otomatis WordPress (halaman)",
        "kind_post_inherit": "revisi tulisan",
        "kind_page_inherit": "revisi halaman",
        "kind_custom_css": "CSS tambahan tema",
        "kind_customize_changeset": "perubahan tampilan tema",
        "kind_wp_block": "blok pakai-ulang",
        "kind_wp_template": "templat tema",
        "kind_wp_template_part": "bagian templat tema",
        "kind_wp_global_styles": "gaya tema",
        "kind_wp_navigation": "menu",
        "kind_oembed_cache": "tembolok sematan",
        # The redirects file.
        "redirects_header": "# Alamat lama situs WordPress -> alamat baru (invoke import-wordpress)."
        " Boleh diubah.",
        "redirects_post": "# WordPress {id}: {title}",
        "redirects_terms": "# WordPress: kategori, tag, feed",
        # In the article.
        "missing_comment": "<!-- foto hilang: {url} -->",
        "untitled": "Tanpa judul",
    },
}


def text(lang: str, key: str, /, **values) -> str:
    """The message ``key`` in ``lang`` (Indonesian for a language without messages)."""
    return message(MESSAGES, lang, "id", key, **values)
