"""Draws the app icon and writes resources/icons/ (PNG 16-512, .ico, .icns).

Run by hand when the icon changes (`.venv/bin/python packaging/make_icons.py`); the generated
files are committed, so neither the build nor the app needs Pillow for icons. The motif: rising
bars reaching a target, on the app's blue.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
BIG = 1024  # drawn once large, then scaled down smoothly

BLUE_TOP, BLUE_BOTTOM = (38, 99, 235), (20, 60, 160)
WHITE, GOLD, RED = (255, 255, 255), (250, 204, 21), (239, 68, 68)


def draw() -> Image.Image:
    img = Image.new("RGBA", (BIG, BIG), (0, 0, 0, 0))
    # A vertical gradient clipped to a rounded square.
    gradient = Image.new("RGBA", (BIG, BIG))
    g = ImageDraw.Draw(gradient)
    for y in range(BIG):
        f = y / (BIG - 1)
        g.line([(0, y), (BIG, y)], fill=tuple(round(a + (b - a) * f) for a, b in zip(BLUE_TOP, BLUE_BOTTOM, strict=True)))
    mask = Image.new("L", (BIG, BIG), 0)
    ImageDraw.Draw(mask).rounded_rectangle([40, 40, BIG - 40, BIG - 40], radius=200, fill=255)
    img.paste(gradient, (0, 0), mask)

    d = ImageDraw.Draw(img)
    # Three rising bars.
    base, width, gap = 820, 150, 60
    left = 200
    for i, height in enumerate((190, 310, 430)):
        x = left + i * (width + gap)
        d.rounded_rectangle([x, base - height, x + width, base], radius=28, fill=WHITE)
    # A target (bullseye) above the tallest bar.
    cx, cy = 760, 250
    for r, colour in ((140, WHITE), (104, RED), (66, WHITE), (30, RED)):
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
    # The baseline.
    d.rounded_rectangle([170, base + 20, 860, base + 60], radius=20, fill=GOLD)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    images = {}
    for size in SIZES:
        images[size] = big.resize((size, size), Image.LANCZOS)
        images[size].save(OUT / f"kpiwizard-{size}.png", optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(
        OUT / "kpiwizard.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    )
    big.resize((1024, 1024), Image.LANCZOS).save(OUT / "kpiwizard.icns")


if __name__ == "__main__":
    main()
