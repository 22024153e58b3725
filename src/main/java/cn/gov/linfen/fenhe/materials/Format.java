package cn.gov.linfen.fenhe.materials;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A file format a catalogue may accept, recognised by its content (magic bytes). */
public enum Format {
  PDF("application/pdf", true),
  JPG("image/jpeg", true),
  PNG("image/png", true),
  DOC("application/msword", false),
  XLS("application/vnd.ms-excel", false),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false);

  private final String contentType;
  private final boolean preview;

  Format(String contentType, boolean preview) {
    this.contentType = contentType;
    this.preview = preview;
  }

  public String contentType() {
    return contentType;
  }

  /** Shown in the browser (inline) rather than downloaded. */
  public boolean preview() {
    return preview;
  }

  /** The name used in catalogues and answers: {@code pdf}, {@code jpg}, … */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Format> of(String id) {
    return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
  }

  public static Optional<Format> ofContentType(String contentType) {
    return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)).findFirst();
  }
}
