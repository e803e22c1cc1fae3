"""What ``invoke deploy``, ``rollback``, ``releases`` and ``gh-pages`` say, in the staff's
language (``WARTA_MESSAGES_LANG``): the people who put the site online are library staff.

Every key is one that warta.deploy raises (``DeployError(key, **values)``) or that the
tasks say; ``text`` fills in what a value stands for ("live": the release readers still
see; "code": rsync's exit code, in words).
"""

MESSAGES = {
    "id": {
        "building": "Membangun situs produksi (publishconf.py)…",
        "uploading": "Mengunggah ke {target} sebagai rilis baru; berkas yang sama dengan rilis "
        "{previous} tidak dikirim ulang…",
        "uploading_first": "Mengunggah ke {target}; unggahan pertama, semua berkas dikirim…",
        "resuming": "Ada unggahan yang belum selesai di {target}: dilanjutkan.",
        "lock_waiting": "Pengunggahan lain ke {target} sedang berjalan; menunggu sampai selesai…",
        "no_flock": "Peringatan: server {target} tidak punya perintah flock; dua pengunggahan "
        "pada saat yang sama tidak dicegah.",
        "deployed": "Situs tayang: rilis {release} di {target} ({files} berkas; {sent} baru atau "
        "berubah, sisanya sama dengan rilis {previous}). Kembali ke rilis {previous}: "
        "invoke rollback",
        "deployed_first": "Situs tayang: rilis {release} di {target} ({files} berkas). Document "
        "root server web: {current} (README, 'Going live').",
        "reload_nginx": "Pengalihan alamat lama (content/redirects.csv) berubah. Jika server "
        "web {target} memakai nginx, muat ulang nginx agar aturan barunya berlaku: sudo "
        "systemctl reload nginx (README, 'Server configuration'). Apache membaca .htaccess "
        "sendiri, tanpa dimuat ulang.",
        "pruned": "Rilis lama dihapus (disimpan {keep} terakhir): {removed}.",
        "prune_failed": "Peringatan: rilis lama tidak bisa dihapus ({detail}); situs baru sudah "
        "tayang.",
        "rolled_back": "Situs tayang kembali: rilis {now} di {target}. Rilis {was} ditarik dan "
        "dihapus.",
        "releases": "Rilis di {target} (terlama dulu):",
        "release_live": "{release}  <- tayang",
        "no_releases": "Belum ada rilis di {target}.",
        "pages_done": "GitHub Pages: cabang {branch} diperbarui dan dikirim ke {remote} (commit "
        "{commit}). Situs tampil di {siteurl}/ setelah GitHub selesai memprosesnya (biasanya "
        "1-2 menit).",
        "pages_committed": "Cabang {branch} diperbarui (commit {commit}), belum dikirim: "
        "git push {remote} {branch}",
        "pages_cname": "Domain sendiri: berkas CNAME berisi {cname}.",
        "live_release": "masih rilis {release}",
        "live_none": "belum ada situs yang tayang",
        # Errors: nothing went live.
        "build_failed": "Pembangunan gagal: tidak ada yang diunggah, situs yang tayang tidak "
        "berubah.",
        "sample_details": "WARTA_SAMPLE_DETAILS = True (pelicanconf.py): kode pos, telepon, "
        "e-mail, dan letak peta di WARTA_LIBRARY masih contoh yang dikarang untuk situs "
        "percontohan. Ganti dengan data perpustakaan Anda, periksa juga SITEURL dan "
        "WARTA_DEPLOY di publishconf.py, lalu tulis WARTA_SAMPLE_DETAILS = False. Tidak ada "
        "yang dibangun atau diunggah.",
        "setting_not_dict": "WARTA_DEPLOY di publishconf.py harus berupa dict, misalnya "
        '{{"host": "perpustakaan.contoh.go.id", "user": "warta", "path": "/var/www/warta"}}.',
        "setting_unknown": "WARTA_DEPLOY: kunci '{key}' tidak dikenal. Kunci yang ada: {known}.",
        "setting_unknown_hint": "WARTA_DEPLOY: kunci '{key}' tidak dikenal. Maksud Anda "
        "'{hint}'? Kunci yang ada: {known}.",
        "no_target": "Tujuan unggahan belum diatur: isi WARTA_DEPLOY di publishconf.py (host, "
        "user, path), atau beri --path (dan --host) pada invoke deploy.",
        "setting_tilde": "WARTA_DEPLOY path '{path}': tulis tanpa '~'. Jalur yang tidak diawali / "
        "dihitung dari folder rumah di server: '{bare}'.",
        "setting_path": "WARTA_DEPLOY path '{path}' hanya boleh berisi huruf, angka, titik, "
        "garis bawah, tanda hubung, tanda plus dan garis miring (tanpa spasi).",
        "setting_number": "WARTA_DEPLOY['{key}'] = {value}: harus bilangan bulat, paling kecil "
        "{least}.",
        "no_siteurl": "SITEURL di publishconf.py kosong: isi dengan alamat publik situs, misalnya "
        "https://perpustakaan.contoh.go.id",
        "no_site": "Tidak ada hasil pembangunan di {folder}/: jalankan perintah ini tanpa "
        "--no-build (atau invoke publish dulu).",
        "preview_build": "{folder}/ berisi pratinjau (draf ikut tampil), bukan situs produksi: "
        "tidak diunggah. Jalankan perintah ini tanpa --no-build.",
        "not_production": "{folder}/ bukan hasil pembangunan produksi untuk {expected} (alamat "
        "beranda di dalamnya: {found}; hasil invoke build memakai tautan relatif): tidak "
        "diunggah. Jalankan perintah ini tanpa --no-build.",
        "no_rsync_here": "rsync belum terpasang di komputer ini. Pasang dulu, misalnya: "
        "sudo apt install rsync",
        "no_rsync_there": "rsync belum terpasang di server {target}. Minta pengelola server "
        "memasangnya, atau lihat README bagian cPanel tanpa SSH.",
        "no_connection": "Tidak bisa tersambung ke {target}: {detail}. Periksa host, user, port "
        "dan kunci SSH (WARTA_DEPLOY di publishconf.py). Situs yang tayang tidak berubah.",
        "host_unknown": "Komputer ini belum mengenal kunci server {target} ({detail}). Sambungkan "
        "sekali dengan ssh (ssh -p PORT user@host), periksa sidik jarinya dengan pengelola "
        "server, lalu ulangi. Di CI: isi rahasia WARTA_SSH_KNOWN_HOSTS.",
        "no_folder": "Folder {target} tidak bisa dibuat atau dibuka: {detail}.",
        "server_failed": "Perintah di {target} gagal: {detail}. Situs yang tayang tidak berubah.",
        "current_is_folder": "{path} adalah folder biasa, bukan tautan (symlink) ke sebuah rilis. "
        "Pindahkan dulu (misalnya: mv current current.lama), arahkan document root server web "
        "ke {path}, lalu ulangi.",
        "upload_failed": "Unggahan gagal (rsync berhenti dengan kode {code}: {reason}). Situs "
        "yang tayang tidak berubah: {live}. Yang sudah terunggah disimpan; invoke deploy "
        "berikutnya melanjutkannya.",
        "interrupted": "Unggahan dihentikan. Situs yang tayang tidak berubah: {live}. Yang "
        "sudah terunggah disimpan; invoke deploy berikutnya melanjutkannya.",
        "stopped": "Dihentikan. Rilis yang tayang: invoke releases",
        "nothing_live": "Belum ada rilis yang tayang di {target}: tidak ada yang bisa "
        "dikembalikan.",
        "no_earlier": "Tidak ada rilis sebelum {release} di {target}: tidak ada yang bisa "
        "dikembalikan.",
        "pages_siteurl": "SITEURL '{siteurl}' tidak bisa dilayani GitHub Pages: pakai "
        "https://NAMA.github.io, https://NAMA.github.io/REPOSITORI, atau domain sendiri tanpa "
        "folder (https://warta.contoh.go.id).",
        "pages_domain_path": "GitHub Pages melayani domain sendiri ({host}) hanya di akarnya: "
        "SITEURL '{siteurl}' tidak boleh berisi folder.",
        "pages_no_git": "{folder} bukan repositori git: GitHub Pages diterbitkan dari sebuah "
        "cabang repositori ini.",
        "pages_fetch_failed": "Cabang {branch} tidak bisa diambil dari {remote}: {detail}",
        "pages_failed": "Penerbitan ke cabang {branch} ({remote}) gagal: {detail}",
        "rsync_codes": {
            "10": "sambungan terputus",
            "11": "gagal menulis berkas; mungkin disk server penuh",
            "12": "sambungan terputus",
            "20": "dihentikan",
            "23": "sebagian berkas tidak terkirim",
            "30": "waktu habis",
            "255": "sambungan SSH gagal",
        },
        "rsync_other": "lihat pesan rsync di atas",
        "rsync_killed": "rsync dihentikan paksa",
    },
    "en": {
        "building": "Building the production site (publishconf.py)…",
        "uploading": "Uploading to {target} as a new release; files the same as in release "
        "{previous} are not sent again…",
        "uploading_first": "Uploading to {target}; the first upload sends every file…",
        "resuming": "An unfinished upload is on {target}: continuing it.",
        "lock_waiting": "Another upload to {target} is running; waiting for it to finish…",
        "no_flock": "Warning: the server {target} has no flock command; two uploads at the same "
        "time are not prevented.",
        "deployed": "Live: release {release} on {target} ({files} files; {sent} new or changed, "
        "the rest the same as in release {previous}). Back to release {previous}: "
        "invoke rollback",
        "deployed_first": "Live: release {release} on {target} ({files} files). The web server's "
        "document root: {current} (README, 'Going live').",
        "reload_nginx": "The old addresses' redirects (content/redirects.csv) changed. If the "
        "web server of {target} is nginx, reload it so that the new rules apply: sudo "
        "systemctl reload nginx (README, 'Server configuration'). Apache reads .htaccess "
        "itself, without a reload.",
        "pruned": "Old releases removed (the last {keep} kept): {removed}.",
        "prune_failed": "Warning: old releases could not be removed ({detail}); the new site is "
        "live.",
        "rolled_back": "Live again: release {now} on {target}. Release {was} was withdrawn and "
        "removed.",
        "releases": "Releases on {target} (oldest first):",
        "release_live": "{release}  <- live",
        "no_releases": "No release on {target} yet.",
        "pages_done": "GitHub Pages: branch {branch} updated and pushed to {remote} (commit "
        "{commit}). The site shows at {siteurl}/ once GitHub has processed it (usually 1-2 "
        "minutes).",
        "pages_committed": "Branch {branch} updated (commit {commit}), not pushed: "
        "git push {remote} {branch}",
        "pages_cname": "Custom domain: the CNAME file holds {cname}.",
        "live_release": "still release {release}",
        "live_none": "no site is live yet",
        "build_failed": "The build failed: nothing was uploaded, the live site did not change.",
        "sample_details": "WARTA_SAMPLE_DETAILS = True (pelicanconf.py): the postal code, phone, "
        "e-mail and map position in WARTA_LIBRARY are still the ones made up for the sample "
        "site. Replace them with your library's, check SITEURL and WARTA_DEPLOY in "
        "publishconf.py too, then set WARTA_SAMPLE_DETAILS = False. Nothing was built or "
        "uploaded.",
        "setting_not_dict": "WARTA_DEPLOY in publishconf.py must be a dict, for example "
        '{{"host": "library.example.org", "user": "warta", "path": "/var/www/warta"}}.',
        "setting_unknown": "WARTA_DEPLOY: unknown key '{key}'. The keys are: {known}.",
        "setting_unknown_hint": "WARTA_DEPLOY: unknown key '{key}'. Did you mean '{hint}'? "
        "The keys are: {known}.",
        "no_target": "No upload target: fill in WARTA_DEPLOY in publishconf.py (host, user, "
        "path), or give invoke deploy --path (and --host).",
        "setting_tilde": "WARTA_DEPLOY path '{path}': write it without '~'. A path not starting "
        "with / is taken from the home folder on the server: '{bare}'.",
        "setting_path": "WARTA_DEPLOY path '{path}' may only hold letters, digits, dots, "
        "underscores, hyphens, plus signs and slashes (no spaces).",
        "setting_number": "WARTA_DEPLOY['{key}'] = {value}: must be a whole number, at least "
        "{least}.",
        "no_siteurl": "SITEURL in publishconf.py is empty: set it to the site's public address, "
        "for example https://library.example.org",
        "no_site": "No build in {folder}/: run this command without --no-build (or invoke "
        "publish first).",
        "preview_build": "{folder}/ holds the preview (drafts shown), not the production site: "
        "not uploaded. Run this command without --no-build.",
        "not_production": "{folder}/ is not a production build for {expected} (its home page "
        "says {found}; invoke build makes relative links): not uploaded. Run this command "
        "without --no-build.",
        "no_rsync_here": "rsync is not installed on this computer. Install it first, for "
        "example: sudo apt install rsync",
        "no_rsync_there": "rsync is not installed on the server {target}. Ask its administrator "
        "to install it, or see the README's cPanel without SSH section.",
        "no_connection": "Cannot connect to {target}: {detail}. Check the host, user, port and "
        "SSH key (WARTA_DEPLOY in publishconf.py). The live site did not change.",
        "host_unknown": "This computer does not know the server's key yet ({target}: {detail}). "
        "Connect once with ssh (ssh -p PORT user@host), check the fingerprint with the server's "
        "administrator, then try again. In CI: set the WARTA_SSH_KNOWN_HOSTS secret.",
        "no_folder": "The folder {target} cannot be created or opened: {detail}.",
        "server_failed": "A command on {target} failed: {detail}. The live site did not change.",
        "current_is_folder": "{path} is a plain folder, not a link (symlink) to a release. Move "
        "it aside first (for example: mv current current.old), point the web server's document "
        "root at {path}, then try again.",
        "upload_failed": "The upload failed (rsync stopped with code {code}: {reason}). The live "
        "site did not change: {live}. What was uploaded is kept; the next invoke deploy "
        "continues it.",
        "interrupted": "The upload was stopped. The live site did not change: {live}. What was "
        "uploaded is kept; the next invoke deploy continues it.",
        "stopped": "Stopped. The live release: invoke releases",
        "nothing_live": "No release is live on {target}: nothing to go back to.",
        "no_earlier": "There is no release before {release} on {target}: nothing to go back to.",
        "pages_siteurl": "SITEURL '{siteurl}' cannot be served by GitHub Pages: use "
        "https://NAME.github.io, https://NAME.github.io/REPOSITORY, or a custom domain without "
        "a folder (https://news.example.org).",
        "pages_domain_path": "GitHub Pages serves a custom domain ({host}) at its root only: "
        "SITEURL '{siteurl}' cannot hold a folder.",
        "pages_no_git": "{folder} is not a git repository: GitHub Pages publishes from a branch "
        "of this repository.",
        "pages_fetch_failed": "Branch {branch} cannot be fetched from {remote}: {detail}",
        "pages_failed": "Publishing to branch {branch} ({remote}) failed: {detail}",
        "rsync_codes": {
            "10": "the connection broke",
            "11": "a file could not be written; the server's disk may be full",
            "12": "the connection broke",
            "20": "stopped",
            "23": "some files were not sent",
            "30": "timed out",
            "255": "the SSH connection failed",
        },
        "rsync_other": "see rsync's message above",
        "rsync_killed": "rsync was killed",
    },
}


def text(lang: str, key: str, /, **values) -> str:
    """The message ``key`` in ``lang`` (English for a language without messages)."""
    texts = MESSAGES.get(lang, MESSAGES["en"])
    if "live" in values:  # the release readers still see, or none yet
        live = values["live"]
        values["live"] = texts["live_release"].format(release=live) if live else texts["live_none"]
    if "code" in values:
        code = values["code"]
        reason = texts["rsync_killed"] if code < 0 else texts["rsync_other"]
        values["reason"] = texts["rsync_codes"].get(str(code), reason)
    return texts[key].format(**values)
