"""Real image files, made by the tests: a 4000x3000 phone photo turned by its EXIF
orientation, with a GPS position, the camera's serial number and XMP; a PNG with
transparency; an iPhone HEIC. Large inputs are made, never committed."""

import shutil

from PIL import Image, ImageDraw

SERIAL = "SN-48151623-RAHASIA"
GPS_LATITUDE = (3.0, 28.0, 12.34)  # Curup, 3°28' S


def phone_photo(path, size=(4000, 3000), orientation=6):
    """A phone photo as the camera stores it: sideways, with the orientation tag that
    turns it upright, a GPS position, the camera's make, model and serial number,
    and XMP. A red block marks the stored image's top-left corner."""
    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    for i in range(0, width, 250):
        draw.rectangle((i, height // 3, i + 120, height // 3 + 400), fill=(30, 120 + i % 100, 60))
    draw.rectangle((0, 0, width // 8, height // 8), fill=(255, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "PhoneModel X"
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "S", GPS_LATITUDE, "E", (102.0, 31.0, 0.0)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=90, exif=exif, xmp=xmp)
    return path


def transparent_png(path, size=(1200, 800)):
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((200, 100, 1000, 700), fill=(0, 90, 141, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path


def iphone_photo(path):
    from pillow_heif import from_pillow

    image = Image.linear_gradient("L").resize((1200, 900)).convert("RGB")
    path.parent.mkdir(parents=True, exist_ok=True)
    from_pillow(image).save(path, quality=60)
    return path


def photo_content(content, fixtures, root):
    """The bilingual fixture site, with the photo articles (``fixtures``/photo_site) and
    their photos, made into ``content``."""
    shutil.copytree(fixtures / "bilingual_site", content)
    shutil.copytree(fixtures / "photo_site", content, dirs_exist_ok=True)
    shutil.copytree(
        root / "content" / "images", content / "images", dirs_exist_ok=True
    )  # logo, share picture
    folder = content / "articles" / "kunjungan"
    phone_photo(folder / "ponsel.jpg")
    transparent_png(folder / "layar.png")
    iphone_photo(folder / "iphone.heic")
    transparent_png(content / "images" / "gedung.png", size=(900, 600))  # for the about page
    phone_photo(content / "articles" / "draf-foto" / "rahasia.jpg", size=(800, 600), orientation=1)
    return content
