package cn.gov.linfen.fenhe.documents;

import cn.gov.linfen.fenhe.documents.OfficialDocument.Block;
import cn.gov.linfen.fenhe.documents.OfficialDocument.Cell;
import cn.gov.linfen.fenhe.documents.OfficialDocument.Paragraph;
import cn.gov.linfen.fenhe.documents.OfficialDocument.Row;
import cn.gov.linfen.fenhe.documents.OfficialDocument.Signature;
import cn.gov.linfen.fenhe.documents.OfficialDocument.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays an {@link OfficialDocument} out on A4 pages with PDFBox: margins of GB/T 9704 (top 37 mm,
 * left 28 mm, right 26 mm, bottom 35 mm), the title centred, the number under it, paragraphs
 * wrapped character by character (Chinese has no spaces to break at), tables with borders whose
 * rows move whole to the next page, the signature set to the right. The Chinese font is embedded as
 * a subset. The output is deterministic for the same document and date (fixed document id and
 * dates), so its SHA-256 identifies the issued document.
 */
public final class PdfWriter {

  private static final float MM = 72f / 25.4f;
  private static final float TOP = 37 * MM;
  private static final float BOTTOM = 35 * MM;
  private static final float LEFT = 28 * MM;
  private static final float RIGHT = 26 * MM;
  private static final float TITLE_SIZE = 20f;
  private static final float BODY_SIZE = 14f;
  private static final float TABLE_SIZE = 11f;
  private static final float LEADING = 1.6f;
  private static final float CELL_PADDING = 4f;

  private final PDDocument pdf;
  private final PDType0Font font;
  private final float width;
  private PDPageContentStream content;
  private float y;

  private PdfWriter(PDDocument pdf, PDType0Font font) {
    this.pdf = pdf;
    this.font = font;
    this.width = PDRectangle.A4.getWidth() - LEFT - RIGHT;
  }

  /** The document as PDF bytes, in the given font, dated {@code issuedAt}. */
  public static byte[] write(
      OfficialDocument document, TrueTypeFont chineseFont, Instant issuedAt) {
    try (PDDocument pdf = new PDDocument()) {
      PDType0Font font = PDType0Font.load(pdf, chineseFont, true);
      PdfWriter writer = new PdfWriter(pdf, font);
      writer.newPage();
      writer.title(document.title());
      if (document.number() != null) {
        writer.centred(document.number(), BODY_SIZE);
      }
      writer.y -= BODY_SIZE * 0.6f;
      for (Block block : document.blocks()) {
        if (block instanceof Paragraph paragraph) {
          writer.paragraph(paragraph);
        } else if (block instanceof Table table) {
          writer.table(table);
        } else if (block instanceof Signature signature) {
          writer.signature(signature);
        }
      }
      writer.content.close();
      metadata(pdf, document, issuedAt);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      pdf.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void metadata(PDDocument pdf, OfficialDocument document, Instant issuedAt)
      throws IOException {
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setTitle(document.title());
    info.setProducer("Fenhe 汾河");
    info.setCreator("Fenhe 汾河");
    Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    date.setTimeInMillis(issuedAt.toEpochMilli());
    info.setCreationDate(date);
    info.setModificationDate(date);
    // a fixed id (PDFBox would take the current time): the same document gives the same bytes
    byte[] id = sha256((document.title() + "|" + document.number() + "|" + issuedAt));
    COSArray ids = new COSArray();
    ids.add(new COSString(java.util.Arrays.copyOf(id, 16)));
    ids.add(new COSString(java.util.Arrays.copyOf(id, 16)));
    pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void newPage() throws IOException {
    if (content != null) {
      content.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    pdf.addPage(page);
    content = new PDPageContentStream(pdf, page);
    y = PDRectangle.A4.getHeight() - TOP;
  }

  private void room(float height) throws IOException {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  private void title(String text) throws IOException {
    for (String line : wrap(text, TITLE_SIZE, width)) {
      room(TITLE_SIZE * LEADING);
      y -= TITLE_SIZE * LEADING;
      text(line, LEFT + (width - textWidth(line, TITLE_SIZE)) / 2, y, TITLE_SIZE);
    }
    y -= TITLE_SIZE * 0.4f;
  }

  private void centred(String text, float size) throws IOException {
    room(size * LEADING);
    y -= size * LEADING;
    text(text, LEFT + (width - textWidth(text, size)) / 2, y, size);
  }

  private void paragraph(Paragraph paragraph) throws IOException {
    String indent = paragraph.indent() ? "　　" : "";
    for (String part : paragraph.text().split("\n", -1)) {
      for (String line : wrap(indent + part, BODY_SIZE, width)) {
        room(BODY_SIZE * LEADING);
        y -= BODY_SIZE * LEADING;
        text(line, LEFT, y, BODY_SIZE);
      }
    }
  }

  private void signature(Signature signature) throws IOException {
    y -= BODY_SIZE * LEADING;
    for (String line : signature.lines()) {
      room(BODY_SIZE * LEADING);
      y -= BODY_SIZE * LEADING;
      float lineWidth = textWidth(line, BODY_SIZE);
      text(line, LEFT + width - lineWidth - 2 * BODY_SIZE, y, BODY_SIZE);
    }
  }

  private void table(Table table) throws IOException {
    float total = 0;
    for (float share : table.widths()) {
      total += share;
    }
    float[] columns = new float[table.widths().length];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = width * table.widths()[i] / total;
    }
    y -= TABLE_SIZE * 0.5f;
    for (Row row : table.rows()) {
      List<List<String>> cells = new ArrayList<>();
      List<float[]> spans = new ArrayList<>();
      int column = 0;
      float x = LEFT;
      int lines = 1;
      for (Cell cell : row.cells()) {
        float cellWidth = 0;
        for (int i = 0; i < cell.span() && column < columns.length; i++, column++) {
          cellWidth += columns[column];
        }
        List<String> wrapped = new ArrayList<>();
        for (String part : cell.text().split("\n", -1)) {
          wrapped.addAll(wrap(part, TABLE_SIZE, cellWidth - 2 * CELL_PADDING));
        }
        cells.add(wrapped);
        spans.add(new float[] {x, cellWidth});
        lines = Math.max(lines, wrapped.size());
        x += cellWidth;
      }
      float height = lines * TABLE_SIZE * LEADING + 2 * CELL_PADDING;
      room(height);
      for (int i = 0; i < cells.size(); i++) {
        float cellX = spans.get(i)[0];
        float cellWidth = spans.get(i)[1];
        content.setLineWidth(0.6f);
        content.addRect(cellX, y - height, cellWidth, height);
        content.stroke();
        float lineY = y - CELL_PADDING;
        for (String line : cells.get(i)) {
          lineY -= TABLE_SIZE * LEADING;
          text(line, cellX + CELL_PADDING, lineY + TABLE_SIZE * 0.35f, TABLE_SIZE);
        }
      }
      y -= height;
    }
    y -= TABLE_SIZE * 0.5f;
  }

  private void text(String text, float x, float baseline, float size) throws IOException {
    if (text.isEmpty()) {
      return;
    }
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, baseline);
    content.showText(text);
    content.endText();
  }

  private float textWidth(String text, float size) throws IOException {
    return font.getStringWidth(text) / 1000f * size;
  }

  /**
   * The text in lines that fit the width, broken between any two characters (Chinese), a character
   * the font lacks replaced by a full-width question mark.
   */
  List<String> wrap(String text, float size, float maxWidth) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    float lineWidth = 0;
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      String character = printable(codePoint);
      float characterWidth = textWidth(character, size);
      if (lineWidth + characterWidth > maxWidth && line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
        lineWidth = 0;
      }
      line.append(character);
      lineWidth += characterWidth;
    }
    lines.add(line.toString());
    return lines;
  }

  private String printable(int codePoint) {
    if (codePoint == '\t' || codePoint == '\r') {
      return " ";
    }
    String character = new String(Character.toChars(codePoint));
    try {
      // the subset font throws for a character it has no glyph for (glyph 0)
      font.encode(character);
      return character;
    } catch (IOException | IllegalArgumentException missing) {
      return "？";
    }
  }
}
