"""The fax cover sheet as a one-page PDF (fpdf2).

fpdf2 is pure Python, maintained, and writes a PDF with the 14 standard
fonts and no font files: what a fax machine or a printer needs. The
standard fonts cover Windows-1252, which has the protocol's en dash and
curly quotes; a character outside it (a name in another script) is
written in its closest Latin form, or as '?', rather than failing.
"""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from dialogs.fax import CoverSheet

if TYPE_CHECKING:
    from .outgoing import OutgoingFile

BOTTOM_MARGIN = 12  # mm left blank at the foot: fax machines and printers do not print to the edge
ENCODING = "windows-1252"  # fpdf2 declares /WinAnsiEncoding for the standard fonts with it


def _latin(text: str) -> str:
    try:
        text.encode(ENCODING)
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for char in text:
        try:
            char.encode(ENCODING)
            out.append(char)
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", char).encode(ENCODING, "ignore").decode(ENCODING)
            out.append(plain or "?")
    return "".join(out)


def render_pdf(sheet: CoverSheet) -> bytes:
    """One A4 page: CONFIDENTIAL, date, to, from, pages, the protocol's message, the sender's checklist."""
    from fpdf import FPDF  # imported here: `safeshare ask` must start fast

    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = ENCODING
    pdf.set_auto_page_break(False)
    pdf.set_margins(18, 14, 18)
    pdf.set_title("Fax cover sheet")  # metadata names no one
    pdf.set_creator("SafeShare")
    pdf.add_page()
    width = pdf.epw

    def para(text: str, size: float = 10.5, style: str = "", height: float = 5.2, gap: float = 0) -> None:
        pdf.set_font("helvetica", style, size)
        pdf.multi_cell(width, height, _latin(text), new_x="LMARGIN", new_y="NEXT")
        if gap:
            pdf.ln(gap)

    pdf.set_font("helvetica", "B", 30)
    pdf.cell(width, 14, _latin(sheet.marking), border=1, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    para("FAX COVER SHEET", 13, "B", 7)
    para(sheet.date, gap=3)

    def block(title: str, lines: tuple[str, ...]) -> None:
        para(title, 12, "B", 6)
        para("\n".join(lines), 11.5, "", 6, gap=3)

    block("To (the only person who may read this fax)", sheet.to)
    block("From", sheet.sender)
    para(sheet.pages, 11.5, "B", 6, gap=3)
    pdf.set_fill_color(235, 235, 235)
    pdf.set_font("helvetica", "B", 11)
    pdf.multi_cell(width, 5.6, _latin(sheet.disclaimer), border=1, fill=True, padding=2,
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    para(sheet.every_page, 10.5, "B", gap=4)
    para(f"{sheet.checklist_title}: the sender's checklist (Information Sharing Protocol, Faxes)", 9.5, "B", 5)
    for n, item in enumerate(sheet.checklist, 1):
        para(f"[  ] {n}. {item}", 8.5, "", 4.2)
    # An address of many lines could run past the foot of the page. Automatic page breaks are off (the
    # sheet is one page by design), so fpdf2 would draw below the edge without a second page: check where
    # the text ended, not only the page count.
    if pdf.page_no() != 1 or pdf.get_y() > pdf.h - BOTTOM_MARGIN:
        raise ValueError("the cover sheet does not fit on one page")
    return bytes(pdf.output())


def write_pdf(sheet: CoverSheet, path: Path) -> Path:
    """Write the PDF readable by the owner only (it names the sender and the recipient); never overwrite."""
    data = render_pdf(sheet)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path


def cover_file(sheet: CoverSheet, folder: Path, today) -> OutgoingFile:
    """The PDF in `folder` (SafeShare's work folder for this turn) under a name that identifies no one."""
    from .outgoing import FAX_COVER, OutgoingFile, neutral_name

    name = neutral_name(FAX_COVER, today, "pdf")
    path = write_pdf(sheet, folder / name)
    return OutgoingFile(path, name, path.stat().st_size, "application/pdf", FAX_COVER)
