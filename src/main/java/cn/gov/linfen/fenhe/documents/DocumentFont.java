package cn.gov.linfen.fenhe.documents;

import cn.gov.linfen.fenhe.common.FieldError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chinese font of the documents ({@code fenhe.documents.font}), parsed once on first use and
 * kept. A missing or unreadable file is said once in the start-up log, and every document is then
 * refused with 503 and a Chinese reason — never a 500.
 */
public class DocumentFont {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentFont.class);

  private final Path path;
  private final AtomicBoolean warned = new AtomicBoolean();
  private TrueTypeFont font;

  public DocumentFont(DocumentsProperties properties) {
    this.path = Path.of(properties.font());
    if (!Files.isReadable(path)) {
      warnOnce();
    }
  }

  public Path path() {
    return path;
  }

  /** The font, or a 503 refusal when it cannot be read. */
  public synchronized TrueTypeFont font() {
    if (font == null) {
      try {
        font = load(path);
      } catch (IOException | RuntimeException e) {
        warnOnce();
        FieldError error = DocumentsRefusal.FONT_MISSING.at("font", path);
        throw new DocumentRefused(503, error);
      }
    }
    return font;
  }

  private void warnOnce() {
    if (warned.compareAndSet(false, true)) {
      LOG.warn(
          "公文字体缺失：{} 不存在或不可读，公文（PDF）将以 503 拒绝。请安装 fonts-wqy-microhei 或设置 fenhe.documents.font"
              + " / the Chinese font {} is missing: documents are refused with 503",
          path,
          path);
    }
  }

  static TrueTypeFont load(Path path) throws IOException {
    String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".ttc")) {
      TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
      TrueTypeFont[] first = new TrueTypeFont[1];
      collection.processAllFonts(
          ttf -> {
            if (first[0] == null) {
              first[0] = ttf;
            }
          });
      if (first[0] == null) {
        throw new IOException("no font in " + path);
      }
      return first[0];
    }
    if (name.endsWith(".otf")) {
      return new OTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
    }
    return new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
  }
}
