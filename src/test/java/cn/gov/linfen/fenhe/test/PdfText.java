package cn.gov.linfen.fenhe.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF as a reader copies it (PDFBox's PDFTextStripper), for assertions. */
public final class PdfText {

  private PdfText() {}

  /** The text, whitespace and line breaks removed (a wrapped line must not break a match). */
  public static String of(byte[] pdf) {
    return raw(pdf).replaceAll("\\s+", "");
  }

  public static String raw(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pages, A4 or not, and whether every font is embedded. */
  public static PDDocument load(byte[] pdf) {
    try {
      return Loader.loadPDF(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
