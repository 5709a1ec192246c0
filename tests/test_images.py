"""Images in content/images: their content must match their suffix, their names the id rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.files import image_format_of
from tests.conftest import run_kyky
from tests.small_catalogue import company, product, school, text

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 "
HTML = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
# The line and column of `image:`'s value in the product file that `product` writes.
IMAGE_PLACE = "13:8"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A school, a company and a product whose image is images/kuva.png, not yet written."""
    root = tmp_path / "content"
    school(root)
    company(root)
    (root / "images").mkdir()
    use_image(root, "images/kuva.png")
    return root


def use_image(root: Path, image: str) -> None:
    product(
        root,
        "lukupeli",
        "Lukupeli",
        image=image,
        image_alt=text("Ruutukaappaus pelistä"),
        image_privacy="no-identifiable-pupils",
    )


def check_lines(root: Path, language: str = "en") -> tuple[int, list[str]]:
    result = run_kyky("check", "--content", str(root), "--lang", language)
    return result.returncode, result.stdout.splitlines()


def test_image_place_is_where_product_writes_it(content: Path) -> None:
    lines = (content / "products" / "lukupeli.yml").read_text("utf-8").splitlines()
    line, column = map(int, IMAGE_PLACE.split(":"))
    assert lines[line - 1][column - 1 :] == "images/kuva.png"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (PNG, "PNG"),
        (JPEG, "JPEG"),
        (WEBP, "WebP"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", None),
        (b"\x89PNG\r\n", None),
        (b"", None),
        (HTML, None),
    ],
)
def test_image_format_of_signatures(head: bytes, expected: str | None) -> None:
    assert image_format_of(head) == expected


@pytest.mark.parametrize(
    ("name", "head"),
    [("kuva.png", PNG), ("kuva.jpg", JPEG), ("kuva.jpeg", JPEG), ("kuva.webp", WEBP)],
)
def test_matching_image_passes(content: Path, name: str, head: bytes) -> None:
    (content / "images" / name).write_bytes(head)
    use_image(content, f"images/{name}")
    assert check_lines(content) == (0, ["3 files checked: no errors, 0 warnings."])


def test_html_saved_as_png_rejected(content: Path) -> None:
    (content / "images" / "kuva.png").write_bytes(HTML)
    assert check_lines(content) == (
        1,
        [
            f"{content}/products/lukupeli.yml:{IMAGE_PLACE}: error: image: the file "
            "images/kuva.png is not a PNG image: its first bytes match no PNG, JPEG or WebP "
            "image (it may be a web page saved under an image name, for instance). Save the "
            "image again from an image program as PNG, JPEG or WebP.",
            "3 files checked: 1 error, 0 warnings. Fix the errors and run the check again.",
        ],
    )


def test_fake_image_blocks_build(content: Path, tmp_path: Path) -> None:
    (content / "images" / "kuva.png").write_bytes(HTML)
    site = tmp_path / "site"
    result = run_kyky("build", "--content", str(content), "--site-dir", str(site))
    assert result.returncode == 1
    assert result.stderr == (
        "Sivustoa ei rakennettu, koska sisällössä on virheitä. Korjaa ne ja yritä uudelleen.\n"
    )
    assert not site.exists()


def test_empty_webp_rejected_in_swedish(content: Path) -> None:
    (content / "images" / "kuva.webp").write_bytes(b"")
    use_image(content, "images/kuva.webp")
    code, lines = check_lines(content, "sv")
    assert code == 1
    assert lines[:-1] == [
        f"{content}/products/lukupeli.yml:{IMAGE_PLACE}: fel: image: filen images/kuva.webp är "
        "ingen WebP-bild: dess början motsvarar inte en PNG-, JPEG- eller WebP-bild (den kan "
        "till exempel vara en webbsida som sparats med ett bildnamn). Spara bilden på nytt i "
        "ett bildprogram i formatet PNG, JPEG eller WebP."
    ]


def test_png_named_jpg_gets_new_name(content: Path) -> None:
    (content / "images" / "kuva.jpg").write_bytes(PNG)
    use_image(content, "images/kuva.jpg")
    code, lines = check_lines(content, "fi")
    assert code == 1
    assert lines[:-1] == [
        f"{content}/products/lukupeli.yml:{IMAGE_PLACE}: virhe: image: tiedoston "
        "images/kuva.jpg sisältö on PNG-kuva eikä nimen mukainen JPEG-kuva. Nimeä tiedosto: "
        "images/kuva.png ja kirjoita uusi nimi tähän."
    ]


@pytest.mark.parametrize(
    ("name", "rule", "suggestion"),
    [
        (
            "Kuva 1.png",
            "it may contain only the letters a–z, digits and hyphens (no ä, ö, å or spaces)",
            "kuva-1.png",
        ),
        ("Kuva.png", "it contains capital letters", "kuva.png"),
        ("kuva.PNG", "it contains capital letters", "kuva.png"),
        (
            "kuva--iso.jpg",
            "it must not start or end with a hyphen or contain two hyphens in a row",
            "kuva-iso.jpg",
        ),
    ],
)
def test_image_name_follows_id_rule(content: Path, name: str, rule: str, suggestion: str) -> None:
    (content / "images" / name).write_bytes(JPEG if "jpg" in name else PNG)
    use_image(content, f"images/{name}")
    code, lines = check_lines(content)
    assert code == 1
    assert lines[:-1] == [
        f'{content}/images/{name}:1:1: error: the image file name "{name}" is not allowed: '
        f"{rule}. Rename the file to {suggestion} and write the new name in the image field "
        "that refers to it."
    ]


def test_image_name_in_finnish(content: Path) -> None:
    (content / "images" / "Kesä kuva.png").write_bytes(PNG)
    use_image(content, "images/kuva.png")
    (content / "images" / "kuva.png").write_bytes(PNG)
    code, lines = check_lines(content, "fi")
    assert code == 1
    assert lines[:-1] == [
        f'{content}/images/Kesä kuva.png:1:1: virhe: kuvan tiedostonimi "Kesä kuva.png" ei '
        "kelpaa: siinä saa olla vain kirjaimia a–z, numeroita ja yhdysmerkkejä (ei ä, ö, å "
        "eikä välilyöntejä). Nimeä tiedosto: kesa-kuva.png ja kirjoita uusi nimi kuvaan "
        "viittaavaan kenttään image."
    ]
