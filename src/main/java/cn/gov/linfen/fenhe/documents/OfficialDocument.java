package cn.gov.linfen.fenhe.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * What an official document says, as blocks from top to bottom: the procedures build it from a
 * case's data, the platform lays it out on A4 ({@link PdfWriter}). No PDF library in sight of the
 * procedures.
 *
 * @param title the document's title (二号, centred)
 * @param number its number (文号), printed under the title; null when it has none
 * @param blocks the body
 */
public record OfficialDocument(String title, String number, List<Block> blocks) {

  /** One part of the body. */
  public sealed interface Block permits Paragraph, Table, Signature {}

  /**
   * A paragraph, wrapped at the margin. {@code indent}: the first line indented by two characters
   * as Chinese documents are; {@code heading}: the addressee or a heading, not indented.
   */
  public record Paragraph(String text, boolean indent) implements Block {}

  /** A table with borders: widths in shares of the text width, cells wrapped in their column. */
  public record Table(float[] widths, List<Row> rows) implements Block {}

  /** A table row: cells left to right; a cell may span columns. */
  public record Row(List<Cell> cells) {
    public static Row of(Object... cells) {
      List<Cell> list = new ArrayList<>();
      for (Object cell : cells) {
        list.add(cell instanceof Cell c ? c : new Cell(String.valueOf(cell), 1));
      }
      return new Row(list);
    }
  }

  /** A table cell spanning {@code span} columns. */
  public record Cell(String text, int span) {
    public static Cell span(String text, int span) {
      return new Cell(text, span);
    }
  }

  /** Lines set to the right: the issuer, the date (落款), a signature line. */
  public record Signature(List<String> lines) implements Block {}

  /** A builder in reading order. */
  public static Builder titled(String title, String number) {
    return new Builder(title, number);
  }

  /** Builds a document block by block. */
  public static final class Builder {
    private final String title;
    private final String number;
    private final List<Block> blocks = new ArrayList<>();

    Builder(String title, String number) {
      this.title = title;
      this.number = number;
    }

    public Builder heading(String text) {
      blocks.add(new Paragraph(text, false));
      return this;
    }

    public Builder paragraph(String text) {
      blocks.add(new Paragraph(text, true));
      return this;
    }

    public Builder table(float[] widths, List<Row> rows) {
      blocks.add(new Table(widths, rows));
      return this;
    }

    public Builder signature(String... lines) {
      blocks.add(new Signature(List.of(lines)));
      return this;
    }

    public OfficialDocument build() {
      return new OfficialDocument(title, number, List.copyOf(blocks));
    }
  }
}
