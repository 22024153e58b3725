package cn.gov.linfen.fenhe.materials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file is, by its content (magic bytes), never by its name; and a file name made safe to
 * store and to send back. Plain logic.
 */
public final class ContentCheck {

  /** The longest file name kept (characters); a longer one is cut, keeping its extension. */
  public static final int MAX_NAME = 120;

  private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] OLE = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };
  private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
  private static final byte[] MZ = {'M', 'Z'};
  private static final byte[] ELF = {0x7F, 'E', 'L', 'F'};
  private static final byte[] SCRIPT = {'#', '!'};
  private static final byte[] MACH_O = {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE};

  private ContentCheck() {}

  /** Whether the content is a program (Windows, Linux or macOS executable, or a script). */
  public static boolean executable(byte[] content) {
    return starts(content, MZ)
        || starts(content, ELF)
        || starts(content, SCRIPT)
        || starts(content, MACH_O);
  }

  /**
   * The format the content is, if one of {@link Format}: PDF, PNG and JPEG by their signatures;
   * doc/xls by the OLE signature and the extension the name gives (both share it); docx/xlsx by the
   * ZIP signature and their main part ({@code word/document.xml}, {@code xl/workbook.xml}).
   */
  public static Optional<Format> detect(byte[] content, String fileName) {
    if (starts(content, PDF)) {
      return Optional.of(Format.PDF);
    }
    if (starts(content, PNG)) {
      return Optional.of(Format.PNG);
    }
    if (starts(content, JPEG)) {
      return Optional.of(Format.JPG);
    }
    if (starts(content, OLE)) {
      String lower = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
      return Optional.of(lower.endsWith(".xls") ? Format.XLS : Format.DOC);
    }
    if (starts(content, ZIP)) {
      return officeOpenXml(content);
    }
    return Optional.empty();
  }

  private static Optional<Format> officeOpenXml(byte[] content) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if ("word/document.xml".equals(entry.getName())) {
          return Optional.of(Format.DOCX);
        }
        if ("xl/workbook.xml".equals(entry.getName())) {
          return Optional.of(Format.XLSX);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // not a readable ZIP: not an office document
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The file name without path parts ({@code ../}, {@code /}, {@code \}, a drive), control and
   * format characters, quotes and characters Windows refuses, trimmed of dots and spaces at its
   * ends, at most {@value #MAX_NAME} characters (keeping the extension); {@code 材料} plus the
   * format's extension if nothing is left.
   */
  public static String cleanName(String original, Format format) {
    String name = original == null ? "" : original;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .filter(c -> "<>:\"|?*".indexOf(c) < 0)
        .forEach(clean::appendCodePoint);
    name = clean.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1).strip();
    }
    while (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1).strip();
    }
    String extension = "." + format.id();
    if (name.isEmpty()) {
      return "材料" + extension;
    }
    if (name.codePointCount(0, name.length()) > MAX_NAME) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      String stem = dot > 0 && !ext.isEmpty() ? name.substring(0, dot) : name;
      int keep = MAX_NAME - ext.length();
      stem = stem.substring(0, stem.offsetByCodePoints(0, Math.max(1, keep)));
      name = stem + ext;
    }
    return name;
  }
}
