"""A big WordPress export, generated (large inputs are never committed): for the
import's speed test and scripts/bench_import.py."""

from pathlib import Path

from PIL import Image

SITE = "https://perpusda.example.id"


ATTACHMENTS = 5  # per post: a library's posts carry a handful of photos each


def big_export(folder, posts=1000, attachments=ATTACHMENTS):
    """Write ``folder``/export.xml with ``posts`` published posts (Gutenberg paragraphs, a
    captioned image each, ``attachments`` photos attached to each and two of them in a
    gallery, categories and tags, every tenth paired with an English one) and
    ``folder``/uploads with their photos. Returns (export, uploads)."""
    folder = Path(folder)
    uploads = folder / "uploads" / "2021" / "05"
    uploads.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (16, 12), (10, 90, 140)).save(uploads / "foto.jpg")
    photo = (uploads / "foto.jpg").read_bytes()
    items, terms = [], []
    for n in range(1, posts + 1):
        ids = [100_000 + n * 10 + k for k in range(attachments)]
        for k, number in enumerate(ids):
            (uploads / f"foto-{n}-{k}.jpg").write_bytes(photo)
            items.append(
                f"""<item><title>foto-{n}-{k}</title><link>{SITE}/2021/05/01/tulisan-{n}/foto-{n}-{k}/</link>
<wp:post_id>{number}</wp:post_id><wp:post_parent>{n}</wp:post_parent><wp:post_type>attachment</wp:post_type>
<wp:status>inherit</wp:status><wp:post_name>foto-{n}-{k}</wp:post_name>
<wp:attachment_url>{SITE}/wp-content/uploads/2021/05/foto-{n}-{k}.jpg</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Foto {k}</wp:meta_value></wp:postmeta></item>"""
            )
        lang = "en" if n % 10 == 0 else "id"
        pair = f"pll_{n - 1}" if lang == "en" else f"pll_{n}"
        if lang == "id" and (n + 1) % 10 == 0:
            terms.append(
                f"<wp:term><wp:term_id>{1000 + n}</wp:term_id><wp:term_taxonomy><![CDATA[post_translations]]>"
                f"</wp:term_taxonomy><wp:term_slug><![CDATA[{pair}]]></wp:term_slug><wp:term_name>"
                f"<![CDATA[{pair}]]></wp:term_name><wp:term_description><![CDATA["
                f'a:2:{{s:2:"id";i:{n};s:2:"en";i:{n + 1};}}]]></wp:term_description></wp:term>'
            )
        body = "\n\n".join(
            f"<!-- wp:paragraph -->\n<p>Paragraf {p} tulisan {n}: perpustakaan &amp; "
            f"literasi &#8220;untuk semua&#8221;.</p>\n<!-- /wp:paragraph -->"
            for p in range(6)
        )
        body += (
            '\n\n<!-- wp:image {"id":1} -->\n<figure class="wp-block-image size-large"><img src="'
            f'{SITE}/wp-content/uploads/2021/05/foto-1024x768.jpg" alt="Rak buku" class="wp-image-1"/>'
            "<figcaption>Rak buku baru</figcaption></figure>\n<!-- /wp:image -->"
        )
        if len(ids) >= 2:
            body += f'\n\n[gallery ids="{ids[0]},{ids[1]}"]'
        items.append(
            f"""<item><title>Tulisan nomor {n}</title><link>{SITE}/{"en/" if lang == "en" else ""}2021/05/01/tulisan-{n}/</link>
<dc:creator><![CDATA[admin]]></dc:creator><content:encoded><![CDATA[{body}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{n}</wp:post_id>
<wp:post_date><![CDATA[2021-05-01 08:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2021-05-01 01:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[tulisan-{n}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>
<wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="berita"><![CDATA[Berita]]></category>
<category domain="post_tag" nicename="asas-kemitraan"><![CDATA[Asas Kemitraan]]></category>
<category domain="post_tag" nicename="tag-{n % 20}"><![CDATA[tag {n % 20}]]></category>
<category domain="language" nicename="{lang}"><![CDATA[{lang}]]></category>
{f'<category domain="post_translations" nicename="{pair}"><![CDATA[{pair}]]></category>' if n % 10 in (9, 0) else ""}
</item>"""
        )
    export = folder / "export.xml"
    export.write_text(
        f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Perpustakaan</title><link>{SITE}</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{SITE}</wp:base_site_url>
<wp:author><wp:author_login><![CDATA[admin]]></wp:author_login><wp:author_display_name><![CDATA[Admin]]></wp:author_display_name></wp:author>
{"".join(terms)}
{"".join(items)}
</channel></rss>
""",
        encoding="utf-8",
    )
    return export, folder / "uploads"
