"""PDF pages to crisp 1-bit bitmaps at the printer's own resolution (QtPdf; no QtWidgets).

Thermal printers print whole dots: a bitmap that is scaled, dithered or antialiased again on its way
to the print head blurs barcode edges. So every page is rendered by PDFium with aliased text, paths
and images straight at the page size in printer dots, flattened onto white (QtPdf renders onto a
transparent background, which would turn solid black in a plain grey conversion), and thresholded
to 1 bit without dithering. All of this is plain QImage work and safe off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPoint, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions

from packstation.domain.errors import PrintError
from packstation.domain.message import QT_TRANSLATE_NOOP

MM_PER_INCH = 25.4
POINTS_PER_INCH = 72.0
# A page within this of the media size is the media size (Qt rounds pages to whole points).
_SAME_SIZE = 0.01
PAGE_SLACK_MM = 12.0
_BLACK_WHITE = [0xFF000000, 0xFFFFFFFF]


def mm_to_dots(mm: float, dpi: int) -> int:
    """Millimetres to whole printer dots at `dpi`."""
    return round(mm / MM_PER_INCH * dpi)


def media_layout(size_mm: tuple[float, float], *, rotate: bool = False) -> QPageLayout:
    """A portrait page of exactly the media size with zero margins.

    Args:
        size_mm: The label's width and height as the Market draws it.
        rotate: The printer feeds the label turned by 90 degrees, so the page is height x width.
    """
    width, height = size_mm
    if rotate:
        width, height = height, width
    name = f"{width:g}x{height:g}mm"
    exact = QPageSize.SizeMatchPolicy.ExactMatch
    page_size = QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, name, exact)
    return QPageLayout(page_size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def page_dots(layout: QPageLayout, dpi: int) -> QSize:
    """The full page in printer dots as Qt will paint it (Qt rounds page sizes to whole points)."""
    return layout.fullRectPixels(dpi).size()


def render_pdf_mono(pdf: bytes, *, target: QSize, dpi: int, rotate: bool = False) -> list[QImage]:
    """Render every page of `pdf` to a 1-bit image of exactly `target` dots.

    A page of the media's size fills the target. A page up to `PAGE_SLACK_MM` larger or smaller
    (the Market's A7 PDF is 80.4x125.6 mm with its margins) is drawn at its true scale and centred,
    so barcode modules keep their width; any other page is scaled to fit, in proportion.

    Args:
        pdf: The label PDF (one page per box).
        target: The printed page in dots (from `page_dots`), already turned if `rotate`.
        dpi: The printer's resolution.
        rotate: Turn each rendered page by 90 degrees clockwise to match the feed.

    Returns:
        One `QImage.Format_Mono` image per page.

    Raises:
        PrintError: The bytes are not a readable PDF or have no pages.
    """
    document = _load(pdf)
    try:
        unrotated = target.transposed() if rotate else target
        pages = []
        for index in range(document.pageCount()):
            grey = _render_page(document, index, unrotated, dpi)
            if rotate:
                grey = grey.transformed(QTransform().rotate(90))
            pages.append(to_mono(grey))
        return pages
    finally:
        document.close()


def to_mono(image: QImage) -> QImage:
    """Flatten `image` onto white and threshold it to 1 bit (black where darker than mid-grey)."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(QPoint(0, 0), image)
    painter.end()
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.MonoOnly
    mono = flat.convertToFormat(QImage.Format.Format_Mono, flags)
    if mono.colorTable() != _BLACK_WHITE:
        # Qt's PDF and CUPS engines send a 1-bit image as a lossless bitmap only when its colour
        # table is exactly (black, white); any other order goes out as an RGB JPEG with fuzzy edges.
        mono.invertPixels()
        mono.setColorTable(_BLACK_WHITE)
    return mono


def _load(pdf: bytes) -> QPdfDocument:
    if not pdf.startswith(b"%PDF"):
        raise _unreadable()
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        document.close()
        raise _unreadable()
    return document


def _unreadable() -> PrintError:
    return PrintError(
        QT_TRANSLATE_NOOP("Raster", "The label PDF could not be read."),
        hint=QT_TRANSLATE_NOOP(
            "Raster", "Fetch the labels again; if it repeats, turn on “render labels from label data”."
        ),
    )


def _render_page(document: QPdfDocument, index: int, target: QSize, dpi: int) -> QImage:
    options = QPdfDocumentRenderOptions()
    flag = QPdfDocumentRenderOptions.RenderFlag
    options.setRenderFlags(flag.TextAliased | flag.ImageAliased | flag.PathAliased)
    page = document.pagePointSize(index)
    size = _placement(page, target, dpi)
    rendered = document.render(index, size, options)
    if size == target:
        return rendered
    canvas = QImage(target, QImage.Format.Format_ARGB32)
    canvas.fill(Qt.GlobalColor.white)
    painter = QPainter(canvas)
    corner = QPoint((target.width() - size.width()) // 2, (target.height() - size.height()) // 2)
    painter.drawImage(corner, rendered)
    painter.end()
    return canvas


def _placement(page: QSizeF, target: QSize, dpi: int) -> QSize:
    """The size in dots to render `page` at before centring it on `target` (see render_pdf_mono)."""
    if page.width() <= 0 or page.height() <= 0:
        return target
    native = QSize(round(page.width() / POINTS_PER_INCH * dpi), round(page.height() / POINTS_PER_INCH * dpi))
    width_off = abs(native.width() - target.width())
    height_off = abs(native.height() - target.height())
    same_width = width_off <= max(2, target.width() * _SAME_SIZE)
    if same_width and height_off <= max(2, target.height() * _SAME_SIZE):
        return target  # the same media, give or take Qt's rounding to whole points
    slack = mm_to_dots(PAGE_SLACK_MM, dpi)
    if width_off <= slack and height_off <= slack:
        return native
    scale = min(target.width() / page.width(), target.height() / page.height())
    return QSize(max(1, round(page.width() * scale)), max(1, round(page.height() * scale)))


def render_pdf_mono_at(pdf: bytes, *, dpi: int) -> list[QImage]:
    """Render every page at its own size in dots at `dpi`, 1-bit (previews of what prints).

    Raises:
        PrintError: The bytes are not a readable PDF or have no pages.
    """
    document = _load(pdf)
    try:
        pages = []
        for index in range(document.pageCount()):
            points = document.pagePointSize(index)
            scale = dpi / POINTS_PER_INCH
            size = QSize(round(points.width() * scale), round(points.height() * scale))
            pages.append(to_mono(_render_page(document, index, size, dpi)))
        return pages
    finally:
        document.close()
