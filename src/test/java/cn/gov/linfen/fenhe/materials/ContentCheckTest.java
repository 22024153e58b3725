package cn.gov.linfen.fenhe.materials;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** What a file is by its content, never by its name; names made safe. */
class ContentCheckTest {

  static byte[] zip(String entry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry(entry));
      zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void formats_are_told_by_their_magic_bytes_not_by_the_name() throws IOException {
    assertThat(ContentCheck.detect(TestFiles.pdf("x"), "a.png")).contains(Format.PDF);
    assertThat(ContentCheck.detect(TestFiles.png(), "a.pdf")).contains(Format.PNG);
    assertThat(ContentCheck.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, "a"))
        .contains(Format.JPG);
    assertThat(ContentCheck.detect(zip("word/document.xml"), "a.pdf")).contains(Format.DOCX);
    assertThat(ContentCheck.detect(zip("xl/workbook.xml"), "a.pdf")).contains(Format.XLSX);
    assertThat(ContentCheck.detect(zip("evil.sh"), "a.docx")).isEmpty();
    assertThat(ContentCheck.detect("hello".getBytes(StandardCharsets.UTF_8), "a.pdf")).isEmpty();
  }

  @Test
  void programs_and_scripts_are_recognised_whatever_their_name() {
    assertThat(ContentCheck.executable(new byte[] {'M', 'Z', (byte) 0x90, 0})).isTrue();
    assertThat(ContentCheck.executable(new byte[] {0x7F, 'E', 'L', 'F'})).isTrue();
    assertThat(ContentCheck.executable("#!/bin/sh".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(ContentCheck.executable(TestFiles.pdf("x"))).isFalse();
  }

  @Test
  void names_lose_path_parts_control_characters_and_excess_length() {
    assertThat(ContentCheck.cleanName("../../etc/passwd.pdf", Format.PDF)).isEqualTo("passwd.pdf");
    assertThat(ContentCheck.cleanName("C:\\temp\\..\\完税证明.pdf", Format.PDF)).isEqualTo("完税证明.pdf");
    assertThat(ContentCheck.cleanName("a\u0000b\u202Ec\r\n.pdf", Format.PDF)).isEqualTo("abc.pdf");
    assertThat(ContentCheck.cleanName("..", Format.PDF)).isEqualTo("材料.pdf");
    assertThat(ContentCheck.cleanName(null, Format.PNG)).isEqualTo("材料.png");
    String longName = "长".repeat(300) + ".pdf";
    String cleaned = ContentCheck.cleanName(longName, Format.PDF);
    assertThat(cleaned.codePointCount(0, cleaned.length())).isEqualTo(ContentCheck.MAX_NAME);
    assertThat(cleaned).endsWith(".pdf");
  }

  @Test
  void the_download_name_is_rfc_5987_with_an_ascii_fallback() {
    assertThat(MaterialsController.contentDisposition(true, "完税证明 2026.pdf"))
        .isEqualTo(
            "inline; filename=\"____ 2026.pdf\"; filename*=UTF-8''%E5%AE%8C%E7%A8%8E%E8%AF%81%E6%98%8E%202026.pdf");
    assertThat(MaterialsController.contentDisposition(false, "a\"b.docx"))
        .startsWith("attachment; filename=\"a_b.docx\"");
  }
}
